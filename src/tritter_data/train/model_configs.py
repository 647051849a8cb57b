"""The model configs, their exact parameter counts and memory needs: one place for all sizes.

Decoder-only transformers in the Llama style: RMSNorm before attention and MLP, rotary
position embeddings, multi-head attention without biases, a SwiGLU MLP, input and output
embeddings tied. Parameters, with ``V`` vocab, ``d`` width, ``f`` MLP width, ``L`` layers::

    V·d (embeddings, tied with the output head) + L·(4·d² + 3·d·f + 2·d) + d (final norm)

At the shipped tokenizer's 8,192 entries (a bigger tokenizer adds ``V·d``):

    >>> [f"{name}: {parameter_count(MODELS[name], 8192):,}" for name in MODEL_NAMES]
    ['tiny: 1,475,200', '1B: 993,081,344', '3B: 3,034,513,920']

``count_parameters`` on the PyTorch module (``tests/train/test_models.py``) must agree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from tritter_data.core.errors import UsageError

FP32 = 4
BF16 = 2


@dataclass(frozen=True)
class ModelConfig:
    name: str
    d_model: int
    n_layers: int
    n_heads: int
    d_ff: int
    max_seq_len: int
    needs_gpu: bool = True
    rope_theta: float = 10_000.0
    norm_eps: float = 1e-5

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


MODELS: dict[str, ModelConfig] = {
    # For tests and laptops: trains on a CPU in seconds.
    "tiny": ModelConfig("tiny", d_model=128, n_layers=2, n_heads=4, d_ff=384, max_seq_len=2048, needs_gpu=False),
    # ~0.99B: TinyLlama's width and MLP (2048, 5632), 19 layers.
    "1B": ModelConfig("1B", d_model=2048, n_layers=19, n_heads=16, d_ff=5632, max_seq_len=4096),
    # ~3.03B: width 2560 (20 heads of 128), MLP 6912 (2.7×), 38 layers.
    "3B": ModelConfig("3B", d_model=2560, n_layers=38, n_heads=20, d_ff=6912, max_seq_len=4096),
}
MODEL_NAMES = tuple(MODELS)


def get_model_config(name: str) -> ModelConfig:
    """The config named ``--model``; a one-line ``UsageError`` for an unknown name."""
    for key, config in MODELS.items():
        if key.lower() == name.lower():
            return config
    raise UsageError(f"--model {name!r}: unknown model; choose from {', '.join(MODEL_NAMES)}")


def padded_vocab(vocab_size: int, multiple: int = 64) -> int:
    """Embedding rows for a tokenizer: rounded up to a multiple of 64 for fast matmuls."""
    return -(-vocab_size // multiple) * multiple


def parameter_count(config: ModelConfig, vocab_size: int) -> int:
    d, f, n = config.d_model, config.d_ff, config.n_layers
    return vocab_size * d + n * (4 * d * d + 3 * d * f + 2 * d) + d


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes for training with AdamW, fp32 master weights and bf16 autocast activations."""

    weights: int
    gradients: int
    optimizer: int
    activations: int

    @property
    def total(self) -> int:
        return self.weights + self.gradients + self.optimizer + self.activations


def memory_estimate(config: ModelConfig, vocab_size: int, batch_size: int, seq_len: int,
                    parameters: int | None = None) -> MemoryEstimate:
    """Weights, gradients and AdamW's two moments in fp32; activations saved for backward.

    Activations per token and layer, with fused attention (no s×s scores kept) and bf16
    autocast: the fp32 residual stream twice (8·d), the two normed inputs (4·d), q, k, v and
    the attention output (8·d), and the SwiGLU's w1, w3, silu and product outputs (8·f):
    ``20·d + 8·f`` bytes. The head keeps bf16 logits plus fp32 log-softmax (6·V per token).

        >>> m = memory_estimate(MODELS["tiny"], 8192, batch_size=2, seq_len=16)
        >>> m.weights, m.gradients, m.optimizer, m.activations
        (5900800, 5900800, 11801600, 1949696)
    """
    params = parameters if parameters is not None else parameter_count(config, vocab_size)
    tokens = batch_size * seq_len
    per_layer = 20 * config.d_model + 8 * config.d_ff
    activations = tokens * (config.n_layers * per_layer + FP32 * config.d_model + 6 * vocab_size)
    return MemoryEstimate(params * FP32, params * FP32, 2 * params * FP32, activations)
