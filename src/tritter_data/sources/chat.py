"""Chat JSONL in the common shapes -> one validated ``Conversation``, or a ``ChatError``.

Shapes read (one JSON object per line):

- OpenAI: ``{"messages": [{"role": "system"|"user"|"assistant", "content": "..."}]}``;
  ``content`` may also be a list of parts, of which the ``{"type": "text", "text": ...}``
  ones are joined.
- ShareGPT: ``{"conversations": [{"from": "system"|"human"|"gpt", "value": "..."}]}``
  (``user``/``assistant``/``model`` are accepted as ``from`` too), with an optional top-level
  ``system`` prompt, which becomes the first turn.

The persona is the ``persona`` field when there is one, else the system prompt (field or first
system turn); it is kept as a field of the output so the mix can condition on it.

    >>> c = parse_chat(b'{"persona": "terse reviewer", "messages": [{"role": "user", "content": "Hi"},'
    ...                b' {"role": "assistant", "content": "Hello."}]}')
    >>> c.persona, c.shape, [role for role, _ in c.turns]
    ('terse reviewer', 'openai', ['user', 'assistant'])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

#: Role spellings of the shapes above -> our three roles.
ROLE_NAMES = {"system": "system", "user": "user", "human": "user", "assistant": "assistant", "gpt": "assistant",
              "model": "assistant", "bot": "assistant"}


class ChatError(ValueError):
    """A record that cannot be used: ``reason`` is a stable id, the message says what is wrong."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Conversation:
    turns: tuple[tuple[str, str], ...]  # (role, content), roles normalised to system/user/assistant
    persona: str | None
    shape: str  # "openai" or "sharegpt"

    def messages(self) -> list[dict[str, str]]:
        return [{"role": role, "content": content} for role, content in self.turns]


def _content(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):  # OpenAI content parts
        texts = [part.get("text") for part in value if isinstance(part, dict) and part.get("type") == "text"]
        if all(isinstance(text, str) for text in texts):
            return "\n".join(texts)
    raise ChatError("bad_turn", f"{where}: content must be a string or a list of text parts")


def _turns(items: list[Any], role_key: str, text_key: str, field: str) -> list[tuple[str, str]]:
    turns = []
    for number, item in enumerate(items):
        where = f"{field}[{number}]"
        if not isinstance(item, dict):
            raise ChatError("bad_turn", f"{where}: not an object")
        role = item.get(role_key)
        if not isinstance(role, str) or role.strip().lower() not in ROLE_NAMES:
            raise ChatError("bad_role", f"{where}.{role_key}: unknown role {role!r}; "
                                        f"expected one of {', '.join(sorted(ROLE_NAMES))}")
        content = _content(item.get(text_key), f"{where}.{text_key}")
        if not content.strip():
            raise ChatError("empty_turn", f"{where}.{text_key}: empty")
        turns.append((ROLE_NAMES[role.strip().lower()], content))
    return turns


def parse_chat(line: bytes | str) -> Conversation:
    """Validate one JSONL line; ``ChatError`` says which rule it breaks."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise ChatError("bad_json", f"invalid JSON: {error}") from None
    if not isinstance(data, dict):
        raise ChatError("not_an_object", f"expected a JSON object, got {type(data).__name__}")
    persona = data.get("persona")
    if persona is not None and not isinstance(persona, str):
        raise ChatError("bad_persona", "persona: must be a string")
    system = data.get("system")
    if system is not None and not isinstance(system, str):
        raise ChatError("bad_persona", "system: must be a string")
    if isinstance(data.get("messages"), list):
        turns, shape = _turns(data["messages"], "role", "content", "messages"), "openai"
    elif isinstance(data.get("conversations"), list):
        turns, shape = _turns(data["conversations"], "from", "value", "conversations"), "sharegpt"
    else:
        raise ChatError("no_messages", "expected a 'messages' (OpenAI) or 'conversations' (ShareGPT) list")
    if system and system.strip() and not (turns and turns[0] == ("system", system)):
        turns.insert(0, ("system", system))
    roles = {role for role, _ in turns}
    if not {"user", "assistant"} <= roles:
        raise ChatError("missing_user_or_assistant", "needs at least one user and one assistant turn")
    if persona is None or not persona.strip():
        persona = next((content for role, content in turns if role == "system"), None)
    return Conversation(tuple(turns), persona.strip() if persona else None, shape)
