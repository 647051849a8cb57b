"""Names judged without context: what makes a name say nothing (``tmp``, ``x``) or number
instead of name (``num1``). ``signals`` adds the context (loop and math variables, Go's
one-letter receivers, test names)."""

from __future__ import annotations

import re

#: Names that say nothing about what they hold.
MEANINGLESS = frozenset(
    ["foo", "bar", "baz", "qux", "tmp", "temp", "tmp1", "tmp2", "temp1", "temp2", "var", "var1", "var2", "val1", "val2", "data1", "data2", "stuff", "thing", "things", "obj1", "obj2", "aa", "bb", "cc", "xx", "yy", "zz", "asdf", "blah", "dummy1", "ret1", "res1", "res2", "x1", "x2", "y1", "y2", "a1", "a2", "b1", "b2", "d1", "d2", "s1", "s2", "t1", "t2", "v1", "v2", "func1", "func2", "fn1", "fn2", "do_it", "doit", "do_stuff", "process_stuff", "my_var", "myvar", "my_func", "myfunc"]
)
#: Single letters that are conventional and clear in context (loop indices, errors, ...).
CONVENTIONAL = frozenset(["i", "j", "k", "n", "_", "e"])

#: Names numbered instead of named (``num1``, ``list2``): the beginner's way to say "another one".
NUMBERED = re.compile(r"(?:num|number|list|arr|array|str|string|var|val|value|temp|tmp|a|b|c|n|x|s|l|lst|"
                      r"obj|data|item|result|res|count|input|word|name|my\w*|test|func|fn|button|btn)\d+$")


def is_unclear_name(name: str) -> bool:
    """``f``, ``x``, ``tmp``, ``data2``: names a reader cannot learn anything from."""
    lowered = name.lower()
    if len(name) == 1:
        return lowered not in CONVENTIONAL
    return lowered in MEANINGLESS


def name_kind(name: str) -> str:
    """``"single"`` (an unconventional one-letter name), ``"meaningless"``, ``"numbered"``,
    or ``""`` for a name that says what it holds."""
    if len(name) == 1:
        return "single" if name.lower() not in CONVENTIONAL else ""
    if name.lower() in MEANINGLESS:
        return "meaningless"
    return "numbered" if NUMBERED.match(name) else ""


class _NameKinds(dict):
    """``name_kind`` memoised: names recur across files (``self``, ``value``, ``i``), so
    most lookups are one dict access. Bounded, so a long run does not grow it forever."""

    def __missing__(self, name: str) -> str:
        kind = name_kind(name)
        if len(self) < 500_000:
            self[name] = kind
        return kind


NAME_KINDS: dict[str, str] = _NameKinds()


def needs_line(name: str) -> bool:
    """Names a reason may point at (unclear or numbered) keep their line number."""
    return bool(NAME_KINDS[name])
