"""A rejected file's secret never reaches any output: shards, manifest, report, removed-file
lists, stdout, stderr, logs; neither does a secret carried by a file's *path*."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from tritter_data.cli import main

#: file -> (content, the secret values in it). Every value is made up for this test.
SECRET_FILES = {
    "app/settings.py": ('"""Production settings."""\n\nimport os\n\nDEBUG = False\n'
                        'AWS_ACCESS_KEY_ID = "AKIAZ7Q3X5RT2WBNV4HK"\n'
                        'AWS_SECRET_ACCESS_KEY = "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"\n',
                        ["AKIAZ7Q3X5RT2WBNV4HK", "u8Zq2vR9pL4xT7mN1cB6yH3kF0sD5gJ2wE8aQ4rT"]),
    "web/github.js": ('const { Octokit } = require("@octokit/rest");\n\n'
                      'const octokit = new Octokit({ auth: "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" });\n\n'
                      'module.exports = { octokit };\n', ["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"]),
    "svc/db.go": ('package svc\n\nimport "database/sql"\n\n'
                  'const dsn = "postgres://admin:Xk9mQ2vL7pZ@db.internal:5432/prod?sslmode=disable"\n\n'
                  'func Open() (*sql.DB, error) { return sql.Open("postgres", dsn) }\n', ["Xk9mQ2vL7pZ"]),
    "billing/charge.php": ("<?php\n\n\\Stripe\\Stripe::setApiKey('sk_live_51HqLyjWDarjtT1zdp7dc4eC39');\n\n"
                           "function charge($amount) {\n    return \\Stripe\\Charge::create(['amount' => $amount]);\n}\n",
                           ["sk_live_51HqLyjWDarjtT1zdp7dc4eC39"]),
    "config/mailer.rb": ('class Mailer\n  SETTINGS = {\n    user_name: "apikey",\n'
                         '    password: "q8Zr2vT9pL4xW7mN1cB6",\n  }\nend\n', ["q8Zr2vT9pL4xW7mN1cB6"]),
    "src/Keys.java": ('class Keys {\n    static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\\n"\n'
                      '        + "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jT\\n"\n'
                      '        + "-----END RSA PRIVATE KEY-----";\n}\n',
                      ["MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0"]),
}
#: Secrets in names: a file named after a token (its copy follows it in walk order, so without
#: the path screen the copy's exact-duplicate detail would name it) and a directory named after one.
PATH_GHP = "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"
PATH_HF = "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"
DUPLICATE = ('"""Greetings."""\n\n\ndef greet(name: str) -> str:\n    """Say hello."""\n'
             '    message = f"Hello, {name}!"\n    return message\n')
PATH_FILES = {f"keys/a_{PATH_GHP}.py": DUPLICATE, "keys/b.py": DUPLICATE,
              f"models/{PATH_HF}/load.py": 'def load(path):\n    """Open a model file."""\n    return open(path, "rb")\n'}
CLEAN_FILES = {
    "app/util.py": '"""Helpers."""\n\n\ndef add(left: int, right: int) -> int:\n    """Add two numbers."""\n'
                   '    return left + right\n',
    "app/calc.py": 'def calculate(expression):\n    """Evaluate user input."""\n    result = eval(expression)\n'
                   '    return result\n\n',
}


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)


def test_secrets_never_reach_any_output(tmp_path: Path, capsys, caplog):
    source = tmp_path / "repo"
    write_tree(source, {**{k: v[0] for k, v in SECRET_FILES.items()}, **CLEAN_FILES, **PATH_FILES})
    out, deduped = tmp_path / "out", tmp_path / "deduped"
    with caplog.at_level(logging.DEBUG):
        assert main(["-v", "prepare", "--input-dir", str(source), "--output-dir", str(out), "--quiet",
                     "--report", "--near-dedup"]) == 0
        assert main(["-v", "dedup", "--input-dir", str(out), "--output-dir", str(deduped), "--quiet",
                     "--removed-file", str(tmp_path / "removed.txt")]) == 0
    captured = capsys.readouterr()

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rejected"] == {"secret_detected": len(SECRET_FILES), "secret_in_path": 2}
    assert manifest["kept"] == len(CLEAN_FILES) + 1 and manifest["negative"] == 1
    details = {example["detail"] for example in manifest["reject_examples"]["secret_detected"]}
    assert len(details) == 5  # the manifest keeps 5 examples per reason: rule id and line only
    assert details <= {"SECRET-AWS-ACCESS-KEY-ID at line 6", "SECRET-URL-PASSWORD at line 5",
                       "SECRET-GENERIC-ASSIGNMENT at line 4", "SECRET-GITHUB-PAT at line 3",
                       "SECRET-PRIVATE-KEY at line 2", "SECRET-STRIPE-SECRET at line 3"}
    in_path = manifest["reject_examples"]["secret_in_path"]
    assert sorted((e["source"], e["detail"]) for e in in_path) == [
        ("keys/a_[SECRET-GITHUB-PAT].py", "SECRET-GITHUB-PAT in path"),
        ("models/[SECRET-HUGGINGFACE-TOKEN]/load.py", "SECRET-HUGGINGFACE-TOKEN in path")]

    outputs = [path for path in tmp_path.rglob("*") if path.is_file() and source not in path.parents]
    names = {path.name for path in outputs}
    assert {"manifest.json", "report.html", "removed.txt"} <= names and len(outputs) >= 5
    texts = [path.read_bytes().decode("utf-8", "replace") for path in outputs]
    texts += [str(path) for path in outputs]
    texts += [captured.out, captured.err, caplog.text]
    values = [value for _, values in SECRET_FILES.values() for value in values] + [PATH_GHP, PATH_HF]
    for value in values:
        for text in texts:
            assert value not in text
            assert value[:12] not in text  # not even a prefix
