"""Disk space is checked before ``prepare`` and ``curate`` start: one line with both figures.

Free space is what ``shutil.disk_usage`` reports; the tests replace it with a small disk
(filling a real one is neither fast nor safe on a shared machine).
"""

from __future__ import annotations

import json
import shutil
from collections import namedtuple
from pathlib import Path

import pytest

from tritter_data.cli import main
from tritter_data.runs import space

REPO = Path(__file__).parents[2]
Usage = namedtuple("Usage", "total used free")


def small_disk(monkeypatch: pytest.MonkeyPatch, free: int) -> list[Path]:
    asked: list[Path] = []

    def disk_usage(path):
        asked.append(Path(path))
        return Usage(10 * free, 9 * free, free)

    monkeypatch.setattr(space.shutil, "disk_usage", disk_usage)
    return asked


def test_prepare_refuses_when_the_output_cannot_fit(code_tree, tmp_path, monkeypatch, capsys):
    asked = small_disk(monkeypatch, free=4096)
    out = tmp_path / "out"
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    raw = sum(p.stat().st_size for p in code_tree.rglob("*") if p.is_file())
    needed = int(raw * 0.3) + space.MARGIN_BYTES  # 30 % of the input (the card's upper end) + a margin
    assert f"about {space.format_bytes(needed)}" in err[0]
    assert "4.1 KB is free" in err[0] and "--skip-space-check" in err[0]
    assert asked and asked[-1] == tmp_path  # measured where the output will go (its nearest parent)
    assert not list(out.glob("shard_*")) and not (out / "manifest.json").exists()


def test_skip_space_check_overrides(code_tree, tmp_path, monkeypatch):
    small_disk(monkeypatch, free=4096)
    out = tmp_path / "out"
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(out),
                 "--skip-space-check"]) == 0
    assert json.loads((out / "manifest.json").read_text())["kept"] == 19


def test_prepare_estimate_ignores_files_that_are_rejected_unread(code_tree, tmp_path, monkeypatch):
    with open(code_tree / "dump.sql.py", "wb") as handle:  # 1 GB sparse: too_large, never read
        handle.truncate(1 << 30)
    small_disk(monkeypatch, free=64 * 2**20)  # plenty for the real files, not for 300 MB
    out = tmp_path / "out"
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(out)]) == 0


def test_curate_refuses_when_the_output_cannot_fit(inline_parquet, tmp_path, monkeypatch, capsys):
    parquet = inline_parquet
    small_disk(monkeypatch, free=512 * 1024)
    out = tmp_path / "curated"
    argv = ["curate", "--quiet", "--language", "python", "--from-parquet", str(parquet),
            "--content-column", "content", "--output", str(out), "--max-samples", "5000"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    inline = sum(p.stat().st_size for p in parquet.rglob("*.parquet")) * space.PARQUET_EXPANSION * 0.3
    assert len(err) == 1 and f"(python {space.format_bytes(int(inline))}" in err[0]  # less than 5000 x 8 KB
    assert "524.3 KB is free" in err[0]
    assert not (out / "python_curated.jsonl").exists()
    assert main([*argv, "--skip-space-check"]) == 0
    assert (out / "python_curated.jsonl").exists()


def test_curate_estimates():
    assert space.curate_estimate("python", card_dataset=True) == int(233e9 * 0.3)  # the card's table
    assert space.curate_estimate("rust", max_samples=1000, card_dataset=True) == 1000 * space.MEAN_RECORD_BYTES
    assert space.curate_estimate("go", card_dataset=True) is None  # not in the card's table: unknown
    assert space.curate_estimate("python") is None  # a mirror of metadata only: unknown


def test_free_space_is_measured_on_the_nearest_existing_parent(tmp_path):
    where, free = space.free_bytes(tmp_path / "not" / "yet" / "made")
    assert where == tmp_path and free == shutil.disk_usage(tmp_path).free
