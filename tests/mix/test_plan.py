"""Epoch planning and interleaving: pure functions, exact values."""

from __future__ import annotations

import random

from tritter_data.mix.plan import component_targets, interleave_order, plan_component


def test_a_large_component_is_sampled_below_its_target() -> None:
    tokens = [random.Random(7).randint(50, 500) for _ in range(400)]
    plan = plan_component(tokens, target=20_000, max_epochs=4, seed=3, name="python")
    assert plan.full_epochs == 0 and plan.passes == 1
    assert abs(plan.taken_tokens - 20_000) < 50
    assert plan.taken_tokens == sum(t for t, x in zip(tokens, plan.extra, strict=True) if x)
    assert plan.taken_records == sum(plan.extra)


def test_a_small_component_is_upsampled_whole_epochs_then_a_subset() -> None:
    tokens = [100, 200, 300, 400]  # 1000 available
    plan = plan_component(tokens, target=2_700, max_epochs=4, seed=0, name="docs")
    assert (plan.full_epochs, plan.taken_tokens, plan.shortfall_tokens) == (2, 2_700, 0)
    assert sum(t for t, x in zip(tokens, plan.extra, strict=True) if x) == 700
    assert plan.epochs == 2.7 and not plan.capped


def test_upsampling_stops_at_max_epochs_and_reports_the_shortfall() -> None:
    plan = plan_component([100, 200, 300, 400], target=10_000, max_epochs=4, seed=0, name="chat")
    assert (plan.full_epochs, plan.taken_tokens, plan.shortfall_tokens, plan.epochs) == (4, 4_000, 6_000, 4.0)
    assert plan.capped and not any(plan.extra)
    half = plan_component([100, 200, 300, 400], target=10_000, max_epochs=2.5, seed=0, name="chat")
    assert (half.full_epochs, half.taken_tokens, half.shortfall_tokens) == (2, 2_500, 7_500)


def test_big_records_do_not_leave_a_big_gap() -> None:
    tokens = [1_000] * 10 + [16_500, 17_000]  # 43,500 available
    assert [plan_component(tokens, 36_000, 4, seed, "python").taken_tokens for seed in range(6)] == [
        36_500, 35_500, 36_500, 36_500, 36_500, 36_500]


def test_an_empty_component_takes_nothing() -> None:
    plan = plan_component([], target=500, max_epochs=4, seed=0, name="rust")
    assert (plan.taken_tokens, plan.shortfall_tokens, plan.epochs, plan.passes) == (0, 500, 0.0, 0)


def test_the_subset_depends_on_seed_and_name_only() -> None:
    tokens = list(range(1, 200))
    a = plan_component(tokens, 5_000, 4, seed=1, name="python").extra
    assert a == plan_component(tokens, 5_000, 4, seed=1, name="python").extra
    assert a != plan_component(tokens, 5_000, 4, seed=2, name="python").extra
    assert a != plan_component(tokens, 5_000, 4, seed=1, name="rust").extra


def test_targets_from_shares_or_tokens() -> None:
    assert component_targets([40, 25, 20, 10, 5], [None] * 5, 1_000) == [400, 250, 200, 100, 50]
    assert component_targets([None, None], [300, 700], 0) == [300, 700]


def test_interleaving_keeps_every_prefix_in_proportion() -> None:
    rng = random.Random(5)
    taken = [[rng.randint(1, 60) for _ in range(300)], [rng.randint(1, 30) for _ in range(200)], [10] * 50]
    totals = [sum(t) for t in taken]
    grand = sum(totals)
    order = list(interleave_order(taken))
    assert sorted(order) == sorted(c for c, t in enumerate(taken) for _ in t)
    emitted, position = [0, 0, 0], [0, 0, 0]
    for c in order:
        emitted[c] += taken[c][position[c]]
        position[c] += 1
        done = sum(emitted)
        for k in range(3):  # never more than one record ahead of its share
            assert emitted[k] - totals[k] / grand * done <= 60
    assert order == list(interleave_order(taken))
