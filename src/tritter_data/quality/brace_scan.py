"""Brace-language scanner (C family, Java, C#, JS/TS, Go, Rust, PHP, Kotlin, Swift,
Scala) plus an indentation fallback for Ruby and shell.

One pass over the braces of the masked code pairs every ``{`` with its ``}``; function
bodies are the braces that follow a parameter list (``) {``, ``) -> T {``, ``) => {``),
control blocks the braces that follow ``if``/``for``/``while``/... . Nesting is the
number of control blocks open inside a function. Work is proportional to the number of
braces and headers, not to lines times functions.

    >>> from tritter_data.quality.lexical import mask_code
    >>> code = "fn add(a: i32, b: i32) -> i32 {\\n    if a > 0 {\\n        return a;\\n    }\\n    b\\n}\\n"
    >>> s = brace_scan(mask_code(code, "rust")[0], code, "rust")
    >>> [(f.name, f.params, f.max_nesting, f.length) for f in s.functions]
    [('add', ['a', 'b'], 1, 6)]
"""

from __future__ import annotations

import re

from tritter_data.quality.names import add_defined_names
from tritter_data.quality.structure import FileStructure, FunctionInfo, LineCounter, split_params

# A parameter list's closing parenthesis followed by what may stand between it and the
# body: return types, `throws`, `const`, `=>`. Starts with a literal, so `re` skips fast.
_BODY_AFTER_PARAMS = re.compile(r"\)[^;{}()\n]{0,160}?(?:\([^;{}()\n]*\)[^;{}()\n]{0,80}?)?\s*\{")
# No leading \b: it hides the first-character set from `re` (measured 35 -> 55 MB/s);
# the word boundary before a match is checked in Python instead (`_starts_word`).
_CONTROL_BLOCK = re.compile(
    r"(?:if|for|foreach|while|switch|match|loop|try|catch|else|do|guard|select|when|finally|unsafe)\b[^;{}\n]*\{"
)
_BRACES = re.compile(r"[{}]")
_ASSIGNED_ARROW = re.compile(r"([A-Za-z_$][\w$]*)[ \t]*[:=][ \t]*(?:async[ \t]*)?(?:function\b[ \t]*\*?[ \t]*)?$")
_EMPTY_CATCH_ONLY = re.compile(r"catch\b[^{};]*\{\s*\}")
_EMPTY_CATCH = re.compile(_EMPTY_CATCH_ONLY.pattern + r"|rescue\b[^\n]*\n\s*end\b")
_DECLARATION = re.compile(r"(?:let|var|const|val|auto|my|local)[ \t]++(?:mut[ \t]++)?([A-Za-z_]\w*+)")
_WORD_STRING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$"
_WORD_CHARS = frozenset(_WORD_STRING)
_WALRUS = re.compile(":=")
_IDENTIFIER_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_ASSIGNMENT = re.compile(r"\n[ \t]*+\$?([A-Za-z_]\w*+)[ \t]*+=(?![=>])")
_KEYWORDS = frozenset(
    ["if", "for", "foreach", "while", "switch", "catch", "return", "new", "else", "do", "sizeof", "typeof", "match", "loop", "elseif", "when", "try", "using", "lock", "fixed", "unsafe", "checked", "synchronized", "guard", "defer", "select", "case", "func", "function", "fn", "fun", "def", "await", "throw", "yield", "delete", "void", "in", "of", "instanceof", "super", "this"]
)
_PARAM_WORD = re.compile(r"[A-Za-z_$][\w$]*")
_TYPED_PARAMS = ("rust", "kotlin", "swift", "scala", "typescript", "php")
_INDENT_LANGUAGES = ("ruby", "shell")
_RUBY_DEF = re.compile(r"def[ \t]+(?:self\.)?(\w+[?!=]?)[ \t]*(?:\(([^)\n]*)\)|([^\n;]*))")
_SHELL_FUNCTION = re.compile(r"(?:function[ \t]+)?([A-Za-z_][\w-]*)[ \t]*\(\)[ \t]*\{?")
_CONTROL_LINE = re.compile(r"(?:if|unless|while|until|for|case|begin)\b|.*\bdo\b(?:[ \t]*\|[^|]*\|)?[ \t]*$")


def param_name(param: str, language: str) -> str | None:
    """The name in one parameter: ``int count`` -> count, ``name: &str`` -> name."""
    param = param.strip().lstrip("&*.$ ").removeprefix("mut ").strip()
    if not param or param in ("self", "&self", "this", "void", "...", "_"):
        return None
    if ":" in param and language in _TYPED_PARAMS:
        head = param.split(":", 1)[0].split()
        return head[-1].lstrip("$&*") if head else None
    if language == "go":
        head = param.split()
        return head[0] if head else None
    words = _PARAM_WORD.findall(param.split("=", 1)[0])
    return words[-1].lstrip("$") if words else None


def _starts_word(text: str, offset: int) -> bool:
    return offset == 0 or text[offset - 1] not in _WORD_CHARS


def _trailing_name(before: str) -> str | None:
    """The identifier ending ``before`` (ignoring blanks and a ``<...>`` generic list)."""
    before = before.rstrip()
    if before.endswith(">") and "<" in before:
        before = before[: before.rfind("<")].rstrip()
    name = before[len(before.rstrip(_WORD_STRING)):]  # ``rstrip`` walks the word in C
    return name if name and not name[0].isdigit() else None


def _open_paren(text: str, close: int, limit: int = 2000) -> int:
    """Offset of the ``(`` matching the ``)`` at ``close`` (looking back at most ``limit``
    characters), or -1. Jumps from ``(`` to ``(`` with ``rfind``, counting the ``)`` in
    between, instead of stepping a character at a time."""
    low = max(0, close - limit + 1)
    depth = 0
    end = close + 1
    while True:
        open_ = text.rfind("(", low, end)
        depth += text.count(")", max(open_ + 1, low), end)
        if open_ < 0:
            return -1
        depth -= 1
        if depth == 0:
            return open_
        end = open_


def _function_header(text: str, match: re.Match[str], language: str) -> tuple[str, list[str]] | None:
    """Name and parameters of the function whose body follows ``match``, if it is one."""
    close = match.start()
    open_ = _open_paren(text, close)
    if open_ < 0:
        return None
    line_start = max(text.rfind("\n", 0, open_) + 1, open_ - 200)  # bounded on minified lines
    before = text[line_start:open_]
    name = _trailing_name(before)
    if name is None or name in ("function", "async"):
        assigned = _ASSIGNED_ARROW.search(before)
        name = assigned.group(1) if assigned else None
    if not name or name in _KEYWORDS:
        return None
    params_text = text[open_ + 1 : close]
    pieces = split_params(params_text) if "(" in params_text or "<" in params_text else params_text.split(",")
    params = [p for p in (param_name(x, language) for x in pieces) if p]
    return name, params


def brace_scan(masked: str, original: str, language: str) -> FileStructure:
    """Scan masked code of a brace (or ``end``) language."""
    if language in _INDENT_LANGUAGES:
        return indent_scan(masked, original, language)
    structure = FileStructure()
    lines = LineCounter(masked)
    control_at = {m.end() - 1 for m in _CONTROL_BLOCK.finditer(masked) if _starts_word(masked, m.start())}
    function_at: dict[int, FunctionInfo] = {}  # body '{' offset -> function
    for match in _BODY_AFTER_PARAMS.finditer(masked):
        if match.end() - 1 in control_at:  # `if ok(x) {`, `match f(y) {`: a call in a condition
            continue
        header = _function_header(masked, match, language)
        if header is None:
            continue
        function = FunctionInfo(name=header[0], line=lines.at(match.start()), params=header[1])
        function_at[match.end() - 1] = function
        structure.functions.append(function)
    _pair_braces(masked, function_at, control_at)
    original_lines = original.split("\n")
    for function in structure.functions:
        function.documented = _has_doc_comment(original_lines, function.line - 1)
        structure.defined_names.append((function.line, function.name))
        structure.defined_names.extend((function.line, p) for p in function.params)
    _scan_names(masked, structure, language)
    structure.swallowed_handlers = _swallowed_handlers(masked)
    return structure


def _swallowed_handlers(masked: str) -> list[int]:
    """Lines of empty ``catch`` blocks (and Ruby ``rescue ... end``). Without ``rescue`` in
    the text only the literal-first ``catch`` pattern can match; it runs ~5x faster alone."""
    if "rescue" in masked:
        pattern = _EMPTY_CATCH
    elif "catch" in masked:
        pattern = _EMPTY_CATCH_ONLY
    else:
        return []
    lines = LineCounter(masked)
    return [lines.at(m.start()) for m in pattern.finditer(masked)]


def _pair_braces(masked: str, function_at: dict[int, FunctionInfo], control_at: set[int]) -> None:
    """Length and control nesting of each function, from one pass over the braces.

    Each stack entry is (function whose body this brace opens or None, control blocks open
    since the innermost function, that function): the owner travels with the entry, so a
    control brace finds its function without walking the stack.
    """
    lines = LineCounter(masked)
    outside: tuple[FunctionInfo | None, int, FunctionInfo | None] = (None, 0, None)
    stack = [outside]  # never popped: a stray ``}`` at the top level is ignored
    for match in _BRACES.finditer(masked):
        offset = match.start()
        if masked[offset] == "{":
            function = function_at.get(offset)
            if function is not None:
                stack.append((function, 0, function))
            elif offset in control_at:
                _, controls, owner = stack[-1]
                controls += 1
                stack.append((None, controls, owner))
                if owner is not None and controls > owner.max_nesting:
                    owner.max_nesting, owner.nesting_line = controls, lines.at(offset)
            else:
                top = stack[-1]
                stack.append((None, top[1], top[2]))
        elif len(stack) > 1:
            function = stack.pop()[0]
            if function is not None:
                function.length = lines.at(offset) - function.line + 1


def _scan_names(masked: str, structure: FileStructure, language: str) -> None:
    first: dict[str, int] = {}
    for match in _DECLARATION.finditer(masked):
        if _starts_word(masked, match.start()):
            first.setdefault(match.group(1), match.start(1))
    if language == "go":
        for name, offset in short_declarations(masked):
            first.setdefault(name, offset)
    for match in _ASSIGNMENT.finditer(masked):
        first.setdefault(match.group(1), match.start(1))
    add_defined_names(masked, first, structure)


def short_declarations(masked: str) -> list[tuple[str, int]]:
    """Go's ``name :=`` (``\\b([A-Za-z_]\\w*+)[ \\t]*+:=``) as (name, offset), found from the
    ``:=`` back to the name: the pattern itself starts with ``\\b``, which ``re`` tries at
    every position (~30 ms/MB)."""
    found = []
    for match in _WALRUS.finditer(masked):
        end = match.start()
        while end and masked[end - 1] in " \t":
            end -= 1
        start = end
        while start and (masked[start - 1].isalnum() or masked[start - 1] == "_"):  # ``\\w``
            start -= 1
        if start < end and masked[start] in _IDENTIFIER_START:
            found.append((masked[start:end], start))
    return found


def indent_scan(masked: str, original: str, language: str) -> FileStructure:
    """Ruby and shell: functions by their header, extent and nesting by indentation."""
    structure = FileStructure()
    lines = masked.split("\n")
    header = _RUBY_DEF if language == "ruby" else _SHELL_FUNCTION
    original_lines = original.split("\n")
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        match = header.match(stripped) if stripped[:1].isalpha() else None
        if not match or (language == "shell" and "()" not in stripped):
            continue
        params_text = (match.group(2) or match.group(3) or "") if language == "ruby" else ""
        params = [p for p in (param_name(x, language) for x in params_text.split(",")) if p]
        function = FunctionInfo(name=match.group(1), line=index + 1, params=params)
        _measure_by_indent(function, lines, index)
        function.documented = _has_doc_comment(original_lines, index)
        structure.functions.append(function)
        structure.defined_names.append((function.line, function.name))
        structure.defined_names.extend((function.line, p) for p in params)
    _scan_names(masked, structure, language)
    structure.swallowed_handlers = _swallowed_handlers(masked)
    return structure


def _measure_by_indent(function: FunctionInfo, lines: list[str], start: int) -> None:
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start
    levels: list[int] = []
    for index in range(start + 1, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            continue
        current = len(line) - len(line.lstrip())
        if current <= indent:
            end = index
            break
        end = index
        while levels and current <= levels[-1]:
            levels.pop()
        if _CONTROL_LINE.match(stripped):
            levels.append(current)
            if len(levels) > function.max_nesting:
                function.max_nesting, function.nesting_line = len(levels), index + 1
    function.length = end - start + 1


def _has_doc_comment(original_lines: list[str], index: int) -> bool:
    """A comment right above the header (skipping attributes/decorators)."""
    cursor = index - 1
    while cursor >= 0 and original_lines[cursor].strip().startswith(("@", "#[", "[")):
        cursor -= 1
    if cursor < 0:
        return False
    above = original_lines[cursor].strip()
    return above.startswith(("///", "//", "/**", "*", "*/", "#", "<!--")) or above.endswith("*/")
