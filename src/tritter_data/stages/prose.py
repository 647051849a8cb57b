"""Stages for technical docs (Markdown, reStructuredText, AsciiDoc): prose, not code.

Code thresholds are wrong for prose: a Markdown paragraph is one long line, and the code
analysers would score a README on naming and nesting. Docs get their own bounds
(``ProseThresholds``), a boilerplate gate (``Boilerplate``: licence texts, changelogs,
contributor lists, auto-generated API stubs, which repeat across repositories and teach nothing) and a score
from the share of lines that are sentences (``ProseLabel``). Secrets are rejected by the same
scanner as code (``pipeline.secret_analysers``).

    >>> round(prose_share("# Title\\n\\nThe cache keeps the last result for each key.\\n| a | b |\\n"), 3)
    0.333
    >>> boilerplate_kind("CHANGELOG.md", "# Changes\\n")
    'changelog'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from tritter_data.core.sample import Sample, StageResult
from tritter_data.core.stage import reject
from tritter_data.stages.thresholds import alpha_ratio, line_count

_LICENSE_NAMES = {"license", "licence", "copying", "copyright", "notice", "unlicense"}
_CONTRIBUTOR_NAMES = {"authors", "contributors", "maintainers", "codeowners", "credits", "thanks"}
_CHANGELOG_NAMES = {"changelog", "changes", "history", "news", "releasenotes", "releases", "whatsnew"}
_LICENSE_MARKERS = (
    "permission is hereby granted, free of charge",
    "licensed under the apache license",
    "apache license\nversion 2.0",
    "apache license, version 2.0, january 2004",
    "gnu general public license",
    "gnu lesser general public license",
    "gnu affero general public license",
    "redistribution and use in source and binary forms",
    "mozilla public license version 2.0",
    "this is free and unencumbered software released into the public domain",
    'the software is provided "as is", without warranty',
)
#: A licence marker this near the start makes the document a licence, not a README with a
#: licence section at its end.
LICENSE_HEAD_CHARS = 1500
_VERSION_HEADING = re.compile(
    r"^(?:#{1,6}\s*|=+\s*)?(?:version\s+|release\s+|\[)?v?\d+\.\d+(?:\.\d+)*(?:[.-]?(?:a|b|rc|dev|post)\d*)?"
    r"\]?(?:\s*[(\-–—:]|\s*$)", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_RST_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+<>:.!])\1{2,}\s*$")
_ADOC_HEADING = re.compile(r"^={1,6}\s+\S")
_API_DIRECTIVE = re.compile(
    r"^\s*(?:\.\.\s+(?:auto\w+|currentmodule|module|py:\w+)::|:::\s+[\w.]+)", re.MULTILINE)
_DIRECTIVE_OPTION = re.compile(r"^\s+:\w[\w-]*:")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LETTERS = r"[^\W\d_]"
#: four words (maximal runs of >= 2 letters, as ``_WORD`` finds them) on one line: ``search``
#: stops at the fourth instead of listing them all
_FOUR_WORDS = re.compile(rf"(?:(?<!{_LETTERS}){_LETTERS}{{2,}}(?!{_LETTERS}).*?){{3}}(?<!{_LETTERS}){_LETTERS}{{2,}}")
_URL = re.compile(r"(?:https?|ftp)://[^\s)>\]]+|\S+@\S+\.\w+")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _stem(path: str) -> str:
    name = PurePosixPath(path).name.lower()
    return re.sub(r"[-_.\s]", "", name.split(".", 1)[0])


def headings(text: str) -> list[str]:
    """Heading texts in Markdown (``# x``), AsciiDoc (``= x``) and rST (a line over ``====``)."""
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines):
        if _MD_HEADING.match(line) or _ADOC_HEADING.match(line):
            found.append(line.lstrip("#= ").strip())
        elif i and _RST_UNDERLINE.match(line) and lines[i - 1].strip() and not _RST_UNDERLINE.match(lines[i - 1]):
            found.append(lines[i - 1].strip())
    return found


def is_changelog(text: str) -> bool:
    """Three or more version headings making up at least half the headings: a release log."""
    titles = headings(text)
    versions = sum(1 for title in titles if _VERSION_HEADING.match(title))
    return versions >= 3 and versions * 2 >= len(titles)


def is_api_stub(text: str) -> bool:
    """Autodoc directives (``.. autoclass::``, mkdocstrings ``::: pkg.mod``) and < 40 words of prose."""
    if not _API_DIRECTIVE.search(text):
        return False
    words = 0
    for line in text.split("\n"):
        if _API_DIRECTIVE.match(line) or _DIRECTIVE_OPTION.match(line) or _RST_UNDERLINE.match(line):
            continue
        words += len(_WORD.findall(line))
    return words - sum(len(_WORD.findall(title)) for title in headings(text)) < 40


def boilerplate_kind(path: str, text: str) -> str | None:
    """``license_text``, ``changelog``, ``contributor_list``, ``api_stub`` or None: name, then content."""
    stem = _stem(path)
    if stem in _LICENSE_NAMES or stem.startswith(("license", "licence")):
        return "license_text"
    if stem in _CHANGELOG_NAMES:
        return "changelog"
    if stem in _CONTRIBUTOR_NAMES:
        return "contributor_list"
    head = " ".join(text[:LICENSE_HEAD_CHARS].lower().split())
    if any(" ".join(marker.split()) in head for marker in _LICENSE_MARKERS):
        return "license_text"
    if is_changelog(text):
        return "changelog"
    if is_api_stub(text):
        return "api_stub"
    return None


def prose_share(text: str) -> float:
    """Share of the non-blank lines outside code fences that read as sentences (>= 4 words).

    Tables, link lists, badges, headings and directives are not sentences (URLs and e-mail
    addresses are not words); code in fences is neither counted for nor against.
    """
    prose = total = 0
    fenced = False
    previous = ""
    for line in text.split("\n"):
        underline = bool(_RST_UNDERLINE.match(line)) and bool(previous.strip())  # rST "Title\n~~~~~"
        previous = line
        if _FENCE.match(line) and not underline:
            fenced = not fenced
            continue
        stripped = line.strip()
        if fenced or not stripped:
            continue
        total += 1
        if stripped[0] in "|#=<![" or _RST_UNDERLINE.match(stripped) or stripped.startswith(".. "):
            continue
        if "://" in stripped or "@" in stripped:
            stripped = _URL.sub(" ", stripped)
        if _FOUR_WORDS.search(stripped):
            prose += 1
    return prose / total if total else 0.0


@dataclass(frozen=True, slots=True)
class ProseThresholds:
    """Bounds for a document: enough words to teach something, letters not data, no blobs."""

    min_words: int = 50
    max_lines: int = 10_000
    max_bytes: int = 500 * 1024
    min_alpha_ratio: float = 0.45
    max_line_chars: int = 5_000  # inline base64 images, minified tables
    name: str = "prose_thresholds"

    def __post_init__(self) -> None:
        if self.min_words < 1 or self.max_lines < 1 or self.max_line_chars < 1:
            raise ValueError(f"min_words, max_lines and max_line_chars must be positive, got "
                             f"{self.min_words}/{self.max_lines}/{self.max_line_chars}")
        if not 0.0 <= self.min_alpha_ratio <= 1.0:
            raise ValueError(f"min_alpha_ratio must be in [0, 1], got {self.min_alpha_ratio}")

    def __call__(self, sample: Sample) -> StageResult:
        text = sample.text
        if sample.size_bytes >= self.max_bytes:
            return reject(sample, "too_large", f"{sample.size_bytes} bytes >= {self.max_bytes}")
        words = len(_WORD.findall(text))
        if words < self.min_words:
            return reject(sample, "too_few_words", f"{words} words < {self.min_words}")
        lines = line_count(text)
        if lines > self.max_lines:
            return reject(sample, "too_many_lines", f"{lines} lines > {self.max_lines}")
        ratio = alpha_ratio(text)
        if ratio <= self.min_alpha_ratio:
            return reject(sample, "low_alpha_ratio", f"alphabetic ratio {ratio:.3f} <= {self.min_alpha_ratio}")
        longest = max(map(len, text.split("\n")))
        if longest > self.max_line_chars:
            return reject(sample, "long_line", f"a line of {longest} chars > {self.max_line_chars}")
        return sample


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Reject licence texts, changelogs, contributor lists and API stubs (reason = the kind found)."""

    name: str = "boilerplate"

    def __call__(self, sample: Sample) -> StageResult:
        kind = boilerplate_kind(sample.source, sample.text)
        if kind is None:
            return sample
        return reject(sample, kind, f"{kind.replace('_', ' ')} ({PurePosixPath(sample.source).name})")


@dataclass(frozen=True, slots=True)
class ProseLabel:
    """Score = the prose share scaled so that half the lines being sentences scores 1.0.

    A document below ``min_quality`` (a README of badges and link tables) is kept as a
    negative sample with an explanation, as code below the threshold is.
    """

    min_quality: float = 0.5
    name: str = "prose_label"

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_quality <= 1.0:
            raise ValueError(f"min_quality must be in [0, 1], got {self.min_quality}")

    def __call__(self, sample: Sample) -> StageResult:
        share = prose_share(sample.text)
        sample.quality_score = round(min(1.0, share / 0.5), 4)
        if sample.quality_score < self.min_quality:
            sample.quality_label = "negative"
            sample.explanation = (
                f"This document is mostly markup:\n- Only {share:.0%} of its lines are sentences "
                f"(tables, links, badges or directives make up the rest).\n"
                f"Fix: Explain in prose what the lists and tables show.")
        else:
            sample.quality_label = "positive"
            sample.explanation = None
        return sample
