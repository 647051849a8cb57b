"""Python sinks: eval/exec, shells, pickle/marshal/shelve/yaml, string-built SQL.

    >>> from tritter_data.security.insecure.engine import analyse_insecure
    >>> [(f.rule_id, f.severity, f.line) for f in analyse_insecure("import sys\\ny = eval(sys.argv[1])\\n", "python")]
    [('PY-EVAL', 'critical', 2)]

A name of unknown origin reaching the sink is low severity (it costs score, not the label)::

    >>> [(f.rule_id, f.severity, f.line) for f in analyse_insecure("x = 1\\ny = eval(data)\\n", "python")]
    [('PY-EVAL', 'low', 2)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from tritter_data.security.insecure.common import Hit, payload_hit, sql_hit, value_hit
from tritter_data.security.insecure.syntax import Context, arguments, callee_name, keyword, last_name
from tritter_data.security.insecure.taint import trace

SHELL_CALLS = frozenset({"run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput"})
OS_SHELL = frozenset({"os.system", "os.popen", "subprocess.getoutput",
                      "subprocess.getstatusoutput", "commands.getoutput", "commands.getstatusoutput"})
PICKLE_MODULES = frozenset({"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "jsonpickle"})
SQL_METHODS = frozenset({"execute", "executemany", "executescript", "raw", "exec_driver_sql",
                         "fetch", "fetchrow", "fetchval", "cursor"})  # asyncpg: con.fetch(sql)
SAFE_LOADERS = (b"SafeLoader", b"CSafeLoader", b"BaseLoader", b"CBaseLoader")
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh"})
#: Pickle under another name: (callee, keyword that makes it safe, its safe value).
PICKLE_LOADERS = {"pandas.read_pickle": None, "pd.read_pickle": None, "read_pickle": None, "joblib.load": None,
                  "torch.load": (b"weights_only", b"True"), "np.load": (b"allow_pickle", b"False"),
                  "numpy.load": (b"allow_pickle", b"False")}

PREFILTER = (
    rb"\b(?:eval|exec)\s*\(|\bshell\s*=\s*True\b|\b(?:os|commands)\.(?:system|popen|getoutput|getstatusoutput)\s*\("
    rb"|\bsubprocess\.get(?:status)?output\s*\(|\b(?:c?[Pp]ickle|_pickle|dill|cloudpickle|jsonpickle)\.(?:loads?|decode|Unpickler)\s*\("
    rb"|\bmarshal\.loads?\s*\(|\bshelve\.open\s*\(|\byaml\.(?:load|load_all|unsafe_load|unsafe_load_all|full_load)\s*\("
    rb"|\.(?:execute|executemany|executescript|raw|exec_driver_sql|extra|exec_command|fetch|fetchrow|fetchval"
    rb"|cursor)\s*\("
    rb"|\bcreate_subprocess_(?:exec|shell)\s*\(|\bos\.(?:exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)\s*\("
    rb"|\bsubprocess\.(?:run|call|check_call|check_output|Popen)\s*\(|\bRawSQL\s*\(|\bread_pickle\s*\("
    rb"|\b(?:torch|joblib)\.load\s*\(|\b(?:np|numpy)\.load\s*\("
)


_BARE = rb"(?:^|[^.\w])("
#: ``from pickle import loads`` / ``import pickle as pkl`` hide the module from the main pattern.
GATED = (
    (b"from pickle import", _BARE + rb"loads?|Unpickler)\s*\("),
    (b"from cPickle import", _BARE + rb"loads?|Unpickler)\s*\("),
    (b"from dill import", _BARE + rb"loads?)\s*\("),
    (b"from marshal import", _BARE + rb"loads?)\s*\("),
    (b"from yaml import", _BARE + rb"load|load_all|unsafe_load|full_load)\s*\("),
    (b"from os import", _BARE + rb"system|popen)\s*\("),
    (b"from subprocess import", _BARE + rb"getoutput|getstatusoutput)\s*\("),
    (b"import pickle as", rb"\.(?:loads?|Unpickler)\s*\("),
    (b"import yaml as", rb"\.(?:load|load_all|unsafe_load|full_load)\s*\("),
    (b"import marshal as", rb"\.loads?\s*\("),
    (b"sqlalchemy", _BARE + rb"text|literal_column)\s*\("),
    (b"unsafe", rb"\.load(?:_all)?\s*\("),  # ruamel.yaml: YAML(typ="unsafe").load(...)
    (b"ruamel", rb"\byaml\.load(?:_all)?\s*\("),
    (b"from subprocess import", _BARE + rb"run|call|check_call|check_output|Popen)\s*\("),
)
_MODULES = rb"(pickle|cPickle|_pickle|dill|cloudpickle|marshal|shelve|yaml|os|subprocess|commands)"
_MODULE_NAMES = frozenset(_MODULES.decode()[1:-1].split("|"))
_FROM_IMPORT = re.compile(rb"(?m)^[ \t]*from[ \t]+" + _MODULES + rb"[ \t]+import[ \t]+\(?([\w, \t]+)")
_IMPORT_AS = re.compile(rb"(?m)^[ \t]*import[ \t]+" + _MODULES + rb"[ \t]+as[ \t]+(\w+)")


@functools.lru_cache(maxsize=8)
def _aliases(source: bytes) -> dict[str, str]:
    """Local names bound by imports: ``loads`` -> ``pickle.loads``, ``pkl`` -> ``pickle``."""
    names: dict[str, str] = {}
    for match in _FROM_IMPORT.finditer(source):
        module = match.group(1).decode()
        for part in match.group(2).decode().split(","):
            bits = part.split()
            if len(bits) == 1:
                names[bits[0]] = f"{module}.{bits[0]}"
            elif len(bits) == 3 and bits[1] == "as":
                names[bits[2]] = f"{module}.{bits[0]}"
    for match in _IMPORT_AS.finditer(source):
        names[match.group(2).decode()] = match.group(1).decode()
    return names


def _canonical(callee: str, ctx: Context) -> str:
    """``loads`` -> ``pickle.loads`` and ``pkl.loads`` -> ``pickle.loads`` when imported so."""
    head = callee.partition(".")[0]
    if head in _MODULE_NAMES or callee in ("eval", "exec"):
        return callee  # already canonical: the common case costs no import scan
    source = ctx.file or ctx.source
    aliases = _aliases(source)
    head, dot, tail = callee.partition(".")
    if head in aliases and (dot or "." in aliases[head]):
        return aliases[head] + dot + tail
    return callee


def check(call: Any, ctx: Context) -> list[Hit]:
    if call.type != "call":
        return []
    callee = _canonical(callee_name(call, ctx), ctx)
    name = last_name(callee)
    args = arguments(call)
    first = args[0] if args else None
    if callee in ("eval", "builtins.eval", "exec", "builtins.exec"):
        rule = "PY-EVAL" if callee.endswith("eval") else "PY-EXEC"
        return [replace(hit, use=_use(first, ctx)) for hit in payload_hit(rule, first, ctx, callee.split(".")[-1], call)]
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
        if name in ("load", "load_all") and loader is not None and \
                loader.text.rsplit(b".", 1)[-1] not in (b"Loader", b"UnsafeLoader", b"FullLoader", b"CLoader"):
            return [Hit("PY-YAML", "low", callee, call)]  # a Loader of this project's: usually a SafeLoader
        return payload_hit("PY-YAML", first, ctx, callee, call, "high")
    return _more(call, callee, name, args, ctx)


def _use(payload: Any, ctx: Context) -> str:
    """``file`` for ``exec(open(p).read())``, ``code`` for ``eval(compile(...))``: the fix depends on it."""
    if payload is None:
        return ""
    text = ctx.text(payload)
    if payload.type == "identifier":
        assigned = ctx.resolve(payload)
        text = ctx.text(assigned) if assigned is not None else text
    if text.startswith("compile("):
        return "code"
    return "file" if ".read(" in text or "read_text(" in text or "open(" in text else ""


def _more(call: Any, callee: str, name: str, args: list[Any], ctx: Context) -> list[Hit]:
    """Programs started without a shell, remote shells, pickle under other names, ORM SQL."""
    first = args[0] if args else None
    source = ctx.file or ctx.source
    if name == "create_subprocess_shell":
        return payload_hit("PY-SHELL", first, ctx, callee, call)
    if name == "exec_command" and "." in callee:
        return payload_hit("PY-SSH-EXEC", first, ctx, callee, call)
    if name == "create_subprocess_exec" or re.fullmatch(r"os\.(?:exec[lv]p?e?|posix_spawnp?)", callee):
        return _argv_hit(args, ctx, callee, call)
    if re.fullmatch(r"os\.spawn[lv]p?e?", callee):
        return _argv_hit(args[1:], ctx, callee, call)  # (mode, file, arg0, ...)
    if name in SHELL_CALLS and callee.startswith("subprocess.") and first is not None:
        return _argv_hit(first.named_children if first.type == "list" else [first], ctx, callee, call)
    if callee in PICKLE_LOADERS:
        guard = PICKLE_LOADERS[callee]
        flag = keyword(call, guard[0]) if guard is not None else None
        flag_text = flag.text if flag is not None else None
        if guard is not None and (flag_text == b"True") == (guard[1] == b"True"):
            return []  # torch.load(..., weights_only=True); np.load without allow_pickle=True
        return payload_hit("PY-PICKLE", first, ctx, callee, call, "high")
    if name in ("load", "load_all") and (b"typ='unsafe'" in source or b'typ="unsafe"' in source
                                         or callee.startswith("ruamel")):
        return payload_hit("PY-YAML", first, ctx, callee, call, "high")
    if name == "extra" and "." in callee:
        for key in (b"where", b"select", b"tables", b"order_by"):
            value = keyword(call, key)
            parts = value.named_children if value is not None else []
            hits = [hit for part in parts for hit in sql_hit("PY-SQL", part, ctx, "extra", call, True)]
            if hits:
                return hits[:1]
        return []
    if callee in ("RawSQL", "text", "literal_column", "sqlalchemy.text", "sa.text", "expressions.RawSQL"):
        outer = call.parent.parent if call.parent is not None else None
        if outer is not None and outer.type == "call" and last_name(callee_name(outer, ctx)) in SQL_METHODS:
            return []  # judged where it is executed
        return sql_hit("PY-SQL", first, ctx, name, call)
    if name in SQL_METHODS and "." in callee:
        return sql_hit("PY-SQL", first, ctx, name, call)
    return []


def _argv_hit(argv: list[Any], ctx: Context, sink: str, call: Any) -> list[Hit]:
    """A program started from an argument vector: the program itself, or ``sh -c <command>``, must be tainted.

    ``subprocess.run(["grep", pattern, path])`` hands ``pattern`` to grep as one argument: no
    shell parses it, so it is not command injection.
    """
    if not argv:
        return []
    values = [trace(node, ctx) for node in argv[:8]]
    if len(argv) == 1 and values[0].items:  # os.execv(cmd) with cmd = ["sh", "-c", ...]
        values = values[0].items[:8]
    program = values[0].folded.rsplit("/", 1)[-1].lower() if isinstance(values[0].folded, str) else None
    if program in SHELLS:
        flag = next((i for i, v in enumerate(values[1:-1], 1) if v.folded in ("-c", "/c", "/C")), None)
        return value_hit("PY-PROCESS", values[flag + 1], ctx, sink, call) if flag is not None else []
    if values[0].kind == "const":
        return []
    if len(argv) == 1 and argv[0].type != "list":  # a vector we cannot see into: the program is unknown
        return [Hit("PY-PROCESS", "low", sink, call)]
    return value_hit("PY-PROCESS", values[0], ctx, sink, call, needs_input=True)
