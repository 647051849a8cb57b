"""The page built from a real ``prepare --report`` run: every section, numbers equal to the manifest."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tritter_data import cli
from tritter_data.report import build_report
from tritter_data.report.html import num, pct, size

from .conftest import FAKE_KEY, read_page

SECTIONS = ["funnel", "scores", "distributions", "findings", "near-dup", "decontamination", "mix", "curate", "run"]


def test_prepare_report_writes_every_section(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = prepared
    page = read_page((out / "report.html").read_text())
    assert list(page.sections) == SECTIONS
    assert [page.sections[s] for s in SECTIONS[:4]] == ["present"] * 4
    assert [page.sections[s] for s in SECTIONS[4:8]] == ["not-run"] * 4
    assert page.sections["run"] == "present"
    # The planted rejects, one each, and the accounting that adds up.
    assert manifest["rejected"] == {"auto_generated": 1, "empty_file": 1, "exact_duplicate": 1,
                                    "secret_detected": 1, "too_few_lines": 1, "unknown_language": 1}
    assert manifest["input_files"] == 17
    assert manifest["kept"] == 11


def test_funnel_numbers_match_the_manifest(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = prepared
    page = read_page((out / "report.html").read_text())
    total = manifest["input_files"]
    assert page.rows[("funnel", "input_files")][1:] == [num(total), "100.0%", size(manifest["bytes_in"])]
    assert page.rows[("funnel", "positive")][1:] == [
        num(manifest["positive"]), pct(manifest["positive"], total), size(manifest["positive_bytes"])]
    assert page.rows[("funnel", "negative")][1:] == [
        num(manifest["negative"]), pct(manifest["negative"], total), size(manifest["negative_bytes"])]
    for reason, count in manifest["rejected"].items():
        row = page.rows[("funnel", f"rejected:{reason}")]
        assert row == [f"rejected: {reason}", num(count), pct(count, total), size(manifest["rejected_bytes"][reason])]
    assert page.rows[("funnel", "rejected:empty_file")][3] == "0 B"
    assert manifest["positive_bytes"] + manifest["negative_bytes"] + sum(manifest["rejected_bytes"].values()) \
        == manifest["bytes_in"]
    for language, stats in manifest["per_language"].items():
        row = page.rows[("languages", language)]
        assert row[:6] == [language, num(stats["files"]), size(stats["bytes"]), num(stats.get("positive", 0)),
                           num(stats.get("negative", 0)), num(stats.get("rejected", 0))]
    assert page.rows[("languages", "unknown")][1] == "1"  # blob.bin, rejected before detection
    # The header's big numbers.
    assert page.stats["input_files"] == num(total)
    assert page.stats["kept"] == num(manifest["kept"])
    assert page.stats["rejected"] == num(manifest["rejected_total"])
    assert page.stats["throughput"] == str(manifest["mb_per_second"])


def test_reject_examples_are_listed(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, _ = prepared
    page = read_page((out / "report.html").read_text())
    assert page.rows[("reject-examples", "exact_duplicate")][1:] == [
        "lib/textwrap_copy.py", "same content as lib/textwrap.py"]
    assert page.rows[("reject-examples", "too_few_lines")][1:] == ["tiny.py", "1 lines < 5"]
    assert ("reject-examples", "secret_detected") not in page.rows


def test_score_histogram_and_threshold(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = prepared
    text = (out / "report.html").read_text()
    page = read_page(text)
    counts = manifest["score_histogram"]["counts"]
    bins = [cells for (table, _), cells in page.rows.items() if table == "score-bins"]
    assert [cells[1] for cells in bins] == [num(c) for c in counts]
    assert bins[0][0] == "0.00–0.05" and bins[-1][0] == "0.95–1.00"
    assert sum(counts) == manifest["kept"]
    chart = re.search(r'<svg[^>]*id="chart-scores".*?</svg>', text, re.S)
    assert chart is not None and "--min-quality 0.5" in chart.group(0)


def test_size_and_line_distributions(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = prepared
    text = (out / "report.html").read_text()
    assert sum(manifest["size_histogram"]["all"]) == manifest["input_files"]
    assert sum(manifest["size_histogram"]["kept"]) == manifest["kept"]
    assert sum(manifest["line_histogram"]["kept"]) == manifest["kept"]
    assert manifest["size_histogram"]["all"][0] == 1  # the empty file
    for ident in ("chart-sizes", "chart-lines"):
        assert f'id="{ident}"' in text
    sizes = re.search(r'id="chart-sizes".*?</svg>', text, re.S).group(0)  # type: ignore[union-attr]
    assert "all inputs" in sizes and "KiB" in sizes


def test_findings_examples_and_secrets(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = prepared
    text = (out / "report.html").read_text()
    page = read_page(text)
    assert manifest["findings_by_category"]["security:code_injection"] == 1
    assert manifest["findings_by_language"]["python"]["security:code_injection"] == 1
    for rule, count in list(manifest["findings_by_rule"].items())[:20]:
        assert page.rows[("rules", rule)] == [rule, num(count)]
    python = page.rows[("findings-languages", "python")]
    assert python[-1] == num(sum(manifest["findings_by_language"]["python"].values()))
    assert "1 security findings in kept files" in page.text
    # The security explanation comes first among the examples, exactly as the shard holds it.
    first = re.search(r'<div class="example security">.*?<pre>(.*?)</pre>', text, re.S)
    assert first is not None
    assert first.group(1) == ("This code has security issues:\n- eval() allows arbitrary code execution "
                              "(CWE-95, line 17).\nFix: Use ast.literal_eval() for safe evaluation.")
    assert "calc.py" in text
    # The secret: path, rule id and line only; the key itself nowhere on the page.
    secrets = {row: cells for (table, row), cells in page.rows.items() if table == "secrets"}
    assert secrets == {"settings.py": ["settings.py", "TEST-AWS-KEY", "3"]}
    assert FAKE_KEY not in text
    assert FAKE_KEY[4:] not in text


def test_page_is_self_contained_and_deterministic(prepared: tuple[Path, dict[str, Any]]) -> None:
    out, _ = prepared
    text = (out / "report.html").read_text()
    assert "<script" not in text and "<link" not in text and "@import" not in text
    assert not re.search(r'\ssrc="', text)
    assert set(re.findall(r"https?://[^\s\"')]+", text)) <= {"http://www.w3.org/2000/svg",
                                                            "http://www.w3.org/1999/xlink"}
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', text))
    ids = re.findall(r'\sid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), "duplicate ids across the inline charts"
    assert re.findall(r'<svg[^>]*\sid="(chart-[a-z-]+)"', text) == [
        "chart-funnel", "chart-languages", "chart-scores", "chart-sizes", "chart-lines", "chart-categories"]
    assert build_report(out) == text


def test_report_command_output_option(prepared: tuple[Path, dict[str, Any]], tmp_path: Path,
                                      capsys: Any) -> None:
    out, _ = prepared
    target = tmp_path / "nested" / "page.html"
    assert cli.main(["report", str(out), "--output", str(target), "--examples", "0"]) == 0
    assert capsys.readouterr().out.strip() == f"report: {target}"
    text = target.read_text()
    assert 'class="example' not in text
    assert read_page(text).sections["funnel"] == "present"
