"""Real inputs for the mix tests: shards that ``prepare`` made from stdlib code, Markdown files
holding the stdlib's own module docstrings, and a few hand-written persona conversations."""

from __future__ import annotations

import ast
import json
import shutil
import sysconfig
from pathlib import Path

import pytest

from tritter_data.cli import main

STDLIB = Path(sysconfig.get_paths()["stdlib"])
PACKAGES = ("json", "email", "urllib", "wsgiref", "html", "concurrent")

CONVERSATIONS = [
    {"persona": "reviewer", "messages": [
        {"role": "system", "content": "You are Tritter, a careful code reviewer."},
        {"role": "user", "content": "Is it fine to call eval() on a value from a web form?"},
        {"role": "assistant", "content": "No. eval() runs arbitrary code. Parse literals with ast.literal_eval()."},
    ]},
    {"persona": "mentor", "messages": [
        {"role": "user", "content": "Why does my function keep appending to the same list?"},
        {"role": "assistant", "content": "A mutable default argument is created once. Use None and build the list inside."},
        {"role": "user", "content": "So def f(items=None): items = [] if items is None else items?"},
        {"role": "assistant", "content": "Exactly; each call now gets a fresh list unless one is passed in."},
    ]},
    {"conversations": [
        {"from": "human", "value": "How should I read a large file without loading it all?"},
        {"from": "gpt", "value": "Iterate over the file object line by line inside a with-block; it streams."},
    ]},
    {"messages": [{"role": "user", "content": "hello?"}]},
    {"messages": [{"role": "robot", "content": "beep"}, {"role": "assistant", "content": "boop"}]},
]


@pytest.fixture(scope="session")
def code_shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``prepare`` on real stdlib packages: ~100 Python files, positives and negatives."""
    root = tmp_path_factory.mktemp("code")
    for name in PACKAGES:
        shutil.copytree(STDLIB / name, root / "src" / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    out = root / "shards"
    assert main(["prepare", "--input-dir", str(root / "src"), "--output-dir", str(out),
                 "--shard-size", "40", "--quiet"]) == 0
    return out


@pytest.fixture(scope="session")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Markdown file per stdlib module with a docstring (real prose, small records)."""
    root = tmp_path_factory.mktemp("docs")
    for path in sorted(STDLIB.glob("*.py")):
        try:
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        except (SyntaxError, UnicodeDecodeError):
            continue
        if doc:
            (root / f"{path.stem}.md").write_text(f"# {path.stem}\n\n{doc}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def chat_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("chat")
    lines = [json.dumps(c) for c in CONVERSATIONS] + ["{not json"]
    (root / "persona.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def tokenizer():
    pytest.importorskip("tokenizers")
    from tritter_data.core.tokenizer import load_tokenizer

    return load_tokenizer()
