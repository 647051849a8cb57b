"""Values the program itself fixes, though they look like input: its own path, argparse-checked options."""

from __future__ import annotations

import re
from typing import Any

from tritter_data.security.insecure.syntax import Context
from tritter_data.security.insecure.taint_values import Value

#: The interpreter's own path, not input: node sets ``process.argv[0]`` to its executable and ``[1]`` to the
#: script, so ``spawn(process.argv[0], args)`` restarts node itself. (A C or Go ``argv[0]`` is whatever
#: the caller of ``execve`` chose, so it stays a source.)
_OWN_PROGRAM = re.compile(r"(?:process\.argv\s*\[\s*[01]\s*\]|process\.(?:execPath|argv0)|sys\.executable)$")


def own_program(text: str) -> bool:
    """``process.argv[0]``, ``process.execPath``, ``sys.executable``: the interpreter, not its input."""
    return bool(_OWN_PROGRAM.match(text))


#: ``add_argument("cmd", choices=...)`` / ``type=int``: argparse itself allow-lists or converts the option.
_CHECKED_OPTION = re.compile(r"add_argument\(\s*(?:['\"][^'\"]*['\"]\s*,\s*)?['\"]-{0,2}([\w-]+)['\"]"
                             r"[^()]*(?:\([^()]*\)[^()]*)*?\b(?:choices\s*=|type\s*=\s*(?:int|float)\b)")


def checked_option(holder: Value, node: Any, ctx: Context) -> bool:
    """``options.cmd`` of ``parse_args()`` when ``cmd`` was declared with ``choices=`` or a numeric type."""
    if holder.origin is None or "parse_" not in holder.origin[0]:
        return False
    checked = ctx.cache.get("checked_options")
    if checked is None:
        text = (ctx.file or ctx.source)[:400_000].decode("utf-8", "replace")
        checked = {m.group(1).replace("-", "_") for m in _CHECKED_OPTION.finditer(text)} \
            if "add_argument" in text else set()
        ctx.cache["checked_options"] = checked
    field = node.child_by_field_name("attribute")
    return field is not None and ctx.text(field) in checked
