"""The shipped curated repository list and its validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tritter_data.core.errors import UsageError
from tritter_data.sources.repos import license_ok, load_repos

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "curated_repos.json"


def test_shipped_list_has_permissive_repos_for_python_rust_javascript():
    entries = load_repos(SHIPPED)
    by_language: dict[str, list[str]] = {}
    for entry in entries.values():
        by_language.setdefault(entry.language, []).append(entry.repo)
        assert license_ok(entry.license) and entry.stars > 1000 and entry.why
    assert sorted(by_language) == ["javascript", "python", "rust"]
    assert all(len(repos) == 10 for repos in by_language.values())
    assert entries["psf/requests"].license == "Apache-2.0"
    assert entries["burntsushi/ripgrep"].repo == "BurntSushi/ripgrep"


@pytest.mark.parametrize(("content", "message"), [
    ("{", "not a readable JSON file"),
    ('{"languages": {}}', "expected an object with a non-empty 'languages' mapping"),
    ('{"languages": {"cobol": []}}', "unknown language 'cobol'"),
    ('{"languages": {"python": [{"repo": "nope", "license": "MIT", "stars": 1, "why": "x"}]}}',
     "languages.python[0]: 'repo' must look like 'owner/name', got 'nope'"),
    ('{"languages": {"python": [{"repo": "a/b", "license": "GPL-3.0", "stars": 1, "why": "x"}]}}',
     "languages.python[0]: a/b license 'GPL-3.0' is not permissive"),
    ('{"languages": {"python": [{"repo": "a/b", "license": "MIT", "stars": "lots", "why": "x"}]}}',
     "a/b 'stars' must be a non-negative integer"),
])
def test_bad_lists_are_one_line_naming_the_file(tmp_path, content, message):
    path = tmp_path / "repos.json"
    path.write_text(content)
    with pytest.raises(UsageError) as caught:
        load_repos(path)
    assert str(caught.value).startswith(f"--repos {path}: ")
    assert message in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        load_repos(tmp_path / "absent.json")
    assert json.loads(SHIPPED.read_text())["languages"]["rust"][0]["license"] == "MIT OR Apache-2.0"
