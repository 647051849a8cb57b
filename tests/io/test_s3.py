"""``io/s3.py``: one place turns options and the AWS environment into S3 settings."""

from __future__ import annotations

import pytest

from tritter_data.io import s3, storage

pytest.importorskip("s3fs")


def test_endpoint_option_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    assert s3.settings()["endpoint_url"] == "http://127.0.0.1:9"
    assert s3.settings((("endpoint_url", "http://127.0.0.1:8"),))["endpoint_url"] == "http://127.0.0.1:8"
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:7")  # the service-specific variable first
    assert s3.settings()["endpoint_url"] == "http://127.0.0.1:7"


def test_shard_sets_let_botocore_retry_and_blobs_count_their_own(monkeypatch):
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    shard = s3.settings(attempts=4)
    assert shard["config_kwargs"]["retries"] == {"mode": "standard", "total_max_attempts": 4}
    assert "request_checksum_calculation" not in shard["config_kwargs"]  # botocore's default checksums
    blob = s3.settings(blob_pool=64)
    assert blob["config_kwargs"]["retries"] == {"total_max_attempts": 1}
    assert blob["config_kwargs"]["max_pool_connections"] == 64


def test_shard_set_urls_get_the_configured_file_system(monkeypatch):
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    fs, path = storage.filesystem("s3://corpus/prepared/python/", (("endpoint_url", "http://127.0.0.1:5"),))
    assert path == "corpus/prepared/python"
    assert fs.retries == 1  # botocore retries; s3fs's own loop would multiply the tries
    assert fs.client_kwargs == {} and fs.endpoint_url == "http://127.0.0.1:5"
