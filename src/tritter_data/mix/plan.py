"""How many times each record of a component goes into the mix, and in what order.

A component with ``available`` tokens and a ``target`` is taken ``full`` whole epochs plus a
seeded subset of records for the fractional rest (as close to it as whole records allow), capped at ``max_epochs``; what the cap
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
    """Choose whole epochs plus the seeded subset of records that comes closest to ``target``."""
    available = sum(tokens)
    reachable = min(target, math.floor(available * max_epochs)) if available else 0
    full = min(reachable // available, math.floor(max_epochs)) if available else 0
    rest = reachable - full * available
    extra = bytearray(len(tokens))
    subset_tokens = 0
    if rest > 0:
        order = list(range(len(tokens)))
        random.Random(f"{seed}:{name}").shuffle(order)
        extra, subset_tokens = closest_subset(tokens, order, rest, overshoot=reachable == target)
    subset_records = sum(extra)
    nonempty = sum(1 for t in tokens if t)
    return ComponentPlan(
        available_tokens=available, available_records=len(tokens), target_tokens=target,
        full_epochs=full, extra=bytes(extra), taken_tokens=full * available + subset_tokens,
        taken_records=full * nonempty + subset_records, max_epochs=max_epochs,
    )


def _fill(tokens: Sequence[int], order: list[int], budget: int) -> tuple[bytearray, int]:
    """Take records in ``order`` whenever they still fit under ``budget``."""
    mask, total = bytearray(len(tokens)), 0
    for index in order:
        if tokens[index] and total + tokens[index] <= budget:
            mask[index] = 1
            total += tokens[index]
            if total == budget:
                break
    return mask, total


def closest_subset(tokens: Sequence[int], order: list[int], rest: int, overshoot: bool) -> tuple[bytearray, int]:
    """A subset of records whose tokens come close to ``rest``, favouring no record type.

    Candidates: fill up to ``rest`` in the seeded order; the same plus its smallest missing
    record; and everything except a fill up to ``available - rest`` (which wins when a few
    large records would otherwise leave a gap). The closest wins; the overshooting ones only
    when ``overshoot`` is allowed (the target, not ``--max-epochs``, bounds the rest)::

        >>> tokens = [1_000] * 10 + [16_500, 17_000]
        >>> closest_subset(tokens, list(range(12)), 36_000, True)[1], closest_subset(tokens, list(range(12)), 36_000, False)[1]
        (36500, 26500)
    """
    under, under_total = _fill(tokens, order, rest)
    candidates = [(rest - under_total, 0, under, under_total)]
    if overshoot:
        left = [i for i in order if tokens[i] and not under[i]]
        if left:
            smallest = min(left, key=lambda i: tokens[i])
            plus = bytearray(under)
            plus[smallest] = 1
            candidates.append((under_total + tokens[smallest] - rest, 1, plus, under_total + tokens[smallest]))
        available = sum(tokens)
        dropped, dropped_total = _fill(tokens, order, available - rest)
        keep = bytearray(1 if t and not d else 0 for t, d in zip(tokens, dropped, strict=True))
        candidates.append((available - dropped_total - rest, 2, keep, available - dropped_total))
    _, _, mask, total = min(candidates, key=lambda c: (c[0], c[1]))
    return mask, total


def component_targets(shares: Sequence[float | None], tokens: Sequence[int | None], total: int) -> list[int]:
    """Target tokens per component: ``share`` percent of ``total``, or the given ``tokens``."""
    return [round(total * s / 100) if s is not None else int(t or 0) for s, t in zip(shares, tokens, strict=True)]


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
