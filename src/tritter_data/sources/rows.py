"""Where metadata rows come from: local parquet files or the hub, in one stable order.

Both are a sorted list of parquet files read in order, so row ``i`` is the same row on
every run; a resumed run skips the rows it has done using the files' footers (row counts
per file and row group) instead of reading them again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.sources.blobs import HUB_INSTALL_HINT
from tritter_data.sources.stack import (
    Columns,
    iter_parquet_rows,
    missing_columns,
    parquet_columns,
    parquet_row_count,
    resolve_columns,
    stack_language,
)


@dataclass(frozen=True)
class ColumnNeeds:
    content_column: str | None = None
    stars: bool = False
    score: bool = False


@dataclass
class RowSource:
    """Parquet files (name, opener) read in order; ``opener()`` gives a path or a file object."""

    files: list[tuple[str, Callable[[], Any]]]
    needs: ColumnNeeds

    def columns_of(self, name: str, handle: Any) -> Columns:
        """Resolve and check one file's columns: a missing one is a ``UsageError`` naming the file."""
        columns = resolve_columns(parquet_columns(handle), self.needs.content_column)
        missing = missing_columns(columns, self.needs.content_column, self.needs.stars, self.needs.score)
        if missing:
            raise UsageError(f"{name}: missing column(s) {', '.join(missing)}")
        return columns

    def rows(self, skip: int = 0) -> Iterator[tuple[int, dict[str, Any], Columns]]:
        """(row index, row, columns) from row ``skip`` on."""
        index = skip
        for name, opener in self.files:
            try:
                handle = opener()
                if skip:
                    count = parquet_row_count(handle)
                    if skip >= count:
                        skip -= count
                        continue
                columns = self.columns_of(name, handle)
                for row in iter_parquet_rows(handle, columns, skip):
                    yield index, row, columns
                    index += 1
                skip = 0
            except UsageError:
                raise
            except Exception as error:
                detail = f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"
                if type(error).__module__.startswith("pyarrow"):  # ArrowInvalid and friends: a broken file
                    raise UsageError(f"{name}: not a readable parquet file ({detail})") from None
                raise UsageError(  # the network or the disk failed mid-file: parts done so far are kept
                    f"{name}: cannot read ({detail}); run the same command again to resume") from None


def language_directory(directory: Path, language: str) -> Path | None:
    """``DIR/data/Python`` or ``DIR/Python`` in a mirror laid out like the hub, else None.

    Raises ``UsageError`` when the mirror has language directories but not this one.
    """
    found = [p for base in (directory, directory / "data") if base.is_dir()
             for p in sorted(base.iterdir()) if p.is_dir() and stack_language(p.name)]
    if not found:
        return None
    for path in found:
        if stack_language(path.name) == language:
            return path
    raise UsageError(f"--from-parquet {directory}: no {language} directory among {', '.join(p.name for p in found)}")


def require_pyarrow(what: str) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError(f"{what} {HUB_INSTALL_HINT}") from None


def local_source(directory: Path, needs: ColumnNeeds, language: str | None = None) -> RowSource:
    """Every ``*.parquet`` under ``directory`` (or its ``language`` subset), in sorted path order."""
    require_pyarrow("--from-parquet")
    if not directory.is_dir():
        raise UsageError(f"--from-parquet {directory}: no such directory")
    subset = language_directory(directory, language) if language else None
    root = subset or directory
    paths = sorted(root.rglob("*.parquet"), key=lambda p: p.relative_to(root).as_posix())
    if not paths:
        raise UsageError(f"--from-parquet {directory}: no .parquet files")
    return RowSource([(str(p), lambda p=p: str(p)) for p in paths], needs)


def hub_source(fs: Any, paths: list[str], needs: ColumnNeeds) -> RowSource:
    """Hub parquet files, opened lazily through ``HfFileSystem`` (ranged reads, columns only)."""
    require_pyarrow("reading parquet from the hub")
    return RowSource([(f"hf://{p}", lambda p=p: fs.open(p, "rb", block_size=8 << 20)) for p in paths], needs)
