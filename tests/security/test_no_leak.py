"""A rejected file's secret never reaches any output: shards, manifest, stdout, stderr, logs."""

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
                      'const octokit = new Octokit({ auth: "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6" });\n\n'
                      'module.exports = { octokit };\n', ["ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"]),
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
CLEAN_FILES = {
    "app/util.py": '"""Helpers."""\n\n\ndef add(left: int, right: int) -> int:\n    """Add two numbers."""\n'
                   '    return left + right\n',
    "app/calc.py": 'def calculate(expression):\n    """Evaluate user input."""\n    result = eval(expression)\n'
                   '    return result\n\n',
}


def test_secrets_never_reach_any_output(tmp_path: Path, capsys, caplog):
    source = tmp_path / "repo"
    for name, content in {**{k: v[0] for k, v in SECRET_FILES.items()}, **CLEAN_FILES}.items():
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    out = tmp_path / "out"
    with caplog.at_level(logging.DEBUG):
        assert main(["-v", "prepare", "--input-dir", str(source), "--output-dir", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rejected"] == {"secret_detected": len(SECRET_FILES)}
    assert manifest["kept"] == len(CLEAN_FILES) and manifest["negative"] == 1
    details = {example["detail"] for example in manifest["reject_examples"]["secret_detected"]}
    assert len(details) == 5  # the manifest keeps 5 examples per reason: rule id and line only
    assert details <= {"SECRET-AWS-ACCESS-KEY at line 6", "SECRET-DATABASE-URL at line 5",
                       "SECRET-GENERIC-ASSIGNMENT at line 4", "SECRET-GITHUB-TOKEN at line 3",
                       "SECRET-PRIVATE-KEY at line 2", "SECRET-STRIPE-KEY at line 3"}

    outputs = [path for path in out.rglob("*") if path.is_file()]
    assert {path.name for path in outputs} >= {"manifest.json"} and len(outputs) >= 2
    texts = [path.read_bytes().decode("utf-8", "replace") for path in outputs]
    texts += [captured.out, captured.err, caplog.text]
    for _, values in SECRET_FILES.values():
        for value in values:
            for text in texts:
                assert value not in text
                assert value[:12] not in text  # not even a prefix
