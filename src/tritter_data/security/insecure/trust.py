"""Whose input reaches a sink: the invoker's own (command line, stdin, environment) or an outsider's.

The taint engine says what reaches a sink; these decide whether that source crosses a trust
boundary. Someone who runs a tool already runs code, so what they hand it whole is theirs; a
request or a socket is never the invoker.
"""

from __future__ import annotations

import re

from tritter_data.security.explain import RULES
from tritter_data.security.insecure.sinks import Site
from tritter_data.security.insecure.taint_values import Value


def invokers_own(value: Value, rule_id: str) -> bool:
    """The payload is a program or file the program's invoker hands it whole, so running it is the tool's job.

    ``python -m cProfile script.py`` compiles and runs that script, ``manage.py shell < s.py``
    executes the stream, a model dumper unpickles the file named on its command line: whoever
    invokes them already runs code. Still findings: input spliced into code or a command
    (``eval('"' + sys.argv[1] + '"')``), a file's text evaluated as data (``eval(open(path).read())``:
    the config-as-code lesson), and anything from a request or a socket, which is never the invoker.
    """
    if not (value.origin and _INVOKER.search(value.origin[0])):
        return False
    if RULES[rule_id].category == "unsafe_deserialization":
        return True  # a loader given the invoker's path or bytes loads the invoker's file
    if value.built:
        return False
    # a script, or a whole stream run as statements (``eval(sys.stdin.read())`` evaluates data: still a finding)
    return value.script or (rule_id == "PY-EXEC" and bool(_WHOLE_STREAM.fullmatch(value.origin[0])))


_INVOKER = re.compile(r"argv|\bos\.Args\b|\bARGV\b|env::args|getopt|parse_(?:known_)?(?:intermixed_)?args"
                     r"|\bsys\.stdin\b|process\.stdin|System\.in\b|\bSTDIN\b|\$stdin|io::stdin")
_WHOLE_STREAM = re.compile(r"sys\.stdin(?:\.buffer)?(?:\.read\(\))?|process\.stdin|STDIN\.read|\$stdin\.read"
                           r"|io::stdin\(\)")


def command_line(value: Value) -> bool:
    """The value is the program's own command line or terminal input: passed whole to a generic
    ``execute``/``query`` it is the invoker's request of their own tool (eslint's ``cli.execute(process.argv)``)."""
    return bool(value.origin and _COMMAND_LINE.search(value.origin[0]))


_COMMAND_LINE = re.compile(r"argv|\bos\.Args\b|\bARGV\b|env::args|getopt|parse_(?:known_)?args|stdin|\binput\(|readline"
                           r"|System\.in\b")


def environment(value: Value) -> bool:
    """Only the environment reaches the sink: it belongs to whoever runs the program.

    ``$PAGER``, ``$EDITOR``, ``PYTHONSTARTUP`` are how users choose what runs; someone who sets
    them already runs commands. CGI request variables (``QUERY_STRING``, ``HTTP_*``) are the
    exception: there the web server fills the environment from the request.
    """
    text = value.origin[0] if value.origin else ""
    return bool(_ENV.search(text)) and not _CGI.search(text)


_ENV = re.compile(r"environ|getenv|Getenv|env::var|process\.env|\bENV\b|\$_ENV|System\.getenv")
_CGI = re.compile(r"QUERY_STRING|HTTP_|REQUEST_URI|PATH_INFO|CONTENT_|REMOTE_|SCRIPT_NAME")


def statement_call(site: Site) -> bool:
    """The call surely takes a statement, so an unbuilt value passed to it is the whole statement.

    Verbs other libraries use too (asyncpg's ``con.fetch(sql)`` vs the browser's ``js.fetch(url)``)
    count only on a receiver named like a database handle; with a built value the text decides.
    """
    if site.name not in _AMBIGUOUS_VERBS:
        return True
    return bool(site.receiver) and _DATABASE_RECEIVER.search(site.receiver.rsplit(".", 1)[-1]) is not None


_AMBIGUOUS_VERBS = frozenset({"fetch", "run", "cursor", "raw", "all", "get", "query"})
_DATABASE_RECEIVER = re.compile(r"(?i)^\$?(?:c|cu|cr|tx|con|this|self|\$this)$|conn|cursor|db|database|sql|session|engine|"
                                r"pool|transaction|client|stmt|statement|repo|pdo|mysql|pg|postgres|sqlite|knex|sequelize|"
                                r"prisma|mongo|manager|model|dao|adapter|driver|runner|querier|wpdb|orm")


def names_sql_fragment(value: Value) -> bool:
    """A library parameter named as SQL (``$where``, ``segmentSelectSql``, ``order_by``): the caller's fragment.

    Database layers take conditions and sub-selects their callers wrote (Zend's ``update($table,
    $bind, $where)``), as shell wrappers take a ``cmd``: the finding belongs where a caller builds
    that fragment from outside input. A value parameter spliced in (``WHERE name = '$name'``) stays one.
    """
    return value.via_param and bool(value.origin and _SQL_NAME.fullmatch(value.origin[0]))


#: ``where``, ``$whereClause``, ``segmentSelectSql``, ``order_by``, ``sql``, ``conditions``; not ``name`` or ``id``.
_SQL_NAME = re.compile(r"\$?(?:[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*(?=[A-Z])|\w+_)?"
                       r"(?:[Ss]ql|SQL|[Ww]here|[Cc]ondition|[Cc]lause|[Ss]ubquery|[Ss]ub_?[Ss]elect|[Oo]rder_?[Bb]y"
                       r"|[Gg]roup_?[Bb]y|[Hh]aving|[Pp]redicate|[Dd]efinition)(?:_?(?:[Cc]lause|[Ss]tring|[Pp]art|[Ff]ragment))?s?")


def imports_a_callers_name(value: Value) -> bool:
    """Code that only imports a module its caller names: ``exec('import %s' % tabmodule)``, ``Function('return require("' + name + '")')``.

    PLY loads its generated parser tables this way and core-js probes for Node's modules: the
    name is the calling program's, as with ``importlib.import_module(name)``. The same template
    filled from a request or the command line stays a finding.
    """
    return value.via_param and value.built and bool(_IMPORT_TEMPLATE.fullmatch(_HOLE.sub("?", value.text).strip()))


_HOLE = re.compile(r"%(?:\(\w+\))?[sr]|\{\w*\}")
_IMPORT_TEMPLATE = re.compile(r"import \?(?: as \w+)?|from \? import [\w, ]+|(?:return )?require\((?:\"\?\"|'\?')\);?"
                              r"|__import__\((?:\"\?\"|'\?')\)")
