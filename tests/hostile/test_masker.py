"""The comment/string masker is linear on any input, closed or not.

A masking regex that can *fail* from an opening quote is retried from every later quote,
each retry rescanning to the end of the text: quadratic (a 490 KB file of ``\\'`` after an
unclosed ``'''`` took minutes). The masker's patterns are total instead: from an opener
they always match, so each character is scanned once. These tests pin that property
(no wall clock), and the masked result of a generated pathological file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tritter_data.quality.lexical import _FAMILIES, _pattern, mask_code

CODE = Path(__file__).parents[1] / "fixtures" / "code"
#: What can open a masked token in some language, and tails that never close it.
OPENERS = {"'''": "'''", '"""': '"""', "'": "'", '"': '"', "`": "`", "/*": "*/", 'r"': '"', 'r#"': '"#', "#": "", "//": ""}
TAILS = ("\\'" * 50, '\\"' * 50, "\\`" * 50, "x\\", "*" * 20, "** /* *", "\\\n" * 5, "")


@pytest.mark.parametrize("language", sorted(_FAMILIES))
def test_every_token_that_opens_also_matches(language):
    pattern = _pattern(language)
    checked = 0
    for opener, closer in OPENERS.items():
        probe = pattern.match(opener + "xy" + closer)
        if probe is None or probe.end() < len(opener) + 2:
            continue  # opens no token in this language, or only a bounded one ('c' in C)
        checked += 1
        for tail in TAILS:
            text = opener + tail
            match = pattern.match(text)
            assert match is not None, f"{language}: {text[:30]!r} can fail, so retries rescan"
            # it ends at the end of the text, at a line end (one-line tokens) or at a closer
            # that is not escaped in this token (``r"\"`` is a whole raw string)
            end = match.end()
            assert end == len(text) or text[end] == "\n" or text[:end].endswith(closer), \
                f"{language}: {text[:30]!r} stopped at {match.end()}"
    assert checked >= 3  # a string, a comment and more per language


def test_pathological_unclosed_triple_quote_masks_in_one_pass():
    text = "'''\n" + "\\'" * (490_000 // 2)  # 490 KB: one unclosed string
    masked, comments = mask_code(text, "python")
    assert (masked, comments) == ('""\n', 0)  # the rest of the file is the string


@pytest.mark.parametrize("language", ["javascript", "typescript", "ruby", "php", "python"])  # where ' opens a string
def test_unclosed_strings_after_real_code(language):
    real = (CODE / "web" / "debounce.js").read_text()
    text = real + "\nconst s = '" + "\\'" * 20_000 + "\n" + real
    masked, _ = mask_code(text, language)
    assert masked.count("\n") == text.count("\n")  # line numbers stay exact
    assert len(masked) < len(text) - 40_000  # the escaped run is masked, not left as code


def test_closed_strings_mask_as_before():
    code = (CODE / "python" / "intervals.py").read_text()
    masked, _ = mask_code(code, "python")
    assert '"""' not in masked and "merge_intervals" in masked
    assert masked.count("\n") == code.count("\n")
    assert mask_code('x = "a#b"  # note\ny = \'c\'\n', "python") == ('x = ""  \ny = ""\n', 1)
