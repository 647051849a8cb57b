"""Curated repository lists (``data/curated_repos.json``): which repositories, and their stars.

``--repos FILE`` restricts curation to the listed repositories (every language's list: a
Rust repository's Python scripts are still from a curated repository) and supplies stars
to datasets without a stars column (Stack-Edu). A list must only hold permissively
licensed repositories; an ``OR`` expression is fine when one side is permissive.

    >>> license_ok("MIT OR Apache-2.0"), license_ok("MIT OR Unlicense"), license_ok("GPL-3.0")
    (True, True, False)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.core.languages import canonical_language
from tritter_data.sources.stack import RepoEntry
from tritter_data.stages.license import PERMISSIVE_LICENSES

_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def license_ok(expression: str) -> bool:
    """True when some ``OR`` alternative of the SPDX expression is all permissive licenses."""
    alternatives = [part.strip() for part in re.split(r"\s+OR\s+", expression.strip()) if part.strip()]
    return bool(alternatives) and any(
        all(name.strip().lower() in PERMISSIVE_LICENSES for name in re.split(r"\s+AND\s+", alt))
        for alt in alternatives
    )


def load_repos(path: Path) -> dict[str, RepoEntry]:
    """Read and check a repository list; each problem is one line naming the file and entry."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"--repos {path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"--repos {path}: not a readable JSON file ({error})") from None
    languages = data.get("languages") if isinstance(data, dict) else None
    if not isinstance(languages, dict) or not languages:
        raise UsageError(f"--repos {path}: expected an object with a non-empty 'languages' mapping")
    entries: dict[str, RepoEntry] = {}
    for language, items in languages.items():
        if canonical_language(language) is None:
            raise UsageError(f"--repos {path}: unknown language {language!r}")
        if not isinstance(items, list):
            raise UsageError(f"--repos {path}: languages.{language} must be a list")
        for number, item in enumerate(items):
            where = f"--repos {path}: languages.{language}[{number}]"
            entry = _entry(item, canonical_language(language) or language, where)
            entries[entry.repo.lower()] = entry
    return entries


def _entry(item: Any, language: str, where: str) -> RepoEntry:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: must be an object")
    repo, license, stars, why = (item.get(k) for k in ("repo", "license", "stars", "why"))
    if not isinstance(repo, str) or not _REPO.match(repo):
        raise UsageError(f"{where}: 'repo' must look like 'owner/name', got {repo!r}")
    if not isinstance(license, str) or not license_ok(license):
        raise UsageError(f"{where}: {repo} license {license!r} is not permissive")
    if isinstance(stars, bool) or not isinstance(stars, int) or stars < 0:
        raise UsageError(f"{where}: {repo} 'stars' must be a non-negative integer")
    if not isinstance(why, str) or not why.strip():
        raise UsageError(f"{where}: {repo} needs a 'why'")
    return RepoEntry(repo=repo, language=language, license=license, stars=stars, why=why)
