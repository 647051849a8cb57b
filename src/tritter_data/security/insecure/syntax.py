"""Tree-sitter helpers shared by the per-language rules: parsers, strings, callees.

Grammars are the small wheels ``tree-sitter-<lang>`` (no run-time downloads). A parser is
built once per process and language. The helpers answer the questions every rule asks of
an argument: is it a constant string, a string built from variables (``dynamic``), or
something we cannot see into (``unknown``)?

    >>> tree = parse(b'f"SELECT {x}"', "python")
    >>> classify(tree.root_node.child(0).child(0), Context(b'f"SELECT {x}"', "python"))
    'dynamic'
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, field
from typing import Any

#: language -> (module, function returning the grammar)
GRAMMARS = {
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),  # chosen by the engine when a file holds JSX
    "rust": ("tree_sitter_rust", "language"),
    "go": ("tree_sitter_go", "language"),
    "java": ("tree_sitter_java", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "ruby": ("tree_sitter_ruby", "language"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
}

CALL_TYPES = frozenset({
    "call", "call_expression", "new_expression", "method_invocation", "object_creation_expression",
    "function_call_expression", "member_call_expression", "scoped_call_expression",
    "shell_command_expression", "subshell", "macro_invocation",
})
#: Leaves inside these are text, not code: a sink name there is not a call.
TEXT_TYPES = frozenset({
    "comment", "line_comment", "block_comment", "string", "string_content", "string_fragment",
    "template_string", "string_literal", "interpreted_string_literal", "raw_string_literal",
    "encapsed_string", "heredoc", "nowdoc", "raw_string_literal_content",
    "interpreted_string_literal_content", "heredoc_body",
})
STRING_TYPES = frozenset({
    "string", "template_string", "string_literal", "interpreted_string_literal", "raw_string_literal",
    "encapsed_string", "heredoc", "nowdoc", "concatenated_string", "text_block",
})
INTERPOLATION_TYPES = frozenset({
    "interpolation", "template_substitution", "variable_name", "simple_variable", "member_access_expression",
    "subscript_expression", "dynamic_variable_name", "complex_string_part",
})
CONCAT_TYPES = frozenset({"binary_operator", "binary_expression", "binary", "concatenated_string"})
IDENT_TYPES = frozenset({"identifier", "variable_name"})
SEQUENCE_TYPES = frozenset({"list", "tuple", "array", "array_expression"})
#: Calls that format a string from a template and values.
FORMAT_CALLEES = frozenset({"format", "Sprintf", "sprintf", "vsprintf", "String.format", "formatted", "fmt.Sprintf"})
#: Calls that wrap SQL text without changing it (SQLAlchemy ``text()``, Django ``RawSQL``).
SQL_WRAPPERS = frozenset({"text", "sqlalchemy.text", "sa.text", "sql.text", "RawSQL"})
MAX_DEPTH = 40
MAX_NODES = 2_000  # nodes one verdict may look at, however the argument is built
ASSIGNMENT_LOOKBACK = 20_000  # bytes before a use searched for the name's assignment
MAX_ASSIGNMENT_CANDIDATES = 20


class GrammarMissing(ImportError):
    """A tree-sitter grammar wheel is not installed."""


@functools.cache
def parser_for(language: str) -> Any:
    """One parser per language and process; the grammar import is lazy."""
    try:
        from tree_sitter import Language, Parser
        module_name, function = GRAMMARS[language]
        grammar = getattr(importlib.import_module(module_name), function)()
    except ImportError as error:  # pragma: no cover - depends on the install
        raise GrammarMissing(f"{error}; install with: pip install 'tritter-data' (tree-sitter grammars)") from error
    return Parser(Language(grammar))


def parse(data: bytes, language: str) -> Any:
    return parser_for(language).parse(data)


@dataclass
class Context:
    """What a rule may look at besides the call: the source bytes and its assignments."""

    source: bytes
    language: str
    root: Any = None
    file: bytes = b""  # the whole file, for facts outside the parsed window (imports)
    budget: int = 0
    cache: dict[str, Any] = field(default_factory=dict)  # per-parse facts (the file's functions by name)
    grammar: str = ""  # the parser's grammar when it differs from ``language`` (``tsx``)
    shared: dict[str, Any] = field(default_factory=dict)  # per-file facts, one dict for all windows of ``file``
    base: int = 0  # where byte 0 of ``source`` sits in ``file`` (negative by a prefix the window was given)

    def spend(self) -> bool:
        """Count one node visited; False once this verdict has used ``MAX_NODES``."""
        self.budget += 1
        return self.budget <= MAX_NODES

    def text(self, node: Any) -> str:
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def head(self, node: Any, chars: int) -> str:
        """``text(node)[:chars]`` without decoding the rest (a call's text may hold a whole function).

        A character takes at most 4 bytes (an invalid one at most 3), so the first ``chars``
        characters of ``5 * chars`` bytes decode as they do in the whole text.
        """
        end = min(node.end_byte, node.start_byte + 5 * chars)
        return self.source[node.start_byte:end].decode("utf-8", "replace")[:chars]

    def resolve(self, name_node: Any) -> Any | None:
        """The value last assigned to this name before ``name_node`` in the parsed text."""
        if self.root is None:
            return None
        name = self.source[name_node.start_byte:name_node.end_byte]
        return assigned_value(self.root, self.source, name, name_node.start_byte)


_ASSIGN = {
    "assignment": ("left", "right"), "variable_declarator": ("name", "value"),
    "let_declaration": ("pattern", "value"), "short_var_declaration": ("left", "right"),
    "assignment_statement": ("left", "right"), "assignment_expression": ("left", "right"),
    "augmented_assignment": ("left", "right"), "var_spec": ("name", "value"),
}


def assigned_value(root: Any, source: bytes, name: bytes, before: int) -> Any | None:
    """The value of the last ``name = value`` (``let``, ``:=``, ``$name =``...) before byte ``before``.

    Candidates come from a text search for the name followed by ``=`` (linear, in C); only
    those few positions are looked up in the tree, so deep or huge trees cost nothing extra.
    """
    candidates = name_starts(name, ASSIGNMENT_TAIL, source, max(0, before - ASSIGNMENT_LOOKBACK), before)
    for start in reversed(candidates[-MAX_ASSIGNMENT_CANDIDATES:]):
        node = root.descendant_for_byte_range(start, start + len(name))
        for _ in range(6):
            if node is None:
                break
            fields = _ASSIGN.get(node.type)
            if fields is not None:
                left, right = node.child_by_field_name(fields[0]), node.child_by_field_name(fields[1])
                if left is not None and left.type == "expression_list" and left.named_child_count == 1:
                    left = left.named_children[0]
                if right is not None and right.type == "expression_list" and right.named_child_count == 1:
                    right = right.named_children[0]
                if left is not None and right is not None and left.start_byte == start and left.type in IDENT_TYPES:
                    return right
                break
            node = node.parent
    return None


#: What may follow a name for ``name = value`` (``name: T = v``, ``name := v``), not ``==``, ``=>``, ``=~``.
ASSIGNMENT_TAIL = re.compile(rb"\s*(?::\s*[^=\n;]{1,40})?(?::=|=(?![=>~]))")
_WORD_CHAR = {bytes: re.compile(rb"[\w$]"), str: re.compile(r"[\w$]")}


def name_starts(name: Any, tail: re.Pattern[Any], text: Any, start: int = 0, end: int | None = None) -> list[int]:
    """Where ``(?<![\\w$])`` + ``name`` + ``tail`` matches in ``text[start:end]``, as ``finditer`` finds it.

    No pattern per name is compiled: ``find`` jumps to each place the name occurs (in C), the
    character before it must not continue a word, and ``tail`` must match right after it. After a
    match the search goes on from its end, as ``finditer`` does.
    """
    end = len(text) if end is None else end
    word = _WORD_CHAR[type(text)]
    out = []
    position = text.find(name, start, end)
    while position >= 0:
        match = None
        if position == 0 or not word.match(text, position - 1):
            match = tail.match(text, position + len(name), end)
        if match is None:
            position = text.find(name, position + 1, end)
        else:
            out.append(position)
            position = text.find(name, max(match.end(), position + 1), end)
    return out


def unwrap(node: Any) -> Any:
    """Look through parentheses, PHP ``argument`` wrappers, Rust ``&``, ``.as_str()`` and friends."""
    for _ in range(MAX_DEPTH):
        if node.type in ("parenthesized_expression", "argument", "reference_expression") and node.named_child_count:
            node = node.named_children[-1] if node.type == "argument" else node.named_children[0]
        elif node.type in ("call_expression", "method_invocation") and _is_conversion(node):
            inner = node.child_by_field_name("function") or node.child_by_field_name("object")
            node = inner.child_by_field_name("value") if inner is not None and inner.type == "field_expression" else inner
            if node is None:
                break
        else:
            break
    return node


def _is_conversion(node: Any) -> bool:
    """``q.as_str()``, ``q.to_string()``, ``sb.toString()``: the same text under another type."""
    function = node.child_by_field_name("function")
    name = node.child_by_field_name("name")
    if function is not None and function.type == "field_expression":
        field_node = function.child_by_field_name("field")
        return field_node is not None and field_node.text in (b"as_str", b"to_string", b"to_owned", b"as_ref")
    if name is not None and node.type == "method_invocation":
        return name.text == b"toString"
    return False


def callee_name(node: Any, ctx: Context) -> str:
    """The callee as written: ``os.popen``, ``cp.exec``, ``db.Query``, ``Command::new``, ``system`` (kept per parse)."""
    known = ctx.cache.setdefault("callees", {})
    key = (node.id, node.start_byte, node.end_byte)
    name = known.get(key)
    if name is None:
        name = known[key] = _callee_name(node, ctx)
    return name


def _callee_name(node: Any, ctx: Context) -> str:
    if node.type == "call" and ctx.language == "ruby":
        method, receiver = node.child_by_field_name("method"), node.child_by_field_name("receiver")
        name = ctx.text(method) if method is not None else ""
        return f"{ctx.text(receiver)}.{name}" if receiver is not None else name
    if node.type in ("method_invocation", "member_call_expression", "scoped_call_expression"):
        obj = node.child_by_field_name("object") or node.child_by_field_name("scope")
        name = node.child_by_field_name("name")
        base = ctx.text(name) if name is not None else ""
        return f"{ctx.text(obj)}.{base}" if obj is not None else base
    if node.type in ("new_expression", "object_creation_expression"):
        ctor = node.child_by_field_name("constructor") or node.child_by_field_name("type")
        return "new " + (ctx.text(ctor) if ctor is not None else "")
    if node.type == "macro_invocation":
        macro = node.child_by_field_name("macro")
        return (ctx.text(macro) if macro is not None else "") + "!"
    function = node.child_by_field_name("function")
    return ctx.text(function) if function is not None else ""


def last_name(callee: str) -> str:
    """``a.b.c`` -> ``c``; ``Command::new`` -> ``new``; ``$db->query`` -> ``query``."""
    for sep in (".", "::", "->"):
        callee = callee.rsplit(sep, 1)[-1]
    return callee


def arguments(node: Any) -> list[Any]:
    """Positional argument nodes (keyword arguments and comments excluded)."""
    args = node.child_by_field_name("arguments")
    if args is None:
        return []
    out = []
    for child in args.named_children:
        if child.type in ("keyword_argument", "comment", "pair", "block_argument"):
            continue
        out.append(child)
    return out


def keyword(node: Any, name: bytes) -> Any | None:
    """The value of keyword argument ``name=`` (Python) in a call, if given."""
    args = node.child_by_field_name("arguments")
    if args is None:
        return None
    for child in args.named_children:
        if child.type == "keyword_argument":
            key = child.child_by_field_name("name")
            if key is not None and key.text == name:
                return child.child_by_field_name("value")
    return None


def classify(node: Any, ctx: Context, depth: int = 0) -> str:
    """``const`` (literal text only), ``dynamic`` (text built from values) or ``unknown``."""
    if depth == 0:
        ctx.budget = 0
    if node is None or depth > MAX_DEPTH or not ctx.spend():
        return "unknown"
    node = unwrap(node)
    kind = node.type
    if kind in STRING_TYPES:
        if kind == "concatenated_string":
            parts = [classify(c, ctx, depth + 1) for c in node.named_children]
            return "dynamic" if "dynamic" in parts else "const"
        return "dynamic" if any(c.type in INTERPOLATION_TYPES for c in node.named_children) else "const"
    if kind in CONCAT_TYPES:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        operator = node.child_by_field_name("operator")
        op = operator.text if operator is not None else b""
        if left is None or right is None:
            return "unknown"
        sides = (classify(left, ctx, depth + 1), classify(right, ctx, depth + 1))
        if op in (b"+", b"."):
            if sides == ("const", "const"):
                return "const"
            if "const" in sides or "dynamic" in sides:
                return "dynamic"
            return "unknown"
        if op == b"%" and sides[0] == "const":  # "..." % values
            return "dynamic"
        if op == b"*" and "const" in sides:  # " " * indent: repeated constant text
            return "const"
        return "unknown"
    if kind in SEQUENCE_TYPES:  # ["ls", "-l"]: an argument vector of constants is constant
        parts = [classify(child, ctx, depth + 1) for child in node.named_children[:64] if child.type != "comment"]
        if "dynamic" in parts:
            return "dynamic"
        return "const" if parts and all(part == "const" for part in parts) else "unknown"
    if kind in ("call", "call_expression", "method_invocation", "function_call_expression"):
        callee = callee_name(node, ctx)
        if callee.startswith(("sql.SQL(", "SQL(")):  # psycopg's composition quotes what it formats in
            return "unknown"
        if last_name(callee) in FORMAT_CALLEES or callee in FORMAT_CALLEES:
            return "dynamic"
        if callee in SQL_WRAPPERS:  # text(f"SELECT ... {x}") is still the string it wraps
            inner = arguments(node)
            return classify(inner[0], ctx, depth + 1) if inner else "unknown"
        return "unknown"
    if kind == "macro_invocation" and callee_name(node, ctx) == "format!":
        return "dynamic"
    if kind in IDENT_TYPES and depth < 3:
        value = ctx.resolve(node)
        if value is not None:
            return classify(value, ctx, depth + 1)
    return "unknown"


def string_text(node: Any, ctx: Context, depth: int = 0) -> str:
    """The literal parts of a (possibly built) string, for the SQL keyword test."""
    if depth == 0:
        ctx.budget = 0
    if node is None or depth > MAX_DEPTH or not ctx.spend():
        return ""
    node = unwrap(node)
    if node.type in STRING_TYPES:
        return ctx.text(node)
    if node.type in IDENT_TYPES and depth < 3:
        value = ctx.resolve(node)
        return string_text(value, ctx, depth + 1) if value is not None else ""
    return " ".join(string_text(child, ctx, depth + 1) for child in node.named_children[:8])
