"""One intraprocedural taint engine over the tree-sitter trees of every language.

``trace(argument, ctx)`` answers: what can reach this sink argument? It walks the enclosing
function from its start to the sink, in order, keeping an environment name -> ``Value``:
parameters of public functions are sources, assignments and declarations bind, mutating
calls (``sb.append(x)``, ``args.append(x)``, ``map.put(k, v)``, ``sprintf(buf, ...)``) flow
into their receiver, branches on constant conditions are folded (``if ((7*42) - num > 200)``,
``switch`` on a constant), and both arms of other branches are merged. An allow-list check
(``if not name.isidentifier(): return``) sanitises the name after it. A call to a function
of the same file is evaluated with its arguments bound (two levels deep).

    >>> from tritter_data.security.insecure.syntax import Context, parse
    >>> src = b"def f(q):\\n    s = 'SELECT * FROM t WHERE a = ' + q\\n    cur.execute(s)\\n"
    >>> tree = parse(src, "python")
    >>> call = tree.root_node.child(0).child_by_field_name("body").child(1).child(0)
    >>> value = trace(call.child_by_field_name("arguments").named_children[0], Context(src, "python", tree.root_node))
    >>> value.kind, value.origin
    ('tainted', ('q', 0))
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.syntax import Context, arguments, callee_name, last_name
from tritter_data.security.insecure.taint_entry import entry_values
from tritter_data.security.insecure.taint_expr import (
    MAX_NESTING,
    MAX_STEPS,
    Expressions,
    receiver_of,
    with_items,
)
from tritter_data.security.insecure.taint_nodes import (
    ASSIGN_FIELDS,
    CALLS,
    EXITS,
    FUNCTIONS,
    IFS,
    LOOPS,
    MEMBERS,
    SUBSCRIPTS,
    SWITCHES,
    cases,
    condition_of,
    loop_parts,
    operator_of,
)
from tritter_data.security.insecure.taint_resume import walk_resumed
from tritter_data.security.insecure.taint_tables import TABLES, TaintRules
from tritter_data.security.insecure.taint_values import (
    NO_VALUE,
    Value,
    const,
    guarded_names,
    join,
    merge,
    negated_names,
    tainted,
    unknown,
)

_SELF = frozenset({"self", "this", "cls", "$this", "@"})
_RETURNS = frozenset({"return_statement", "return_expression", "return"})
_SKIPPED = frozenset({"class_definition", "class_declaration", "lambda"})
#: Node kinds ``Flow._walk`` handles itself; any other node is a block whose children it walks in order.
_NOT_BLOCKS = FUNCTIONS | _SKIPPED | IFS | LOOPS | SWITCHES | _RETURNS | frozenset(ASSIGN_FIELDS) | {"as_pattern"} | CALLS


class Flow(Expressions):
    """One walk of one function body up to ``stop``; ``returns`` collects return values for helpers."""

    def __init__(self, ctx: Context, rules: TaintRules, stop: int, depth: int = 0) -> None:
        self.ctx, self.rules, self.stop, self.depth = ctx, rules, stop, depth
        self.steps = 0
        self.level = 0
        self.returns: list[Value] = []
        self.checkpoints: dict[Any, Any] | None = None  # a trace's saved states (``taint_resume``)

    def spawn(self, stop: int) -> Flow:
        """A walk one helper level deeper (a same-file function, a module-level assignment)."""
        flow = Flow(self.ctx, self.rules, stop, self.depth + 1)
        flow.level = self.level  # one stack: nesting counts across helpers
        return flow

    # ------------------------------------------------------------------ statements
    def walk(self, node: Any, env: dict[str, Value]) -> dict[str, Value]:
        if self.level > MAX_NESTING:
            return env
        self.level += 1
        try:
            return self._walk(node, env)
        finally:
            self.level -= 1

    def descend(self, node: Any, env: dict[str, Value]) -> dict[str, Value]:
        """``walk`` into the node that holds the stop; a trace resumes there from a saved state."""
        if self.checkpoints is not None and node.type not in _NOT_BLOCKS:
            return walk_resumed(self, node, env, self.checkpoints, _NOT_BLOCKS)
        return self.walk(node, env)

    def _walk(self, node: Any, env: dict[str, Value]) -> dict[str, Value]:
        self.steps += 1
        if node.start_byte >= self.stop or self.steps > MAX_STEPS:
            return env
        kind = node.type
        if kind in FUNCTIONS or kind in _SKIPPED:
            return env
        if kind in IFS:
            return self._if(node, env)
        if kind in LOOPS:
            return self._loop(node, env)
        if kind in SWITCHES:
            return self._switch(node, env)
        if kind in _RETURNS:
            if node.named_children and node.end_byte <= self.stop:
                self.returns.append(self.value(node.named_children[0], env))
            return env
        if kind in ASSIGN_FIELDS or kind == "as_pattern":
            self._assign(node, env)
            return env
        if kind in CALLS:
            self._mutate(node, env)
            return env
        for child in node.named_children:
            if child.start_byte >= self.stop:
                break
            env = self.walk(child, env)
        return env

    def _inside(self, node: Any) -> bool:
        return node is not None and node.start_byte <= self.stop < node.end_byte

    def _if(self, node: Any, env: dict[str, Value]) -> dict[str, Value]:
        initializer = node.child_by_field_name("initializer")  # Go: if s, ok := v.(string); ok { ... }
        if initializer is not None and initializer.start_byte < self.stop:
            env = self.walk(initializer, env)
        condition = condition_of(node)
        consequence = node.child_by_field_name("consequence") or node.child_by_field_name("body")
        alternatives = list(node.children_by_field_name("alternative"))
        if self._inside(condition):
            return env
        condition_text = self.ctx.text(condition) if condition is not None else ""
        guarded = guarded_names(condition_text)
        inside = guarded - negated_names(condition_text)  # if data != "" { ... }: data is anything but ""
        if self._inside(consequence):
            return self.descend(consequence, _sanitised(env, inside))
        for alternative in alternatives:
            if self._inside(alternative):
                return self.descend(alternative, env)
        folded = self.value(condition, env).folded if condition is not None else NO_VALUE
        if folded is not NO_VALUE and consequence is not None:
            if folded:
                return self.walk(consequence, env)
            return merge({}, self.walk(alternatives[0], dict(env))) if alternatives else env
        arms = [self.walk(consequence, dict(env))] if consequence is not None else []
        arms += [self.walk(alternative, dict(env)) for alternative in alternatives]
        if not alternatives or alternatives[-1].type in ("elif_clause", "else_if_clause", "elsif"):
            arms.append(env)
        out = arms[0]
        for arm in arms[1:]:
            out = merge(out, arm)
        if guarded and consequence is not None and _exits(consequence):
            out = _sanitised(out, guarded)
        return out

    def _loop(self, node: Any, env: dict[str, Value]) -> dict[str, Value]:
        target, iterable, body = loop_parts(node)
        by_reference = target is not None and target.type == "by_ref" and bool(target.named_children)
        if by_reference:
            target = target.named_children[0]  # foreach ($ids as &$id): the loop writes into $ids
        if iterable is not None and target is not None and iterable.start_byte < self.stop:
            element = self.value(iterable, env)
            element = join(element.items) if element.items else element
            self._bind(target, element, env)
        if body is None:
            return env
        if self._inside(body):
            return self.descend(body, env)
        after = self.walk(body, dict(env))
        out = merge(env, after)
        if by_reference and iterable is not None and iterable.type == "variable_name":
            element = after.get(self.ctx.text(target))
            if element is not None and element.kind in ("safe", "const"):  # $id = (int) $id: every element cast
                out[self.ctx.text(iterable)] = Value("safe", text="0")
        return out

    def _switch(self, node: Any, env: dict[str, Value]) -> dict[str, Value]:
        subject = node.child_by_field_name("condition") or node.child_by_field_name("value")
        groups = cases(node)
        for _, statements in groups:
            if any(self._inside(s) or s.start_byte <= self.stop < s.end_byte for s in statements):
                for statement in statements:
                    env = self.walk(statement, env)
                return env
        folded = self.value(subject, env).folded if subject is not None else NO_VALUE
        if folded is not NO_VALUE:
            chosen = next((i for i, (labels, _) in enumerate(groups)
                           if any(self.value(label, env).folded == folded for label in labels)), None)
            if chosen is None:
                chosen = next((i for i, (labels, _) in enumerate(groups) if not labels), None)
            if chosen is None:
                return env
            for _, statements in groups[chosen:]:  # fall through until a break
                for statement in statements:
                    env = self.walk(statement, env)
                if any(s.type == "break_statement" for s in statements) or self.ctx.language == "go":
                    break
            return env
        out = env
        for _, statements in groups:
            arm = dict(env)
            for statement in statements:
                arm = self.walk(statement, arm)
            out = merge(out, arm)
        return out

    def _assign(self, node: Any, env: dict[str, Value]) -> None:
        if node.type == "as_pattern":  # with open(p) as f / except E as e
            named = node.named_children
            if len(named) == 2:
                self._bind(named[1], self.value(named[0], env), env)
            return
        left_field, right_field = ASSIGN_FIELDS[node.type]
        lefts = node.children_by_field_name(left_field)
        right = node.child_by_field_name(right_field)
        if right is None or right.start_byte >= self.stop:
            return
        declared = node.child_by_field_name("type") or (node.parent.child_by_field_name("type")
                                                         if node.parent is not None else None)
        operator = operator_of(node)
        if right.type == "expression_list" and len(lefts) == 1 and lefts[0].type == "expression_list":
            targets, values = lefts[0].named_children, right.named_children
            if len(targets) == len(values):  # Go's a, b = x, y and q += x (a list of one)
                for target, item in zip(targets, values, strict=True):
                    self._bind(target, self._updated(node, operator, target, self.value(item, env), env), env)
                return
            lefts = targets
        value = self.value(right, env)
        if right.type in CALLS and self.rules.out_params:
            self._mutate(right, env)  # int n = snprintf(buf, size, fmt, x): buf is written as well
        pointer = any(left.type in ("pointer_declarator", "array_declarator", "reference_declarator") for left in lefts)
        if declared is not None and value.kind != "const" and not pointer and \
                self.ctx.text(declared).split("::")[-1] in self.rules.numeric_types:
            value = Value("safe", text="?")
        for left in lefts:
            value = self._updated(node, operator, left, value, env)
            self._bind(left, value, env)

    def _updated(self, node: Any, operator: str, target: Any, value: Value, env: dict[str, Value]) -> Value:
        """What ``target`` holds after ``target <operator> value``: ``q += x`` appends to what ``q`` held."""
        if operator in ("", "=", ":=") or node.type in ("variable_declarator", "init_declarator"):
            return value
        old = env.get(self.ctx.text(target), const())
        return join([old, value], built=True) if operator in ("+=", ".=", "<<=", "||=") else join([old, value])

    def _bind(self, target: Any, value: Value, env: dict[str, Value], depth: int = 0) -> None:
        kind = target.type
        if depth > MAX_NESTING:
            return
        if kind in ("expression_list", "pattern_list", "tuple_pattern", "list_pattern", "tuple", "array_pattern",
                    "left_assignment_list", "object_pattern", "destructuring_pattern", "tuple_expression"):
            for child in target.named_children:
                self._bind(child, value, env, depth + 1)
            return
        if kind in ("pointer_declarator", "array_declarator", "reference_declarator", "mut_pattern", "as_pattern_target",
                    "shorthand_property_identifier_pattern", "pair_pattern", "typed_parameter"):
            inner = target.child_by_field_name("declarator") or target.child_by_field_name("value")
            inner = inner or (target.named_children[-1] if target.named_children else None)
            if inner is not None and inner is not target:
                self._bind(inner, value, env, depth + 1)
            if kind != "shorthand_property_identifier_pattern":
                return
        name = self.ctx.text(target)
        env[name] = value
        if kind in SUBSCRIPTS or kind in MEMBERS:  # a[k] = v, obj.f = v: the container holds v too
            root = target.named_children[0] if target.named_children else None
            if root is not None and not (kind in MEMBERS and self.ctx.text(root) in _SELF):
                # self.table = table is that field's value, not every field of self (self._buf)
                root_name = self.ctx.text(root)
                holder = env.get(root_name)
                joined = join([holder, value]) if holder is not None else Value(value.kind, value.origin, "?")
                if holder is not None:
                    joined.keys, joined.items = dict(holder.keys), holder.items
                index = target.child_by_field_name("index") or target.child_by_field_name("subscript")
                if index is not None:
                    joined.keys[self.value(index, env).folded] = value
                env[root_name] = joined

    def _mutate(self, call: Any, env: dict[str, Value]) -> None:
        """``sb.append(x)``, ``m.put(k, v)``, ``l.remove(0)``, ``strcpy(buf, s)``: data flows into a receiver."""
        callee = callee_name(call, self.ctx)
        name = last_name(callee)
        args = arguments(call)
        out = self.rules.out_params.get(callee) or self.rules.out_params.get(name)
        if out is not None and len(args) > out[0]:
            index, first, is_source = out
            dest = self.ctx.text(args[index]).lstrip("&*(").rstrip(")")
            if is_source:
                env[dest] = tainted(self.ctx.text(call), call.start_point.row)
            elif name in ("sprintf", "snprintf", "vsprintf", "vsnprintf", "asprintf", "sqlite3_snprintf"):
                env[dest] = self._format("sprintf", None, [self.value(a, env) for a in args[first:]])
            else:  # strcat appends to what the buffer held; strcpy replaces it
                old = [env[dest]] if name in ("strcat", "strncat", "strlcat") and dest in env else []
                env[dest] = join(old + [self.value(a, env) for a in args[first:first + 1]], built=True)
            return
        receiver = receiver_of(call)
        if receiver is None:
            return
        key = self.ctx.text(receiver)
        holder = env.get(key)
        if name in ("remove", "pop", "poll", "removeFirst", "shift") and holder is not None and holder.items:
            index = self.value(args[0], env).folded if args else 0
            items = list(holder.items)
            if isinstance(index, int) and -len(items) <= index < len(items):
                items.pop(index)
                env[key] = with_items(items)
            return
        if name not in self.rules.mutators or not args:
            return
        values = [self.value(a, env) for a in args]
        base = holder if holder is not None else const()
        if name in ("put", "set", "store", "setdefault", "Set", "Add") and len(values) == 2:
            joined = join([base, values[1]])
            joined.keys, joined.items = dict(base.keys), base.items
            joined.keys[values[0].folded] = values[1]
        elif name in ("append", "push_str", "WriteString", "write_str", "concat", "<<") and holder is not None \
                and holder.items is None:
            joined = join([base, *values], built=True)
        else:
            items = list(base.items or []) + values if name != "insert" else None
            joined = with_items(items) if items is not None and holder is not None else join([base, *values])
            if items is not None and holder is None:
                joined.items = values
        env[key] = joined


def _sanitised(env: dict[str, Value], names: set[str]) -> dict[str, Value]:
    if not names:
        return env
    out = dict(env)
    for name in names:
        out[name] = Value("safe", text="?")
    return out


def _exits(block: Any) -> bool:
    last = block if block.type in EXITS else (block.named_children[-1] if block.named_children else None)
    while last is not None and last.type == "expression_statement" and last.named_children:
        last = last.named_children[0]
    return last is not None and (last.type in EXITS or (last.type in CALLS and last.text.split(b"(")[0].endswith(
        (b"exit", b"die", b"abort", b"panic", b"http.Error", b"sys.exit"))))


def trace(node: Any, ctx: Context) -> Value:
    """What reaches ``node`` (a sink argument): walk its function from the start to the sink.

    Kept per parse: rules ask about the same argument more than once (``Runtime.exec``'s vector,
    then its worst part). Values are never changed once made, so the answer can be shared;
    a trace made while tracing a caller (one level up) is kept apart from a top-level one.
    """
    rules = TABLES.get(ctx.language)
    if rules is None or node is None:
        return unknown()
    traced = ctx.cache.setdefault("traced", {})
    key = (node.id, node.start_byte, node.end_byte, ctx.cache.get("caller_depth", 0))
    value = traced.get(key)
    if value is None:
        value = traced[key] = _trace(node, ctx, rules)
    return value


def _trace(node: Any, ctx: Context, rules: TaintRules) -> Value:
    function = node.parent
    while function is not None and function.type not in FUNCTIONS:
        function = function.parent
    env: dict[str, Value] = {}
    start = ctx.root
    if function is not None:
        env = entry_values(function, ctx, rules, trace)
        start = function.child_by_field_name("body") or function
    flow = Flow(ctx, rules, node.start_byte)
    flow.checkpoints = ctx.cache.setdefault("checkpoints", {}).setdefault(ctx.cache.get("caller_depth", 0), {})
    env = flow.descend(start, env)
    return flow.value(node, env)
