"""Stages around language detection: by name before reading, by content after."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from tritter_data.core.languages import (
    AMBIGUOUS,
    KNOWN_LANGUAGES,
    detect_from_content,
    detect_from_path,
    doc_language_from_path,
)
from tritter_data.core.sample import Sample, StageResult
from tritter_data.core.stage import reject


@dataclass(frozen=True, slots=True)
class DetectLanguageByName:
    """Set the language from the file name; reject names that cannot be code.

    Doc files (``.md``, ``.rst``, ``.adoc``) are recognised only when their language is in
    ``docs``: a default run over a repository keeps skipping its README as before.
    """

    name: str = "language_by_name"
    docs: frozenset[str] = frozenset()

    def __call__(self, sample: Sample) -> StageResult:
        if sample.language is not None:
            return sample
        language = detect_from_path(sample.source)
        if language is None and self.docs:
            doc = doc_language_from_path(sample.source)
            language = doc if doc in self.docs else None
        if language is None:
            suffix = PurePosixPath(sample.source).suffix.lower()
            return reject(sample, "unknown_language", f"extension {suffix!r}")
        if language is not AMBIGUOUS:
            sample.language = language  # type: ignore[assignment]
        return sample


@dataclass(frozen=True, slots=True)
class DetectLanguageByContent:
    """Resolve a language the name left open (shebang, ``.h`` rules)."""

    name: str = "language_by_content"

    def __call__(self, sample: Sample) -> StageResult:
        if sample.language is not None:
            return sample
        language = detect_from_content(sample.source, sample.text)
        if language is None:
            return reject(sample, "unknown_language", "no extension, shebang or content rule matched")
        sample.language = language
        return sample


@dataclass(frozen=True, slots=True)
class LanguageFilter:
    """Keep only ``languages`` (``--languages``); an undecided language passes for now."""

    languages: frozenset[str]
    name: str = "language_filter"

    def __post_init__(self) -> None:
        unknown = sorted(set(self.languages) - set(KNOWN_LANGUAGES))
        if unknown:
            raise ValueError(f"unknown language(s) {unknown}; choose from {', '.join(KNOWN_LANGUAGES)}")

    def __call__(self, sample: Sample) -> StageResult:
        if sample.language is None or sample.language in self.languages:
            return sample
        return reject(sample, "language_excluded", f"{sample.language} not in --languages")
