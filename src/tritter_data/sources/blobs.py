"""Fetch file contents from the Software Heritage S3 bucket, many at a time.

The Stack v2 and Stack-Edu rows name a blob (``blob_id``); its bytes live gzip-compressed
at ``s3://softwareheritage/content/{blob_id}``. Fetching is network-bound, so ``fetch_workers``
GETs stay in flight on s3fs event loops (``io/s3.py``, the one S3 stack) while results come
back in input order (the order decides which copy exact dedup keeps). Throttling and transient
server errors are retried with exponential backoff; what still fails becomes a counted reject
(``fetch_failed``) naming the blob, a missing blob is ``blob_missing``; neither ends the run.
Access denied (or a wrong bucket) would fail every blob alike: it stops the run in one line.

    >>> import gzip
    >>> decode_blob(gzip.compress("naïve = 1\\r\\n".encode("latin-1")), "ISO-8859-1", 100)
    'naïve = 1\\n'
"""

from __future__ import annotations

import codecs
import logging
import threading
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from tritter_data.core.errors import UsageError
from tritter_data.core.sample import Reject, Sample
from tritter_data.core.stage import reject
from tritter_data.io.s3 import RetryPolicy, S3Client, S3GetError, check_credentials, shared_client

logger = logging.getLogger(__name__)

SWH_BUCKET = "softwareheritage"
SWH_PREFIX = "content/"
HUB_INSTALL_HINT = "this needs the [hub] extra: pip install 'tritter-data[hub]'"
__all__ = ["BlobError", "BlobFetcher", "RetryPolicy", "decode_blob", "fetch_blob", "make_s3_client"]


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


def make_s3_client(endpoint_url: str | None = None, max_pool: int = 32) -> S3Client:
    """The S3 client for blobs; ``endpoint_url`` (or ``AWS_ENDPOINT_URL``) points it elsewhere.

    Missing credentials or a missing ``[hub]`` extra are a one-line ``UsageError`` before any
    row is read.
    """
    options = (("endpoint_url", endpoint_url),) if endpoint_url else ()
    try:
        import s3fs  # noqa: F401 - only to name the extra that brings it
    except ImportError:
        raise UsageError(f"fetching blobs from S3 {HUB_INSTALL_HINT}") from None
    check_credentials(options, f"the {SWH_BUCKET} bucket")
    return shared_client(options, max_pool=max_pool)


def _blob_error(error: S3GetError, blob_id: str, bucket: str) -> BlobError:
    if error.kind == "missing":
        return BlobError("blob_missing", f"blob {blob_id}: no such key in s3://{bucket}")
    return BlobError("fetch_failed", f"blob {blob_id}: {error}", error.attempts)


def fetch_blob(client: S3Client, blob_id: str, policy: RetryPolicy, bucket: str = SWH_BUCKET) -> tuple[bytes, int]:
    """The gzip bytes of one blob and the number of attempts it took.

    Raises ``BlobError``: ``blob_missing`` at once for a missing key, ``fetch_failed``
    after ``policy.attempts`` tries for throttling and transient faults or at once for
    other errors; ``S3Denied`` (one line, exit 2) for access denied or no such bucket.
    """
    try:
        return client.get(bucket, SWH_PREFIX + blob_id, policy)
    except S3GetError as error:
        raise _blob_error(error, blob_id, bucket) from None


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

    The client's pool (``make_s3_client(max_pool=workers)``) bounds the GETs in flight; at
    most ``workers * 4`` are queued, so memory stays bounded however long the input. Blobs
    are gunzipped and decoded here, in the caller's thread, which keeps the loops free for I/O. Items that are
    already ``Reject`` or already hold text pass through.
    """

    def __init__(self, client: S3Client, workers: int = 32, policy: RetryPolicy | None = None,
                 max_bytes: int = 500 * 1024, bucket: str = SWH_BUCKET):
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        self.client = client
        self.workers = workers
        self.policy = policy or RetryPolicy()
        self.max_bytes = max_bytes
        self.bucket = bucket
        self.counters = FetchCounters()

    def _submit(self, sample: Sample) -> Future[tuple[bytes, int]]:
        return self.client.submit(self.bucket, SWH_PREFIX + str(sample.meta["blob_id"]), self.policy)

    def _finish(self, sample: Sample, fetched: Future[tuple[bytes, int]]) -> Sample | Reject:
        """Gunzip and decode one fetched blob; every failure but a denied access is a ``Reject``."""
        blob_id = str(sample.meta["blob_id"])
        try:
            data, attempts = fetched.result()
        except S3GetError as error:
            failure = _blob_error(error, blob_id, self.bucket)
            self.counters.record(failure.attempts, 0, False)
            return reject(sample, failure.reason, failure.detail)
        self.counters.record(attempts, len(data), True)
        try:
            sample.text = decode_blob(data, sample.meta.get("src_encoding"), self.max_bytes)
        except BlobError as error:
            return reject(sample, error.reason, f"blob {blob_id}: {error.detail}")
        sample.path = None
        sample.size_bytes = len(sample.text.encode("utf-8"))
        return sample

    def fetch_one(self, sample: Sample) -> Sample | Reject:
        """Fetch, gunzip and decode one sample's blob."""
        return self._finish(sample, self._submit(sample))

    def map(self, items: Iterable[Sample | Reject]) -> Iterator[Sample | Reject]:
        window = self.workers * 4
        pending: deque[tuple[Sample, Future[tuple[bytes, int]]] | Sample | Reject] = deque()
        in_flight = 0
        try:
            for item in items:
                if isinstance(item, Sample) and "blob_id" in item.meta and item.path is not None:
                    pending.append((item, self._submit(item)))
                    in_flight += 1
                else:
                    pending.append(item)
                while in_flight >= window or (pending and not isinstance(pending[0], tuple)):
                    head = pending.popleft()
                    if isinstance(head, tuple):
                        in_flight -= 1
                        yield self._finish(*head)
                    else:
                        yield head
            while pending:
                head = pending.popleft()
                yield self._finish(*head) if isinstance(head, tuple) else head
        finally:
            for entry in pending:  # an early stop (--max-samples, Ctrl-C, access denied)
                if isinstance(entry, tuple):
                    entry[1].cancel()
