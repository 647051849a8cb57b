"""What the taint engine knows about one value: constant, tainted (from where) or unknown.

A value is ``const`` when only literal text (or a sanitiser's output) can reach it,
``tainted`` when a source can, with the first source's text and row kept for the
explanation, and ``unknown`` otherwise (a global, a field, a call we cannot see into).
Constants also carry their folded Python value, so ``(7 * 42) - 106 > 200`` is ``False``.

    >>> join([const("SELECT * FROM t WHERE id = "), tainted("request.args['id']", 3)]).kind
    'tainted'
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Any

NO_VALUE = object()  # a constant whose Python value we do not fold


@dataclass(slots=True)
class Value:
    kind: str  # "const" | "safe" (through a sanitiser) | "tainted" | "unknown"
    origin: tuple[str, int] | None = None  # the first source: its text and 0-based row
    text: str = ""  # literal parts, "?" for each value, for the "reads as SQL" test
    folded: Any = NO_VALUE  # the Python value of a constant, when known
    items: list[Value] | None = None  # elements of a list / array literal, in order
    keys: dict[Any, Value] = field(default_factory=dict)  # map entries put with constant keys
    built: bool = False  # text assembled from literals and values (concatenation, formatting)
    param: bool = False  # exactly a parameter of the function, passed on unchanged
    via_param: bool = False  # the taint comes from a parameter, not from a request, argv, stdin, a socket...
    wrapped: bool = False  # the result of a call of unknown code on it (``Tuple.of(x)``, ``$wpdb->prepare(q, x)``)
    pattern: str | None = None  # a Python regex match (or compiled pattern): its pattern, for ``.group()``
    loaded: bool = False  # the contents of a file the source names, not the name itself
    script: bool = False  # such contents compiled as a program under their file's name (``compile(t, path, "exec")``)


def const(text: str = "", folded: Any = NO_VALUE) -> Value:
    return Value("const", text=text, folded=folded)


def tainted(text: str, row: int) -> Value:
    return Value("tainted", origin=(" ".join(text.split())[:80], row), text="?")


def unknown() -> Value:
    return Value("unknown", text="?")


def join(values: list[Value], built: bool = False) -> Value:
    """Several values combined into one (concatenation, formatting, a branch merge)."""
    # the path that decides is named: outside input (argv, a request) before a parameter, a parameter
    # spliced in before one that only went through unknown code or names a table
    first = None
    kinds = set()
    all_via_param = True
    for value in values:
        kind = value.kind
        kinds.add(kind)
        if kind == "tainted":
            if first is None or _rank(value) < _rank(first):
                first = value
            if not value.via_param:
                all_via_param = False
    origin = first.origin if first is not None else None
    if origin is not None:
        kind = "tainted"
    elif kinds <= _CONST:
        kind = "const"
    elif kinds <= _CONST_OR_SAFE:
        kind = "safe"  # sanitised somewhere: "rm " + shlex.quote(path)
    else:
        kind = "unknown"
    if built:
        text = "".join([v.text for v in values])
    else:  # a list or a merge: keep the literal text of each part for the "reads as SQL" test
        text = " ".join([v.text for v in values if v.text and v.text != "?"]) or "?"
    return Value(kind, origin=origin, text=text, built=built or any(v.built for v in values),
                 via_param=first is not None and all_via_param, loaded=first is not None and first.loaded,
                 wrapped=first is not None and first.via_param and first.wrapped,
                 script=first is not None and first.script)


def _rank(value: Value) -> int:
    if not value.via_param:
        return 0
    return 2 if value.wrapped or schema_named(value) else 1


def schema_named(value: Value) -> bool:
    """A library parameter named for a table, column or database (``tableName``, ``$archiveTable``, ``db_name``).

    ORMs, migrations and storage layers put their callers' table names into SQL: names cannot be
    bound as parameters, and they come from the program's own schema, so SQL built from them is
    the caller's contract. A request value as a name stays a finding, and a value beside the name
    is the origin a join keeps (``_rank``), so it still decides.
    """
    return value.via_param and bool(value.origin and SCHEMA_NAME.fullmatch(value.origin[0]))


#: ``table``, ``tableName``, ``tableOrName``, ``$archiveTable``, ``db_name``, ``columns``; not ``protocol`` or ``stable``.
SCHEMA_NAME = re.compile(r"\$?(?:[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*(?=[A-Z])|\w+_)?"
                         r"(?:[Tt]able|[Cc]olumn|[Cc]ol|[Dd]atabase|[Dd]b|DB|[Ss]chema|[Vv]iew|[Ss]equence|[Cc]ollection)"
                         r"(?:_?(?:[Oo]r_?)?(?:[Nn]ame|NAME|[Pp]ath|[Ii]ndex))?s?")


_CONST = frozenset({"const"})
_CONST_OR_SAFE = frozenset({"const", "safe"})


def merge(left: dict[str, Value], right: dict[str, Value]) -> dict[str, Value]:
    """Two branches' environments joined: a name is tainted if either branch taints it."""
    out = dict(left)
    for name, value in right.items():
        old = out.get(name)
        if old is None:
            out[name] = value
        elif old is not value:
            joined = join([old, value])
            joined.text = old.text if old.text == value.text else old.text or value.text
            out[name] = joined
    return out


_BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, ">": operator.gt, "<": operator.lt,
    ">=": operator.ge, "<=": operator.le, "==": operator.eq, "!=": operator.ne, "===": operator.eq,
    "!==": operator.ne, "&&": lambda a, b: a and b, "||": lambda a, b: a or b, "and": lambda a, b: a and b,
    "or": lambda a, b: a or b, "/": lambda a, b: a // b if isinstance(a, int) and isinstance(b, int) else a / b,
    "%": lambda a, b: a % b if isinstance(a, int) else NO_VALUE,
}
COMPARISONS = frozenset({">", "<", ">=", "<=", "==", "!=", "===", "!==", "&&", "||", "and", "or", "in", "not in",
                         "is", "is not", "instanceof", "<=>", "=~", "!~"})
ARITHMETIC = frozenset({"-", "*", "/", "<<", ">>", "&", "|", "^", "**", "//"})


def fold_binary(op: str, left: Value, right: Value) -> Any:
    """``7 * 42 - 106 > 200`` -> False, when both sides are folded constants."""
    function = _BINARY.get(op)
    if function is None or left.folded is NO_VALUE or right.folded is NO_VALUE:
        return NO_VALUE
    try:
        return function(left.folded, right.folded)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return NO_VALUE


#: printf verbs that can only print a number: their argument cannot inject text.
NUMERIC_VERBS = frozenset("dibouxXeEfFgGcp") | {"t"}
_VERB = re.compile(r"%(?:\(\w+\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])")


def printf_verbs(template: str) -> list[str]:
    """The conversion letter of each value a printf/``%`` template takes, in order."""
    return [verb for verb in _VERB.findall(template) if verb != "%"]


def literal_text(raw: str) -> str:
    """A string literal's content without its quotes and prefixes (``f``, ``r``, ``b``, ``@``)."""
    stripped = raw.lstrip("rRbBuUfF@$")
    for quote in ('"""', "'''", '"', "'", "`"):
        if stripped.startswith(quote) and stripped.endswith(quote) and len(stripped) >= 2 * len(quote):
            return stripped[len(quote):-len(quote)]
    return stripped


#: Allow-list checks in a condition: the name they validate is group ``n``.
_GUARDS = re.compile(
    r"(?P<a>[\w$.\[\]'\"]+)\.(?:isidentifier|isdigit|isalnum|isalpha|isdecimal|isnumeric|matches)\("
    r"|(?:fullmatch|match|test|MatchString|preg_match|search)\([^,()]*(?:\([^()]*\))?[^,()]*,\s*(?P<b>[\w$.]+)\s*\)"
    r"|\.(?:fullmatch|match|test|MatchString|matcher)\(\s*(?P<c>[\w$.]+)\s*\)"
    r"|(?P<d>[\w$.]+)\s+(?:not\s+)?in\s+[\[({A-Z_]"
    r"|(?:in_array|ctype_\w+|is_numeric|is_int|array_key_exists|isset)\(\s*(?P<e>\$\w+)"
    r"|\.(?:includes|has|contains|containsKey|include\?|member\?|key\?)\(?\s*(?P<f>[\w$.:]+)\s*\)?"
    r"|(?P<g>[\w$.]+)\s*(?:==|===|!=|!==)\s*[\"']"
    r"|(?:strconv\.Atoi|Integer\.parseInt|isinstance|is_a\?)\(\s*(?P<h>[\w$.]+)"
    r"|(?P<i>[\w$.]+)\.(?:chars|bytes)\(\)\.all\("  # Rust: every character in a class
    r"|\ball\(\s*\w+\.is\w+\(\)\s+for\s+\w+\s+in\s+(?P<j>[\w.]+)\s*\)"  # Python: all(c.isalnum() for c in x)
)


def negated_names(condition: str) -> set[str]:
    """Names a condition compares with ``!=`` or ``not in``: inside such an ``if`` they may hold anything
    else; only past an ``if`` that exits are they checked."""
    return {m.group(1) for m in _NEGATED.finditer(condition[:2000])}


_NEGATED = re.compile(r"([\w$.]+)\s*(?:!==?\s*[\"']|\s+not\s+in\s)")


def guarded_names(condition: str) -> set[str]:
    """Names an ``if`` condition checks against an allow-list, a pattern or a type."""
    names = set()
    for match in _GUARDS.finditer(condition[:2000]):
        name = next((group for group in match.groups() if group), None)
        if name:
            names.add(name)
    return names
