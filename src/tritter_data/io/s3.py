"""The one way to S3: configuration, the file system, retries, and what each error means.

Two uses share it (issue 14 had a boto3 stack and an fsspec stack): shard sets at ``s3://`` URLs
(``io/storage.py``, through fsspec's API) and The Stack v2's blobs (``sources/blobs.py``: many small
GETs in flight on s3fs event loops; ``benchmarks/bench_blobs.py`` measured this against boto3 in a
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

import contextlib
import itertools
import os
import random
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tritter_data.core.errors import UsageError

if TYPE_CHECKING:
    import asyncio  # at run time imported by the S3 client only: it costs every command 25 ms

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
    """Whole-object GETs, ``max_pool`` in flight, each retried by ``get``'s policy.

    The GETs are spread over ``loops`` event loops, each in its own thread with its own s3fs
    client: request handling is CPU-bound Python, and one loop thread gets one thread's share
    of a busy machine (the driver competes with its own workers). ``bench_blobs.py`` at 20 ms,
    load ~9 on 2 cores: one loop 0.41x a 32-thread boto3 pool, four loops 0.96x; at load ~5 one
    loop did as well (0.91x-1.27x): the figures are noisy, ``loops`` is the knob. ``submit``
    returns a ``concurrent.futures.Future``, so a caller keeps a bounded window and its order.
    """

    def __init__(self, options: StorageOptions = (), max_pool: int = 32, loops: int = 4):
        import asyncio

        from fsspec.asyn import sync

        self.max_pool = max_pool
        #: (loop, file system, client, gate) per lane; the file system must stay referenced:
        #: s3fs closes its client when the file system is collected.
        self.lanes: list[tuple[asyncio.AbstractEventLoop, Any, Any, asyncio.Semaphore]] = []
        loops = max(1, min(loops, max_pool))
        for number in range(loops):
            share = max_pool // loops + (number < max_pool % loops)
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name=f"s3-fetch-{number}", daemon=True).start()
            fs = _s3fs().S3FileSystem(**settings(options, blob_pool=share), skip_instance_cache=True, loop=loop)
            self.lanes.append((loop, fs, sync(loop, fs.set_session), asyncio.Semaphore(share)))
        self._next = itertools.count()
        self.cache_key: tuple[Any, ...] | None = None

    async def get_async(self, lane: int, bucket: str, key: str, policy: RetryPolicy) -> tuple[bytes, int]:
        """(body, attempts), on ``lane``'s loop. Raises ``S3GetError`` or ``S3Denied``."""
        import asyncio

        from aiohttp import ClientError as HTTPError
        from botocore.exceptions import BotoCoreError, ClientError

        _, _, client, gate = self.lanes[lane]
        last = ""
        for attempt in range(policy.attempts):
            try:
                async with gate:
                    return await _get_once(client, bucket, key), attempt + 1
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

    def get(self, bucket: str, key: str, policy: RetryPolicy) -> tuple[bytes, int]:
        return self.submit(bucket, key, policy).result()

    def close(self) -> None:
        """Close each client on its own loop, then stop the loops. Without it, s3fs closes a
        collected client on whichever loop is running in the collecting thread (an error
        message, no harm); with the loops stopped its finalizer only closes the sockets."""
        from fsspec.asyn import sync

        for loop, fs, _, _ in self.lanes:
            with contextlib.suppress(Exception):
                sync(loop, fs._s3creator.__aexit__, None, None, None, timeout=5)
            loop.call_soon_threadsafe(loop.stop)
        self.lanes = []
        with _CLIENTS_LOCK:
            _CLIENTS.pop(self.cache_key, None)

    def submit(self, bucket: str, key: str, policy: RetryPolicy) -> Future[tuple[bytes, int]]:
        import asyncio

        lane = next(self._next) % len(self.lanes)
        return asyncio.run_coroutine_threadsafe(self.get_async(lane, bucket, key, policy), self.lanes[lane][0])


_CLIENTS: dict[tuple[Any, ...], S3Client] = {}
_CLIENTS_LOCK = threading.Lock()


def shared_client(options: StorageOptions = (), max_pool: int = 32) -> S3Client:
    """One ``S3Client`` per options, pool size, environment and process, kept until ``close``.

    A collected client would be closed by s3fs on whichever loop runs in the collecting thread,
    which prints an error line on stderr; a kept one never is.
    """
    environment = tuple(os.environ.get(name) for name in (
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_PROFILE", "AWS_ACCESS_KEY_ID"))
    key = (os.getpid(), tuple(options), max_pool, environment)
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is None:
            client = _CLIENTS[key] = S3Client(options, max_pool)
            client.cache_key = key
        return client


async def _get_once(client: Any, bucket: str, key: str) -> bytes:
    response = await client.get_object(Bucket=bucket, Key=key)
    async with response["Body"] as body:
        return bytes(await body.read())


def _denied_text(code: str) -> str:
    return "no such bucket" if code == "NoSuchBucket" else "access denied"
