"""Sinks as data: what a sink entry says, how a call is matched to one, and the RE2 gate built from them.

A language's sinks are one table (``sink_tables.py``): each ``Sink`` names its callees, the
argument that matters, the verdict that judges it and the rule (whose category, CWE,
explanation and fix live in ``explain.RULES``). The per-language modules only say how to
read a call of their grammar (``site``) and hold the few verdicts no other language shares.
The prefilter's RE2 patterns are generated here from the same entries, so a new sink is one
entry, and its gate cannot drift from its matcher::

    >>> main, gated = gate("go")
    >>> b"exec\\\\.Command" in main and b"\\\\.(?:" in main
    True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tritter_data.security.insecure.syntax import Context, keyword

#: A verdict: the hits for one matched call, or None when the call is not this sink after all.
Verdict = Callable[["Sink", "Site", Context], "list[Any] | None"]


@dataclass(frozen=True, slots=True)
class Sink:
    """One sink: which calls, which argument, judged how, reported as which rule.

    ``callees`` match the whole callee as the language module canonicalises it (``os.system``,
    ``new ProcessBuilder``); ``methods`` match the called name on a receiver (``cur.execute``);
    ``names`` match the called name with or without one. ``arg`` is the argument that matters:
    an index, ``"last"``, ``"all"``, or a tuple of indices each judged in turn (the first that
    hits wins); ``keyword`` names it when it is passed by keyword. ``needs``: the file must
    mention one of these (the module that makes a common name a sink, e.g. ``child_process``);
    they are also the gate's needles. ``only_if``/``safe_if``: a keyword argument with this
    text makes the call this sink / makes it safe (``shell=True``, ``weights_only=True``).
    ``gate``: an explicit RE2 pattern when the call is not written ``name(`` (then ``example``
    is a realistic call it must match; the test checks it); a capture group marks where the
    name starts when the pattern needs a character before it.
    """

    rule: str
    verdict: str = "payload"
    callees: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    arg: int | str | tuple[int, ...] = 0
    keyword: bytes = b""
    severity: str = "critical"
    label: str = ""
    types: tuple[str, ...] = ()
    needs: tuple[bytes, ...] = ()
    unless_file: bytes = b""
    only_if: tuple[bytes, bytes] | None = None
    safe_if: tuple[bytes, bytes] | None = None
    unwrap: bool = False
    gate: bytes = b""
    example: str = ""


@dataclass(frozen=True, slots=True)
class SinkTable:
    """A language's sinks in priority order, with what its calls look like to the gate."""

    calls: frozenset[str]  # node types of an ordinary call
    sinks: tuple[Sink, ...]
    suffix: bytes = rb"\s*\("  # what follows a called name (Ruby calls need no parentheses)
    member: bytes = rb"\."  # what precedes a method's name (PHP: -> or ::)
    import_modules: frozenset[str] = frozenset()  # Python: modules whose functions may be imported by name
    syntax: tuple[bytes, ...] = ()  # gate patterns for sinks that are syntax, not calls (backticks)


@dataclass(slots=True)
class Site:
    """A call as the rules see it: the canonical callee, the name called, the receiver, the arguments."""

    call: Any
    callee: str
    name: str
    receiver: str | None
    args: list[Any]
    shown: str = ""  # the callee as written, for the message

    def __post_init__(self) -> None:
        self.shown = self.shown or self.callee


def label(sink: Sink, site: Site, default: str = "{callee}") -> str:
    """The sink as the message names it (``os.popen``, ``Runtime.exec()``, ``execute``)."""
    return (sink.label or default).format(callee=site.shown, name=site.name, receiver=site.receiver or "",
                                          dot_receiver=f"{site.receiver}." if site.receiver else "")


def chosen(sink: Sink, site: Site) -> list[Any]:
    """The argument nodes that matter, in the order they are judged (None where absent)."""
    args, spec = site.args, sink.arg
    if spec == "all":
        picked = list(args)
    elif spec == "last":
        picked = args[-1:]
    elif isinstance(spec, tuple):
        picked = [args[i] for i in spec if i < len(args)]
    else:
        picked = [args[spec]] if isinstance(spec, int) and spec < len(args) else []
    if not picked and sink.keyword:
        picked = [_keyword(site.call, sink.keyword)]
    return picked or [None]


def _keyword(call: Any, name: bytes) -> Any | None:
    return keyword(call, name)


@dataclass(slots=True)
class _Index:
    by_callee: dict[str, list[int]] = field(default_factory=dict)
    by_method: dict[str, list[int]] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_type: dict[str, list[int]] = field(default_factory=dict)


@functools.cache
def _index(language: str) -> _Index:
    index = _Index()
    for position, sink in enumerate(table(language).sinks):
        for key, where in ((sink.callees, index.by_callee), (sink.methods, index.by_method), (sink.names, index.by_name)):
            for name in key:
                where.setdefault(name, []).append(position)
        if not (sink.callees or sink.methods or sink.names):
            for kind in sink.types:
                index.by_type.setdefault(kind, []).append(position)
    return index


@functools.cache
def table(language: str) -> SinkTable:
    from tritter_data.security.insecure.sink_tables import TABLES

    return TABLES[language]


def check(language: str, site: Site | None, ctx: Context, verdicts: dict[str, Verdict]) -> list[Any]:
    """The hits of the first sink entry that matches ``site`` (table order), judged by its verdict."""
    if site is None:
        return []
    index, spec = _index(language), table(language)
    kind = site.call.type
    positions = index.by_callee.get(site.callee, []) + index.by_name.get(site.name, []) + \
        (index.by_method.get(site.name, []) if site.receiver else []) + index.by_type.get(kind, [])
    if not positions:
        return []
    source, sinks, default_types = ctx.file or ctx.source, spec.sinks, spec.calls
    for position in sorted(set(positions)) if len(positions) > 1 else positions:
        sink = sinks[position]
        if kind not in (sink.types or default_types):
            continue
        if sink.needs and not any(needle in source for needle in sink.needs):
            continue
        if sink.unless_file and sink.unless_file in source:
            continue
        if sink.only_if is not None and not _keyword_is(site.call, sink.only_if):
            continue
        if sink.safe_if is not None and _keyword_is(site.call, sink.safe_if):
            return []
        hits = verdicts[sink.verdict](sink, site, ctx)
        if hits is not None:
            return hits
    return []


#: Keyword values Python treats as false: ``allow_pickle=0`` is as safe as ``allow_pickle=False``.
_FALSY = frozenset({b"False", b"0", b"None", b"''", b'""'})


def _keyword_is(call: Any, pair: tuple[bytes, bytes]) -> bool:
    """The keyword argument is given with this text; ``True`` stands for any true value (``shell=1``)."""
    value = _keyword(call, pair[0])
    if value is None:
        return False
    if pair[1] == b"True":  # a literal true value; a variable (shell=use_shell) is not known to be one
        return value.type in ("true", "integer", "float", "string") and value.text not in _FALSY
    return value.text == pair[1]


# ------------------------------------------------------------------ the gate


def _escape(name: str) -> bytes:
    return re.escape(name).encode()


def entry_gates(sink: Sink, suffix: bytes, member: bytes = rb"\.") -> list[bytes]:
    """The RE2 alternatives that find a call of this sink: its explicit gate, else built from its names."""
    if sink.gate:
        return [sink.gate]
    patterns: list[bytes] = []
    plain = [c for c in sink.callees if re.fullmatch(r"[\w$.:]+", c)]
    news = [c[4:] for c in sink.callees if c.startswith("new ")]
    if plain:
        patterns.append(rb"\b(?:" + b"|".join(_escape(c) for c in plain) + rb")" + suffix)
    if news:
        patterns.append(rb"\bnew\s+(?:[\w$]+\.)*(?:" + b"|".join(_escape(c) for c in news) + rb")" + suffix)
    if sink.methods:
        patterns.append(member + rb"(?:" + b"|".join(_escape(m) for m in sink.methods) + rb")" + suffix)
    if sink.names:
        patterns.append(rb"\b(?:" + b"|".join(_escape(n) for n in sink.names) + rb")" + suffix)
    return patterns


@functools.cache
def gate(language: str) -> tuple[bytes, tuple[tuple[bytes, bytes], ...]]:
    """(the pattern every file is scanned with, (needle, pattern) pairs scanned only in files holding the needle).

    Python functions imported by name (``from pickle import loads``) or from a module imported
    under another name (``import pickle as pkl``) get gated patterns of their own.
    """
    spec = table(language)
    main: list[bytes] = list(spec.syntax)
    gated: dict[bytes, list[bytes]] = {}
    imported: dict[str, list[str]] = {}  # module -> its sink functions, for the import forms
    for sink in spec.sinks:
        patterns = entry_gates(sink, spec.suffix, spec.member)
        if sink.needs:
            for needle in sink.needs:
                gated.setdefault(needle, []).extend(patterns)
        else:
            main.extend(patterns)
        for callee in sink.callees:
            module, _, function = callee.rpartition(".")
            if module in spec.import_modules:
                imported.setdefault(module, []).append(function)
    for module, functions in imported.items():  # one alternation per needle: each needle costs a scan
        names = b"|".join(_escape(f) for f in dict.fromkeys(functions))
        gated.setdefault(f"from {module} import".encode(), []).append(
            rb"(?:^|[^.\w])(" + names + rb")" + spec.suffix)  # bare: loads(...), not json.loads(...)
        gated.setdefault(f"import {module} as".encode(), []).append(rb"\.(?:" + names + rb")" + spec.suffix)
    return b"|".join(main), tuple((needle, b"|".join(dict.fromkeys(p))) for needle, p in gated.items())
