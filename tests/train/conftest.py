"""Training inputs made from real code: ``prepare`` on two stdlib packages gives the shards;
``sample_dir`` splits them like ``data/sample`` (python_positive/negative/mixed.jsonl) and
adds the data card's own two example records."""

from __future__ import annotations

import json
import shutil
import sysconfig
from pathlib import Path

import pytest

from tritter_data.cli import main

STDLIB = Path(sysconfig.get_paths()["stdlib"])
CARD_POSITIVE = {"text": "def hello():\n    \"\"\"Say hello.\"\"\"\n    print('world')", "language": "python",
                 "quality_score": 0.95, "source": "examples/hello.py"}
CARD_NEGATIVE = {"text": "def f(x):\n    return eval(x)", "language": "python", "quality_score": 0.15,
                 "quality_label": "negative",
                 "explanation": "This code has security issues:\n- eval() allows arbitrary code execution.\n"
                                "Fix: Use ast.literal_eval() for safe evaluation.",
                 "source": "examples/eval.py"}


@pytest.fixture(scope="session")
def shards_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("train-code")
    for name in ("json", "wsgiref"):
        shutil.copytree(STDLIB / name, root / "src" / name, ignore=shutil.ignore_patterns("__pycache__"))
    # keyword.py: a generated data module; _compat_pickle.py: mapping tables (data, not logic)
    for name in ("pickle.py", "shlex.py", "keyword.py", "_compat_pickle.py"):
        shutil.copy(STDLIB / name, root / "src" / name)
    # One file a security finding makes negative whatever its quality score (the stdlib alone may
    # give a single negative, and the split below needs two).
    (root / "src" / "calculator.py").write_text(
        '"""A command-line calculator."""\n\nimport sys\n\n\ndef main() -> None:\n'
        '    """Evaluate the expression given on the command line and print the result."""\n'
        '    expression = sys.argv[1]\n    print(eval(expression))\n\n\nif __name__ == "__main__":\n    main()\n',
        encoding="utf-8")
    out = root / "shards"
    assert main(["prepare", "--input-dir", str(root / "src"), "--output-dir", str(out),
                 "--shard-size", "8", "--quiet"]) == 0
    return out


def read_records(directory: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(directory.glob("*.jsonl")) for line in p.read_text().splitlines()]


@pytest.fixture(scope="session")
def sample_dir(shards_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = read_records(shards_dir)
    positive = [r for r in records if r.get("quality_label") != "negative"]
    negative = [r for r in records if r.get("quality_label") == "negative"]
    assert len(positive) >= 6 and len(negative) >= 2, (len(positive), len(negative))
    out = tmp_path_factory.mktemp("sample")
    files = {
        "python_positive.jsonl": [CARD_POSITIVE, *positive[:3]],
        "python_negative.jsonl": [CARD_NEGATIVE, *negative[:2]],
        "python_mixed.jsonl": [positive[3], negative[0], positive[4]],
    }
    for name, rows in files.items():
        (out / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def tokenizer():
    pytest.importorskip("tokenizers")
    from tritter_data.core.tokenizer import load_tokenizer

    return load_tokenizer()


@pytest.fixture(scope="session", autouse=True)
def _one_torch_thread():
    """Two pytest workers on two shared cores: one intra-op thread each avoids oversubscription."""
    try:
        import torch
    except ImportError:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
