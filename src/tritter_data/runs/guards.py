"""Checks that make a run loud when it is broken: before it starts, and after it ends.

Before: ``--workers`` within reason, every required module importable. A missing
``google-re2`` or tree-sitter grammar used to turn every file into an ``internal_error``
reject and exit 0; now it is one line and exit 2 before any file is read.
After: a run where more than ``INTERNAL_ERROR_LIMIT`` of the files hit ``internal_error``
raises ``RunFailed`` (exit 3), naming the count and the first error.

    >>> internal_error_failure({"input_files": 200, "rejected": {"internal_error": 1}, "reject_examples": {}})
    >>> internal_error_failure({"input_files": 100, "rejected": {"internal_error": 2},
    ...     "reject_examples": {"internal_error": [{"source": "a.py", "detail": "analyse: KeyError: 'x'"}]}})
    "2 of 100 files (2.0%) hit internal_error, over the 1% limit; first: a.py: analyse: KeyError: 'x'"
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError

#: ``--workers`` above this many per CPU is refused: processes beyond that only add memory
#: and start-up time, and 10,000 of them run the machine into the ground.
WORKERS_PER_CPU = 4
#: Share of input files that may hit ``internal_error`` before the run counts as failed.
INTERNAL_ERROR_LIMIT = 0.01
#: Modules every prepare/curate run imports, and the pip name that provides each.
REQUIRED_MODULES = {"orjson": "orjson", "zstandard": "zstandard", "re2": "google-re2",
                    "tree_sitter": "tree-sitter"}


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def check_workers(workers: int | None, executor: str = "local", flag: str = "--workers") -> None:
    """Refuse a local process count above ``WORKERS_PER_CPU`` x the CPUs (one line, exit 2).

    A Ray cluster's size is not known here, so ``--executor ray`` is left to Ray.
    """
    if workers is None:
        return
    if workers < 1:
        raise UsageError(f"{flag} must be at least 1, got {workers}")
    cpus = available_cpus()
    if executor == "local" and workers > WORKERS_PER_CPU * cpus:
        raise UsageError(f"{flag} {workers}: more than {WORKERS_PER_CPU}x the {cpus} CPU(s) here "
                         f"(at most {WORKERS_PER_CPU * cpus}); use --executor ray for a cluster")


def check_dependencies(languages: Iterable[str]) -> None:
    """Import each required module (and the tree-sitter grammar of each language) now.

    Raises ``UsageError`` naming the first missing one and the pip package to install.
    """
    modules = dict(REQUIRED_MODULES)
    for module, package in _grammar_modules(languages):
        modules.setdefault(module, package)
    for module, package in modules.items():
        try:
            importlib.import_module(module)
        except ImportError as error:
            raise UsageError(f"missing dependency {package} (import {module}: {error}); "
                             f"pip install {package}") from error


def _grammar_modules(languages: Iterable[str]) -> list[tuple[str, str]]:
    try:
        from tritter_data.security.insecure.syntax import GRAMMARS
    except ImportError:  # the security package is optional while it grows
        return []
    wanted = set(languages)
    if "typescript" in wanted:
        wanted.add("tsx")
    names = sorted({GRAMMARS[language][0] for language in wanted if language in GRAMMARS})
    return [(name, name.replace("_", "-")) for name in names]


def internal_error_failure(manifest: dict[str, Any]) -> str | None:
    """The one-line failure when too many files hit ``internal_error``, else None."""
    count = manifest.get("rejected", {}).get("internal_error", 0)
    total = manifest.get("input_files", 0)
    if not total or count <= INTERNAL_ERROR_LIMIT * total:
        return None
    examples = manifest.get("reject_examples", {}).get("internal_error") or [{}]
    first = examples[0]
    where = f"; first: {first['source']}: {first['detail']}" if first else ""
    return (f"{count} of {total} files ({count / total:.1%}) hit internal_error, "
            f"over the {INTERNAL_ERROR_LIMIT:.0%} limit{where}")


def check_output_creatable(path: Path) -> None:
    """Create ``path`` (and missing parents) and remove what was created, leaving no trace.

    An output under a regular file, in a read-only directory or in ``/proc`` fails here, as
    an ``OSError`` naming the path (the CLI prints ``error: PATH: reason``, exit 2), before
    any file is read, instead of after the whole run.
    """
    created: list[Path] = []
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        created.append(probe)
        probe = probe.parent
    try:
        for directory in reversed(created):
            directory.mkdir()
    finally:
        for directory in created:
            with contextlib.suppress(OSError):
                directory.rmdir()
