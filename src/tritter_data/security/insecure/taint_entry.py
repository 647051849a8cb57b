"""Where a function's parameters come from: an entry point's are sources, an internal one's its callers'.

A function called by name elsewhere in its file is internal: its parameters hold what its
callers in the file pass (``calculate(input("> "))`` makes ``expression`` tainted), judged by
tracing those arguments at the calls, one level up. A function no one in the file calls is an
entry point (a request handler, a public function, ``main``): its parameters are sources.
Parameters of private functions and of tests are of unknown origin; a request object is a
source in any function; a parameter declared as a number is safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name, parse
from tritter_data.security.insecure.taint_index import call_count, calls_by_name, functions_by_name
from tritter_data.security.insecure.taint_nodes import (
    CALLS,
    FUNCTIONS,
    function_name,
    is_callback,
    parameters,
)
from tritter_data.security.insecure.taint_tables import TABLES, TaintRules
from tritter_data.security.insecure.taint_values import Value, join, tainted, unknown

MAX_CALL_SITES = 8
#: Parameters that hold a web request whatever the function (``doPost(request, response)``, ``handler(w, r)``).
_REQUEST = re.compile(r"^(?:request|req|event)$|Request\b|\bgin\.Context\b|\becho\.Context\b|fiber\.Ctx\b")
#: A Python annotation naming classes only (``torch.fx.GraphModule | GmWrapper``), none of them text.
_PROGRAM_OBJECT = re.compile(r"[\w.]+(?:\s*\|\s*[\w.]+)*")
_TEXT_TYPE = re.compile(r"(?i)str|bytes|any|text|\bio\b|IO|request|dict|list|mapping|sequence|iterable|tuple|path|json"
                        r"|object|buffer|stream|file|none|message|payload|data")
_PYTHON_NUMBERS = frozenset({"int", "float", "bool", "complex"})


def entry_values(function: Any, ctx: Context, rules: TaintRules, trace: Callable[[Any, Context], Value]
                 ) -> dict[str, Value]:
    """The values a function's parameters start with (see the module docstring).

    Kept per parse and function (each sink in a function would otherwise trace its callers
    again); the caller gets its own copy of the table to bind into.
    """
    entries = ctx.cache.setdefault("entries", {})
    key = (function.id, function.start_byte, function.end_byte, ctx.cache.get("caller_depth", 0))
    if key not in entries:
        entries[key] = _entry_values(function, ctx, rules, trace)
    return dict(entries[key])


def is_test_file(ctx: Context, rules: TaintRules) -> bool:
    """Whether the file (all its windows) is a test, by the language's markers; decided once per file."""
    if "test" not in ctx.shared:
        whole = (ctx.file or ctx.source)[:200_000].decode("utf-8", "replace")
        ctx.shared["test"] = bool(rules.tests is not None and rules.tests.search(whole))
    return ctx.shared["test"]


def is_test_code(ctx: Context, call: Any) -> bool:
    """A test (unittest, pytest, JUnit, ``testing.T`` ...) feeds its sinks itself.

    ``test_logging`` unpickles what its own handler sent to its own loopback server; a test's
    argv, sockets and inputs are the test's. The finding belongs to the code under test. Rust
    keeps its tests in the file they test (``#[cfg(test)] mod tests``), so there the call must
    sit in a test module or function; elsewhere the file decides.
    """
    if ctx.language == "rust":
        return _in_rust_test(call) or _in_rust_test_of_file(call, ctx)
    rules = TABLES.get(ctx.language)
    return rules is not None and is_test_file(ctx, rules)


_RUST_TEST_ATTRIBUTE = re.compile(rb"#\[(?:cfg\(test\)|test|tokio::test)")


def _in_rust_test(node: Any) -> bool:
    """Whether ``node`` sits in an item marked ``#[cfg(test)]`` or ``#[test]`` (attributes are the item's
    preceding siblings in tree-sitter's Rust tree)."""
    while node is not None:
        if node.type in ("mod_item", "function_item") and _marked_test(node):
            return True
        node = node.parent
    return False


def _in_rust_test_of_file(call: Any, ctx: Context) -> bool:
    """The same question for a window of a large file, which may have cut a test module's attribute off.

    The whole file is parsed once (only when a window is partial and the file has test attributes)
    and its test items' byte ranges kept for every window of that file.
    """
    if not ctx.file or len(ctx.source) >= len(ctx.file) or not _RUST_TEST_ATTRIBUTE.search(ctx.file):
        return False
    ranges = ctx.shared.get("rust_tests")
    if ranges is None:
        ranges = ctx.shared["rust_tests"] = _rust_test_ranges(parse(ctx.file, "rust").root_node)
    where = call.start_byte + ctx.base
    return any(start <= where < end for start, end in ranges)


def _rust_test_ranges(root: Any) -> list[tuple[int, int]]:
    """Byte ranges of the items marked ``#[cfg(test)]`` / ``#[test]`` at any depth of a Rust tree."""
    ranges, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.type in ("mod_item", "function_item") and _marked_test(node):
            ranges.append((node.start_byte, node.end_byte))
            continue
        stack.extend(node.named_children)
    return ranges


def _marked_test(item: Any) -> bool:
    attribute = item.prev_named_sibling
    while attribute is not None and attribute.type == "attribute_item":
        if _RUST_TEST_ATTRIBUTE.match(attribute.text):
            return True
        attribute = attribute.prev_named_sibling
    return False


def is_test_suite(text: str, language: str) -> bool:
    """A test suite (unittest/pytest, JUnit, ``_test.go``, PHPUnit, RSpec, Jest) feeds its sinks itself:
    what it runs, unpickles or queries is the test's own, so its sinks say nothing about the code."""
    rules = TABLES.get(language)
    pattern = rules.suites or rules.tests if rules is not None else None
    return pattern is not None and bool(pattern.search(text[:200_000]))


def _entry_values(function: Any, ctx: Context, rules: TaintRules, trace: Callable[[Any, Context], Value]
                  ) -> dict[str, Value]:
    if "text" not in ctx.cache:  # once per parse: the parsed text
        ctx.cache["text"] = ctx.source[:400_000].decode("utf-8", "replace")
    body = function.child_by_field_name("body") or function
    header = ctx.source[function.start_byte:body.start_byte].decode("utf-8", "replace")
    name = function_name(function, ctx)
    callback = is_callback(function)
    handler = (callback and _input_callback(function, ctx)) or _route_handler(function, ctx)
    private = is_test_file(ctx, rules) or bool(rules.private is not None and rules.private.search(header.split("(")[0]))
    called_cache = ctx.cache.setdefault("called", {})
    if name not in called_cache:
        called_cache[name] = _called_in_file(name, ctx)
    # a helper called in the file (nested, or a named arrow) holds what its callers pass; a private one's
    # parameters stay of unknown origin
    called = not private and not callback and called_cache[name]
    from_callers = _caller_values(function, name, ctx, trace) if called else {}
    internal = private or called or (callback and not handler) or (not handler and _nested(function))
    env: dict[str, Value] = {}
    for index, (param, declared, row) in enumerate(parameters(function, ctx)):
        if param in ("self", "cls", "this", "$this"):
            continue
        declared_type = declared.split("::")[-1].strip("& ")
        if declared_type and (declared_type in rules.numeric_types or
                              (ctx.language == "python" and declared_type in _PYTHON_NUMBERS)):
            env[param] = Value("safe", text="?")
        elif internal and not (_REQUEST.search(param) or _REQUEST.search(declared)):
            env[param] = from_callers.get(index, unknown())
        elif ctx.language == "python" and _PROGRAM_OBJECT.fullmatch(declared) and not _TEXT_TYPE.search(declared):
            env[param] = unknown()  # mod: torch.fx.GraphModule is an object the program built, not text
        else:
            env[param] = tainted(param, row)
            env[param].param = True
            # main(argc, argv) holds the command line, handler(request) / lambda_handler(event) the request,
            # a route's or an input event's callback what came in
            env[param].via_param = name != "main" and not handler and \
                not (_REQUEST.search(param) or _REQUEST.search(declared))
    return env


#: Calls whose callback receives outside data: events (``sock.on("data", d => ...)``), prompts, promises.
_INPUT_CALLBACKS = frozenset({"on", "once", "addListener", "addEventListener", "question", "then", "subscribe",
                              "prependListener", "HandleFunc", "HandlerFunc", "Handle"})


#: Decorators and annotations that make a function a web route: its parameters are the request's
#: (Flask/FastAPI ``@app.route("/<name>")``, ``@router.get``, DRF ``@api_view``, Spring ``@GetMapping``).
_ROUTE = re.compile(r"@[\w.]*\b(?:route|get|post|put|patch|delete|api_route|websocket|api_view)\s*\("
                    r"|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b|@(?:GET|POST|PUT|DELETE|Path)\b")


def _route_handler(function: Any, ctx: Context) -> bool:
    """A function decorated or annotated as a web route handler."""
    parent = function.parent
    if parent is not None and parent.type == "decorated_definition":  # Python: the decorators are siblings
        head = ctx.source[parent.start_byte:function.start_byte]
    else:  # Java: the annotations are the method's own modifiers
        modifiers = next((c for c in function.children if c.type == "modifiers"), None)
        head = ctx.source[modifiers.start_byte:modifiers.end_byte] if modifiers is not None else b""
    return b"@" in head and bool(_ROUTE.search(head.decode("utf-8", "replace")))


def _input_callback(function: Any, ctx: Context) -> bool:
    """A callback handed to an event, prompt or promise API, or a route (``app.get("/x", (q, s) => ...)``)."""
    call = function.parent.parent if function.parent is not None else None
    if call is None or call.type not in CALLS:
        return False
    name = last_name(callee_name(call, ctx))
    if name in _INPUT_CALLBACKS:
        return True
    first = arguments(call)[:1]
    routes = ("get", "post", "put", "patch", "delete", "all", "use", "route", "options", "head")
    return name in routes and bool(first) and first[0].type in ("string", "template_string")


def _nested(function: Any) -> bool:
    """A function defined inside another one is that function's helper, not an entry point."""
    node = function.parent
    while node is not None:
        if node.type in FUNCTIONS:
            return True
        node = node.parent
    return False


def _called_in_file(name: str, ctx: Context) -> bool:
    """``name(`` appears in the parsed text more often than the file defines ``name``."""
    if len(name) < 3 or name in ("main", "__init__", "handle", "run", "call", "get", "post", "put", "delete"):
        return False
    # ``def name(`` and ``function name(`` match too; ``const name = (x) =>`` does not
    spelled = [f for f in functions_by_name(ctx).get(name, ())
               if f.child_by_field_name("name") is not None or f.child_by_field_name("declarator") is not None]
    return call_count(name, ctx.cache["text"]) > len(spelled)


def _caller_values(function: Any, name: str, ctx: Context, trace: Callable[[Any, Context], Value]
                   ) -> dict[int, Value]:
    """Parameter index -> what the file's calls of ``name`` pass there (one level up, a few calls)."""
    depth = ctx.cache.get("caller_depth", 0)
    if depth >= 1 or ctx.root is None:
        return {}
    offset = 1 if parameters(function, ctx)[:1] and parameters(function, ctx)[0][0] in ("self", "cls") else 0
    passed: dict[int, list[Value]] = {}
    ctx.cache["caller_depth"] = depth + 1
    try:
        for call in calls_by_name(ctx).get(name, [])[:MAX_CALL_SITES]:
            if function.start_byte <= call.start_byte < function.end_byte:
                continue  # a recursive call
            for index, arg in enumerate(arguments(call)[:16]):
                passed.setdefault(index + offset, []).append(trace(arg, ctx))
    finally:
        ctx.cache["caller_depth"] = depth
    return {index: join(values) for index, values in passed.items()}
