"""Value checks: checksums, entropy, placeholders. A candidate survives only if it looks real.

Checksums cut false positives to zero for the formats that carry one: GitHub's ``gh?_`` and
npm's ``npm_`` tokens end in the base62 CRC32 of their random part, a PyPI token is a
base64 macaroon naming ``pypi.org``, and a JWT must decode to a JSON header and payload::

    >>> github_crc32("ghp_" + "a" * 30 + "000000")
    False
    >>> placeholder("${DB_PASSWORD}"), placeholder("Xk9mQ2vL7p")
    (True, False)
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections import Counter
from collections.abc import Callable

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

#: Values that are placeholders, variable references or templates, never credentials.
_PLACEHOLDER = re.compile(
    r"(?i)^(?:x+|\*+|\.+|-+|#+|0+|1234.*|abc.*|test(?![_\-](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{20,}$).*|dummy.*|fake.*|sample.*|example.*|placeholder.*"
    r"|changeme.*|change_?me.*|secret\w{0,3}|password\w{0,3}|passwd|pass\w{0,3}|token|none|null|nil|undefined"
    r"|true|false|your.*|my.*|insert.*|replace.*|redacted.*|todo.*|foo.*|bar.*|xyz.*|qwerty.*|letmein.*"
    r"|admin\d*|root|guest|user\w{0,3}|default|hunter2|s3cr3t|p@ssw0rd|mysecret.*|supersecret.*)$"
    r"|^pk_(?:live|test)_"  # Stripe publishable keys: public by design
    r"|^\(\w+\)$|(?:^|_)(?:test|live)_\d{0,6}$|p[a@4]ss(?:w[o0]rd)?[^a-z]*p[a@4]ss|^p[a@4]ssw[o0]rd$|bcdefghij"
    r"|passw(?:or)?d|12345678|abcdefgh|qwertyui|example|fake|dummy|placeholder|changeme|xxxx|\*\*\*|####|\.\.\.|your[_\-]?(?:api|key|token|secret|password)"
    r"|(\d{3,})[-_.:]\1[-_.:]\1"  # a repeated group: xoxp-1234-1234-1234-...
    r"|<[^>]*>|\$\{|\{\{|\$\(|#\{|^\$[A-Za-z_]|%\(|%s|\{\}|\{[A-Za-z_]\w*\}|os\.environ|getenv|process\.env|ENV\["
)
#: Markers on the same line that say the value is not real.
FAKE_LINE = re.compile(
    r"(?i)\b(?:fake|dummy|example|not a real|placeholder|pragma: allowlist secret|nosec|gitleaks:allow)\b")
#: Published documentation values (AWS, jwt.io, Slack docs) seen everywhere: test vectors, not leaks.
KNOWN_EXAMPLES = frozenset({
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
})
#: Code, not a value: dotted references and calls, and names made of words (snake, kebab, camel, CONST).
_IDENTIFIER = re.compile(
    r"^[A-Za-z_$][A-Za-z_$]*\d*(?:(?:\.|::|->)[A-Za-z_$][A-Za-z_$]*\d*)+(?:\(\)?)?$|^[A-Za-z_]\w*\(\)?$"
    r"|^_*[a-z]+(?:[_\-][a-z]+)*$|^_*[A-Z]+(?:_[A-Z]+)*\d?$|^_*[A-Za-z][a-z]+(?:[A-Z][a-z]+)*$|^[A-Z][a-z]+(?:_[A-Z][a-z]+)+$")
_HEX_OR_UUID = re.compile(r"(?i)^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}"
                          r"|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$")
_CLASSES = (re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"[0-9]"), re.compile(r"[^A-Za-z0-9]"))


def entropy(value: str) -> float:
    """Shannon entropy in bits per character (random base64 ~5-6, English words ~2.5-3.5)."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


def char_classes(value: str) -> int:
    """How many of lower, upper, digit, other occur: random keys mix at least two."""
    return sum(bool(p.search(value)) for p in _CLASSES)


def placeholder(value: str) -> bool:
    """A template, variable reference, documentation value or obvious stand-in."""
    return bool(_PLACEHOLDER.search(value)) or value in KNOWN_EXAMPLES


def hash_or_uuid(value: str) -> bool:
    """Hex digests and UUIDs: identifiers and checksums far more often than keys."""
    return bool(_HEX_OR_UUID.match(value))


def identifier(value: str) -> bool:
    """``settings.SECRET_KEY``, ``get_token()``, ``password-reset``: code, not a value."""
    return bool(_IDENTIFIER.match(value))


def looks_random(value: str, min_length: int = 8, min_entropy: float = 3.0, min_classes: int = 2) -> bool:
    """The generic test: long enough, mixed, high-entropy, and not code or a stand-in."""
    return (len(value) >= min_length and char_classes(value) >= min_classes and entropy(value) >= min_entropy
            and len(set(value)) >= 6 and not placeholder(value) and not identifier(value))


def base62(number: int, width: int = 6) -> str:
    """``number`` in GitHub's base62 alphabet, left-padded with ``0`` to ``width``."""
    digits = ""
    while number:
        number, rest = divmod(number, 62)
        digits = BASE62[rest] + digits
    return digits.rjust(width, "0")


def github_crc32(token: str) -> bool:
    """GitHub (``ghp_`` ...) and npm (``npm_``) tokens: last 6 = base62 CRC32 of the 30 before."""
    body, check = token[-36:-6], token[-6:]
    return base62(binascii.crc32(body.encode())) == check


def _varint(raw: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = raw[pos]
        value |= (byte & 0x7F) << shift
        pos += 1
        if byte < 0x80:
            return value, pos
        shift += 7


def _macaroon_v2(raw: bytes) -> bool:
    """Parse the v2 binary layout: header section, caveat sections, end, 32-byte signature."""
    pos, sections = 1, 0
    while True:
        kind, pos = _varint(raw, pos)
        if kind == 0:  # end of a section; an empty section ends the caveats
            sections += 1
            if raw[pos] == 0:
                pos += 1
                break
            continue
        if kind == 6:
            return False
        length, pos = _varint(raw, pos)
        pos += length
    kind, pos = _varint(raw, pos)
    length, pos = _varint(raw, pos)
    return kind == 6 and length == 32 and pos + length == len(raw) and sections >= 1


def pypi_macaroon(token: str) -> bool:
    """``pypi-`` + urlsafe base64 of a v2 macaroon whose location is (test.)pypi.org."""
    payload = token.split("-", 1)[1]
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        if raw[:2] != b"\x02\x01" or raw[3:3 + raw[2]] not in (b"pypi.org", b"test.pypi.org"):
            return False
        return _macaroon_v2(raw)
    except (binascii.Error, ValueError, IndexError):
        return False


def _b64json(part: str) -> object:
    try:
        return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None


def jwt_payload(token: str) -> bool:
    """A JWT with a real payload: JSON header naming ``alg``, non-empty JSON claims, a signature."""
    parts = token.split(".")
    if len(parts) != 3 or token in KNOWN_EXAMPLES:
        return False
    header, claims = _b64json(parts[0]), _b64json(parts[1])
    if not isinstance(header, dict) or "alg" not in header or not isinstance(claims, dict) or not claims:
        return False
    if claims.get("sub") == "1234567890" and claims.get("name") == "John Doe":  # jwt.io's example
        return False
    return header.get("alg") == "none" or len(parts[2]) >= 16


def mixed_letters(token: str) -> bool:
    """Letters-only tokens (``hf_``): random ones mix cases evenly, identifiers do not."""
    letters = [c for c in token.split("_")[-1] if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return 0.2 <= upper / max(1, len(letters)) <= 0.8


def letters_and_digits(token: str) -> bool:
    """Lowercase alphanumeric keys (Mailgun's ``key-``): random ones mix digits in, names do not."""
    body = token.split("-", 1)[-1]
    return any(c.isdigit() for c in body) and sum(c.isalpha() for c in body) >= len(body) // 4


CHECKS: dict[str, Callable[[str], bool]] = {
    "github_crc32": github_crc32, "pypi_macaroon": pypi_macaroon, "jwt_payload": jwt_payload,
    "mixed_letters": mixed_letters, "letters_and_digits": letters_and_digits,
}
