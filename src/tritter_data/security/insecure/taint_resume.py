"""Resume a trace's walk where an earlier trace of the same function left off.

Every sink in a function (and every call site traced for a caller's arguments) walks the
function body from its first statement. A statement that ends before the sink is walked the
same way whatever the sink: the walk looks at the stop only for nodes that reach it. So the
walk's state after each such statement (the names bound, the steps counted) is kept, per
parse and caller depth, for every plain block on the way to a sink (a body, a ``try``, the
arm of an ``if`` or the body of a loop that holds the sink), and a later trace starts from the last state that lies wholly before its
own sink. The state before a block is the same for every walk that enters it, so its saved
states fit any later walk. Values are never changed once made, so the saved tables can be
shared; each resume gets its own copy of the table to bind into.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tritter_data.security.insecure.taint_expr import MAX_NESTING, MAX_STEPS
from tritter_data.security.insecure.taint_values import Value

if TYPE_CHECKING:
    from tritter_data.security.insecure.taint import Flow

#: (bindings, steps) after each of the first children of a block, in order.
Checkpoints = list[tuple[dict[str, Value], int]]


def walk_resumed(flow: Flow, block: Any, env: dict[str, Value], store: dict[Any, Checkpoints],
                 handled: frozenset[str]) -> dict[str, Value]:
    """Exactly ``flow.walk(block, env)`` for a trace flow, when ``block``'s kind is not in ``handled``.

    ``handled``: the kinds ``Flow._walk`` treats itself; any other node is a block whose
    children it walks in order. ``store``: the checkpoints of one parse and caller depth, by
    block; every trace that enters a block on the way to its stop enters it in the same state.
    """
    if flow.level > MAX_NESTING:
        return env
    flow.level += 1
    try:
        flow.steps += 1
        if block.start_byte >= flow.stop or flow.steps > MAX_STEPS:
            return env
        checkpoints = store.setdefault((block.id, block.start_byte, block.end_byte), [])
        children = block.named_children
        done = 0
        for index in range(min(len(checkpoints), len(children)), 0, -1):
            if children[index - 1].end_byte < flow.stop:
                saved, flow.steps = checkpoints[index - 1]
                env, done = dict(saved), index
                break
        for index in range(done, len(children)):
            child = children[index]
            if child.start_byte >= flow.stop:
                break
            env = flow.descend(child, env) if child.end_byte >= flow.stop else flow.walk(child, env)
            if index == len(checkpoints) and child.end_byte < flow.stop:
                checkpoints.append((dict(env), flow.steps))
        return env
    finally:
        flow.level -= 1
