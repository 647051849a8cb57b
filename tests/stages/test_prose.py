"""The prose stages on real docs: READMEs and doc files shipped by installed packages."""

from __future__ import annotations

import pytest
from docs_helpers import API_STUB, CHANGELOG, pip_vendor_file, readme

from tritter_data.core.sample import Reject, Sample
from tritter_data.core.stage import run_stages
from tritter_data.stages.pipeline import PipelineConfig, build_stages
from tritter_data.stages.prose import (
    Boilerplate,
    ProseLabel,
    ProseThresholds,
    boilerplate_kind,
    headings,
    is_api_stub,
    is_changelog,
    prose_share,
)

STAGES = build_stages(PipelineConfig(languages=frozenset({"markdown", "restructuredtext"})))


def run(source: str, text: str) -> Sample | Reject:
    sample = Sample(source=source, text=text, size_bytes=len(text.encode()))
    return run_stages([stage for stage in STAGES if stage.name != "read"], sample)  # the text is given


def test_real_markdown_and_rst_are_kept_positive() -> None:
    for source, text, language in [("orjson/README.md", readme("orjson"), "markdown"),
                                   ("numpy/README.md", readme("numpy"), "markdown"),
                                   ("pip/_vendor/README.rst", pip_vendor_file("README.rst"), "restructuredtext")]:
        result = run(source, text)
        assert isinstance(result, Sample), (source, result)
        assert (result.language, result.quality_label) == (language, "positive")
        assert 0.5 <= result.quality_score <= 1.0


def test_pinned_prose_share_of_pips_vendoring_policy() -> None:
    text = pip_vendor_file("README.rst")
    assert headings(text)[:2] == ["Vendoring Policy", "Rationale"]
    assert round(prose_share(text), 4) == round(prose_share(text.replace("\n\n", "\n")), 4)  # blank lines ignored
    assert ProseLabel()(Sample("a.rst", text)).quality_score == 1.0


def test_licence_by_name_and_by_content() -> None:
    licence = pip_vendor_file("idna/LICENSE.md")
    assert boilerplate_kind("pip/_vendor/idna/LICENSE.md", licence) == "license_text"
    assert boilerplate_kind("docs/notes.md", licence) == "license_text"  # BSD text near the top
    result = run("docs/notes.md", licence)
    assert isinstance(result, Reject) and result.reason in ("license_text", "too_few_words")
    # a README whose licence section is at the end is a README
    assert boilerplate_kind("README.md", readme("orjson")) is None


def test_changelog_contributors_and_api_stubs() -> None:
    assert boilerplate_kind("CHANGES.rst", "anything") == "changelog"
    assert boilerplate_kind("docs/release-notes.md", CHANGELOG) == "changelog"
    assert is_changelog(CHANGELOG) and not is_changelog(readme("orjson"))
    assert boilerplate_kind("AUTHORS.md", "## Contributors\n") == "contributor_list"
    assert is_api_stub(API_STUB) and boilerplate_kind("docs/api/mypkg.rst", API_STUB) == "api_stub"
    # directives inside a real tutorial do not make it a stub
    tutorial = pip_vendor_file("README.rst") + "\n.. autoclass:: pip.Finder\n   :members:\n"
    assert not is_api_stub(tutorial)
    rejected = Boilerplate()(Sample("docs/api/mypkg.rst", API_STUB))
    assert isinstance(rejected, Reject) and rejected.reason == "api_stub"


@pytest.mark.parametrize(("text", "reason"), [
    ("# Title\n\nShort note about nothing much.\n", "too_few_words"),
    ("| a | b |\n|---|---|\n" + "| 1.0 | 2.0 |\n" * 200 + " ".join(["word"] * 60), "low_alpha_ratio"),
    (readme("numpy") + "\n![plot](data:image/png;base64," + "iVBORw0KGgo" * 600 + ")\n", "long_line"),
])
def test_thresholds(text: str, reason: str) -> None:
    result = ProseThresholds()(Sample("doc.md", text, size_bytes=len(text)))
    assert isinstance(result, Reject) and result.reason == reason


def test_secret_in_a_real_readme_is_rejected() -> None:
    text = readme("numpy") + "\nexport AWS_ACCESS_KEY_ID=AKIAZ7QW3RT5YUIGOPLM\n"
    result = run("numpy/README.md", text)
    assert isinstance(result, Reject) and result.reason == "secret_detected"
    assert "AKIA" not in result.detail


def test_mostly_markup_is_negative_with_an_explanation() -> None:
    badges = "# pkg\n\n" + "".join(f"[![b{i}](https://img.shields.io/b{i}.svg)](https://ci.example/{i})\n"
                                     for i in range(30)) + "The package parses the files and reports every error.\n"
    badges += "See the documentation for the full list of options and examples of use.\n" * 2
    result = ProseLabel()(Sample("README.md", badges))
    assert result.quality_label == "negative" and result.quality_score == round(3 / 34 / 0.5, 4)  # heading + 30 badges + 3 sentences
    assert result.explanation.startswith("This document is mostly markup")


def test_bad_configs_name_the_field() -> None:
    with pytest.raises(ValueError, match="min_alpha_ratio"):
        ProseThresholds(min_alpha_ratio=2)
    with pytest.raises(ValueError, match="min_quality"):
        ProseLabel(min_quality=-1)
