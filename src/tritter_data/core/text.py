"""Line ends, counted one way everywhere (thresholds, run statistics, the report).

``\\r\\n``, a lone ``\\r`` (classic Mac OS) and ``\\n`` each end one line, so a 120-line file
saved with CR endings is 120 lines, not one::

    >>> line_count("a\\nb\\n"), line_count("a\\nb"), line_count("a\\rb\\rc\\r"), line_count("a\\r\\nb")
    (2, 2, 3, 2)
    >>> line_lengths("ab\\rc\\r\\nde")
    [2, 1, 2]
"""

from __future__ import annotations

import re

_LINE_END = re.compile(r"\r\n?|\n")


def line_count(text: str) -> int:
    """Number of lines, counting a last line without a line end."""
    if not text:
        return 0
    ends = text.count("\n")
    if "\r" in text:
        ends += text.count("\r") - text.count("\r\n")
    return ends + (0 if text.endswith(("\n", "\r")) else 1)


def line_lengths(text: str) -> list[int]:
    """Length of each line, split at any line end (a trailing end adds an empty line)."""
    if "\r" in text:
        return list(map(len, _LINE_END.split(text)))
    return list(map(len, text.split("\n")))
