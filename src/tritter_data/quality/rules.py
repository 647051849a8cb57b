"""Quality rules: each turns one measured signal into findings with a line, a message
and a fix. Thresholds live here, in one table, so they are easy to find and tune.
"""

from __future__ import annotations

import re

from tritter_data.core.findings import Finding
from tritter_data.quality.structure import FileStructure
from tritter_data.stages.thresholds import count_long_lines

MAX_PARAMS = (5, 7)  # more than 5: medium; more than 7: high
MAX_NESTING = (4, 5)  # deeper than 4: medium; deeper than 5: high
MAX_FUNCTION_LINES = (100, 200)
UNCLEAR_NAME_SHARE = (0.3, 0.5)  # share of defined names that are unclear (medium, high)
MIN_UNCLEAR_NAMES = 3
TODO_PER_LINES = 25
LONG_LINE_CHARS = 120
LONG_LINE_SHARE = 0.2
UNDOCUMENTED_SHARE = 0.75
MIN_FUNCTIONS_FOR_DOCS = 3
MIN_LINES_FOR_COMMENTS = 40

#: Names that say nothing about what they hold.
MEANINGLESS = frozenset(
    ["foo", "bar", "baz", "qux", "tmp", "temp", "tmp1", "tmp2", "temp1", "temp2", "var", "var1", "var2", "val1", "val2", "data1", "data2", "stuff", "thing", "things", "obj1", "obj2", "aa", "bb", "cc", "xx", "yy", "zz", "asdf", "blah", "dummy1", "ret1", "res1", "res2", "x1", "x2", "y1", "y2", "a1", "a2", "b1", "b2", "d1", "d2", "s1", "s2", "t1", "t2", "v1", "v2", "func1", "func2", "fn1", "fn2", "do_it", "doit", "do_stuff", "process_stuff", "my_var", "myvar", "my_func", "myfunc"]
)
#: Single letters that are conventional and clear in context (loop indices, errors, ...).
CONVENTIONAL = frozenset(["i", "j", "k", "n", "_", "e"])

_TODO = re.compile(r"(?:TODO|FIXME|XXX|HACK)(?!\w)")


def is_unclear_name(name: str) -> bool:
    """``f``, ``x``, ``tmp``, ``data2``: names a reader cannot learn anything from."""
    lowered = name.lower()
    if len(name) == 1:
        return lowered not in CONVENTIONAL
    return lowered in MEANINGLESS


def _graded(value: float, limits: tuple[float, float]) -> str | None:
    if value > limits[1]:
        return "high"
    if value > limits[0]:
        return "medium"
    return None


def structure_findings(structure: FileStructure, language: str) -> list[Finding]:
    findings: list[Finding] = []
    for function in structure.functions:
        count = len(function.params)
        severity = _graded(count, MAX_PARAMS)
        if severity:
            findings.append(Finding(
                "Q-PARAMS", "quality", "maintainability", function.line,
                f"Function '{function.name}' takes {count} parameters, too many to call correctly",
                "Group related parameters into a dataclass or options object, or split the function.",
                severity,
            ))
        severity = _graded(function.max_nesting, MAX_NESTING)
        if severity:
            findings.append(Finding(
                "Q-NESTING", "quality", "maintainability", function.nesting_line,
                f"Function '{function.name}' nests control flow {function.max_nesting} levels deep",
                "Return early with guard clauses and move inner blocks into well-named helper functions.",
                severity,
            ))
        severity = _graded(function.length, MAX_FUNCTION_LINES)
        if severity:
            findings.append(Finding(
                "Q-LONG-FUNCTION", "quality", "maintainability", function.line,
                f"Function '{function.name}' is {function.length} lines long",
                "Split it into smaller functions that each do one thing.",
                "low" if severity == "medium" else "medium",
            ))
    findings += _handler_findings(structure, language)
    findings += _name_findings(structure)
    documented = [f for f in structure.functions if f.documented]
    undocumented_share = 1 - len(documented) / len(structure.functions) if structure.functions else 0.0
    if len(structure.functions) >= MIN_FUNCTIONS_FOR_DOCS and undocumented_share >= UNDOCUMENTED_SHARE:
        first = next(f for f in structure.functions if not f.documented)
        doc = "docstrings" if language == "python" else "doc comments"
        findings.append(Finding(
            "Q-NO-DOCS", "quality", "documentation", first.line,
            f"{undocumented_share:.0%} of the functions have no {doc}",
            f"Add {doc} that say what each function does and why.",
            "low",
        ))
    return findings


def _handler_findings(structure: FileStructure, language: str) -> list[Finding]:
    findings = []
    swallowed_bare = {line for line, swallowed in structure.bare_handlers if swallowed}
    for line, swallowed in structure.bare_handlers:
        if swallowed:
            findings.append(Finding(
                "Q-BARE-EXCEPT", "quality", "error_handling", line,
                "Bare except clause silently swallows every error, including KeyboardInterrupt and SystemExit",
                "Catch the specific exceptions you expect (e.g. except ValueError:) and log or re-raise them.",
                "high",
            ))
        else:
            findings.append(Finding(
                "Q-BARE-EXCEPT", "quality", "error_handling", line,
                "Bare except clause catches every error, including KeyboardInterrupt and SystemExit",
                "Catch the specific exceptions you expect, e.g. except (OSError, ValueError):.",
                "medium",
            ))
    for line in structure.swallowed_handlers:
        if line in swallowed_bare:
            continue
        findings.append(Finding(
            "Q-SWALLOWED-ERROR", "quality", "error_handling", line,
            "Exception handler ignores the error it catches",
            "Handle the error, log it with context, or let it propagate.",
            "medium",
        ))
    return findings


def _name_findings(structure: FileStructure) -> list[Finding]:
    seen: dict[str, int] = {}
    for line, name in structure.defined_names:
        if not seen.get(name):
            seen[name] = line
    unclear = sorted((line, name) for name, line in seen.items() if is_unclear_name(name))
    if len(unclear) < MIN_UNCLEAR_NAMES and not (unclear and len(seen) <= 4 and len(unclear) >= 2):
        return []
    severity = _graded(len(unclear) / len(seen), UNCLEAR_NAME_SHARE)
    if not severity:
        return []
    shown = ", ".join(f"'{name}'" for _, name in unclear[:5])
    return [Finding(
        "Q-UNCLEAR-NAMES", "quality", "readability", unclear[0][0],
        f"Unclear names ({shown}) say nothing about what they hold",
        "Use descriptive names that state each value's meaning, e.g. 'total_price' instead of 'x'.",
        severity,
    )]


def text_findings(text: str, lines: int, structure: FileStructure, language: str) -> list[Finding]:
    findings = []
    has_marker = "TODO" in text or "FIXME" in text or "XXX" in text or "HACK" in text
    todos = [m.start() for m in _TODO.finditer(text)] if has_marker else []
    if lines and len(todos) * TODO_PER_LINES > lines and len(todos) >= 2:
        findings.append(Finding(
            "Q-TODO", "quality", "maintainability", text.count("\n", 0, todos[0]) + 1,
            f"{len(todos)} TODO/FIXME markers in {lines} lines: the code is unfinished",
            "Finish or remove the marked work, or track it in an issue.",
            "low",
        ))
    long_lines = count_long_lines(text, LONG_LINE_CHARS)
    if lines and long_lines > LONG_LINE_SHARE * lines:
        findings.append(Finding(
            "Q-LONG-LINES", "quality", "readability", 1,
            f"{long_lines} of {lines} lines are longer than {LONG_LINE_CHARS} characters",
            "Wrap long lines; an automatic formatter does this for you.",
            "low",
        ))
    if (structure.code_lines >= MIN_LINES_FOR_COMMENTS and structure.comment_count == 0
            and not structure.module_documented and not any(f.documented for f in structure.functions)):
        findings.append(Finding(
            "Q-NO-COMMENTS", "quality", "documentation", 1,
            f"{structure.code_lines} lines of code without a single comment or docstring",
            "Explain the non-obvious parts: why the code does what it does.",
            "low",
        ))
    return findings
