"""Secret rules: a real-looking credential of every format fires, its look-alikes do not,
and the finding never carries the value. (Every value here is made up for the test.)"""

from __future__ import annotations

import dataclasses

import pytest

from tritter_data.core.sample import Reject, Sample
from tritter_data.core.stage import run_stages
from tritter_data.security.secret_rules import RULES
from tritter_data.security.secrets import SecretScanner, entropy, scan_secrets
from tritter_data.stages.pipeline import PipelineConfig, build_stages

PEM_BODY = (
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n"
    "+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzu\n"
)

#: rule -> (code that must fire at line 2, the secret value, look-alikes that must not fire)
CASES = {
    "SECRET-AWS-ACCESS-KEY": ('import boto3\nAWS_ACCESS_KEY_ID = "AKIAZ7Q3X5RT2WBNV4HK"\n', "AKIAZ7Q3X5RT2WBNV4HK",
                              ['key_id = "AKIAIOSFODNN7EXAMPLE"\n', 'key_id = os.environ["AWS_ACCESS_KEY_ID"]\n']),
    "SECRET-AWS-SECRET-KEY": ('import boto3\naws_secret_access_key = "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"\n',
                              "u8Zq2vR9pL4xT7mN1cB6yH3kF0sD5gJ2wE8aQ4rT",
                              ['aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n',
                               'aws_secret_access_key = os.getenv("AWS_SECRET_ACCESS_KEY")\n']),
    "SECRET-GITHUB-TOKEN": ('const octokit = new Octokit({\n  auth: "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6" });\n',
                            "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6",
                            ['auth: "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n', 'auth: process.env.GITHUB_TOKEN\n']),
    "SECRET-GITLAB-TOKEN": ('headers = {}\nheaders["PRIVATE-TOKEN"] = "glpat-Xk9mQ2vL7pR4tW8nB3cZ"\n',
                            "glpat-Xk9mQ2vL7pR4tW8nB3cZ", ['token = "glpat-xxxxxxxxxxxxxxxxxxxx"\n']),
    "SECRET-SLACK-TOKEN": ('client = WebClient(\n    token="xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx")\n',
                           "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                           ['client = WebClient(token="xoxb-your-bot-token")\n']),
    "SECRET-SLACK-WEBHOOK": ('import requests\nURL = "https://hooks.slack.com/services/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"\n',
                             "https://hooks.slack.com/services/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",
                             ['URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"\n']),
    "SECRET-STRIPE-KEY": ('import stripe\nstripe.api_key = "sk_live_51HqLyjWDarjtT1zdp7dc4eC39"\n',
                          "sk_live_51HqLyjWDarjtT1zdp7dc4eC39", ['stripe.api_key = "sk_test_51HqLyjWDarjtT1zdp7dc4eC39"\n']),
    "SECRET-GOOGLE-API-KEY": ('const MAPS = {\n  key: "AIzaSyD8Xq2vR9pL4xT7mN1cB6yH3kF0sD5gJ2w" };\n',
                              "AIzaSyD8Xq2vR9pL4xT7mN1cB6yH3kF0sD5gJ2w",
                              ['key: "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"\n']),
    "SECRET-GCP-SERVICE-ACCOUNT": ('CREDENTIALS = {"type": "service_account",\n'
                                   '    "private_key_id": "3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e7b6d5a2f"}\n',
                                   "3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e7b6d5a2f",
                                   ['CREDENTIALS = {"private_key_id": "<private-key-id>"}\n']),
    "SECRET-OPENAI-KEY": ('from openai import OpenAI\nclient = OpenAI(api_key="sk-proj-Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7iO9pLkMnBvCxZq")\n',
                          "sk-proj-Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7iO9pLkMnBvCxZq",
                          ['client = OpenAI(api_key="sk-your-key-here")\n']),
    "SECRET-ANTHROPIC-KEY": ("import anthropic\nKEY = 'sk-ant-api03-" + "Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA" * 3 + "'\n",
                             "sk-ant-api03-" + "Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA" * 3,
                             ["KEY = 'sk-ant-api03-...'\n"]),
    "SECRET-AZURE-STORAGE-KEY": ('CONN = ("DefaultEndpointsProtocol=https;AccountName=acme;"\n    "AccountKey='
                                 + "Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7iO9pLkMnBvCxZq" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7r8==" + '")\n',
                                 "Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7iO9pLkMnBvCxZqa1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7r8==",
                                 ['CONN = "AccountName=acme;AccountKey=<storage-key>"\n']),
    "SECRET-TWILIO-KEY": ('from twilio.rest import Client\nclient = Client("SK3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e", secret)\n',
                          "SK3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e", ['client = Client("SK00000000000000000000000000000000", s)\n']),
    "SECRET-SENDGRID-KEY": ('import sendgrid\nsg = sendgrid.SendGridAPIClient("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")\n',
                            "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",
                            ['sg = sendgrid.SendGridAPIClient(os.environ["SENDGRID_API_KEY"])\n']),
    "SECRET-NPM-TOKEN": ('const registry = "https://registry.npmjs.org";\nconst NPM = "npm_Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7";\n',
                         "npm_Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7", ['npm_install_packages_for_the_workspace()\n']),
    "SECRET-PYPI-TOKEN": ('import twine\nTOKEN = "pypi-AgEIcHlwaS5vcmc' + "Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7iO9pLkMnBvCxZqa1B2c3D4" + '"\n',
                          "pypi-AgEIcHlwaS5vcmcXk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0sA2eU7iO9pLkMnBvCxZqa1B2c3D4",
                          ['TOKEN = "pypi-your-token"\n']),
    "SECRET-PRIVATE-KEY": ('import ssl\nKEY = """-----BEGIN RSA PRIVATE KEY-----\n' + PEM_BODY + '-----END RSA PRIVATE KEY-----"""\n',
                           PEM_BODY.split("\n")[0],
                           ['KEY = """-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"""\n',
                            'PUB = """-----BEGIN PUBLIC KEY-----\n' + PEM_BODY + '-----END PUBLIC KEY-----"""\n']),
    "SECRET-JWT": ('import requests\nAUTH = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJvd25lciJ9.Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0s"\n',
                   "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJvd25lciJ9.Xk9mQ2vL7pR4tW8nB3cZ5yH1jF6gD0s",
                   ['PREFIX = "eyJ"\n']),
    "SECRET-DATABASE-URL": ('import sqlalchemy\nengine = create_engine("postgresql://admin:Xk9mQ2vL7p@db.internal:5432/prod")\n',
                            "Xk9mQ2vL7p",
                            ['engine = create_engine("postgresql://user:password@localhost/db")\n',
                             'engine = create_engine(f"postgresql://{user}:{password}@{host}/db")\n',
                             'url = "mysql://root:${MYSQL_ROOT_PASSWORD}@db/app"\n']),
    "SECRET-CONNECTION-STRING": ('var cs =\n  "Server=tcp:acme.database.windows.net,1433;Database=app;User ID=sa;Password=Qw3rty9zXk;";\n',
                                 "Qw3rty9zXk", ['var cs = "Server=tcp:acme;Database=app;Password={password};";\n']),
    "SECRET-GENERIC-ASSIGNMENT": ('import psycopg2\nDB_PASSWORD = "Pr0d-Adm1n!2024x"\n', "Pr0d-Adm1n!2024x",
                                  ['password = "changeme"\n', 'password = os.environ["DB_PASSWORD"]\n',
                                   'password = "${DB_PASSWORD}"\n', 'api_key = "<your-api-key>"\n',
                                   'token = "xxxxxxxxxxxxxxxx"\n', 'password_field = "password_confirmation"\n',
                                   'api_key = "q8Zr2vT9pL4xW7mN1cB6"  # fake key for tests\n',
                                   'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"\n',
                                   'request_id = "123e4567-e89b-12d3-a456-426614174000"\n',
                                   'secret_path = "/var/run/secrets/app/token"\n',
                                   'token_type = "Bearer"\n', 'password = input("Password: ")\n']),
}

GENERIC_IN_LANGUAGES = [
    ("javascript", 'const config = {};\nconst apiKey = "q8Zr2vT9pL4xW7mN1cB6";\n'),
    ("go", 'package main\nconst secret = "q8Zr2vT9pL4xW7mN1cB6"\n'),
    ("rust", 'fn main() {}\nconst API_TOKEN: &str = "q8Zr2vT9pL4xW7mN1cB6";\n'),
    ("java", 'class Config {\n  static final String PASSWORD = "q8Zr2vT9pL4xW7mN1cB6";\n}\n'),
    ("php", "<?php\n$password = 'q8Zr2vT9pL4xW7mN1cB6';\n"),
    ("ruby", 'config = {\n  client_secret: "q8Zr2vT9pL4xW7mN1cB6" }\n'),
]


def test_every_rule_has_a_case():
    assert {rule.rule_id for rule in RULES} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_real_secret_fires_at_its_line_without_the_value(rule_id):
    code, value, _ = CASES[rule_id]
    findings = scan_secrets(code)
    assert [(f.rule_id, f.line, f.kind, f.severity, f.cwe) for f in findings] == [(rule_id, 2, "secret", "critical", "CWE-798")]
    for field in dataclasses.fields(findings[0]):
        assert value not in str(getattr(findings[0], field.name))
    assert findings[0].snippet is None


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_look_alikes_do_not_fire(rule_id):
    for code in CASES[rule_id][2]:
        assert scan_secrets(code) == [], code


@pytest.mark.parametrize(("language", "code"), GENERIC_IN_LANGUAGES)
def test_generic_assignment_in_every_language(language, code):
    assert [(f.rule_id, f.line) for f in SecretScanner().analyse(code, language)] == [("SECRET-GENERIC-ASSIGNMENT", 2)]


def test_pipeline_rejects_with_rule_and_line_only():
    code, _value, _ = CASES["SECRET-STRIPE-KEY"]
    code = code + "\n\ndef charge(amount):\n    return stripe.Charge.create(amount=amount)\n"
    result = run_stages(build_stages(PipelineConfig()), Sample(source="billing.py", text=code, language="python"))
    assert isinstance(result, Reject)
    assert (result.reason, result.detail) == ("secret_detected", "SECRET-STRIPE-KEY at line 2")


def test_named_rule_wins_over_generic_on_the_same_line():
    code = 'import stripe\nSTRIPE_SECRET_KEY = "sk_live_51HqLyjWDarjtT1zdp7dc4eC39"\n'
    assert [f.rule_id for f in scan_secrets(code)] == ["SECRET-STRIPE-KEY"]


def test_entropy():
    assert entropy("") == 0.0
    assert entropy("aaaa") == 0.0
    assert entropy("abcd") == 2.0


def test_secret_free_code_is_quiet():
    code = ('def login(user, password):\n    """Check a password against its stored hash."""\n'
            '    token = secrets.token_hex(16)\n    return verify(password, user.password_hash), token\n')
    assert scan_secrets(code) == []
