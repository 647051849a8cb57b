"""Python sinks: eval/exec, shells, pickle/marshal/shelve/yaml, string-built SQL.

    >>> from tritter_data.security.insecure.engine import analyse_insecure
    >>> [(f.rule_id, f.severity, f.line) for f in analyse_insecure("x = 1\\ny = eval(data)\\n", "python")]
    [('PY-EVAL', 'critical', 2)]
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, keyword, last_name

SHELL_CALLS = frozenset({"run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput"})
OS_SHELL = frozenset({"os.system", "os.popen", "system", "popen", "subprocess.getoutput",
                      "subprocess.getstatusoutput", "commands.getoutput", "commands.getstatusoutput"})
PICKLE_MODULES = frozenset({"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "jsonpickle"})
SQL_METHODS = frozenset({"execute", "executemany", "executescript", "raw", "exec_driver_sql"})
SAFE_LOADERS = (b"SafeLoader", b"CSafeLoader", b"BaseLoader", b"CBaseLoader")

PREFILTER = (
    rb"\b(?:eval|exec)\s*\(|\bshell\s*=\s*True\b|\b(?:os|commands)\.(?:system|popen|getoutput|getstatusoutput)\s*\("
    rb"|\bsubprocess\.get(?:status)?output\s*\(|\b(?:c?[Pp]ickle|_pickle|dill|cloudpickle|jsonpickle)\.(?:loads?|decode|Unpickler)\s*\("
    rb"|\bmarshal\.loads?\s*\(|\bshelve\.open\s*\(|\byaml\.(?:load|load_all|unsafe_load|unsafe_load_all|full_load)\s*\("
    rb"|\.(?:execute|executemany|executescript|raw|exec_driver_sql)\s*\("
)


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type != "call":
        return []
    callee = callee_name(call, ctx)
    name = last_name(callee)
    args = arguments(call)
    first = args[0] if args else None
    if callee in ("eval", "builtins.eval"):
        return payload_hit("PY-EVAL", first, ctx, "eval", call)
    if callee in ("exec", "builtins.exec"):
        return payload_hit("PY-EXEC", first, ctx, "exec", call)
    if callee in OS_SHELL:
        return payload_hit("PY-OS-SYSTEM", first, ctx, callee, call)
    shell = keyword(call, b"shell")
    if name in SHELL_CALLS and shell is not None and shell.type == "true":
        command = first if first is not None else keyword(call, b"args")
        return payload_hit("PY-SHELL", command, ctx, callee, call)
    module = callee.rsplit(".", 1)[0] if "." in callee else ""
    if module in PICKLE_MODULES and name in ("load", "loads", "decode", "Unpickler"):
        return payload_hit("PY-PICKLE", first, ctx, callee, call, "high")
    if module == "marshal" and name in ("load", "loads"):
        return payload_hit("PY-MARSHAL", first, ctx, callee, call, "high")
    if callee == "shelve.open":
        return payload_hit("PY-SHELVE", first, ctx, callee, call, "medium")
    if module == "yaml" and name in ("load", "load_all", "unsafe_load", "unsafe_load_all", "full_load"):
        loader = keyword(call, b"Loader")
        if loader is None and len(args) > 1:
            loader = args[1]
        if name in ("load", "load_all") and loader is not None and loader.text.endswith(SAFE_LOADERS):
            return []
        return payload_hit("PY-YAML", first, ctx, callee, call, "high")
    if name in SQL_METHODS and "." in callee:
        return sql_hit("PY-SQL", first, ctx, name, call)
    return []
