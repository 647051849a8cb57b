"""The evaluation corpus for ``bench_secrets.py``, generated in code at run time (never committed).

Every catalogue type is planted several times, each time in a different language or context
(Python, JavaScript, TypeScript, Go, Java, shell, config text inside code), with a fresh
synthetic value (valid checksum where the format has one); the context-only credentials
(passwords, URLs, command lines, headers, keys, JWTs) are planted the same way. Look-alikes
are near misses of every type plus the placeholders, hashes, ids and test vectors real code
is full of. One plant per file, at a known line, so recall is counted per credential.
"""

from __future__ import annotations

import base64
import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tritter_data.security.secrets.catalogue import SecretRule, catalogue_rules
from tritter_data.security.secrets.synth import fake_jwt, fake_key_body, fake_password, fake_value

LANGUAGES = ("python", "javascript", "typescript", "go", "java", "shell", "config")
EXTENSION = {"python": ".py", "javascript": ".js", "typescript": ".ts", "go": ".go", "java": ".java",
             "shell": ".sh", "config": ".py"}
HEAD = {
    "python": "import os\nimport requests\n\n\ndef fetch(url):\n    return requests.get(url, timeout=10)\n\n",
    "javascript": "const https = require('https');\n\nfunction fetch(url) {\n  return https.get(url);\n}\n\n",
    "typescript": "import { request } from 'undici';\n\nexport async function fetch(url: string) {\n  return request(url);\n}\n\n",
    "go": "package client\n\nimport \"net/http\"\n\nfunc Fetch(url string) (*http.Response, error) {\n\treturn http.Get(url)\n}\n\n",
    "java": "package com.acme.client;\n\nimport java.net.http.HttpClient;\n\npublic class Client {\n",
    "shell": "#!/usr/bin/env bash\nset -euo pipefail\n\nlog() { echo \"[deploy] $*\"; }\n\n",
    "config": "import yaml\n\n\ndef load():\n    return yaml.safe_load(CONFIG)\n\n",
}
TAIL = {"python": "\n\nif __name__ == '__main__':\n    fetch('https://api.acme.io/health')\n",
        "javascript": "\nmodule.exports = { fetch };\n", "typescript": "\nexport default fetch;\n",
        "go": "\nfunc init() {}\n", "java": "}\n", "shell": "\nlog done\n", "config": "\nSETTINGS = load()\n"}


@dataclass(frozen=True)
class Plant:
    """One file: its language, the type planted (or look-alike family), the plant's line, the value."""

    name: str
    language: str
    kind: str
    line: int
    value: str
    text: str


def _statement(language: str, name: str, value: str) -> str:
    """``name = "value"`` as each language (or config text inside code) writes it."""
    camel = name[0].lower() + "".join(part.title() for part in name.lower().split("_"))[1:]
    return {
        "python": f'{name} = "{value}"',
        "javascript": f'const {camel} = "{value}";',
        "typescript": f'export const {camel}: string = "{value}";',
        "go": f'const {camel} = "{value}"',
        "java": f'    private static final String {name} = "{value}";',
        "shell": f"export {name}={value}",
        "config": f'CONFIG = """\nservice:\n  {name.lower()}: {value}\n"""',
    }[language]


def _file(language: str, body: str) -> tuple[str, int]:
    """The file text and the line of the plant (config text puts it two lines into the string)."""
    head = HEAD[language]
    offset = 2 if language == "config" else 0
    return head + body + "\n" + TAIL[language], head.count("\n") + 1 + offset


def _keyword(rule: SecretRule) -> str:
    word = rule.gate_keyword.decode().split("|")[0]
    return "".join(c for c in word.replace("[_.-]?", "_") if c.isalnum() or c == "_").upper()


PREFIX_NAMES = ("SERVICE_TOKEN", "API_KEY", "CLIENT_SECRET", "AUTH", "CREDENTIAL", "DEPLOY_TOKEN")


def _catalogue_plants(rng: random.Random, per_type: int) -> list[Plant]:
    plants = []
    for t, rule in enumerate(catalogue_rules()):
        for i in range(per_type):
            value = fake_value(rule.value, rule.check, rng)
            language = LANGUAGES[(t + i) % len(LANGUAGES)]
            if rule.kind == "prefix":
                name = PREFIX_NAMES[(t + i) % len(PREFIX_NAMES)]
            else:
                name = _keyword(rule) + ("_API_KEY", "_SECRET", "_TOKEN", "_KEY")[i % 4]
            text, line = _file(language, _statement(language, name, value))
            plants.append(Plant(f"{rule.rule_id}-{i}", language, rule.rule_id, line, value, text))
    return plants


def _context_bodies(rng: random.Random) -> dict[str, Callable[[str], tuple[str, str]]]:
    """Context-only credentials: kind -> (language -> (plant text, value))."""
    def pw() -> str:
        return fake_password(rng)

    def url_pw() -> str:
        return fake_password(rng).replace("#", "x").replace("%", "y").replace("&", "z")

    def key(armour: str) -> tuple[str, str]:
        lines = fake_key_body(rng)
        return f'KEY = """-----BEGIN {armour}-----\n' + "\n".join(lines) + f'\n-----END {armour}-----"""', lines[0]

    def basic() -> tuple[str, str]:
        password = pw()
        encoded = base64.b64encode(f"svc:{password}".encode()).decode()
        return f'headers = {{"Authorization": "Basic {encoded}"}}', encoded

    def with_value(template: str, value: str) -> tuple[str, str]:
        return template.format(v=value), value

    return {
        "SECRET-GENERIC-PASSWORD": lambda lang: (lambda v: (_statement(lang, "DB_PASSWORD", v), v))(pw()),
        "SECRET-URL-PASSWORD": lambda lang: with_value('DSN = "postgresql://app:{v}@db.internal:5432/app"', url_pw()),
        "SECRET-URL-PASSWORD-LOCALHOST": lambda lang: with_value('URL = "redis://:{v}@localhost:6379/0"', url_pw()),
        "SECRET-CURL-USER": lambda lang: with_value('CMD = "curl -s -u admin:{v} https://api.acme.io/v1"', url_pw()),
        "SECRET-CLI-FLAG": lambda lang: with_value('ARGS = ["deploy", "--token", "{v}"]', url_pw()),
        "SECRET-MYSQL-P": lambda lang: with_value('CMD = ["mysql", "-uroot", "-p{v}", "app"]', url_pw()),
        "SECRET-AUTH-BEARER": lambda lang: with_value(
            'headers = {{"Authorization": "Bearer {v}"}}', fake_value("[A-Za-z0-9]{32}", None, rng)),
        "SECRET-AUTH-BASIC": lambda lang: basic(),
        "SECRET-JWT": lambda lang: with_value('SESSION = "{v}"', fake_jwt(rng)),
        "SECRET-LOGIN-CALL": lambda lang: with_value('ftp.login("deploy", "{v}")', pw()),
        "SECRET-CONNECTION-STRING": lambda lang: with_value(
            'CS = "Server=tcp:db.acme.io,1433;Database=app;User ID=sa;Password={v};"', url_pw()),
        "SECRET-PRIVATE-KEY-RSA": lambda lang: key("RSA PRIVATE KEY"),
        "SECRET-PRIVATE-KEY-OPENSSH": lambda lang: key("OPENSSH PRIVATE KEY"),
        "SECRET-PRIVATE-KEY-EC": lambda lang: key("EC PRIVATE KEY"),
        "SECRET-PRIVATE-KEY-PGP": lambda lang: key("PGP PRIVATE KEY BLOCK"),
    }


def _context_plants(rng: random.Random, per_type: int) -> list[Plant]:
    plants = []
    for kind, make in _context_bodies(rng).items():
        for i in range(per_type):
            language = ("python", "config", "python", "shell")[i % 4] if kind == "SECRET-GENERIC-PASSWORD" else "python"
            body, value = make(language)
            text, line = _file(language, body)
            plants.append(Plant(f"{kind}-{i}", language, kind, line, value, text))
    return plants


def _near_misses(rule: SecretRule, value: str, rng: random.Random) -> list[str]:
    half = len(value) // 2
    url = re.match(r"(.*?://[^:/@]*:)([^@]*)(@.*)", value)
    if url:  # a URL keeps its real-looking password whatever the host: stand in the password itself
        before, password, after = url.groups()
        return [before + "x" * len(password) + after, before + "..." + after, value[: max(4, half // 2)]]
    misses = [value[:half] + "x" * (len(value) - half), value[:half] + "..." + value[-3:],
              value[: max(4, half // 2)]]
    if rule.check == "github_crc32":
        misses.append(value[:-1] + ("A" if value[-1] != "A" else "B"))
    return misses


GENERIC_LOOK_ALIKES: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f'password_hash = "{r.getrandbits(128):032x}"',
    lambda r: f'sha256 = "{r.getrandbits(256):064x}"',
    lambda r: f'commit = "{r.getrandbits(160):040x}"',
    lambda r: f'request_id = "{uuid.UUID(int=r.getrandbits(128))}"',
    lambda r: f'token_type = "{r.choice(["Bearer", "Basic", "JWT", "access_token"])}"',
    lambda r: f'password = os.environ["{r.choice(["DB_PASSWORD", "PGPASSWORD", "ADMIN_PASS"])}"]',
    lambda r: f'api_key = "{r.choice(["<your-api-key>", "${API_KEY}", "YOUR_API_KEY_HERE", "changeme", "xxxxxxxxxxxx"])}"',
    lambda r: f'DSN = "postgresql://{r.choice(["user:password", "postgres:postgres", "root:${{DB_PASS}}", "app:<password>"])}@localhost/db"',
    lambda r: 'headers = {"Authorization": f"Bearer {token}"}',
    lambda r: f'CMD = "curl -u $USER:$PASS https://api.acme.io/{r.randrange(99)}"',
    lambda r: 'ARGS = ["deploy", "--token", "$DEPLOY_TOKEN"]',
    lambda r: f'api_key = "{fake_password(r)}"  # fake key for the tests',
    lambda r: 'PUB = "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\\n-----END PUBLIC KEY-----"',
    lambda r: 'JWT_IO = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
    lambda r: 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"',
    lambda r: f'stripe.publishable_key = "pk_test_{fake_value("[A-Za-z0-9]{24}", None, r)}"',
    lambda r: f'STRIPE_PUBLISHABLE_KEY = "pk_live_{fake_value("[A-Za-z0-9]{24}", None, r)}"',
    lambda r: f'nonce = "{base64.b64encode(r.randbytes(16)).decode()}"',
    lambda r: f'PASSWORD_RESET_URL = "/accounts/password/reset/{r.randrange(99)}/"',
)


def _look_alikes(rng: random.Random) -> list[Plant]:
    plants = []
    for t, rule in enumerate(catalogue_rules()):
        value = fake_value(rule.value, rule.check, rng)
        for i, miss in enumerate(_near_misses(rule, value, rng)[:2]):
            language = LANGUAGES[(t + i) % len(LANGUAGES)]
            text, line = _file(language, _statement(language, "DISPLAY_LABEL", miss))
            plants.append(Plant(f"lookalike-{rule.rule_id}-{i}", language, "near-miss", line, miss, text))
    for i in range(len(GENERIC_LOOK_ALIKES) * 4):
        body = GENERIC_LOOK_ALIKES[i % len(GENERIC_LOOK_ALIKES)](rng)
        text, line = _file("python", body)
        plants.append(Plant(f"lookalike-generic-{i}", "python", "generic-look-alike", line, body, text))
    return plants


def build(rng: random.Random, per_type: int = 4, per_context: int = 8) -> tuple[list[Plant], list[Plant]]:
    """(planted credentials, look-alikes)."""
    return _catalogue_plants(rng, per_type) + _context_plants(rng, per_context), _look_alikes(rng)


def write(plants: list[Plant], directory: Path) -> dict[Path, Plant]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for number, plant in enumerate(plants):
        path = directory / f"f{number:05d}{EXTENSION[plant.language]}"
        path.write_text(plant.text, encoding="utf-8")
        paths[path] = plant
    return paths
