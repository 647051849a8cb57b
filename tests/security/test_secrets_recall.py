"""Recall rules added after the held-out evaluation: each shape has code that must fire and a
look-alike in the same shape that must stay. Values are synthetic (random strings of the
issuer's documented shape), never real credentials."""

from __future__ import annotations

import pytest

from tritter_data.security.secrets import scan_secrets

TOK = "q8Zr2vT9pL4xW7mN1cB6yH3k"
LOWER = "k0lj2mwl8n3ztmrivlpbc7obk914sj"  # lowercase and digits only, as Twitch issues them

#: (context, code, rule that fires at line 2)
FIRES = [
    ("marker on the next line", "shop:\n  client_secret: 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\n"
     "  store_url: example-shop.myshopify.com\n", "SECRET-SHOPIFY-SHARED-SECRET"),
    ("c define", f'#include <stdio.h>\n#define API_TOKEN "{TOK}"\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("sql role password", "-- roles.sql\nCREATE ROLE app WITH LOGIN PASSWORD 'Xk9mQ2vL7pR4wZ';\n",
     "SECRET-GENERIC-ASSIGNMENT"),
    ("ruby dsl", f"Acme.configure do |c|\n  c.api_token '{TOK}'\nend\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("log line with a dash", f"[INFO] connecting\n[DEBUG] twitch token - '{LOWER}'\n", "SECRET-GENERIC-ASSIGNMENT"),
    ("test-mode key with a random body", "import os\nPAYMENTS_TOKEN = 'test_4c9e07a1b3d5f2e8c6a0b9d7e1f3a5c2b4d'\n",
     "SECRET-GENERIC-ASSIGNMENT"),
    ("vault token before hvs.", "#!/bin/sh\nexport VAULT_TOKEN=s.Qm7vX2pLk9RtZ4wN8cYs3bHd\n", "SECRET-VAULT-LEGACY-TOKEN"),
    ("new relic eu license key", 'import newrelic\nLICENSE = "eu01xx9c3e1f0a7b2d4e6f8a0b1c2d3e4f5aNRAL"\n',
     "SECRET-NEWRELIC-LICENSE-KEY"),
    ("password inside a rejected token value", 'import redis\nr = connect(token="cache.redis.acme.net:6380,'
     'password=Xcc3S9d7And6aMdfOcUc0acHJh3CiDh3l9Dsap,ssl=True")\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("ldap simple bind", 'import ldap\nconn.simple_bind_s("cn=admin,dc=acme,dc=io", "Xk9mQ2vL7pR4wZ")\n', "SECRET-LOGIN-CALL"),
    ("php ldap_bind", '<?php\n$ok = ldap_bind($ds, "cn=root,dc=acme,dc=io", "Tq7vK2mLx9Rp");\n', "SECRET-LOGIN-CALL"),
    ("power automate teams workflow", 'import requests\nHOOK = "https://prod-27.westeurope.logic.azure.com:443/workflows/'
     '0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual'
     '%2Frun&sv=1.0&sig=Qm7vX2pLk9RtZ4wN8cYs3bHdJ5fG1aE0uI9oP2lK6jT"\n', "SECRET-AZURE-WORKFLOW-WEBHOOK"),
    ("zapier catch hook", 'import requests\nrequests.post("https://hooks.zapier.com/hooks/catch/4813672/bx9k2qz/", json=e)\n',
     "SECRET-ZAPIER-WEBHOOK"),
    ("name ending in pass", 'import os\nSMTP = {"host": "mail.acme.io", "user": "svc", "pass": "Xk9mQ2vL7pR4wZ"}\n',
     "SECRET-GENERIC-ASSIGNMENT"),
    ("env pass", '# .env\nDB_PASS=Tq7vK2mLx9Rp4W\n', "SECRET-GENERIC-ASSIGNMENT"),
    ("mailgun key in the issuer's alphabet", 'import requests\nAUTH = ("api", "key-3ax6xnjp29jd6fds4gc373sgvjxteol0")\n',
     "SECRET-MAILGUN-KEY"),
    ("short vault service token", "#!/bin/sh\nexport VAULT_TOKEN=hvs.6j4cuewowBGit65rheNoceI7\n", "SECRET-VAULT-SERVICE-TOKEN"),
    ("marker in another literal", "# deploy.ps1\nSet-AuthMethod -Type 'OIDC' -ClientId 'fake' "
     "-ClientSecret '2Vq7Q~q5VgKljZ7cb3.0sp0Apz.vOjRIPyeTr'\n", "SECRET-AZURE-AD-CLIENT-SECRET"),
    ("service key with a dash", "[DEBUG] loaded\n[DEBUG] spotify key - 'MJsy6euxw0GKljGYZLZGnn0PvKuZB0V8'\n",
     "SECRET-NAMED-KEY"),
    ("json escaped in a java string", 'class Fixture {\n  String body = "{\\"password\\":\\"Xk9mQ2vL7pR4wZ\\"}";\n}\n',
     "SECRET-GENERIC-ASSIGNMENT"),
    ("json escaped in a python string", f'import json\nBODY = "{{\\"api_key\\": \\"{TOK}\\", \\"user\\": \\"svc\\"}}"\n',
     "SECRET-GENERIC-ASSIGNMENT"),
    ("escaped json under a service name", 'import json\nBODY = "{\\"twilio_auth\\": \\"9c3e1f0a7b2d4e6f8a0b1c2d3e4f5a6b\\"}"\n',
     "SECRET-TWILIO-AUTH-TOKEN"),
    ("docker config auth", 'CONFIG = {"auths": {\n    "registry.acme.io": {"auth": "ZGVwbG95OlhrOW1RMnZMN3BSNHda"}}}\n',
     "SECRET-AUTH-FIELD"),
    ("npmrc _auth", 'NPMRC = """\n//registry.acme.io/:_auth=ZGVwbG95OlhrOW1RMnZMN3BSNHda\n"""\n', "SECRET-AUTH-FIELD"),
    ("netrc entry", "NETRC = '''\nmachine api.acme.io login deploy password Xk9mQ2vL7pR4wZ\n'''\n", "SECRET-NETRC"),
    ("base64 with == then a colon", "# tableau.env\nsecret=YMqNfVWiTSa0QgpoJ9GpCw==:KTamjuKrXF5gVETjIJafBBvP8Ctj5aJ3\n",
     "SECRET-GENERIC-ASSIGNMENT"),
    ("kubernetes env pair", 'MANIFEST = """\n        - name: DB_PASSWORD\n          value: "Xk9mQ2vL7pR4wZ"\n"""\n',
     "SECRET-NAME-VALUE-PAIR"),
    ("ecs task definition", 'TASK = {"environment": [\n  {"name": "STRIPE_API_KEY", "value": "Qm7vX2pLk9RtZ4wN8cYs3bHd"}]}\n',
     "SECRET-NAME-VALUE-PAIR"),
    ("oracle jdbc thin", 'class Db {\n  static final String URL = "jdbc:oracle:thin:svc/Xk9mQ2vL7pR4wZ@db.acme.io:1521:ORCL";\n}\n',
     "SECRET-ORACLE-CONNECT"),
    ("sqlplus login", "#!/bin/sh\nsqlplus -s svc/Xk9mQ2vL7pR4wZ@//db.acme.io:1521/ORCL @load.sql\n", "SECRET-ORACLE-CONNECT"),
    ("api key as the curl user", '#!/bin/sh\ncurl -u "d2LkV78zLx!t:" https://search.acme.io:9200/_cat/indices\n',
     "SECRET-CURL-KEY-USER"),
    ("sonar login", "# sonar-project.properties\nsonar.login=8fc9fb6494384932af3bda6fe8102c0fa7a26774\n",
     "SECRET-SONAR-LOGIN"),
]

#: (context, code) that must stay quiet
QUIET = [
    ("marker in a trailing comment", "SECRET = '2Vq7Q~q5VgKljZ7cb3.0sp0Apz.vOjRIPyeTr'  # fake, for the docs\n"),
    ("marker on the same line", 'client_secret: "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"  # example value\n'),
    ("error messages", "raise SyntaxError(\"unexpected token 'identifier_name'\")\n"
     "raise ValueError(f\"bad token '{tok}'\")\nlog.warning(\"token - 'expired_or_revoked'\")\n"),
    ("prose and paths", "# pass the token 'ACCESS_TOKEN_FROM_ENV' to the client\n"
     "#define TOKEN_FILE \"/etc/acme/token.json\"\n#define PASSWORD_PROMPT \"Enter password: \"\n"),
    ("test names and short test values", "password = 'test_password_for_ci'\napi_key = \"test_api_key_1\"\n"
     "token = 'test-token-6'\n"),
    ("vault paths and sonar settings", 'VAULT_PATH = "s.secret/data/app"\nvault_mount = "s.kv"\n'
     "sonar.projectKey=acme_billing-service\nsonar.host.url=https://sonarcloud.io\n"),
    ("bind calls without a literal password", 'conn.simple_bind_s(dn, password)\n'
     'el.addEventListener("click", handler.bind(this, "user:profile:42"));\nldap_bind($ds, $dn, $pw);\n'),
    ("workflow urls without a signature", 'DOC = "https://prod-27.westeurope.logic.azure.com:443/workflows/'
     '0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?api-version=2016-06-01"\n'
     'ZAP = "https://hooks.zapier.com/hooks/catch/"\n'),
    ("pass inside other words", 'bypass = "Xk9mQ2vL7pR4wZ"\ncompass: Xk9mQ2vL7pR4wZ\npass_through = "Xk9mQ2vL7pR4wZ"\n'
     'def f():\n    pass\n    x = "Xk9mQ2vL7pR4wZ"\n'),
    ("key- class names", 'CLASSES = ["key-primarynavigationsectionheadertitle", "key-value-pair"]\n'),
    ("keys named in prose", "  -- primary key 'customer_id_2024_region'\nMSG = \"sort key - 'created_at_desc_v2'\"\n"
     "raise KeyError(\"missing key 'e1a7c09b54f3d2861a0fb7c3e95d4a26'\")\n"),
    ("escaped json without values", 'BODY = "{\\"api_key\\": \\"${API_KEY}\\", \\"password\\": \\"\\"}"\n'
     'Q = "{\\"token\\": \\"<token>\\", \\"secret\\": \\"%s\\"}"\n'),
    ("auth fields without credentials", 'session.auth = HTTPBasicAuth\noauth: dGhlIHF1aWNrIGJyb3duIGZveA==\n'
     'auth = "dXNlcjpwYXNzd29yZA=="\nAUTH = {"auth": "bm9wYXNzd29yZA=="}\n'),
    ("netrc look-alikes", '# the machine learning model is password protected\n'
     'NETRC = "machine host.domain.com login log password \\xa1\\xa2 account acct"\n'
     'N2 = "machine host.domain.com login log password $NETRC_PASSWORD"\n'),
    ("comparisons in minified code", "if(n.token==t.token2&&x)return\nauth_token=e.token==40321\n"),
    ("name/value pairs without a literal", 'M = """\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db}\n'
     '- name: API_TOKEN\n  value: "${{ secrets.API_TOKEN }}"\n- name: token_type\n  value: bearer_access_token\n"""\n'
     'FORM = \'<input type="hidden" name="authenticity_token" value="7SWa-Fo1_hsC6oovfBsJFLGPUl2EhkSWPbJhWANw" />\'\n'),
    ("oracle connects without a password", 'DSN = "jdbc:oracle:thin:@db.acme.io:1521:ORCL"\n'
     'os.system("sqlplus scott/tiger@orcl")\nCMD = "sqlplus $USER/$PASS@$DB"\nSYS = "sqlplus / as sysdba"\n'),
    ("curl users without a key", "curl -u deploy-user-01: https://a.test\ncurl -u \"$API_KEY:\" https://a.test\n"
     "curl -u jdoe42: https://a.test\n"),
    ("aws resource names and request ids", '    "SecretArn": "arn:aws:secretsmanager:us-west-2:123456789123:secret:billing-db-1a2B3c",\n'
     '  aws iot create-custom-metric --client-request-token "02ccb92b-33e8-4dfa-a0c1-35b181ed26b0"\n'),
    ("an assignment quoted in prose", "If you need pandas, pass `chunksize=100_000` to `read_csv`.\n"
     "Set the token `retries=3_000` per host.\n"),
    ("words after a keyword", "msg = _(\"Your secret 'recovery-question-one'\")\n"
     "COMMENT = \"token 'https://acme.io/docs/tokens'\"\n"),
]


@pytest.mark.parametrize(("context", "code", "rule_id"), FIRES, ids=[c for c, _, _ in FIRES])
def test_secret_fires(context, code, rule_id):
    assert [(f.rule_id, f.line) for f in scan_secrets(code)] == [(rule_id, 2)]


@pytest.mark.parametrize(("context", "code"), QUIET, ids=[c for c, _ in QUIET])
def test_look_alike_stays(context, code):
    assert scan_secrets(code) == []
