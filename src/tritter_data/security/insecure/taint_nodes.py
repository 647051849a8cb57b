"""Tree-sitter node kinds the taint engine walks, across the grammars, and small accessors.

The grammars mostly agree on field names (``left``/``right``, ``condition``/``consequence``),
so one table covers them; the accessors here hide the few differences (Python's
``conditional_expression`` has no fields, Go's ``var_spec`` names several variables).
"""

from __future__ import annotations

from typing import Any

from tritter_data.security.insecure.syntax import Context

FUNCTIONS = frozenset({
    "function_definition", "function_declaration", "method_declaration", "constructor_declaration",
    "method_definition", "arrow_function", "function_expression", "function", "generator_function_declaration",
    "func_literal", "function_item", "closure_expression", "method", "singleton_method", "anonymous_function",
    "anonymous_function_creation_expression", "lambda_expression",
})
IFS = frozenset({"if_statement", "elif_clause", "else_if_clause", "if", "elsif", "unless", "if_expression", "if_modifier"})
LOOPS = frozenset({"for_statement", "enhanced_for_statement", "for_in_statement", "foreach_statement", "for",
                   "for_expression", "for_range_loop", "while_statement", "while", "do_statement", "while_expression",
                   "loop_expression"})
SWITCHES = frozenset({"switch_expression", "switch_statement", "expression_switch_statement"})
ASSIGN_FIELDS = {
    "assignment": ("left", "right"), "augmented_assignment": ("left", "right"),
    "assignment_expression": ("left", "right"), "augmented_assignment_expression": ("left", "right"),
    "compound_assignment_expr": ("left", "right"), "variable_declarator": ("name", "value"),
    "init_declarator": ("declarator", "value"), "let_declaration": ("pattern", "value"),
    "short_var_declaration": ("left", "right"), "assignment_statement": ("left", "right"),
    "var_spec": ("name", "value"), "operator_assignment": ("left", "right"),
    "reference_assignment_expression": ("left", "right"),
}
CALLS = frozenset({"call", "call_expression", "method_invocation", "object_creation_expression", "new_expression",
                   "function_call_expression", "member_call_expression", "scoped_call_expression",
                   "nullsafe_member_call_expression", "macro_invocation"})
IDENTS = frozenset({"identifier", "variable_name", "simple_identifier", "field_identifier", "constant",
                    "shorthand_property_identifier", "global_variable", "instance_variable"})
MEMBERS = frozenset({"attribute", "member_expression", "field_access", "selector_expression", "field_expression",
                     "member_access_expression", "scoped_identifier", "scoped_property_access_expression",
                     "nullsafe_member_access_expression", "qualified_identifier", "scope_resolution"})
SUBSCRIPTS = frozenset({"subscript", "subscript_expression", "array_access", "index_expression", "element_reference"})
STRINGS = frozenset({"string", "template_string", "string_literal", "interpreted_string_literal", "raw_string_literal",
                     "encapsed_string", "heredoc", "nowdoc", "concatenated_string", "text_block", "character_literal"})
INTERPOLATIONS = frozenset({"interpolation", "template_substitution", "variable_name", "simple_variable",
                            "member_access_expression", "subscript_expression", "dynamic_variable_name",
                            "complex_string_part"})
CONSTANTS = frozenset({"integer", "float", "decimal_integer_literal", "hex_integer_literal", "decimal_floating_point_literal",
                       "int_literal", "float_literal", "number", "integer_literal", "number_literal", "char_literal",
                       "true", "false", "none", "null", "nil", "null_literal", "boolean", "boolean_literal", "simple_symbol",
                       "rune_literal", "undefined", "class_literal"})
LISTS = frozenset({"list", "tuple", "array", "array_expression", "array_initializer", "array_creation_expression",
                   "composite_literal", "literal_value", "initializer_list", "set", "dictionary", "object", "hash",
                   "pair", "keyed_element", "list_comprehension", "expression_list", "array_element_initializer"})
TERNARIES = frozenset({"conditional_expression", "ternary_expression", "conditional"})
WRAPPERS = frozenset({"parenthesized_expression", "argument", "await", "await_expression", "spread_element",
                      "reference_expression", "pointer_expression", "try_expression", "non_null_expression",
                      "as_expression", "type_assertion_expression", "named_expression", "parenthesized_statements",
                      "expression_statement", "satisfies_expression", "list_splat", "splat_argument", "element_value"})
CASTS = frozenset({"cast_expression", "type_conversion_expression"})
EXITS = frozenset({"return_statement", "raise_statement", "throw_statement", "continue_statement", "break_statement",
                   "return", "next", "break", "return_expression", "continue_expression", "exit_statement"})
#: Methods whose result from constant inputs is constant text.
STRING_METHODS = frozenset({"upper", "lower", "strip", "lstrip", "rstrip", "replace", "join", "toUpperCase",
                            "toLowerCase", "trim", "substring", "substr", "slice", "concat", "toString", "valueOf",
                            "format", "split", "charAt", "to_string", "to_owned", "as_str", "encode", "decode",
                            "getBytes", "append"})


def condition_of(node: Any) -> Any | None:
    condition = node.child_by_field_name("condition")
    if condition is not None and condition.type == "parenthesized_expression" and condition.named_children:
        return condition.named_children[0]
    return condition


def operator_of(node: Any) -> str:
    """The operator token of a binary/assignment node (``+``, ``%``, ``+=``, ``not in``)."""
    operator = node.child_by_field_name("operator")
    if operator is not None:
        return operator.text.decode("utf-8", "replace")
    tokens = [child.text.decode("utf-8", "replace") for child in node.children if not child.is_named]
    tokens = [token for token in tokens if token not in ("(", ")", "[", "]", ",", ";")]
    return " ".join(tokens[:2]) if tokens else ""


def constant_of(node: Any, ctx: Context) -> Any:
    """The Python value of a literal: ``42`` -> 42, ``'B'`` -> "B", ``true`` -> True."""
    text = ctx.text(node)
    if node.type in ("true", "boolean") or text == "true":
        return text.lower() == "true"
    if node.type == "false" or text in ("false", "False"):
        return False
    if node.type in ("char_literal", "character_literal", "rune_literal") and len(text) >= 3:
        return text[1:-1]
    try:
        return int(text.rstrip("lLuU").replace("_", ""), 0)
    except ValueError:
        from tritter_data.security.insecure.taint_values import NO_VALUE
        return NO_VALUE


def loop_parts(node: Any) -> tuple[Any | None, Any | None, Any | None]:
    """(loop variable, iterable, body) of a for-each loop; (None, None, body) for other loops."""
    body = node.child_by_field_name("body")
    target = node.child_by_field_name("left") or node.child_by_field_name("name") or node.child_by_field_name("pattern") \
        or node.child_by_field_name("declarator")
    iterable = node.child_by_field_name("right") or node.child_by_field_name("value")
    if node.type == "for_statement":  # Go: for k, v := range xs
        clause = next((c for c in node.named_children if c.type == "range_clause"), None)
        if clause is not None:
            target, iterable = clause.child_by_field_name("left"), clause.child_by_field_name("right")
    if node.type == "foreach_statement":
        named = [c for c in node.named_children if body is None or c.id != body.id]  # nodes are not identical objects
        if len(named) >= 2:
            iterable, target = named[0], named[-1]
            if target.type == "pair" and target.named_children:
                target = target.named_children[-1]
    if node.type in ("while_statement", "while", "do_statement", "while_expression", "loop_expression"):
        return None, None, body
    return target, iterable, body


def cases(node: Any) -> list[tuple[list[Any], list[Any]]]:
    """(label values, statements) per case of a switch; a default case has no labels."""
    body = node.child_by_field_name("body")
    groups = body.named_children if body is not None else [
        c for c in node.named_children if c.type in ("expression_case", "default_case", "type_case")]
    out = []
    for group in groups:
        labels: list[Any] = []
        statements: list[Any] = []
        for child in group.named_children:
            if child.type == "switch_label":
                labels += child.named_children
            elif group.type in ("switch_case", "case_statement", "expression_case") and \
                    child == group.child_by_field_name("value"):
                labels += child.named_children if child.type == "expression_list" else [child]
            else:
                statements.append(child)
        if group.type not in ("comment",):
            out.append((labels, statements))
    return out


def _first_name(node: Any | None, ctx: Context) -> str:
    while node is not None and node.type not in ("identifier", "variable_name", "field_identifier", "name"):
        inner = node.child_by_field_name("declarator") or node.child_by_field_name("name") or \
            node.child_by_field_name("pattern") or node.child_by_field_name("left")
        if inner is None:
            inner = next((c for c in node.named_children if c.type in ("identifier", "variable_name")), None)
            if inner is None:
                inner = node.named_children[0] if node.named_children else None
        node = inner
    return ctx.text(node) if node is not None else ""


def function_name(node: Any, ctx: Context) -> str:
    name = node.child_by_field_name("name")
    if name is not None:
        return ctx.text(name)
    declarator = node.child_by_field_name("declarator")  # C: int f(char *s), struct job *f(...)
    while declarator is not None and declarator.type != "function_declarator":
        declarator = declarator.child_by_field_name("declarator")
    if declarator is not None:
        inner = declarator.child_by_field_name("declarator")
        return ctx.text(inner) if inner is not None else ""
    if node.child_by_field_name("declarator") is not None:
        return ""
    return _bound_name(node, ctx)


#: Nodes that bind an anonymous function to a name: ``const f = (x) => ...``, ``obj.f = function (x) {}``,
#: ``{f: function (x) {}}``, ``f = lambda x: ...``.
_BINDINGS = {"variable_declarator": "name", "assignment_expression": "left", "assignment": "left", "pair": "key"}


def _bound_name(node: Any, ctx: Context) -> str:
    """The name an anonymous function is bound to, by its last segment (``obj.f`` -> ``f``); "" if none."""
    parent = node.parent
    field = _BINDINGS.get(parent.type) if parent is not None else None
    if field is None:
        return ""
    target = parent.child_by_field_name(field)
    if target is None or target.end_byte > node.start_byte:
        return ""
    text = ctx.text(target).strip("'\"")
    last = text.rsplit(".", 1)[-1]
    return last if last.isidentifier() else ""


_BLOCKS = frozenset({"block", "statement_block", "compound_statement", "body_statement", "declaration_list"})
_EXITS = frozenset({"return_statement", "throw_statement", "raise_statement", "break_statement",
                    "continue_statement", "return_expression"})


def unreachable(node: Any) -> bool:
    """The statement holding ``node`` follows a ``return``/``throw``/``raise`` in its block: dead code.

    ``return obj; eval(obj);`` (bluebird's property-access trick) never runs, so it injects nothing.
    """
    child, parent = node, node.parent
    while parent is not None and parent.type not in _BLOCKS:
        if parent.type in FUNCTIONS:
            return False
        child, parent = parent, parent.parent
    if parent is None:
        return False
    sibling = child.prev_named_sibling
    while sibling is not None:
        if sibling.type in _EXITS:
            return True
        sibling = sibling.prev_named_sibling
    return False


def is_method(node: Any) -> bool:
    """A function defined in a class body: called through an object, not by its bare name."""
    if node.type in ("method_definition", "method_declaration", "constructor_declaration", "method"):
        return True
    parent = node.parent
    if parent is not None and parent.type == "decorated_definition":
        parent = parent.parent
    return node.type == "function_definition" and parent is not None and parent.type == "block" and \
        parent.parent is not None and parent.parent.type == "class_definition"


def is_callback(node: Any) -> bool:
    """A function literal passed as an argument: whoever receives it calls it, with values of their own."""
    parent = node.parent
    return node.type in ANONYMOUS and parent is not None and parent.type in ("arguments", "argument_list")


ANONYMOUS = frozenset({"arrow_function", "function_expression", "function", "func_literal", "closure_expression",
                       "anonymous_function", "anonymous_function_creation_expression", "lambda_expression",
                       "lambda"})


_NUMBER_DEFAULTS = {"integer": "int", "float": "float", "true": "bool", "false": "bool"}


def parameters(node: Any, ctx: Context) -> list[tuple[str, str, int]]:
    """(name, declared type, row) of each parameter of a function node, in order (kept per parse)."""
    known = ctx.cache.setdefault("parameters", {})
    key = (node.id, node.start_byte, node.end_byte)
    if key not in known:
        known[key] = _parameters(node, ctx)
    return known[key]


def _parameters(node: Any, ctx: Context) -> list[tuple[str, str, int]]:
    holder = node.child_by_field_name("parameters")
    if holder is None:
        declarator = node.child_by_field_name("declarator")
        while declarator is not None and holder is None:
            holder = declarator.child_by_field_name("parameters")
            declarator = declarator.child_by_field_name("declarator")
    if holder is None:
        single = node.child_by_field_name("parameter")  # JS: x => ...
        return [(ctx.text(single), "", single.start_point.row)] if single is not None else []
    out = []
    for param in holder.named_children:
        if param.type in ("comment", "self_parameter", "this", "receiver_parameter"):
            continue
        kind = param.child_by_field_name("type")
        declared = ctx.text(kind) if kind is not None else ""
        default = param.child_by_field_name("value") if param.type == "default_parameter" else None
        if default is not None and default.type in _NUMBER_DEFAULTS:
            declared = _NUMBER_DEFAULTS[default.type]  # stride=0.25: a number option, whatever a caller may pass
        declarator = param.child_by_field_name("declarator")
        if declarator is not None and declarator.type in ("pointer_declarator", "array_declarator",
                                                          "abstract_pointer_declarator"):
            declared += "*"  # char *name is text, not a number
        names = param.children_by_field_name("name") if param.type == "parameter_declaration" and \
            ctx.language == "go" else []
        if names:
            out += [(ctx.text(n), declared, n.start_point.row) for n in names]
        elif param.type in ("identifier", "variable_name", "simple_parameter_name"):
            out.append((ctx.text(param), declared, param.start_point.row))
        else:
            name = _first_name(param, ctx)
            if name:
                out.append((name, declared, param.start_point.row))
    return out
