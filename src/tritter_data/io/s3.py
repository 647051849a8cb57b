"""The one way to S3: configuration, the file system, retries, and what each error means.

Two uses share it (issue 14 had a boto3 stack and an fsspec stack): shard sets at ``s3://`` URLs
(``io/storage.py``, through fsspec's API) and The Stack v2's blobs (``sources/blobs.py``: many small
GETs in flight on s3fs's event loop; ``benchmarks/bench_blobs.py`` measured this against boto3 in a
thread pool). Both are ``s3fs.S3FileSystem`` objects built by ``settings`` from the same inputs:
the storage options (``--s3-endpoint-url`` becomes ``endpoint_url``; ``anon``, ``profile`` pass
through) over the AWS environment (``AWS_ENDPOINT_URL``, ``AWS_PROFILE``, the credential chain,
the region). They differ only in who retries:

- shard-set calls (list, put, ranged GET, delete): botocore's ``standard`` retry mode, which backs
  off on throttling, 5xx and dropped connections, for ``RetryPolicy.attempts`` tries;
- blob GETs: ``S3Client.get`` itself, so that every retry is counted for the manifest and the
  backoff follows ``--fetch-backoff``. A missing key is ``S3GetError('missing')`` at once;
  throttling and transient faults are retried, then ``S3GetError('failed')``; access denied or a
  bucket that does not exist fails every object alike, so it stops the run (``S3Denied``, a
  ``UsageError``: one line, exit 2).

    >>> error_kind("SlowDown"), error_kind("NoSuchKey"), error_kind("AccessDenied"), error_kind("Teapot")
    ('retry', 'missing', 'denied', 'failed')
"""

from __future__ import annotations

import asyncio
import os
import random
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from tritter_data.core.errors import UsageError

StorageOptions = tuple[tuple[str, Any], ...]
INSTALL_HINT = "{scheme}:// locations need fsspec and s3fs: pip install 'tritter-data[s3]'"

#: S3 error codes and HTTP statuses worth another try (throttling, transient faults).
RETRYABLE_CODES = frozenset({
    "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
    "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "503", "500", "502", "504",
})
MISSING_CODES = frozenset({"NoSuchKey", "404", "NotFound"})
#: Errors that every object of the bucket would meet: retrying or skipping them is pointless.
DENIED_CODES = frozenset({
    "AccessDenied", "403", "Forbidden", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
    "InvalidToken", "TokenRefreshRequired", "AllAccessDisabled", "AccountProblem", "NoSuchBucket",
})


def error_kind(code: str) -> str:
    """``retry``, ``missing``, ``denied`` or ``failed`` for an S3 error code or HTTP status."""
    if code in RETRYABLE_CODES:
        return "retry"
    if code in MISSING_CODES:
        return "missing"
    return "denied" if code in DENIED_CODES else "failed"


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter: sleep U(0, min(cap, base * 2**attempt))."""

    attempts: int = 6
    base_seconds: float = 0.2
    cap_seconds: float = 10.0

    def delay(self, attempt: int) -> float:
        return random.uniform(0.0, min(self.cap_seconds, self.base_seconds * 2**attempt))


class S3GetError(Exception):
    """One object that could not be read: ``kind`` is ``missing`` or ``failed``."""

    def __init__(self, kind: str, code: str, attempts: int, exhausted: bool = False):
        super().__init__(f"{code} after {attempts} attempts" if exhausted else code)
        self.kind, self.code, self.attempts, self.exhausted = kind, code, attempts, exhausted


class S3Denied(UsageError):
    """Access denied (or no such bucket): the same for every object, so the run stops here."""


def settings(options: StorageOptions = (), blob_pool: int | None = None,
             attempts: int = RetryPolicy.attempts) -> dict[str, Any]:
    """``S3FileSystem`` arguments from the storage options over the AWS environment.

    Shard sets (``blob_pool`` None): botocore retries ``attempts`` times in its ``standard`` mode
    and keeps its default checksums. Blobs (``blob_pool`` connections): botocore does not retry
    (``S3Client`` does, counting) and skips its optional checksums: gzip's CRC covers the bytes,
    and checksums cost CPU per request, which is what bounds many small GETs.
    """
    given = dict(options)
    endpoint = given.pop("endpoint_url", None) or os.environ.get("AWS_ENDPOINT_URL_S3") \
        or os.environ.get("AWS_ENDPOINT_URL") or None
    config: dict[str, Any] = {"connect_timeout": 10, "read_timeout": 60}
    if blob_pool is None:
        config["retries"] = {"mode": "standard", "total_max_attempts": attempts}
    else:
        config.update(retries={"total_max_attempts": 1}, max_pool_connections=blob_pool,
                      request_checksum_calculation="when_required", response_checksum_validation="when_required")
    config.update(given.pop("config_kwargs", {}))
    # No region given: botocore takes the environment's or the profile's, else S3's global
    # endpoint (us-east-1, where Software Heritage's bucket lives).
    return {"endpoint_url": endpoint, "config_kwargs": config, **given}


def _s3fs() -> Any:
    try:
        import s3fs
    except ImportError:
        raise UsageError(INSTALL_HINT.format(scheme="s3")) from None
    return s3fs


def filesystem(options: StorageOptions = (), attempts: int = RetryPolicy.attempts) -> Any:
    """The file system for shard sets at ``s3://`` URLs (botocore retries ``attempts`` times)."""
    fs = _s3fs().S3FileSystem(**settings(options, attempts=attempts))
    fs.retries = 1  # s3fs's own loop would multiply botocore's tries
    return fs


def check_credentials(options: StorageOptions, what: str) -> None:
    """One line before any request when no credentials can be found (``anon`` needs none)."""
    if dict(options).get("anon"):
        return
    import botocore.session

    try:
        credentials = botocore.session.Session(profile=dict(options).get("profile")).get_credentials()
    except Exception as error:  # a broken profile or credential process: still one line
        raise UsageError(f"AWS credentials could not be loaded: {error}") from None
    if credentials is None:
        raise UsageError(
            f"no AWS credentials for {what}: set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE); see the README's Stack v2 section"
        )


def error_code(error: BaseException) -> str:
    """The S3 error code of a botocore ``ClientError`` (else its HTTP status, else the type)."""
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = str(response.get("Error", {}).get("Code") or "")
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return code or str(status or "")
    return type(error).__name__


class S3Client:
    """Whole-object GETs on s3fs's event loop, many in flight, each retried by ``get``'s policy.

    ``submit`` returns a ``concurrent.futures.Future``, so a plain (threaded) caller can keep a
    bounded window of fetches and take the results in its own order.
    """

    def __init__(self, options: StorageOptions = (), max_pool: int = 32):
        from fsspec.asyn import sync

        self.fs = _s3fs().S3FileSystem(**settings(options, blob_pool=max_pool), skip_instance_cache=True)
        self.loop = self.fs.loop
        self.client = sync(self.loop, self.fs.set_session)
        self.max_pool = max_pool

    async def get_async(self, bucket: str, key: str, policy: RetryPolicy,
                        gate: asyncio.Semaphore | None = None) -> tuple[bytes, int]:
        """(body, attempts). Raises ``S3GetError`` or ``S3Denied``."""
        from aiohttp import ClientError as HTTPError
        from botocore.exceptions import BotoCoreError, ClientError

        last = ""
        for attempt in range(policy.attempts):
            try:
                if gate is None:
                    return await self._get_once(bucket, key), attempt + 1
                async with gate:
                    return await self._get_once(bucket, key), attempt + 1
            except ClientError as error:
                code = error_code(error)
                kind = error_kind(code)
                if kind == "denied":
                    raise S3Denied(f"s3://{bucket}/{key}: {_denied_text(code)} ({code}); check the AWS "
                                   "credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID) and the bucket name") from None
                if kind != "retry":
                    raise S3GetError(kind, code, attempt + 1) from None
                last = code
            except (BotoCoreError, OSError, HTTPError, asyncio.TimeoutError) as error:  # resets, timeouts, DNS
                last = type(error).__name__
            if attempt + 1 < policy.attempts:
                await asyncio.sleep(policy.delay(attempt))
        raise S3GetError("failed", last, policy.attempts, exhausted=True)

    async def _get_once(self, bucket: str, key: str) -> bytes:
        response = await self.client.get_object(Bucket=bucket, Key=key)
        async with response["Body"] as body:
            return bytes(await body.read())

    def get(self, bucket: str, key: str, policy: RetryPolicy) -> tuple[bytes, int]:
        from fsspec.asyn import sync

        return sync(self.loop, self.get_async, bucket, key, policy)

    def submit(self, bucket: str, key: str, policy: RetryPolicy, gate: asyncio.Semaphore) -> Future[tuple[bytes, int]]:
        return asyncio.run_coroutine_threadsafe(self.get_async(bucket, key, policy, gate), self.loop)


def _denied_text(code: str) -> str:
    return "no such bucket" if code == "NoSuchBucket" else "access denied"
