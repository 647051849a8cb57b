"""What a regular expression's group can hold: a value matched by ``re.match(r'\\s+{(\\d+), (0|"\\w+")},$', line)``
and read back with ``mo.group(2)`` is a number or a quoted word, whatever the line was, so passing it to
``eval`` runs no code (lib2to3's grammar converter does exactly that). A group whose alphabet is only
word characters, digits, quotes, backslashes, blanks and signs is such an allow-list check; anything
that can match ``(``, ``.``, ``[`` or an arbitrary character is not.

    >>> group_is_inert(r'\\s+{(\\d+), (0|"\\w+")},$', (1, 2)), group_is_inert(r"eval\\((.*)\\)", (1,))
    (True, False)
"""

from __future__ import annotations

import functools
import re
import string
from typing import Any

from tritter_data.security.insecure.taint_values import Value, join, unknown

try:  # Python 3.11+: the parser moved
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Characters a group may match and still be inert in code: names, numbers, quotes, escapes, blanks, signs.
_INERT = frozenset(string.ascii_letters + string.digits + "_\"'\\ \t-+")
_INERT_CATEGORIES = {_sre.CATEGORY_DIGIT, _sre.CATEGORY_WORD, _sre.CATEGORY_SPACE}
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT} | ({_sre.POSSESSIVE_REPEAT} if hasattr(_sre, "POSSESSIVE_REPEAT") else set())


def group_is_inert(pattern: str, groups: tuple[int, ...]) -> bool:
    """Whether every group of ``groups`` (0: the whole match) of ``pattern`` can only match inert text."""
    parsed = _parsed(pattern)
    if parsed is None:
        return False
    found = {0: parsed}
    _collect(parsed, found)
    return all(group in found and _inert(found[group]) for group in groups)


@functools.lru_cache(maxsize=512)
def _parsed(pattern: str) -> Any:
    try:
        return _sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None


def _collect(items: Any, found: dict[int, Any]) -> None:
    for op, arg in items:
        if op is _sre.SUBPATTERN:
            group, *_, sub = arg
            if group is not None:
                found[group] = sub
            _collect(sub, found)
        elif op in _REPEATS:
            _collect(arg[2], found)
        elif op is _sre.BRANCH:
            for branch in arg[1]:
                _collect(branch, found)


def _inert(items: Any) -> bool:
    for op, arg in items:
        if op is _sre.LITERAL:
            if chr(arg) not in _INERT:
                return False
        elif op is _sre.IN:
            if not all(_inert_member(member_op, member) for member_op, member in arg):
                return False
        elif op is _sre.SUBPATTERN:
            if not _inert(arg[-1]):
                return False
        elif op in _REPEATS:
            if not _inert(arg[2]):
                return False
        elif op is _sre.BRANCH:
            if not all(_inert(branch) for branch in arg[1]):
                return False
        elif op not in _ZERO_WIDTH:
            return False  # ANY, NOT_LITERAL, GROUPREF, a negated class...
    return True


def _inert_member(op: Any, member: Any) -> bool:
    if op is _sre.LITERAL:
        return chr(member) in _INERT
    if op is _sre.RANGE:
        return all(chr(code) in _INERT for code in range(member[0], member[1] + 1))
    if op is _sre.CATEGORY:
        return member in _INERT_CATEGORIES
    return False  # NEGATE and the rest


_REGEX_FUNCTIONS = frozenset({"re.match", "re.fullmatch", "re.search", "re.compile", "regex.match", "regex.fullmatch",
                              "regex.search", "regex.compile"})


def regex_call(callee: str, name: str, receiver: Value | None, values: list[Value]) -> Value | None:
    """Python's ``re``: a match keeps its pattern, and a group whose pattern admits only inert text
    (``taint_regex``) is safe whatever was matched; None for any other call."""
    if callee in _REGEX_FUNCTIONS and values and isinstance(values[0].folded, str):
        out = join(values[1:]) if len(values) > 1 else unknown()
        out.pattern = values[0].folded
        return out
    if receiver is None or receiver.pattern is None:
        return None
    if name in ("match", "fullmatch", "search"):  # a compiled pattern's match
        out = join(values) if values else unknown()
        out.pattern = receiver.pattern
        return out
    if name in ("group", "groups", "__getitem__"):
        numbers = tuple(v.folded for v in values)
        if name == "groups":
            numbers = tuple(range(1, _group_count(receiver.pattern) + 1))
        elif not numbers:
            numbers = (0,)
        if numbers and all(isinstance(n, int) for n in numbers) and group_is_inert(receiver.pattern, numbers):
            return Value("safe", text="?")
    return None


def _group_count(pattern: str) -> int:
    try:
        return re.compile(pattern).groups
    except re.error:
        return 0
