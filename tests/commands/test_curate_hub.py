"""``curate`` reading from the hub: the real ``huggingface_hub`` client against a hub on 127.0.0.1.

``HF_ENDPOINT`` is read when ``huggingface_hub`` is imported, so each case runs the CLI in a
subprocess, as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import stack_support as support

pytest.importorskip("huggingface_hub")
pytest.importorskip("pyarrow")
ROOT = Path(__file__).resolve().parents[2]
TOKEN = "hf_test_token"
CARD = {"dataset_info": [{"config_name": "Python", "splits": [{"name": "train", "num_examples": 17}]}]}


def run_cli(args: list[str], hub: support.FakeHub, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_ENDPOINT": hub.endpoint, "HF_HUB_OFFLINE": "0",
                   "HF_HOME": str(hub.root.parent / "hf_home"), **env}
    # a whole Stack v2 language is ~70 GB by the card's table: the space check (tests/hostile/test_disk_space.py)
    # must not decide these tests by the host's free disk
    return subprocess.run([sys.executable, "-m", "tritter_data", "curate", "--skip-space-check", *args], env=environment,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def stack_hub(tmp_path):
    hub = support.FakeHub(support.write_stack_v2(tmp_path / "repo"), "bigcode/the-stack-v2-dedup", token=TOKEN, card=CARD)
    yield hub
    hub.close()


def test_stack_v2_from_the_hub_equals_the_local_mirror(tmp_path, stack_hub, s3_endpoint, aws_env):
    common = ["--language", "python", "--s3-endpoint-url", s3_endpoint, "--fetch-backoff", "0.001", "--quiet"]
    hub_run = run_cli([*common, "--output", str(tmp_path / "hub")], stack_hub, HF_TOKEN=TOKEN)
    assert hub_run.returncode == 0, hub_run.stderr
    local = run_cli([*common, "--output", str(tmp_path / "local"), "--from-parquet", str(stack_hub.root)], stack_hub)
    assert local.returncode == 0, local.stderr
    hub_bytes = (tmp_path / "hub" / "python_curated.jsonl").read_bytes()
    assert hub_bytes == (tmp_path / "local" / "python_curated.jsonl").read_bytes()
    assert hub_bytes.count(b"\n") == 6
    reads = [r for r in stack_hub.requests if "/resolve/" in r]
    assert reads == [  # only the python subset's files are read, in order
        "GET /datasets/bigcode/the-stack-v2-dedup/resolve/main/data/Python/train-00000-of-00002.parquet",
        "GET /datasets/bigcode/the-stack-v2-dedup/resolve/main/data/Python/train-00001-of-00002.parquet"]


def test_wrong_token_and_missing_subset_are_one_line(tmp_path, stack_hub, aws_env):
    denied = run_cli(["--language", "python", "--output", str(tmp_path / "o")], stack_hub, HF_TOKEN="hf_wrong")
    assert (denied.returncode, denied.stderr.strip()) == (2, (
        "tritter_data curate: error: bigcode/the-stack-v2-dedup: access denied: accept its terms on "
        "huggingface.co/datasets/bigcode/the-stack-v2-dedup with the account of HF_TOKEN"))
    missing = run_cli(["--language", "go", "--output", str(tmp_path / "o")], stack_hub, HF_TOKEN=TOKEN)
    assert (missing.returncode, missing.stderr.strip()) == (
        2, "tritter_data curate: error: bigcode/the-stack-v2-dedup: no go subset on the hub")


def test_list_subsets_refreshes_from_the_hub(stack_hub):
    listing = run_cli(["--list-subsets"], stack_hub, HF_TOKEN=TOKEN)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    start = lines.index("bigcode/the-stack-v2-dedup  (gated: needs HF_TOKEN; contents in s3://softwareheritage; hub)")
    assert lines[start + 2:start + 5] == ["  javascript   JavaScript   rows unknown",
                                          "  python       Python       17 rows",
                                          "  rust         Rust         rows unknown"]
    # the other datasets are not on this hub: their shipped lists are shown, saying why
    assert any(line.startswith("HuggingFaceTB/stack-edu  (open; contents in s3://softwareheritage; shipped (")
               for line in lines)


def test_stack_edu_layout_from_the_hub(tmp_path, s3_endpoint, aws_env):
    repo = tmp_path / "edu"
    support.write_parquet(repo / "Python" / "train-00000-of-00001.parquet", support.edu_rows(), support.edu_schema())
    support.put_blobs(support.s3_client(s3_endpoint), {support.git_blob_id(support.code("sloppy.py")):
                                                       support.code("sloppy.py")})
    hub = support.FakeHub(repo, "HuggingFaceTB/stack-edu")
    try:
        run = run_cli(["--dataset", "HuggingFaceTB/stack-edu", "--language", "python", "--min-edu-score", "4",
                       "--output", str(tmp_path / "out"), "--s3-endpoint-url", s3_endpoint, "--quiet"], hub)
    finally:
        hub.close()
    assert run.returncode == 0, run.stderr
    sources = [line.split('"source":"')[1].split('"')[0]
               for line in (tmp_path / "out" / "python_curated.jsonl").read_text().splitlines()]
    assert sources == ["psf/requests/structures.py", "lonely/tool/retry.py"]
