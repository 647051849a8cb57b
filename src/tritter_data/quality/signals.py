"""The signal vector the quality model reads: what a reviewer looks at, measured cheaply.

Signals measure quality, not only its absence: whether the file parses under its
language's current grammar, logic vs data, copy-paste, dead code, documentation that
explains, names judged in context (loop and math variables, test names), function size
without docstrings, error handling judged by what the handler does, structure, idiom.
Every value is a float; ``evidence`` keeps the line a reason can point at::

    >>> s = compute_signals('def area(width, height):\\n    return width * height\\n', "python")
    >>> s.values["syntax_error"], s.values["python2"], s.values["unclear_name_share"]
    (0.0, 0.0, 0.0)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from tritter_data.quality import text_signals as ts
from tritter_data.quality.brace_scan import brace_scan
from tritter_data.quality.lexical import mask_with_comment_words
from tritter_data.quality.python_scan import python_scan
from tritter_data.quality.rules import MEANINGLESS, NUMBERED, is_unclear_name
from tritter_data.quality.structure import FileStructure
from tritter_data.quality.syntax import check_syntax
from tritter_data.stages.thresholds import count_long_lines

LANGUAGES = ("python", "javascript", "typescript", "java", "go", "rust")
FEATURES = (
    *(f"lang_{name}" for name in LANGUAGES),
    "log_code_lines", "fragment", "syntax_error", "python2",
    "literal_share", "const_print_share", "print_share", "reads_input", "script_share",
    "dup_share", "dead_code", "commented_code_share",
    "module_doc", "fn_doc_share", "doc_words_per_line", "comment_ratio",
    "unclear_name_share", "numbered_name_share",
    "log_max_fn_lines", "long_fn_share", "max_params", "max_nesting", "functions_per_100",
    "poor_handlers", "unwrap_rate", "type_hint_share", "js_var_share", "loose_eq_rate",
    "long_line_share", "todo_rate", "is_test",
)
LONG_FUNCTION = 60  # code lines, docstring and blank lines left out
MIN_DOC_LINES = 5  # shorter functions need no docstring

_FOR_VARS = re.compile(r"for\b[ \t(]*(?:(?:let|var|const|int|long|auto|mut|final)[ \t]+)?([A-Za-z_]\w*)"
                       r"(?:[ \t]*,[ \t]*([A-Za-z_]\w*))?")
_TEST_PATH = re.compile(r"(?i)(^|/)(tests?|__tests__|spec|testing)/|(^|/)test_[^/]*$|_test\.(go|py|rs)$|"
                        r"\.(test|spec)\.[jt]sx?$|Tests?\.java$")
_TEST_MARKS = {"python": ("def test", "unittest", "pytest"), "java": ("@Test",), "go": ("func Test",),
               "rust": ("#[test]",), "javascript": ("describe(", "it(", "test("),
               "typescript": ("describe(", "it(", "test(")}
_TOP_SCRIPT = re.compile(r"\n(?:if|for|while|try|with|print|input)\b|\n[A-Za-z_$][\w.$]*\(")
_PRINT_STACK = re.compile(r"catch[ \t]*\([^)]*\)[ \t]*\{\s*\w+\.printStackTrace\(\);\s*\}")
_JS_DECL = re.compile(r"(?<![\w$.])(var|let|const)[ \t]")
_LOOSE_EQ = re.compile(r"[^=!<>]==[^=]|!=[^=]")
_TODO = re.compile(r"(?:TODO|FIXME|XXX|HACK)(?!\w)")


@dataclass(slots=True)
class Signals:
    """Feature values by name, and the line each problem was first seen on."""

    values: dict[str, float]
    evidence: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [self.values[name] for name in FEATURES]


def is_test_file(text: str, language: str, path: str | None, structure: FileStructure) -> bool:
    """A test file by its path, or by most of its functions being tests."""
    if path and _TEST_PATH.search(path):
        return True
    marks = _TEST_MARKS.get(language, ())
    if not any(mark in text for mark in marks):
        return False
    tests = sum(1 for f in structure.functions if f.name.lower().startswith("test"))
    if language in ("javascript", "typescript"):
        return text.count("it(") + text.count("test(") >= 2
    return tests >= max(1, len(structure.functions) // 2) or (language == "rust" and text.count("#[test]") >= 3
                                                                 and text.count("#[test]") * 2 >= len(structure.functions))


def compute_signals(text: str, language: str, path: str | None = None) -> Signals:
    """Measure ``text`` (in ``language``); ``path`` helps recognise test files."""
    masked, comments, doc_words = mask_with_comment_words(text, language)
    structure = python_scan(masked, text) if language == "python" else brace_scan(masked, text, language)
    values = dict.fromkeys(FEATURES, 0.0)
    evidence: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    if language in LANGUAGES:
        values[f"lang_{language}"] = 1.0
    total_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    code = max(1, sum(1 for line in masked.split("\n") if line.strip()))
    values["log_code_lines"] = math.log1p(code)
    values["fragment"] = float(code < 8)
    is_test = is_test_file(text, language, path, structure)
    values["is_test"] = float(is_test)

    problem = check_syntax(text, masked, language)
    if problem is not None:
        values["python2" if problem.kind == "python2" else "syntax_error"] = 1.0
        evidence["python2" if problem.kind == "python2" else "syntax_error"] = problem.line

    count, first = ts.literal_lines(masked)
    values["literal_share"] = min(1.0, count / code)
    evidence["literal_share"] = first
    prints, constant, first = ts.constant_prints(masked, language)
    values["print_share"] = min(1.0, prints / code)
    values["const_print_share"] = min(1.0, constant / code)
    evidence["const_print_share"] = first
    values["reads_input"] = float(ts.reads_input(masked))
    count, first = ts.duplicate_lines(text)
    values["dup_share"] = min(1.0, count / code)
    evidence["dup_share"] = first
    count, first = ts.dead_code(masked, language)
    values["dead_code"] = float(min(count, 5))
    evidence["dead_code"] = first
    count, first = ts.commented_code(text) if ("#" in text or "//" in text) else (0, 0)
    values["commented_code_share"] = min(1.0, count / code)
    evidence["commented_code_share"] = first

    _structure_signals(values, evidence, examples, structure, masked, text, language, code, is_test)
    values["doc_words_per_line"] = min(3.0, doc_words / code)
    values["comment_ratio"] = min(1.0, comments / code)
    values["long_line_share"] = count_long_lines(text, 120) / max(1, total_lines)
    has_marker = "TODO" in text or "FIXME" in text or "XXX" in text or "HACK" in text
    todos = len(_TODO.findall(text)) if has_marker else 0
    values["todo_rate"] = min(5.0, 100 * todos / code)
    if language in ("javascript", "typescript"):
        declarations = _JS_DECL.findall(masked)
        values["js_var_share"] = declarations.count("var") / len(declarations) if declarations else 0.0
        values["loose_eq_rate"] = min(1.0, 10 * len(_LOOSE_EQ.findall(masked)) / code)
    if language == "rust" and not is_test:
        values["unwrap_rate"] = min(1.0, 10 * masked.count(".unwrap()") / code)
    return Signals(values, evidence, examples)


def _structure_signals(values: dict[str, float], evidence: dict[str, int], examples: dict[str, list[str]],
                       structure: FileStructure, masked: str, text: str, language: str, code: int,
                       is_test: bool) -> None:
    """Functions, docs, names, handlers and structure, from the scanner's ``FileStructure``."""
    functions = structure.functions
    values["functions_per_100"] = min(20.0, 100 * len(functions) / code)
    if language == "python":
        values["module_doc"] = float(structure.module_documented)
        defs = max(1, len(functions))
        values["type_hint_share"] = min(1.0, masked.count(") ->") / defs) if functions else 0.0
    else:
        values["module_doc"] = float("/**" in text or "///" in text or "//!" in text or "// Package " in text)
    eligible = [f for f in functions if f.length >= MIN_DOC_LINES]
    if eligible:
        missing_docs = [f for f in eligible if not (f.documented or is_test or f.name.lower().startswith("test"))]
        values["fn_doc_share"] = 1 - len(missing_docs) / len(eligible)
        missing = missing_docs[0] if missing_docs else None
        evidence["fn_doc_share"] = missing.line if missing else 0
    else:
        values["fn_doc_share"] = 0.5
    if functions:
        worst = max(functions, key=lambda f: f.length)
        values["max_params"] = float(min(10, max(len(f.params) for f in functions)))
        deepest = max(functions, key=lambda f: f.max_nesting)
        values["max_nesting"] = float(min(8, deepest.max_nesting))
        evidence["max_nesting"], evidence["max_params"] = deepest.nesting_line, worst.line
        lines = masked.split("\n") if worst.length > LONG_FUNCTION else []
        sizes = {id(f): _code_lines(lines, f.line, f.length) for f in functions if f.length > LONG_FUNCTION}
        longest = max(sizes.values(), default=worst.length)
        values["log_max_fn_lines"] = math.log1p(longest)
        values["long_fn_share"] = sum(1 for v in sizes.values() if v > LONG_FUNCTION) / len(functions)
        evidence["log_max_fn_lines"] = evidence["long_fn_share"] = worst.line
        examples["log_max_fn_lines"] = [worst.name, str(longest)]
    _name_signals(values, evidence, examples, structure, masked, language, code)
    poor = len(structure.broad_swallowed) + sum(1 for _, swallowed in structure.bare_handlers if not swallowed)
    lines_at = [line for line, _ in structure.bare_handlers] + structure.broad_swallowed
    if language != "python":
        poor += len(structure.swallowed_handlers) + len(_PRINT_STACK.findall(masked))
        lines_at += structure.swallowed_handlers
    values["poor_handlers"] = min(5.0, 100 * poor / code)
    evidence["poor_handlers"] = min(lines_at, default=0)
    if language in ("python", "javascript", "typescript"):
        script = len(_TOP_SCRIPT.findall("\n" + masked))
    else:
        main = next((f for f in functions if f.name == "main"), None)
        script = main.length if main is not None and len(functions) <= 2 else 0
    values["script_share"] = min(1.0, script / code)


def _code_lines(lines: list[str], start: int, length: int) -> int:
    """Non-blank lines of a function in masked code: docstrings and comments left out."""
    return sum(1 for line in lines[start - 1 : start - 1 + length] if line.strip() and line.strip() != '""')


def _name_signals(values: dict[str, float], evidence: dict[str, int], examples: dict[str, list[str]],
                  structure: FileStructure, masked: str, language: str, code: int) -> None:
    """Unclear and numbered names, judged in context: loop variables are fine, single
    letters are fine in math-heavy code and in Go (its convention), test names are fine."""
    loop_vars = {name for match in _FOR_VARS.finditer(masked) for name in match.groups() if name}
    operators = sum(masked.count(op) for op in "*/^%") + masked.count("math.") + masked.count("np.")
    math_heavy = operators > 0.3 * code
    seen: dict[str, int] = {}
    for line, name in structure.defined_names:
        if name not in seen or (line and not seen[name]):
            seen[name] = line
    if not seen:
        return
    unclear = []
    numbered = []
    for name, line in seen.items():
        if name in loop_vars:
            continue
        if len(name) == 1:
            if not math_heavy and language != "go" and is_unclear_name(name):
                unclear.append((line, name))
        elif name.lower() in MEANINGLESS:
            unclear.append((line, name))
        elif NUMBERED.match(name):
            numbered.append((line, name))
    values["unclear_name_share"] = len(unclear) / len(seen)
    values["numbered_name_share"] = len(numbered) / len(seen)
    if unclear:
        unclear.sort()
        evidence["unclear_name_share"] = unclear[0][0]
        examples["unclear_name_share"] = [name for _, name in unclear[:5]]
    if numbered:
        numbered.sort()
        evidence["numbered_name_share"] = numbered[0][0]
        examples["numbered_name_share"] = [name for _, name in numbered[:5]]
