"""A component's inputs as a stream of card-schema records, with light per-kind filters.

Three kinds, and nothing is invented: every record's text is the input's own text.

- ``code``: card-schema JSONL (``prepare``'s shards, curated files). A malformed line is a
  ``bad_record``; ``language``, ``min_quality`` and ``labels`` filters select records.
- ``docs``: Markdown/reStructuredText files, one record each (language ``markdown`` or
  ``restructuredtext``). Light filters: UTF-8, ``max_bytes``, ``min_chars``,
  ``min_alpha_ratio`` and the auto-generated markers of the card. A directory of shards
  (``prepare --languages markdown rst``'s output) is read as card-schema records instead:
  those docs already passed the prose stages, dedup and decontamination.
- ``chat``: JSONL conversations, ``{"messages": [{"role": "user", "content": ...}, ...]}``
  (or ShareGPT's ``{"conversations": [{"from": "human", "value": ...}]}``), rendered as
  ``### User:`` / ``### Assistant:`` blocks (language ``conversation``). Filters: roles,
  empty turns, at least one user and one assistant turn, ``min_turns``, ``min_chars``.
  Card-schema records of language ``conversation`` (the ``conversations`` command's shards)
  are taken as they are, ``persona`` included.

Docs and conversations carry ``quality_score`` 1.0, which is ``quality_score([])``: the code
analysers have no findings on prose; the light filters are what selects them.

    >>> render_chat([{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}])
    '### User:\\nHi\\n\\n### Assistant:\\nHello.\\n'
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from tritter_data.core.errors import UsageError
from tritter_data.core.sample import SchemaError, validate_record
from tritter_data.io.shard_set import check_files
from tritter_data.io.shards import BadLine, iter_shard_records, open_shard
from tritter_data.mix.config import Component
from tritter_data.stages.autogen import generated_marker
from tritter_data.stages.thresholds import alpha_ratio

DOC_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".rst": "restructuredtext", ".adoc": "asciidoc",
               ".asciidoc": "asciidoc"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.zst")
ROLES = {"system": "System", "user": "User", "human": "User", "assistant": "Assistant", "gpt": "Assistant"}
PROSE_SCORE = 1.0  # quality_score([]): no analyser findings on prose


@dataclass(frozen=True, slots=True)
class Skip:
    """An input item not taken into the component, with a stable reason id."""

    reason: str
    where: str


def expand_inputs(component: Component) -> list[Path]:
    """The files of a component's inputs (files, directories, globs), sorted, each once."""
    files: list[Path] = []
    seen: set[Path] = set()
    for spec in component.inputs:
        path = Path(spec).expanduser()
        if path.is_dir():
            matched = _directory_files(path, component.kind)
        elif path.is_file():
            matched = [path]
        else:
            matched = sorted(Path(p) for p in glob.glob(str(path), recursive=True) if Path(p).is_file())
        if not matched:
            raise UsageError(f"component {component.name!r}: input {spec!r} matches no files")
        if component.kind != "docs":
            check_files(matched)  # a half-written shard set or curate output is never an input
        for file in matched:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def _directory_files(directory: Path, kind: str) -> list[Path]:
    shards = sorted(p for p in directory.iterdir() if p.name.endswith(JSONL_SUFFIXES) and p.is_file())
    if kind == "docs" and not shards:
        return sorted(p for p in directory.rglob("*") if p.suffix.lower() in DOC_SUFFIXES and p.is_file())
    return shards


def iter_component(component: Component, files: list[Path]) -> Iterator[dict[str, Any] | Skip]:
    """Every record of the component in file order, or a ``Skip`` saying why not."""
    reader = {"code": _code_records, "docs": _doc_records, "chat": _chat_records}[component.kind]
    for path in files:
        yield from reader(path, component.filters)


def _code_records(path: Path, filters: dict[str, Any]) -> Iterator[dict[str, Any] | Skip]:
    languages, min_quality, labels = filters["language"], filters["min_quality"], filters["labels"]
    for record in iter_shard_records(path):
        if isinstance(record, BadLine):
            yield Skip("bad_record", f"{record.path}:{record.line}: {record.problem}")
        elif languages is not None and record["language"] not in languages:
            yield Skip("language_filtered", record["source"])
        elif min_quality is not None and record["quality_score"] < min_quality:
            yield Skip("below_min_quality", record["source"])
        elif labels is not None and record.get("quality_label", "positive") not in labels:
            yield Skip("label_filtered", record["source"])
        else:
            yield record


def _doc_records(path: Path, filters: dict[str, Any]) -> Iterator[dict[str, Any] | Skip]:
    where = str(path)
    if path.name.endswith(JSONL_SUFFIXES):  # prepared docs: gated already
        for record in iter_shard_records(path):
            if isinstance(record, BadLine):
                yield Skip("bad_record", f"{record.path}:{record.line}: {record.problem}")
            else:
                yield record
        return
    language = DOC_SUFFIXES.get(path.suffix.lower())
    if language is None:
        yield Skip("not_a_doc_file", where)
        return
    try:
        if path.stat().st_size > filters["max_bytes"]:
            yield Skip("too_large", where)
            return
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        yield Skip("not_utf8", where)
        return
    except OSError as error:
        yield Skip("unreadable", f"{where}: {error.strerror}")
        return
    if len(text.strip()) < filters["min_chars"]:
        yield Skip("too_short", where)
    elif alpha_ratio(text) < filters["min_alpha_ratio"]:
        yield Skip("low_alpha_ratio", where)
    elif generated_marker(text):
        yield Skip("auto_generated", where)
    else:
        yield {"text": text, "language": language, "quality_score": PROSE_SCORE, "source": where}


def _chat_records(path: Path, filters: dict[str, Any]) -> Iterator[dict[str, Any] | Skip]:
    try:
        handle = open_shard(path)
    except OSError as error:
        yield Skip("unreadable", f"{path}: {error.strerror}")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield chat_record(line, f"{path}:{number}", filters)


def chat_record(line: bytes, where: str, filters: dict[str, Any]) -> dict[str, Any] | Skip:
    """One JSONL conversation -> a record, or the reason it is skipped."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return Skip("bad_json", where)
    if isinstance(data, dict) and data.get("language") == "conversation" and isinstance(data.get("text"), str):
        try:  # a shard of the conversations command: already validated, rendered and gated
            validate_record(data, where)
        except SchemaError:
            return Skip("bad_record", where)
        return data
    turns = _turns(data)
    if turns is None:
        return Skip("no_messages", where)
    if any(role not in ROLES for role, _ in turns):
        return Skip("bad_role", where)
    if any(not content.strip() for _, content in turns):
        return Skip("empty_turn", where)
    speakers = {ROLES[role] for role, _ in turns}
    if not {"User", "Assistant"} <= speakers:
        return Skip("missing_user_or_assistant", where)
    if sum(ROLES[role] != "System" for role, _ in turns) < filters["min_turns"]:
        return Skip("too_few_turns", where)
    text = render_chat([{"role": role, "content": content} for role, content in turns])
    if len(text) < filters["min_chars"]:
        return Skip("too_short", where)
    return {"text": text, "language": "conversation", "quality_score": PROSE_SCORE, "source": where}


def _turns(data: Any) -> list[tuple[str, str]] | None:
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("messages"), list):
        items, role_key, text_key = data["messages"], "role", "content"
    elif isinstance(data.get("conversations"), list):
        items, role_key, text_key = data["conversations"], "from", "value"
    else:
        return None
    turns = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get(text_key), str):
            return None
        turns.append((str(item.get(role_key, "")).lower(), item[text_key]))
    return turns or None


def render_chat(messages: list[dict[str, str]]) -> str:
    """Plain-text rendering of a conversation (role headers, blank line between turns)."""
    return "\n".join(f"### {ROLES[m['role'].lower()]}:\n{m['content'].strip()}\n" for m in messages)
