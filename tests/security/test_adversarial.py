"""Hostile input: pathological text, deep nesting, unparsable and minified files, odd encodings.

Nothing here may crash or backtrack: the gates are RE2 (linear time), hits per file are
capped, and every verdict has a node budget. No wall-clock asserts; a hang would show as
a test that never ends.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tritter_data.cli import main
from tritter_data.security import security_analysers
from tritter_data.security.insecure.engine import MAX_HITS
from tritter_data.security.secrets import MAX_FINDINGS, scan_secrets

MB = 1 << 20


def run_all(text: str, language: str) -> list:
    found = []
    for analyser in security_analysers():
        found += analyser.analyse(text, language)
    return found


@pytest.mark.parametrize("text", [
    "password = '" + "a" * (2 * MB),
    'password = "' * (MB // 4),
    "AKIA" * MB,
    "-----BEGIN RSA PRIVATE KEY-----\n" + "A" * (2 * MB),
    "postgres://" + "u:" * MB + "@",
    "x" * (3 * MB),
    ("=" * 1000 + "\n") * 2000,
])
def test_pathological_text_for_the_secret_scanner(text):
    findings = scan_secrets(text)
    assert len(findings) <= MAX_FINDINGS
    assert all(f.snippet is None for f in findings)


def test_many_real_secrets_are_capped_and_still_rejected():
    text = "".join(f'token_{i} = "q8Zr2vT9pL4xW7mN1c{i:06d}"\n' for i in range(10_000))
    findings = scan_secrets(text)
    assert len(findings) == MAX_FINDINGS and findings[0].line == 1


@pytest.mark.parametrize(("language", "text"), [
    ("python", "eval(" * (MB // 2)),
    ("python", "(" * MB + "\neval(x)\n"),
    ("python", "x = " + " + ".join(["a"] * 50_000) + "\neval(x)\n"),
    ("python", "x = " + "[" * 5000 + "]" * 5000 + "\nos.system(x)\n"),
    ("javascript", "eval(" * (MB // 2)),
    ("php", "<?php " + "system(" * 100_000),
    ("ruby", "`#{" * 100_000),
    ("java", "class A { void f() { " + "stmt.executeQuery(" * 50_000),
    ("rust", "fn f() { " + "Command::new(" * 50_000),
    ("go", "package a\nfunc f() { " + "db.Query(" * 50_000),
    ("c", "int main(int argc, char **argv) { " + "system(" * 50_000),
    ("cpp", "void f(std::string s) { s = " + " + ".join(["s"] * 20_000) + "; std::system(s.c_str()); }"),
    ("python", "def f(a):\n" + "".join(f"    a{i} = a{i - 1 if i else ''} + 'x'\n" for i in range(5000))
     + "    eval(a4999)\n"),
])
def test_deep_nesting_and_sink_floods_do_not_crash(language, text):
    findings = run_all(text, language)
    assert len(findings) <= MAX_HITS


def test_deep_concatenation_is_judged_within_budget():
    code = "q = " + " + ".join(['"SELECT * FROM t WHERE a = "'] + ["a"] * 20_000) + "\ncursor.execute(q)\n"
    findings = run_all(code, "python")
    assert [f.rule_id for f in findings] in ([], ["PY-SQL"])  # either verdict is fine; no recursion error


def test_minified_one_line_javascript():
    body = ";".join(f"var v{i}=function(a){{return a*{i}}}" for i in range(20_000))
    code = ('const cp=require("child_process");' + body + ";cp.exec(`rm -rf ${dir}`);" + body
            + ";var r=eval(input);")
    assert "\n" not in code and len(code) > 500_000
    findings = run_all(code, "javascript")
    assert [(f.rule_id, f.line) for f in findings] == [("JS-EXEC", 1), ("JS-EVAL", 1)]


@pytest.mark.parametrize("language", ["python", "javascript", "typescript", "rust", "go", "java", "php", "ruby", "c", "cpp"])
def test_unparsable_garbage_with_sink_names(language):
    rng = random.Random(7)
    alphabet = "(){}[]<>\"'`;:,.=+-*/\\#$@!? \n\tabcdefxyz0123456789"
    sinks = ["eval(", "os.system(", "exec(", "cursor.execute(", "Command::new(", "db.Query(", "system(",
             "unserialize(", ".readObject(", "`ls #{", "shell=True"]
    parts = []
    for _ in range(3000):
        parts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))))
        parts.append(rng.choice(sinks))
    findings = run_all("".join(parts), language)
    assert all(f.kind in ("security", "secret") and f.line >= 1 for f in findings)


def test_lone_surrogates_and_odd_characters():
    text = "import os\nname = '\udcff\u202e'\nos.system('ls ' + name)\n"
    assert [f.rule_id for f in run_all(text, "python")] == ["PY-OS-SYSTEM"]


def test_mixed_encodings_through_prepare(tmp_path: Path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "latin1.py").write_bytes("# café\nimport os\n\n\nos.system(cmd)\n".encode("latin-1"))
    (source / "utf16.py").write_bytes("import os\nos.system(cmd)\n".encode("utf-16"))
    (source / "ok.py").write_text("import os\n\n\ndef run(cmd):\n    os.system(cmd)\n")
    (source / "crlf.js").write_bytes(b"const x = 1;\r\n\r\n\r\nfunction f(s) {\r\n  return eval(s);\r\n}\r\n")
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(source), "--output-dir", str(out), "--quiet"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input_files"] == 4
    assert manifest["rejected"] == {"binary_file": 1, "decode_error": 1}
    assert manifest["findings_by_rule"]["PY-OS-SYSTEM"] == 1 and manifest["findings_by_rule"]["JS-EVAL"] == 1


@pytest.mark.parametrize(("language", "code", "rule_id", "line"), [
    ("python", "def broken(:\n    pass\n\n\ndef run(cmd):\n    os.system(cmd)\n", "PY-OS-SYSTEM", 6),
    ("python", "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n\n\nrows = [1, 2\n", "PY-PICKLE", 5),
    ("javascript", "function f( {\n}\nconst r = eval(userInput);\n", "JS-EVAL", 3),
    ("php", "<?php\nfunction f( {\n}\nshell_exec('ls ' . $dir);\n", "PHP-SHELL", 4),
])
def test_sinks_in_files_that_do_not_parse_are_still_reported(language, code, rule_id, line):
    assert [(f.rule_id, f.line) for f in run_all(code, language)] == [(rule_id, line)]
