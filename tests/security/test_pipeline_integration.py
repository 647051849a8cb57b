"""The security analysers inside the real ``prepare`` run: worker processes, determinism, counts."""

from __future__ import annotations

import json
from pathlib import Path

from tritter_data.cli import main

FILES = {
    "tools/shell.py": "import subprocess\n\n\ndef grep(pattern, path):\n"
                      "    return subprocess.run(f\"grep {pattern} {path}\", shell=True)\n",
    "tools/safe.py": "import subprocess\n\n\ndef grep(pattern, path):\n"
                     "    return subprocess.run([\"grep\", pattern, path], check=True)\n",
    "web/render.js": "const vm = require(\"vm\");\n\nfunction render(code, ctx) {\n"
                     "  return vm.runInNewContext(code, ctx);\n}\n",
    "svc/users.go": "package svc\n\nfunc Find(db *sql.DB, name string) {\n"
                    "\tdb.Query(\"SELECT id FROM users WHERE name = '\" + name + \"'\")\n}\n",
    "app/keys.rb": "class Keys\n  API_TOKEN = \"q8Zr2vT9pL4xW7mN1cB6\"\n\n  def self.token\n    API_TOKEN\n  end\nend\n",
}


def run(tmp_path: Path, workers: int) -> tuple[bytes, dict]:
    source = tmp_path / "in"
    if not source.exists():
        for name, text in FILES.items():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_text(text)
    out = tmp_path / f"out{workers}"
    assert main(["prepare", "--input-dir", str(source), "--output-dir", str(out), "--quiet",
                 "--workers", str(workers), "--batch-size", "1"]) == 0
    return (out / "shard_00000.jsonl").read_bytes(), json.loads((out / "manifest.json").read_text())


def test_same_shards_with_one_or_two_workers(tmp_path):
    one, manifest = run(tmp_path, 1)
    two, _ = run(tmp_path, 2)
    assert one == two
    assert manifest["rejected"] == {"secret_detected": 1}
    assert (manifest["kept"], manifest["negative"]) == (4, 4)  # safe.py: a 5-line fragment, negative on quality
    assert {rule: n for rule, n in manifest["findings_by_rule"].items() if not rule.startswith("Q-")} == {
        "GO-SQL": 1, "JS-VM": 1, "PY-SHELL": 1}
    labels = {record["source"]: record.get("quality_label", "positive")
              for record in map(json.loads, one.decode().splitlines())}
    assert labels == {"tools/shell.py": "negative", "tools/safe.py": "negative", "web/render.js": "negative",
                      "svc/users.go": "negative"}
    explanations = {r["source"]: r["explanation"] for r in map(json.loads, one.decode().splitlines())}
    assert "security issues" not in explanations["tools/safe.py"]  # the look-alike is not a security finding
    assert all(explanations[s].startswith("This code has security issues:") for s in labels if s != "tools/safe.py")
