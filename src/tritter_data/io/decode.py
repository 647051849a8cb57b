"""Read a file's bytes and decode them as UTF-8, rejecting what is not text.

The size is checked against the limit from ``stat`` before reading, so a 50 MB blob costs
one system call, not 50 MB of I/O.
"""

from __future__ import annotations

import errno
import hashlib
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
            with open(sample.path, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
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
        if len(data) > self.max_bytes:  # keep the size from stat: we read only the head
            sample.size_bytes = max(sample.size_bytes, len(data))
            return reject(sample, "too_large", f"{sample.size_bytes} bytes, over {self.max_bytes}")
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
            sample.path = None
            sample.meta.pop("url", None)
        sample.content_hash = hashlib.md5(data, usedforsecurity=False).hexdigest()
        return sample
