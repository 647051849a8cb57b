"""The names code defines, and how many of them say nothing (``tmp``, ``x``) or number
instead of name (``num1``).

Only a name a reason may point at needs its line, and such names are rare: names are
deduplicated with ``dict.fromkeys`` (in C), classified through the memoised
``rules.NAME_KINDS``, and only the flagged ones are located::

    >>> from tritter_data.quality.structure import FileStructure
    >>> structure = FileStructure()
    >>> record_defined_names("total = 0\\nfor tmp in x:\\n", [["total"], ["tmp"]], lambda wanted: {"tmp": 14}, structure)
    >>> structure.defined_names
    [(2, 'tmp'), (0, 'total')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain, repeat
from operator import itemgetter

from tritter_data.quality.rules import NAME_KINDS
from tritter_data.quality.structure import FileStructure, LineCounter


def record_defined_names(masked: str, groups: Iterable[list[str]], locate: Callable[[set[str]], dict[str, int]],
                         structure: FileStructure) -> None:
    """Add the names of ``groups`` (each in order of appearance; earlier groups first) to
    ``structure.defined_names``: flagged names with their line, sorted by where they are
    first defined (``locate`` gives those offsets), then the rest with line 0."""
    distinct = dict.fromkeys(chain.from_iterable(groups))
    kinds = NAME_KINDS
    flagged = [name for name in distinct if kinds[name]]
    if not flagged:
        structure.defined_names.extend(zip(repeat(0), distinct))
        return
    offsets = locate(set(flagged))
    lines = LineCounter(masked)
    structure.defined_names.extend((lines.at(offset), name) for offset, name in sorted((offsets[n], n) for n in flagged))
    structure.defined_names.extend(zip(repeat(0), [name for name in distinct if not kinds[name]]))


def add_defined_names(masked: str, first_offsets: dict[str, int], structure: FileStructure) -> None:
    """``record_defined_names`` for names whose first offsets are already known."""
    record_defined_names(masked, [list(first_offsets)], lambda wanted: first_offsets, structure)


def name_signals(values: dict[str, float], evidence: dict[str, int], examples: dict[str, list[str]],
                 structure: FileStructure, loop_vars: Callable[[], set[str]], math_heavy: Callable[[], bool],
                 language: str) -> None:
    """Unclear and numbered names, judged in context: loop variables are fine, single
    letters are fine in math-heavy code and in Go (its convention), test names are fine.
    ``loop_vars`` and ``math_heavy`` are asked only when a flagged name needs them."""
    defined = structure.defined_names
    if not defined:
        return
    distinct = dict.fromkeys(map(itemgetter(1), defined))
    kinds = NAME_KINDS
    flagged = [name for name in distinct if kinds[name]]
    if flagged:
        loops = loop_vars()
        flagged = [name for name in flagged if name not in loops]
    unclear: list[tuple[int, str]] = []
    numbered: list[tuple[int, str]] = []
    if flagged:
        # a flagged name keeps its line from its first record (functions first, then definitions)
        backwards = defined[::-1]
        first_line = dict(zip(map(itemgetter(1), backwards), map(itemgetter(0), backwards), strict=True))
        singles_count = language != "go" and any(kinds[name] == "single" for name in flagged) and not math_heavy()
        for name in flagged:
            kind = kinds[name]
            if kind == "numbered":
                numbered.append((first_line[name], name))
            elif kind == "meaningless" or singles_count:
                unclear.append((first_line[name], name))
    values["unclear_name_share"] = len(unclear) / len(distinct)
    values["numbered_name_share"] = len(numbered) / len(distinct)
    if unclear:
        unclear.sort()
        evidence["unclear_name_share"] = unclear[0][0]
        examples["unclear_name_share"] = [name for _, name in unclear[:5]]
    if numbered:
        numbered.sort()
        evidence["numbered_name_share"] = numbered[0][0]
        examples["numbered_name_share"] = [name for _, name in numbered[:5]]
