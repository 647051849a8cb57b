"""Rows of The Stack v2 / Stack-Edu (or any parquet of the same schema) -> samples.

Metadata is filtered first, so that only rows that can survive (language, license, stars,
educational score, size, repository list) cost a blob fetch. Every row that stops here
becomes a counted ``Reject`` with a stable reason; a row with unusable fields is
``bad_row``, naming the field. Column names of The Stack v1 (``max_stars_repo_name``,
``max_stars_count``, ``lang``, ``size``, ``hexsha``...) are understood too, for datasets
that carry the content inline (``--content-column content``).

    >>> columns = resolve_columns(["blob_id", "repo_name", "path", "language", "detected_licenses"])
    >>> rule = RowFilter(language="python")
    >>> row = {"blob_id": "ab12", "repo_name": "psf/requests", "path": "src/api.py",
    ...        "language": "Python", "detected_licenses": ["Apache-2.0"]}
    >>> sample = row_to_sample(row, columns, rule, 0)
    >>> sample.source, sample.license, sample.path
    ('psf/requests/src/api.py', 'Apache-2.0', 's3://softwareheritage/content/ab12')
    >>> row_to_sample({**row, "detected_licenses": ["GPL-3.0"]}, columns, rule, 1).reason
    'license_not_permissive'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tritter_data.core.languages import canonical_language
from tritter_data.core.sample import Reject, Sample
from tritter_data.sources.blobs import SWH_BUCKET, SWH_PREFIX
from tritter_data.stages.license import PERMISSIVE_LICENSES, is_permissive

#: Our name for a field -> the column names that hold it, most recent schema first.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "blob_id": ("blob_id", "hexsha"),
    "repo_name": ("repo_name", "max_stars_repo_name"),
    "path": ("path", "max_stars_repo_path"),
    "licenses": ("detected_licenses", "max_stars_repo_licenses"),
    "license_type": ("license_type",),
    "gha_license_id": ("gha_license_id",),
    "stars": ("star_events_count", "max_stars_count"),
    "language": ("language", "lang"),
    "length_bytes": ("length_bytes", "size"),
    "src_encoding": ("src_encoding",),
    "int_score": ("int_score",),
    "score": ("score",),
}

#: Language names used by the datasets (GitHub linguist's, Stack-Edu's configs) -> ours.
STACK_LANGUAGE_NAMES = {"c++": "cpp", "c#": "csharp", "c-sharp": "csharp", "cpp": "cpp", "csharp": "csharp"}


#: The allowlist's ids in their SPDX spelling, for the output's ``license`` field.
SPDX_IDS = {name.lower(): name for name in ("MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC",
                                            "Unlicense", "CC0-1.0")}


def spdx_case(name: str) -> str:
    """``'bsd-3-clause'`` -> ``'BSD-3-Clause'``; unknown ids are kept as written."""
    return SPDX_IDS.get(name.strip().lower(), name.strip())


@lru_cache(maxsize=1024)
def stack_language(name: str) -> str | None:
    """``'Python'`` -> ``'python'``, ``'C++'`` -> ``'cpp'``; None for languages we do not curate."""
    key = name.strip().lower()
    return STACK_LANGUAGE_NAMES.get(key) or canonical_language(key)


@dataclass(frozen=True)
class Columns:
    """The column holding each field in one parquet file (None when absent)."""

    names: Mapping[str, str | None]
    content: str | None = None

    def get(self, key: str) -> str | None:
        return self.names.get(key)

    def wanted(self) -> list[str]:
        """Columns to read: only these leave the disk or the network."""
        found = [name for name in self.names.values() if name]
        return found + ([self.content] if self.content else [])


def resolve_columns(available: Sequence[str], content_column: str | None = None) -> Columns:
    present = set(available)
    names = {key: next((c for c in options if c in present), None) for key, options in COLUMN_ALIASES.items()}
    return Columns(names, content_column if content_column in present else None)


def missing_columns(columns: Columns, content_column: str | None, need_stars: bool,
                    need_score: bool) -> list[str]:
    """Fields this run needs that the file lacks, named as the user would look for them."""
    missing = [COLUMN_ALIASES[key][0] for key in ("repo_name", "path", "language") if not columns.get(key)]
    if content_column:
        if columns.content is None:
            missing.append(f"{content_column} (--content-column)")
    elif not columns.get("blob_id"):
        missing.append("blob_id (or pass --content-column for inline content)")
    if not columns.get("licenses") and not columns.get("license_type"):
        missing.append("detected_licenses or license_type")
    if need_stars and not columns.get("stars"):
        missing.append("star_events_count (--min-stars)")
    if need_score and not (columns.get("int_score") or columns.get("score")):
        missing.append("int_score or score (--min-edu-score)")
    return missing


@dataclass(frozen=True)
class RepoEntry:
    """One repository of a curated list (``data/curated_repos.json``)."""

    repo: str
    language: str
    license: str
    stars: int
    why: str


@dataclass(frozen=True)
class RowFilter:
    """The metadata rules, applied before any content is fetched."""

    language: str
    min_stars: int | None = None
    min_edu_score: float | None = None
    max_bytes: int = 500 * 1024
    repos: Mapping[str, RepoEntry] | None = None  # lower-case "owner/name" -> entry
    allowlist: frozenset[str] = PERMISSIVE_LICENSES
    bucket: str = SWH_BUCKET


def _text(row: Mapping[str, Any], column: str | None) -> str | None:
    value = row.get(column) if column else None
    return value if isinstance(value, str) and value else None


def _int(row: Mapping[str, Any], column: str | None) -> tuple[int | None, bool]:
    """(value, ok): a missing value is ``(None, True)``, a non-integer is ``(None, False)``."""
    value = row.get(column) if column else None
    if value is None:
        return None, True
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        return None, False
    return int(value), True


def row_to_sample(row: Mapping[str, Any], columns: Columns, rule: RowFilter, index: int) -> Sample | Reject:
    """One metadata row -> a ``Sample`` to fetch (or one with inline text), or a ``Reject``."""
    repo = _text(row, columns.get("repo_name"))
    path = _text(row, columns.get("path"))
    if repo is None or path is None:
        field_name = "repo_name" if repo is None else "path"
        return Reject(f"row {index}", "bad_row", f"row {index}: {field_name} is missing or not a string")
    source = f"{repo}/{path}"
    language_name = _text(row, columns.get("language"))
    language = stack_language(language_name) if language_name else None
    if language is None:
        return Reject(source, "bad_row" if language_name is None else "language_excluded",
                      f"row {index}: language is missing" if language_name is None
                      else f"{language_name} is not curated")
    if language != rule.language:
        return Reject(source, "language_excluded", f"{language_name} is not {rule.language}", 0, language)
    length, ok = _int(row, columns.get("length_bytes"))
    if not ok:
        return Reject(source, "bad_row", f"row {index}: length_bytes is not an integer", 0, language)
    size = length or 0

    def drop(reason: str, detail: str) -> Reject:
        return Reject(source, reason, detail, size, language)

    entry = rule.repos.get(repo.lower()) if rule.repos is not None else None
    if rule.repos is not None and entry is None:
        return drop("repo_not_listed", f"{repo} is not in --repos")
    licenses_raw = row.get(columns.get("licenses") or "")
    if licenses_raw is not None and not (isinstance(licenses_raw, (list, tuple))
                                         and all(isinstance(x, str) for x in licenses_raw)):
        return drop("bad_row", f"row {index}: detected_licenses is not a list of strings")
    licenses = list(licenses_raw or [])
    license_type = _text(row, columns.get("license_type"))
    if license_type != "permissive" and not is_permissive(licenses, rule.allowlist):
        return drop("license_not_permissive", ", ".join(licenses) or f"license_type {license_type or 'unknown'}")
    stars, ok = _int(row, columns.get("stars"))
    if not ok:
        return drop("bad_row", f"row {index}: star_events_count is not an integer")
    if stars is None and entry is not None:
        stars = entry.stars
    if rule.min_stars is not None and (stars is None or stars < rule.min_stars):
        return drop("below_min_stars", f"{stars if stars is not None else 'no'} stars < {rule.min_stars}")
    if rule.min_edu_score is not None:
        score_column = columns.get("int_score") or columns.get("score")
        score = row.get(score_column or "")
        if not isinstance(score, (int, float)) or isinstance(score, bool):
            return drop("bad_row", f"row {index}: {score_column} is missing or not a number")
        if score < rule.min_edu_score:
            return drop("below_min_edu_score", f"{score_column} {score} < {rule.min_edu_score}")
    if length is not None and length > rule.max_bytes:
        return drop("too_large", f"length_bytes {length} > {rule.max_bytes}")
    license = " AND ".join(spdx_case(name) for name in licenses) or _text(row, columns.get("gha_license_id"))
    meta: dict[str, Any] = {"licenses": licenses, "license_type": license_type, "row": index}
    sample = Sample(source=source, size_bytes=size, language=language, license=license, stars=stars, meta=meta)
    if columns.content is not None:
        content = row.get(columns.content)
        if not isinstance(content, str):
            return drop("bad_row", f"row {index}: {columns.content} is not a string")
        sample.text = content.replace("\r\n", "\n") if "\r" in content else content
        sample.size_bytes = len(content.encode("utf-8"))
        return sample
    blob_id = _text(row, columns.get("blob_id"))
    if blob_id is None or "/" in blob_id:
        return drop("bad_row", f"row {index}: blob_id is missing or malformed")
    sample.meta["blob_id"] = blob_id
    sample.meta["src_encoding"] = _text(row, columns.get("src_encoding"))
    sample.path = f"s3://{rule.bucket}/{SWH_PREFIX}{blob_id}"
    return sample


def iter_parquet_rows(source: Any, columns: Columns, skip: int = 0, batch_size: int = 4096
                      ) -> Iterator[dict[str, Any]]:
    """Rows of one parquet file (a path or an open binary file), reading only ``columns``.

    ``skip`` rows are passed over without decoding whole row groups where possible, so a
    resumed run does not re-read what it has done.
    """
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(source)
    groups = []
    for index in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(index).num_rows
        if not groups and skip >= rows:  # only whole leading groups are skipped
            skip -= rows
            continue
        groups.append(index)
    if not groups:
        return
    for batch in parquet.iter_batches(batch_size=batch_size, row_groups=groups, columns=columns.wanted()):
        rows_in_batch = batch.to_pylist()
        if skip:
            rows_in_batch, skip = rows_in_batch[skip:], max(0, skip - len(rows_in_batch))
        yield from rows_in_batch


def parquet_row_count(source: Any) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(source).metadata.num_rows)


def parquet_columns(source: Any) -> list[str]:
    import pyarrow.parquet as pq

    return list(pq.ParquetFile(source).schema_arrow.names)
