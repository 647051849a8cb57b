"""Training data: find the JSONL files of ``--data-dir`` and stream them through ``datasets``.

``--data-dir`` holds ``shard_*.jsonl[.zst]`` (from ``prepare`` or ``mix``) or, like
``data/sample``, any ``*.jsonl`` files in the card's schema. Each file is opened with
``datasets.load_dataset("json", data_files=..., streaming=True)`` on its own, in sorted
order, so that files with different optional columns (positives have no ``explanation``)
never clash and a bad record is reported with its file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.io.writers import existing_shards

INSTALL_HINT = "pip install 'tritter-data[train]'"


def find_data_files(data_dir: Path) -> list[Path]:
    """Shards if there are any, else every ``*.jsonl`` / ``*.jsonl.zst``; ``UsageError`` if none."""
    if not data_dir.exists():
        raise UsageError(f"--data-dir {data_dir}: no such directory")
    if not data_dir.is_dir():
        raise UsageError(f"--data-dir {data_dir}: not a directory")
    files = existing_shards(data_dir) or sorted(
        p for p in data_dir.iterdir() if p.is_file() and p.name.endswith((".jsonl", ".jsonl.zst"))
    )
    if not files:
        raise UsageError(f"--data-dir {data_dir}: no shard_*.jsonl or *.jsonl files")
    return files


def _load_dataset() -> Any:
    try:
        from datasets import load_dataset
    except ImportError as error:
        raise UsageError(f"training data is read with the 'datasets' package: {INSTALL_HINT}") from error
    return load_dataset


def stream_records(files: list[Path]) -> Iterator[dict[str, Any]]:
    """Every record of every file, in order; a record without ``text`` is a ``UsageError``."""
    load_dataset = _load_dataset()
    for path in files:
        dataset = load_dataset("json", data_files=str(path), split="train", streaming=True)
        iterator = iter(dataset)
        number = 0
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as error:  # pyarrow / datasets parse errors
                first = str(error).splitlines()[0][:200]
                raise UsageError(f"{path}: cannot read JSONL after record {number}: {first}") from error
            number += 1
            text = record.get("text")
            if not isinstance(text, str):
                raise UsageError(f"{path}: record {number} has no 'text' string")
            yield record


def is_negative(record: dict[str, Any]) -> bool:
    return record.get("quality_label") == "negative"
