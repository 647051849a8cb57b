"""``curate --language markdown --repos data/curated_repos.json``: docs of the curated repositories."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import stack_support as support
from tritter_data.cli import main

sys.path.insert(0, str(Path(__file__).parents[1] / "stages"))
from docs_helpers import API_STUB, pip_vendor_file, readme

pytest.importorskip("pyarrow")
REPOS = Path(__file__).resolve().parents[2] / "data" / "curated_repos.json"


def row(repo: str, path: str, text: str, language: str, licenses: list[str]) -> dict:
    data = text.encode()
    return {"hexsha": support.git_blob_id(data), "size": len(data), "ext": path.rsplit(".", 1)[-1],
            "lang": language, "max_stars_repo_path": path, "max_stars_repo_name": repo,
            "max_stars_repo_head_hexsha": "f" * 40, "max_stars_repo_licenses": licenses, "max_stars_count": 100,
            "content": text, "avg_line_length": 40.0, "max_line_length": 100, "alphanum_fraction": 0.7}


def test_markdown_and_rst_of_the_curated_repos(tmp_path: Path, monkeypatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    mirror = tmp_path / "v1"
    support.write_parquet(mirror / "data" / "markdown" / "data-00000.parquet", [
        row("psf/requests", "README.md", readme("numpy"), "Markdown", ["Apache-2.0"]),
        row("pallets/click", "LICENSE.md", pip_vendor_file("idna/LICENSE.md"), "Markdown", ["BSD-3-Clause"]),
        row("someone/else", "README.md", readme("orjson"), "Markdown", ["MIT"]),
        row("tokio-rs/tokio", "docs/guide.md", readme("orjson"), "Markdown", ["MIT"]),
    ], support.v1_schema())
    support.write_parquet(mirror / "data" / "restructuredtext" / "data-00000.parquet", [
        row("pallets/flask", "docs/api.rst", API_STUB, "reStructuredText", ["BSD-3-Clause"]),
        row("pallets/flask", "docs/vendoring.rst", pip_vendor_file("README.rst"), "reStructuredText",
            ["BSD-3-Clause"]),
    ], support.v1_schema())
    out = tmp_path / "out"
    assert main(["curate", "--from-parquet", str(mirror), "--content-column", "content", "--language", "markdown",
                 "reStructuredText", "--repos", str(REPOS), "--output", str(out), "--quiet"]) == 0
    md = [json.loads(line) for line in (out / "markdown_curated.jsonl").open()]
    assert [(r["source"], r["language"], r["license"]) for r in md] == [
        ("psf/requests/README.md", "markdown", "Apache-2.0"), ("tokio-rs/tokio/docs/guide.md", "markdown", "MIT")]
    md_manifest = json.loads((out / "markdown_manifest.json").read_text())
    assert md_manifest["rejected"] == {"license_text": 1, "repo_not_listed": 1}
    rst = [json.loads(line) for line in (out / "restructuredtext_curated.jsonl").open()]
    assert [r["source"] for r in rst] == ["pallets/flask/docs/vendoring.rst"]
    assert json.loads((out / "restructuredtext_manifest.json").read_text())["rejected"] == {"api_stub": 1}
