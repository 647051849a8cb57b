"""Fetch file contents from the Software Heritage S3 bucket, many at a time.

The Stack v2 and Stack-Edu rows name a blob (``blob_id``); its bytes live gzip-compressed
at ``s3://softwareheritage/content/{blob_id}``. Fetching is network-bound, so a bounded
thread pool keeps ``fetch_workers`` requests in flight while results come back in input
order (the order decides which copy exact dedup keeps). Throttling and transient server
errors are retried with exponential backoff; what still fails becomes a counted reject
(``fetch_failed``) naming the blob, never an exception that ends the run.

    >>> import gzip
    >>> decode_blob(gzip.compress("naïve = 1\\r\\n".encode("latin-1")), "ISO-8859-1", 100)
    'naïve = 1\\n'
"""

from __future__ import annotations

import codecs
import logging
import os
import random
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample
from tritter_data.core.stage import reject

logger = logging.getLogger(__name__)

SWH_BUCKET = "softwareheritage"
SWH_PREFIX = "content/"
#: S3 error codes and HTTP statuses worth another try (throttling, transient faults).
RETRYABLE_CODES = frozenset({
    "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
    "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "503", "500", "502", "504",
})
MISSING_CODES = frozenset({"NoSuchKey", "404", "NotFound"})
HUB_INSTALL_HINT = "this needs the [hub] extra: pip install 'tritter-data[hub]'"


class BlobError(Exception):
    """A blob that cannot become text; ``reason`` is the reject id."""

    def __init__(self, reason: str, detail: str, attempts: int = 1):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.attempts = attempts


def decode_blob(data: bytes, encoding: str | None, max_bytes: int) -> str:
    """Gunzip and decode one blob with the row's ``src_encoding`` (UTF-8 when unknown).

    Decompression stops after ``max_bytes + 1`` bytes, so a gzip bomb costs nothing.
    A BOM is dropped and CRLF becomes LF, as for local files.
    """
    try:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        raw = inflater.decompress(data, max_bytes + 1)
        if not inflater.eof and len(raw) <= max_bytes:
            raise BlobError("blob_corrupt", "truncated gzip stream")
    except zlib.error as error:
        raise BlobError("blob_corrupt", f"not a gzip stream: {error}") from None
    if len(raw) > max_bytes:
        raise BlobError("too_large", f"over {max_bytes} bytes once decompressed")
    name = (encoding or "utf-8").strip() or "utf-8"
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise BlobError("unknown_encoding", f"src_encoding {name!r} is not a known codec") from None
    try:
        text = raw.decode(codec.name)
    except UnicodeDecodeError as error:
        raise BlobError("decode_error", f"invalid {name} at byte {error.start}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter: sleep U(0, min(cap, base * 2**attempt))."""

    attempts: int = 6
    base_seconds: float = 0.2
    cap_seconds: float = 10.0

    def delay(self, attempt: int) -> float:
        return random.uniform(0.0, min(self.cap_seconds, self.base_seconds * 2**attempt))


def make_s3_client(endpoint_url: str | None = None, max_pool: int = 32) -> Any:
    """A boto3 S3 client; ``endpoint_url`` (or ``AWS_ENDPOINT_URL``) points it elsewhere.

    botocore's own retries are off (we retry, count and report ourselves). Missing
    credentials are a one-line ``UsageError`` before any row is read.
    """
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        raise UsageError(f"fetching blobs from S3 {HUB_INSTALL_HINT}") from None
    session = boto3.session.Session()
    try:
        credentials = session.get_credentials()
    except Exception as error:  # a broken profile or credential process: still one line
        raise UsageError(f"AWS credentials could not be loaded: {error}") from None
    if credentials is None:
        raise UsageError(
            "no AWS credentials for the softwareheritage bucket: set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE); see the README's Stack v2 section"
        )
    # Integrity comes from gzip's CRC; skipping botocore's optional checksums and parameter
    # validation saves CPU per request, which is what bounds a pool of fetch threads.
    config = Config(
        retries={"total_max_attempts": 1}, max_pool_connections=max_pool,
        connect_timeout=10, read_timeout=60, parameter_validation=False,
        request_checksum_calculation="when_required", response_checksum_validation="when_required",
    )
    endpoint = endpoint_url or os.environ.get("AWS_ENDPOINT_URL") or None
    region = session.region_name or "us-east-1"
    return session.client("s3", endpoint_url=endpoint, region_name=region, config=config)


def _error_code(error: Exception) -> str:
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = str(response.get("Error", {}).get("Code") or "")
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return code or str(status or "")
    return type(error).__name__


def fetch_blob(
    client: Any, blob_id: str, policy: RetryPolicy, bucket: str = SWH_BUCKET,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[bytes, int]:
    """The gzip bytes of one blob and the number of attempts it took.

    Raises ``BlobError``: ``blob_missing`` at once for a missing key, ``fetch_failed``
    after ``policy.attempts`` tries for throttling and transient faults or at once for
    other errors (access denied, bad bucket).
    """
    from botocore.exceptions import BotoCoreError, ClientError

    last = ""
    for attempt in range(policy.attempts):
        try:
            response = client.get_object(Bucket=bucket, Key=SWH_PREFIX + blob_id)
            return response["Body"].read(), attempt + 1
        except ClientError as error:
            code = _error_code(error)
            if code in MISSING_CODES:
                raise BlobError("blob_missing", f"blob {blob_id}: no such key in s3://{bucket}") from None
            if code not in RETRYABLE_CODES:
                raise BlobError("fetch_failed", f"blob {blob_id}: {code}", attempt + 1) from None
            last = code
        except (BotoCoreError, OSError) as error:  # connection reset, timeouts, DNS
            last = type(error).__name__
        if attempt + 1 < policy.attempts:
            sleep(policy.delay(attempt))
    raise BlobError("fetch_failed", f"blob {blob_id}: {last} after {policy.attempts} attempts", policy.attempts)


@dataclass
class FetchCounters:
    """What the fetch pool did, for the manifest and the progress bar (thread-safe)."""

    fetched: int = 0
    retries: int = 0
    failed: int = 0
    bytes_compressed: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._taken: dict[str, int] = {}

    def record(self, attempts: int, size: int, ok: bool) -> None:
        with self._lock:
            self.retries += max(0, attempts - 1)
            if ok:
                self.fetched += 1
                self.bytes_compressed += size
            else:
                self.failed += 1

    def to_dict(self) -> dict[str, int]:
        return {"fetched": self.fetched, "retries": self.retries, "failed": self.failed,
                "bytes_compressed": self.bytes_compressed}

    def take(self) -> dict[str, int]:
        """The figures since the last ``take`` (a part's share), for its marker."""
        with self._lock:
            now = self.to_dict()
            delta = {key: value - self._taken.get(key, 0) for key, value in now.items()}
            self._taken = now
            return delta


class BlobFetcher:
    """Fill ``text`` of samples that carry ``meta['blob_id']``, keeping input order.

    At most ``workers * 4`` fetches are queued at once, so memory stays bounded however
    long the input. Items that are already ``Reject`` or already hold text pass through.
    """

    def __init__(self, client: Any, workers: int = 32, policy: RetryPolicy | None = None,
                 max_bytes: int = 500 * 1024, bucket: str = SWH_BUCKET):
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        self.client = client
        self.workers = workers
        self.policy = policy or RetryPolicy()
        self.max_bytes = max_bytes
        self.bucket = bucket
        self.counters = FetchCounters()

    def fetch_one(self, sample: Sample) -> Sample | Reject:
        """Fetch, gunzip and decode one sample's blob; every failure is a ``Reject``."""
        blob_id = sample.meta.get("blob_id")
        attempts = 1
        try:
            data, attempts = fetch_blob(self.client, str(blob_id), self.policy, self.bucket)
        except BlobError as error:
            self.counters.record(error.attempts, 0, False)
            return reject(sample, error.reason, error.detail)
        self.counters.record(attempts, len(data), True)
        try:
            sample.text = decode_blob(data, sample.meta.get("src_encoding"), self.max_bytes)
        except BlobError as error:
            return reject(sample, error.reason, f"blob {blob_id}: {error.detail}")
        sample.path = None
        sample.size_bytes = len(sample.text.encode("utf-8"))
        return sample

    def map(self, items: Iterable[Sample | Reject]) -> Iterator[Sample | Reject]:
        window = self.workers * 4
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="blob-fetch")
        pending: deque[Future[Sample | Reject] | Sample | Reject] = deque()
        in_flight = 0
        try:
            for item in items:
                if isinstance(item, Sample) and "blob_id" in item.meta and item.path is not None:
                    pending.append(pool.submit(self.fetch_one, item))
                    in_flight += 1
                else:
                    pending.append(item)
                while in_flight >= window or (pending and not isinstance(pending[0], Future)):
                    head = pending.popleft()
                    if isinstance(head, Future):
                        in_flight -= 1
                        yield head.result()
                    else:
                        yield head
            while pending:
                head = pending.popleft()
                yield head.result() if isinstance(head, Future) else head
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
