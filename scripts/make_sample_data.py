"""Regenerate data/sample/python_{positive,negative,mixed}.jsonl from the snippets below.

Every record's label, score and explanation is what the pipeline produces for its text,
so the files stay true to the code: ``python scripts/make_sample_data.py`` after changing
an analyser, and ``tests/security/test_sample_data.py`` checks they still agree.
The hard-coded-credentials snippet is *rejected* by the pipeline (``secret_detected``);
the card keeps it in the negative file, with the explanation rendered from the secret
findings (rule and line only, never the value).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tritter_data.core.sample import Reject, Sample, to_record  # noqa: E402
from tritter_data.security.secrets import scan_secrets, secret_explanation  # noqa: E402

FIBONACCI = '''def fibonacci(n: int) -> int:
    """Return the n-th Fibonacci number (0-indexed) in O(n) time and O(1) space.

    >>> [fibonacci(i) for i in range(8)]
    [0, 1, 1, 2, 3, 5, 8, 13]
    """
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    previous, current = 0, 1
    for _ in range(n):
        previous, current = current, previous + current
    return previous
'''

RESULT = '''"""A Rust-style Result type: return errors as values instead of raising them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, TypeVar, Union

T = TypeVar("T")
E = TypeVar("E")
U = TypeVar("U")


@dataclass(frozen=True)
class Ok(Generic[T]):
    """A successful result holding ``value``."""

    value: T

    def map(self, func: Callable[[T], U]) -> Ok[U]:
        """Apply ``func`` to the value."""
        return Ok(func(self.value))

    def unwrap_or(self, default: T) -> T:
        """The value; ``default`` is ignored."""
        return self.value


@dataclass(frozen=True)
class Err(Generic[E]):
    """A failed result holding ``error``."""

    error: E

    def map(self, func: Callable[[object], object]) -> Err[E]:
        """Errors pass through ``map`` unchanged."""
        return self

    def unwrap_or(self, default: T) -> T:
        """The ``default``, since there is no value."""
        return default


Result = Union[Ok[T], Err[E]]


def parse_port(text: str) -> Result[int, str]:
    """Parse a TCP port number, returning an ``Err`` with a message instead of raising."""
    if not text.isdigit():
        return Err(f"not a number: {text!r}")
    port = int(text)
    if not 0 < port < 65536:
        return Err(f"port out of range: {port}")
    return Ok(port)
'''

TIMING = '''"""A decorator that logs how long a function takes, keeping its signature for type checkers."""

import functools
import logging
import time
from typing import Callable, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
logger = logging.getLogger(__name__)


def timed(func: Callable[P, R]) -> Callable[P, R]:
    """Log the wall-clock duration of every call to ``func`` at DEBUG level."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - started
            logger.debug("%s took %.3f s", func.__qualname__, elapsed)

    return wrapper
'''

WALKER = '''"""Walk a directory tree and yield the files to process, skipping what should be skipped."""

import os
from collections.abc import Iterator
from pathlib import Path

SKIPPED_DIRS = frozenset({".git", "__pycache__", "node_modules", ".venv"})


def iter_source_files(root: Path, suffixes: frozenset[str]) -> Iterator[Path]:
    """Yield files under ``root`` whose suffix is in ``suffixes``, in a stable (sorted) order.

    Hidden and vendored directories are pruned before descending, so large trees stay cheap.
    """
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = Path(directory, name)
            if path.suffix in suffixes and not path.is_symlink():
                yield path
'''

LRU = '''"""A small least-recently-used cache with O(1) get and put."""

from collections import OrderedDict
from typing import Generic, Hashable, TypeVar

V = TypeVar("V")


class LRUCache(Generic[V]):
    """Keep at most ``capacity`` entries, evicting the least recently used one first."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._entries: OrderedDict[Hashable, V] = OrderedDict()

    def get(self, key: Hashable, default: V | None = None) -> V | None:
        """Return the value for ``key`` and mark it as recently used."""
        if key not in self._entries:
            return default
        self._entries.move_to_end(key)
        return self._entries[key]

    def put(self, key: Hashable, value: V) -> None:
        """Insert or update ``key``; evict the oldest entry when over capacity."""
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
'''

EVAL = '''def calculate(expression):
    """Evaluate an arithmetic expression typed by the user, e.g. "2 * (3 + 4)"."""
    result = eval(expression)
    return result


if __name__ == "__main__":
    print(calculate(input("expression: ")))
'''

PICKLE_SHELL = '''import pickle
import subprocess


def load_session(path):
    """Restore a user session saved by the web front end."""
    with open(path, "rb") as handle:
        return pickle.load(handle)


def archive_logs(log_dir, archive_name):
    """Compress a log directory into a tarball."""
    subprocess.call(f"tar czf {archive_name} {log_dir}", shell=True)
'''

PARAMS = '''def proc(a, b, c, d, e, f, g, h, k):
    x = a + b
    y = c * d
    z = e - f
    t = x * y + z
    if g:
        t = t / h
    return t + k
'''

NESTING = '''def process_orders(orders, inventory):
    """Ship every paid order whose items are all in stock."""
    shipped = []
    for order in orders:
        if order.status == "paid":
            for item in order.items:
                if item.sku in inventory:
                    if inventory[item.sku] >= item.quantity:
                        if not item.backordered:
                            if order.address is not None:
                                inventory[item.sku] -= item.quantity
                                shipped.append(order.id)
    return shipped
'''

CREDENTIALS = '''import boto3
import psycopg2

AWS_ACCESS_KEY_ID = "AKIAZ7Q3X5RT2WBNV4HK"
AWS_SECRET_ACCESS_KEY = "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"
DB_PASSWORD = "Pr0d-Adm1n!2024x"


def connect():
    s3 = boto3.client("s3", aws_access_key_id=AWS_ACCESS_KEY_ID,
                      aws_secret_access_key=AWS_SECRET_ACCESS_KEY)
    db = psycopg2.connect(host="db.internal", user="admin", password=DB_PASSWORD)
    return s3, db
'''

SQL = '''import sqlite3


def find_user(connection: sqlite3.Connection, username: str):
    """Look up a user row by name."""
    cursor = connection.cursor()
    query = "SELECT id, email FROM users WHERE username = '%s'" % username
    cursor.execute(query)
    return cursor.fetchone()
'''

DEEP_MERGE = '''"""Recursively merge configuration dictionaries."""

from collections.abc import Mapping
from typing import Any


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Return a new dict: ``override`` wins, nested mappings are merged key by key.

    >>> deep_merge({"db": {"host": "a", "port": 1}}, {"db": {"port": 2}})
    {'db': {'host': 'a', 'port': 2}}
    """
    merged = dict(base)
    for key, value in override.items():
        current = merged.get(key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(current, value)
        else:
            merged[key] = value
    return merged
'''

BARE_EXCEPT = '''import json


def read_config(path):
    """Read a JSON configuration file."""
    try:
        with open(path) as handle:
            return json.load(handle)
    except:
        pass
    return {}
'''

HASHING = '''"""Password hashing with a per-user salt and a memory-hard key derivation function."""

import hashlib
import hmac
import os

SALT_BYTES = 16
SCRYPT_PARAMS = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> tuple[bytes, bytes]:
    """Return ``(salt, digest)`` for storage; never store the password itself."""
    salt = os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT_PARAMS)
    return salt, digest


def verify_password(password: str, salt: bytes, expected: bytes) -> bool:
    """Check ``password`` in constant time, so timing does not leak how much matched."""
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT_PARAMS)
    return hmac.compare_digest(digest, expected)
'''

UNCLEAR = '''def calc(d):
    t = 0
    for x in d:
        y = x[1] * x[2]
        z = y * 0.2
        t = t + y + z
    return t
'''

TIMEOUT = '''"""Bound the running time of a block of code (Unix, main thread only)."""

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def timeout(seconds: int) -> Iterator[None]:
    """Raise ``TimeoutError`` if the block runs longer than ``seconds``.

    The previous SIGALRM handler is restored on exit, so nested uses behave.
    """

    def on_alarm(signum, frame):
        raise TimeoutError(f"timed out after {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
'''

#: file -> [(source name, code)], in the card's order.
SAMPLES: dict[str, list[tuple[str, str]]] = {
    "python_positive.jsonl": [
        ("sample/fibonacci.py", FIBONACCI),
        ("sample/result.py", RESULT),
        ("sample/timing.py", TIMING),
        ("sample/file_walker.py", WALKER),
        ("sample/lru_cache.py", LRU),
    ],
    "python_negative.jsonl": [
        ("sample/calculator_eval.py", EVAL),
        ("sample/session_pickle_shell.py", PICKLE_SHELL),
        ("sample/excessive_params.py", PARAMS),
        ("sample/deep_nesting.py", NESTING),
        ("sample/hardcoded_credentials.py", CREDENTIALS),
        ("sample/sql_injection.py", SQL),
    ],
    "python_mixed.jsonl": [
        ("sample/deep_merge.py", DEEP_MERGE),
        ("sample/bare_except.py", BARE_EXCEPT),
        ("sample/password_hashing.py", HASHING),
        ("sample/unclear_names.py", UNCLEAR),
        ("sample/timeout.py", TIMEOUT),
    ],
}


def record_for(source: str, code: str) -> dict:
    """The record the pipeline makes of ``code``; a rejected secret becomes a negative record."""
    from tritter_data.core.stage import run_stages
    from tritter_data.stages.pipeline import PipelineConfig, build_stages

    result = run_stages(build_stages(PipelineConfig()), Sample(source=source, text=code, language="python"))
    if isinstance(result, Reject):
        if result.reason != "secret_detected":
            raise SystemExit(f"{source}: rejected as {result.reason} ({result.detail})")
        score, explanation = secret_explanation(scan_secrets(code))
        return {"text": code, "language": "python", "quality_score": score, "quality_label": "negative",
                "explanation": explanation, "source": source}
    return to_record(result)


def main(out_dir: Path = ROOT / "data" / "sample") -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, snippets in SAMPLES.items():
        lines = [json.dumps(record_for(source, code), ensure_ascii=False) for source, code in snippets]
        (out_dir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{out_dir / name}: {len(lines)} samples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
