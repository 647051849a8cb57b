"""Shared fixtures: a realistic code tree, and one with every kind of bad file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CODE = FIXTURES / "code"


@pytest.fixture
def code_tree(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/code: real files in 15 languages, plus known rejects."""
    root = tmp_path / "code"
    shutil.copytree(CODE, root, symlinks=True)
    return root


@pytest.fixture
def messy_tree(code_tree: Path) -> Path:
    """The code tree plus one file for each per-file failure a run must survive."""
    bad = code_tree / "bad"
    bad.mkdir()
    (bad / "empty.py").write_bytes(b"")
    (bad / "blob.py").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    (bad / "latin1.py").write_bytes("# caf\xe9\nname = 'caf\xe9'\nprint(name)\nprint(name)\nprint(name)\n".encode("latin-1"))
    with open(bad / "huge.py", "wb") as handle:  # 50 MB, sparse: costs no disk
        handle.truncate(50 * 1024 * 1024)
    (bad / "notes.txt").write_text("just prose\n" * 10)
    os.symlink("..", bad / "loop")  # a directory link to an ancestor
    os.symlink("self.py", bad / "self.py")  # a link to itself: ELOOP
    os.symlink("missing.py", bad / "dangling.py")
    return code_tree
