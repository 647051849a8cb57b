"""Line-level signals that need no parse: data vs logic, constant prints, copy-paste
blocks, dead code, commented-out code, interactive input.

Each function runs one or two whole-text regex passes over the masked code (strings
blanked to ``""``, comments removed; see ``lexical.mask_code``) and returns a count plus
the first line where it saw the thing, so the explanation can point at it. Per-line
Python loops would cost more than the rest of the quality analysis::

    >>> literal_lines('x = {\\n    "", 1,\\n    "", 2,\\n}\\n')
    (2, 2)
"""

from __future__ import annotations

import re
from collections import Counter

_NUM = r"(?>0[xXbBoO][0-9a-fA-F_]++|\d[\d_]*+(?:\.\d*+)?+(?:[eE][+-]?\d++)?+[a-zA-Z]{0,3}+)"
_LITERAL_WORD = r"(?:True|False|None|true|false|null|nil|undefined)"
_PUNCT = r"[ \t,:;()\[\]{}+\-*/.|&<>=!?@#]"
# A literal-only line starts like a literal (a string, a number, a bracket or a sign),
# then holds nothing but literals and punctuation: `"key": ("", 1),`, `0x1F, 0x20,`.
_LITERAL_LINE = re.compile(rf"\n[ \t]*(?=[\"\d\-+.(\[{{])(?:\"\"|{_NUM}|{_LITERAL_WORD}|{_PUNCT})*+(?=\n)")
_HAS_LITERAL = re.compile(r"\"\"|\d")
# Prints, per language (each pattern starts with a literal, so `re` skips ahead fast);
# whether the arguments are constants is checked on the few matches.
_PRINTS = {
    "python": re.compile(r"print[ \t]*(\(|[ \t]+\"\")"),
    "javascript": re.compile(r"console\.(?:log|info|error|warn)[ \t]*(\()|document\.write(?:ln)?[ \t]*(\()"),
    "java": re.compile(r"System\.(?:out|err)\.print(?:ln|f)?[ \t]*(\()"),
    "go": re.compile(r"fmt\.(?:Print(?:ln|f)?|Fprint(?:ln|f)?)[ \t]*(\()"),
    "rust": re.compile(r"e?print(?:ln)?![ \t]*(\()"),
}
_PRINTS["typescript"] = _PRINTS["javascript"]
_CONSTANT_ARGS = re.compile(r"[ \t]*(?:(?:\"\"|\d+(?:\.\d+)?)[ \t]*[,+]?[ \t]*)*\)?[ \t]*;?[ \t]*(?=\n)")
# Code after an unconditional exit, at the same indentation, that is not the next branch.
_PY_EXIT = re.compile(r"\n([ \t]+)(?:return|raise|continue|break)\b[^\n]*\n(?:[ \t]*\n)*\1(?![ \t])"
                      r"(?!(?:else|elif|except|finally|case)\b|[)\]}])\S")
_BRACE_EXIT = re.compile(r"\n([ \t]*)(?:return|throw|break|continue)\b[^;{}\n]*;[ \t]*\n(?:[ \t]*\n)*\1(?![ \t])"
                         r"(?!case\b|default\b|[}\])])\S")
_PY_EXIT_WORDS = ("return", "raise", "continue", "break")
_BRACE_EXIT_WORDS = ("return", "throw", "break", "continue")
# A comment line that holds code (`# x = f(y)`, `// foo();`, `#print(x)`): dead code kept
# around. The pattern starts at the comment marker (a literal, so ``re`` skips ahead instead
# of trying every line); that only blanks precede it on its line is checked on the few matches.
_COMMENTED_TAIL = (
    r"[ \t]?(?:[A-Za-z_][\w.\[\]]*[ \t]*(?:[-+*/]?=)[ \t]*[\w\"'(\[{-][^\n]*|"
    r"(?:if|for|while|return|print|import|var|let|const|def|func|fn)\b[^\n]*[:;{(]|"
    r"[A-Za-z_][\w.]*\([^)\n]*\)[ \t]*;?)[ \t]*(?=\n)"
)
_COMMENTED_CODE = re.compile(f"(?:#|//){_COMMENTED_TAIL}")
# One marker per pattern: a literal first character ``re`` finds fast (see ``commented_code``).
_COMMENTED_BY_MARKER = (("#", re.compile(f"#{_COMMENTED_TAIL}")), ("//", re.compile(f"//{_COMMENTED_TAIL}")))
_INPUT = re.compile(r"input\(|Scanner\(System\.in\)|prompt\(|stdin\.readline\(\)|New(?:Reader|Scanner)\(os\.Stdin\)|"
                    r"io::stdin\(\)|fmt\.Scan")
_INPUT_HINTS = ("input(", "System.in", "prompt(", "stdin.readline(", "os.Stdin", "stdin()", "fmt.Scan")
DUP_WINDOW = 3
MIN_DUP_CHARS = 12


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def literal_lines(masked: str) -> tuple[int, int]:
    """How many lines hold only literals, and the first such line (1-based, 0 if none).

    Code with fewer than one string per four lines has too few literals to be a data module,
    and the scan is skipped (it is the costliest of these passes).
    """
    if masked.count('""') * 4 < masked.count("\n"):
        return 0, 0
    text = "\n" + masked + "\n"
    count = first = 0
    for match in _LITERAL_LINE.finditer(text):
        found = match.group()
        if _HAS_LITERAL.search(found) and found.strip() != '""':  # a lone string is a docstring
            count += 1
            first = first or _line_of(text, match.start())
    return count, first


def constant_prints(masked: str, language: str) -> tuple[int, int, int]:
    """(print calls, prints of constants only, first constant print's line)."""
    prints = constant = first = 0
    pattern = _PRINTS.get(language)
    if pattern is None:
        return prints, constant, first
    text = masked + "\n"
    for match in pattern.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_."):
            continue
        prints += 1
        args_start = match.end() if match.group(1) == "(" or match.lastindex == 2 else match.start(1)
        if _CONSTANT_ARGS.match(text, args_start):
            constant += 1
            first = first or _line_of(text, match.start())
    return prints, constant, first


def duplicate_lines(original: str) -> tuple[int, int]:
    """Lines inside a run of ``DUP_WINDOW`` lines that occurs twice or more; its first line.

    Lines are compared as written, so two blocks differ when a string or a name differs;
    short lines (``}``, ``return x``) and comments are left out. Only lines that occur
    twice are looked at twice, so a file without repeats costs one ``Counter``.
    """
    lines = original.split("\n")
    counts = Counter(lines)
    repeated = {line for line, n in counts.items() if n > 1 and len(line.strip()) >= MIN_DUP_CHARS
                and line.lstrip()[0] not in "#/*"}
    if len(repeated) < DUP_WINDOW:
        return 0, 0
    kept = [(i, line) for i, line in enumerate(lines) if line in repeated]
    texts = [line for _, line in kept]
    windows = list(zip(texts, texts[1:], texts[2:], strict=False))
    window_counts = Counter(windows)
    starts = [start for start, window in enumerate(windows)
              if window_counts[window] > 1 and kept[start + DUP_WINDOW - 1][0] - kept[start][0] <= 2 * DUP_WINDOW]
    if not starts:
        return 0, 0
    covered = {start + k for start in starts for k in range(DUP_WINDOW)}
    return len(covered), kept[starts[0]][0] + 1


def dead_code(masked: str, language: str) -> tuple[int, int]:
    """Statements right after an unconditional return/raise/throw/break in the same block.

    The exit patterns start at a newline, so ``re`` would try them on every line; instead
    the exit words are found with ``str.find`` and the pattern is tried only at the lines
    they start, in order, skipping what an earlier match consumed: ``finditer``'s matches.
    """
    python = language == "python"
    pattern = _PY_EXIT if python else _BRACE_EXIT
    text = "\n" + masked
    hits = []
    end = 0
    for newline in _exit_lines(text, _PY_EXIT_WORDS if python else _BRACE_EXIT_WORDS, 1 if python else 0):
        if newline < end:
            continue
        match = pattern.match(text, newline)
        if match is None:
            continue
        end = match.end()
        if python or _block_statement(text, newline):
            hits.append(text.count("\n", 0, end))
    return len(hits), (hits[0] if hits else 0)


def _exit_lines(text: str, words: tuple[str, ...], min_indent: int) -> list[int]:
    """Offsets of the newlines before lines that start (after ``min_indent`` or more blanks)
    with one of ``words``; ``text`` starts with a newline."""
    starts = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            line = at
            while text[line - 1] in " \t":
                line -= 1
            if text[line - 1] == "\n" and at - line >= min_indent:
                starts.add(line - 1)
            at = text.find(word, at + 1)
    return sorted(starts)


def _block_statement(text: str, newline: int) -> bool:
    """The exit is a statement of its block, not the body of a brace-less ``if``."""
    previous = text[:newline].rstrip()
    return not previous or previous[-1] in "{};:"


def commented_code(original: str) -> tuple[int, int]:
    """Comment lines that hold code; the first one's line.

    A match never crosses a line end and runs to it, so ``_COMMENTED_CODE.finditer`` makes
    at most one match per line, and a match that only blanks precede is always tried. Each
    marker is therefore scanned on its own (literal-first, faster than the ``#|//`` class)
    and the matches at the start of their line are the same ones.
    """
    text = "\n" + original + "\n"
    lines = []
    for marker, pattern in _COMMENTED_BY_MARKER:
        if marker not in text:
            continue
        for match in pattern.finditer(text):
            newline = text.rfind("\n", 0, match.start())
            if not text[newline + 1 : match.start()].strip(" \t"):  # else code before it: a trailing comment
                lines.append(newline)
    return len(lines), (text.count("\n", 0, min(lines)) + 1 if lines else 0)


def reads_input(masked: str) -> bool:
    """Reads from the keyboard: an interactive exercise rather than reusable code."""
    if not any(hint in masked for hint in _INPUT_HINTS):
        return False
    for match in _INPUT.finditer(masked):
        start = match.start()
        if match.group() != "input(" or start == 0 or masked[start - 1] in " \t\n=(,[" or (
                masked[max(0, start - 4):start] == "raw_"):
            return True
    return False


# Patterns that start with a broad class or a lookbehind are tried at every position (~30 ms/MB);
# these start from a literal and check the character before in Python, with the same matches.
_JS_DECL_WORD = re.compile(r"(?:var|let|const)[ \t]")
_EQ_CANDIDATE = re.compile(r"[=!](?==)")


def js_declarations(masked: str) -> list[str]:
    """``var``/``let``/``const`` declarations in order (``(?<![\\w$.])(var|let|const)[ \\t]``)."""
    found = []
    for match in _JS_DECL_WORD.finditer(masked):
        start = match.start()
        before = masked[start - 1] if start else " "
        if not (before.isalnum() or before in "_$."):  # ``\\w`` is alphanumeric or ``_``
            found.append(match.group()[:-1])
    return found


def loose_equalities(masked: str) -> int:
    """How many ``==``/``!=`` comparisons (``[^=!<>]==[^=]|!=[^=]``, non-overlapping, as
    ``re.findall`` counts them), found from the operators themselves."""
    count = end = 0
    size = len(masked)
    for match in _EQ_CANDIDATE.finditer(masked):
        at = match.start()
        if masked[at] == "=":  # ``[^=!<>]==[^=]`` starting one character before
            start = at - 1
            if start >= end and start >= 0 and masked[start] not in "=!<>" and at + 2 < size and masked[at + 2] != "=":
                count, end = count + 1, start + 4
        elif at >= end and at + 2 < size and masked[at + 2] != "=":  # ``!=[^=]``
            count, end = count + 1, at + 3
    return count
