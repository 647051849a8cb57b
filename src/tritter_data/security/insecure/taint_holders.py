"""What a library function's parameter holds: its caller's program state, or outside input by name.

A parameter of a public function counts as input, but the fields and named entries of a program
object it carries (``snode.node``, ``var["="]``) are what the caller's program built.
"""

from __future__ import annotations

import re
from typing import Any

from tritter_data.security.insecure.syntax import Context
from tritter_data.security.insecure.taint_nodes import SUBSCRIPTS
from tritter_data.security.insecure.taint_values import Value

#: Parameter names that say an object holds outside input (``args.cmd``, ``form.name``, ``event.body``).
_OUTSIDE_HOLDER = re.compile(r"(?i)request|\breq\b|query|user|input|payload|\bbody\b|params?\b|\bargs\b|argv"
                             r"|options|\bopts\b|form|cookie|untrusted|tainted|event|upload|message|\bmsg\b|data")
_ATTRIBUTES = frozenset({"attribute", "member_expression", "field_expression", "selector_expression", "field_access",
                         "scoped_identifier"})


def internal_entry(holder: Value, holder_node: Any, index: Any, ctx: Context) -> bool:
    """A named entry of a program mapping a library function was handed (``var["="]``, ``config["ranks"]``).

    The same reading as an attribute: the caller built that dict (a parser's symbol table, a loaded
    trace's config). Mappings named for outside data (``event["body"]``, ``params["id"]``) keep their taint.
    """
    if holder.kind != "tainted" or not holder.via_param or holder.built or holder_node is None or \
            holder_node.type not in ("identifier", "variable_name") or _OUTSIDE_HOLDER.search(ctx.text(holder_node)):
        return False
    return index.type in ("string", "string_literal", "interpreted_string_literal") and \
        bool(re.fullmatch(r"[\"']?[^\"']*[\"']?", ctx.text(index)))


def internal_attribute(holder: Value, holder_node: Any, node: Any, ctx: Context) -> bool:
    """An attribute of a program object a library function was handed is program state, not input.

    ``snode.node``, ``function.params``, ``obj.__module__``: a parameter of a library function is
    its caller's value, and the caller's objects' fields are what the program built. Dunder
    attributes are always metadata. Holders named for outside data (``args.cmd``, ``form.name``)
    and request objects (not ``via_param``) keep their taint.
    """
    if holder.kind != "tainted" or node.type not in _ATTRIBUTES or holder_node is None:
        return False
    field = node.child_by_field_name("attribute") or node.child_by_field_name("property") or \
        node.child_by_field_name("field")
    if field is not None and re.fullmatch(r"__\w+__", ctx.text(field)):
        return True
    if not holder.via_param or holder.built or _OUTSIDE_HOLDER.search(ctx.text(holder_node)):
        return False
    if holder_node.type in ("identifier", "variable_name"):
        return True  # snode.node; also an element a loop took from such a parameter (subject.metadata)
    # subjects[0].metadata: a field of an element of a program-object parameter
    base = holder_node.named_children[0] if holder_node.type in SUBSCRIPTS and holder_node.named_children else None
    return base is not None and base.type in ("identifier", "variable_name") and \
        not _OUTSIDE_HOLDER.search(ctx.text(base))
