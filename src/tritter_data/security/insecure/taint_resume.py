"""Resume a trace's walk where an earlier trace of the same function left off.

Every sink in a function (and every call site traced for a caller's arguments) walks the
function body from its first statement. A statement that ends before the sink is walked the
same way whatever the sink: the walk looks at the stop only for nodes that reach it. So the
walk's state after each such top-level statement (the names bound, the steps counted) is kept,
per parse, function and caller depth, and a later trace of the function starts from the last
state that lies wholly before its own sink. Values are never changed once made, so the saved
tables can be shared; each resume gets its own copy of the table to bind into.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tritter_data.security.insecure.taint_expr import MAX_STEPS
from tritter_data.security.insecure.taint_values import Value

if TYPE_CHECKING:
    from tritter_data.security.insecure.taint import Flow

#: (bindings, steps) after each of the first top-level statements of a body, in order.
Checkpoints = list[tuple[dict[str, Value], int]]


def walk_resumed(flow: Flow, start: Any, env: dict[str, Value], checkpoints: Checkpoints) -> dict[str, Value]:
    """Exactly ``flow.walk(start, env)`` for a fresh trace flow whose ``start`` is a plain block.

    ``env`` must be what every earlier walk recorded in ``checkpoints`` started with too.
    """
    flow.level += 1
    try:
        flow.steps += 1
        if start.start_byte >= flow.stop or flow.steps > MAX_STEPS:
            return env
        children = start.named_children
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
            env = flow.walk(child, env)
            if index == len(checkpoints) and child.end_byte < flow.stop:
                checkpoints.append((dict(env), flow.steps))
        return env
    finally:
        flow.level -= 1
