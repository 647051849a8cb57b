"""Mix config: YAML and TOML, the shipped Phase 1 table, and one-line errors naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tritter_data.cli import main
from tritter_data.commands.mix import default_config
from tritter_data.core.errors import UsageError
from tritter_data.mix.config import load_config, parse_tokens

pytest.importorskip("yaml")

YAML = """\
total_tokens: 2.5M
components:
  - name: python
    share: 70
    inputs: [shards]
    filters: {language: py, min_quality: 0.5, labels: positive}
  - name: docs
    kind: docs
    share: 30
    inputs: docs
    filters: {min_chars: 100}
"""
TOML = """\
total_tokens = 2500000
[[components]]
name = "python"
share = 70
inputs = ["shards"]
filters = { language = "python", min_quality = 0.5, labels = ["positive"] }
[[components]]
name = "docs"
kind = "docs"
share = 30
inputs = ["docs"]
filters = { min_chars = 100 }
"""


def write(tmp_path: Path, text: str, name: str = "mix.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_and_toml_give_the_same_config(tmp_path: Path) -> None:
    from_yaml = load_config(write(tmp_path, YAML))
    from_toml = load_config(write(tmp_path, TOML, "mix.toml"))
    assert from_yaml.components == from_toml.components
    assert from_yaml.total_tokens == from_toml.total_tokens == 2_500_000
    python, docs = from_yaml.components
    assert python.filters == {"language": ("python",), "min_quality": 0.5, "labels": ("positive",)}
    assert docs.filters == {"min_chars": 100, "max_bytes": 500_000, "min_alpha_ratio": 0.25}
    assert (python.kind, python.share, python.inputs) == ("code", 70.0, ("shards",))


def test_the_shipped_default_is_the_cards_phase1_table() -> None:
    config = load_config(default_config())
    table = [(c.name, c.kind, c.share) for c in config.components]
    assert table == [("python", "code", 40.0), ("rust", "code", 25.0), ("high_quality_repos", "code", 20.0),
                     ("technical_docs", "docs", 10.0), ("persona_conversations", "chat", 5.0)]
    assert config.total_tokens == 100_000_000_000
    repo_copy = Path(__file__).parents[2] / "configs" / "phase1_mix.yaml"
    assert repo_copy.read_text() == default_config().read_text()


@pytest.mark.parametrize("text, message", [
    (YAML.replace("share: 30", "share: 20"), r"components: shares add up to 90%, not 100%$"),
    (YAML.replace("share: 30", "share: thirty"), r"components\[1\]\.share: must be a number in \(0, 100\]"),
    (YAML.replace("language: py", "language: cobol"), r"components\[0\]\.filters\.language: unknown language 'cobol'"),
    (YAML.replace("min_quality: 0.5", "min_quality: 5"), r"components\[0\]\.filters\.min_quality: must be a number in \[0, 1\]"),
    (YAML.replace("min_chars: 100", "min_turns: 2"), r"components\[1\]\.filters\.min_turns: not a filter of kind 'docs'"),
    (YAML.replace("kind: docs", "kind: video"), r"components\[1\]\.kind: must be one of code, docs, chat"),
    (YAML.replace("name: docs", "name: python"), r"components\[1\]\.name: duplicate name 'python'"),
    (YAML.replace("    share: 30\n", "    tokens: 10M\n"), r"components\[1\]: give every component a share, or every one tokens"),
    (YAML.replace("    share: 30\n", "    share: 30\n    tokens: 5\n"), r"components\[1\]: give exactly one of share"),
    (YAML.replace("inputs: docs", "inputs: []"), r"components\[1\]\.inputs: must be a non-empty list"),
    (YAML.replace("total_tokens: 2.5M", "total_tokens: lots"), r"total_tokens: must be a token count like"),
    (YAML.replace("total_tokens: 2.5M", "totl_tokens: 5"), r"unknown field 'totl_tokens'"),
    ("components: []\n", r"components: must be a non-empty list$"),
    ("components: [\n", r"not valid YAML"),
])
def test_bad_configs_name_the_field(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        load_config(write(tmp_path, text))
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(tmp_path))


def test_cli_prints_one_line_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path, YAML.replace("share: 30", "share: 35"))
    assert main(["mix", "--config", str(config), "--output-dir", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err == f"tritter_data mix: error: {config}: components: shares add up to 105%, not 100%\n"
    assert main(["mix", "--config", str(tmp_path / "none.yaml"), "--output-dir", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.endswith("none.yaml: no such file\n")


def test_parse_tokens() -> None:
    assert [parse_tokens(v, "x") for v in ("100B", "2.5m", "1e6", "40K", 7, 1.5e3)] == [
        100_000_000_000, 2_500_000, 1_000_000, 40_000, 7, 1500]
    for bad in ("-5", "0", True, "5X"):
        with pytest.raises(UsageError):
            parse_tokens(bad, "x")
