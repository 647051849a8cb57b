"""Library shapes reviewers judged wrong or debatable, each beside the look-alike that must stay a finding:
a dynamic import by the caller's module name (PLY, core-js), a quoting helper under another name
(youtube-dl's ``compat_shlex_quote``), a loader guarded by the program's own MAC (bottle's cookies).
"""

from __future__ import annotations

from tritter_data.security.insecure import InsecureCodeAnalyser

ANALYSER = InsecureCodeAnalyser()


def deciding(code: str, language: str = "python") -> list[tuple[str, str, int]]:
    return [(f.rule_id, f.severity, f.line) for f in ANALYSER.analyse(code, language)
            if f.kind == "security" and f.severity != "low"]


PLY_TABLES = '''class Lexer:
    def readtab(self, tabfile, fdict):
        if isinstance(tabfile, str):
            exec('import %s' % tabfile)
            lextab = sys.modules[tabfile]
        else:
            lextab = tabfile
        return lextab


def read_table(module):
    exec('import %s as parsetab' % module)
    return parsetab
'''


def test_importing_a_module_the_caller_names_is_not_a_finding() -> None:
    assert deciding(PLY_TABLES) == []
    node = '''module.exports = function (name) {
  try {
    if (IS_NODE) return Function('return require("' + name + '")')();
  } catch (error) { /* empty */ }
};
'''
    assert deciding(node, "javascript") == []


def test_an_import_named_on_the_command_line_or_code_from_a_parameter_stays_a_finding() -> None:
    assert deciding("import sys\n\nexec('import %s' % sys.argv[1])\n") == [("PY-EXEC", "critical", 3)]
    assert deciding("def run(expression):\n    exec('result = %s' % expression)\n") == [("PY-EXEC", "critical", 2)]


EXEC_AFTER_DOWNLOAD = '''import subprocess

from .compat import compat_shlex_quote


class ExecAfterDownload:
    def __init__(self, exec_cmd):
        self.exec_cmd = exec_cmd

    def run(self, information):
        cmd = self.exec_cmd
        if '{}' not in cmd:
            cmd += ' {}'
        cmd = cmd.replace('{}', compat_shlex_quote(information['filepath']))
        return subprocess.call(cmd, shell=True)
'''


def test_a_path_quoted_by_a_compat_shlex_quote_is_not_a_finding() -> None:
    assert deciding(EXEC_AFTER_DOWNLOAD) == []
    unquoted = EXEC_AFTER_DOWNLOAD.replace("compat_shlex_quote(information['filepath'])", "information['filepath']")
    assert deciding(unquoted) == [("PY-SHELL", "critical", 15)]


SIGNED_COOKIE = '''import base64
import hashlib
import hmac
import pickle


def cookie_decode(data, key, digestmod=None):
    sig, msg = data.split(b'?', 1)
    hashed = hmac.new(key, msg, digestmod=digestmod or hashlib.sha256).digest()
    if hmac.compare_digest(sig[1:], base64.b64encode(hashed)):
        return pickle.loads(base64.b64decode(msg))
    return None
'''


def test_unpickling_only_what_the_programs_own_key_signed_is_not_a_finding() -> None:
    assert deciding(SIGNED_COOKIE) == []
    # the sink stays, as a low finding
    assert [f.rule_id for f in ANALYSER.analyse(SIGNED_COOKIE, "python")] == ["PY-PICKLE"]


def test_unpickling_a_cookie_without_the_check_stays_a_finding() -> None:
    unsigned = '''import base64
import pickle


def cookie_decode(data, key):
    sig, msg = data.split(b'?', 1)
    if sig:
        return pickle.loads(base64.b64decode(msg))
    return None
'''
    assert deciding(unsigned) == [("PY-PICKLE", "high", 8)]


def test_a_minified_bundles_compiler_parameter_is_not_a_finding_but_a_request_in_it_is() -> None:
    filler = ";".join(f"var a{i}=function(t){{return t+{i}}}" for i in range(400))
    compiler = 'function Nc(e,t){const n="return "+e;return new Function("Vue",n)(Rt)}'
    assert deciding(compiler + "\nmodule.exports = Nc;\n", "javascript") == [("JS-FUNCTION", "critical", 1)]
    bundle = filler + ";" + compiler + ";module.exports = Nc;\n"
    assert len(bundle) > 10_000 and bundle.count("\n") == 1
    assert deciding(bundle, "javascript") == []
    handler = filler + ";app.get(\"/x\",function(q,r){r.send(new Function(q.query.code)())});\n"
    assert deciding(handler, "javascript") == [("JS-FUNCTION", "critical", 1)]
    readable = "function compileRule(body) {\n  return new Function(\"ctx\", body);\n}\nmodule.exports = compileRule;\n"
    assert deciding(readable, "javascript") == [("JS-FUNCTION", "critical", 2)]
