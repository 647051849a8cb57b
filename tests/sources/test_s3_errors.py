"""What each S3 failure becomes, for blobs and for shard sets alike (``io/s3.py``).

A missing blob is a ``blob_missing`` reject (one GET, no retry); throttling is retried, for blob
GETs and for shard-set reads; access denied stops ``curate`` in one line with exit 2, and the
same command resumes once access is back. Servers: moto behind a misbehaving proxy, 127.0.0.1.
"""

from __future__ import annotations

import gzip

import pytest

import stack_support as support
from tritter_data.cli import main
from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample
from tritter_data.io import s3, storage
from tritter_data.io.s3 import S3Denied
from tritter_data.sources.blobs import BlobFetcher, RetryPolicy, fetch_blob, make_s3_client

pytest.importorskip("s3fs")
pytest.importorskip("pyarrow")
FAST = RetryPolicy(attempts=3, base_seconds=0.001, cap_seconds=0.01)
FAST_CLI = ["--fetch-backoff", "0.001", "--fetch-attempts", "3"]


@pytest.fixture
def proxy(s3_endpoint):
    server = support.S3Proxy(s3_endpoint)
    yield server
    server.close()


def sample(number: int, blob_id: str) -> Sample:
    return Sample(source=f"{number}.py", path=f"s3://softwareheritage/content/{blob_id}",
                  meta={"blob_id": blob_id, "src_encoding": "UTF-8"})


def test_a_missing_blob_is_a_reject_with_its_reason_after_one_get(proxy, aws_env):
    present = support.git_blob_id(support.code("retry.py"))
    missing = support.git_blob_id(b"this blob was never uploaded\n" * 6)
    fetcher = BlobFetcher(make_s3_client(proxy.endpoint), workers=4, policy=FAST)
    out = list(fetcher.map([sample(0, present), sample(1, missing), sample(2, present)]))
    assert [type(o).__name__ for o in out] == ["Sample", "Reject", "Sample"]
    assert isinstance(out[1], Reject)
    assert (out[1].source, out[1].reason, out[1].detail) == (
        "1.py", "blob_missing", f"blob {missing}: no such key in s3://softwareheritage")
    assert out[0].text == support.code("retry.py").decode()
    assert proxy.requests[f"content/{missing}"] == 1  # a missing key is not retried
    assert fetcher.counters.to_dict() == {
        "fetched": 2, "retries": 0, "failed": 1, "bytes_compressed": 2 * len(gzip.compress(support.code("retry.py"),
                                                                                             mtime=0))}


def test_throttled_blob_gets_are_counted_retries(proxy, aws_env):
    blob_id = support.git_blob_id(support.code("structures.py"))
    proxy.throttle[f"content/{blob_id}"] = 2
    fetcher = BlobFetcher(make_s3_client(proxy.endpoint), workers=2, policy=FAST)
    (out,) = fetcher.map([sample(0, blob_id)])
    assert out.text == support.code("structures.py").decode()
    assert proxy.requests[f"content/{blob_id}"] == 3
    assert (fetcher.counters.retries, fetcher.counters.fetched) == (2, 1)


def test_shard_set_reads_are_retried_on_throttling_too(proxy, aws_env):
    """The same stack reads object-store inputs: two 503 SlowDown, then the bytes."""
    blob_id = support.git_blob_id(support.code("retry.py"))
    key = f"content/{blob_id}"
    proxy.throttle[key] = 2
    head = storage.read_bytes(f"s3://softwareheritage/{key}", 10, (("endpoint_url", proxy.endpoint),))
    assert head == gzip.compress(support.code("retry.py"), mtime=0)[:10]
    assert proxy.requests[key] == 3


def test_access_denied_on_a_blob_is_one_loud_error(proxy, aws_env):
    blob_id = support.git_blob_id(support.code("retry.py"))
    proxy.deny.add(f"content/{blob_id}")
    with pytest.raises(S3Denied) as caught:
        fetch_blob(make_s3_client(proxy.endpoint), blob_id, FAST)
    assert isinstance(caught.value, UsageError)  # the CLI prints one line, exit 2
    assert str(caught.value) == (
        f"s3://softwareheritage/content/{blob_id}: access denied (AccessDenied); check the AWS credentials "
        "(AWS_PROFILE, AWS_ACCESS_KEY_ID) and the bucket name")
    assert proxy.requests[f"content/{blob_id}"] == 1  # not retried


def test_access_denied_on_a_listing_is_one_line(proxy, aws_env):
    proxy.deny.add("*")
    with pytest.raises(UsageError) as caught:
        storage.check_input("s3://softwareheritage/content", (("endpoint_url", proxy.endpoint),))
    assert str(caught.value).startswith("s3://softwareheritage/content: cannot list: PermissionError")
    assert len(str(caught.value).splitlines()) == 1


def test_curate_stops_on_access_denied_in_one_line_and_resumes(tmp_path, s3_endpoint, proxy, aws_env, capsys):
    mirror = support.write_stack_v2(tmp_path / "mirror")
    common = ["curate", "--from-parquet", str(mirror), "--language", "python", "--part-size", "4", *FAST_CLI,
              "--quiet"]
    whole = tmp_path / "whole"
    assert main([*common, "--output", str(whole), "--s3-endpoint-url", s3_endpoint]) == 0
    cafe = support.code("latin1_cafe.py").decode("utf-8").encode("latin-1")
    denied = support.git_blob_id(cafe)  # row 4: the second part
    proxy.deny.add(f"content/{denied}")
    out = tmp_path / "out"
    capsys.readouterr()
    assert main([*common, "--output", str(out), "--s3-endpoint-url", proxy.endpoint]) == 2
    err = capsys.readouterr().err
    assert err == (f"tritter_data curate: error: s3://softwareheritage/content/{denied}: access denied "
                   "(AccessDenied); check the AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID) and the bucket name\n")
    assert not (out / "python_curated.jsonl").exists()
    proxy.deny.clear()
    assert main([*common, "--output", str(out), "--s3-endpoint-url", proxy.endpoint]) == 0
    assert (out / "python_curated.jsonl").read_bytes() == (whole / "python_curated.jsonl").read_bytes()


def test_other_options_pass_through_and_anonymous_needs_no_credentials(no_aws_credentials):
    assert s3.settings((("anon", True), ("profile", "x")))["anon"] is True
    s3.check_credentials((("anon", True),), "the test bucket")  # no error
    with pytest.raises(UsageError, match=r"^no AWS credentials for the test bucket: set AWS_ACCESS_KEY_ID"):
        s3.check_credentials((), "the test bucket")


def test_a_client_hanging_up_leaves_no_traceback_in_the_captured_stderr(proxy, capfd):
    """The stand-in is part of the test's process: a run that stops on an error resets its other
    connections, and socketserver's traceback for that landed in the stderr a CLI test compares."""
    import socket
    import struct
    import time

    host, port = proxy.endpoint.removeprefix("http://").split(":")
    capfd.readouterr()
    for _ in range(3):
        client = socket.create_connection((host, int(port)))
        client.sendall(b"GET /softwareheritage/content/x HTTP/1.1\r\nHo")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with RST
        client.close()
    time.sleep(0.3)
    assert capfd.readouterr().err == ""
