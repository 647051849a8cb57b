"""Finding and classifying manifests, and the one-line errors for bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tritter_data import cli
from tritter_data.report.load import kind_of, load_manifests

from .conftest import read_page


def test_kind_of_by_command_then_keys() -> None:
    assert kind_of({"command": "prepare"}) == "prepare"
    assert kind_of({"command": "decontamination"}) == "decontaminate"
    assert kind_of({"hits_per_benchmark": {}}) == "decontaminate"
    assert kind_of({"cluster_size_histogram": {}}) == "dedup"
    assert kind_of({"per_language": {}, "input_files": 1}) == "prepare"
    assert kind_of({"rows_read": 5}) == "curate"
    assert kind_of({"name": "something else"}) is None


def test_nested_post_step_in_prepare_manifest(tmp_path: Path) -> None:
    nested = {"command": "prepare", "input_files": 0, "near_dedup": {"input_count": 4, "kept": 3}}
    (tmp_path / "manifest.json").write_text(json.dumps(nested))
    run = load_manifests(tmp_path)
    assert sorted(run.found) == ["dedup", "prepare"]
    assert run.found["dedup"] == {"input_count": 4, "kept": 3}


def test_bad_manifest_is_one_line_naming_the_file(tmp_path: Path, capsys: Any) -> None:
    (tmp_path / "manifest.json").write_text('{"command": "prepare",\n  "kept": }\n')
    assert cli.main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{tmp_path / 'manifest.json'}: not valid JSON (line 2" in err


def test_missing_inputs_are_clear_errors(tmp_path: Path, capsys: Any) -> None:
    assert cli.main(["report", str(tmp_path / "nope")]) == 2
    assert "nope: no such directory" in capsys.readouterr().err
    assert cli.main(["report", str(tmp_path)]) == 2
    assert "no tritter-data manifest found" in capsys.readouterr().err
    assert cli.main(["report", str(tmp_path), "--manifest", str(tmp_path / "x.json")]) == 2
    assert f"--manifest {tmp_path / 'x.json'}: no such file" in capsys.readouterr().err
    (tmp_path / "list_manifest.json").write_text("[1, 2]")
    assert cli.main(["report", str(tmp_path)]) == 2
    assert "must be a JSON object, got list" in capsys.readouterr().err


def test_unrelated_manifest_is_listed_as_ignored(prepared: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    other = tmp_path / "npm_manifest.json"
    other.write_text(json.dumps({"name": "left-pad"}))
    out = tmp_path / "page.html"
    assert cli.main(["report", str(prepared[0]), "--manifest", str(other), "--output", str(out)]) == 0
    page = read_page(out.read_text())
    assert "not a tritter-data manifest" in page.text and str(other) in page.text
    assert page.sections["funnel"] == "present"


def test_missing_matplotlib_is_an_install_hint(prepared: tuple[Path, dict[str, Any]], tmp_path: Path,
                                               monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # what an install without [report] looks like
    assert cli.main(["report", str(prepared[0]), "--output", str(tmp_path / "r.html")]) == 2
    assert "pip install 'tritter-data[report]'" in capsys.readouterr().err
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.py").write_text("print('hello')\n" * 6)
    out = tmp_path / "out"
    assert cli.main(["prepare", "--input-dir", str(source), "--output-dir", str(out), "--report", "--quiet"]) == 2
    assert not (out / "manifest.json").exists()  # refused before the run, not after it
