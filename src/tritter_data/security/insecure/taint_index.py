"""Per-parse indexes the taint engine asks about again and again: functions, calls, call counts.

A window's tree is asked "which functions are named ``f``?", "where is ``f`` called?" and
"how often does ``f(`` appear?" for every sink traced in it. Each index is built once per
parse and kept in ``ctx.cache`` (so it never outlives its tree: a cache per file or window,
never across files). The node lists come from one tree-sitter query, which walks the tree
in C, instead of a Python walk over every node.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from tritter_data.security.insecure.syntax import Context, callee_name, last_name, name_starts, parser_for
from tritter_data.security.insecure.taint_nodes import CALLS, FUNCTIONS, function_name

_CALL_TAIL = re.compile(r"\s*\(")
#: Nodes a Python walk visits before giving up: the bound the indexes have always had.
MAX_WALK = 200_000


_KINDS = {"functions": FUNCTIONS, "calls": CALLS}


@functools.cache
def _query(grammar: str) -> Any | None:
    """One query capturing functions as ``@functions`` and calls as ``@calls`` (the kinds the grammar has)."""
    from tree_sitter import Query

    language = parser_for(grammar).language
    patterns = []
    for capture, kinds in _KINDS.items():
        present = sorted(kind for kind in kinds if language.id_for_node_kind(kind, True))
        if present:
            patterns.append("[" + " ".join(f"({kind})" for kind in present) + f"] @{capture}")
    return Query(language, "\n".join(patterns)) if patterns else None


def _nodes(ctx: Context, key: str) -> list[Any]:
    """Named nodes of ``_KINDS[key]`` under the root, in source (pre-)order; one query finds both kinds."""
    root = ctx.root
    if root is None:
        return []
    if root.descendant_count >= MAX_WALK:
        return _walk(root, _KINDS[key])  # the bounded walk, exactly as before, on pathological trees
    found = ctx.cache.get("nodes")
    if found is None:
        from tree_sitter import QueryCursor

        query = _query(ctx.grammar or ctx.language)
        found = ctx.cache["nodes"] = QueryCursor(query).captures(root) if query is not None else {}
        for nodes in found.values():
            nodes.sort(key=lambda node: (node.start_byte, -node.end_byte))
    return found.get(key, [])


def _walk(root: Any, kinds: frozenset[str]) -> list[Any]:
    out = []
    stack = [root]
    while stack and len(stack) < MAX_WALK:
        node = stack.pop()
        if node.type in kinds:
            out.append(node)
        stack.extend(reversed(node.named_children))
    return out


def functions_by_name(ctx: Context) -> dict[str, list[Any]]:
    """Functions and methods of the parsed text by name, in source order."""
    return _by_name(ctx, "functions", function_name)


def calls_by_name(ctx: Context) -> dict[str, list[Any]]:
    """Calls in the parsed text by the callee's last name, in source order."""
    return _by_name(ctx, "calls", lambda node, ctx: last_name(callee_name(node, ctx)))


def _by_name(ctx: Context, key: str, name_of: Callable[[Any, Context], str]) -> dict[str, list[Any]]:
    cached = ctx.cache.get(key)
    if cached is None:
        cached = {}
        for node in _nodes(ctx, key):
            name = name_of(node, ctx)
            if name or key == "calls":
                cached.setdefault(name, []).append(node)
        ctx.cache[key] = cached
    return cached


def call_count(name: str, text: str) -> int:
    """How often ``name(`` appears in ``text`` as a whole word (``x.name (`` too, ``rename(`` not)."""
    return len(name_starts(name, _CALL_TAIL, text))
