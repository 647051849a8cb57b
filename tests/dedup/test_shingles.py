from __future__ import annotations

import numpy as np
import pytest
from dedup_helpers import fixture_text, reference_jaccard, reformat

from tritter_data.dedup.shingles import jaccard, ngram_hashes, shingle_hashes, token_hashes


def test_tokens_ignore_whitespace_and_layout() -> None:
    a = token_hashes(b"def f(a, b):\n    return a+b\n")
    b = token_hashes(b"def   f( a,b ) :\n\treturn a + b")
    assert len(a) == 12  # def f ( a , b ) : return a + b
    assert np.array_equal(a, b)


def test_tokens_split_words_and_punctuation_and_keep_utf8_identifiers_whole() -> None:
    assert len(token_hashes("x>=1 # größe".encode())) == 6  # x > = 1 # größe
    same = token_hashes("größe".encode())
    assert np.array_equal(token_hashes("größe größe".encode()), np.concatenate([same, same]))
    assert not np.array_equal(token_hashes(b"ab c"), token_hashes(b"a bc"))
    assert len(token_hashes(b"")) == 0 and len(token_hashes(b" \n\t ")) == 0


def test_equal_tokens_hash_equal_at_any_offset() -> None:
    hashes = token_hashes(b"foo bar   foo\nfoo(bar)")
    assert hashes[0] == hashes[2] == hashes[3] and hashes[1] == hashes[5]
    assert len(set(hashes.tolist())) == 4  # foo bar ( )


def test_small_cases_have_exact_jaccard() -> None:
    words = " ".join(f"w{i}" for i in range(10))  # 10 distinct tokens -> 6 distinct 5-grams
    changed_last = words.replace("w9", "z9")  # shares 5 of 6: 5 / 7
    assert jaccard(shingle_hashes(words), shingle_hashes(changed_last)) == pytest.approx(5 / 7)
    changed_middle = words.replace("w5", "z5")  # shares w0..w4 (1) and w6..w9 (0): 1 gram of 11
    assert jaccard(shingle_hashes(words), shingle_hashes(changed_middle)) == pytest.approx(1 / 11)
    assert jaccard(shingle_hashes("a b"), shingle_hashes("a  b")) == 1.0  # short text: one shingle
    assert len(shingle_hashes("")) == 0 and jaccard(shingle_hashes(""), shingle_hashes("")) == 0.0


def test_reformatted_stdlib_file_is_identical_in_shingles() -> None:
    text = fixture_text("json/decoder.py")
    assert reformat(text) != text
    assert np.array_equal(shingle_hashes(text), shingle_hashes(reformat(text)))


@pytest.mark.parametrize("name", ["json/decoder.py", "textwrap.py", "shlex.py"])
def test_jaccard_matches_a_reference_on_real_code(name: str) -> None:
    text = fixture_text(name)
    lines = text.splitlines(keepends=True)
    edited = "".join(lines[: len(lines) // 2]) + "def inserted(x):\n    return x * 2\n" + "".join(lines[len(lines) // 2 :])
    halved = "".join(lines[: len(lines) * 2 // 3])
    for other in (edited, halved):
        expected = reference_jaccard(text, other)
        assert jaccard(shingle_hashes(text), shingle_hashes(other)) == pytest.approx(expected, abs=1e-12)


def test_ngram_hashes_of_short_sequences() -> None:
    tokens = token_hashes(b"a b c")
    assert len(ngram_hashes(tokens, 5)) == 1
    assert len(ngram_hashes(tokens, 2)) == 2
    assert ngram_hashes(tokens, 2)[0] != ngram_hashes(token_hashes(b"b a"), 2)[0]  # order matters


def test_batch_shingling_equals_one_document_at_a_time() -> None:
    import random

    from tritter_data.dedup.shingles import batch_ngram_hashes

    docs = [fixture_text(name).encode() for name in ("bisect.py", "colorsys.py", "json/tool.py")]
    docs += [b"", b"  \n", b"x", b"a b", b"a b c d e", b"a b c d e f", b"\n\nq", "größe = 1".encode(), b"("]
    random.Random(0).shuffle(docs)
    for n in (1, 3, 5, 10):
        batch = batch_ngram_hashes(docs, n)
        assert len(batch) == len(docs)
        for data, got in zip(docs, batch, strict=True):
            assert np.array_equal(got, ngram_hashes(token_hashes(data), n))
    assert batch_ngram_hashes([], 5) == []


def test_shingle_sets_are_numpy_unique_of_each_text() -> None:
    """The verify workers' sets (grouped tokenising, sort-and-mask unique) are ``np.unique`` of
    the n-grams, so exact Jaccard figures and the removed log do not move."""
    from tritter_data.dedup.near_tasks import shingle_sets
    from tritter_data.dedup.shingles import sorted_unique

    texts = [fixture_text(name) for name in ("json/decoder.py", "textwrap.py", "heapq.py")]
    texts += ["", "x", "a a a a a a a a", "größe = 1\n" * 40, "def f(a, b):\n    return a + b\n" * 3]
    for n in (1, 5):
        sets = shingle_sets(texts, n)
        for text, got in zip(texts, sets, strict=True):
            expected = np.unique(ngram_hashes(token_hashes(text.encode()), n))
            assert got.dtype == np.uint64 and np.array_equal(got, expected)
            assert np.array_equal(shingle_hashes(text, n), expected)
    assert len(sets[5]) == 1 and len(sets[3]) == 0  # one repeated shingle; no token at all
    repeated = np.array([5, 1, 5, 2**64 - 1, 1, 0], dtype=np.uint64)
    assert sorted_unique(repeated).tolist() == [0, 1, 5, 2**64 - 1]
