"""Code-aware shingles: hashed token n-grams that ignore whitespace and layout.

A token is a run of word bytes (letters, digits, ``_`` and every non-ASCII byte, so UTF-8
identifiers stay whole) or one punctuation byte; whitespace only separates tokens. So
``def f(a,b):`` and ``def  f( a, b ) :`` give the same tokens, and reindenting, rewrapping or
reformatting a file does not hide a duplicate, while renaming an identifier or changing an
operator does change the shingles around it.

Everything is vectorised with numpy over the UTF-8 bytes (no Python loop per token), because
shingling, not MinHash, is what bounds a dedup run's throughput:

- token hash: polynomial hash of the token's bytes, from one prefix-sum over the document
  (``sum(v[b_j] * P**j)`` mod 2**64 with a fixed random 64-bit ``v`` per byte value, rebased to
  the token's start with ``P**-start``);
- n-gram hash: ``sum(t_{i+k} * C**(n-1-k))`` mod 2**64 over ``n`` consecutive token hashes,
  finished with the splitmix64 mixer so the bits are uniform for MinHash and LSH.

A document with at least one but fewer than ``n`` tokens has a single shingle (all its
tokens); a document without tokens has none (it is never a near-duplicate of anything).

Example::

    >>> a = shingle_hashes("def f(a, b):\\n    return a + b\\n", 3)
    >>> b = shingle_hashes("def f(a,b): return a+b", 3)
    >>> bool((a == b).all()), len(a)
    (True, 10)
"""

from __future__ import annotations

import numpy as np

_WORD, _PUNCT, _SPACE = 1, 2, 0
_P = 0x100000001B3  # odd, so invertible mod 2**64
_P_INV = pow(_P, -1, 1 << 64)
_C = np.uint64(0x9E3779B97F4A7C15)


def _byte_classes() -> np.ndarray:
    table = np.full(256, _PUNCT, dtype=np.uint8)
    for byte in b" \t\n\r\x0b\x0c":
        table[byte] = _SPACE
    for byte in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
        table[byte] = _WORD
    table[128:] = _WORD  # UTF-8 lead and continuation bytes: part of a word
    table[0:9] = _SPACE  # control bytes carry no code
    table[14:32] = _SPACE
    return table


_CLASSES = _byte_classes()
_CLASS_BYTES = _CLASSES.tobytes()
#: A fixed random odd value per byte (0 for whitespace, which only separates tokens).
_BYTE_VALUES = np.random.default_rng(0x5EED).integers(1, 1 << 63, 256, dtype=np.uint64) | np.uint64(1)
_BYTE_VALUES[_CLASSES == _SPACE] = 0
_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)


def _power_tables(size: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**i`` and ``P**-i`` mod 2**64 for i < size, grown by doubling and cached per process."""
    global _powers, _inverse_powers
    if len(_powers) < size:
        n = max(size, 2 * len(_powers), 1 << 16)
        _powers = np.concatenate([np.ones(1, np.uint64), np.cumprod(np.full(n - 1, _P, dtype=np.uint64))])
        _inverse_powers = np.concatenate(
            [np.ones(1, np.uint64), np.cumprod(np.full(n - 1, _P_INV, dtype=np.uint64))])
    return _powers, _inverse_powers


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a bijection on uint64 whose output bits all depend on all input bits."""
    x = x ^ (x >> np.uint64(30))
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def token_hashes(data: bytes) -> np.ndarray:
    """One uint64 hash per token of the UTF-8 ``data`` (equal tokens hash equally anywhere).

    Whitespace bytes weigh 0 in the prefix sum, so a token's span may run to the next token's
    start: the whitespace after it adds nothing, and only one boundary array is needed.
    """
    return _tokens_and_starts(data)[0]


def _tokens_and_starts(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Token hashes and the byte offset where each token starts."""
    empty = np.empty(0, dtype=np.uint64)
    if not data:
        return empty, np.empty(0, dtype=np.intp)
    raw = np.frombuffer(data, dtype=np.uint8)
    classes = np.frombuffer(data.translate(_CLASS_BYTES), dtype=np.uint8)  # a C-speed table lookup
    word = classes == _WORD
    start = classes == _PUNCT
    start[0] |= word[0]
    start[1:] |= word[1:] > word[:-1]
    starts = np.flatnonzero(start)
    if len(starts) == 0:
        return empty, starts
    size = len(raw)
    powers, inverse = _power_tables(size + 1)
    values = _BYTE_VALUES[raw]
    values *= powers[:size]
    prefix = np.empty(size + 1, dtype=np.uint64)
    prefix[0] = 0
    np.cumsum(values, out=prefix[1:])
    ends = np.empty_like(starts)
    ends[:-1] = starts[1:]
    ends[-1] = size
    # not mixed here: ``ngram_hashes`` mixes once per n-gram (the byte values are random already)
    return (prefix[ends] - prefix[starts]) * inverse[starts], starts


def batch_ngram_hashes(documents: list[bytes], n: int) -> list[np.ndarray]:
    """``[ngram_hashes(token_hashes(d), n) for d in documents]``, tokenised in one go.

    Small files cost numpy's per-call overhead ~15 times each; joining a batch with a newline
    (whitespace, so no token crosses two documents, and it weighs 0 in the token hashes) pays it
    once. The n-grams of the joined stream that lie inside one document are exactly its own.
    """
    if not documents:
        return []
    tokens, starts = _tokens_and_starts(b"\n".join(documents))
    boundaries = np.cumsum([0] + [len(d) + 1 for d in documents])  # byte offset of each document
    first = np.searchsorted(starts, boundaries)  # index of each document's first token
    stream = ngram_hashes(tokens, n) if len(tokens) >= n else np.empty(0, dtype=np.uint64)
    out = []
    for begin, end in zip(first[:-1].tolist(), first[1:].tolist(), strict=True):
        count = end - begin
        out.append(stream[begin : end - n + 1] if count >= n else ngram_hashes(tokens[begin:end], n))
    return out


def ngram_hashes(tokens: np.ndarray, n: int) -> np.ndarray:
    """Hashes of the ``n``-token windows of ``tokens`` (in order, with repeats)."""
    if len(tokens) == 0:
        return np.empty(0, dtype=np.uint64)
    width = min(n, len(tokens))
    count = len(tokens) - width + 1
    grams = tokens[:count].copy()
    for k in range(1, width):
        grams *= _C
        grams += tokens[k : k + count]
    return mix64(grams)


def shingle_hashes(text: str, n: int = 5) -> np.ndarray:
    """The document's set of shingles: sorted unique uint64 hashes of its token ``n``-grams."""
    return sorted_unique(ngram_hashes(token_hashes(text.encode("utf-8", "surrogatepass")), n))


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for a 1-d array: a sort and a mask, 5x faster on shingle arrays than
    numpy 2's hash-table ``unique`` (which sorts its result as well)."""
    if len(values) < 2:
        return values.copy()
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique shingle arrays (0.0 when both are empty)."""
    if len(a) == 0 and len(b) == 0:
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)
