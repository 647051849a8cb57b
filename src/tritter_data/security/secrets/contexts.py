"""Context rules: where a secret has no format of its own, the text around it says what it is.

Assignments (code, ``.env``, YAML, INI, TOML, ``export``), command lines (``curl -u``,
``--token X``, ``mysql -p...``), HTTP ``Authorization`` headers, URLs with a password on any
host, connection strings, login calls, private keys of every armour and JWTs. Each rule names a
``kind`` whose confirmation lives in ``confirm_context``::

    >>> confirm_context(CONTEXT_RULES[4], "Xk9mQ2vL7p", "postgres://admin:Xk9mQ2vL7p@db/prod", "admin")
    True
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata

from tritter_data.security.secrets.catalogue import SecretRule
from tritter_data.security.secrets.validators import (
    entropy,
    hash_or_uuid,
    identifier,
    jwt_payload,
    looks_random,
    placeholder,
)

_Q = rb"['\"\x60]"
_QE = rb"\\{0,3}" + _Q  # a quote, maybe escaped
#: Words in a name that make its value a secret; ``key``/``auth`` only with a qualifier.
STRONG = ("password", "passwd", "passphrase", "pwd", "pass", "secret", "token", "apikey", "credential",
          "credentials", "creds", "bearer", "privatekey", "secretkey", "accesskey", "authkey", "apitoken")
NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
#: A name whose last word says it holds something else: a path, a field name, a type, a hash...
NOT_SECRET_LAST = frozenset(
    ["url", "uri", "path", "file", "filename", "dir", "name", "names", "type", "header", "field", "label", "prompt", "env", "var", "id", "ids", "len", "length", "size", "count", "hash", "digest", "sha", "md5", "checksum", "format", "pattern", "regex", "re", "kind", "endpoint", "class", "mode", "help", "message", "msg", "text", "error", "prefix", "suffix", "query", "param", "column", "attr", "template", "schema", "policy", "scope", "strength", "timeout", "ttl", "expiry", "expires", "expiration", "store", "provider", "manager", "commit", "rev", "revision", "version", "service", "cls", "factory", "validator", "generator", "type_", "description", "fmt", "key_name", "char", "chars", "min", "max", "required", "enabled", "policy", "rule", "rules", "hint", "placeholder", "label", "pem", "crt", "cer", "der", "txt", "json", "yaml", "yml", "cfg", "ini", "conf", "log", "db", "p12", "pfx", "jks"])
#: ``<word>_key`` names that hold lookups, not credentials.
NOT_SECRET_KEY = frozenset(
    ["cache", "sort", "primary", "foreign", "partition", "row", "hot", "lookup", "dict", "map", "hash", "index",
     "unique", "composite", "shortcut", "object", "item", "column", "field", "registry", "translation", "message",
     "setting", "settings", "config", "group", "node", "next", "prev", "last", "first", "parent", "child", "sort",
     "order", "group", "entry", "s3", "bucket", "object", "storage", "cluster", "shard", "idempotency", "dedup",
     "lock", "session", "cookie", "query", "route", "state", "store", "redis", "memo", "memcache", "i18n", "locale",
     "label", "json", "yaml", "dom", "react", "list", "table", "tree", "heap", "sorting", "ssh", "gpg", "pgp",
     "host", "known", "pub", "search", "result", "activation", "verify", "verification", "signature", "license", "product", "meta", "data", "default"])
_KEYWORDS = (rb"(?:password|passwd|passphrase|pwd|pass\b|secret|token|api[_\-]?key|apikey|access[_\-]?key|auth[_\-]?key"
             rb"|private[_\-]?key|client[_\-]?secret|credentials?|creds|bearer|signing[_\-]?key|encryption[_\-]?key)")
#: The name from its keyword on; ``scanner.name_before`` adds the part before the keyword.
_NAME = rb"(" + _KEYWORDS + rb"[\w.\-]{0,30})"
_ARN_NAME = re.compile(r"arn:aws[\w-]*:[\w-]+:[\w-]*:\d{0,12}:")  # an AWS resource name: ...:secret:NAME
_REFERENCE = re.compile(r"\$[A-Za-z_{(]|[{}<>]|%\w+%")  # $VAR, ${VAR}, {name}, <value>, %VAR%: not a literal
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
_PATH_WORDS = re.compile(r"[a-z]{3,}/[a-z]{3,}")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_HOST_PORT = re.compile(r"^[\w.\-]+:\d{1,5}$")  # 'localhost:22': an address, not a password
#: Name to value, with an optional type (``API_TOKEN: &str =``, ``apiKey: String =``, Go's ``secret string =``);
#: quotes may be escaped (JSON inside a string literal: ``"{\\"api_key\\": \\"...\\"}"``).
_SEP = (rb"(?:\\{0,3}['\"\x60]|\]){0,2}(?:\s{0,3}:\s{0,3}&?(?:'\w+\s+)?[\w<>\[\]?]{1,30}\s{0,3}=|\s+string\s{0,3}="
        rb"|\s{0,3}(?::=|=>|\?=|=|:|,))\s{0,3}")

#: A quoted value after the name and only a space or a spaced dash: C's ``#define API_TOKEN "..."``, Ruby's
#: ``password 'x'``, SQL's ``PASSWORD 'x'``, a log's ``twitch token - 'x'``. A weak link, so the value is held
#: to more (``_loose_shape``).
_LOOSE = rb"|[ \t]{1,3}(?:-[ \t]{1,3})?" + _Q + rb"([^'\"\x60\s]{%d,200})" + _Q

#: An XML element holding the value, on its own line or not: ``<apiToken>\n  VALUE\n</apiToken>``,
#: Jenkins' ``<secret>{AQAAABAAA...}</secret>``. The closing tag is required (no HTML prose).
_XML_VALUE = rb"|>\s{0,40}([^\s<>][^<>\n]{4,300}[^\s<>])\s{0,40}</"


def _rule(rule_id: str, description: str, kind: str, pattern: bytes, gate: bytes, group: int = 1) -> SecretRule:
    return SecretRule(rule_id=rule_id, description=description, pattern=pattern, gate=gate, kind=kind,
                      value_group=group, caseless_gate=True)


CONTEXT_RULES: tuple[SecretRule, ...] = (
    _rule("SECRET-JWT", "JSON Web Token with a real payload", "jwt",
          rb"(?:^|[^0-9A-Za-z_\-])(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{0,600})", rb"eyJ"),
    _rule("SECRET-PRIVATE-KEY", "private key block (PEM, OpenSSH, PGP, SSH2)", "key",
          rb"-----BEGIN[ A-Z0-9_\-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\n|\\r|\s|[\"'+,])+"
          rb"((?:[A-Za-z0-9+/=:\-\s\\\"',]|Proc-Type|DEK-Info){64,})", rb"PRIVATE KEY"),
    _rule("SECRET-PUTTY-KEY", "PuTTY private key", "key",
          rb"Private-Lines:\s*[0-9]+(?:\\n|\\r|\s|[\"'+,])+([A-Za-z0-9+/=\s\\\"',]{64,})", rb"Private-Lines:"),
    _rule("SECRET-KUBERNETES-SECRET", "Kubernetes Secret manifest with data values", "k8s",
          rb"(?i)\bkind:[ \t]*['\"]?secret\b(?s:.){0,400}?\n[ \t]*(?:data|stringData):[ \t]*(?:\\n|\r?\n)"
          rb"(?:[ \t]*#[^\n]*\n)*[ \t]+['\"]?[\w.\-]+['\"]?:[ \t]*(?:[|>]-?[ \t]*\n[ \t]*)?['\"]?([A-Za-z0-9+/]{12,}={0,2})"
          rb"|(?i)\n[ \t]*data:[ \t]*\n(?:[ \t]*#[^\n]*\n)*[ \t]+['\"]?[\w.\-]+['\"]?:[ \t]*(?:[|>]-?[ \t]*\n[ \t]*)?"
          rb"['\"]?([A-Za-z0-9+/]{12,}={0,2})['\"]?[ \t]*\n(?s:.){0,400}?\bkind:[ \t]*['\"]?secret\b",
          rb"kind:[ \t]*['\"]?secret\b"),
    _rule("SECRET-URL-PASSWORD", "URL with a password", "url",
          rb"\b[A-Za-z][A-Za-z0-9+.\-]{1,20}://([^:/\s'\"@<>{}\[\]]{0,64}):([^@/\s'\"<>\[\]]{1,128})@[^\s'\"/@]{1,255}",
          rb"://[^\s/'\"@]{1,200}@", 2),
    _rule("SECRET-ORACLE-CONNECT", "user/password@ in an Oracle connect string (JDBC thin, sqlplus)", "url",
          rb"(?:\bjdbc:oracle:(?:thin|oci8?):|\b(?:sqlplus|sqlldr|expdp|impdp|rman)(?:\s+-\w+)*\s+['\"]?)"
          rb"([A-Za-z][\w$#]{0,63})/([^\s@/'\"]{3,128})@",
          rb"jdbc:oracle:|\b(?:sqlplus|sqlldr|expdp|impdp|rman)\s", 2),
    _rule("SECRET-CONNECTION-STRING", "connection string with a password", "password",
          rb"(?i)(?:server|data source|host|user id|uid)=[^;'\"\n]{1,100};[^'\"\n]{0,200}?\b(?:password|pwd)=([^;'\"\s]{1,128})",
          rb"(?:password|pwd)="),
    _rule("SECRET-XML-SETTING", "password or key in an XML setting (web.config, NuGet.config, appSettings)", "password",
          rb"(?i)<add\s+key\s*=\s*['\"][\w.:\-]*(?:password|passwd|secret|token|apikey|api[_.\-]key|accesskey)[\w.:\-]*['\"]"
          rb"\s+value\s*=\s*['\"]([^'\"]{4,200})['\"]", rb"<add\s+key\s*="),
    _rule("SECRET-CURL-USER", "user:password on a curl command line", "password",
          rb"\bcurl\b(?:[^\n]|\\\r?\n){0,400}?[\s'\",](?:-u|--user)(?:=|['\",\s]+)[^\s'\":]{0,64}:['\"]?([^\s'\"]{3,128})",
          rb"\bcurl\b"),
    _rule("SECRET-CURL-KEY-USER", "API key as the user of curl -u with no password (curl -u KEY: ...)", "key_user",
          rb"\bcurl\b(?:[^\n]|\\\r?\n){0,400}?[\s'\",](?:-u|--user)(?:=|['\",\s]+)([^\s'\":$]{12,128}):['\"]?(?:\s|$)",
          rb"\bcurl\b"),
    _rule("SECRET-CLI-FLAG", "password or token passed as a command-line flag", "password",
          rb"(?i)(?:^|[\s'\"=\[(,])--(?:[a-z]+-)?(?:password|passwd|pass|token|api-?key|secret|auth-token|access-token"
          rb"|client-secret)"
          rb"(?:=|['\",\s]+)['\"]?([^\s'\"]{6,200})"
          # PowerShell parameters: -ClientSecret '...', -Password "...", -ApiKey '...' (quoted literals only)
          rb"|(?:^|[\s(])-(?:client|app|api|access|personal)?(?:secret|password|token|apikey|key|accesstoken|pat)"
          rb"\s+['\"]([^\s'\"$]{6,200})['\"]"
          rb"|ConvertTo-SecureString\s+(?:-String\s+)?['\"]([^\s'\"$]{6,200})['\"]",
          rb"--(?:[a-z]+-)?(?:pass|token|api-?key|secret)|\s-\w{0,8}(?:secret|password|token|key|pat)\s+['\"]"
          rb"|ConvertTo-SecureString"),
    _rule("SECRET-CLI-SHORT-PASSWORD", "password after -p (mysql, sshpass, docker login) or -a (redis-cli)", "password",
          rb"\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]{0,200}?[\s'\",]-p(-?[^\s'\"\-][^\s'\"]{3,127})"
          rb"|\b(?:sshpass|docker\s+login|redis-cli)\b[^\n]{0,200}?[\s'\",]-[pa][\s'\",]+([^\s'\"\-][^\s'\"]{3,127})",
          rb"\b(?:mysql|mysqldump|mysqladmin|mariadb|sshpass|docker\s+login|redis-cli)\b"),
    _rule("SECRET-AUTH-HEADER", "credential in an HTTP Authorization or API-key header", "header",
          rb"(?i)(?:authorization|proxy-authorization|x-[\w-]{0,30}api-?key|api-key|x-auth-token|private-token"
          rb"|x-access-token|(?:-H|--header)\s+['\"](?:x-[\w-]{0,30})?(?:token|apikey))"
          rb"['\"]?\s{0,3}[:=,]\s{0,3}['\"]?\s{0,3}((?:bearer|token|basic|digest|apikey|api-token)\s+)?"
          rb"([A-Za-z0-9._~+/\-]{12,}=*)",
          rb"(?:authorization|api-?key|auth-token|private-token|access-token|--header|-H\s)", 2),
    _rule("SECRET-AUTH-FIELD", "base64 user:password in an auth field (Docker config.json, .npmrc _auth)", "basic",
          rb"(?i)(?:^|[\s{,'\":])['\"]?_?auth['\"]?\s{0,3}[:=]\s{0,3}['\"]?([A-Za-z0-9+/]{8,300}={0,2})(?:['\"\s,}]|$)",
          rb"_?auth['\"]?\s{0,3}[:=]\s{0,3}['\"]?[A-Za-z0-9+/]{8}"),
    _rule("SECRET-NETRC", "password in a .netrc entry", "password",
          rb"\bmachine\s+[^\s'\"]{1,200}\s+(?:login\s+[^\s'\"]{1,200}\s+)?password\s+([^\s'\"\\]{4,200})(?:\s|$)",
          rb"\bmachine\s+[^\s'\"]{1,200}\s+(?:login|password)\s"),
    _rule("SECRET-BEARER-TOKEN", "bearer token in a string", "bearer",
          rb"(?i)['\"\s]bearer\s+([A-Za-z0-9._~+/\-]{20,}=*)", rb"bearer\s"),
    _rule("SECRET-LOGIN-CALL", "password or token passed to a login, auth or LDAP bind call", "password",
          rb"(?i)\b(?:login|log_in|signin|sign_in|authenticate|basicauth|httpbasicauth|httpdigestauth|auth"
          rb"|simple_bind(?:_s)?|bind_s|ldap_bind|ldap_simple_bind(?:_s)?)\s*"
          rb"(?:=\s*)?\(\s*(?:(?:(?:['\"][^'\"\n]{0,64}['\"]|\$?[\w.]+)\s*,\s*){1,2}(?:password\s*=\s*)?|(?:password|token)\s*=\s*)['\"]"
          rb"([^'\"\s]{8,200})['\"]",
          rb"(?:login|log_in|signin|sign_in|auth)\w*\s*(?:=\s*)?\(|(?:simple_bind|ldap_bind|bind_s)\w*\s*\("),
    _rule("SECRET-GENERIC-ASSIGNMENT", "password, secret, token or API key in an assignment",
          "generic", rb"(?i)" + _NAME + rb"(?:" + _SEP + rb"[rbuf]?" + _QE + rb" {0,2}([^'\"\x60\s\\]{6,1000}) {0,2}" + _QE
          + _LOOSE % 10 + rb"|[ \t]{0,3}(?::=|[=:])[ \t]{0,3}([^\s'\"\x60,;(){}\[\]<>\\]{6,200})(?:[\s;,'\"\x60)}\]]|\\[nrt]|$)"
          + _XML_VALUE + rb")",
          _KEYWORDS + rb"[\w.\-]{0,30}(?:" + _SEP + rb"[rbuf]?\\{0,3}['\"\x60]? {0,2}[^\s'\"\x60\\]{6}|>\s{0,40}[^\s<]{6}"
          + rb"|[ \t]{1,3}(?:-[ \t]{1,3})?" + _Q + rb"[^\s'\"\x60]{10})",
          2),
    _rule("SECRET-NAME-VALUE-PAIR", "secret in a name/value pair (Kubernetes env, ECS task definition, Actions inputs)",
          "generic", rb"(?i)\bname['\"]?\s{0,3}[:=]\s{0,3}['\"]?([\w.\-]{0,40}" + _KEYWORDS + rb"[\w.\-]{0,40})['\"]?\s{0,3},?"
          rb"\s{0,40}['\"]?value['\"]?\s{0,3}[:=]\s{0,3}(?:['\"]([^\s'\"]{6,200})['\"]|([^\s'\"]{6,200})(?:\s|$))",
          rb"name['\"]?\s{0,3}[:=]\s{0,3}['\"]?[\w.\-]{0,40}" + _KEYWORDS, 2),
    _rule("SECRET-NAMED-KEY", "random key assigned to a name ending in key (censys_key, bitmexKey, KEY=)",
          "generic", rb"(?i)(key)(?:" + _SEP + rb"[rbuf]?" + _QE + rb" {0,2}([^'\"\x60\s\\]{16,1000}) {0,2}" + _QE
          + _LOOSE % 16 + rb"|[ \t]{0,3}(?::=|[=:])[ \t]{0,3}([^\s'\"\x60,;(){}\[\]<>\\]{16,200})(?:[\s;,'\"\x60)}\]]|\\[nrt]|$)"
          + _XML_VALUE + rb")",
          rb"key(?:" + _SEP + rb"[rbuf]?\\{0,3}['\"\x60]? {0,2}[^\s'\"\x60\\]{16}|>\s{0,40}[^\s<]{16}"
          rb"|[ \t]{1,3}(?:-[ \t]{1,3})?" + _Q + rb"[^\s'\"\x60]{16})", 2),
)


def secret_name(name: str) -> bool:
    """Whether ``name`` (``DB_PASSWORD``, ``apiKey``, ``client-secret``) holds a secret itself."""
    words = name_words(name)
    if not words or words[-1] in NOT_SECRET_LAST or (len(words) > 1 and words[-2:] == ["key", "id"]):
        return False
    if {"hash", "hashed", "digest", "checksum", "fingerprint"} & set(words):
        return False  # hashed_password: a digest of a secret, which a login compares against, is not the secret
    joined = "".join(words)
    if {"public", "publishable"} & set(words) or any(f in joined for f in ("csrf", "xsrf", "authenticity")):
        return False  # public by design, or per-session forms (Rails' authenticity_token)
    if any(word in STRONG for word in words) or any(s in joined for s in STRONG if len(s) > 6) \
            or (name.rstrip("'\"").isupper() and words[-1].endswith(("pwd", "passwd", "token", "secret"))):  # ACRPWD
        return True
    return "key" in words and any(w in ("api", "access", "private", "secret", "auth", "signing", "encryption",
                                         "master", "client", "app", "account", "license") for w in words)


def name_words(name: str) -> list[str]:
    return [w.lower() for w in NAME_WORDS.findall(name)]


def service_key(name: str) -> int:
    """``censys_key``, ``bitmexKey``: 2 (a key named after something); a bare ``key``: 1; else 0.
    Such names hold lookup keys as often as credentials, so their values must look strongly random."""
    words = name_words(name)
    if not words or words[-1] != "key" or {"public", "publishable", "csrf", "xsrf"} & set(words):
        return 0
    if len(words) == 1:
        return 1
    return 0 if set(words) & NOT_SECRET_KEY else 2


def _words_not_key(value: str) -> bool:
    """Names, paths and short hex under a key name: ``win32api.RegEnumKey``, ``PKCS7_ISSUER_AND_SERIAL``,
    ``Ipv6CidrAssociations``, ``datasets/nyc-taxi/...``, ``fedcba9876543210`` (test vectors)."""
    parts = [p for p in re.split(r"[._\-]", value) if p]
    if len(parts) > 1 and all(p[:1].isalpha() and len(p) <= 12 for p in parts):
        return True
    if value.count(".") >= 2 and sum(p.isalpha() for p in value.split(".")) >= 2:
        return True  # template.cache.foo.<md5>: a dotted name ending in a digest
    camel = sum(len(m) for m in _CAPITALISED.findall(value))
    return camel >= 0.6 * len(value) or bool(_PATH_WORDS.search(value)) or (_HEX.match(value) and len(value) < 32)


_CODE_START = re.compile(r"^[=|:?<>+\-]|::|->|===?(?![:.])|\|\||&&|\$\d")
_WORD_PIECE = re.compile(r"^[A-Za-z]*\d{0,2}$")


def code_value(value: str) -> bool:
    """An unquoted value that is code: ``*lightstepToken``, ``!!config.withCredentials``, ``Token::LeftBrace``,
    ``defaultToConfig2``, ``yaml_FOLDED_SCALAR_STYLE``, ``CancelToken$1``, ``===86090||u.token``."""
    if _CODE_START.search(value.rstrip("=")):
        return True
    if value[:1] in "!*&":  # !!flag, *ptr, &ref are code; a random literal may start with these too
        return word_name(value.lstrip("!*&"))
    if "=" in value.rstrip("=") and word_name(value.split("=")[0]):
        return True  # X.NODE_TYPES=void 0: a chained assignment
    return word_name(value, colons=True)


def word_name(value: str, hyphens: bool = False, colons: bool = False) -> bool:
    """Names made of words (``TSPrivateKeyword``, ``defaultToConfig2``): most letters sit in words of 3+.

    ``hyphens``: a quoted value's words may be joined by hyphens, colons or bars too (CodeMirror's
    ``token: "variable-2"``, ``"custom:dashboard"``); unquoted, ``dnkey-o=...`` is a token's own prefix.
    ``colons``: an unquoted value's words may be joined by colons or bars (``creds:target:type``,
    a docblock's ``string|null``)."""
    separators = r"[._$:|-]" if hyphens else r"[._$:|]" if colons else r"[._$]"
    pieces = [p for p in re.split(separators, value) if p]
    if not pieces or not all(_WORD_PIECE.match(p) for p in pieces):
        return False
    words = NAME_WORDS.findall(re.sub(r"\d", "", value))
    letters = sum(len(w) for w in words)
    return letters > 0 and sum(len(w) for w in words if len(w) >= 3) >= 0.8 * letters


def _b64_prose(value: str) -> bool:
    """Base64 of plain words (``the sample nonce`` of RFC 6455): a test vector, not a key."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("ascii")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    return " " in decoded and bool(re.fullmatch(r"[A-Za-z ,.:'!?\-]+", decoded))


def _password(value: str) -> bool:
    """Passwords may be short and plain, but not stand-ins, references, paths or prompts."""
    if len(value) < 4 or placeholder(value) or _REFERENCE.search(value) or value.endswith(":"):
        return False
    return not identifier(value) and not value.startswith(("/", "./", "http")) and len(set(value)) >= 4


def _generic(name: str, value: str, separator: str) -> bool:
    if separator.startswith(">"):  # an XML element's text: any of its words may be the secret
        return any(_generic(name, word, "=") for word in value.strip("{}[]() ").split())
    if not any(q in separator for q in "'\"`"):  # unquoted: a random-looking literal, never code
        if re.match(r"[^=&]*&\w+=", value):
            value = value.split("&")[0]  # key=VALUE&other=...: a query string
        if code_value(value):
            return False
    elif word_name(value, hyphens=True) or _b64_prose(value):
        return False
    loose = not any(c in separator for c in "=:,>")  # only a space or a dash between: see _LOOSE
    if loose and (not _loose_shape(value) or secret_name(name)):
        # a bare UUID after a space (--client-request-token "uuid") is an id; bound with = or : it may be a key
        return _loose_shape(value) and not hash_or_uuid(value) and \
            (looks_random(value, 10, 3.2, 3) or looks_random(value, 20, 3.3, 2))
    # ("API_KEY", "...") pairs count; lists of names ('HTTPPasswordMgr', 'CRYPTO_lock') do not
    pair = "," in separator and not any(c in separator for c in "=:")
    # a hex or one-case value in a pair counts when long: ("ADOBE_TOKEN", "<32 hex>") in setProperty/setenv
    if pair and (not any(c.isdigit() for c in value)
                 or not (looks_random(value, 10, 3.2, 3) or looks_random(value, 20, 3.3, 2))):
        return False
    if not secret_name(name):
        strength = service_key(name)
        if not strength or "\\" in value or "(" in value or "," in value or "=" in value.rstrip("=") or _REFERENCE.search(value) or _words_not_key(value) \
                or (hash_or_uuid(value) and (strength == 1 or "-" in value)):  # hex under SERVICE_KEY counts
            return False
        if not any(c.isdigit() for c in value):  # letters only: long, mixed and dense, or it is a word
            return looks_random(value, 24, 4.2, 3)
        if strength == 2:
            return looks_random(value, 16, 3.5, 2)
        return looks_random(value, 24, 4.0, 3) or (looks_random(value, 24, 4.2, 2) and not _HEX.match(value))
    if "\\" in value or value.startswith(("/", "./", "-", "http://", "https://")):
        return False
    if _HOST_PORT.match(value) or ("[" in value and "]" in value):
        return False
    lowered = name.lower()
    if any(w in lowered for w in ("password", "passwd", "pwd", "passphrase")):
        if value.isalpha() and (value.islower() or value.isupper()):
            return False  # one word in one case ("françois"): a name, not a password
        return _password(value) and len(value) >= 6 and looks_random(value, 6, 2.5, 2)
    return looks_random(value, 12, 3.0, 2) or looks_random(value, 10, 2.8, 3)


_TOKEN_ALPHABET = re.compile(r"^[A-Za-z0-9+/=_.~:\-]+$")


def _loose_shape(value: str) -> bool:
    """``API_TOKEN "..."`` with no ``=`` or ``:``: prose says ``the token 'abc'`` too, so the value must be in
    a token's alphabet, with digits (then as random as a value in a pair, or a service key's). An ``=``
    before any base64 padding is code (``pass `chunksize=100_000` to read_csv``), not a token."""
    return (bool(_TOKEN_ALPHABET.match(value)) and any(c.isdigit() for c in value)
            and not value.startswith(("http", "/", "-", ".")) and "=" not in value.rstrip("="))


def _header(match_prefix: str, value: str) -> bool:
    if match_prefix.strip().lower() == "basic":
        try:
            decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return False
        user, _, password = decoded.partition(":")
        if " " in password or (password.isalpha() and len(password) < 12):
            return False  # "open sesame", a single word: documentation values
        return bool(password) and _password(password) and password != user
    # "Authorization, X-Requested-With": a list of header names (CORS), not a credential
    return looks_random(value, 12, 3.0, 2) and not _DOTTED_CODE.match(value) and not word_name(value, hyphens=True)


def confirm_context(rule: SecretRule, value: str, text: str, other: str = "", separator: str = "") -> bool:
    """Whether a context rule's candidate is real. ``other`` is a second group (URL user,
    the name of a generic assignment, the scheme word of a header); ``separator`` the text
    between a generic name and its value."""
    kind = rule.kind
    if kind == "url":
        plain = _unescape(value)
        return (_password(value) and _password(plain) and " " not in plain and value != other
                and not looks_like_port(value))
    if kind == "password":
        if rule.rule_id == "SECRET-CLI-FLAG" and _KWARG.match(value):
            return False  # add_argument("--password", default=None): an option definition, not a value
        return _password(value) and (entropy(value) >= 2.0)
    if kind == "generic":
        if rule.rule_id == "SECRET-NAME-VALUE-PAIR" and _HTML_FIELD.search(text):
            return False  # <input name="..." value="...">: a form field's default, filled per page
        if _ARN_NAME.search(text) and f":{other}:{value}" in text:
            return False  # arn:aws:secretsmanager:...:secret:NAME names a stored secret, it is not one
        return _generic(other, value, separator)
    if kind == "header":
        return _header(other, value)
    if kind == "key_user":  # the key is the user name: random, with small and capital letters and digits
        return looks_random(value, 12, 3.3, 3) and all(any(f(c) for c in value) for f in (str.islower, str.isupper, str.isdigit))
    if kind == "basic":
        return _header("basic", value)
    if kind == "bearer":
        return looks_random(value, 20, 3.5, 2)
    if kind == "jwt":
        return jwt_payload(value)
    if kind == "k8s":
        return _k8s_value(value)
    if kind == "key":
        body = re.sub(r"\\[nr]|[\s\"'+,]|Proc-Type:[^\\\n]*|DEK-Info:[^\\\n]*", "", value)
        return len(body) >= 64 and entropy(body) >= 4.0 and "..." not in value and "xxxx" not in body.lower()
    raise ValueError(f"unknown secret rule kind {kind!r} in {rule.rule_id}")


def _k8s_value(value: str) -> bool:
    """A Secret's ``data`` value: base64 of something that is not a stand-in."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    secret = decoded.partition(":")[2] or decoded
    return len(secret.strip()) >= 4 and not placeholder(secret.strip()) and len(set(decoded)) >= 4


_HTML_FIELD = re.compile(r"<\w+[^<>]*\bname\s*=")
_KWARG = re.compile(r"^[A-Za-z_]\w*=")
_DOTTED_CODE = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")  # base64.b64encode


def _unescape(value: str) -> str:
    """``p%40ss``, ``b\\xe9b`` as written in a URL literal, folded to plain letters (``pässword`` -> ``password``)."""
    value = re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), value)
    value = re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), value)
    folded = unicodedata.normalize("NFKD", value)
    return "".join(c for c in folded if not unicodedata.combining(c))


def looks_like_port(value: str) -> bool:
    """``host:8080@`` is not a password."""
    return value.isdigit() and len(value) <= 5
