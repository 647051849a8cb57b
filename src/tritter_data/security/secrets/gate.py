"""The single multi-pattern pass: which rule gates occur in a file at all.

Most files hold no gate (``ghp_``, ``AKIA``, ``password``...), so one pass over the bytes
decides that nothing else runs. Two engines answer the same question; ``make_gate`` picks
Hyperscan (a Vectorscan multi-pattern DFA, the ``fast`` extra) when it is installed and RE2's
``Set`` otherwise. ``benchmarks/bench_secrets.py`` measures both on the same files::

    >>> gate = make_gate([(b"ghp_", False), (b"password", True)], engine="re2")
    >>> sorted(gate(b"PASSWORD = 'x'"))
    [1]
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from tritter_data.security.prefilter import re2_module

logger = logging.getLogger(__name__)

Gate = Callable[[bytes], set[int]]
ENGINES = ("hyperscan", "re2")


def hyperscan_available() -> bool:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


def re2_gate(patterns: Sequence[tuple[bytes, bool]]) -> Gate:
    """An RE2 ``Set``: one DFA over all gates, answers the indices that match."""
    re2 = re2_module()
    options = re2.Options()
    options.max_mem = 256 << 20
    rule_set = re2.Set.SearchSet(options)
    for pattern, caseless in patterns:
        rule_set.Add(b"(?i)" + pattern if caseless else pattern)
    rule_set.Compile()

    def match(data: bytes) -> set[int]:
        return set(rule_set.Match(data) or ())

    return match


def hyperscan_gate(patterns: Sequence[tuple[bytes, bool]]) -> Gate:
    """A Hyperscan block-mode database; each gate reports once (``SINGLEMATCH``)."""
    import hyperscan

    database = hyperscan.Database()
    flags = [hyperscan.HS_FLAG_SINGLEMATCH | (hyperscan.HS_FLAG_CASELESS if caseless else 0)
             for _, caseless in patterns]
    database.compile(expressions=[p for p, _ in patterns], ids=list(range(len(patterns))),
                     elements=len(patterns), flags=flags)
    scratch = hyperscan.Scratch(database)

    def match(data: bytes) -> set[int]:
        found: set[int] = set()

        def on_match(index: int, start: int, end: int, flags: int, context: object) -> None:
            found.add(index)

        database.scan(data, match_event_handler=on_match, scratch=scratch)
        return found

    return match


def make_gate(patterns: Sequence[tuple[bytes, bool]], engine: str = "auto") -> Gate:
    """The gate over ``(regex, caseless)`` pairs; ``engine`` is ``auto``, ``hyperscan`` or ``re2``."""
    if engine not in ("auto", *ENGINES):
        raise ValueError(f"secret gate engine must be one of auto, {', '.join(ENGINES)}; got {engine!r}")
    if engine == "hyperscan":
        return hyperscan_gate(patterns)
    if engine == "auto" and hyperscan_available():
        try:
            return hyperscan_gate(patterns)
        except Exception as error:  # e.g. a CPU without the instructions the wheel was built for
            logger.warning("hyperscan unavailable (%s); using RE2's Set for the secret gate", error)
    return re2_gate(patterns)
