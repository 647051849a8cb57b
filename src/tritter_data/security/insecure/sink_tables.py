"""The sinks of every language, as data: one ``SinkTable`` per language, entries in priority order.

Each entry names its callees, the argument that matters, the verdict (``payload``: the argument
is code, a command or serialised bytes; ``sql``: a statement built from values; ``fragment``:
SQL by the API's contract; ``any``: every argument matters; ``<lang>.<name>``: one of the few
verdicts a language module keeps for itself) and its rule, whose category, CWE, explanation
and fix are in ``explain.RULES``. The RE2 gate is generated from these entries (``sinks.gate``).
Sources, sanitisers and propagators are in ``taint_tables.py``; ``language_rules`` puts a language's
three tables (taint, sinks, rule texts) side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.security.explain import RULES, RuleInfo
from tritter_data.security.insecure.sink_tables_more import C_CPP, GO, PHP, RUBY, RUST
from tritter_data.security.insecure.sinks import Sink, SinkTable
from tritter_data.security.insecure.taint_tables import TABLES as TAINT_TABLES
from tritter_data.security.insecure.taint_tables import TaintRules

# ---------------------------------------------------------------------------------- Python
PY_SHELL_CALLS = ("run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput")
PY_SQL_METHODS = frozenset({"execute", "executemany", "executescript", "raw", "exec_driver_sql",
                            "fetch", "fetchrow", "fetchval", "cursor"})  # asyncpg: con.fetch(sql)
PY_IMPORT_MODULES = frozenset({"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "marshal", "shelve", "yaml",
                               "os", "subprocess", "commands"})
_PICKLES = ("pickle", "cPickle", "_pickle", "dill", "cloudpickle", "jsonpickle")

#: Sinks looked up by name: getattr(os, "system")(cmd), __import__("os").system(cmd) (the module canonicalises them).
_PY_MODULE = b"(?:" + b"|".join(sorted(m.encode() for m in PY_IMPORT_MODULES)) + rb"|__import__\s*\(\s*['\"]\w+['\"]\s*\))"
_PY_DYNAMIC = (rb"\bgetattr\s*\(\s*" + _PY_MODULE + rb"\s*,\s*['\"]\w+['\"]\s*\)\s*(\()",
               rb"\b__import__\s*\(\s*['\"][\w.]+['\"]\s*\)\s*\.\s*(\w+)\s*\(")

PYTHON = SinkTable(frozenset({"call"}), import_modules=PY_IMPORT_MODULES, syntax=_PY_DYNAMIC, sinks=(
    Sink("PY-EVAL", "py.code", callees=("eval", "builtins.eval"), label="{name}"),
    Sink("PY-EXEC", "py.code", callees=("exec", "builtins.exec"), label="{name}"),
    Sink("PY-OS-SYSTEM", callees=("os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput",
                                  "commands.getoutput", "commands.getstatusoutput", "os.popen2", "os.popen3",
                                  "os.popen4", "popen2.popen2", "popen2.popen3", "popen2.popen4")),
    Sink("PY-SHELL", names=PY_SHELL_CALLS, keyword=b"args", only_if=(b"shell", b"True"),
         gate=rb"\bshell\s*=\s*True\b", example="subprocess.run(cmd, shell=True)"),
    Sink("PY-PICKLE", callees=tuple(f"{m}.{f}" for m in _PICKLES for f in ("load", "loads", "decode", "Unpickler")),
         severity="high"),
    Sink("PY-MARSHAL", callees=("marshal.load", "marshal.loads"), severity="high"),
    Sink("PY-SHELVE", callees=("shelve.open",), severity="medium"),
    Sink("PY-YAML", "py.yaml", callees=tuple(f"yaml.{f}" for f in ("load", "load_all", "unsafe_load", "unsafe_load_all",
                                                                   "full_load")), severity="high"),
    Sink("PY-SHELL", names=("create_subprocess_shell",)),
    Sink("PY-SHELL", methods=("subprocess_shell",), arg=1),  # loop.subprocess_shell(protocol_factory, cmd)
    Sink("PY-PROCESS", "py.argv", methods=("subprocess_exec",), arg=1),  # loop.subprocess_exec(factory, program, ...)
    # interpreters run source text: code.InteractiveConsole, sub-interpreters, pandas' Python-engine eval;
    # constant source is their normal use (a REPL's own lines, a fixed expression): only a source counts
    Sink("PY-CODE-RUN", "py.console", methods=("push", "runsource", "runcode"),
         needs=(b"InteractiveConsole", b"InteractiveInterpreter")),
    Sink("PY-CODE-RUN", "tainted", callees=("_xxsubinterpreters.run_string", "_interpreters.run_string"), arg=1),
    Sink("PY-CODE-RUN", "tainted", names=("run_in_subinterp",)),
    Sink("PY-CODE-RUN", "tainted", callees=("pd.eval", "pandas.eval")),
    Sink("PY-SSH-EXEC", methods=("exec_command",)),
    Sink("PY-PROCESS", "py.argv", names=("create_subprocess_exec",),
         callees=(*(f"os.exec{s}" for s in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe")),
                  "os.posix_spawn", "os.posix_spawnp")),
    Sink("PY-PROCESS", "py.argv", arg=1,  # os.spawnv(mode, file, args)
         callees=tuple(f"os.spawn{s}" for s in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe"))),
    Sink("PY-PROCESS", "py.subprocess", callees=tuple(f"subprocess.{n}" for n in PY_SHELL_CALLS)),
    Sink("PY-PICKLE", callees=("pandas.read_pickle", "pd.read_pickle", "read_pickle", "joblib.load"), severity="high"),
    Sink("PY-PICKLE", callees=("torch.load",), safe_if=(b"weights_only", b"True"), severity="high"),
    Sink("PY-PICKLE", callees=("np.load", "numpy.load"), only_if=(b"allow_pickle", b"True"), severity="high"),
    Sink("PY-YAML", "py.ruamel", names=("load", "load_all"), needs=(b"unsafe", b"ruamel"), severity="high"),
    Sink("PY-SQL", "py.extra", methods=("extra",)),
    Sink("PY-SQL", "py.sql_text", callees=("RawSQL", "expressions.RawSQL")),
    Sink("PY-SQL", "py.sql_text", callees=("text", "literal_column", "sqlalchemy.text", "sa.text"),
         needs=(b"sqlalchemy",)),
    Sink("PY-SQL", "sql", methods=tuple(sorted(PY_SQL_METHODS))),
    Sink("PY-SQL", "sql", methods=("run",), needs=(b"pg8000",)),  # pg8000 native: conn.run(sql)
    # SQLAlchemy < 2 coerces a plain string in these query methods to SQL text
    Sink("PY-SQL", "fragment", methods=("filter", "order_by", "group_by", "having", "distinct"), needs=(b"sqlalchemy",)),
))

# ---------------------------------------------------------------------------------- JavaScript / TypeScript
JS_SQL_METHODS = ("query", "execute", "raw", "unsafe", "$queryRawUnsafe", "$executeRawUnsafe")
JS_CHILD_PROCESS = ("exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync")
_JS_NEW = ("new_expression",)

JAVASCRIPT = SinkTable(frozenset({"call_expression"}), sinks=(
    Sink("JS-FUNCTION", callees=("new Function",), arg="last", types=_JS_NEW, label="Function"),
    Sink("JS-VM", callees=("new vm.Script",), types=_JS_NEW, label="vm.Script"),
    Sink("JS-VM", callees=("new VMScript",), types=_JS_NEW, needs=(b"vm2",), label="vm2.VMScript"),
    # eval under its global names and indirectly: (0, eval)(s); the module maps local aliases to "eval"
    Sink("JS-EVAL", callees=("eval", "window.eval", "globalThis.eval", "this.eval", "self.eval", "global.eval",
                             "(0, eval)", "window['eval']"), label="eval",
         gate=rb"\beval\s*\)?\s*\(|\[\s*['\"]eval['\"]\s*\]\s*\(", example="(0, eval)(code)"),
    Sink("JS-TIMER", "js.timer", callees=("setTimeout", "setInterval", "setImmediate", "window.setTimeout",
                                          "window.setInterval", "execScript", "window.execScript")),
    Sink("JS-FUNCTION", callees=("Function",), arg="last", label="Function"),
    Sink("JS-VM", callees=("vm.runInContext", "vm.runInNewContext", "vm.runInThisContext", "vm.compileFunction")),
    Sink("JS-VM", "js.vm2", methods=("run",), needs=(b"vm2",), label="VM.run"),
    Sink("JS-VM", methods=("run",), needs=(b"require('sandbox')", b'require("sandbox")', b"from 'sandbox'",
                                           b'from "sandbox"'), label="Sandbox.run"),
    Sink("JS-EXEC", methods=("exec",), needs=(b"shelljs",)),
    # child_process under any name: the module resolves cp.exec / { exec: run } to child_process.<name>
    Sink("JS-EXEC", callees=("child_process.exec", "child_process.execSync"), needs=(b"child_process",),
         gate=rb"\b(?:exec|execSync)\s*\(", example="cp.exec(cmd)"),
    Sink("JS-SPAWN-SHELL", "js.spawn", callees=tuple(f"child_process.{n}" for n in JS_CHILD_PROCESS[2:]),
         needs=(b"child_process",), gate=rb"\b(?:spawn|spawnSync|execFile|execFileSync)\s*\(",
         example="spawn(cmd, [], { shell: true })"),
    Sink("JS-SQL", "sql", methods=JS_SQL_METHODS),
    # knex/Sequelize raw fragments: SQL by contract
    Sink("JS-SQL", "fragment", methods=("whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "groupByRaw", "joinRaw",
                                        "fromRaw")),
    Sink("JS-SQL", "fragment", callees=("sequelize.literal", "Sequelize.literal"), label="{callee}"),
    # serialisers that revive functions: bound by require/import like child_process
    Sink("JS-UNSERIALIZE", callees=("node-serialize.unserialize",), needs=(b"node-serialize",), severity="high",
         label="unserialize", gate=rb"\bunserialize\s*\(", example="serialize.unserialize(cookie)"),
    Sink("JS-UNSERIALIZE", callees=("serialize-to-js.deserialize",), needs=(b"serialize-to-js",), severity="high",
         label="deserialize", gate=rb"\bdeserialize\s*\(", example="serializeToJs.deserialize(str)"),
))

# ---------------------------------------------------------------------------------- Java
JAVA_SQL_METHODS = (
    "executeQuery", "executeUpdate", "executeLargeUpdate", "execute", "addBatch", "prepareStatement",
    "prepareCall", "createQuery", "createNativeQuery", "createSQLQuery", "queryForList", "queryForObject",
    "queryForMap", "queryForRowSet", "queryForLong", "queryForInt", "queryForStream", "query", "update",
    "nativeQuery", "executeSql", "preparedQuery", "executeBatchUpdate", "batchUpdate",
)
#: JDO/Hibernate methods whose argument is a query fragment by contract (a filter, an ordering).
JAVA_FRAGMENT_METHODS = ("sqlRestriction", "setFilter", "setGrouping", "setOrdering", "setResult")
_JAVA_NEW = ("object_creation_expression",)

JAVA = SinkTable(frozenset({"method_invocation"}), sinks=(
    Sink("JAVA-EXEC", "java.exec", callees=("new ProcessBuilder",), arg="all", types=_JAVA_NEW,
         label="new ProcessBuilder()"),
    Sink("JAVA-DESER", callees=("new XMLDecoder",), types=_JAVA_NEW, severity="high", label="XMLDecoder.readObject"),
    Sink("JAVA-SQL", "sql_passed", callees=("new PreparedStatementCreatorFactory",), types=_JAVA_NEW,
         label="PreparedStatementCreatorFactory"),
    Sink("JAVA-EXEC", "java.exec", names=("exec",), needs=(b"Runtime",), label="Runtime.exec()"),
    Sink("JAVA-EXEC", "java.exec", names=("command",), arg="all", needs=(b"ProcessBuilder",),
         label="ProcessBuilder.command()"),
    Sink("JAVA-DESER", "java.read_object", names=("readObject", "readUnshared"), needs=(b"new ObjectInputStream",),
         severity="high", label="ObjectInputStream.{name}"),
    Sink("JAVA-DESER", "java.read_object", names=("readObject",), needs=(b"HessianInput", b"Hessian2Input", b"BurlapInput"),
         severity="high", label="HessianInput.readObject"),
    Sink("JAVA-DESER", "java.read_object", methods=("getObject",), needs=(b"ObjectMessage",), severity="high",
         label="ObjectMessage.getObject"),  # a JMS message body: whoever can post to the queue chose the class
    Sink("JAVA-DESER", callees=("SerializationUtils.deserialize",), severity="high", label="{callee}"),
    Sink("JAVA-DESER", names=("fromXML",), needs=(b"XStream",), severity="high", label="XStream.fromXML"),
    Sink("JAVA-DESER", names=("load", "loadAll", "loadAs"), needs=(b"org.yaml.snakeyaml",),
         unless_file=b"SafeConstructor", severity="high", label="Yaml.{name}"),
    Sink("JAVA-SCRIPT-EVAL", names=("eval",), needs=(b"ScriptEngine",), label="ScriptEngine.eval"),
    Sink("JAVA-SCRIPT-EVAL", methods=("evaluate", "parse", "run"), needs=(b"GroovyShell",),
         label="GroovyShell.{name}"),
    Sink("JAVA-SCRIPT-EVAL", names=("parseExpression",), needs=(b"ExpressionParser",),
         label="ExpressionParser.parseExpression"),
    Sink("JAVA-SCRIPT-EVAL", callees=("MVEL.eval", "MVEL.executeExpression", "MVEL.compileExpression"),
         label="{callee}"),
    Sink("JAVA-SCRIPT-EVAL", "tainted", methods=("createExpression", "createScript"), needs=(b"jexl",),
         label="JexlEngine.{name}"),
    Sink("JAVA-SCRIPT-EVAL", "tainted", callees=("Velocity.evaluate",), arg=3, label="{callee}"),  # (ctx, out, tag, template)
    Sink("JAVA-SCRIPT-EVAL", methods=("parseClass",), needs=(b"GroovyClassLoader",), label="GroovyClassLoader.parseClass"),
    # expression languages: constant expressions are their normal use, so only a source reaching one counts
    Sink("JAVA-SCRIPT-EVAL", "tainted", methods=("createValueExpression", "createMethodExpression"), arg=1,
         needs=(b"ExpressionFactory",), label="ExpressionFactory.{name}"),
    Sink("JAVA-SCRIPT-EVAL", "tainted", callees=("Ognl.getValue", "Ognl.setValue", "Ognl.parseExpression"),
         label="{callee}"),
    Sink("JAVA-SQL", "sql", methods=("batchUpdate",), arg="all"),
    Sink("JAVA-SQL", "fragment", methods=("newQuery",), arg="all"),
    Sink("JAVA-SQL", "fragment", methods=JAVA_FRAGMENT_METHODS),
    Sink("JAVA-SQL", "sql_passed", methods=("sql",), needs=(b"r2dbc",)),  # Spring R2DBC DatabaseClient.sql(...)
    Sink("JAVA-SQL", "sql_passed", methods=JAVA_SQL_METHODS),
))

TABLES = {"python": PYTHON, "javascript": JAVASCRIPT, "typescript": JAVASCRIPT, "java": JAVA, "go": GO,
          "php": PHP, "ruby": RUBY, "rust": RUST, "c": C_CPP, "cpp": C_CPP}


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Everything the analyser knows about one language, in one place: where input comes from, what cleans
    it, where it must not go, and what each rule means (category, CWE, explanation, fix)."""

    taint: TaintRules
    sinks: SinkTable
    rules: dict[str, RuleInfo]


def language_rules(language: str) -> LanguageRules:
    """The declarative rules of ``language``: ``language_rules("go").sinks.sinks[0].callees`` -> ``exec.Command``..."""
    sinks = TABLES[language]
    used = {sink.rule for sink in sinks.sinks}
    used |= {f"{sink.rule}-PASSED" for sink in sinks.sinks if sink.verdict == "sql_passed"}
    return LanguageRules(TAINT_TABLES[language], sinks, {rule: RULES[rule] for rule in sorted(used)})
