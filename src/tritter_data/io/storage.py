"""Inputs and outputs that are object-store URLs (``s3://bucket/prefix``) as well as paths.

Why: a Ray cluster's workers share no disk, so they read the corpus from, and the driver
writes shards to, shared storage. Everything remote goes through ``fsspec``, imported lazily:
local paths never need it. ``s3://`` file systems come from ``io/s3.py``, the one place that
configures S3 (credentials from the usual AWS environment: ``AWS_ACCESS_KEY_ID``..., an
instance role, ``~/.aws``; the endpoint from ``AWS_ENDPOINT_URL`` or ``--s3-endpoint-url``:
MinIO, Ceph, a test server) and decides how calls are retried.

Storage options travel as a tuple of ``(key, value)`` pairs so that the frozen stages that
carry them stay hashable and picklable; they never hold secrets.

    >>> is_url("s3://corpus/python"), is_url("data/raw"), is_url(Path("s3:/x"))
    (True, False, False)
    >>> join("s3://corpus/out/", "shard_00000.jsonl")
    's3://corpus/out/shard_00000.jsonl'
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.io import s3
from tritter_data.io.s3 import INSTALL_HINT, StorageOptions
from tritter_data.io.shards import SHARD_GLOB
from tritter_data.io.writers import ShardWriter


def is_url(location: str | Path) -> bool:
    """A remote location (``s3://``, ``gs://``, ``memory://``...), not a local path."""
    return isinstance(location, str) and "://" in location and not location.startswith("file://")


def parse_location(text: str) -> Path | str:
    """``argparse`` type: a URL stays a string (``Path`` would fold ``//``), a path a ``Path``."""
    if text.startswith("file://"):
        return Path(text[len("file://"):])
    return text.rstrip("/") if is_url(text) else Path(text)


def join(location: str | Path, name: str) -> str | Path:
    return f"{location.rstrip('/')}/{name}" if isinstance(location, str) else location / name


def endpoint_options(endpoint_url: str | None) -> StorageOptions:
    """Storage options for ``--s3-endpoint-url`` (empty: use the AWS environment)."""
    return (("endpoint_url", endpoint_url),) if endpoint_url else ()


def filesystem(url: str, options: StorageOptions = ()) -> tuple[Any, str]:
    """The fsspec file system for ``url`` and the path inside it (``bucket/prefix``)."""
    scheme = url.split("://", 1)[0]
    if scheme in ("s3", "s3a"):
        return s3.filesystem(options), url.split("://", 1)[1].rstrip("/")
    try:
        import fsspec.core
    except ImportError:
        raise UsageError(INSTALL_HINT.format(scheme=scheme)) from None
    try:
        fs, path = fsspec.core.url_to_fs(url, **dict(options))
    except (ImportError, ValueError) as error:
        if isinstance(error, ImportError) or "Protocol not known" in str(error):
            raise UsageError(INSTALL_HINT.format(scheme=scheme)) from None
        raise UsageError(f"{url}: {error}") from None
    return fs, path.rstrip("/")


def read_bytes(url: str, limit: int, options: StorageOptions = ()) -> bytes:
    """The first ``limit`` bytes of an object, in one ranged GET (runs in the workers)."""
    fs, path = filesystem(url, options)
    try:
        return bytes(fs.cat_file(path, start=0, end=limit))
    except OSError as error:
        # S3 answers a range on an empty object with 416 InvalidRange: range 0- is unsatisfiable
        # only when there is no byte at all.
        if "InvalidRange" in str(error.__cause__) or "not satisfiable" in str(error):
            return b""
        raise


def describe_error(error: BaseException) -> str:
    """One line for a storage error (botocore's are long and nested)."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:300]


def list_objects(url: str, options: StorageOptions = ()) -> list[tuple[str, int]]:
    """``(key relative to url, size)`` of every object under ``url``, sorted by key.

    Sorted keys are the local walker's order (``a.py`` < ``a/b.py`` < ``a0.py``), so exact
    dedup keeps the same copy wherever the corpus lives. Directory markers are skipped.
    The listing is held in the driver (about 100 bytes an object).
    """
    fs, root = filesystem(url, options)
    try:
        fs.invalidate_cache()
        found = fs.find(root, detail=True)
    except FileNotFoundError as error:
        raise UsageError(f"{url}: no such bucket or prefix ({describe_error(error)})") from None
    except Exception as error:  # botocore's NoCredentialsError, EndpointConnectionError...
        raise UsageError(f"{url}: cannot list: {describe_error(error)}") from None
    prefix = root + "/"
    objects = [
        (key[len(prefix):], int(info.get("size") or 0))
        for key, info in found.items()
        if key.startswith(prefix) and not key.endswith("/") and info.get("type", "file") == "file"
    ]
    return sorted(objects)


def check_input(url: str, options: StorageOptions = ()) -> None:
    """The same checks as for a local ``--input-dir``: it exists and holds something."""
    if not list_objects(url, options):
        raise UsageError(f"--input-dir {url}: no objects under this prefix")


# -- output --------------------------------------------------------------------------
def claim_output(url: str, overwrite: bool, options: StorageOptions = ()) -> None:
    """Refuse to mix runs under ``url``; ``overwrite`` deletes the old shards and manifest."""
    fs, root = filesystem(url, options)
    try:
        fs.invalidate_cache()
        if not fs.exists(root.split("/", 1)[0]):
            raise UsageError(f"--output-dir {url}: no such bucket")
        names = [key.rsplit("/", 1)[-1] for key in fs.ls(root, detail=False)] if fs.exists(root) else []
    except UsageError:
        raise
    except Exception as error:
        raise UsageError(f"--output-dir {url}: cannot list: {describe_error(error)}") from None
    old = sorted(name for name in names if Path(name).match(SHARD_GLOB) or name == "manifest.json")
    if old and not overwrite:
        raise UsageError(f"--output-dir {url}: holds shards of another run; pass --overwrite to replace them")
    if old:
        fs.rm([f"{root}/{name}" for name in old])


def upload(local: Path, url: str, options: StorageOptions = ()) -> None:
    fs, path = filesystem(url, options)
    try:
        fs.put_file(str(local), path)
    except Exception as error:
        raise UsageError(f"{url}: upload failed: {describe_error(error)}") from None


class UploadingShardWriter(ShardWriter):
    """A ``ShardWriter`` that stages each shard in a temp dir and uploads it once closed.

    Local disk holds one shard at a time; the bytes are those of the local writer.
    """

    def __init__(self, url: str, shard_size: int = 10_000, compress: str = "none",
                 options: StorageOptions = ()):
        self._staging = Path(tempfile.mkdtemp(prefix="tritter-shards-"))
        super().__init__(self._staging, shard_size, compress)
        self.url = url
        self.options = options
        self._done: set[int] = set()

    def _close_current(self) -> None:
        """Upload each shard as it is finished, except the ones the final hoist may rewrite:
        shard 0 and the shards holding the first record with a field shard 0 lacks
        (``schema_head.py``); at most five shards stay on local disk until ``close``."""
        super()._close_current()
        keep = {0} | {shard for shard, _ in self._first_with_key.values()}
        self._upload(keep)

    def close(self) -> None:
        super().close()
        self._upload(keep=set())

    def _upload(self, keep: set[int]) -> None:
        for index, path in enumerate(self.paths):
            if index in keep or index in self._done or self._is_open(index):
                continue
            upload(path, join(self.url, path.name), self.options)  # type: ignore[arg-type]
            path.unlink()
            self._done.add(index)

    def _is_open(self, index: int) -> bool:
        return self._handle is not None and index == len(self.paths) - 1

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)


def put_text(url: str, text: str, options: StorageOptions = ()) -> None:
    fs, path = filesystem(url, options)
    try:
        fs.pipe_file(path, text.encode("utf-8"))
    except Exception as error:
        raise UsageError(f"{url}: upload failed: {describe_error(error)}") from None


def _shard_set_names(fs: Any, root: str) -> list[str]:
    fs.invalidate_cache()
    names = [key.rsplit("/", 1)[-1] for key in fs.ls(root, detail=False)] if fs.exists(root) else []
    return sorted(name for name in names if Path(name).match(SHARD_GLOB) or name == "manifest.json")


def download_shard_set(url: str, local: Path, options: StorageOptions = ()) -> None:
    """Copy the shards and manifest under ``url`` into the local directory ``local``."""
    fs, root = filesystem(url, options)
    try:
        for name in _shard_set_names(fs, root):
            fs.get_file(f"{root}/{name}", str(local / name))
    except Exception as error:
        raise UsageError(f"{url}: download failed: {describe_error(error)}") from None


def publish_shard_set(local: Path, url: str, options: StorageOptions = ()) -> None:
    """Replace the shard set under ``url`` by the local one: the old manifest goes first and the
    new one comes last, so a reader never sees a manifest over shards it does not describe."""
    fs, root = filesystem(url, options)
    try:
        old = _shard_set_names(fs, root)
        if "manifest.json" in old:
            fs.rm(f"{root}/manifest.json")
        stale = [f"{root}/{name}" for name in old if name != "manifest.json"]
        if stale:
            fs.rm(stale)
    except Exception as error:
        raise UsageError(f"{url}: cannot replace the shards: {describe_error(error)}") from None
    names = sorted(path.name for path in local.glob(SHARD_GLOB))
    for name in [*names, "manifest.json"]:
        upload(local / name, join(url, name), options)  # type: ignore[arg-type]


@contextlib.contextmanager
def local_copy(location: Path | str, options: StorageOptions = ()) -> Iterator[Path]:
    """A local directory holding ``location``'s shard set: itself, or a temporary copy of a URL.

    For readers that need a path (the report): no ``str / str`` anywhere downstream.
    """
    if not is_url(location):
        yield Path(location)
        return
    with tempfile.TemporaryDirectory(prefix="tritter-copy-") as staging:
        download_shard_set(str(location), Path(staging), options)
        yield Path(staging)
