"""One run per output directory: an advisory ``flock`` on ``DIR/.tritter.lock``.

Why ``flock``: the kernel drops the lock when the process dies, even by SIGKILL, so a killed
run never leaves a stale lock behind and the same command can resume at once; a second run
into the same directory while the first is alive fails in one line naming the path and the
pid that holds it. Readers (``dedup`` reading ``prepare``'s output) ask ``held_by`` and refuse
a directory that is still being written. Local directories only: object stores have no lock.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> with OutputLock(d):
    ...     held_by(d) == os.getpid()
    True
    >>> held_by(d) is None
    True
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Any

from tritter_data.core.errors import UsageError

LOCK_NAME = ".tritter.lock"


class OutputLock:
    """Hold ``directory``'s lock for a ``with`` block; ``UsageError`` if another run holds it."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise UsageError(f"--output-dir {self.directory}: cannot write here ({error.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise UsageError(f"--output-dir {self.directory}: locked by another run (pid {holder}); "
                             "wait for it to finish or choose another directory") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            (self.directory / LOCK_NAME).unlink(missing_ok=True)
            os.close(self._fd)  # closing drops the flock
            self._fd = None


def held_by(directory: Path) -> int | None:
    """The pid of the live run writing ``directory``, or ``None`` when nobody is."""
    path = directory / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _read_pid(fd) or -1
    finally:
        os.close(fd)
    return None


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def output_lock(location: Path | str) -> Any:
    """The lock of a local output directory; nothing for an object-store URL (a ``str``)."""
    return OutputLock(location) if isinstance(location, Path) else contextlib.nullcontext()
