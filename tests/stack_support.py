"""Test support for curation: a real S3 server (moto) on 127.0.0.1 holding gzip blobs, and
parquet fixtures in the real Stack v2 / Stack-Edu / Stack v1 schemas (the throttling S3 proxy
and the hub live in ``local_servers.py``).

Imported by ``tests/sources/conftest.py``, ``tests/commands/conftest.py`` and the benchmark.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from local_servers import BUCKET, FakeHub, S3Proxy  # noqa: F401 - re-exported for the tests

CODE = Path(__file__).parent / "fixtures" / "stack" / "code"


def git_blob_id(data: bytes) -> str:
    """Software Heritage content ids of The Stack v2 are git blob SHA-1s."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()


def code(name: str) -> bytes:
    return (CODE / f"{name}.src").read_bytes()


# --- the S3 server -------------------------------------------------------------------------


def start_moto() -> tuple[Any, str]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def s3_client(endpoint: str) -> Any:
    import boto3

    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def put_blobs(client: Any, blobs: dict[str, bytes]) -> None:
    """Upload raw blob bytes gzip-compressed, as Software Heritage stores them."""
    existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
    if BUCKET not in existing:
        client.create_bucket(Bucket=BUCKET)
    for blob_id, data in blobs.items():
        client.put_object(Bucket=BUCKET, Key=f"content/{blob_id}", Body=gzip.compress(data, mtime=0))


def put_raw(client: Any, blob_id: str, body: bytes) -> None:
    client.put_object(Bucket=BUCKET, Key=f"content/{blob_id}", Body=body)


# --- parquet fixtures in the real schemas ----------------------------------------------------


def v2_schema() -> Any:
    import pyarrow as pa

    ts = pa.timestamp("ns")
    return pa.schema([
        ("blob_id", pa.string()), ("directory_id", pa.string()), ("path", pa.string()),
        ("content_id", pa.string()), ("detected_licenses", pa.list_(pa.string())),
        ("license_type", pa.string()), ("repo_name", pa.string()), ("snapshot_id", pa.string()),
        ("revision_id", pa.string()), ("branch_name", pa.string()), ("visit_date", ts),
        ("revision_date", ts), ("committer_date", ts), ("github_id", pa.int64()),
        ("star_events_count", pa.int64()), ("fork_events_count", pa.int64()),
        ("gha_license_id", pa.string()), ("gha_event_created_at", ts), ("gha_created_at", ts),
        ("gha_language", pa.string()), ("src_encoding", pa.string()), ("language", pa.string()),
        ("is_vendor", pa.bool_()), ("is_generated", pa.bool_()), ("length_bytes", pa.int64()),
        ("extension", pa.string()),
    ])


def edu_schema() -> Any:
    import pyarrow as pa

    s = pa.large_string()
    return pa.schema([
        ("blob_id", s), ("language", s), ("repo_name", s), ("path", s), ("src_encoding", s),
        ("length_bytes", pa.int64()), ("score", pa.float64()), ("int_score", pa.int64()),
        ("detected_licenses", pa.large_list(s)), ("license_type", s),
    ])


def v1_schema() -> Any:
    import pyarrow as pa

    return pa.schema([
        ("hexsha", pa.string()), ("size", pa.int64()), ("ext", pa.string()), ("lang", pa.string()),
        ("max_stars_repo_path", pa.string()), ("max_stars_repo_name", pa.string()),
        ("max_stars_repo_head_hexsha", pa.string()), ("max_stars_repo_licenses", pa.list_(pa.string())),
        ("max_stars_count", pa.int64()), ("content", pa.string()),
        ("avg_line_length", pa.float64()), ("max_line_length", pa.int64()), ("alphanum_fraction", pa.float64()),
    ])


_WHEN = datetime(2023, 9, 6, 12, 0, tzinfo=timezone.utc).replace(tzinfo=None)


def v2_row(repo: str, path: str, data: bytes | None, *, licenses: list[str] | None = None,
           license_type: str | None = "permissive", stars: int | None = 1000, language: str = "Python",
           encoding: str = "UTF-8", blob_id: str | None = None, length: int | None = None) -> dict[str, Any]:
    """One Stack v2 row; ``blob_id`` defaults to the git id of ``data``."""
    blob = blob_id or git_blob_id(data or b"")
    digest = hashlib.sha1(f"{repo}/{path}".encode()).hexdigest()
    return {
        "blob_id": blob, "directory_id": digest, "path": path, "content_id": hashlib.sha1(blob.encode()).hexdigest(),
        "detected_licenses": ["MIT"] if licenses is None else licenses, "license_type": license_type,
        "repo_name": repo, "snapshot_id": digest[::-1], "revision_id": digest[1:] + "0",
        "branch_name": "refs/heads/main", "visit_date": _WHEN, "revision_date": _WHEN, "committer_date": _WHEN,
        "github_id": int(digest[:8], 16), "star_events_count": stars, "fork_events_count": 10,
        "gha_license_id": (licenses or ["MIT"])[0] if license_type == "permissive" else None,
        "gha_event_created_at": _WHEN, "gha_created_at": _WHEN, "gha_language": language,
        "src_encoding": encoding, "language": language, "is_vendor": False, "is_generated": False,
        "length_bytes": len(data or b"") if length is None else length, "extension": path.rsplit(".", 1)[-1],
    }


def write_parquet(path: Path, rows: list[dict[str, Any]], schema: Any, row_group_size: int = 4) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def stack_v2_fixture() -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes], dict[str, bytes]]:
    """(rows per parquet file, blobs to upload gzip-compressed, raw objects to upload as is).

    Python rows, in order, with the outcome each one must get when curating python:
     0 psf/requests structures.py          kept (Apache-2.0, 52k stars)
     1 pallets/click textwrap_utils.py     kept (bsd-3-clause, lower case)
     2 lonely/tool retry.py                kept unless --min-stars > 3 (3 stars)
     3 someone/nolicense main.py           license_not_permissive (no_license)
     4 cafe/thermo cafe.py                 kept, ISO-8859-1 blob decoded
     5 wrong/enc bad.py                    decode_error (latin-1 bytes said UTF-8)
     6 weird/enc klingon.py                unknown_encoding
     7 gone/missing lost.py                blob_missing
     8 broken/gzip corrupt.py              blob_corrupt
     9 fork/requests structures.py         exact_duplicate of row 0 (same blob)
    10 protos/addressbook addressbook_pb2  auto_generated
    11 tiny/script tiny.py                 too_few_lines
    12 (no repo_name)                      bad_row
    13 huge/vendor bundle.py               too_large (length_bytes, never fetched)
    14 win/ini parse.py                    kept, CRLF -> LF
    15 sloppy/code util.py                 kept as negative (eval, bare except, nesting)
    16 gpl/mixed both.py                   license_not_permissive (MIT + GPL-3.0)
    Rust: tokio-rs/tokio ring.rs, serde-rs/serde version.rs; JavaScript: lodash debounce, expressjs router.
    """
    structures, click, retry = code("structures.py"), code("textwrap_utils.py"), code("retry.py")
    cafe = code("latin1_cafe.py").decode("utf-8").encode("latin-1")
    windows = code("windows_lines.py").replace(b"\n", b"\r\n")
    generated, tiny, sloppy = code("generated_pb2.py"), code("tiny.py"), code("sloppy.py")
    ring, version = code("lib.rs"), code("parse.rs")
    debounce, router = code("debounce.js"), code("router.js")
    corrupt_id = git_blob_id(b"corrupt")
    missing = b"this blob was never uploaded\n" * 6
    python = [
        v2_row("psf/requests", "src/requests/structures.py", structures, licenses=["Apache-2.0"], stars=52000),
        v2_row("pallets/click", "src/click/_textwrap.py", click, licenses=["bsd-3-clause"], stars=16000),
        v2_row("lonely/tool", "retry.py", retry, stars=3),
        v2_row("someone/nolicense", "main.py", structures + b"#\n", licenses=[], license_type="no_license"),
        v2_row("cafe/thermo", "cafe.py", cafe, encoding="ISO-8859-1"),
        v2_row("wrong/enc", "bad.py", cafe, encoding="UTF-8", blob_id=git_blob_id(cafe + b"\n")),
        v2_row("weird/enc", "klingon.py", retry + b"\n", encoding="x-klingon"),
        v2_row("gone/missing", "lost.py", missing),
        v2_row("broken/gzip", "corrupt.py", b"corrupt", blob_id=corrupt_id, length=400),
        v2_row("fork/requests", "src/requests/structures.py", structures, licenses=["Apache-2.0"], stars=2),
        v2_row("protos/addressbook", "addressbook_pb2.py", generated),
        v2_row("tiny/script", "tiny.py", tiny),
        {**v2_row("x/y", "orphan.py", tiny), "repo_name": None},
        v2_row("huge/vendor", "bundle.py", b"", blob_id="0" * 40, length=600_000),
        v2_row("win/ini", "parse.py", windows),
        v2_row("sloppy/code", "util.py", sloppy),
        v2_row("gpl/mixed", "both.py", retry + b"#\n", licenses=["MIT", "GPL-3.0-only"], license_type=None),
    ]
    rust = [
        v2_row("tokio-rs/tokio", "tokio/src/util/ring.rs", ring, language="Rust", stars=28000),
        v2_row("serde-rs/serde", "serde/src/version.rs", version, licenses=["MIT", "Apache-2.0"],
               language="Rust", stars=9500),
    ]
    javascript = [
        v2_row("lodash/lodash", "debounce.js", debounce, language="JavaScript", stars=60000),
        v2_row("expressjs/express", "lib/router.js", router, language="JavaScript", stars=66000),
    ]
    files = {
        "data/Python/train-00000-of-00002.parquet": python[:9],
        "data/Python/train-00001-of-00002.parquet": python[9:],
        "data/Rust/train-00000-of-00001.parquet": rust,
        "data/JavaScript/train-00000-of-00001.parquet": javascript,
    }
    blobs = {git_blob_id(d): d for d in (structures, click, retry, structures + b"#\n", cafe, retry + b"\n",
                                          generated, tiny, windows, sloppy, retry + b"#\n", ring, version,
                                          debounce, router)}
    blobs[git_blob_id(cafe + b"\n")] = cafe  # a latin-1 blob whose row claims UTF-8
    return files, blobs, {corrupt_id: b"this is not gzip data at all"}


def write_stack_v2(root: Path) -> Path:
    files, _, _ = stack_v2_fixture()
    for name, rows in files.items():
        write_parquet(root / name, rows, v2_schema())
    return root


def upload_stack_v2(client: Any) -> None:
    _, blobs, raw = stack_v2_fixture()
    put_blobs(client, blobs)
    for blob_id, body in raw.items():
        put_raw(client, blob_id, body)


def edu_rows() -> list[dict[str, Any]]:
    """Stack-Edu Python rows: (repo, file, score) with int_score = round(score)."""
    spec = [("psf/requests", "structures.py", 3.71), ("pallets/click", "textwrap_utils.py", 2.94),
            ("lonely/tool", "retry.py", 4.2), ("sloppy/code", "sloppy.py", 1.05),
            ("win/ini", "windows_lines.py", 3.2)]
    rows = []
    for repo, name, score in spec:
        data = code(name)
        if name == "windows_lines.py":
            data = data.replace(b"\n", b"\r\n")
        rows.append({"blob_id": git_blob_id(data), "language": "Python", "repo_name": repo, "path": name,
                     "src_encoding": "UTF-8", "length_bytes": len(data), "score": score,
                     "int_score": round(score), "detected_licenses": ["MIT"], "license_type": "permissive"})
    return rows


def v1_rows() -> list[dict[str, Any]]:
    """The Stack v1 (inline content) rows: two kept, one duplicate, one GPL."""
    out = []
    for repo, name, licenses, stars in [("psf/requests", "structures.py", ["Apache-2.0"], 52000),
                                        ("pallets/click", "textwrap_utils.py", ["BSD-3-Clause"], None),
                                        ("fork/requests", "structures.py", ["MIT"], 1),
                                        ("gpl/tool", "retry.py", ["GPL-2.0"], 40)]:
        text = code(name).decode("utf-8")
        out.append({"hexsha": git_blob_id(code(name)), "size": len(code(name)), "ext": "py", "lang": "Python",
                    "max_stars_repo_path": name, "max_stars_repo_name": repo,
                    "max_stars_repo_head_hexsha": "f" * 40, "max_stars_repo_licenses": licenses,
                    "max_stars_count": stars, "content": text, "avg_line_length": 30.0,
                    "max_line_length": 88, "alphanum_fraction": 0.7})
    return out


def moto_session() -> Iterator[str]:
    """Start moto once, upload the Stack v2 blobs, yield the endpoint."""
    server, endpoint = start_moto()
    upload_stack_v2(s3_client(endpoint))
    try:
        yield endpoint
    finally:
        server.stop()


AWS_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true", "HF_HUB_OFFLINE": "1"}


