"""The chat parser on the shapes found in the wild, and its reasons for refusing a record."""

from __future__ import annotations

import json

import pytest

from tritter_data.sources.chat import ChatError, parse_chat


def test_openai_content_parts_and_system_turn_as_persona() -> None:
    line = json.dumps({"messages": [
        {"role": "system", "content": "You are a terse reviewer."},
        {"role": "user", "content": [{"type": "text", "text": "Review:"}, {"type": "text", "text": "x = eval(s)"}]},
        {"role": "assistant", "content": "Use ast.literal_eval: eval runs any code in s."}]})
    chat = parse_chat(line)
    assert chat.shape == "openai" and chat.persona == "You are a terse reviewer."
    assert chat.turns[1] == ("user", "Review:\nx = eval(s)")


def test_sharegpt_roles_and_persona_field_wins() -> None:
    line = json.dumps({"persona": "mentor", "system": "You teach Rust.", "conversations": [
        {"from": "human", "value": "What is a lifetime?"}, {"from": "gpt", "value": "How long a borrow is valid."}]})
    chat = parse_chat(line)
    assert (chat.shape, chat.persona) == ("sharegpt", "mentor")
    assert [role for role, _ in chat.turns] == ["system", "user", "assistant"]


@pytest.mark.parametrize(("line", "reason"), [
    ("{", "bad_json"),
    ("null", "not_an_object"),
    ('{"prompt": "p", "completion": "c"}', "no_messages"),
    ('{"messages": ["hi"]}', "bad_turn"),
    ('{"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": 1}]},'
     ' {"role": "assistant", "content": "x"}]}', "empty_turn"),
    ('{"messages": [{"role": "tool", "content": "42"}, {"role": "assistant", "content": "x"}]}', "bad_role"),
    ('{"conversations": [{"from": "gpt", "value": "hello"}]}', "missing_user_or_assistant"),
    ('{"system": 3, "conversations": []}', "bad_persona"),
])
def test_reasons(line: str, reason: str) -> None:
    with pytest.raises(ChatError) as caught:
        parse_chat(line)
    assert caught.value.reason == reason and "\n" not in str(caught.value)
