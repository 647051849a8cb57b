"""Blob fetching against a real S3 server (moto on 127.0.0.1), throttling and decoding."""

from __future__ import annotations

import gzip
import socket

import pytest

import stack_support as support
from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample
from tritter_data.sources.blobs import (
    BlobError,
    BlobFetcher,
    RetryPolicy,
    decode_blob,
    fetch_blob,
    make_s3_client,
)

pytest.importorskip("boto3")
FAST = RetryPolicy(attempts=3, base_seconds=0.001, cap_seconds=0.01)


def test_decode_blob_uses_the_rows_encoding_and_normalises_newlines():
    text = "# café\r\nx = 'é'\r\n"
    assert decode_blob(gzip.compress(mtime=0, data=text.encode("latin-1")), "ISO-8859-1", 1000) == "# café\nx = 'é'\n"
    assert decode_blob(gzip.compress(mtime=0, data=text.encode("utf-16")), "UTF-16", 1000) == "# café\nx = 'é'\n"
    assert decode_blob(gzip.compress(mtime=0, data=b"\xef\xbb\xbfx = 1\n"), None, 1000) == "x = 1\n"


@pytest.mark.parametrize(("data", "encoding", "reason", "detail"), [
    (gzip.compress(mtime=0, data="é = 1".encode("latin-1")), "UTF-8", "decode_error", "invalid UTF-8 at byte 0"),
    (gzip.compress(mtime=0, data=b"x = 1"), "x-klingon", "unknown_encoding", "src_encoding 'x-klingon' is not a known codec"),
    (b"plain text, not gzip", "UTF-8", "blob_corrupt",
     "not a gzip stream: Error -3 while decompressing data: incorrect header check"),
    (gzip.compress(mtime=0, data=b"x = 1\n" * 100)[:20], "UTF-8", "blob_corrupt", "truncated gzip stream"),
    (gzip.compress(mtime=0, data=b"0" * 10_000_000), "UTF-8", "too_large", "over 1000 bytes once decompressed"),
], ids=["wrong-encoding", "unknown-encoding", "not-gzip", "truncated", "gzip-bomb"])
def test_decode_blob_failures_have_stable_reasons(data, encoding, reason, detail):
    with pytest.raises(BlobError) as caught:
        decode_blob(data, encoding, 1000)
    assert (caught.value.reason, caught.value.detail) == (reason, detail)


def test_fetch_blob_reads_gzip_bytes_from_s3(s3_endpoint, aws_env):
    client = make_s3_client(s3_endpoint)
    data = support.code("structures.py")
    body, attempts = fetch_blob(client, support.git_blob_id(data), FAST)
    assert (gzip.decompress(body), attempts) == (data, 1)
    with pytest.raises(BlobError) as caught:
        fetch_blob(client, "f" * 40, FAST)
    assert caught.value.reason == "blob_missing"
    assert caught.value.detail == f"blob {'f' * 40}: no such key in s3://softwareheritage"


def test_throttled_fetch_backs_off_and_succeeds(s3_endpoint, aws_env):
    proxy = support.S3Proxy(s3_endpoint)
    try:
        data = support.code("retry.py")
        key = f"content/{support.git_blob_id(data)}"
        proxy.throttle[key] = 2
        body, attempts = fetch_blob(make_s3_client(proxy.endpoint), support.git_blob_id(data), FAST)
        assert (gzip.decompress(body), attempts, proxy.requests[key]) == (data, 3, 3)
    finally:
        proxy.close()


def test_fetch_that_keeps_failing_is_fetch_failed_after_all_attempts(s3_endpoint, aws_env):
    proxy = support.S3Proxy(s3_endpoint)
    try:
        blob_id = support.git_blob_id(support.code("retry.py"))
        proxy.fail_always.add(f"content/{blob_id}")
        with pytest.raises(BlobError) as caught:
            fetch_blob(make_s3_client(proxy.endpoint), blob_id, FAST)
        assert caught.value.reason == "fetch_failed"
        assert caught.value.detail == f"blob {blob_id}: SlowDown after 3 attempts"
        assert proxy.requests[f"content/{blob_id}"] == 3
    finally:
        proxy.close()


def test_unreachable_endpoint_is_fetch_failed(aws_env):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_s3_client(f"http://127.0.0.1:{port}")
    with pytest.raises(BlobError) as caught:
        fetch_blob(client, "a" * 40, FAST)
    assert caught.value.reason == "fetch_failed"
    assert caught.value.detail == f"blob {'a' * 40}: EndpointConnectionError after 3 attempts"


def test_fetcher_keeps_input_order_and_passes_rejects_through(s3_endpoint, aws_env):
    names = ["structures.py", "textwrap_utils.py", "retry.py", "sloppy.py", "windows_lines.py"] * 4
    items: list[Sample | Reject] = []
    for number, name in enumerate(names):
        blob_id = support.git_blob_id(support.code(name))
        if name == "windows_lines.py":
            blob_id = support.git_blob_id(support.code(name).replace(b"\n", b"\r\n"))
        items.append(Sample(source=f"{number}/{name}", path=f"s3://softwareheritage/content/{blob_id}",
                            meta={"blob_id": blob_id, "src_encoding": "UTF-8"}))
    items.insert(3, Reject("row 3", "bad_row", "repo_name is missing"))
    fetcher = BlobFetcher(make_s3_client(s3_endpoint), workers=8, policy=FAST)
    out = list(fetcher.map(items))
    assert [o.source for o in out] == [i.source for i in items]
    texts = [o.text for o in out if isinstance(o, Sample)]
    expected = [support.code(n).decode() for n in names]
    assert texts == expected
    assert all(o.path is None for o in out if isinstance(o, Sample))
    assert fetcher.counters.to_dict()["fetched"] == 20
    assert fetcher.counters.to_dict()["failed"] == 0


def test_missing_credentials_is_one_usage_error(no_aws_credentials):
    with pytest.raises(UsageError, match=r"^no AWS credentials for the softwareheritage bucket"):
        make_s3_client("http://127.0.0.1:1")
