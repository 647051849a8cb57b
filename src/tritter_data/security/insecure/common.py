"""Verdicts shared by the per-language rule modules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tritter_data.security.explain import RULES
from tritter_data.security.insecure.contracts import authenticated, interpreter_api, minified
from tritter_data.security.insecure.sinks import Sink, Site, Verdict, chosen, label
from tritter_data.security.insecure.syntax import (
    Context,
    arguments,
    callee_name,
    last_name,
    string_text,
    unwrap,
)
from tritter_data.security.insecure.taint import trace
from tritter_data.security.insecure.taint_entry import is_test_code
from tritter_data.security.insecure.taint_nodes import FUNCTIONS, function_name, parameters
from tritter_data.security.insecure.taint_values import Value, schema_named
from tritter_data.security.insecure.trust import (
    command_line,
    environment,
    imports_a_callers_name,
    invokers_own,
    names_sql_fragment,
    statement_call,
)

#: Literal text that reads as SQL: a statement shape, not a lone English word.
_SQL = re.compile(
    r"(?is)\bselect\b.{0,400}?\bfrom\b|\binsert\s+(?:or\s+\w+\s+)?into\b|\bupdate\b.{0,200}?\bset\b|\bdelete\s+from\b"
    r"|\b(?:drop|create|alter|truncate)\s+(?:temp\w*\s+)?(?:table|index|view|database|schema)\b"
    r"|\bwhere\b.{0,200}?(?:[=<>]|\blike\b|\bin\b)|\border\s+by\b|\bvalues\s*\("
    r"|\{\s*call\s|\b(?:create|drop|alter)\s+(?:user|role|login)\b|\battach\s+(?:database\s+)?['\"?]|^\s*show\s+\w+"
    r"|\bgrant\s+\w+.{0,100}?\bto\b|\bexec(?:ute)?\s+(?:sp_|xp_)\w+|\bpragma\s+\w+|^\s*(?:select|delete|update|insert)\s"
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that fired on one call: which rule, how bad, which sink, where, and from which source."""

    rule_id: str
    severity: str
    sink: str
    node: Any
    origin: tuple[str, int] | None = None  # the source's text and 0-based row in the parsed text
    use: str = ""  # how the sink is used, when the fix depends on it ("file": exec(open(p).read()))


def looks_like_sql(node: Any, ctx: Context) -> bool:
    return bool(_SQL.search(string_text(node, ctx)[:2000]))


def sql_hit(rule_id: str, node: Any, ctx: Context, sink: str, call: Any, known_sql: bool = False,
            whole: bool = False, statement: bool = True) -> list[Hit]:
    """SQL injection: a query built from a tainted value that reads as SQL; built from unknown values: low.

    ``known_sql``: the argument is an SQL fragment by the API's contract (Django's ``extra(where=...)``),
    so it need not read as a statement. ``whole``: outside input passed as the whole fragment is a finding
    too (Laravel ``whereRaw($_GET["q"])``; not where a list or hash binds values, as in ActiveRecord).
    So is outside input passed as the whole statement (``db.Query(r.FormValue("q"))``) when ``node`` is the
    statement, not a value bound to it (``db.Query("... WHERE id = ?", id)``) nor what a call of unknown
    code made of the input (``execute(Tuple.of(x))``, ``$wpdb->prepare(q, x)``: binding APIs), and when
    it comes from a request, not the tool's own command line.
    """
    if node is None or _driver_wrapper(node, call, ctx):
        return []
    value = trace(node, ctx)
    if value.kind == "tainted" and not value.built and not value.via_param and not value.param and \
            not environment(value) and not is_test_code(ctx, call) and \
            (whole or (statement and not known_sql and not value.wrapped and not command_line(value))):
        # whereRaw($_GET["q"]), db.Query(r.FormValue("q")): the fragment or the whole statement IS the input
        return [Hit(rule_id, "high", sink, call, value.origin)]
    if value.kind not in ("tainted", "unknown") or not value.built:
        return []
    if not known_sql and not _SQL.search(value.text[:2000]):
        return []
    if value.kind == "tainted" and not (value.via_param and identifiers_only(value.text)) and \
            not schema_named(value) and not names_sql_fragment(value) and \
            not (value.via_param and value.wrapped and _binds_values(call, node, ctx)) and not is_test_code(ctx, call):
        return [Hit(rule_id, "high", sink, call, value.origin)]
    return [Hit(rule_id, "low", sink, call)]


def _binds_values(call: Any, statement: Any, ctx: Context) -> bool:
    """The statement goes with values to bind (``$db->query($sql, $bind)``, ``execute(sql, params)``).

    Such a statement is written with placeholders; what a helper made of a parameter in it
    (``getSqlStringFieldsArray($row)`` -> ``?, ?, ?``, the row's keys as columns) is its shape,
    and the parameter's values travel as the bound values. A parameter spliced in itself still decides.
    """
    args = [a for a in arguments(call) if a.type != "comment"]
    return len(args) == 2 and args[0].start_byte <= statement.start_byte < args[0].end_byte and \
        args[1].type not in ("null", "nil", "none", "null_literal", "nullptr")


#: A hole ("?") quoted as a table or column name: `?`, "?", [?], optionally qualified ("s"."?").
_IDENTIFIER_HOLE = re.compile(r"`\?`|\[\?\]|\"\?\"")


def identifiers_only(text: str) -> bool:
    """Every value in the built SQL is quoted as a table or column name.

    Names cannot be bound as parameters, so libraries (ORMs, migrations, introspection) quote
    their callers' table names into SQL; a parameter reaching only such places is that API's
    contract. Outside input (a request, argv) reaching them is still a finding.
    """
    text = _FORMAT_HOLE.sub("?", text)
    holes = text.count("?")
    return holes > 0 and len(_IDENTIFIER_HOLE.findall(text)) >= holes

#: Where ``%``/``format`` put their values, when the template is kept as written.
_FORMAT_HOLE = re.compile(r"%(?:\(\w+\))?[sr]|\{\w*(?:![rs])?\}")


def _driver_wrapper(node: Any, call: Any, ctx: Context) -> bool:
    """``def execute(self, query, args): return self.cursor.execute(query, args)``: a wrapper named like the call.

    Each call of the wrapper is itself checked as that sink, where the query is built, so the
    parameter handed on unchanged is not a second finding.
    """
    if node.type not in ("identifier", "variable_name"):
        return False
    function = call.parent
    while function is not None and function.type not in FUNCTIONS:
        function = function.parent
    if function is None or function_name(function, ctx) != last_name(callee_name(call, ctx)):
        return False
    return ctx.text(node) in {name for name, _, _ in parameters(function, ctx)}


def worst(nodes: list[Any], ctx: Context) -> Value | None:
    """The value among several sink arguments that matters most: tainted, else unknown, else constant."""
    values = [trace(node, ctx) for node in nodes if node is not None]
    for kind in ("tainted", "unknown", "const", "safe"):
        for value in values:
            if value.kind == kind:
                return value
    return None


def any_hit(rule_id: str, nodes: list[Any], ctx: Context, sink: str, call: Any, severity: str = "critical") -> list[Hit]:
    """Sinks where every argument matters (``Runtime.exec(cmd, envp, dir)``, ``new ProcessBuilder(a, b)``)."""
    value = worst(nodes, ctx)
    if value is None or value.kind == "safe":
        return []
    if value.kind == "tainted" and RULES[rule_id].category == "command_injection" and \
            value.via_param and _names_a_command(value):
        return [Hit(rule_id, "low", sink, call)]  # LocalProc(String[] cmd, ...): new ProcessBuilder(cmd) wraps
    return value_hit(rule_id, value, ctx, sink, call, severity, needs_input=RULES[rule_id].needs_input)


def payload_hit(rule_id: str, node: Any, ctx: Context, sink: str, call: Any, severity: str = "critical") -> list[Hit]:
    """Code/command/deserialisation sinks: ``severity`` when a source reaches the payload.

    A payload only constants (or values of unknown origin) reach is low severity: the sink is
    there, the injection is not shown. A sanitised payload (``shlex.quote``, ``int()``, a round
    trip such as ``pickle.loads(pickle.dumps(x))``) is no finding at all.
    """
    if node is None:
        return []
    value = trace(node, ctx)
    if value.kind == "tainted" and value.via_param and interpreter_api(call, node):
        return [Hit(rule_id, "low", sink, call)]
    if value.kind == "tainted" and RULES[rule_id].category == "command_injection" and \
            value.via_param and (value.param or _names_a_command(value)) and not _named_outside(value):
        return [Hit(rule_id, "low", sink, call)]  # def run(cmd): os.system(cmd) is a shell wrapper
    if value.kind == "tainted" and value.via_param and RULES[rule_id].category == "code_injection" and \
            (bool(value.origin and _CODE_PARAM.match(value.origin[0])) or _compiler(call, value, ctx)):
        return [Hit(rule_id, "low", sink, call)]  # compileToFunction(template): compiling it is the contract
    if value.kind == "tainted" and invokers_own(value, rule_id):
        return [Hit(rule_id, "low", sink, call)]  # exec(open(sys.argv[1]).read()): runs what its invoker names
    if value.kind == "tainted" and value.via_param and minified(ctx):
        return [Hit(rule_id, "low", sink, call)]  # one-letter parameters of a bundle: whose they are is unknowable
    if value.kind == "tainted" and RULES[rule_id].category == "unsafe_deserialization" and authenticated(call, ctx):
        return [Hit(rule_id, "low", sink, call)]  # bottle's cookie_decode: loads only what its own key signed
    if value.kind == "tainted" and RULES[rule_id].category == "code_injection" and imports_a_callers_name(value):
        return [Hit(rule_id, "low", sink, call)]  # exec('import %s' % module): a dynamic import by the caller's name
    return value_hit(rule_id, value, ctx, sink, call, severity, needs_input=RULES[rule_id].needs_input)



#: Parameter names that say the parameter IS the command: running it is the function's contract.
_COMMAND_PARAM = re.compile(r"(?i)^\$?(?:\w+_)?(?:cmd|command|cmdline|commandline|cmd_?line|shell_?cmd|script|cmds"
                            r"|commands|argv|cmd_?args|program|executable|exe)$")


#: Parameter names that say the parameter IS code: a compiler, template engine or polyfill compiles it by contract.
_CODE_PARAM = re.compile(r"(?i)^\$?(?:\w+_)?(?:source|src|snippet|compiled"
                         r"|handler|statement|stmt|formula)s?$")


#: Function names that say the function compiles the template or source it is given.
_COMPILER = re.compile(r"(?i)compile|transpile")


_TEMPLATE_PARAM = re.compile(r"(?i)^(?:\w+_)?(?:template|tmpl|source|src)s?$")


def _compiler(call: Any, value: Value, ctx: Context) -> bool:
    """``compileToFunction(template)``: a template compiler turning its template into code is doing its job.

    Both must say so, the function's name and the parameter's (``compileRule(body)`` compiling an
    admin's rule text stays a finding). It belongs where a caller hands such a function untrusted text.
    """
    if not (value.origin and _TEMPLATE_PARAM.match(value.origin[0])):
        return False
    function = call.parent
    while function is not None and function.type not in FUNCTIONS:
        function = function.parent
    return function is not None and bool(_COMPILER.search(function_name(function, ctx)))


def _named_outside(value: Value) -> bool:
    """``def test1(userInput): shell.exec(userInput)``: a parameter named for outside input is not a wrapper's command."""
    return bool(value.origin and _OUTSIDE.search(value.origin[0]))


def _names_a_command(value: Value) -> bool:
    """The taint is a library function's ``cmd`` parameter (IPython ``system_raw(cmd)``): a shell wrapper.

    Wrapping it (``'pushd %s && %s' % (path, cmd)``) does not change whose command it is; the
    finding belongs where a caller hands such a function outside input.
    """
    return bool(value.origin and _COMMAND_PARAM.match(value.origin[0]))


def value_hit(rule_id: str, value: Value, ctx: Context, sink: str, call: Any, severity: str = "critical",
              needs_input: bool = False) -> list[Hit]:
    """The verdict for a payload whose value is known: tainted ``severity``, sanitised none, else low.

    ``needs_input``: a parameter is not enough, outside input must reach the sink. Unpickling the
    bytes a caller passes, or starting the program a caller names, is such a function's contract;
    a request, argv, stdin or a socket reaching it is the finding. The environment alone is low.
    """
    if value.kind == "safe":
        return []
    if value.kind == "tainted" and (environment(value) or is_test_code(ctx, call)):
        return [Hit(rule_id, "low", sink, call)]
    if value.kind == "tainted" and (not needs_input or not value.via_param or _says_outside(call, ctx, value)):
        return [Hit(rule_id, severity, sink, call, value.origin)]
    return [Hit(rule_id, "low", sink, call)]


#: Words by which a function's name, or the parameter reaching a sink, say its input comes from outside.
_OUTSIDE = re.compile(r"(?i)cookie|session|request|upload|untrusted|remote|payload|message|\bmsg\b|user_?input"
                      r"|webhook|\bbody\b|attacker|\bform\b|received")


def _says_outside(call: Any, ctx: Context, value: Value) -> bool:
    """The enclosing function's name or the parameter that reaches the sink says where the data comes from.

    ``load_cookie(cookie)``, ``on_message(self, data)``, ``handle(payload)``; not a type beside it
    (tmux's ``job_run(..., char **argv, struct session *s)`` starts the argv its caller built).
    """
    function = call.parent
    while function is not None and function.type not in FUNCTIONS:
        function = function.parent
    if function is None:
        return False
    names = [function_name(function, ctx)]
    if value.origin:
        names.append(value.origin[0])
    return any(_OUTSIDE.search(name) for name in names)


# ------------------------------------------------------------- verdicts named by sink entries


def payload_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """One argument carries code, a command or serialised bytes (``eval(s)``, ``os.system(c)``)."""
    return payload_hit(sink.rule, chosen(sink, site)[0], ctx, label(sink, site), site.call, sink.severity)


def _sql_verdict(sink: Sink, site: Site, ctx: Context, known_sql: bool, whole: bool = False) -> list[Hit]:
    nodes = chosen(sink, site)
    # the statement: the first candidate that is not a context (Go's QueryContext(ctx, query)); the ones
    # after it are values bound to it
    statement = next((n for n in nodes if n is not None and not _CONTEXT_ARGUMENT.fullmatch(ctx.text(n))), None)
    if not statement_call(site):
        statement = None
    for node in nodes:
        is_statement = node is statement
        node = unwrap(node) if sink.unwrap and node is not None else node
        hits = sql_hit(sink.rule, node, ctx, label(sink, site, "{name}"), site.call, known_sql, whole, is_statement)
        if hits:
            return hits
    return []


_CONTEXT_ARGUMENT = re.compile(r"ctx|context|c|\w+\.Context\(\)|context\.\w+\([^()]*\)")


def sql_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """A statement built from values (it must read as SQL: the method names are generic)."""
    return _sql_verdict(sink, site, ctx, False)


def fragment_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """An SQL fragment by the API's contract (``where``, ``setFilter``): need not read as a statement."""
    return _sql_verdict(sink, site, ctx, True)


def fragment_input_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """A fragment by contract that is also a finding when outside input is the whole fragment."""
    return _sql_verdict(sink, site, ctx, True, whole=True)


def any_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """Every argument matters (the worst one decides)."""
    return any_hit(sink.rule, site.args, ctx, label(sink, site), site.call, sink.severity)


def sql_passed_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """A statement built from values, or a whole statement the method does not own (audit style).

    ``stmt.executeQuery(sql)`` where ``sql`` is exactly what a request supplied (high), or a
    parameter of an entry point as the taint engine decides (public, not a test, not called in
    its own file with constants: medium, reported as ``<rule>-PASSED``). A constant, a local
    built from constants, or a parameter that callers in the file fill with constants is no finding.
    """
    hits = sql_verdict(sink, site, ctx)
    node = chosen(sink, site)[0]
    if hits or node is None:
        return hits
    node = unwrap(node)
    value = trace(node, ctx)
    if value.kind != "tainted" or value.built or environment(value) or value.origin is None:
        return []
    if value.via_param and not (value.param and _text_parameter(site.call, value.origin[0], ctx)):
        return []  # a parameter's object turned into something else by a call: not the statement itself
    if not value.via_param and not _is_source_text(node, value.origin[0], ctx):
        return []
    severity = "medium" if value.via_param else "high"
    return [Hit(f"{sink.rule}-PASSED", severity, label(sink, site, "{name}"), site.call, value.origin)]


#: Declared types of a parameter that can hold a statement's text.
_TEXT_TYPES = frozenset({"String", "CharSequence", "StringBuilder", "StringBuffer", "java.lang.String"})


def _text_parameter(call: Any, name: str, ctx: Context) -> bool:
    """The enclosing method declares ``name`` as text (``String sql``), not an object (``Call call``)."""
    function = call.parent
    while function is not None and function.type not in FUNCTIONS:
        function = function.parent
    params = function.child_by_field_name("parameters") if function is not None else None
    for param in params.named_children if params is not None else []:
        declared, kind = param.child_by_field_name("name"), param.child_by_field_name("type")
        if declared is not None and kind is not None and ctx.text(declared) == name:
            return ctx.text(kind) in _TEXT_TYPES
    return False


def _is_source_text(node: Any, origin: str, ctx: Context) -> bool:
    """The argument is the source itself (``request.getParameter("q")``), or a name assigned exactly it."""
    if " ".join(ctx.text(node).split()) == origin:
        return True
    assigned = ctx.resolve(node) if node.type == "identifier" else None
    return assigned is not None and " ".join(ctx.text(unwrap(assigned)).split()) == origin


def tainted_verdict(sink: Sink, site: Site, ctx: Context) -> list[Hit]:
    """Sinks whose argument is usually a constant by design (a callable's name, a program): only a source counts."""
    node = chosen(sink, site)[0]
    value = trace(node, ctx) if node is not None else None
    if value is None or value.kind != "tainted":
        return []
    hits = value_hit(sink.rule, value, ctx, label(sink, site), site.call, sink.severity, RULES[sink.rule].needs_input)
    return [hit for hit in hits if hit.severity != "low"]  # the environment, a parameter where input is needed: none


VERDICTS: dict[str, Verdict] = {"payload": payload_verdict, "sql": sql_verdict, "fragment": fragment_verdict,
                                "any": any_verdict, "sql_passed": sql_passed_verdict, "tainted": tainted_verdict,
                                "fragment_input": fragment_input_verdict}
