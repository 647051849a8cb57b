"""Parse only around prefilter hits, find the call at each hit, and let the rules judge it.

Small files are parsed whole. In a large file each hit gets a window (its enclosing
``def`` for Python, else 60 lines before and 20 after), so a 400 KB module with one
``eval`` costs a parse of a few KB. Tree-sitter recovers from the cut edges of a window;
the rules only look at the call and the assignments before it.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import numpy

from tritter_data.core.findings import Finding
from tritter_data.security.explain import finding_for
from tritter_data.security.insecure.syntax import CALL_TYPES, TEXT_TYPES, Context, callee_name, parse
from tritter_data.security.insecure.taint_entry import is_test_suite
from tritter_data.security.insecure.taint_nodes import unreachable
from tritter_data.security.prefilter import rules_for, sink_offsets

WHOLE_FILE_BYTES = 24_000
LINES_BEFORE = 60
LINES_AFTER = 20
MAX_CLIMB = 12
MAX_HITS = 5_000  # bounds the work on adversarial input; real files have a handful
SNIPPET_CHARS = 120
_PY_SCOPE = re.compile(rb"(?m)^([ \t]*)(?:async[ \t]+def|def|class)[ \t]")
_PREFIX = {"php": b"<?php\n"}
#: Python's quote-bearing tokens: triple quotes (found with ``bytes.find``), one-line strings (linear: no nesting).
_TRIPLES = (b'"""', b"'''")
_ONE_LINE_STRING = re.compile(rb"\"(?:[^\"\\\n]|\\.)*\"|\'(?:[^\'\\\n]|\\.)*\'")


def analyse_insecure(text: str, language: str) -> list[Finding]:
    """Insecure-code findings for ``text``; files without a sink name cost one RE2 scan."""
    module = rules_for(language)
    if module is None:
        return []
    data = text.encode("utf-8", "replace")
    offsets = sink_offsets(data, language, MAX_HITS)
    if not offsets or is_test_suite(text, language):
        return []
    grammar = "tsx" if language == "typescript" and (b"/>" in data or b"</" in data) else language
    findings: list[tuple[int, Finding]] = []
    seen: set[tuple[int, int]] = set()
    windows = _windows(data, offsets, language)
    if language == "php" and b"<?" not in data:  # a PHP file without its opening tag is still PHP
        windows = [(start, end, first, _PREFIX["php"]) for start, end, first, _ in windows]
    shared: dict[str, Any] = {}  # facts about this file, whichever window asks (never kept across files)
    for start, end, first_line, prefix in windows:
        chunk = prefix + data[start:end]
        tree = parse(chunk, grammar)
        ctx = Context(chunk, language, tree.root_node, data, grammar=grammar, shared=shared, base=start - len(prefix))
        shift = len(prefix) - start
        line_base = first_line - prefix.count(b"\n") + 1
        for offset in offsets[bisect.bisect_left(offsets, start):bisect.bisect_left(offsets, end)]:
            call = _enclosing_call(tree.root_node, offset + shift)
            if call is None or unreachable(call):
                continue
            key = (call.start_byte - shift, call.end_byte - shift)
            if key in seen:
                continue
            seen.add(key)
            for hit in module.check(call, ctx):
                line = hit.node.start_point.row + line_base
                snippet = ctx.text(hit.node).split("\n", 1)[0][:SNIPPET_CHARS]
                origin = (hit.origin[0], hit.origin[1] + line_base, _sink_name(hit.node, ctx)) \
                    if hit.origin is not None else None
                finding = finding_for(hit.rule_id, line, hit.severity, hit.sink, snippet, origin, hit.use)
                findings.append((hit.node.start_byte - shift, finding))
    findings.sort(key=lambda pair: (pair[0], pair[1].rule_id))
    return [finding for _, finding in findings]


def _sink_name(call: Any, ctx: Context) -> str:
    """How the path names the sink: ``cursor.execute()``, ``new ProcessBuilder()``, ``the backtick operator``."""
    if call.type in ("shell_command_expression", "subshell"):
        return "the backtick operator"
    name = " ".join(callee_name(call, ctx).split())
    return f"{name[:60]}()" if name else "the call"


def _enclosing_call(root: Any, offset: int) -> Any | None:
    """The nearest call around ``offset``; None when the name sits in a comment or string."""
    node = root.descendant_for_byte_range(offset, offset)
    for _ in range(MAX_CLIMB):
        if node is None:
            return None
        if node.type in CALL_TYPES:
            return node
        if node.type in TEXT_TYPES:
            return None
        node = node.parent
    return None


def _string_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of Python triple-quoted strings.

    A window must not start inside a docstring (the rest would parse inside out), and a
    sink name inside one is text, not a call. Only the triple-quote tokens are visited: one
    opens a string unless the code before it on its line leaves it in a comment or a
    one-line string (``line[:3] == '\"\"\"'``); then the same quotes close it.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    ahead = {token: data.find(token, 0) for token in _TRIPLES}  # the next place of each token (-1: none left)
    while True:
        for token, at in ahead.items():  # an earlier find may have been passed: find again from here
            if 0 <= at < position:
                ahead[token] = data.find(token, position)
        found = [(at, token) for token, at in ahead.items() if at >= 0]
        if not found:
            return spans
        start, token = min(found)
        line_start = data.rfind(b"\n", 0, start) + 1
        before = _ONE_LINE_STRING.sub(b"", data[max(line_start, start - 500):start])
        if b"#" in before or b'"' in before or b"'" in before:
            position = start + 3  # in a comment or a one-line string: not an opening
            continue
        close = data.find(token, start + 3)
        position = len(data) if close < 0 else close + 3
        spans.append((start, position))


def _windows(data: bytes, offsets: list[int], language: str) -> list[tuple[int, int, int, bytes]]:
    """(start, end, first line index, prefix) byte windows to parse, merged when they overlap."""
    prefix = _PREFIX.get(language, b"")
    if len(data) <= WHOLE_FILE_BYTES:
        return [(0, len(data), 0, b"")]
    found = numpy.flatnonzero(numpy.frombuffer(data, dtype=numpy.uint8) == 10)
    newlines = found.tolist()
    starts = (found + 1).tolist()
    starts.insert(0, 0)
    strings = _string_spans(data) if language == "python" else []
    string_starts = [span[0] for span in strings]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(newlines, offset - 1)

    def string_at(offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(string_starts, offset) - 1
        return strings[index] if index >= 0 and strings[index][0] < offset < strings[index][1] else None

    spans: list[tuple[int, int]] = []
    for offset in offsets:
        if strings and string_at(offset):
            continue  # a sink name inside a docstring is text
        line = line_of(offset)
        first = max(0, line - LINES_BEFORE)
        if language == "python":
            scopes = [m for m in _PY_SCOPE.finditer(data, starts[first], starts[line] if line else 0)
                      if not string_at(m.start())]
            if scopes:  # the outermost def/class in reach, so a nested function keeps its context
                outer = min(scopes, key=lambda m: (len(m.group(1)), -m.start()))
                first = line_of(outer.start())
            else:
                inside = string_at(starts[first])
                if inside:
                    first = line_of(inside[0])
        last = min(len(starts) - 1, line + LINES_AFTER)
        spans.append((first, last))
    spans.sort()
    merged: list[list[int]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    windows = []
    for first, last in merged:
        start = starts[first]
        end = starts[last + 1] if last + 1 < len(starts) else len(data)
        head = prefix if first else b""
        if language == "python" and data[start:start + 1] in (b" ", b"\t"):
            head = b"if 1:\n"
        windows.append((start, end, first, head))
    return windows
