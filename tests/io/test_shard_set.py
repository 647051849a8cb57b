"""A half-written output is never taken as finished; curate's files are inputs too.

Every case is a real ``prepare`` output (real code files) damaged the way a killed run, a
full disk or a second run leaves it; ``dedup``, ``decontaminate`` and ``mix`` must each stop
with one line naming the path and the problem, and exit 2.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import zstandard

from tritter_data.cli import main
from tritter_data.io.lock import OutputLock
from tritter_data.io.shards import existing_shards, iter_shard_records

HUMANEVAL = ["--benchmarks", "humaneval"]


@pytest.fixture
def prepared(code_tree: Path, tmp_path: Path) -> Path:
    out = tmp_path / "prepared"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--quiet",
                 "--shard-size", "4"]) == 0
    return out


def read_step(command: str, source: Path | str, out: Path) -> list[str]:
    extra = HUMANEVAL if command == "decontaminate" else []
    return [command, "--input-dir", str(source), "--output-dir", str(out), "--quiet", *extra]


def mix_args(tmp_path: Path, source: Path | str) -> list[str]:
    config = tmp_path / "mix.yaml"
    config.write_text(f'components:\n  - {{name: code, share: 100, inputs: ["{source}"]}}\n')
    return ["mix", "--config", str(config), "--output-dir", str(tmp_path / "mixed"), "--seed", "1"]


def run_all(tmp_path: Path, source: Path | str, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str]]:
    outcomes = []
    for args in (read_step("dedup", source, tmp_path / "d"), read_step("decontaminate", source, tmp_path / "c"),
                 mix_args(tmp_path, source)):
        code = main(args)
        outcomes.append((code, capsys.readouterr().err))
    return outcomes


def assert_refused(outcomes: list[tuple[int, str]], *fragments: str) -> None:
    for code, err in outcomes:
        assert code == 2, err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        for fragment in fragments:
            assert fragment in err, err


def test_a_finished_output_is_read(prepared: Path, tmp_path: Path, capsys) -> None:
    assert [code for code, _ in run_all(tmp_path, prepared, capsys)] == [0, 0, 0]


def test_shards_without_a_manifest_are_refused(prepared: Path, tmp_path: Path, capsys) -> None:
    (prepared / "manifest.json").unlink()  # what kill -9 of prepare leaves
    assert_refused(run_all(tmp_path, prepared, capsys), str(prepared), "incomplete output", "no manifest.json")


def test_a_cut_manifest_is_refused(prepared: Path, tmp_path: Path, capsys) -> None:
    manifest = prepared / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:4096])  # ENOSPC mid-manifest
    assert_refused(run_all(tmp_path, prepared, capsys), str(manifest), "unreadable manifest")


def test_shards_of_two_runs_are_refused(prepared: Path, tmp_path: Path, capsys) -> None:
    shutil.copy(prepared / "shard_00000.jsonl", prepared / "shard_00099.jsonl")
    assert_refused(run_all(tmp_path, prepared, capsys), str(prepared), "lists", "are present")


def test_a_torn_last_line_is_refused(prepared: Path, tmp_path: Path, capsys) -> None:
    last = existing_shards(prepared)[-1]
    data = last.read_bytes()
    last.write_bytes(data[: len(data) - 40])  # the disk filled mid-record
    lines = data[: len(data) - 40].count(b"\n") + 1
    assert_refused(run_all(tmp_path, prepared, capsys), f"{last}:{lines}", "torn last line")


@pytest.mark.parametrize(("damage", "problem"), [
    (lambda data: data[: len(data) // 2], "truncated zstd stream"),
    (lambda data: b"this is not zstd at all\n", "not a valid zstd file"),
])
def test_a_damaged_zstd_shard_is_refused(code_tree: Path, tmp_path: Path, capsys, damage, problem) -> None:
    out = tmp_path / "z"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--quiet",
                 "--compress", "zstd"]) == 0
    shard = out / "shard_00000.jsonl.zst"
    shard.write_bytes(damage(shard.read_bytes()))
    assert_refused(run_all(tmp_path, out, capsys), str(shard), problem)


def test_zstd_shards_carry_a_checksum_and_read_back(code_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "z"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--quiet",
                 "--compress", "zstd"]) == 0
    shard = out / "shard_00000.jsonl.zst"
    params = zstandard.get_frame_parameters(shard.read_bytes())
    assert params.has_checksum
    records = list(iter_shard_records(shard))
    assert records and all(isinstance(r, dict) for r in records)


def test_a_directory_being_written_is_refused_and_a_second_writer_fails(prepared: Path, tmp_path: Path,
                                                                        capsys) -> None:
    other = tmp_path / "other"
    shutil.copytree(prepared, other)
    with OutputLock(prepared):  # a live run holds it
        assert_refused(run_all(tmp_path, prepared, capsys), str(prepared), "still being written")
        code = main([*read_step("dedup", other, prepared), "--overwrite"])
        err = capsys.readouterr().err
        assert code == 2 and f"--output-dir {prepared}: locked by another run (pid" in err
        code = main(["prepare", "--input-dir", str(prepared.parent / "code"), "--output-dir", str(prepared),
                     "--quiet", "--overwrite"])
        err = capsys.readouterr().err
        assert code == 2 and f"--output-dir {prepared}: locked by another run (pid" in err
    assert existing_shards(prepared)  # the first run's shards were not cleared


def curated_output(prepared: Path, root: Path, with_manifest: bool = True) -> Path:
    """The card's curate layout, made from real records: {language}_curated.jsonl + its manifest."""
    root.mkdir()
    by_language: dict[str, list[bytes]] = {}
    for shard in existing_shards(prepared):
        for line in shard.read_bytes().splitlines(keepends=True):
            by_language.setdefault(json.loads(line)["language"], []).append(line)
    for language, lines in by_language.items():
        (root / f"{language}_curated.jsonl").write_bytes(b"".join(lines))
        if with_manifest:
            (root / f"{language}_manifest.json").write_text(json.dumps({"command": "curate"}))
    return root


@pytest.mark.parametrize("form", ["directory", "file", "glob"])
def test_curated_files_are_inputs(prepared: Path, tmp_path: Path, capsys, form: str) -> None:
    root = curated_output(prepared, tmp_path / "curated")
    source = {"directory": root, "file": root / "python_curated.jsonl", "glob": root / "*_curated.jsonl"}[form]
    outcomes = run_all(tmp_path, source, capsys)
    assert [code for code, _ in outcomes] == [0, 0, 0], outcomes
    kept = [r for p in existing_shards(tmp_path / "c") for r in iter_shard_records(p)]
    wanted = sum(1 for p in ([source] if form == "file" else root.glob("*_curated.jsonl"))
                 for _ in p.read_bytes().splitlines())
    assert len(kept) == wanted
    manifest = json.loads((tmp_path / "d" / "manifest.json").read_text())
    assert manifest["input_records"] == wanted and manifest["bad_lines"] == 0


def test_an_unfinished_curated_file_is_refused(prepared: Path, tmp_path: Path, capsys) -> None:
    root = curated_output(prepared, tmp_path / "curated", with_manifest=False)
    assert_refused(run_all(tmp_path, root, capsys), "_curated.jsonl: incomplete curate output")


def test_a_run_killed_during_its_post_steps_is_not_finished(code_tree: Path, tmp_path: Path, capsys,
                                                            monkeypatch) -> None:
    """The defect: killed during --near-dedup, a complete-looking manifest sat over un-deduplicated shards."""
    import tritter_data.steps.corpus as corpus

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "near_dedup", killed)
    out = tmp_path / "out"
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(out), "--quiet", "--near-dedup"]) == 130
    capsys.readouterr()
    assert existing_shards(out) and not (out / "manifest.json").exists()
    assert_refused(run_all(tmp_path, out, capsys), "incomplete output")
