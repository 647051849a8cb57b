"""The taint engine, per language: each way data moves (propagation) and each way it is made safe.

Every case is a small program with one sink; the expected verdict is the finding's severity
(``low``: only constants or values of unknown origin reach it) or ``None`` (sanitised: no finding).
"""

from __future__ import annotations

import pytest

from tritter_data.security.insecure import InsecureCodeAnalyser


def verdict(code: str, language: str) -> list[tuple[str, str]]:
    return [(f.rule_id, f.severity) for f in InsecureCodeAnalyser().analyse(code, language)]


PROPAGATION = [
    # Python
    ("python", "assignment", "import os\ndef f(d):\n    a = d\n    b = a\n    os.system('ls ' + b)\n", "PY-OS-SYSTEM"),
    ("python", "f-string", "import os\ndef f(d):\n    os.system(f'ls {d}')\n", "PY-OS-SYSTEM"),
    ("python", "format", "import os\ndef f(d):\n    os.system('ls {}'.format(d))\n", "PY-OS-SYSTEM"),
    ("python", "percent", "import os\ndef f(d):\n    os.system('ls %s' % d)\n", "PY-OS-SYSTEM"),
    ("python", "augmented", "import os\ndef f(d):\n    c = 'ls '\n    c += d\n    os.system(c)\n", "PY-OS-SYSTEM"),
    ("python", "list append", "import subprocess\ndef f(d):\n    c = ['sh', '-c']\n    c.append('ls ' + d)\n"
     "    subprocess.run(c)\n", "PY-PROCESS"),
    ("python", "dict get", "import os\ndef f(d):\n    m = {}\n    m['k'] = d\n    os.system('ls ' + m['k'])\n",
     "PY-OS-SYSTEM"),
    ("python", "helper returns its argument", "import os\ndef wrap(x):\n    return 'ls ' + x\n\n"
     "def f(d):\n    os.system(wrap(d))\n", "PY-OS-SYSTEM"),
    ("python", "caller passes input", "import os\ndef f(d):\n    os.system('ls ' + d)\n\nf(input())\n", "PY-OS-SYSTEM"),
    ("python", "flask request", "from flask import request\n@app.route('/')\ndef view():\n"
     "    cursor.execute(\"SELECT * FROM t WHERE id = '%s'\" % request.args['id'])\n", "PY-SQL"),
    # JavaScript
    ("javascript", "template literal", "const cp = require('child_process');\n"
     "app.get('/', (req, res) => { cp.exec(`ls ${req.query.d}`); });\n", "JS-EXEC"),
    ("javascript", "array push and join", "const cp = require('child_process');\nfunction f(d) {\n"
     "  const parts = ['ls'];\n  parts.push(d);\n  cp.exec(parts.join(' '));\n}\n", "JS-EXEC"),
    ("javascript", "let and reassignment", "function f(body) {\n  let s = 'x';\n  s = body + ';';\n  eval(s);\n}\n",
     "JS-EVAL"),
    # Java
    ("java", "StringBuilder.append", "class A { public void f(String p) throws Exception {\n"
     "  StringBuilder sb = new StringBuilder(\"SELECT * FROM t WHERE a = '\");\n  sb.append(p);\n"
     "  stmt.executeQuery(sb.toString()); } }\n", "JAVA-SQL"),
    ("java", "String.format", "class A { public void f(String p) throws Exception {\n"
     "  stmt.executeQuery(String.format(\"SELECT * FROM t WHERE a = '%s'\", p)); } }\n", "JAVA-SQL"),
    ("java", "map put and get", "class A { public void f(String p) throws Exception {\n"
     "  java.util.Map<String, String> m = new java.util.HashMap<>();\n  m.put(\"k\", p);\n"
     "  Runtime.getRuntime().exec(\"ls \" + m.get(\"k\")); } }\n", "JAVA-EXEC"),
    ("java", "list add then remove", "class A { public void f(String p) throws Exception {\n"
     "  java.util.List<String> l = new java.util.ArrayList<>();\n  l.add(\"safe\");\n  l.add(p);\n"
     "  l.remove(0);\n  Runtime.getRuntime().exec(\"ls \" + l.get(0)); } }\n", "JAVA-EXEC"),
    # Go
    ("go", "var declaration", "package m\nfunc h(w http.ResponseWriter, r *http.Request) {\n"
     "\tvar q string = \"SELECT * FROM t WHERE a = '\" + r.FormValue(\"a\") + \"'\"\n\tdb.Query(q)\n}\n", "GO-SQL"),
    ("go", "a helper's if-initializer", "package m\nfunc text(v interface{}) string {\n"
     "\tif s, ok := v.(string); ok {\n\t\treturn s\n\t}\n\treturn \"\"\n}\n"
     "func h(db *sql.DB, r *http.Request) {\n\tvar data interface{} = r.FormValue(\"data\")\n"
     "\tdb.Query(\"SELECT * FROM t WHERE v = '\" + text(data) + \"'\")\n}\n", "GO-SQL"),
    ("go", "a value checked only for being non-empty", "package m\nfunc h(db *sql.DB, r *http.Request) {\n"
     "\tvar data string\n\tif r.Method == \"POST\" {\n\t\tdata = r.FormValue(\"data\")\n\t}\n"
     "\tif data != \"\" {\n\t\tdb.Query(\"SELECT * FROM t WHERE v = '\" + data + \"'\")\n\t}\n}\n", "GO-SQL"),
    ("go", "Sprintf %s", "package m\nfunc h(w http.ResponseWriter, r *http.Request) {\n"
     "\tdb.Query(fmt.Sprintf(\"SELECT * FROM t WHERE a = '%s'\", r.URL.Query().Get(\"a\")))\n}\n", "GO-SQL"),
    # PHP, Ruby, Rust, C
    ("php", "concatenation and .=", "<?php\n$q = 'SELECT * FROM t WHERE a = ';\n$q .= $_GET['a'];\n"
     "mysqli_query($db, $q);\n", "PHP-SQL"),
    ("ruby", "interpolation", "class C < ApplicationController\n  def show\n"
     "    system(\"ls #{params[:dir]}\")\n  end\nend\n", "RB-SHELL"),
    ("php", "backticks", "<?php\nfunction listing() {\n    return `ls {$_GET['dir']}`;\n}\n", "PHP-SHELL"),
    ("python", "the program os.spawnlp starts", "import os\n\n\ndef handler(event, context):\n"
     "    return os.spawnlp(os.P_WAIT, event['cmd'])\n", "PY-PROCESS"),
    ("ruby", "backticks", "class C < ApplicationController\n  def show\n"
     "    render plain: `ls #{params[:dir]}`\n  end\nend\n", "RB-SHELL"),
    ("rust", "format! with inline names", "use std::process::Command;\npub fn f(dir: &str) {\n"
     "    Command::new(\"sh\").arg(\"-c\").arg(format!(\"ls {dir}\")).status().unwrap();\n}\n", "RS-SHELL"),
    ("c", "strcpy and strcat into a buffer", "#include <stdlib.h>\nint main(int argc, char **argv) {\n"
     "    char cmd[256];\n    strcpy(cmd, \"ls \");\n    strcat(cmd, argv[1]);\n    return system(cmd);\n}\n",
     "C-SHELL"),
    ("c", "snprintf whose length is kept", "#include <stdio.h>\n#include <stdlib.h>\n"
     "void mail(const char *user) {\n    char buf[512];\n"
     "    int wanted = snprintf(buf, sizeof buf, \"sendmail '%s'\", user);\n"
     "    if (wanted < 0 || wanted >= (int) sizeof buf) return;\n    system(buf);\n}\n", "C-SHELL"),
    ("cpp", "std::string concatenation", "#include <cstdlib>\n#include <string>\n"
     "int main(int argc, char **argv) {\n    std::string c = std::string(\"ls \") + argv[1];\n"
     "    return std::system(c.c_str());\n}\n", "C-SHELL"),
]


@pytest.mark.parametrize(("language", "kind", "code", "rule"), PROPAGATION, ids=[f"{c[0]}-{c[1]}" for c in PROPAGATION])
def test_propagation_reaches_the_sink(language, kind, code, rule):
    found = verdict(code, language)
    assert len(found) == 1 and found[0][0] == rule and found[0][1] != "low", (kind, found)


SAFE = [
    # (language, what makes it safe, code, expected findings)
    ("python", "int()", "import os\ndef f(d):\n    os.system('kill %s' % int(d))\n", []),
    ("python", "shlex.quote", "import os, shlex\ndef f(d):\n    os.system('ls ' + shlex.quote(d))\n", []),
    ("python", "%d", "def f(cursor, d):\n    cursor.execute('SELECT * FROM t WHERE id = %d' % d)\n", []),
    ("python", "isidentifier() allow-list", "import sys\nname = sys.argv[1]\nif not name.isidentifier():\n"
     "    raise SystemExit(1)\nexec('import ' + name)\n", []),
    ("python", "membership allow-list", "def f(op):\n    if op not in {'add', 'sub'}:\n        return None\n"
     "    return eval('operator.' + op)\n", []),
    ("python", "pickle round trip", "import pickle\ndef f(x):\n    return pickle.loads(pickle.dumps(x))\n", []),
    ("python", "eval of repr", "def f(x):\n    return eval(repr(x))\n", []),
    ("python", "constant", "import os\nos.system('clear')\n", [("PY-OS-SYSTEM", "low")]),
    ("python", "constant-folded branch", "import os\ndef f(d):\n    c = 'ls'\n    if 7 * 42 - 86 > 200:\n"
     "        c = 'ls'\n    else:\n        c = d\n    os.system(c)\n", [("PY-OS-SYSTEM", "low")]),
    ("javascript", "parseInt", "function f(req) {\n  db.query('SELECT * FROM t WHERE id = ' + parseInt(req.query.id));\n}\n",
     []),
    ("java", "switch on a constant", "class A { public void f(String p) throws Exception {\n  String bar;\n"
     "  char t = \"ABC\".charAt(1);\n  switch (t) { case 'A': bar = p; break; case 'B': bar = \"bob\"; break;\n"
     "    default: bar = p; }\n  Runtime.getRuntime().exec(\"echo \" + bar); } }\n", [("JAVA-EXEC", "low")]),
    ("java", "ternary on a constant", "class A { public void f(String p) throws Exception {\n  int num = 196;\n"
     "  String bar = (7 * 18) + num > 200 ? \"fixed\" : p;\n  Runtime.getRuntime().exec(\"echo \" + bar); } }\n",
     [("JAVA-EXEC", "low")]),
    ("java", "Integer.parseInt", "class A { public void f(String p) throws Exception {\n"
     "  stmt.executeQuery(\"SELECT * FROM t WHERE id = \" + Integer.parseInt(p)); } }\n", []),
    ("java", "arguments of a fixed program", "class A { public void f(String p) throws Exception {\n"
     "  new ProcessBuilder(\"ls\", p).start(); } }\n", []),
    ("go", "Sprintf %d", "package m\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tid := r.FormValue(\"id\")\n"
     "\tdb.Query(fmt.Sprintf(\"SELECT * FROM t WHERE id = %d\", id))\n}\n", []),
    ("go", "pq.QuoteIdentifier", "package m\nfunc h(w http.ResponseWriter, r *http.Request) {\n"
     "\tdb.Query(\"SELECT * FROM \" + pq.QuoteIdentifier(r.FormValue(\"t\")))\n}\n", []),
    ("php", "escapeshellarg", "<?php\nsystem('ls ' . escapeshellarg($_GET['d']));\n", []),
    ("php", "intval", "<?php\nmysqli_query($db, 'SELECT * FROM t WHERE id = ' . intval($_GET['id']));\n", []),
    ("ruby", "to_i", "class C < ApplicationController\n  def show\n"
     "    User.where(\"id = #{params[:id].to_i}\")\n  end\nend\n", []),
    ("rust", "arguments of a fixed program", "use std::process::Command;\npub fn f(dir: &str) {\n"
     "    Command::new(\"ls\").arg(dir).status().unwrap();\n}\n", []),
    ("php", "escapeshellarg in backticks", "<?php\nfunction listing() {\n    $dir = escapeshellarg($_GET['dir']);\n"
     "    return `ls $dir`;\n}\n", []),
    ("php", "backticks of a value of unknown origin", "<?php\n$tool = Config::get('tool');\n$out = `$tool --version`;\n",
     [("PHP-SHELL", "low")]),
    ("ruby", "shellescape in backticks", "require 'shellwords'\nclass C < ApplicationController\n  def show\n"
     "    render plain: `ls #{params[:dir].shellescape}`\n  end\nend\n", []),
    ("ruby", "backticks of a value of unknown origin", "git_dir = File.dirname(__FILE__) + '/../.git'\n"
     "tags = `git --git-dir=#{git_dir} tag`\n", [("RB-SHELL", "low")]),
    ("c", "atoi and %d", "#include <stdio.h>\nint main(int argc, char **argv) {\n    char q[128];\n"
     "    snprintf(q, sizeof q, \"SELECT * FROM t WHERE id = %d\", atoi(argv[1]));\n"
     "    return sqlite3_exec(db, q, 0, 0, 0);\n}\n", []),
]


@pytest.mark.parametrize(("language", "kind", "code", "expected"), SAFE, ids=[f"{c[0]}-{c[1]}" for c in SAFE])
def test_sanitised_or_constant_is_not_a_negative(language, kind, code, expected):
    assert verdict(code, language) == expected, kind


def test_every_tainted_hit_in_a_file_is_reported_after_an_allow_listed_one():
    code = ("import sys\n\nname = sys.argv[1]\nif name.isidentifier():\n    exec('import ' + name)\n"
            "exec(sys.argv[2])\n")
    assert verdict(code, "python") == [("PY-EXEC", "critical")]
    finding = InsecureCodeAnalyser().analyse(code, "python")[0]
    assert finding.line == 6
    assert finding.message.startswith("Code injection: `sys.argv[2]` (line 6) reaches exec() (line 6); ")


@pytest.mark.parametrize(("code", "fix_start"), [
    ("import sys\nexec(open(sys.argv[1]).read())\n", "Do not exec() a file to read settings"),
    ("import sys\nconfig = open(sys.argv[1]).read()\nvalue = eval(config)\n", "Do not eval() a file's text"),
    ("import sys\ncode = compile(sys.stdin.read(), '<stdin>', 'eval')\nprint(eval(code))\n",
     "Do not evaluate code built from input"),
    ("def f(x):\n    return eval(x)\n", "Use ast.literal_eval()"),
])
def test_the_fix_fits_how_the_sink_is_used(code, fix_start):
    [finding] = InsecureCodeAnalyser().analyse(code, "python")
    assert finding.severity == "critical" and finding.fix.startswith(fix_start)
