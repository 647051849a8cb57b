"""Synthetic credentials of every catalogue type, for the tests and the benchmark corpus.

Values are drawn at random from each row's own regex, then given a valid checksum where the
format has one, so a test proves the detector on a value it has never seen. Nothing here is
a real credential::

    >>> import random
    >>> value = fake_value("ghp_[0-9A-Za-z]{36}", "github_crc32", random.Random(1))
    >>> value.startswith("ghp_"), len(value)
    (True, 40)
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import re
from re import _parser as parser  # type: ignore[attr-defined]

from tritter_data.security.secrets.validators import base62

_CATEGORY = {
    parser.CATEGORY_DIGIT: "0123456789",
    parser.CATEGORY_WORD: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
    parser.CATEGORY_SPACE: " ",
}


def _charset(items: list) -> str:
    chars = []
    for op, arg in items:
        if op == parser.LITERAL:
            chars.append(chr(arg))
        elif op == parser.RANGE:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op == parser.CATEGORY:
            chars.extend(_CATEGORY[arg])
    return "".join(chars)


def _emit(tree: list, rng: random.Random, long: bool) -> str:
    out = []
    for op, arg in tree:
        if op == parser.LITERAL:
            out.append(chr(arg))
        elif op == parser.IN:
            out.append(rng.choice(_charset(arg)))
        elif op == parser.ANY:
            out.append(rng.choice("abcdef0123456789"))
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT):
            low, high, sub = arg
            high = min(high, low + 40) if high != parser.MAXREPEAT else low + 40
            count = rng.randint(low, min(high, max(low, 64))) if long else rng.randint(low, high)
            out.extend(_emit(list(sub), rng, long) for _ in range(count))
        elif op == parser.SUBPATTERN:
            out.append(_emit(list(arg[-1]), rng, long))
        elif op == parser.BRANCH:
            out.append(_emit(list(rng.choice(arg[1])), rng, long))
        elif op == parser.CATEGORY:
            out.append(rng.choice(_CATEGORY.get(arg, "x")))
    return "".join(out)


def _macaroon(location: bytes, rng: random.Random) -> str:
    """A v2 macaroon: location, identifier, a caveat, signature; urlsafe base64, no padding."""
    ident = bytes(rng.randrange(256) for _ in range(32))
    caveat = json.dumps({"version": 1, "permissions": "user"}).encode()
    sig = bytes(rng.randrange(256) for _ in range(32))
    raw = (b"\x02\x01" + bytes([len(location)]) + location + b"\x02" + bytes([len(ident)]) + ident + b"\x00"
           + b"\x02" + bytes([len(caveat)]) + caveat + b"\x00\x00\x06" + bytes([len(sig)]) + sig)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def fake_value(regex: str, check: str | None, rng: random.Random) -> str:
    """A random string matching ``regex`` that also passes ``check``."""
    for _ in range(50):
        value = _emit(list(parser.parse(regex)), rng, long=False)
        if check == "github_crc32":
            value = value[:-6] + base62(binascii.crc32(value[-36:-6].encode()))
        elif check == "pypi_macaroon":
            location = b"test.pypi.org" if "ZXN0" in regex or "dGVzd" in regex else b"pypi.org"
            value = "pypi-" + _macaroon(location, rng)
        if re.fullmatch(regex, value) and len(set(value)) >= min(10, len(value) // 3):
            return value
    raise ValueError(f"cannot generate a value for {regex!r}")


def fake_jwt(rng: random.Random) -> str:
    """A signed-looking JWT with a real claims object."""
    def part(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    claims = {"sub": f"user-{rng.randrange(10**6)}", "role": rng.choice(["admin", "owner", "svc"]),
              "iat": 1_700_000_000 + rng.randrange(10**7)}
    signature = base64.urlsafe_b64encode(bytes(rng.randrange(256) for _ in range(32))).decode().rstrip("=")
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.{signature}"


def fake_password(rng: random.Random, length: int = 14) -> str:
    """A password as people and generators write them: letters, digits and a symbol or two."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    body = [rng.choice(alphabet) for _ in range(length - 2)]
    body.insert(rng.randrange(len(body)), rng.choice("23456789"))
    body.insert(rng.randrange(len(body)), rng.choice("!#%&*+-_.~"))
    return "".join(body)


def fake_key_body(rng: random.Random, lines: int = 6) -> list[str]:
    """Base64 lines of a private key body (random bytes: a key's entropy, not a key)."""
    return [base64.b64encode(bytes(rng.randrange(256) for _ in range(48))).decode() for _ in range(lines)]
