"""Secrets in file names: a path carrying a credential is rejected before it is written anywhere.

A path reaches the output in the ``source`` field, the exact-duplicate detail, the manifest's
examples, the report and dedup's removed-file lists. So the walk screens every path with the
self-identifying formats (``ghp_``, ``hf_``, ``AKIA``..., and JWTs) and turns a hit into a
``secret_in_path`` reject whose ``source`` is already redacted::

    >>> token = "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"
    >>> screen_path(Sample(source=f"keys/a_{token}.py", size_bytes=9))
    Reject(source='keys/a_[SECRET-GITHUB-PAT].py', reason='secret_in_path', detail='SECRET-GITHUB-PAT in path', size_bytes=9, language=None, unread=False)
"""

from __future__ import annotations

import functools
import itertools

from tritter_data.core.sample import Reject, Sample
from tritter_data.security.secrets.catalogue import SecretRule, catalogue_rules
from tritter_data.security.secrets.contexts import CONTEXT_RULES
from tritter_data.security.secrets.scanner import Engine, confirmed, engine

REASON = "secret_in_path"


@functools.cache
def path_rules() -> tuple[SecretRule, ...]:
    """Formats that identify themselves without a name around them."""
    return tuple(r for r in catalogue_rules() if r.kind == "prefix") + tuple(
        r for r in CONTEXT_RULES if r.rule_id == "SECRET-JWT")


@functools.cache
def _engine() -> Engine:
    return engine("auto", path_rules())


def path_secrets(path: str) -> list[tuple[SecretRule, int, int]]:
    """(rule, start, end) of each confirmed secret value in ``path`` (byte offsets of the value)."""
    data = path.encode("utf-8", "surrogateescape")
    eng = _engine()
    opened = eng.gate(data)
    hits = []
    for index in sorted({i for gate in opened for i in eng.opens[gate]}):
        rule = eng.rules[index]
        for match in itertools.islice(eng.patterns[index].finditer(data), 100):
            if confirmed(rule, match, data, markers=False):
                hits.append((rule, match.start(rule.value_group), match.end(rule.value_group)))
    return hits


def redact_path(path: str, hits: list[tuple[SecretRule, int, int]] | None = None) -> str:
    """``path`` with every secret value replaced by ``[RULE-ID]``."""
    hits = path_secrets(path) if hits is None else hits
    data = path.encode("utf-8", "surrogateescape")
    for rule, start, end in sorted(hits, key=lambda hit: -hit[1]):
        data = data[:start] + f"[{rule.rule_id}]".encode() + data[end:]
    return data.decode("utf-8", "surrogateescape")


def screen_path(item: Sample | Reject) -> Sample | Reject:
    """The item unchanged, or a ``secret_in_path`` reject carrying only the redacted path."""
    hits = path_secrets(item.source)
    if not hits:
        return item
    return Reject(redact_path(item.source, hits), REASON, f"{hits[0][0].rule_id} in path", item.size_bytes,
                  getattr(item, "language", None))
