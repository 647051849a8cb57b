"""Credential formats as data: one RE2 pattern per rule, the group holding the value.

Patterns are RE2 syntax (no look-around, no back-references) so the scan is linear in the
input whatever it contains. ``value_group`` names the capture holding the secret itself,
which the validator inspects (entropy, placeholders) and which is never stored anywhere.
``generic`` rules only fire when the value also looks random (see ``secrets.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SecretRule:
    rule_id: str
    description: str
    pattern: bytes
    value_group: int = 0
    min_entropy: float = 0.0
    generic: bool = False


_ID = rb"[A-Za-z0-9_\-]"
#: Between a name and its quoted value: ``=``, ``:``, ``:=``, ``=>``, with an optional type
#: (``API_TOKEN: &str =``, ``apiKey: string =``, ``var secret string =``).
SEPARATOR = (rb"['\"]?\]?(?:\s*:\s*&?(?:'\w+\s+)?[\w<>\[\]]{1,30}|\s+[A-Za-z]\w{0,19})?\s*(?::=|=>|=|:)\s*"
             rb"[rbuf]?['\"]")
_KEYWORD = (
    rb"(?i)[\w.\-]{0,40}?(?:password|passwd|passphrase|pwd|secret|token|api_?key|apikey|access_?key|auth_?key"
    rb"|private_?key|client_?secret|credentials?|bearer)[\w.\-]{0,30}"
)

RULES: tuple[SecretRule, ...] = (
    SecretRule("SECRET-AWS-ACCESS-KEY", "AWS access key ID",
               rb"\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})\b", 1, 3.0),
    SecretRule("SECRET-AWS-SECRET-KEY", "AWS secret access key",
               rb"(?i)aws[\w.\-]{0,30}?(?:secret|private)[\w.\-]{0,30}['\"]?\s*(?::=|=>|=|:)\s*[rbu]?['\"]"
               rb"([A-Za-z0-9/+]{40})['\"]", 1, 4.0),
    SecretRule("SECRET-GITHUB-TOKEN", "GitHub token",
               rb"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b", 1, 3.0),
    SecretRule("SECRET-GITLAB-TOKEN", "GitLab personal access token", rb"\b(glpat-" + _ID + rb"{20})\b", 1, 3.0),
    SecretRule("SECRET-SLACK-TOKEN", "Slack token", rb"\b(xox[baprse]-[0-9]{6,}-[A-Za-z0-9\-]{8,})", 1, 3.0),
    SecretRule("SECRET-SLACK-WEBHOOK", "Slack webhook URL",
               rb"(https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,})", 1, 3.5),
    SecretRule("SECRET-STRIPE-KEY", "Stripe live secret key", rb"\b((?:sk|rk)_live_[A-Za-z0-9]{20,})\b", 1, 3.0),
    SecretRule("SECRET-GOOGLE-API-KEY", "Google API key", rb"\b(AIza[0-9A-Za-z_\-]{35})\b", 1, 3.5),
    SecretRule("SECRET-GCP-SERVICE-ACCOUNT", "Google service-account key file",
               rb"\"private_key_id\"\s*:\s*\"([a-f0-9]{40})\"", 1, 3.0),
    SecretRule("SECRET-OPENAI-KEY", "OpenAI API key",
               rb"\b(sk-(?:proj-|svcacct-|admin-)?" + _ID + rb"{20,}T3BlbkFJ" + _ID + rb"{20,}|sk-proj-" + _ID + rb"{48,})",
               1, 3.5),
    SecretRule("SECRET-ANTHROPIC-KEY", "Anthropic API key", rb"\b(sk-ant-(?:api|admin)\d\d-" + _ID + rb"{80,})", 1, 3.5),
    SecretRule("SECRET-AZURE-STORAGE-KEY", "Azure storage account key",
               rb"(?i)AccountKey=([A-Za-z0-9+/]{86}==)", 1, 4.0),
    SecretRule("SECRET-TWILIO-KEY", "Twilio API key", rb"\b(SK[0-9a-f]{32})\b", 1, 3.0),
    SecretRule("SECRET-SENDGRID-KEY", "SendGrid API key", rb"\b(SG\." + _ID + rb"{22}\." + _ID + rb"{43})\b", 1, 3.5),
    SecretRule("SECRET-NPM-TOKEN", "npm access token", rb"\b(npm_[A-Za-z0-9]{36})\b", 1, 3.0),
    SecretRule("SECRET-PYPI-TOKEN", "PyPI upload token", rb"\b(pypi-AgEIcHlwaS5vcmc" + _ID + rb"{50,})", 1, 3.0),
    SecretRule("SECRET-PRIVATE-KEY", "private key block",
               rb"-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"
               rb"(?:\\n|\\r|\s|[\"'+])+([A-Za-z0-9+/=:\-\s\\\"']{64,})", 2, 3.5),
    SecretRule("SECRET-JWT", "JSON Web Token",
               rb"\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})", 1, 3.5),
    SecretRule("SECRET-DATABASE-URL", "database URL with a password",
               rb"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle)"
               rb"(?:\+\w+)?://[^:/\s'\"@]{1,64}:([^@/\s'\"]{1,128})@[^\s'\"/]{1,255}", 1, 0.0),
    SecretRule("SECRET-CONNECTION-STRING", "connection string with a password",
               rb"(?i)(?:server|data source|host)=[^;'\"\n]{1,100};[^'\"\n]{0,200}?\b(?:password|pwd)=([^;'\"\s]{1,128})",
               1, 0.0),
    SecretRule("SECRET-GENERIC-ASSIGNMENT", "password, secret, token or API key in an assignment",
               _KEYWORD + SEPARATOR + rb"([^'\"\s]{8,200})['\"]", 1, 3.0, True),
)
