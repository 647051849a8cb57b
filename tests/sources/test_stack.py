"""Metadata rows -> samples or rejects, on rows in the real Stack v2 / Stack-Edu / v1 schemas."""

from __future__ import annotations

import pytest

import stack_support as support
from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample
from tritter_data.sources.rows import ColumnNeeds, language_directory, local_source
from tritter_data.sources.stack import (
    RepoEntry,
    RowFilter,
    iter_parquet_rows,
    resolve_columns,
    row_to_sample,
    spdx_case,
    stack_language,
)

pytest.importorskip("pyarrow")
V2 = resolve_columns(support.v2_schema().names)
PYTHON = RowFilter(language="python")


def python_rows():
    files, _, _ = support.stack_v2_fixture()
    return [row for name, rows in files.items() if "Python" in name for row in rows]


def outcome(row, rule=PYTHON, columns=V2, index=0):
    result = row_to_sample(row, columns, rule, index)
    return result.reason if isinstance(result, Reject) else "sample"


def test_metadata_outcomes_of_the_fixture_rows():
    rows = python_rows()
    assert [outcome(row, index=i) for i, row in enumerate(rows)] == [
        "sample", "sample", "sample", "license_not_permissive", "sample", "sample", "sample", "sample",
        "sample", "sample", "sample", "sample", "bad_row", "too_large", "sample", "sample",
        "license_not_permissive",
    ]


def test_a_surviving_row_carries_what_the_stages_and_the_record_need():
    row = python_rows()[1]
    sample = row_to_sample(row, V2, PYTHON, 7)
    assert isinstance(sample, Sample)
    assert sample.source == "pallets/click/src/click/_textwrap.py"
    assert (sample.language, sample.license, sample.stars) == ("python", "BSD-3-Clause", 16000)
    assert sample.path == f"s3://softwareheritage/content/{row['blob_id']}"
    assert sample.meta == {"licenses": ["bsd-3-clause"], "license_type": "permissive", "row": 7,
                           "blob_id": row["blob_id"], "src_encoding": "UTF-8"}
    assert sample.size_bytes == row["length_bytes"]


def test_license_rule_all_permissive_or_license_type_permissive():
    row = support.v2_row("a/b", "x.py", b"x = 1\n", licenses=["MIT", "GPL-3.0-only"], license_type=None)
    assert row_to_sample(row, V2, PYTHON, 0).detail == "MIT, GPL-3.0-only"
    assert outcome({**row, "license_type": "permissive"}) == "sample"
    assert outcome({**row, "detected_licenses": ["mit", "APACHE-2.0"]}) == "sample"
    assert row_to_sample({**row, "detected_licenses": []}, V2, PYTHON, 0).detail == "license_type unknown"


def test_stars_edu_score_size_and_language_rules():
    row = support.v2_row("a/b", "x.py", b"x = 1\n", stars=99)
    assert row_to_sample(row, V2, RowFilter("python", min_stars=100), 0).detail == "99 stars < 100"
    assert outcome(row, RowFilter("python", min_stars=99)) == "sample"
    assert outcome({**row, "star_events_count": None}, RowFilter("python", min_stars=1)) == "below_min_stars"
    assert row_to_sample({**row, "language": "Rust"}, V2, PYTHON, 0).detail == "Rust is not python"
    assert row_to_sample({**row, "language": "COBOL"}, V2, PYTHON, 0).detail == "COBOL is not curated"
    assert outcome({**row, "length_bytes": 512_001}) == "too_large"
    assert row_to_sample({**row, "star_events_count": "many"}, V2, PYTHON, 3).detail == \
        "row 3: star_events_count is not an integer"
    assert row_to_sample({**row, "blob_id": None}, V2, PYTHON, 4).detail == "row 4: blob_id is missing or malformed"


def test_stack_edu_rows_score_and_stars_from_a_repo_list():
    edu = support.edu_rows()
    columns = resolve_columns(support.edu_schema().names)
    rule = RowFilter("python", min_edu_score=3)
    assert [outcome(r, rule, columns) for r in edu] == ["sample", "sample", "sample", "below_min_edu_score", "sample"]
    assert row_to_sample(edu[3], columns, rule, 0).detail == "int_score 1 < 3"
    repos = {"psf/requests": RepoEntry("psf/requests", "python", "Apache-2.0", 52000, "why")}
    listed = RowFilter("python", min_stars=1000, repos=repos)
    first = row_to_sample(edu[0], columns, listed, 0)
    assert isinstance(first, Sample) and first.stars == 52000
    assert row_to_sample(edu[1], columns, listed, 1).reason == "repo_not_listed"


def test_stack_v1_columns_and_inline_content():
    rows = support.v1_rows()
    columns = resolve_columns(support.v1_schema().names, "content")
    sample = row_to_sample(rows[0], columns, PYTHON, 0)
    assert isinstance(sample, Sample)
    assert (sample.source, sample.stars, sample.license, sample.path) == (
        "psf/requests/structures.py", 52000, "Apache-2.0", None)
    assert sample.text == support.code("structures.py").decode()
    assert outcome(rows[3], PYTHON, columns) == "license_not_permissive"


def test_language_names_and_spdx_spelling():
    assert [stack_language(n) for n in ("Python", "C++", "C-Sharp", "CSharp", "Cpp", "JavaScript", "Dockerfile")] == [
        "python", "cpp", "csharp", "csharp", "cpp", "javascript", None]
    assert [spdx_case(n) for n in ("mit", "apache-2.0", "bsd-3-clause", "GPL-3.0-only")] == [
        "MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only"]


def test_parquet_rows_skip_by_row_groups_and_rows(tmp_path):
    rows = [support.v2_row(f"r/{i}", f"{i}.py", b"x = %d\n" % i) for i in range(10)]
    path = support.write_parquet(tmp_path / "t.parquet", rows, support.v2_schema(), row_group_size=4)
    assert [r["repo_name"] for r in iter_parquet_rows(str(path), V2, skip=5)] == [f"r/{i}" for i in range(5, 10)]
    assert [r["repo_name"] for r in iter_parquet_rows(str(path), V2, skip=10)] == []
    for skip in range(11):  # every split point, across row groups of 4, 4 and 2 rows
        assert [r["repo_name"] for r in iter_parquet_rows(str(path), V2, skip=skip)] == [
            f"r/{i}" for i in range(skip, 10)]


def test_local_source_reads_a_hub_like_mirror_in_order_and_resumes(tmp_path):
    support.write_stack_v2(tmp_path)
    source = local_source(tmp_path, ColumnNeeds(), "python")
    assert [name.split("/")[-1] for name, _ in source.files] == [
        "train-00000-of-00002.parquet", "train-00001-of-00002.parquet"]
    indexed = [(i, row["repo_name"]) for i, row, _ in source.rows()]
    assert len(indexed) == 17 and indexed[9] == (9, "fork/requests")
    assert [(i, r["repo_name"]) for i, r, _ in source.rows(skip=8)][:2] == [(8, "broken/gzip"), (9, "fork/requests")]
    assert language_directory(tmp_path, "rust") == tmp_path / "data" / "Rust"
    with pytest.raises(UsageError, match="no go directory among JavaScript, Python, Rust"):
        language_directory(tmp_path, "go")


def test_missing_columns_and_broken_files_name_the_file(tmp_path):
    rows = support.edu_rows()
    path = support.write_parquet(tmp_path / "edu.parquet", rows, support.edu_schema())
    with pytest.raises(UsageError) as caught:
        list(local_source(tmp_path, ColumnNeeds(stars=True)).rows())
    assert str(caught.value) == f"{path}: missing column(s) star_events_count (--min-stars)"
    (tmp_path / "zz.parquet").write_bytes(b"PAR1 not really")
    with pytest.raises(UsageError, match=r"zz.parquet: not a readable parquet file \(ArrowInvalid"):
        list(local_source(tmp_path, ColumnNeeds()).rows())
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match=r"no \.parquet files"):
        local_source(tmp_path / "empty", ColumnNeeds())
