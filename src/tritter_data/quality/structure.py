"""What the quality rules look at: functions, nesting, handlers and the names code defines.

``FileStructure`` is filled by a per-language scanner (``python_scan``, ``brace_scan``)
that reads masked code (see ``lexical.mask_code``) line by line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class FunctionInfo:
    name: str
    line: int
    params: list[str]
    length: int = 0
    max_nesting: int = 0
    nesting_line: int = 0
    documented: bool = False


@dataclass(slots=True)
class FileStructure:
    functions: list[FunctionInfo] = field(default_factory=list)
    #: (line, swallowed) for each handler that catches everything (``except:``)
    bare_handlers: list[tuple[int, bool]] = field(default_factory=list)
    #: lines of handlers whose body does nothing (``except X: pass``, ``catch (e) {}``)
    swallowed_handlers: list[int] = field(default_factory=list)
    #: lines of swallowing handlers that catch everything (``except Exception: pass``);
    #: ``except KeyError: pass`` around a ``discard`` is a decision, not one of these
    broad_swallowed: list[int] = field(default_factory=list)
    #: (line, name) of names the code defines: variables, parameters, functions
    defined_names: list[tuple[int, str]] = field(default_factory=list)
    comment_count: int = 0
    module_documented: bool = False


def split_params(params: str) -> list[str]:
    """Top-level comma split of a parameter list, ignoring commas inside brackets."""
    out: list[str] = []
    depth = 0
    current = []
    for char in params:
        if char in "([{<":
            depth += 1
        elif char in ")]}>":
            depth -= 1
        elif char == "," and depth <= 0:
            out.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    tail = "".join(current).strip()
    if tail:
        out.append(tail)
    return [p for p in out if p]


class LineCounter:
    """1-based line numbers for offsets visited in increasing order, in linear time."""

    def __init__(self, text: str):
        self.text = text
        self.offset = 0
        self.line = 1

    def at(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line
