"""The analyser's judgement is pinned: recomputed signal vectors of the shipped calibration
files equal the shipped ones (``data/quality/signals.jsonl``, rounded to 5 decimals), and
the fast paths find exactly what the reference patterns they replace find."""

import json
import re
from pathlib import Path

import pytest

from tritter_data.quality import text_signals as ts
from tritter_data.quality.brace_scan import short_declarations
from tritter_data.quality.lexical import mask_code
from tritter_data.quality.signals import compute_signals

DATA = Path(__file__).parents[2] / "data" / "quality"


def shipped_rows() -> list[dict]:
    rows = [json.loads(line) for line in (DATA / "signals.jsonl").read_text().splitlines()]
    return [row for row in rows if row.get("file") and (DATA / row["file"]).is_file()]


def test_recomputed_signals_equal_the_shipped_vectors():
    rows = shipped_rows()
    assert len(rows) > 500
    differ = []
    for row in rows:
        text = (DATA / row["file"]).read_text(encoding="utf-8", errors="replace")
        values = compute_signals(text, row["language"], row["path"]).values
        wrong = {name: (shipped, values[name]) for name, shipped in row["signals"].items()
                 if abs(values[name] - shipped) > 1e-5}
        if wrong:
            differ.append((row["id"], wrong))
    assert differ == []


def sample_files() -> list[tuple[str, str]]:
    """Every 4th shipped file: each language, a few MB of real code."""
    return [((DATA / row["file"]).read_text(encoding="utf-8", errors="replace"), row["language"])
            for row in shipped_rows()[::4]]


JS_DECL = re.compile(r"(?<![\w$.])(var|let|const)[ \t]")
LOOSE_EQ = re.compile(r"[^=!<>]==[^=]|!=[^=]")
SHORT_DECLARATION = re.compile(r"\b([A-Za-z_]\w*+)[ \t]*+:=")


def reference_dead_code(masked: str, language: str) -> tuple[int, int]:
    pattern = ts._PY_EXIT if language == "python" else ts._BRACE_EXIT
    text = "\n" + masked
    hits = [text.count("\n", 0, m.end()) for m in pattern.finditer(text)
            if language == "python" or ts._block_statement(text, m.start())]
    return len(hits), (hits[0] if hits else 0)


def reference_commented_code(original: str) -> tuple[int, int]:
    text = "\n" + original + "\n"
    newlines = [text.rfind("\n", 0, m.start()) for m in ts._COMMENTED_CODE.finditer(text)]
    lines = [n for n, m in zip(newlines, ts._COMMENTED_CODE.finditer(text), strict=True)
             if not text[n + 1 : m.start()].strip(" \t")]
    return len(lines), (text.count("\n", 0, lines[0]) + 1 if lines else 0)


def check_fast_paths(text: str, language: str) -> None:
    masked = mask_code(text, language)[0]
    for subject in (masked, text):
        assert ts.js_declarations(subject) == JS_DECL.findall(subject)
        assert ts.loose_equalities(subject) == len(LOOSE_EQ.findall(subject))
        assert short_declarations(subject) == [(m.group(1), m.start(1)) for m in SHORT_DECLARATION.finditer(subject)]
    for dialect in ("python", "go"):
        assert ts.dead_code(masked, dialect) == reference_dead_code(masked, dialect)
    assert ts.commented_code(text) == reference_commented_code(text)


def test_fast_paths_match_the_reference_patterns_on_real_files():
    for text, language in sample_files():
        check_fast_paths(text, language)


@pytest.mark.parametrize("edge", ["", "var x", "const", "a==b==c", "x !== y != z", "é_x := 1", "9a := 2",
                                  "\n    return\n    y\n", "  # x = f(y) // z = 1\n", "// print(x)\n#y = 2\n"])
def test_fast_paths_match_the_reference_patterns_on_edges(edge):
    check_fast_paths(edge, "go")
    check_fast_paths(edge, "python")
