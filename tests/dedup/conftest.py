"""Put ``dedup_helpers`` on the path (tests run with --import-mode=importlib) and share fixtures."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from dedup_helpers import fixture_text, record


@pytest.fixture
def stdlib_records() -> list[dict[str, Any]]:
    names = ["json/decoder.py", "json/encoder.py", "json/scanner.py", "json/tool.py", "textwrap.py",
             "colorsys.py", "bisect.py", "shlex.py", "fnmatch.py", "heapq.py"]
    return [record(name, fixture_text(name)) for name in names]
