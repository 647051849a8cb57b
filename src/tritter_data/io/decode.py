"""Read a file's bytes and decode them as UTF-8, rejecting what is not text.

Every read is bounded in time and size: the file is opened with ``O_NONBLOCK`` (a FIFO
swapped in after the walk opens at once instead of blocking forever) and ``fstat`` of the
open descriptor must show a regular file; the size is checked against the limit from that
``fstat`` before reading, so a 50 MB (or sparse 1 GB) blob costs one system call and no I/O.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from typing import Any

from tritter_data.core.sample import Sample, StageResult
from tritter_data.core.stage import reject

#: Bytes inspected for NUL characters, the usual binary test (git uses the first 8000).
BINARY_SNIFF_BYTES = 8000


@dataclass(frozen=True, slots=True)
class ReadAndDecode:
    """Fill ``text``, ``size_bytes`` and ``content_hash`` (MD5 of the bytes)."""

    max_bytes: int = 500 * 1024
    name: str = "read"
    #: fsspec options for ``meta['url']`` samples (object stores); see ``storage.py``.
    storage_options: tuple[tuple[str, Any], ...] = ()

    def __call__(self, sample: Sample) -> StageResult:
        if sample.path is None and "url" in sample.meta:
            return self._read_url(sample, sample.meta["url"])
        if sample.path is None:  # already carries its text (hub rows, tests)
            data = sample.text.encode("utf-8")
            return self._check(sample, data, from_file=False)
        try:
            data = self._read_file(sample.path)
        except _Refused as refused:
            return reject(sample, refused.reason, refused.detail)
        except FileNotFoundError:
            return reject(sample, "file_not_found", "file disappeared before it could be read")
        except IsADirectoryError:
            return reject(sample, "not_a_regular_file", "is a directory")
        except PermissionError as error:
            return reject(sample, "unreadable", error.strerror or "permission denied")
        except OSError as error:
            if error.errno == errno.ELOOP:
                return reject(sample, "symlink_loop", error.strerror or "symlink loop")
            return reject(sample, "read_error", error.strerror or str(error))
        return self._check(sample, data, from_file=True)

    def _read_file(self, path: str) -> bytes:
        """At most ``max_bytes + 1`` bytes of a regular file; never blocks on a FIFO."""
        with open(path, "rb", buffering=0, opener=nonblocking_opener) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise _Refused("not_a_regular_file", "device, socket or pipe (checked after open)")
            if info.st_size > self.max_bytes:
                raise _Refused("too_large", f"{info.st_size} bytes, over {self.max_bytes}")
            chunks: list[bytes] = []
            remaining = self.max_bytes + 1
            while remaining > 0:
                chunk = handle.read(remaining)
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
            return b"".join(chunks)

    def _read_url(self, sample: Sample, url: str) -> StageResult:
        from tritter_data.io.storage import describe_error, read_bytes

        try:
            data = read_bytes(url, self.max_bytes + 1, self.storage_options)
        except FileNotFoundError:
            return reject(sample, "file_not_found", "object disappeared before it could be read")
        except PermissionError as error:
            return reject(sample, "unreadable", describe_error(error))
        except Exception as error:  # network, throttling after the client's own retries
            return reject(sample, "read_error", describe_error(error))
        return self._check(sample, data, from_file=True)

    def _check(self, sample: Sample, data: bytes, from_file: bool) -> StageResult:
        if from_file:  # read: rejects from here on count the bytes read
            sample.path = None
            sample.meta.pop("url", None)
        if len(data) > self.max_bytes:  # grew after the listing; only the head was read
            listed = max(sample.size_bytes, len(data))
            sample.size_bytes = len(data)
            return reject(sample, "too_large", f"{listed} bytes, over {self.max_bytes}")
        sample.size_bytes = len(data)
        if not data:
            return reject(sample, "empty_file", "0 bytes")
        if b"\x00" in data[:BINARY_SNIFF_BYTES]:
            return reject(sample, "binary_file", "NUL byte in the first 8000 bytes")
        if from_file:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                return reject(sample, "decode_error", f"invalid UTF-8 at byte {error.start}")
            if text.startswith("\ufeff"):
                text = text[1:]
            if "\r" in text:
                text = text.replace("\r\n", "\n")
            sample.text = text
        sample.content_hash = hashlib.md5(data, usedforsecurity=False).hexdigest()
        return sample


def nonblocking_opener(path: str, flags: int) -> int:
    """``open`` opener: ``O_NONBLOCK`` so a FIFO or a tty opens at once instead of blocking."""
    return os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))


class _Refused(Exception):
    """A file that is opened but must not be read; becomes a ``Reject``."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail
