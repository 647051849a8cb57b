"""Every insecure-code rule, in every language it covers: a true positive with its exact
finding and explanation, a safe look-alike that must not fire, both through the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from rule_cases import CASES, EXPECTED

from tritter_data.core.sample import Sample
from tritter_data.core.stage import run_stages
from tritter_data.security import security_analysers
from tritter_data.security.explain import CATEGORY_WORDS, RULES
from tritter_data.security.insecure import InsecureCodeAnalyser
from tritter_data.security.secrets import SecretScanner
from tritter_data.stages.pipeline import PipelineConfig, build_stages, default_analysers

EXTENSIONS = {"python": ".py", "javascript": ".js", "typescript": ".ts", "rust": ".rs", "go": ".go",
              "java": ".java", "php": ".php", "ruby": ".rb", "c": ".c", "cpp": ".cpp"}


def analyse(code: str, language: str):
    return InsecureCodeAnalyser().analyse(code, language)


def run_security_pipeline(code: str, language: str):
    stages = build_stages(PipelineConfig(), analysers=security_analysers())
    return run_stages(stages, Sample(source=f"src/case{EXTENSIONS[language]}", text=code, language=language))


def test_every_rule_has_a_case_and_languages_are_covered():
    assert set(CASES) == set(RULES)
    languages = {language for language, _, _ in CASES.values()}
    assert languages == {"python", "javascript", "typescript", "rust", "go", "java", "php", "ruby", "c", "cpp"}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_true_positive_finding(rule_id):
    language, positive, _ = CASES[rule_id]
    severity, line, cwe, message, fix = EXPECTED[rule_id]
    findings = analyse(positive, language)
    assert [(f.rule_id, f.severity, f.line, f.cwe, f.message, f.fix) for f in findings] == [
        (rule_id, severity, line, cwe, message, fix)]
    finding = findings[0]
    assert finding.kind == "security"
    assert finding.category == RULES[rule_id].category
    assert finding.snippet and finding.snippet in positive
    assert message.startswith(CATEGORY_WORDS[finding.category] + ": ")


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_safe_look_alike_does_not_fire(rule_id):
    language, _, safe = CASES[rule_id]
    assert analyse(safe, language) == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_pipeline_labels_negative_with_exact_explanation(rule_id):
    language, positive, safe = CASES[rule_id]
    severity, line, cwe, message, fix = EXPECTED[rule_id]
    result = run_security_pipeline(positive, language)
    assert isinstance(result, Sample), result
    assert result.quality_label == "negative"
    assert result.explanation == f"This code has security issues:\n- {message} ({cwe}, line {line}).\nFix: {fix}"
    assert result.quality_score == {"low": 0.9, "medium": 0.75, "high": 0.45, "critical": 0.15}[severity]
    clean = run_security_pipeline(safe, language)
    assert isinstance(clean, Sample) and clean.quality_label == "positive" and clean.explanation is None


def test_card_example_explanation():
    code = "def f(x):\n    return eval(x)\n\n\n\n"
    result = run_security_pipeline(code, "python")
    assert result.explanation == ("This code has security issues:\n- Code injection: `x` (line 1) reaches eval() "
                                  "(line 2); eval() allows arbitrary code execution (CWE-95, line 2).\n"
                                  "Fix: Use ast.literal_eval() for safe evaluation.")
    assert result.quality_score == 0.15


def test_default_pipeline_runs_secrets_then_insecure_code_then_quality():
    names = [analyser.name for analyser in default_analysers()]
    assert names == ["secrets", "insecure_code", "quality"]
    assert isinstance(default_analysers()[0], SecretScanner)


@pytest.mark.parametrize(("language", "code", "rule_id"), [
    ("python", 'import os\nos.system("clear")\n', "PY-OS-SYSTEM"),
    ("python", 'value = eval("2 ** 10")\n', "PY-EVAL"),
    ("python", 'import subprocess\nsubprocess.run("ls -l | wc -l", shell=True)\n', "PY-SHELL"),
    ("javascript", 'const four = eval("2 + 2");\n', "JS-EVAL"),
    ("php", "<?php\n$files = system(\"ls -la\");\n", "PHP-SHELL"),
    ("ruby", 'system("ls -l")\n', "RB-SHELL"),
    ("go", 'package x\nfunc f() { exec.Command("sh", "-c", "ls | wc -l").Run() }\n', "GO-SHELL"),
])
def test_constant_argument_is_low_severity(language, code, rule_id):
    assert [(f.rule_id, f.severity) for f in analyse(code, language)] == [(rule_id, "low")]


@pytest.mark.parametrize(("language", "code"), [
    ("python", '"""Never call eval(x) or os.system(cmd) on user input."""\n# pickle.loads(data) is unsafe\n'
               'print("subprocess.run(cmd, shell=True)")\n'),
    ("javascript", '// eval(code) and child_process.exec(cmd) are dangerous\nconst help = "eval(x)";\n'),
    ("ruby", '# system("ls #{dir}")\nputs "eval(code)"\n'),
    ("php", '<?php\n// eval($code);\n$doc = "unserialize($x) is unsafe";\n'),
    ("java", 'class A { /* stmt.executeQuery("SELECT " + x) */ String s = "Runtime.getRuntime().exec(c)"; }\n'),
])
def test_sink_names_in_comments_and_strings_do_not_fire(language, code):
    assert analyse(code, language) == []


def test_sql_variable_is_resolved_and_plain_variables_are_not_flagged():
    code = ('def report(cursor, table, day):\n'
            '    sql = "SELECT count(*) FROM " + table + " WHERE day = %s"\n'
            '    cursor.execute(sql, (day,))\n'
            '    query = QUERIES["daily"]\n'
            '    cursor.execute(query, (day,))\n')
    assert [(f.rule_id, f.line) for f in analyse(code, "python")] == [("PY-SQL", 3)]


def test_non_sql_string_formatting_in_execute_is_not_sql_injection():
    code = 'def run(job, name):\n    job.execute(f"build {name}")\n    job.execute("step %d" % 3)\n'
    assert analyse(code, "python") == []


def test_repeated_rule_is_listed_once_with_every_finding_kept():
    code = "def f(a, b):\n    x = eval(a)\n    y = eval(b)\n    return x, y\n\n"
    findings = analyse(code, "python")
    assert [(f.rule_id, f.line) for f in findings] == [("PY-EVAL", 2), ("PY-EVAL", 3)]
    result = run_security_pipeline(code, "python")
    assert result.explanation.count("- Code injection") == 1
    assert result.quality_score == 0.1  # critical once, plus one repeat


def test_large_file_is_analysed_in_windows_with_exact_lines():
    """A 60 KB module is not parsed whole; the sink deep inside a method keeps its real line."""
    blocks = [f'def helper_{i}(value):\n    """Return value plus {i}.\n\n    eval(x) in a docstring is text.\n    """\n'
              f'    return value + {i}\n\n\n' for i in range(400)]
    sink = ("class Loader:\n    def load(self, text):\n        if text:\n"
            "            return eval(text)\n        return None\n\n\n")
    code = "".join(blocks[:200]) + sink + "".join(blocks[200:])
    assert len(code.encode()) > 40_000
    expected_line = code[: code.index("return eval")].count("\n") + 1
    findings = analyse(code, "python")
    assert [(f.rule_id, f.severity, f.line) for f in findings] == [("PY-EVAL", "critical", expected_line)]


def test_unsupported_language_has_no_insecure_findings():
    assert analyse('Process.Start(args[0]);\nnew SqlCommand("SELECT " + name);\n', "csharp") == []


def test_python_sinks_imported_by_name_or_alias():
    code = ("from pickle import loads, dumps\nfrom os import system\nimport yaml as y\nimport json\n\n\n"
            "def restore(blob, cmd, text):\n    json.loads(text)\n    state = loads(blob)\n    system(cmd)\n"
            "    y.load(text)\n    dumps(state)\n    return state\n")
    assert [(f.rule_id, f.line, f.message.split("; ")[-1].split(": ")[-1].split("()")[0])
            for f in analyse(code, "python")] == [
        ("PY-PICKLE", 9, "pickle.loads"), ("PY-OS-SYSTEM", 10, "os.system"), ("PY-YAML", 11, "yaml.load")]


def test_bare_names_without_the_import_are_not_sinks():
    code = ("import json\n\n\ndef parse(text, loads=json.loads):\n    value = loads(text)\n"
            "    system(value)\n    return value\n")
    assert analyse(code, "python") == []


@pytest.mark.parametrize(("code", "severity"), [
    ('import subprocess\nsubprocess.Popen(["ver"], shell=True)\n', "low"),
    ('import subprocess\ndef ls(path):\n    subprocess.Popen(["ls", path], shell=True)\n', "critical"),
    ('import subprocess\ndef ls(path):\n    subprocess.Popen([f"ls {path}"], shell=True)\n', "critical"),
    ('import subprocess\nsubprocess.Popen(["ls", path], shell=True)\n', "low"),  # a global of unknown origin
])
def test_argument_vectors_of_constants_are_constant(code, severity):
    assert [(f.rule_id, f.severity) for f in analyse(code, "python")] == [("PY-SHELL", severity)]


def test_repeated_constant_text_is_not_formatting():
    code = 'def run(cursor, i):\n    cursor.execute(" " * i + "select x from test")\n'
    assert analyse(code, "python") == []


@pytest.mark.parametrize(("code", "expected"), [
    ('import { exec } from "child_process";\nconst cast = <string>value;\n'
     'export function run(dir: string): void { exec(`ls ${dir}`); }\n', [("JS-EXEC", 3)]),
    ('import { exec } from "child_process";\nexport function run(dir: string): void { exec(`ls ${dir}`); }\n'
     'export const App = () => <div onClick={() => eval(code)}>hi</div>;\n', [("JS-EXEC", 2), ("JS-EVAL", 3)]),
])
def test_typescript_with_type_assertions_and_with_jsx(code, expected):
    assert [(f.rule_id, f.line) for f in analyse(code, "typescript")] == expected


def test_sqlalchemy_text_wrapping_a_formatted_query():
    code = ("from sqlalchemy import text\n\n\ndef find(session, name):\n"
            "    session.execute(text(f\"SELECT id FROM users WHERE name = '{name}'\"))\n"
            "    session.execute(text(\"SELECT id FROM users WHERE name = :name\"), {\"name\": name})\n")
    assert [(f.rule_id, f.line) for f in analyse(code, "python")] == [("PY-SQL", 5)]


def test_psycopg_sql_composition_is_safe():
    code = ("from psycopg2 import sql\n\n\ndef count(cursor, table):\n"
            "    query = sql.SQL(\"SELECT count(*) FROM {}\").format(sql.Identifier(table))\n"
            "    cursor.execute(query)\n    return cursor.fetchone()\n")
    assert analyse(code, "python") == []
