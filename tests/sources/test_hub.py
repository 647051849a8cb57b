"""The hub side: shipped catalogue, gated datasets without a token, an unreachable hub."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from tritter_data.core.errors import UsageError
from tritter_data.sources.hub import (
    _card_row_counts,
    dataset_spec,
    hub_parquet_files,
    hub_token,
    load_catalog,
    refresh_catalog,
)

ROOT = Path(__file__).resolve().parents[2]


def test_catalog_lists_the_supported_datasets_with_their_layout():
    catalog = load_catalog()
    assert list(catalog) == ["bigcode/the-stack-v2-dedup", "bigcode/the-stack-v2", "HuggingFaceTB/stack-edu",
                             "bigcode/the-stack-dedup"]
    edu = catalog["HuggingFaceTB/stack-edu"]
    assert (edu["gated"], edu["layout"], edu["subsets"]["c"]) == (False, "{subset}", {"name": "C", "rows": 5848375})
    assert catalog["bigcode/the-stack-v2"]["subsets"]["cpp"]["name"] == "C++"
    assert catalog["bigcode/the-stack-dedup"]["content_column"] == "content"
    with pytest.raises(UsageError, match="not a supported dataset"):
        dataset_spec("someone/else")


@pytest.fixture
def no_token(monkeypatch, tmp_path):
    pytest.importorskip("huggingface_hub")
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("HUGGING_FACE_HUB_TOKEN", raising=False)
    monkeypatch.setenv("HF_TOKEN_PATH", str(tmp_path / "token"))
    monkeypatch.setenv("HF_HOME", str(tmp_path))


def test_gated_dataset_without_token_is_one_line(no_token):
    with pytest.raises(UsageError) as caught:
        hub_token("bigcode/the-stack-v2", dataset_spec("bigcode/the-stack-v2"))
    assert str(caught.value).startswith("bigcode/the-stack-v2 is gated: accept its terms on "
                                        "huggingface.co/datasets/bigcode/the-stack-v2 and set HF_TOKEN")
    assert hub_token("HuggingFaceTB/stack-edu", dataset_spec("HuggingFaceTB/stack-edu")) is None


def test_token_from_the_environment(monkeypatch):
    pytest.importorskip("huggingface_hub")
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    assert hub_token("bigcode/the-stack-v2", dataset_spec("bigcode/the-stack-v2")) == "hf_test_token"


def test_offline_mode_refuses_hub_reads_and_lists_the_shipped_catalogue(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    spec = dataset_spec("HuggingFaceTB/stack-edu")
    with pytest.raises(UsageError, match="HF_HUB_OFFLINE is set; use --from-parquet DIR"):
        hub_parquet_files("HuggingFaceTB/stack-edu", spec, "python", None)
    subsets, origin = refresh_catalog("HuggingFaceTB/stack-edu", spec)
    assert (origin, subsets["cpp"]) == ("shipped (HF_HUB_OFFLINE)", {"name": "Cpp", "rows": 16246746})


def test_row_counts_from_a_dataset_card():
    class Card:
        dataset_info: ClassVar = [{"config_name": "Python", "splits": [{"name": "train", "num_examples": 25_000}]},
                        {"config_name": "Rust", "splits": []}]

    assert _card_row_counts(Card()) == {"Python": 25_000}
    assert _card_row_counts(None) == {}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_hub_is_one_line_and_exit_2(tmp_path):
    """A real hub client against a closed port on 127.0.0.1 (HF_ENDPOINT is read at import)."""
    pytest.importorskip("huggingface_hub")
    env = {**os.environ, "HF_ENDPOINT": f"http://127.0.0.1:{_closed_port()}", "HF_HUB_OFFLINE": "0",
           "HF_TOKEN": "hf_test_token", "HF_HUB_ETAG_TIMEOUT": "2", "HF_HUB_DOWNLOAD_TIMEOUT": "2",
           "PYTHONPATH": str(ROOT / "src"), "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"}
    run = subprocess.run([sys.executable, "-m", "tritter_data", "curate", "--language", "python",  # ~70 GB by the card
                          "--output", str(tmp_path / "out"), "--skip-space-check"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("tritter_data curate: error: bigcode/the-stack-v2-dedup: cannot reach the hub (")
    assert lines[0].endswith("check the network and HF_TOKEN, or use --from-parquet DIR")
    listing = subprocess.run([sys.executable, "-m", "tritter_data", "curate", "--list-subsets"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0
    assert "HuggingFaceTB/stack-edu  (open; contents in s3://softwareheritage; shipped (hub unreachable: " in listing.stdout
