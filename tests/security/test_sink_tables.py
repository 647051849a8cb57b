"""The sink tables are the single source of the sinks: every entry is reachable through the RE2 gate,
names a known rule and verdict, and no rule module keeps a hand-written gate."""

from __future__ import annotations

import importlib

import pytest

from tritter_data.security.explain import RULES
from tritter_data.security.insecure.sink_tables import TABLES
from tritter_data.security.insecure.sinks import Sink, gate
from tritter_data.security.prefilter import RULE_MODULES, rules_for, sink_offsets

_HEAD = {"php": "<?php\n", "python": "", "ruby": ""}


def _calls(sink: Sink, language: str) -> list[str]:
    """Realistic calls of every name the entry matches, written as code of ``language`` would write them."""
    if sink.example:
        return [sink.example]
    arrow = "->" if language == "php" else "."
    data = "$q" if language == "php" else "q"
    calls = []
    for callee in sink.callees:
        calls.append(f"{callee}({data})" if not callee.startswith("new ") else f"x = {callee}({data});")
        if callee.startswith("new ") and language == "java":
            calls.append(f"x = new java.lang.{callee[4:]}({data});")
    for method in sink.methods:
        receiver = "$db" if language == "php" else "db"
        calls.append(f"{receiver}{arrow}{method}({data})")
        if language == "php":
            calls.append(f"DB::{method}({data})")
    for name in sink.names:
        calls.append(f"{name}({data})")
        if language == "rust":
            calls.append(f"sqlx::{name}::<Row>({data})")
        if language == "ruby":
            calls.append(f"x = {name} {data}")
    return calls


_ENTRIES = [(language, position, sink) for language, table in TABLES.items() if language != "typescript"
            for position, sink in enumerate(table.sinks)]


@pytest.mark.parametrize(("language", "position", "sink"), _ENTRIES,
                         ids=[f"{lang}-{pos}-{sink.rule}" for lang, pos, sink in _ENTRIES])
def test_the_gate_finds_every_sink_entry(language, position, sink):
    calls = _calls(sink, language)
    assert calls, f"{language} entry {position} ({sink.rule}) names no call and has no example"
    for call in calls:
        needle = sink.needs[0].decode() + "\n" if sink.needs else ""
        text = f"{_HEAD.get(language, '')}{needle}result = 1\n{call}\n"
        start = text.index(call)
        offsets = sink_offsets(text.encode(), language)
        assert any(start <= offset < start + len(call) for offset in offsets), (language, call)


@pytest.mark.parametrize(("language", "position", "sink"), _ENTRIES,
                         ids=[f"{lang}-{pos}-{sink.rule}" for lang, pos, sink in _ENTRIES])
def test_every_entry_names_a_rule_and_a_verdict(language, position, sink):
    assert sink.rule in RULES
    module = rules_for(language)
    assert sink.verdict in module._VERDICTS, f"{language}: no verdict {sink.verdict!r}"
    assert sink.example or not sink.gate, "an explicit gate needs an example call"


def test_gated_needles_do_not_open_the_gate_alone():
    """A common name (JavaScript's ``exec`` is mostly ``RegExp.exec``) is a sink only beside its module."""
    assert sink_offsets(b"const m = /a/.exec(s);\nexec(cmd);\n", "javascript") == []
    text = b"const cp = require('child_process');\nexec(cmd);\n"
    assert sink_offsets(text, "javascript") == [text.index(b"exec(")]


def test_no_rule_module_keeps_a_hand_written_gate():
    for name in set(RULE_MODULES.values()):
        module = importlib.import_module(f"tritter_data.security.insecure.{name}")
        assert not hasattr(module, "PREFILTER") and not hasattr(module, "GATED"), name
    main, gated = gate("python")
    assert b"pickle\\.loads" in main
    assert b"from pickle import" in dict(gated)  # from pickle import loads; loads(data)


def test_language_rules_put_sources_sinks_and_rule_texts_side_by_side():
    from tritter_data.security.insecure.sink_tables import language_rules

    java = language_rules("java")
    assert java.taint.sources.match("request.getParameter")
    assert any("new ProcessBuilder" in sink.callees for sink in java.sinks.sinks)
    assert java.rules["JAVA-SQL-PASSED"].cwe_id() == "CWE-89"
    assert set(language_rules("go").rules) == {"GO-SHELL", "GO-PROCESS", "GO-SQL"}
