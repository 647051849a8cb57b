"""A real ``prepare`` run over real code, shared by the report tests, and a small HTML reader.

The input is a handful of standard-library modules (some score negative) plus files planted
to be rejected for known reasons: an exact copy, a one-line file, an auto-generated file,
an empty file, a binary blob, and (with the planted analysers below) a file with a fake key.
"""

from __future__ import annotations

import json
import re
import shutil
import sysconfig
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tritter_data import cli
from tritter_data.core.findings import Finding
from tritter_data.quality.analyser import QualityAnalyser
from tritter_data.stages import pipeline

STDLIB = Path(sysconfig.get_paths()["stdlib"])
MODULES = ["textwrap.py", "shlex.py", "bisect.py", "colorsys.py", "heapq.py", "fnmatch.py",
           "json/decoder.py", "json/encoder.py", "ftplib.py", "calendar.py"]
#: A made-up key in the AWS access-key format; it must never appear in any report.
FAKE_KEY = "AKIA" + "Q7RZ3XW2PLM4NB6K"


class PlantedKeyScanner:
    """Stand-in secret scanner (the security package lands separately): AWS-style key ids."""

    name = "planted_keys"
    pattern = re.compile(r"AKIA[0-9A-Z]{16}")

    def analyse(self, text: str, language: str) -> list[Finding]:
        return [Finding("TEST-AWS-KEY", "secret", "hardcoded_credentials", text.count("\n", 0, m.start()) + 1,
                        "AWS access key id in source", "Load it from the environment.", "critical")
                for m in self.pattern.finditer(text)]


class PlantedEvalScanner:
    """Stand-in insecure-code rule: ``eval(`` on a line, reported as a security finding."""

    name = "planted_eval"

    def analyse(self, text: str, language: str) -> list[Finding]:
        return [Finding("TEST-EVAL", "security", "code_injection", number,
                        "eval() allows arbitrary code execution", "Use ast.literal_eval() for safe evaluation.",
                        "high", "CWE-95")
                for number, line in enumerate(text.splitlines(), start=1) if "eval(" in line]


def make_corpus(root: Path) -> Path:
    source = root / "src"
    (source / "lib").mkdir(parents=True)
    for name in MODULES:
        shutil.copy(STDLIB / name, source / "lib" / name.replace("/", "_"))
    shutil.copy(STDLIB / "textwrap.py", source / "lib" / "textwrap_copy.py")  # exact_duplicate
    (source / "tiny.py").write_text("x = 1\n")  # too_few_lines
    colorsys = (STDLIB / "colorsys.py").read_text()
    (source / "gen_pb2.py").write_text("# This file is auto-generated. DO NOT EDIT.\n" + colorsys)
    (source / "empty.py").write_text("")  # empty_file
    (source / "blob.bin").write_bytes(bytes(range(256)) * 12)  # unknown_language
    config = "\n".join(f"SETTING_{i} = {i}  # tuning value number {i}" for i in range(12))
    (source / "settings.py").write_text(f'"""Deployment settings."""\n\nAWS_KEY_ID = "{FAKE_KEY}"\n{config}\n')
    body = "\n".join(f"    total += {i}  # accumulate step {i}" for i in range(10))
    (source / "calc.py").write_text(
        '"""A calculator that trusts its input."""\n\n\ndef calculate(expression: str) -> float:\n'
        '    """Evaluate an arithmetic expression typed by the user."""\n    total = 0\n'
        f"{body}\n    return eval(expression) + total\n")
    return source


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """(output dir, manifest) of ``prepare --report`` over the corpus, with the planted analysers."""
    root = tmp_path_factory.mktemp("run")
    source = make_corpus(root)
    out = root / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "default_analysers",
                      lambda: [PlantedKeyScanner(), PlantedEvalScanner(), QualityAnalyser()])
        code = cli.main(["prepare", "--input-dir", str(source), "--output-dir", str(out), "--quiet",
                         "--shard-size", "5", "--report"])
    assert code == 0
    return out, json.loads((out / "manifest.json").read_text())


@dataclass
class Page:
    """What the tests read from a report: sections, table rows by ``data-row``, big numbers."""

    sections: dict[str, str] = field(default_factory=dict)  # id -> status, in page order
    rows: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (table class, row id) -> cells
    stats: dict[str, str] = field(default_factory=dict)  # data-stat -> value text
    text: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self.table: list[str] = []
        self.row: str | None = None
        self.cells: list[str] = []
        self.cell: list[str] | None = None
        self.stat: str | None = None
        self.in_value = False
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section":
            self.page.sections[a.get("id") or ""] = a.get("data-status") or ""
        elif tag == "table":
            self.table.append(a.get("class") or "")
        elif tag == "tr":
            self.row, self.cells = a.get("data-row"), []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "div" and a.get("data-stat"):
            self.stat = a["data-stat"]
        elif tag == "div" and a.get("class") == "value" and self.stat:
            self.in_value, self.cell = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.table:
            self.table.pop()
        elif tag in ("td", "th") and self.cell is not None:
            self.cells.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None and self.table:
            self.page.rows[(self.table[-1], self.row)] = self.cells
            self.row = None
        elif tag == "div" and self.in_value and self.stat and self.cell is not None:
            self.page.stats[self.stat] = "".join(self.cell).strip()
            self.in_value, self.stat, self.cell = False, None, None

    def handle_data(self, data: str) -> None:
        self.words.append(data)
        if self.cell is not None:
            self.cell.append(data)


def read_page(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.page.text = " ".join(reader.words)
    return reader.page
