"""Brace-language scanner (C family, Java, JS/TS, Go, Rust, PHP, Kotlin, Swift, Scala,
C#) plus an indentation fallback for Ruby and shell.

Functions are found with one header pattern per language on masked code; nesting is the
brace depth of control statements relative to the function body.

    >>> from tritter_data.quality.lexical import mask_code
    >>> code = "fn add(a: i32, b: i32) -> i32 {\\n    if a > 0 {\\n        return a;\\n    }\\n    b\\n}\\n"
    >>> s = brace_scan(mask_code(code, "rust")[0], code, "rust")
    >>> [(f.name, f.params, f.max_nesting, f.length) for f in s.functions]
    [('add', ['a', 'b'], 1, 6)]
"""

from __future__ import annotations

import re

from tritter_data.quality.structure import FileStructure, FunctionInfo, split_params

_C_HEADER = (
    r"^[ \t]*(?:[\w:<>\[\],*&~.]+[ \t*&]+)+(?P<name>[A-Za-z_]\w*)[ \t]*\((?P<params>[^;{}()]*(?:\([^()]*\)[^;{}()]*)*)\)"
    r"[^;{}]*\{"
)
_HEADERS = {
    "javascript": r"(?:\bfunction\s*\*?\s*(?P<name>\w+)\s*\((?P<params>[^)]*)\)"
    r"|\b(?P<name2>\w+)\s*=\s*(?:async\s*)?(?:function\s*)?\((?P<params2>[^)]*)\)\s*(?:=>)?\s*\{"
    r"|^[ \t]*(?:async\s+|static\s+|public\s+|private\s+|protected\s+)*(?P<name3>\w+)\s*\((?P<params3>[^)]*)\)\s*(?::\s*[\w<>\[\]|, ]+)?\s*\{)",
    "go": r"\bfunc\s+(?:\([^)]*\)\s*)?(?P<name>\w+)\s*(?:\[[^\]]*\])?\s*\((?P<params>[^)]*)\)",
    "rust": r"\bfn\s+(?P<name>\w+)\s*(?:<[^{(]*>)?\s*\((?P<params>[^)]*)\)",
    "kotlin": r"\bfun\s+(?:<[^>]*>\s*)?(?:[\w.]+\.)?(?P<name>\w+)\s*\((?P<params>[^)]*)\)",
    "swift": r"\bfunc\s+(?P<name>\w+)\s*(?:<[^>]*>)?\s*\((?P<params>[^)]*)\)",
    "scala": r"\bdef\s+(?P<name>\w+)\s*(?:\[[^\]]*\])?\s*\((?P<params>[^)]*)\)",
    "php": r"\bfunction\s+&?(?P<name>\w+)\s*\((?P<params>[^)]*)\)",
    "ruby": r"^[ \t]*def\s+(?:self\.)?(?P<name>\w+[?!=]?)\s*(?:\((?P<params>[^)]*)\)|(?P<params2>[^\n;]*))",
    "shell": r"^[ \t]*(?:function\s+)?(?P<name>[A-Za-z_][\w-]*)\s*\(\)\s*\{?",
}
_HEADERS["typescript"] = _HEADERS["javascript"]
for _name in ("c", "cpp", "java", "csharp"):
    _HEADERS[_name] = _C_HEADER

_KEYWORDS = frozenset(
    ["if", "for", "while", "switch", "catch", "return", "new", "else", "do", "sizeof", "typeof", "match", "loop", "foreach", "elseif", "when", "try", "using", "lock", "fixed", "unsafe", "checked", "synchronized", "guard", "defer", "select", "case", "func"]
)
_CONTROL = re.compile(r"\b(?:if|for|foreach|while|switch|match|loop|try|catch|when|guard|select|unless|until|case|do)\b")
_EMPTY_CATCH = re.compile(r"\bcatch\b[^{};]*\{\s*\}|\brescue\b[^\n]*\n\s*end\b|\bexcept\b\s*\{\s*\}")
_DECLARATION = re.compile(
    r"\b(?:let|var|const|val|auto|mut|my|local)\s+(?:mut\s+)?([A-Za-z_]\w*)|\b([A-Za-z_]\w*)\s*:=|^\s*\$?([A-Za-z_]\w*)\s*=[^=]",
    re.MULTILINE,
)
_PARAM_NAME = re.compile(r"([A-Za-z_$]\w*)\s*(?:[:=]|$)|([A-Za-z_]\w*)\s*(?:\[\s*\])?\s*$")
_INDENT_LANGUAGES = ("ruby", "shell")
_COMPILED: dict[str, re.Pattern[str]] = {}


def _header(language: str) -> re.Pattern[str]:
    pattern = _COMPILED.get(language)
    if pattern is None:
        pattern = re.compile(_HEADERS.get(language, _C_HEADER), re.MULTILINE)
        _COMPILED[language] = pattern
    return pattern


def param_name(param: str, language: str) -> str | None:
    """The name in one parameter: ``int count`` -> count, ``name: &str`` -> name."""
    param = param.strip().lstrip("&*.$ ").removeprefix("mut ").strip()
    if not param or param in ("self", "&self", "this", "void", "..."):
        return None
    if ":" in param and language in ("rust", "kotlin", "swift", "scala", "typescript", "python"):
        head = param.split(":", 1)[0].split()
        return head[-1].lstrip("$&*") if head else None
    if language in ("go",):
        head = param.split()
        return head[0] if head else None
    param = param.split("=", 1)[0].strip()
    words = re.findall(r"[A-Za-z_$]\w*", param)
    return words[-1].lstrip("$") if words else None


def brace_scan(masked: str, original: str, language: str) -> FileStructure:
    """Scan masked code of a brace (or ``end``) language."""
    structure = FileStructure()
    lines = masked.split("\n")
    line_starts = [0]
    depth_before = []
    depth = 0
    for line in lines:
        depth_before.append(depth)
        depth += line.count("{") - line.count("}")
        line_starts.append(line_starts[-1] + len(line) + 1)
        if line.strip():
            structure.code_lines += 1
    original_lines = original.split("\n")
    for match in _header(language).finditer(masked):
        name = match.group("name") or _group(match, "name2") or _group(match, "name3")
        if not name or name in _KEYWORDS:
            continue
        params_text = match.group("params") or _group(match, "params2") or _group(match, "params3") or ""
        line = masked.count("\n", 0, match.start()) + 1
        if line > len(depth_before):
            continue
        params = [p for p in (param_name(x, language) for x in split_params(params_text)) if p]
        function = FunctionInfo(name=name, line=line, params=params)
        _measure(function, lines, depth_before, language)
        function.documented = _has_doc_comment(original_lines, line - 1, language)
        structure.functions.append(function)
        structure.defined_names.append((line, name))
        structure.defined_names.extend((line, p) for p in params)
    for match in _EMPTY_CATCH.finditer(masked):
        structure.swallowed_handlers.append(masked.count("\n", 0, match.start()) + 1)
    for match in _DECLARATION.finditer(masked):
        name = match.group(1) or match.group(2) or match.group(3)
        structure.defined_names.append((masked.count("\n", 0, match.start()) + 1, name))
    return structure


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _measure(function: FunctionInfo, lines: list[str], depth_before: list[int], language: str) -> None:
    """Length and nesting of the function starting at ``function.line`` (1-based)."""
    start = function.line - 1
    if language in _INDENT_LANGUAGES:
        _measure_by_indent(function, lines, start)
        return
    base = depth_before[start]
    end = start
    opened = False
    for index in range(start, len(lines)):
        line = lines[index]
        if "{" in line:
            opened = True
        after = depth_before[index + 1] if index + 1 < len(depth_before) else 0
        if opened and after <= base:
            end = index
            break
        end = index
        if index > start and _CONTROL.search(line):
            nesting = depth_before[index] - base
            if nesting > function.max_nesting:
                function.max_nesting, function.nesting_line = nesting, index + 1
    function.length = end - start + 1


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
        if _CONTROL.match(stripped) or (stripped.endswith((" do", "{")) and not stripped.startswith("}")):
            levels.append(current)
            if len(levels) > function.max_nesting:
                function.max_nesting, function.nesting_line = len(levels), index + 1
    function.length = end - start + 1


def _has_doc_comment(original_lines: list[str], index: int, language: str) -> bool:
    """A comment right above the header (skipping attributes/decorators)."""
    cursor = index - 1
    while cursor >= 0 and original_lines[cursor].strip().startswith(("@", "#[", "[")):
        cursor -= 1
    if cursor < 0:
        return False
    above = original_lines[cursor].strip()
    return above.startswith(("///", "//", "/**", "*", "*/", "#", "<!--")) or above.endswith("*/")
