"""The shipped tokenizer, its exact counts on small inputs, and how --tokenizer is resolved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tritter_data.core.errors import UsageError
from tritter_data.core.tokenizer import (
    DEFAULT_NAME,
    count_tokens,
    default_tokenizer_path,
    load_tokenizer,
    load_tokenizer_with_info,
)

pytest.importorskip("tokenizers")

CARD_POSITIVE = "def hello():\n    \"\"\"Say hello.\"\"\"\n    print('world')"
CARD_NEGATIVE = "def f(x):\n    return eval(x)"
RUST = 'fn main() {\n    println!("hi");\n}\n'


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer()


def test_default_tokenizer_is_the_shipped_8k_byte_level_bpe(tokenizer) -> None:
    _, info = load_tokenizer_with_info()
    assert info.name == DEFAULT_NAME
    assert info.vocab_size == tokenizer.get_vocab_size() == 8192
    assert Path(info.path) == default_tokenizer_path()
    assert default_tokenizer_path().stat().st_size < 400_000
    assert [tokenizer.token_to_id(t) for t in ("<|endoftext|>", "<|pad|>", "<|review|>", "<|/review|>")] == [0, 1, 2, 3]


def test_exact_token_counts_for_small_inputs(tokenizer) -> None:
    assert count_tokens(tokenizer, [CARD_POSITIVE, CARD_NEGATIVE, RUST, "", "é ü 漢字"]) == [16, 11, 16, 0, 11]
    assert tokenizer.encode(CARD_NEGATIVE).tokens == [
        "def", "Ġf", "(", "x", "):", "ĊĠĠĠ", "Ġreturn", "Ġeval", "(", "x", ")"]
    assert count_tokens(tokenizer, []) == []


def test_byte_level_round_trips_any_text(tokenizer) -> None:
    text = "naïve → café\t\x00 漢字 🙂\n"
    assert tokenizer.decode(tokenizer.encode(text).ids) == text


def test_marker_strings_in_the_data_are_plain_text(tokenizer) -> None:
    ids = tokenizer.encode("x = '<|review|>'").ids
    assert tokenizer.token_to_id("<|review|>") not in ids
    assert count_tokens(tokenizer, ["<|review|>"]) == [6]


def test_a_tokenizer_json_path(tmp_path: Path) -> None:
    copy = tmp_path / "tok.json"
    shutil.copy(default_tokenizer_path(), copy)
    tok, info = load_tokenizer_with_info(str(copy))
    assert info.path == str(copy) and count_tokens(tok, [CARD_NEGATIVE]) == [11]
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    shutil.copy(default_tokenizer_path(), model_dir / "tokenizer.json")
    _, info = load_tokenizer_with_info(str(model_dir))  # a directory holding tokenizer.json
    assert info.path == str(model_dir / "tokenizer.json")


def test_an_installed_model_name_from_the_local_hf_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = tmp_path / "hub" / "models--acme--coder-small" / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    shutil.copy(default_tokenizer_path(), snapshot / "tokenizer.json")
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    tok, info = load_tokenizer_with_info("acme/coder-small")
    assert info.name == "acme/coder-small" and info.path == str(snapshot / "tokenizer.json")
    assert count_tokens(tok, [CARD_POSITIVE]) == [16]
    with pytest.raises(UsageError, match=r"^--tokenizer acme/missing: not a file and not an installed model"):
        load_tokenizer("acme/missing")


def test_unloadable_tokenizers_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^--tokenizer .*nope\.json: no such file$"):
        load_tokenizer(str(tmp_path / "nope.json"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": "1.0", "model": {"type": "Nonsense"}}')
    with pytest.raises(UsageError, match=r"cannot load .*broken\.json") as caught:
        load_tokenizer(str(broken))
    assert "\n" not in str(caught.value)


def test_train_tokenizer_script_is_deterministic(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).parents[2] / "scripts" / "train_tokenizer.py"
    prose = tmp_path / "prose"
    prose.mkdir()
    (prose / "card.md").write_text("# Tritter Training Data\n\nQuality over quantity.\n" * 20)
    outputs = []
    for name in ("a.json", "b.json"):
        subprocess.run([sys.executable, str(script), "--output", str(tmp_path / name), "--vocab-size", "600",
                        "--max-mb", "0.3", "--prose-root", str(prose)], check=True, capture_output=True)
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    tok = load_tokenizer(str(tmp_path / "a.json"))
    assert tok.get_vocab_size() == 600
    assert [tok.token_to_id(t) for t in ("<|endoftext|>", "<|pad|>", "<|review|>", "<|/review|>")] == [0, 1, 2, 3]
    assert tok.decode(tok.encode(CARD_POSITIVE).ids) == CARD_POSITIVE
