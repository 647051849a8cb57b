import sys

from tritter_data.cli import main


def test_no_progress_bar_when_stderr_is_not_a_terminal(code_tree, tmp_path, capsys):
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(tmp_path / "o")]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("files in:  22")


def test_progress_bar_on_a_terminal_shows_files_and_throughput(code_tree, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["prepare", "--input-dir", str(code_tree), "--output-dir", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "prepare: " in err and "22file" in err.replace(" ", "")
    assert "MB/s" in err


def test_quiet_silences_bar_and_summary(code_tree, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["prepare", "--quiet", "--input-dir", str(code_tree), "--output-dir", str(tmp_path / "o")]) == 0
    assert capsys.readouterr() == ("", "")
