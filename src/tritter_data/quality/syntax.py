"""Does the file parse under its language's current grammar?

A full parse of every file costs more than the rest of ``prepare`` (``ast`` parses the
standard library at ~4 MB/s, tree-sitter at ~7 MB/s), so two cheap scans run first and a
real parser only confirms what they flag: Python 2 constructs (``print "x"``,
``except E, e:``) and unbalanced brackets in the masked code (strings and comments
blanked). A file the parser accepts is cleared, so a look-alike costs one parse, never a
false finding::

    >>> check_syntax('print "hello"\\n', 'print ""\\n', "python")
    SyntaxProblem(kind='python2', line=1)
    >>> check_syntax('print("hello")\\n', 'print("")\\n', "python") is None
    True
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

# Python 2 only: print statements, `except E, e:`, `exec "..."`, `<>`, backquotes. Run on
# masked code (strings are ""); every alternative starts with a literal, so `re` skips
# ahead fast. A `print` match counts only at the start of a statement (checked in Python).
_PY2_PATTERNS = (
    re.compile(r"print[ \t]+(?!(?:if|for|in|and|or|is|not|else)\b)[\w\"\[{]|print[ \t]*>>"),
    re.compile(r"except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:"),
    re.compile(r"exec[ \t]+\"\""),
    re.compile(r"<>|`"),
)
_OPEN, _CLOSE = "([{", ")]}"
_TREE_SITTER = {"javascript": ("tree_sitter_javascript", "language"),
                "typescript": ("tree_sitter_typescript", "language_typescript"),
                "java": ("tree_sitter_java", "language"), "go": ("tree_sitter_go", "language"),
                "rust": ("tree_sitter_rust", "language"), "python": ("tree_sitter_python", "language")}
MAX_CONFIRM_BYTES = 400_000
#: Masking slips on a few valid files (nested f-string quotes); an imbalance in a larger file
#: is far more often such a slip than a truncated fragment, so it is not worth a parse.
MAX_CONFIRM_IMBALANCE_BYTES = 20_000


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """``kind`` is ``python2`` or ``syntax``; ``line`` is where the trouble starts."""

    kind: str
    line: int


def bracket_imbalance(masked: str) -> int:
    """Line of the first unmatched or mismatched bracket in masked code, 0 if balanced.

    Counting first (in C) settles almost every file; only unbalanced ones are walked.
    """
    if all(masked.count(o) == masked.count(c) for o, c in zip(_OPEN, _CLOSE, strict=True)):
        return 0
    stack: list[tuple[str, int]] = []
    line = 1
    for match in re.finditer(r"[()\[\]{}\n]", masked):
        char = match.group()
        if char == "\n":
            line += 1
        elif char in _OPEN:
            stack.append((char, line))
        elif not stack or _OPEN.index(stack.pop()[0]) != _CLOSE.index(char):
            return line
    return stack[0][1] if stack else 1


def _python2_line(masked: str) -> int:
    """Line of the first Python 2 construct, 0 if none. One literal-prefixed pattern at a
    time: ``re`` scans those far faster than their alternation."""
    first = len(masked)
    for pattern in _PY2_PATTERNS:
        for match in pattern.finditer(masked, 0, first):
            start = masked.rfind("\n", 0, match.start()) + 1
            if match.group()[0] != "p" or not masked[start : match.start()].strip():
                first = match.start()
                break
    return masked.count("\n", 0, first) + 1 if first < len(masked) else 0


def _python_parses(text: str) -> tuple[bool, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except SyntaxError as error:
        return False, error.lineno or 1
    except (ValueError, RecursionError, MemoryError):
        return False, 1
    return True, 0


@cache
def _parser(language: str) -> Any:
    """A tree-sitter parser for ``language``, or None when its grammar is not installed."""
    spec = _TREE_SITTER.get(language)
    if spec is None:
        return None
    try:
        import importlib

        import tree_sitter
        grammar = getattr(importlib.import_module(spec[0]), spec[1])()
        return tree_sitter.Parser(tree_sitter.Language(grammar))
    except (ImportError, AttributeError, ValueError):
        return None


def _tree_sitter_error_line(text: str, language: str) -> int | None:
    """First ERROR/MISSING node's line, 0 if the tree is clean, None if no grammar."""
    parser = _parser(language)
    if parser is None:
        return None
    root = parser.parse(text.encode("utf-8", "replace")).root_node
    if not root.has_error:
        return 0
    node = root
    while True:  # descend to the first child that holds the error
        child = next((c for c in node.children if c.has_error or c.is_missing or c.type == "ERROR"), None)
        if child is None or node.type == "ERROR" or node.is_missing:
            return node.start_point[0] + 1
        node = child


def check_syntax(text: str, masked: str, language: str) -> SyntaxProblem | None:
    """The file's first syntax problem, or None when it parses (or cannot be checked)."""
    if language == "python":
        py2 = _python2_line(masked)
        unbalanced = bracket_imbalance(masked) if len(text) <= MAX_CONFIRM_IMBALANCE_BYTES else 0
        if not (py2 or unbalanced) or len(text) > MAX_CONFIRM_BYTES:
            return None
        parses, line = _python_parses(text)
        if parses:
            return None
        return SyntaxProblem("python2" if py2 else "syntax", py2 or line)
    if language not in _TREE_SITTER:
        return None
    unbalanced = bracket_imbalance(masked) if len(text) <= MAX_CONFIRM_IMBALANCE_BYTES else 0
    if not unbalanced:
        return None
    confirmed = _tree_sitter_error_line(text, language)
    if confirmed == 0:
        return None
    return SyntaxProblem("syntax", confirmed or unbalanced)
