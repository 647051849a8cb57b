"""The fast gate: one RE2 scan per file finds dangerous sink names; only hits are parsed.

Parsing costs ~2 MB/s here, a RE2 scan hundreds of MB/s, and most files contain no sink,
so a file whose scan finds nothing is never parsed. RE2 runs in linear time, so no input
(a few MB of ``((((``, a minified bundle) can make the gate backtrack::

    >>> sink_offsets(b"x = 1\\ny = eval(s)\\n", "python")
    [10]
    >>> sink_offsets(b"evaluate(s)", "python")
    []
"""

from __future__ import annotations

import functools
import importlib
import itertools
from typing import Any

#: language -> module that reads its calls (``check``); the sinks and the gate are in ``insecure.sink_tables``.
RULE_MODULES = {
    "python": "python", "javascript": "javascript", "typescript": "javascript", "rust": "rust",
    "go": "go", "java": "java", "php": "php", "ruby": "ruby", "c": "c_cpp", "cpp": "c_cpp",
}


def re2_module() -> Any:
    try:
        import re2
    except ImportError as error:  # pragma: no cover - core dependency
        raise ImportError("google-re2 is required for the security scan: pip install google-re2") from error
    return re2


@functools.cache
def rules_for(language: str) -> Any:
    """The rule module of ``language`` (``tritter_data.security.insecure.<name>``), or None."""
    name = RULE_MODULES.get(language)
    return importlib.import_module(f"tritter_data.security.insecure.{name}") if name else None


def _compile(pattern: bytes) -> Any:
    options = re2_module().Options()
    options.max_mem = 64 << 20
    return re2_module().compile(pattern, options=options)


@functools.cache
def _patterns(language: str) -> tuple[Any, Any, dict[bytes, Any]] | None:
    """The language's sink pattern, the pattern of its needles, and the pattern gated by each needle.

    All are generated from the language's sink table (``sinks.gate``). The needles are found
    in one scan: Python has two dozen (``from os import``, ``sqlalchemy``...), and testing each
    with ``in`` would read the file two dozen times.
    """
    if rules_for(language) is None:
        return None
    from tritter_data.security.insecure.sinks import gate

    main, gated = gate(language)
    needles = _compile(b"|".join(re2_module().escape(needle) for needle, _ in gated)) if gated else None
    return _compile(main), needles, {needle: _compile(pattern) for needle, pattern in gated}


def _start(match: Any) -> int:
    """Where the call's name starts: a gate that needs a context character captures the name (``[^.](open)``)."""
    return match.start(match.lastindex) if match.lastindex else match.start()


def sink_offsets(data: bytes, language: str, limit: int = 5_000) -> list[int]:
    """Byte offsets where a sink name of ``language`` starts, at most ``limit`` (empty: nothing to parse).

    Gated sinks are names too common to scan for alone (JavaScript's ``exec`` is mostly
    ``RegExp.exec``): they count only in files that also contain their module's name.
    """
    patterns = _patterns(language)
    if patterns is None:
        return []
    main, needles, gated = patterns
    offsets = [match.start(match.lastindex) if match.lastindex else match.start()  # see _start
               for match in itertools.islice(main.finditer(data), limit)]
    aliases = getattr(rules_for(language), "alias_names", None)
    names = aliases(data) if aliases is not None else []
    if names:  # calls of this file's local names for sinks: var f = eval; f(s)
        pattern = _compile(rb"(?:^|[^.\w$])(" + b"|".join(re2_module().escape(n) for n in names) + rb")\s*\(")
        offsets += [match.start(1) for match in itertools.islice(pattern.finditer(data), limit)]
        offsets.sort()
    present = {match.group() for match in needles.finditer(data)} if needles is not None else ()
    for needle in present:
        offsets += [_start(match) for match in itertools.islice(gated[needle].finditer(data), limit)]
        offsets.sort()
    return offsets[:limit]
