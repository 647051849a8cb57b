"""Indentation scanner for Python: functions, nesting depth, ``except`` handlers, names.

    >>> s = python_scan('def f(a, b):\\n    if a:\\n        return b\\n', '')
    >>> [(f.name, f.params, f.max_nesting) for f in s.functions]
    [('f', ['a', 'b'], 1)]
"""

from __future__ import annotations

import re

from tritter_data.quality.structure import FileStructure, FunctionInfo, split_params

_DEF = re.compile(r"(?:async\s+)?def\s+(\w+)\s*\((.*)", re.DOTALL)
_CONTROL = re.compile(r"(?:if|for|while|with|try|match|async\s+for|async\s+with)\b")
_CONTINUE_BLOCK = re.compile(r"(?:elif|else|except|finally|case)\b")
_EXCEPT = re.compile(r"except\s*(.*?):\s*(\S.*)?$")
_ASSIGN = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=)", re.MULTILINE)
_FOR = re.compile(r"\bfor\s+([A-Za-z_]\w*)\s+in\b")
_OPEN = str.maketrans("", "", "([{")
_CLOSE = str.maketrans("", "", ")]}")
_PARAM_NAME = re.compile(r"[*]{0,2}\s*([A-Za-z_]\w*)")


def _bracket_delta(line: str) -> int:
    return (len(line) - len(line.translate(_OPEN))) - (len(line) - len(line.translate(_CLOSE)))


def python_scan(masked: str, original: str) -> FileStructure:
    """Scan masked Python source; ``original`` is used only to spot docstrings."""
    structure = FileStructure()
    lines = masked.split("\n")
    stack: list[tuple[int, FunctionInfo, list[int]]] = []  # (indent, function, control indents)
    pending: list[FunctionInfo] = []  # functions whose first body line decides documentation
    open_brackets = 0
    header: tuple[FunctionInfo, int] | None = None  # a def whose parameter list is still open
    header_text = ""
    handler_line = 0
    first_statement = True
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if header is not None:
            header_text += " " + stripped
        if open_brackets > 0 or stripped.startswith((")", "]", "}")):
            open_brackets = max(0, open_brackets + _bracket_delta(stripped))
            if header is not None and open_brackets == 0:
                _finish_header(header[0], header_text, structure)
                header = None
            continue
        structure.code_lines += 1
        indent = len(line) - len(line.lstrip())
        if first_statement:
            structure.module_documented = stripped.startswith('""')
            first_statement = False
        if pending:
            for function in pending:
                function.documented = stripped.startswith('""')
            pending = []
        if handler_line:
            if stripped in ("pass", "...", "continue"):
                structure.swallowed_handlers.append(handler_line)
                _mark_swallowed(structure, handler_line)
            handler_line = 0
        while stack and indent <= stack[-1][0]:
            function, started = stack[-1][1], stack[-1][1].line
            function.length = number - started
            stack.pop()
        if stack:
            controls = stack[-1][2]
            while controls and indent <= controls[-1]:
                controls.pop()
        match = _DEF.match(stripped)
        if match:
            function = FunctionInfo(name=match.group(1), line=number, params=[])
            structure.functions.append(function)
            structure.defined_names.append((number, function.name))
            stack.append((indent, function, []))
            pending.append(function)
            header_text = match.group(2)
            header = (function, number)
        elif stack and stripped.endswith(":") and (
            _CONTROL.match(stripped) or _CONTINUE_BLOCK.match(stripped)
        ):
            controls = stack[-1][2]
            controls.append(indent)
            depth = len(controls)
            function = stack[-1][1]
            if depth > function.max_nesting:
                function.max_nesting, function.nesting_line = depth, number
        if stripped.startswith("except"):
            handler = _EXCEPT.match(stripped)
            if handler:
                caught, inline_body = handler.groups()
                if not caught.strip():
                    structure.bare_handlers.append((number, False))
                if inline_body is None:
                    handler_line = number
                elif inline_body.strip() in ("pass", "..."):
                    structure.swallowed_handlers.append(number)
                    _mark_swallowed(structure, number)
        delta = _bracket_delta(stripped)
        if delta > 0:
            open_brackets = delta
        elif header is not None:
            _finish_header(header[0], header_text, structure)
            header = None
    total = len(lines)
    for _, function, _ in stack:
        function.length = total - function.line + 1
    structure.defined_names.extend(
        (masked.count("\n", 0, m.start()) + 1, m.group(1)) for m in _ASSIGN.finditer(masked)
    )
    structure.defined_names.extend(
        (masked.count("\n", 0, m.start()) + 1, m.group(1)) for m in _FOR.finditer(masked)
    )
    return structure


def _mark_swallowed(structure: FileStructure, line: int) -> None:
    structure.bare_handlers[:] = [(n, swallowed or n == line) for n, swallowed in structure.bare_handlers]


def _finish_header(function: FunctionInfo, text: str, structure: FileStructure) -> None:
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                text = text[:index]
                break
            depth -= 1
    for param in split_params(text):
        match = _PARAM_NAME.match(param)
        if match and param not in ("*", "/"):
            name = match.group(1)
            if name not in ("self", "cls"):
                function.params.append(name)
                structure.defined_names.append((function.line, name))
