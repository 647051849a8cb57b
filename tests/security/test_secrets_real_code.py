"""Look-alikes found on real application code (curl, Composer, CodeMirror in Gogs, Saleor, Redmine,
Matomo, NodeBB), each beside a real credential of the same shape that must still be found.

A wrongly rejected file is training data lost; a missed secret ships, so every case keeps its
positive twin.
"""

from __future__ import annotations

import pytest

from tritter_data.security.secrets import SecretScanner

SCANNER = SecretScanner()


def flagged(code: str, language: str) -> bool:
    return bool(SCANNER.analyse(code, language))


LOOK_ALIKES = [
    ("javascript", "a CodeMirror token style", '  {regex: /[a-zA-Z_]\\w*!/, token: "variable-3"},\n'),
    ("python", "a header name", 'ACCESS_CONTROL_ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials"\n'),
    ("python", "an audience name", 'token_audience = "custom:dashboard"\n'),
    ("python", "a test's bad format", '@override_settings(RSA_PRIVATE_KEY="WRONG-FORMAT")\ndef test_key():\n    pass\n'),
    ("go", "CORS header names", 'c.Header().Set("Access-Control-Allow-Headers", '
                                 '"Content-Type, Access-Control-Allow-Headers, Authorization, X-Requested-With")\n'),
    ("c", "a comment naming a format", "/* Token format: creds:target:type:padding */\nint x;\n"),
    ("php", "a docblock type", "<?php\n/** @var array<string, array{username: string|null, password: string|null}> */\n"
                               "private $authentications = [];\n"),
    ("ruby", "a password's digest", 'user.hashed_password = "d033e22ae348aeb5660fc2140aec35850c4da997"\n'),
]

SECRETS = [
    ("javascript", "a token", '  const client = new Client({ token: "q8Zr2xLw9TbV4mNc7Hs1" });\n'),
    ("python", "a credential", 'SMTP_PASSWORD = "Wq7#zLp2!vRt9xKe"\n'),
    ("python", "an API token", 'token_audience = "custom:dashboard"\napi_token = "9fQ2-xL7pRw4-ZbT8nV3k"\n'),
    ("python", "a real key", '@override_settings(SECRET_KEY="k7#Qz9!pW2rT@x4Lm8Vb")\ndef test_key():\n    pass\n'),
    ("go", "a bearer header", 'req.Header.Set("Authorization", "Bearer 8fQ2xL7pRw4ZbT8nV3kM5sJ1")\n'),
    ("c", "a password define", '#define DB_PASSWORD "Wq7zLp2vRt9xKe41"\nint x;\n'),
    ("php", "a password in an array", "<?php\n$config = ['username' => 'app', 'password' => 'Wq7zLp2!vRt9xKe'];\n"),
    ("ruby", "a password", 'user.password = "Wq7zLp2!vRt9xKe"\n'),
]


@pytest.mark.parametrize(("language", "what", "code"), LOOK_ALIKES, ids=[c[1] for c in LOOK_ALIKES])
def test_a_look_alike_on_real_code_is_kept(language: str, what: str, code: str) -> None:
    assert not flagged(code, language), what


@pytest.mark.parametrize(("language", "what", "code"), SECRETS, ids=[c[1] for c in SECRETS])
def test_its_secret_twin_is_found(language: str, what: str, code: str) -> None:
    assert flagged(code, language), what
