"""Blank out string literals and comments so structure can be read from what is left.

Parsing every file with a real parser costs 2-4 MB/s in Python (``ast`` and tree-sitter
both, measured on the standard library); one regex pass that masks strings and comments
runs an order of magnitude faster and is enough for the structural signals we need.
Newlines inside masked tokens are kept, so line numbers stay exact::

    >>> mask_code('x = "a#b"  # note\\ny = 1\\n', "python")
    ('x = ""  \\ny = 1\\n', 1)
"""

from __future__ import annotations

import re

# Unrolled-loop patterns ("normal* (special normal*)*"): 3-4x faster in ``re`` than
# the lazy ``(?:\\.|[^\\])*?`` form, and free of catastrophic backtracking.
# Every pattern is *total*: from its opening quote it always matches, an unclosed token
# running to the end of its line (one-line strings) or of the text (multi-line ones and
# block comments), as a real tokenizer reads it. A token that could fail would be retried
# from every later quote, each retry rescanning to the end: quadratic (an unclosed
# ``'\''`` run of 490 KB took 120 s). Total patterns consume what they scan, so one pass
# is linear. An escape takes any next character (``\\[\s\S]?``), a newline included.
_DQ3 = r'"""[^"\\]*(?:(?:\\[\s\S]?|"(?!""))[^"\\]*)*(?:"""|\Z)'
_SQ3 = r"'''[^'\\]*(?:(?:\\[\s\S]?|'(?!''))[^'\\]*)*(?:'''|\Z)"
_DQ = r'"[^"\\\n]*(?:\\[\s\S]?[^"\\\n]*)*(?:"|(?=\n)|\Z)'
_SQ = r"'[^'\\\n]*(?:\\[\s\S]?[^'\\\n]*)*(?:'|(?=\n)|\Z)"
_DQ_MULTI = r'"[^"\\]*(?:\\[\s\S]?[^"\\]*)*(?:"|\Z)'
_SQ_MULTI = r"'[^'\\]*(?:\\[\s\S]?[^'\\]*)*(?:'|\Z)"
_CHAR = r"'(?:\\.{1,10}|[^'\\\n])'"  # bounded: at most 13 characters per attempt
_PY_STRING = f"{_DQ3}|{_SQ3}|{_DQ}|{_SQ}"
_C_STRING = f"{_DQ}|{_CHAR}"
_BACKTICK = r"`[^`\\]*(?:\\[\s\S]?[^`\\]*)*(?:`|\Z)"
_RAW_RUST = r'r#+"[^"]*(?:"(?!#)[^"]*)*(?:"#+|\Z)|r"[^"]*(?:"|\Z)'
_TRIPLE = _DQ3
_LINE_C = r"//[^\n]*"
_BLOCK_C = r"/\*[^*]*(?:\*+[^/*][^*]*)*(?:\*+/|\**\Z)"
_HASH = r"#[^\n]*"

_FAMILIES = {
    "python": (_PY_STRING, _HASH),
    "ruby": (f"{_DQ}|{_SQ}", _HASH),
    "shell": (f"{_DQ_MULTI}|'[^']*(?:'|\\Z)", r"(?<![\w$])#[^\n]*"),
    "php": (f"{_DQ_MULTI}|{_SQ_MULTI}", f"{_LINE_C}|{_BLOCK_C}|{_HASH}"),
    "javascript": (f"{_DQ}|{_SQ}|{_BACKTICK}", f"{_LINE_C}|{_BLOCK_C}"),
    "go": (f"{_C_STRING}|{_BACKTICK}", f"{_LINE_C}|{_BLOCK_C}"),
    "rust": (f"{_RAW_RUST}|{_C_STRING}", f"{_LINE_C}|{_BLOCK_C}"),
    "kotlin": (f"{_TRIPLE}|{_C_STRING}", f"{_LINE_C}|{_BLOCK_C}"),
    "scala": (f"{_TRIPLE}|{_C_STRING}", f"{_LINE_C}|{_BLOCK_C}"),
    "swift": (f"{_TRIPLE}|{_C_STRING}", f"{_LINE_C}|{_BLOCK_C}"),
    "c": (_C_STRING, f"{_LINE_C}|{_BLOCK_C}"),
}
_FAMILIES["typescript"] = _FAMILIES["javascript"]
for _name in ("cpp", "java", "csharp"):
    _FAMILIES[_name] = _FAMILIES["c"]

_COMPILED: dict[str, re.Pattern[str]] = {}
#: A masked token is a comment when it starts with one of these (strings start with a
#: quote, a backtick or ``r`` for Rust raw strings).
_COMMENT_STARTS = frozenset("#/")
_DOCSTRING_STARTS = frozenset(['"""', "'''"])


def _pattern(language: str) -> re.Pattern[str]:
    pattern = _COMPILED.get(language)
    if pattern is None:
        strings, comments = _FAMILIES.get(language, _FAMILIES["c"])
        # No capture groups: a group around the alternation hides its first-character
        # set from ``re``, which then tries every position (3x slower, measured).
        pattern = re.compile(f"{comments}|{strings}")
        _COMPILED[language] = pattern
    return pattern


def mask_code(text: str, language: str) -> tuple[str, int]:
    """Return ``(masked, comment_count)``: strings become ``""``, comments vanish.

    Each masked token is replaced by its newlines only, so the masked text has exactly
    the lines of the original.
    """
    masked, comments, _ = mask_with_comment_words(text, language)
    return masked, comments


def mask_with_comment_words(text: str, language: str) -> tuple[str, int, int]:
    """``mask_code`` plus the number of words in comments and triple-quoted strings
    (docstrings): how much the documentation explains.

        >>> mask_with_comment_words("x = 1  # the count of retries\\n", "python")
        ('x = 1  \\n', 1, 4)
    """
    comments = words = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal comments, words
        token = match.group()
        if token[0] in _COMMENT_STARTS:
            comments += 1
            words += token.count(" ")
            return "\n" * token.count("\n") if "\n" in token else ""
        if token[:3] in _DOCSTRING_STARTS:  # docstrings explain like comments do
            words += token.count(" ")
        return '""' + "\n" * token.count("\n") if "\n" in token else '""'

    return _pattern(language).sub(replace, text), comments, words
