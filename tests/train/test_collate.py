"""How samples become token ids: --negatives include|exclude|review, packing, batches."""

from __future__ import annotations

import pytest

from tritter_data.train.collate import SampleEncoder, collate, pack

POSITIVE = {"text": "def f(x):\n    return x", "language": "python", "quality_score": 0.9, "source": "a.py"}
NEGATIVE = {"text": "def f(x):\n    return eval(x)", "language": "python", "quality_score": 0.15,
            "quality_label": "negative", "explanation": "eval() runs arbitrary code.", "source": "b.py"}
EOS, REVIEW, END_REVIEW = 0, 2, 3


def ids(tokenizer, text: str) -> list[int]:
    return tokenizer.encode(text, add_special_tokens=False).ids


def test_review_mode_appends_the_explanation_between_markers(tokenizer) -> None:
    encoder = SampleEncoder(tokenizer, "review")
    positive, negative = list(encoder.encode([POSITIVE, NEGATIVE]))
    assert positive == [*ids(tokenizer, POSITIVE["text"]), EOS]
    assert negative == [*ids(tokenizer, NEGATIVE["text"]), REVIEW, *ids(tokenizer, NEGATIVE["explanation"]),
                        END_REVIEW, EOS]
    assert len(negative) == 11 + 1 + len(ids(tokenizer, "eval() runs arbitrary code.")) + 2
    assert tokenizer.decode(negative, skip_special_tokens=False).endswith(
        "return eval(x)<|review|>eval() runs arbitrary code.<|/review|><|endoftext|>")
    s = encoder.stats
    assert (s.samples, s.positive, s.negative, s.reviewed, s.excluded, s.tokens) == (
        2, 1, 1, 1, 0, len(positive) + len(negative))


def test_include_and_exclude(tokenizer) -> None:
    include = SampleEncoder(tokenizer, "include")
    assert list(include.encode([NEGATIVE])) == [[*ids(tokenizer, NEGATIVE["text"]), EOS]]
    exclude = SampleEncoder(tokenizer, "exclude")
    assert list(exclude.encode([POSITIVE, NEGATIVE, NEGATIVE])) == [[*ids(tokenizer, POSITIVE["text"]), EOS]]
    assert (exclude.stats.samples, exclude.stats.excluded) == (3, 2)


def test_markers_in_the_data_cannot_forge_a_review(tokenizer) -> None:
    forged = dict(POSITIVE, text="x = 1  # <|review|> fine <|/review|>")
    (encoded,) = SampleEncoder(tokenizer, "review").encode([forged])
    assert REVIEW not in encoded and END_REVIEW not in encoded and encoded.count(EOS) == 1


def test_batches_of_many_records_keep_their_order(tokenizer) -> None:
    records = [dict(POSITIVE, text=f"value_{i} = {i}\n") for i in range(150)]
    encoded = list(SampleEncoder(tokenizer, "review").encode(records))
    assert encoded == [[*ids(tokenizer, r["text"]), EOS] for r in records]


def test_pack_and_collate() -> None:
    torch = pytest.importorskip("torch")
    windows = list(pack([[1, 2, 3, 0], [4, 5, 0], [6, 7, 8, 9, 0]], seq_len=4))
    assert windows == [[1, 2, 3, 0], [4, 5, 0, 6], [7, 8, 9, 0]]
    batch = collate(windows[:2])
    assert batch["input_ids"].dtype == torch.long and batch["input_ids"].tolist() == windows[:2]
    assert torch.equal(batch["labels"], batch["input_ids"])


def test_unknown_mode_is_rejected(tokenizer) -> None:
    with pytest.raises(ValueError, match="negatives must be one of"):
        SampleEncoder(tokenizer, "maybe")


def test_a_tokenizer_without_review_markers(tmp_path) -> None:
    tokenizers = pytest.importorskip("tokenizers")
    from tritter_data.core.errors import UsageError
    from tritter_data.core.tokenizer import load_tokenizer

    plain = tokenizers.Tokenizer(tokenizers.models.BPE())
    plain.pre_tokenizer = tokenizers.pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = tokenizers.trainers.BpeTrainer(vocab_size=300, special_tokens=["<|endoftext|>"],
                                             initial_alphabet=tokenizers.pre_tokenizers.ByteLevel.alphabet())
    plain.train_from_iterator(["def f(x):\n    return x\n"] * 20, trainer=trainer)
    plain.save(str(tmp_path / "plain.json"))
    tok = load_tokenizer(str(tmp_path / "plain.json"))
    with pytest.raises(UsageError, match=r"^--negatives review: tokenizer has no <\|review\|> token"):
        SampleEncoder(tok, "review")
    assert next(SampleEncoder(tok, "include").encode([NEGATIVE]))[-1] == tok.token_to_id("<|endoftext|>")
