"""Regex-driven scanner for Python: functions, nesting, ``except`` handlers, names.

Every signal comes from ``re.finditer`` over masked code (strings and comments blanked),
so the work per file is a handful of C-level passes plus Python work per *event* (a def,
a control statement), not per line. A real parse (``ast``) runs at ~2.5 MB/s on the
standard library; this scan runs an order of magnitude faster.

    >>> s = python_scan('def f(a, b):\\n    if a:\\n        return b\\n', '')
    >>> [(f.name, f.params, f.max_nesting, f.length) for f in s.functions]
    [('f', ['a', 'b'], 1, 3)]
"""

from __future__ import annotations

import bisect
import re

from tritter_data.quality.names import add_defined_names
from tritter_data.quality.structure import FileStructure, FunctionInfo, LineCounter, split_params

# Patterns start with a literal where possible: ``re`` then skips ahead with a fast
# substring search instead of trying every position (``^`` with MULTILINE runs ~50 MB/s,
# a literal-first pattern ~800 MB/s on the standard library).
_DEF = re.compile(r"def[ \t]+(\w+)[ \t]*\(")
_LINE_END_COLON = re.compile(r":[ \t]*\n")
_CONTROL_HEAD = re.compile(r"[ \t]*(?:if|elif|else|for|while|with|try|except|finally|match|case|async[ \t]+(?:for|with))\b")
_CLASS = re.compile(r"class[ \t]+\w")
_AT = re.compile("@")  # decorators: ``@`` is rare, so find it first and check its line in Python
_TOP_LEVEL = re.compile(r"\n(?=[^\s)\]}])")
_SIMPLE_PARAMS = re.compile(r"([^()]*)\)")
_AFTER_SIGNATURE = re.compile(r"[^:\n]*:[ \t]*\n?\s*(\"\")?")
_HANDLER = re.compile(
    r"except\b([^:\n]*):[ \t]*(pass|\.\.\.)?[ \t]*$(?:\n(?:[ \t]*\n)*[ \t]*(pass|\.\.\.|continue)[ \t]*$)?",
    re.MULTILINE,
)
_ASSIGN = re.compile(r"\n[ \t]*+([A-Za-z_]\w*+)[ \t]*+(?::[^=\n]++)?=(?!=)")
_FOR = re.compile(r"for[ \t]++([A-Za-z_]\w*+)[ \t]+in\b")
_PARAM_NAME = re.compile(r"[*]{0,2}\s*([A-Za-z_]\w*)")
_SIMPLE_PARAM_NAMES = re.compile(r"(?:^|,)\s*[*]{0,2}\s*([A-Za-z_]\w*)")  # _PARAM_NAME on each stripped piece
_FIRST_STATEMENT = re.compile(r"\s*(\"\")?")

_DEF_EVENT, _CONTROL_EVENT = 0, 1
_BROAD = frozenset(["Exception", "BaseException"])


def _line_indent(text: str, offset: int) -> int | None:
    """Indent of the line holding ``offset`` if only blanks precede it there, else None."""
    start = text.rfind("\n", 0, offset) + 1
    prefix = text[start:offset]
    if prefix.strip(" \t"):
        if prefix.strip() != "async":
            return None
        return len(prefix) - len(prefix.lstrip())
    return len(prefix)


def python_scan(masked: str, original: str) -> FileStructure:
    """Scan masked Python source (``original`` is accepted for interface symmetry)."""
    structure = FileStructure()
    first = _FIRST_STATEMENT.match(masked)
    structure.module_documented = bool(first and first.group(1))
    text = masked if masked.endswith("\n") else masked + "\n"
    events: list[tuple[int, int, int, re.Match[str] | None]] = []
    boundaries: list[tuple[int, int]] = []
    for match in _DEF.finditer(text):
        indent = _line_indent(text, match.start())
        if indent is not None:
            events.append((match.start(), indent, _DEF_EVENT, match))
            boundaries.append((text.rfind("\n", 0, match.start()) + 1, indent))
    for match in _LINE_END_COLON.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        head = _CONTROL_HEAD.match(text, start)
        if head:
            indent = len(text[start : head.end()]) - len(text[start : head.end()].lstrip())
            events.append((start, indent, _CONTROL_EVENT, None))
    for match in _CLASS.finditer(text):
        indent = _line_indent(text, match.start())
        if indent is not None:
            boundaries.append((text.rfind("\n", 0, match.start()) + 1, indent))
    boundaries += _decorators(text)
    boundaries += [(m.start() + 1, 0) for m in _TOP_LEVEL.finditer(text)]
    boundaries.sort()
    events.sort(key=lambda event: event[0])
    lines = LineCounter(text)
    open_functions: list[tuple[int, FunctionInfo, list[int]]] = []
    for offset, indent, kind, match in events:
        while open_functions and indent <= open_functions[-1][0]:
            open_functions.pop()
        if kind == _DEF_EVENT:
            assert match is not None
            function = _read_def(text, match, lines.at(offset))
            function.length = _function_length(text, offset, indent, boundaries)
            structure.functions.append(function)
            open_functions.append((indent, function, []))
            continue
        if not open_functions:
            continue
        _, function, stack = open_functions[-1]
        while stack and indent <= stack[-1]:
            stack.pop()
        stack.append(indent)
        if len(stack) > function.max_nesting:
            function.max_nesting, function.nesting_line = len(stack), lines.at(offset)
    _scan_handlers(text, structure)
    _scan_names(text, structure)
    return structure


def _decorators(text: str) -> list[tuple[int, int]]:
    """(line start, indent) of each line that starts with ``@`` after blanks (not line 1,
    as before); ~8x faster than a ``\\n``-first pattern, which is tried at every line."""
    found = []
    for match in _AT.finditer(text):
        at = match.start()
        newline = text.rfind("\n", 0, at)
        if newline >= 0 and not text[newline + 1 : at].strip(" \t"):
            found.append((newline + 1, at - newline - 1))
    return found


def _read_def(masked: str, match: re.Match[str], line: int) -> FunctionInfo:
    function = FunctionInfo(name=match.group(1), line=line, params=[])
    start = match.end()
    simple = _SIMPLE_PARAMS.match(masked, start)
    if simple:
        params_text, end = simple.group(1), simple.end()
    else:
        params_text, end = _balanced(masked, start)
    if "(" in params_text or "[" in params_text:
        for param in split_params(params_text):
            name = _PARAM_NAME.match(param.strip())
            if name and name.group(1) not in ("self", "cls"):
                function.params.append(name.group(1))
    else:  # one ``findall`` reads each comma-separated piece's leading name
        function.params = [name for name in _SIMPLE_PARAM_NAMES.findall(params_text) if name not in ("self", "cls")]
    after = _AFTER_SIGNATURE.match(masked, end)
    function.documented = bool(after and after.group(1))
    return function


def _balanced(text: str, start: int, limit: int = 4000) -> tuple[str, int]:
    """Text up to the ``)`` closing a parameter list that itself contains brackets."""
    depth = 0
    for index in range(start, min(len(text), start + limit)):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return text[start:index], index + 1
            depth -= 1
    return text[start : start + limit], start + limit


def _function_length(masked: str, offset: int, indent: int, boundaries: list[tuple[int, int]]) -> int:
    """Lines from the def to the next boundary at the same or a lower indent."""
    end = len(masked)
    for index in range(bisect.bisect_right(boundaries, (offset, 1 << 30)), len(boundaries)):
        boundary_offset, boundary_indent = boundaries[index]
        if boundary_indent <= indent:
            end = boundary_offset
            break
    return _body_lines(masked, offset, end)


def _body_lines(masked: str, offset: int, end: int) -> int:
    """Lines from ``offset`` to the last non-blank character before ``end``; the trailing
    blanks are found in a short tail, not by copying the whole body."""
    tail_start = max(offset, end - 256)
    tail = masked[tail_start:end].rstrip()
    body_end = tail_start + len(tail) if tail or tail_start == offset else offset + len(masked[offset:end].rstrip())
    return masked.count("\n", offset, body_end) + 1


def _scan_handlers(masked: str, structure: FileStructure) -> None:
    lines = LineCounter(masked)
    for match in _HANDLER.finditer(masked):
        caught, inline, next_line = match.groups()
        bare = not caught.strip()
        swallowed = bool(inline or next_line)
        if not (bare or swallowed):
            continue
        line = lines.at(match.start())
        if bare:
            structure.bare_handlers.append((line, swallowed))
        elif swallowed:
            structure.swallowed_handlers.append(line)
        if swallowed and (bare or caught.split(" as ")[0].strip(" ()") in _BROAD):
            structure.broad_swallowed.append(line)


def _scan_names(masked: str, structure: FileStructure) -> None:
    """Names the code defines; only unclear ones need a line number."""
    names = structure.defined_names
    for function in structure.functions:
        names.append((function.line, function.name))
        names.extend((function.line, param) for param in function.params)
    first_offsets: dict[str, int] = {}
    first_line = _ASSIGN.match("\n" + masked[:200])  # _ASSIGN needs a newline before the name
    if first_line:
        first_offsets[first_line.group(1)] = first_line.start(1) - 1
    for pattern in (_ASSIGN, _FOR):
        for match in pattern.finditer(masked):
            first_offsets.setdefault(match.group(1), match.start(1))
    add_defined_names(masked, first_offsets, structure)
