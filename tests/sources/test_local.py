import os

from tritter_data.core.sample import Reject, Sample
from tritter_data.sources.local import walk_directory


def test_walk_is_in_sorted_relative_path_order(tmp_path):
    for name in ("a0.py", "a.py", "a/b.py", "a/a.py", "B.py", "a-b/c.py"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    sources = [item.source for item in walk_directory(tmp_path)]
    assert sources == sorted(sources) == ["B.py", "a-b/c.py", "a.py", "a/a.py", "a/b.py", "a0.py"]


def test_links_are_followed_but_never_in_a_loop(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text("x = 1\n")
    os.symlink(tmp_path / "pkg", tmp_path / "alias")  # a second way to a real directory
    os.symlink(tmp_path, tmp_path / "pkg" / "up")  # back to the root: a loop
    items = list(walk_directory(tmp_path))
    assert [(i.source, type(i).__name__) for i in items] == [
        ("alias/mod.py", "Sample"), ("alias/up", "Reject"), ("pkg/mod.py", "Sample"), ("pkg/up", "Reject")]
    assert all(i.reason == "symlink_loop" for i in items if isinstance(i, Reject))


def test_exclude_globs(tmp_path):
    for name in ("keep.py", "site-packages/x.py", "pkg/__pycache__/m.cpython-311.pyc", "vendor/lib.min.js"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    items = walk_directory(tmp_path, exclude=("site-packages", "__pycache__", "*.min.js"))
    assert [i.source for i in items if isinstance(i, Sample)] == ["keep.py"]
