"""Expressions for the taint engine: what value a node has, given the names bound so far.

Literals are constants (folded: ``7 * 42`` is 294), interpolated strings, concatenation and
formatting join their parts (``%d`` and ``{:d}`` values cannot inject text), sources and
sanitisers come from the language's table, a call to a function of the same file is
evaluated with its arguments bound, and any other call carries the taint of its receiver
and arguments (``request.getParameter("id").trim()`` is still the parameter).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tritter_data.security.insecure.syntax import Context, arguments, assigned_value, callee_name, last_name
from tritter_data.security.insecure.taint_holders import internal_attribute, internal_entry
from tritter_data.security.insecure.taint_index import functions_by_name
from tritter_data.security.insecure.taint_known import (
    FILE_READERS,
    FINDERS,
    JOINERS,
    MODEL_FINDER,
    checked_option,
    own_program,
    own_receiver,
)
from tritter_data.security.insecure.taint_nodes import (
    CALLS,
    CASTS,
    CONSTANTS,
    FUNCTIONS,
    IDENTS,
    INTERPOLATIONS,
    LISTS,
    MEMBERS,
    STRING_METHODS,
    STRINGS,
    SUBSCRIPTS,
    TERNARIES,
    WRAPPERS,
    constant_of,
    operator_of,
    parameters,
)
from tritter_data.security.insecure.taint_regex import regex_call
from tritter_data.security.insecure.taint_tables import TaintRules
from tritter_data.security.insecure.taint_values import (
    ARITHMETIC,
    COMPARISONS,
    NO_VALUE,
    NUMERIC_VERBS,
    Value,
    const,
    fold_binary,
    join,
    literal_text,
    printf_verbs,
    tainted,
    unknown,
)

_INLINE = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)(?::[^}]*)?\}")
MAX_NESTING = 60  # tree depth one walk descends, across helpers (Python's stack holds ~1000 frames)
MAX_STEPS = 20_000  # nodes one trace may visit, however large the function
MAX_HELPER_DEPTH = 2
FORMATTERS = frozenset({"format", "Sprintf", "sprintf", "String.format", "fmt.Sprintf", "formatted", "Errorf",
                        "snprintf", "asprintf", "sqlite3_mprintf", "fmt.Sprint", "str_replace", "vsprintf"})



class Expressions:
    """The expression half of ``Flow``: ``value(node, env)``."""

    ctx: Context
    rules: TaintRules
    depth: int
    steps: int
    level: int

    def spawn(self, stop: int) -> Any:  # pragma: no cover - implemented by Flow
        raise NotImplementedError

    def value(self, node: Any, env: dict[str, Value]) -> Value:
        if self.level > MAX_NESTING:
            return unknown()
        self.level += 1
        try:
            return self._value(node, env)
        finally:
            self.level -= 1

    def _value(self, node: Any, env: dict[str, Value]) -> Value:
        self.steps += 1
        if node is None or self.steps > MAX_STEPS:
            return unknown()
        kind = node.type
        if kind in WRAPPERS and node.named_children:
            return self.value(node.named_children[-1 if kind in ("argument", "cast_expression") else 0], env)
        if kind in CASTS:
            cast = node.child_by_field_name("type")
            if cast is not None and self.ctx.text(cast).strip("() ") in self.rules.numeric_types | {"integer", "int"}:
                return Value("safe", text="?")
            inner = node.child_by_field_name("value") or (node.named_children[-1] if node.named_children else None)
            return self.value(inner, env)
        if kind in CONSTANTS:
            return const(self.ctx.text(node), constant_of(node, self.ctx))
        if kind in STRINGS:
            return self._string(node, env)
        if kind in IDENTS:
            return self._name(node, env)
        if kind in MEMBERS or kind in SUBSCRIPTS:
            return self._member(node, env)
        if kind in CALLS:
            return self._call(node, env)
        if kind in TERNARIES:
            return self._ternary(node, env)
        if kind == "composite_literal" and node.child_by_field_name("body") is not None:
            return self.value(node.child_by_field_name("body"), env)  # []string{a, b}: the elements, not the type
        if kind in ("literal_element", "keyed_element") and node.named_children:
            return self.value(node.named_children[-1], env)  # Go {k: v}: the value
        if kind in LISTS:
            values = [self.value(child, env) for child in node.named_children[:64] if child.type != "comment"]
            if kind in ("array_creation_expression", "composite_literal") and len(values) == 1 and values[0].items:
                return values[0]
            return with_items(values)
        if kind in ("binary_operator", "binary_expression", "binary", "boolean_operator", "comparison_operator"):
            return self._binary(node, env)
        if kind in ("not_operator", "unary_expression", "unary_operator", "unary"):
            inner = self.value(node.named_children[-1], env) if node.named_children else unknown()
            op = operator_of(node)
            if op in ("*", "&") and kind == "unary_expression":
                return inner  # Go/C/Rust pointers: *ptr and &value are the value itself, not a number
            folded = (not inner.folded) if inner.folded is not NO_VALUE and op in ("!", "not") else NO_VALUE
            return const("?", folded)
        if kind in FUNCTIONS or kind in ("lambda",):
            return unknown()
        parts = [self.value(child, env) for child in node.named_children[:16] if child.type != "comment"]
        return join(parts) if parts else unknown()

    def _string(self, node: Any, env: dict[str, Value]) -> Value:
        if node.type == "concatenated_string":
            return join([self.value(child, env) for child in node.named_children], built=True)
        holes = [c for c in node.named_children if c.type in INTERPOLATIONS]
        if not holes:
            text = literal_text(self.ctx.text(node))
            return const(text, text)
        parts: list[Value] = []
        position = node.start_byte
        for hole in holes:
            parts.append(const(self.ctx.source[position:hole.start_byte].decode("utf-8", "replace")))
            inner = hole.named_children[0] if hole.type in ("interpolation", "template_substitution") and \
                hole.named_children else hole
            parts.append(self.value(inner, env))
            position = hole.end_byte
        parts.append(const(self.ctx.source[position:node.end_byte].decode("utf-8", "replace")))
        return join(parts, built=True)

    def _name(self, node: Any, env: dict[str, Value]) -> Value:
        name = self.ctx.text(node)
        if name in env:
            return env[name]
        if self.rules.sources.match(name):
            return tainted(name, node.start_point.row)
        if self.depth >= MAX_HELPER_DEPTH or self.ctx.root is None:
            return unknown()
        # a name the function does not bind: its assignment elsewhere in the file (a module global),
        # looked up once per name and file
        known = self.ctx.cache.setdefault("globals", {})
        if name not in known:
            known[name] = unknown()  # while it is being evaluated: x = x + 1 must not loop
            assigned = assigned_value(self.ctx.root, self.ctx.source, node.text, node.start_byte)
            if assigned is not None and not (assigned.start_byte <= node.start_byte < assigned.end_byte):
                known[name] = self.spawn(assigned.start_byte).value(assigned, {})
        return known[name]

    def _member(self, node: Any, env: dict[str, Value]) -> Value:
        text = self.ctx.text(node)
        if text in env:
            return env[text]
        if own_program(text):
            return const(text)
        if self.rules.sources.match(text):
            return tainted(text, node.start_point.row)
        holder_node = node.named_children[0] if node.named_children else None
        holder = self.value(holder_node, env)
        index = node.child_by_field_name("index") or node.child_by_field_name("subscript")
        if index is not None and (holder.keys or holder.items):
            key = self.value(index, env).folded
            if key in holder.keys:
                return holder.keys[key]
            if holder.items and isinstance(key, int) and -len(holder.items) <= key < len(holder.items):
                return holder.items[key]
        if index is None and internal_attribute(holder, holder_node, node, self.ctx):
            return unknown()
        if index is not None and internal_entry(holder, holder_node, index, self.ctx):
            return unknown()
        if index is None and holder.kind == "tainted" and checked_option(holder, node, self.ctx):
            return Value("safe", text="?")
        return _refined(holder, holder_node, node, self.ctx)

    def _macro(self, node: Any, env: dict[str, Value]) -> Value:
        """Rust ``format!("... {}", x)`` / ``format!("{x}")``: the template and the values it takes."""
        tree = next((c for c in node.named_children if c.type == "token_tree"), None)
        if tree is None:
            return unknown()
        parts: list[Value] = []
        for child in tree.named_children[:32]:
            if child.type == "string_literal":
                text = literal_text(self.ctx.text(child))
                parts.append(const(text, text))
                for name in _INLINE.findall(text):
                    parts.append(self.value_of_name(name, child, env))
            elif child.type in IDENTS or child.type in CALLS or child.type in MEMBERS:
                parts.append(self.value(child, env))
        value = join(parts, built=True) if parts else const()
        if parts:
            value.text = parts[0].text
        return with_items(parts) if callee_name(node, self.ctx) == "vec!" else value

    def value_of_name(self, name: str, near: Any, env: dict[str, Value]) -> Value:
        if name in env:
            return env[name]
        return tainted(name, near.start_point.row) if self.rules.sources.match(name) else unknown()

    def _call(self, node: Any, env: dict[str, Value]) -> Value:
        if node.type == "macro_invocation":
            return self._macro(node, env)
        callee = callee_name(node, self.ctx)
        name = last_name(callee)
        rules = self.rules
        if rules.sanitisers.match(callee) or rules.sanitisers.match(self.ctx.head(node, 200)):
            return Value("safe", text="0")  # quoted or converted: not a hole the input fills
        if rules.sources.match(callee) or name in rules.source_methods:
            return tainted(self.ctx.text(node), node.start_point.row)
        args = arguments(node)
        if name in FINDERS and self.ctx.language == "ruby" and MODEL_FINDER.match(callee):
            return unknown()  # Plugin.find(params[:id]): the record found, not the id it was looked up by
        if name in ("map", "array_map") and args and \
                rules.sanitisers.fullmatch(self.ctx.text(args[0]).strip("'\"")):
            return Value("safe", text="0")  # array_map('intval', $ids), map(int, ids), ids.map(Number)
        values = [self.value(arg, env) for arg in args[:16]]
        if name == "compile" and values and self.ctx.language == "python":
            if values[0].loaded and len(values) > 2 and values[2].folded == "exec":
                return replace(values[0], script=True)  # a program file compiled to run as one
            return values[0]  # the same code, compiled: still a pass-through
        receiver_node = receiver_of(node)
        # request.params.get("p") is the request's get, not a get(self, req, fmt) method of a class in this file
        own = receiver_node is None or receiver_node.type in ("object_creation_expression", "new_expression") or \
            own_receiver(self.ctx.text(receiver_node))  # new Test().doSomething(request, param): this file's class
        helper = self._helper(callee, values) if own else None
        if helper is not None:
            return helper
        receiver = self.value(receiver_node, env) if receiver_node is not None else None
        if self.ctx.language == "python":
            matched = regex_call(callee, name, receiver, values)
            if matched is not None:
                return matched
        if callee in FORMATTERS or name in FORMATTERS:
            return self._format(name, receiver, values)
        if receiver is not None and values and name in ("get", "getOrDefault", "elementAt", "getProperty", "getValue"):
            key = values[0].folded
            if key in receiver.keys:
                return receiver.keys[key]
            if receiver.items and isinstance(key, int) and -len(receiver.items) <= key < len(receiver.items):
                return receiver.items[key]
        if name == "charAt" and receiver is not None and isinstance(receiver.folded, str) and values \
                and isinstance(values[0].folded, int) and 0 <= values[0].folded < len(receiver.folded):
            return const("?", receiver.folded[values[0].folded])
        parts = ([receiver] if receiver is not None else []) + values
        if not parts:
            return unknown()
        if (name in ("join", "concat", "append", "push_str", "add") and receiver is not None) or \
                callee in JOINERS:
            value = join(parts, built=True)  # the elements themselves, spliced: not unknown code
        else:
            value = join(parts)
            value.wrapped = True
        if node.type in ("object_creation_expression", "new_expression") and name in ("StringBuilder", "StringBuffer",
                                                                                     "String"):
            return join(values, built=True) if values else const()
        if value.kind == "const" and not (name in STRING_METHODS and receiver is not None):
            return Value("unknown", text=value.text)  # a call of constants may return anything
        if name.rstrip("_") in FILE_READERS and value.kind == "tainted" and any(v.kind == "tainted" for v in values):
            value.loaded = True  # open(sys.argv[1]): what follows is that file's contents, not the name
        return _refined(value, receiver_node, node, self.ctx) if receiver is not None else value

    def _format(self, name: str, receiver: Value | None, values: list[Value]) -> Value:
        """``"...".format(x)``, ``String.format(t, x)``, ``fmt.Sprintf(t, x)``: values under %d cannot inject."""
        if receiver is not None and name in ("format", "formatted") and receiver.kind == "const":
            template, rest = receiver, values
        else:
            offset = 2 if name in ("snprintf", "asprintf") and len(values) > 2 else 0
            template, rest = (values[offset], values[offset + 1:]) if len(values) > offset else (unknown(), [])
        verbs = printf_verbs(template.text)
        if template.kind == "const" and len(verbs) == len(rest):
            rest = [v if verb not in NUMERIC_VERBS else Value("safe", text="?") for v, verb in zip(rest, verbs, strict=True)]
        out = join([template, *rest], built=True)
        out.text = template.text
        return out

    def _binary(self, node: Any, env: dict[str, Value]) -> Value:
        left_node = node.child_by_field_name("left") or (node.named_children[0] if node.named_children else None)
        right_node = node.child_by_field_name("right") or (node.named_children[-1] if node.named_children else None)
        left, right = self.value(left_node, env), self.value(right_node, env)
        op = operator_of(node)
        folded = fold_binary(op, left, right)
        if op in COMPARISONS or op in ARITHMETIC:
            if op in ("&&", "||", "and", "or") and folded is NO_VALUE:
                return join([left, right])
            return const("?", folded)
        if op == "%" and left.kind == "const" and isinstance(left.folded, str):
            items = right.items if right.items else [right]
            verbs = printf_verbs(left.text)
            quoting = NUMERIC_VERBS | ({"r"} if self.ctx.language == "python" else set())  # %r writes a literal
            if verbs and len(verbs) == len(items) and all(verb in quoting for verb in verbs):
                return const(left.text)
            out = join([left, *items], built=True)
            out.text = left.text
            return out
        out = join([left, right], built=True)
        out.folded = folded
        return out

    def _ternary(self, node: Any, env: dict[str, Value]) -> Value:
        if node.type == "conditional_expression" and self.ctx.language == "python":
            named = node.named_children
            if len(named) != 3:
                return unknown()
            yes, condition, no = named
        else:
            condition = node.child_by_field_name("condition")
            yes = node.child_by_field_name("consequence") or node.child_by_field_name("body")
            no = node.child_by_field_name("alternative")
        folded = self.value(condition, env).folded
        if folded is not NO_VALUE:
            return self.value(yes if folded else no, env)
        return join([self.value(yes, env), self.value(no, env)])

    def _helper(self, callee: str, values: list[Value]) -> Value | None:
        """A function of this file, evaluated with the argument values bound to its parameters.

        Only when the arity matches (another overload or a library method of the same name is
        not this function), and never into a function already being evaluated.
        """
        if self.depth >= MAX_HELPER_DEPTH:
            return None
        active = self.ctx.cache.setdefault("active", set())
        for function in functions_by_name(self.ctx).get(last_name(callee), ()):
            names = [n for n, _, _ in parameters(function, self.ctx)]
            if names and names[0] in ("self", "cls") and len(values) < len(names):
                names = names[1:]
            if len(names) == len(values) and function.id not in active:
                break
        else:
            return None
        env = dict(zip(names, values, strict=True))
        body = function.child_by_field_name("body") or function
        flow = self.spawn(body.end_byte)
        active.add(function.id)
        try:
            flow.walk(body, env)
            if not flow.returns and body.named_children and self.ctx.language in ("rust", "ruby"):
                flow.returns.append(flow.value(body.named_children[-1], env))
        finally:
            active.discard(function.id)
        return join(flow.returns) if flow.returns else None


def receiver_of(call: Any) -> Any | None:
    function = call.child_by_field_name("function")
    if function is not None and function.type in MEMBERS:
        return function.child_by_field_name("object") or function.child_by_field_name("operand") or \
            function.child_by_field_name("value") or function.child_by_field_name("argument")
    return call.child_by_field_name("object") or call.child_by_field_name("receiver") or \
        call.child_by_field_name("scope")


def _refined(value: Value, holder_node: Any, node: Any, ctx: Context) -> Value:
    """``request.getParameter("id")`` names the source better than the bare parameter ``request``."""
    if value.kind == "tainted" and value.origin is not None and holder_node is not None \
            and value.origin[0] == ctx.text(holder_node):
        return Value("tainted", origin=(" ".join(ctx.text(node).split())[:80], node.start_point.row), text="?",
                     via_param=value.via_param)
    if value.kind == "const":
        return Value("const", text="?")
    return value

def with_items(items: list[Value]) -> Value:
    value = join(items) if items else const()
    value.items = items
    return value
