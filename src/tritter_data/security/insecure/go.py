"""Go: the sinks are entries of ``sink_tables_more.GO``; special here is ``exec.Command``: handed to a shell
with ``-c``, the script matters; otherwise only the program (``exec.Command("ls", dir)`` runs no shell)."""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure import sinks
from tritter_data.security.insecure.common import VERDICTS, Hit, payload_hit, value_hit
from tritter_data.security.insecure.sinks import Sink, Site
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name
from tritter_data.security.insecure.taint import trace

ENV = frozenset({'"env"', '"/usr/bin/env"', '"/bin/env"'})
SHELLS = frozenset({'"sh"', '"bash"', '"/bin/sh"', '"/bin/bash"', '"zsh"', '"cmd"', '"cmd.exe"', '"powershell"'})


def site(call: Any, ctx: Context) -> Site | None:
    if call.type != "call_expression":
        return None
    callee = callee_name(call, ctx)
    return Site(call, callee, last_name(callee), callee.rpartition(".")[0] if "." in callee else None,
                arguments(call))


def check(call: Any, ctx: Context) -> list[Hit]:
    return sinks.check("go", site(call, ctx), ctx, _VERDICTS)


def _command(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """``exec.Command("sh", "-c", cmd)``: the script; ``exec.Command(prog, ...)``: a program named by input.

    ``env`` in front (``exec.Command("/usr/bin/env", "bash", "-c", s)``) only looks the program up.
    """
    rest = site.args[1:] if site.name == "CommandContext" else site.args
    if rest and ctx.text(rest[0]) in ENV:
        rest = rest[1:]
    if len(rest) >= 3 and ctx.text(rest[0]) in SHELLS and ctx.text(rest[1]) in ('"-c"', '"/C"', '"/c"'):
        return payload_hit(sink.rule, rest[2], ctx, ctx.text(rest[0]), site.call)
    if rest and rest[0].type not in ("interpreted_string_literal", "raw_string_literal"):
        value = trace(rest[0], ctx)
        if value.kind == "tainted":
            return value_hit("GO-PROCESS", value, ctx, site.shown, site.call, needs_input=True)
    return []


_VERDICTS = {**VERDICTS, "go.command": _command}
