"""Secrets in every context: config text inside code, command lines, HTTP headers, URLs with a
password on any host, login calls, private keys of every armour, JWTs. Each context has
cases that must fire (with the rule and line) and look-alikes that must not. Values are
synthetic."""

from __future__ import annotations

import base64
import random
import string

import pytest

from tritter_data.core.sample import Reject, Sample
from tritter_data.security.secrets import scan_secrets
from tritter_data.security.secrets.paths import screen_path
from tritter_data.security.secrets.synth import fake_jwt, fake_key_body

PW = "Xk9#mQ2vL7pR4w"  # a password with a symbol
PW_URL = "Xk9mQ2vL7pR4wZ"  # URL-safe
TOK = "q8Zr2vT9pL4xW7mN1cB6yH3k"
HF = "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"
BASIC = base64.b64encode(f"svc:{PW}".encode()).decode()
JWT = fake_jwt(random.Random(3))
KEY_LINES = fake_key_body(random.Random(4))
LONG_TOKEN = "".join(random.Random(7).choices(string.ascii_letters + string.digits, k=320))

#: (context, code, rule that fires at line 2)
FIRES = [
    ("python dict", f'import os\nCONFIG = {{"db_password": "{PW}"}}\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("json in a string", f"import json\ncfg = json.loads('{{\"api_key\": \"{TOK}\"}}')\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("yaml in a string", f'CONFIG = """\ndatabase:\n  password: {PW}\n"""\n', None),
    ("ini in a string", f'INI = """[db]\npassword = {PW}\nhost = db\n"""\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("toml in a string", f'TOML = """[service]\napi_token = "{TOK}"\n"""\n', "SECRET-GENERIC-ASSIGNMENT"),
    (".env in a string", f'ENV = (\n    "DB_PASSWORD={PW}\\nDEBUG=1\\n")\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("shell export", f"#!/bin/sh\nexport SERVICE_TOKEN={TOK}\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("shell export quoted", f"#!/bin/sh\nexport DB_PASSWORD='{PW}'\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("dockerfile env", f"FROM python:3.12\nENV API_KEY={TOK}\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("keyword argument", f'import psycopg2\nconn = psycopg2.connect(host="db", password="{PW}")\n',
     "SECRET-GENERIC-ASSIGNMENT"),
    ("env pair", f'import os\nos.environ.setdefault("SERVICE_API_KEY", "{TOK}")\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("curl -u in a list", f'import subprocess\nsubprocess.run(["curl", "-u", "admin:{PW}", url])\n', "SECRET-CURL-USER"),
    ("curl -u in a string", f'import os\nos.system("curl -s -u admin:{PW} https://api.acme.io/v1")\n',
     "SECRET-CURL-USER"),
    ("kubernetes secret", 'MANIFEST = """\nkind: Secret\nmetadata:\n  name: db\ndata:\n  dsn: '
     + base64.b64encode(f"svc:{PW}".encode()).decode() + '\n"""\n', "SECRET-KUBERNETES-SECRET"),
    ("xml setting", f'CONFIG = """<appSettings>\n  <add key="StorageApiKey" value="{TOK}" />\n</appSettings>"""\n',
     "SECRET-XML-SETTING"),
    ("curl continued line", f'#!/bin/sh\ncurl -X POST https://api.acme.io/v1 \\\n  -d "x=1" \\\n  -u deploy:{PW_URL}\n', None),
    ("curl empty user", f'#!/bin/sh\ncurl -u ":{PW_URL}" https://search.acme.io:9200\n', "SECRET-CURL-USER"),
    ("curl email user", f"#!/bin/sh\ncurl --user ops@acme.io:'{PW_URL}' https://api.acme.io\n", "SECRET-CURL-USER"),
    ("curl apikey header", f'#!/bin/sh\ncurl -H "apikey: {TOK}" https://api.acme.io\n', "SECRET-AUTH-HEADER"),
    ("api-token scheme", f'#!/bin/sh\ncurl -H "Authorization: Api-Token {TOK}" https://api.acme.io\n', "SECRET-AUTH-HEADER"),
    ("hex client secret", 'import json\nCFG = {"client_secret": "' + "6da8912107" * 6 + 'b4c1"}\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("env default pair", 'import os\nTOKEN = os.getenv("api_token", "d4fa7817-e246-48f3-91a7-e87653d587b8")\n',
     "SECRET-GENERIC-ASSIGNMENT"),
    ("--token flag", f'import os\nCMD = "deploy --token {TOK} --env prod"\n', "SECRET-CLI-FLAG"),
    ("--password= flag", f'import sys\nARGS = ["--db-password={PW}", "--verbose"]\n', "SECRET-CLI-FLAG"),
    ("mysql -p", f'import subprocess\nsubprocess.call(["mysql", "-uroot", "-p{PW}", "app"])\n', "SECRET-CLI-SHORT-PASSWORD"),
    ("sshpass -p", f'import os\nos.system("sshpass -p {PW_URL} ssh deploy@10.0.0.4")\n', "SECRET-CLI-SHORT-PASSWORD"),
    ("redis-cli -a", f"#!/bin/sh\nredis-cli -h cache -a {PW_URL} ping\n", "SECRET-CLI-SHORT-PASSWORD"),
    ("bearer header", f'import requests\nheaders = {{"Authorization": "Bearer {TOK}"}}\n', "SECRET-AUTH-HEADER"),
    ("basic header", f'import requests\nheaders = {{"Authorization": "Basic {BASIC}"}}\n', "SECRET-AUTH-HEADER"),
    ("api-key header", f'import os\nos.system(\'curl -H "X-Api-Key: {TOK}" https://api.acme.io\')\n', "SECRET-AUTH-HEADER"),
    ("token header in curl", f'#!/bin/sh\ncurl -H "Authorization: token {TOK}" https://api.acme.io\n',
     "SECRET-AUTH-HEADER"),
    ("bearer hf token", f'import requests\nheaders = {{"Authorization": "Bearer {HF}"}}\n', "SECRET-HUGGINGFACE-TOKEN"),
    ("login(hf_...)", f'from huggingface_hub import login\nlogin("{HF}")\n', "SECRET-HUGGINGFACE-TOKEN"),
    ("login(token=...)", f'from huggingface_hub import login\nlogin(token="{TOK}")\n', "SECRET-LOGIN-CALL"),
    ("login(user, password)", f'import ftplib\nftp.login("deploy", "{PW}")\n', "SECRET-LOGIN-CALL"),
    ("auth tuple", f'import requests\nrequests.get(url, auth=("svc", "{PW}"))\n', "SECRET-LOGIN-CALL"),
    ("url on localhost", f'import sqlalchemy\nengine = create_engine("postgresql://app:{PW_URL}@localhost:5432/app")\n',
     "SECRET-URL-PASSWORD"),
    ("url on an example host", f'import pika\nURL = "amqp://svc:{PW_URL}@mq.example.com/vhost"\n', "SECRET-URL-PASSWORD"),
    ("url without user", f'import redis\nr = redis.from_url("redis://:{PW_URL}@cache:6379/0")\n', "SECRET-URL-PASSWORD"),
    ("url https", f'import git\nREMOTE = "https://deploy:{PW_URL}@git.acme.io/org/repo.git"\n', "SECRET-URL-PASSWORD"),
    ("jwt", f'import requests\nSESSION = "{JWT}"\n', "SECRET-JWT"),
    ("xml element on its own line", f'CONFIG = """<settings>\n  <deployToken>\n    {TOK}\n  </deployToken>\n"""\n', None),
    ("xml password element", f'C = """<config>\n<password>{PW}</password>\n</config>"""\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("jenkins credentials xml", 'X = """<creds>\n<secret>{AQAAABAAAAAQ' + TOK + '==}</secret>\n</creds>"""\n', None),
    ("bad-checksum token in xml", 'X = """<x>\n<githubToken>ghp_' + "k3v9q2mz8w7x4r1t6y5u0p2o9i8n7b6c5d4e"
     + '</githubToken>\n</x>"""\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("powershell -ClientSecret", f"# deploy.ps1\nConnect-Graph -TenantId 'acme' -ClientSecret '{PW_URL}'\n",
     "SECRET-CLI-FLAG"),
    ("powershell SecureString", f'# deploy.ps1\n$pw = ConvertTo-SecureString "{PW_URL}" -AsPlainText -Force\n',
     "SECRET-CLI-FLAG"),
    ("stripe test-mode secret", 'import stripe\nstripe.api_key = "sk_test_51HqLyjWDarjtT1zdp7dc4eC39"\n',
     "SECRET-STRIPE-SECRET"),
    ("slack workflow webhook", 'import requests\nHOOK = "https://hooks.slack.com/workflows/T04QK7Z2M/A07HN3P5R2C/'
     '583920174659201834/Qm7Xv2LpR9tZ4wK8nB3cY6hJ"\n', "SECRET-SLACK-WEBHOOK"),
    ("sumo logic access id", 'import os\nSUMOLOGIC_ACCESS_ID = "suQ7vXm2LpR9tZ"\n', "SECRET-SUMOLOGIC-ACCESS-ID"),
    ("sourcegraph legacy token", 'cfg = dict(\n    sourcegraph_token="' + "9c1fA07bE4d2" * 3 + 'aB3e")\n',
     "SECRET-SOURCEGRAPH-LEGACY-TOKEN"),
    ("service-named key in yaml", f'CONFIG = """\napi:\n  censor_key: "{TOK}"\n"""\n', None),
    ("service-named key in go", f'package main\nvar weatherKey = "{TOK}"\n', "SECRET-NAMED-KEY"),
    ("key in a log line", f'LOG = """[INFO] start\n[DEBUG] using Key={TOK}\n"""\n', None),
    ("go := unquoted token", f'// config\nrunnerToken := {TOK}\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("token longer than 200 chars", f'import os\nREFRESH_TOKEN = "{LONG_TOKEN}"\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("letters-only named key", 'settings = {\n    "render_key": "kwXoIIXGvOoNZYWmZpzVZomHFwUbbYrEqmSMwCZU_wxfogo"}\n', "SECRET-NAMED-KEY"),
    ("value padded inside its quotes", f"import os\nbilling_token = ' {TOK} '\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("key in a query on an example host", 'import requests\nURL = "https://shop.example.com/rates?t=EZAK'
     'MTX6T5bC6O3hDpHJanr4VjXiMha2mn82r7HQm6Q73swkjesLaQutYD&q=1"\n', "SECRET-EASYPOST-KEY"),
    ("two-part slack bot token", 'from slack_sdk import WebClient\nbot = WebClient("xoxb-4820739161-Pq7Rz2Lm9Xv4Tn8Kc3Wb6Y")\n',
     "SECRET-SLACK-LEGACY-BOT"),
    ("mysql -p with a leading dash", 'import subprocess\nsubprocess.call(["mysql", "-uroot", "-p-Qv7Lm2Xz9Rk", "app"])\n',
     "SECRET-CLI-SHORT-PASSWORD"),
    ("hex token in a setProperty pair", 'class App {\n  static { System.setProperty("BILLING_TOKEN", "'
     + "9c3e1f0a7b2d4e6f8a0b1c2d3e4f5a6b" + '"); }\n}\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("name ending in pwd", f'ENV = """\nREGISTRYPWD={PW_URL}\n"""\n', None),
    ("hex key under a service name", 'package main\nvar ledgerKey = "' + "e1a7c09b54f3d2861a0fb7c3e95d4a26" + '"\n',
     "SECRET-NAMED-KEY"),
    ("gcp service account json", 'CREDS = {"type": "service_account",\n "private_key_id": "'
     + "3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e7b6d5a2f" + '"}\n', "SECRET-GCP-SERVICE-ACCOUNT-KEY-ID"),
]
ARMOURS = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY",
           "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK", "SSH2 ENCRYPTED PRIVATE KEY"]
KEYS = [(f"pem {armour}", f'import ssl\nKEY = """-----BEGIN {armour}-----\n' + "\n".join(KEY_LINES)
         + f'\n-----END {armour}-----"""\n', "SECRET-PRIVATE-KEY") for armour in ARMOURS]
KEYS += [
    ("pem concatenated in java", 'class K {\n  static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\\n"\n'
     + "".join(f'    + "{line}\\n"\n' for line in KEY_LINES) + '    + "-----END RSA PRIVATE KEY-----";\n}\n',
     "SECRET-PRIVATE-KEY"),
    ("putty", 'PPK = """PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n'
     + "\n".join(KEY_LINES[:2]) + "\nPrivate-Lines: 4\n" + "\n".join(KEY_LINES[2:]) + '\n"""\n', None),
]

#: (context, code) that must stay quiet
QUIET = [
    ("url placeholders", 'DBS = ["postgres://user:password@localhost/db", "mysql://root:${DB_PASS}@db/app",\n'
     '       "amqp://guest:guest@localhost//", "https://user:<password>@host", "redis://:changeme@cache",\n'
     '       "ftp://anonymous:xxx@ftp.host", "postgres://postgres:postgres@localhost/postgres"]\n'),
    ("url templates", 'URL = f"postgresql://{user}:{password}@{host}/db"\nDSN = "mysql://%s:%s@%s/%s" % args\n'),
    ("host and port", 'PROXY = "http://proxy.local:3128@gateway"\nADDR = ("http", "user/name", "password", "localhost:22")\n'),
    ("cli variables", 'import os\nos.system("curl -u $USER:$PASS https://api.acme.io")\n'
     'os.system("deploy --token $DEPLOY_TOKEN")\nos.system("mysql -u root -p")\nos.system("mysql -p$MYSQL_PWD app")\n'
     'ARGS = ["--token-file", "/run/secrets/token", "--password", "${PASSWORD}"]\n'),
    ("headers from variables", 'h = {"Authorization": f"Bearer {token}"}\nh2 = {"Authorization": "Bearer " + token}\n'
     'DOC = "Authorization: Bearer <token>"\nBASIC = {"Authorization": "Basic dXNlcjpwYXNzd29yZA=="}\n'),
    ("reads, not values", 'import getpass, os\npassword = getpass.getpass()\ntoken = request.headers["X-Token"]\n'
     'api_key = settings.API_KEY\nSECRET_KEY = os.environ["SECRET_KEY"]\npassword: str = ""\n'
     'token_type = "Bearer"\npassword = input("Password: ")\nPASSWORD_FIELD = "password_confirmation"\n'),
    ("hashes and ids", 'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"\nsha256 = "' + "ab" * 32 + '"\n'
     'request_id = "123e4567-e89b-12d3-a456-426614174000"\ncommit = "3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e7b6d5a2f"\n'),
    ("placeholders", 'password = "changeme"\ntoken = "xxxxxxxxxxxxxxxx"\napi_key = "<your-api-key>"\n'
     'secret = "${SECRET}"\npassword = "password123"\nAPI_TOKEN = "your_token_here"\n'),
    ("marked fakes", 'api_key = "q8Zr2vT9pL4xW7mN1cB6"  # fake key for tests\n'
     'token = "Xk9mQ2vL7pR4wZq8Zr2v"  # pragma: allowlist secret\n'),
    ("names in lists", "__all__ = ['HTTPPasswordMgr', 'HTTPPasswordMgrWithDefaultRealm']\n"
     "VECTORS = [(b'passwordPASSWORDpassword', b'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096)]\n"),
    ("jwt look-alikes", 'EXAMPLE_HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"\n'
     'JWT_IO = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy'
     'fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"\nNOT_JSON = "eyJhbGciOiJub25lIn0x.eyJub3RqaXNvbiB0ZXh0.abc"\n'),
    ("public keys and parsers", 'PUB = """-----BEGIN PUBLIC KEY-----\n' + "\n".join(KEY_LINES)
     + '\n-----END PUBLIC KEY-----"""\nMARK = "-----BEGIN RSA PRIVATE KEY-----"\n'
     'if line.startswith("-----BEGIN PRIVATE KEY-----"):\n    pass\n'
     'DOC = """-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----"""\n'),
    ("login from variables", 'ftp.login(user, password)\nrequests.get(url, auth=(user, password))\n'
     'client.login("user", "password")\nimap.authenticate("CRAM-MD5", self._cram)\n'),
    ("found on real code", '<assemblyIdentity name="Microsoft.VC90.CRT" publicKeyToken="1fc8b3b9a1e18e3b"/>\n'
     '"""remaining in their original positions--pass `strict=False`. To produce a"""\n'),
    ("kubernetes look-alikes", 'M1 = """kind: Secret\ndata:\n  extra: YWRtaW46cGFzc3dvcmQ=\n"""\n'
     'M2 = """kind: ConfigMap\ndata:\n  greeting: aGVsbG8gd29ybGQgZnJvbSBhIGNvbmZpZw==\n"""\n'),
    ("xml settings look-alikes", 'C = """<add key="ClearTextPassword" value="TestSourcePassword" />\n'
     '<add key="ApiKey" value="%API_KEY%" />\n<add key="Theme" value="dark-blue-2024" />"""\n'),
    ("public by design", 'ALGOLIA_SEARCH_KEY = "kD93jfLs02mQpZ7xVbN4tRw8YhC1eGu5"\n'
     'algoliaPublicApiKey = "kD93jfLs02mQpZ7xVbN4tRw8YhC1eGu5"\nMAILCHIMP_APP_ID = "5b968f133a4fd64f3834e97d285d2589"\n'),
    ("keywords inside other words", 'rookTable = "0023452Lllk2KqjLBvaxANWEgTd7bqjsxjo8aZj0wd"\n'
     'ReactNativeCameraKit = "f15a5a04b0f6dc6073e6db0296e6ef2d8b8d2522"\n'),
    ("file names and csrf", 'ICON = "media/video_box.ico-7a388b69018576d24b59331fd60aab0c.png"\n'
     'FORM = "csrf-token=Mj2qykJO5rELyHgezQ69nzUX0i3OH67V7+V4eUrLfpuyOuxmiW9r"\nKEYS = "GITHUB_API_KEY=\nDYNATRACE_API_KEY="\n'),
    ("sequences", 'DATABRICKS_TOKEN = "dapi123456789012345678a9bc01234def5"\nKEY = "AIzaSyabcdefghijklmnopqrstuvwxyz1234567"\n'),
    ("xml look-alikes", 'X = """<tokenType>BearerAccessToken</tokenType>\n<password>${DB_PASSWORD}</password>\n'
     '<secret>\n  Enter the shared secret here\n</secret>\n<p>a token of thanks</p>"""\n'),
    ("powershell from variables", "Connect-Graph -ClientSecret $secret -Password (Get-Pw)\n"
     "$pw = ConvertTo-SecureString $plain -AsPlainText -Force\n"),
    ("repeated groups", '"user_token": "xoxp-4321-4321-4321-9f8e7d6c5b4a39281706f5e4d3c2b1a0"\n'
     'license_key = "7788-7788-7788-7788"\n'),
    ("csrf token pairs", 'FORM = ("csrftoken", "Xk9mQ2vL7pR4wZq8Zr2v")\nNAMES = ["password_reset_token", "abcdef0123456789abcdef"]\n'
     'DEPS = "Gradle - io.jsonwebtoken:jjwt-impl-0.12.6"\n'),
    ("redacted tokens", '"bot_token": "xoxp-572370529330-573807301142-572331691188-' + "#" * 20 + '"\n'
     'SLACK = "xoxb-' + "#" * 12 + '"\nAPI_TOKEN = "sk_live_' + "#" * 24 + '"\n'),
    ("keywords ending inside camelCase words", 'sumOfExposures = 3Kqf2VfcNQ0RgYIhXUPJosVlCaQKm2hfpWE6F1fT9YGY74blQBIPsrkCcf1TwKE5;\n'),
    ("camelCase method lists", 'TOOLS = "listPagesInConfluenceSpace,searchConfluenceWithTags"\n'
     'SOURCEGRAPH_COMMIT = "3f2a9c4e8b1d7f6a5c0e2b9d4a8f1c3e7b6d5a2f"\n'),
    ("keys that are not credentials", 'cache_key = "user:42:profile:v2"\nsort_key = "created_at_desc_2024"\n'
     'RegEnumKey = win32api.RegEnumKey\nNAMES = ["AES_KEY", "PKCS7_ISSUER_AND_SERIAL", "RC4_KEY", "__darwin_ucontext64_t"]\n'
     'key = "5f4dcc3b5aa765d61d8327deb882cf99"\nprimary_key = "Xk9mQ2vL7pR4wZq8Zr2vT9pL"\n'
     'public_key = "Xk9mQ2vL7pR4wZq8Zr2vT9pL"\nkey = "Kq9vR2mTx8LpZ3wY"\n'
     '{"result_key": "Ipv4RouteTableAssociations"}\nbad_key = b"0123456789abcdef"\n'
     "key = 'warehouse/sales-2023/region=eu/part-7.parquet'\n"
     'key = f"ShardSpec(dim={spec.dim},factor={spec.split_factor})"\n'
     'tenant_key = "3b241101-e2bb-4255-8caf-4136c566a962"\ncache_key = "e1a7c09b54f3d2861a0fb7c3e95d4a26"\n'),
    ("stripe public keys", 'STRIPE_PUBLISHABLE = "pk_live_51HqLyjWDarjtT1zdp7dc4eC39abc"\n'
     'stripe.publishable_key = "pk_test_51HqLyjWDarjtT1zdp7dc4eC39"\n'),
]


@pytest.mark.parametrize(("context", "code", "rule_id"), FIRES + KEYS, ids=[c for c, _, _ in FIRES + KEYS])
def test_secret_in_context_fires(context, code, rule_id):
    findings = scan_secrets(code)
    assert len(findings) == 1, findings
    if rule_id is not None:  # None: the rule is checked apart below (line differs)
        assert (findings[0].rule_id, findings[0].line) == (rule_id, 2)


def test_multiline_config_and_putty_fire_at_their_line():
    yaml = next(code for context, code, _ in FIRES if context == "yaml in a string")
    assert [(f.rule_id, f.line) for f in scan_secrets(yaml)] == [("SECRET-GENERIC-ASSIGNMENT", 3)]
    continued = next(code for context, code, _ in FIRES if context == "curl continued line")
    assert [(f.rule_id, f.line) for f in scan_secrets(continued)] == [("SECRET-CURL-USER", 2)]
    putty = next(code for context, code, _ in KEYS if context == "putty")
    assert [f.rule_id for f in scan_secrets(putty)] == ["SECRET-PUTTY-KEY"]


@pytest.mark.parametrize(("context", "code"), QUIET, ids=[c for c, _ in QUIET])
def test_look_alike_in_context_stays(context, code):
    assert scan_secrets(code) == []


GHP = "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"
PATHS = [
    (f"keys/a_{GHP}.py", "keys/a_[SECRET-GITHUB-PAT].py", "SECRET-GITHUB-PAT"),
    (f"examples/{GHP}/main.py", "examples/[SECRET-GITHUB-PAT]/main.py", "SECRET-GITHUB-PAT"),
    (f"models/{HF}/load.py", "models/[SECRET-HUGGINGFACE-TOKEN]/load.py", "SECRET-HUGGINGFACE-TOKEN"),
    (f"tokens/{JWT}.js", "tokens/[SECRET-JWT].js", "SECRET-JWT"),
    ("creds/AKIAZ7Q3X5RT2WBNV4HK.go", "creds/[SECRET-AWS-ACCESS-KEY-ID].go", "SECRET-AWS-ACCESS-KEY-ID"),
]
CLEAN_PATHS = ["src/hf_hub_download.py", "tests/ghp_token_test.py", "sklearn/sk-learn.py", "docs/AKIA_prefix.md",
               "a/b/c.py", "keys/ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.py", "models/hf_model_card_template.py"]


@pytest.mark.parametrize(("path", "redacted", "rule_id"), PATHS, ids=[r for _, r, _ in PATHS])
def test_secret_in_a_path_is_rejected_with_the_path_redacted(path, redacted, rule_id):
    result = screen_path(Sample(source=path, size_bytes=10))
    assert result == Reject(redacted, "secret_in_path", f"{rule_id} in path", 10, None)


def test_clean_paths_pass_the_screen_unchanged():
    for path in CLEAN_PATHS:
        sample = Sample(source=path)
        assert screen_path(sample) is sample
    reject = Reject(f"links/{GHP}", "broken_symlink", "No such file")
    assert screen_path(reject).source == "links/[SECRET-GITHUB-PAT]"


#: Found on the wider real-code set (sdists, npm tarballs, Debian Go and Rust crates); own values, same shapes.
REAL_CODE_QUIET = [
    ("rust enum paths", 'Some(Token::OpenParen) => "an open paren",\nToken::StructVariant {\n'
                        "    expect(Token::CloseAngle)?;\n"),
    ("unquoted expressions", "tok.kind = scan_PLAIN_BLOCK_KIND\nxhr.withCredentials = !!opts.withCredentials;\n"
                             "  withCredentials: pickFromSecond,\n  AuthToken: *tracerToken,\nlet CancelToken = Abort$2;\n"),
    ("minified comparisons", "if(n.token===40321||n.token===1183744)return;e.token===2097?1:0\n"
                             'T.NODE_TOKENS=q_.AST_TYPES=void 0;e.HiddenKeyword="TSHiddenKeyword"\n'),
    ("template filters", "tok = 'name|upper|date:\"d-m-Y\"'\n"),
    ("struct tags and lists", 'Pair map[string]int64 `protobuf_key:"zigzag64,3,opt,name=pair"`\n'
                              'get_key("proxy_key", "10.1.0.0/16,10.2.0.1,db.internal")\n'),
    ("query strings and dotted digests", "URL = 'https://h.test/q?key=alpha1&key=beta2&ref=docs'\n"
                                         'self.assertEqual(key, "views.fragment.menu.9b1c2f0e7d6a5b4c3d2e1f0a9b8c7d6e")\n'),
    ("option definitions", "parser.add_argument('--password',\n    default=None, help='the password')\n"
                           'group.add_option("--api-token",\n        dest="token")\n'),
    ("base64 prose and escaped urls", 'req.Header.Set("Sec-Key", "' + base64.b64encode(b"a plain test nonce").decode()
     + '")\nU = "https://ann:p%40ssw0rd@host.test/"\nV = "http://z\\xfcri:p\\xe4ssw\\xf6rd@h.test"\n'
     'W = "https://a:the%20secret@h.test"\nH = {"Authorization": "Basic '
     + base64.b64encode(b"ali:open door").decode() + '"}\nauthorization = base64.b64encode(raw)\n'),
    ("test stand-ins", 'stripe.api_key = "sk_test_987"\nDB["PASSWORD"] = "p4ssw0rd"\nopts = {"password": "(elided)"}\n'
                       'PW = {"password1": "BANNED_WORD3"}\nSECRET_A = "1bcdefghij2bcdefghijK"\ncfg["PASSWORD"] = "zoë"\n'),
]
REAL_CODE_FIRES = [
    ("unquoted env value", 'ENV = """\nAPI_TOKEN=Qm7vX2pLk9RtZ4wN8cYs\n"""\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("unquoted value starting with !", 'ENV = """\nADMIN_PASSWORD=!Tq7vK2mLx9Rp\n"""\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("key in a query string", "URL = 'https://api.test/v1?api_key=Zp4Xq9LmT2vRk7WnB3cY8sHd&lang=en'\n",
     "SECRET-GENERIC-ASSIGNMENT"),
    ("flag with a value", 'subprocess.run(["tool", "--password", "Vq8#mZ2!kLp4"])\n', "SECRET-CLI-FLAG"),
    ("url password", 'DSN = "postgres://app:Wq7%21zK2mPx9@db.internal/prod"\n', "SECRET-URL-PASSWORD"),
]


@pytest.mark.parametrize(("context", "code"), REAL_CODE_QUIET, ids=[c for c, _ in REAL_CODE_QUIET])
def test_real_code_look_alike_stays(context, code):
    assert scan_secrets(code) == []


@pytest.mark.parametrize(("context", "code", "rule_id"), REAL_CODE_FIRES, ids=[c for c, _, _ in REAL_CODE_FIRES])
def test_real_code_shapes_with_a_real_value_fire(context, code, rule_id):
    assert [f.rule_id for f in scan_secrets(code)] == [rule_id]
