"""Model sizes: the formula, the PyTorch module on the meta device, and the names agree."""

from __future__ import annotations

import pytest

from tritter_data.cli import main
from tritter_data.core.errors import UsageError
from tritter_data.train.model_configs import MODELS, get_model_config, memory_estimate, parameter_count

NOMINAL = {"1B": 1e9, "3B": 3e9}
EXACT = {"tiny": 1_475_200, "1B": 993_081_344, "3B": 3_034_513_920}


def test_parameter_counts_match_the_names() -> None:
    for name, nominal in NOMINAL.items():
        assert abs(parameter_count(MODELS[name], 8192) - nominal) / nominal < 0.02
    assert {name: parameter_count(config, 8192) for name, config in MODELS.items()} == EXACT
    # A bigger tokenizer adds vocab x d_model and nothing else.
    assert parameter_count(MODELS["1B"], 50_304) - EXACT["1B"] == (50_304 - 8192) * 2048


@pytest.mark.parametrize("name", list(MODELS))
def test_the_module_on_the_meta_device_has_exactly_that_many_parameters(name: str) -> None:
    torch = pytest.importorskip("torch")
    from tritter_data.train.transformer import Transformer, count_parameters

    with torch.device("meta"):
        model = Transformer(MODELS[name], vocab_size=8192)
    assert count_parameters(model) == EXACT[name]
    assert model.head.weight is model.embed.weight  # tied, counted once


def test_memory_estimate_for_1b_at_batch_8() -> None:
    m = memory_estimate(MODELS["1B"], 8192, batch_size=8, seq_len=2048)
    assert (m.weights, m.gradients, m.optimizer) == (4 * EXACT["1B"], 4 * EXACT["1B"], 8 * EXACT["1B"])
    per_token = 19 * (20 * 2048 + 8 * 5632) + 4 * 2048 + 6 * 8192
    assert m.activations == 8 * 2048 * per_token == 27_715_960_832
    assert m.total == 16 * EXACT["1B"] + m.activations


def test_unknown_model_is_one_line_exit_2(tmp_path, capsys) -> None:
    assert get_model_config("1b") is MODELS["1B"]
    with pytest.raises(UsageError):
        get_model_config("7B")
    assert main(["train", "--model", "7B", "--data-dir", str(tmp_path), "--dry-run"]) == 2
    assert capsys.readouterr().err == "tritter_data train: error: --model '7B': unknown model; choose from tiny, 1B, 3B\n"
