"""Known calls and values: the program's own path and options, its own methods, finders, joiners, file readers."""

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


#: Receivers whose methods are this file's functions: the object itself, its class, its parent.
_OWN_RECEIVERS = frozenset({"self", "cls", "this", "$this", "super", "static", "self::", "@", "Self", "self.class",
                            "this.constructor", "self.__class__", "type(self)"})


def own_receiver(text: str) -> bool:
    """``self.helper(x)``, ``self.class.name_formatter(f)``, ``User.name_formatter(f)``: this file's method may be meant."""
    return text in _OWN_RECEIVERS or bool(re.fullmatch(r"[A-Z]\w*", text))


#: Rails finders on a model class (``Issue.find(params[:id])``, ``Redmine::Plugin.find``): they return a
#: stored record or raise, so the key's taint is not the record's.
FINDERS = frozenset({"find", "find_by", "find_by!", "find_by_id", "find_by_name", "find_by_identifier"})
MODEL_FINDER = re.compile(r"(?:[A-Z]\w*(?:::|\.))+find")


#: Functions that splice a list's elements into a string (the methods are matched by name above).
JOINERS = frozenset({"implode", "join", "strings.Join", "String.join", "array_merge", "array_values"})


#: Calls that open or read the file a value names: their result is that file's contents.
FILE_READERS = frozenset({"open", "open_code", "fdopen", "file", "read_text", "read_bytes", "ReadFile",
                          "read_to_string", "file_get_contents", "readFileSync", "readFile"})
