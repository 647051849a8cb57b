"""How many times each record of a component goes into the mix, and in what order.

A component with ``available`` tokens and a ``target`` is taken ``full`` whole epochs plus a
seeded subset of records for the fractional rest (never more than the target), capped at ``max_epochs``; what the cap
leaves missing is the shortfall. A component larger than its target is simply ``full = 0``
plus a subset. The subset is drawn from a permutation seeded by ``(seed, component name)``,
so the same inputs and seed always select the same records::

    >>> plan = plan_component([10, 10, 10, 10], target=60, max_epochs=4, seed=1, name="py")
    >>> plan.full_epochs, plan.taken_tokens, plan.shortfall_tokens, sum(plan.extra)
    (1, 60, 0, 2)
    >>> plan_component([10, 10], target=100, max_epochs=4, seed=1, name="py").shortfall_tokens
    20
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ComponentPlan:
    """``full_epochs`` passes over every record, then one pass over the ``extra`` records."""

    available_tokens: int
    available_records: int
    target_tokens: int
    full_epochs: int
    extra: bytes  # 1 for each record taken once more after the full epochs
    taken_tokens: int
    taken_records: int
    max_epochs: float = 4.0

    @property
    def epochs(self) -> float:
        return self.taken_tokens / self.available_tokens if self.available_tokens else 0.0

    @property
    def shortfall_tokens(self) -> int:
        return max(0, self.target_tokens - self.taken_tokens)

    @property
    def capped(self) -> bool:
        """True when ``max_epochs`` (not the records' granularity) caused the shortfall."""
        return self.available_tokens * self.max_epochs < self.target_tokens

    @property
    def passes(self) -> int:
        return self.full_epochs + (1 if any(self.extra) else 0)


def plan_component(tokens: Sequence[int], target: int, max_epochs: float, seed: int, name: str) -> ComponentPlan:
    """Choose whole epochs plus a seeded subset of records filling up to ``target``."""
    available = sum(tokens)
    reachable = min(target, math.floor(available * max_epochs)) if available else 0
    full = min(reachable // available, math.floor(max_epochs)) if available else 0
    rest = reachable - full * available
    extra = bytearray(len(tokens))
    subset_tokens = subset_records = 0
    if rest > 0:
        # Greedy fill in seeded order: take each record that still fits under the rest, so
        # the subset lands within the smallest remaining record of the target.
        order = list(range(len(tokens)))
        random.Random(f"{seed}:{name}").shuffle(order)
        for index in order:
            count = tokens[index]
            if count and subset_tokens + count <= rest:
                extra[index] = 1
                subset_tokens += count
                subset_records += 1
                if subset_tokens == rest:
                    break
    nonempty = sum(1 for t in tokens if t)
    return ComponentPlan(
        available_tokens=available, available_records=len(tokens), target_tokens=target,
        full_epochs=full, extra=bytes(extra), taken_tokens=full * available + subset_tokens,
        taken_records=full * nonempty + subset_records, max_epochs=max_epochs,
    )


def component_targets(shares: Sequence[float | None], tokens: Sequence[int | None], total: int) -> list[int]:
    """Target tokens per component: ``share`` percent of ``total``, or the given ``tokens``."""
    return [round(total * s / 100) if s is not None else int(t or 0) for s, t in zip(shares, tokens)]


def interleave_order(taken: Sequence[Sequence[int]]) -> Iterator[int]:
    """Component index of each output record, keeping every prefix near the target mix.

    ``taken[c]`` lists the token counts of the records component ``c`` emits, in order.
    Each step emits from the component furthest behind its share of the total (smallest
    emitted/taken ratio; ties go to the earlier component), so proportions hold throughout
    the output, not just at its end::

        >>> list(interleave_order([[1, 1, 1], [1]]))
        [0, 1, 0, 0]
    """
    totals = [sum(t) for t in taken]
    emitted = [0] * len(taken)
    position = [0] * len(taken)
    live = [c for c in range(len(taken)) if position[c] < len(taken[c])]
    while live:
        c = min(live, key=lambda i: (emitted[i] / totals[i] if totals[i] else 1.0, i))
        emitted[c] += taken[c][position[c]]
        position[c] += 1
        if position[c] == len(taken[c]):
            live.remove(c)
        yield c
