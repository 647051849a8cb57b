"""``curate`` end to end: parquet fixtures in the real schemas, blobs in a real S3 server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import stack_support as support
from tritter_data.cli import main

pytest.importorskip("pyarrow")
pytest.importorskip("boto3")
ROOT = Path(__file__).resolve().parents[2]
REPOS = ROOT / "data" / "curated_repos.json"
FAST = ["--fetch-backoff", "0.001", "--fetch-attempts", "3"]

PYTHON_KEPT = [
    ("psf/requests/src/requests/structures.py", "Apache-2.0", 52000, None),
    ("pallets/click/src/click/_textwrap.py", "BSD-3-Clause", 16000, None),
    ("lonely/tool/retry.py", "MIT", 3, None),
    ("cafe/thermo/cafe.py", "MIT", 1000, None),
    ("win/ini/parse.py", "MIT", 1000, None),
    ("sloppy/code/util.py", "MIT", 1000, "negative"),
]
PYTHON_REJECTED = {
    "auto_generated": 1, "bad_row": 1, "blob_corrupt": 1, "blob_missing": 1, "decode_error": 1,
    "exact_duplicate": 1, "license_not_permissive": 2, "too_few_lines": 1, "too_large": 1, "unknown_encoding": 1,
}


@pytest.fixture(scope="module")
def mirror(tmp_path_factory) -> Path:
    return support.write_stack_v2(tmp_path_factory.mktemp("mirror"))


def curate(out: Path, mirror: Path, endpoint: str, *extra: str) -> int:
    return main(["curate", "--from-parquet", str(mirror), "--output", str(out), "--s3-endpoint-url", endpoint,
                 "--part-size", "4", *FAST, *extra])


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary(path: Path) -> list[tuple]:
    return [(r["source"], r.get("license"), r.get("stars"), r.get("quality_label")) for r in records(path)]


def manifest(out: Path, language: str = "python") -> dict:
    return json.loads((out / f"{language}_manifest.json").read_text())


def test_python_from_stack_v2_rows_and_s3_blobs(tmp_path, mirror, s3_endpoint, aws_env, capsys):
    out = tmp_path / "curated"
    assert curate(out, mirror, s3_endpoint, "--language", "python") == 0
    assert summary(out / "python_curated.jsonl") == PYTHON_KEPT
    texts = {r["source"]: r["text"] for r in records(out / "python_curated.jsonl")}
    assert texts["cafe/thermo/cafe.py"] == support.code("latin1_cafe.py").decode("utf-8")
    assert texts["win/ini/parse.py"] == support.code("windows_lines.py").decode()
    assert "\r" not in texts["win/ini/parse.py"]
    first = records(out / "python_curated.jsonl")[-1]
    assert list(first) == ["text", "language", "quality_score", "quality_label", "explanation", "source",
                           "license", "stars"]
    found = manifest(out)
    assert (found["rows_read"], found["kept"], found["rejected"]) == (17, 6, PYTHON_REJECTED)
    assert found["kept"] + found["rejected_total"] == found["rows_read"]
    assert {k: v for k, v in found["fetch"].items() if k != "bytes_compressed"} == {
        "fetched": 12, "retries": 0, "failed": 1}
    assert (found["parts"], found["stopped"], found["resumed_parts"]) == (5, "end_of_input", 0)
    assert found["reject_examples"]["blob_missing"][0]["source"] == "gone/missing/lost.py"
    assert sorted(os.listdir(out)) == ["python_curated.jsonl", "python_manifest.json"]
    printed = capsys.readouterr().out
    assert "python: rows read 17, kept 6 (positive 5, negative 1), rejected 11" in printed


def test_max_samples_counts_kept_samples_and_stops_reading(tmp_path, mirror, s3_endpoint, aws_env):
    out = tmp_path / "curated"
    assert curate(out, mirror, s3_endpoint, "--language", "python", "--max-samples", "4", "--quiet") == 0
    assert summary(out / "python_curated.jsonl") == PYTHON_KEPT[:4]
    found = manifest(out)
    assert (found["rows_read"], found["kept"], found["stopped"]) == (5, 4, "max_samples")
    assert found["rejected"] == {"license_not_permissive": 1}


def test_min_stars_and_repo_list(tmp_path, mirror, s3_endpoint, aws_env):
    out = tmp_path / "stars"
    assert curate(out, mirror, s3_endpoint, "--language", "python", "--min-stars", "500", "--quiet") == 0
    assert [s for s, *_ in summary(out / "python_curated.jsonl")] == [
        "psf/requests/src/requests/structures.py", "pallets/click/src/click/_textwrap.py", "cafe/thermo/cafe.py",
        "win/ini/parse.py", "sloppy/code/util.py"]
    assert manifest(out)["rejected"]["below_min_stars"] == 2  # lonely/tool (3) and fork/requests (2)
    out = tmp_path / "repos"
    assert curate(out, mirror, s3_endpoint, "--language", "python", "--repos", str(REPOS), "--quiet") == 0
    assert summary(out / "python_curated.jsonl") == PYTHON_KEPT[:2]
    assert manifest(out)["rejected"] == {"bad_row": 1, "repo_not_listed": 14}


def test_several_languages_one_file_each(tmp_path, mirror, s3_endpoint, aws_env):
    out = tmp_path / "curated"
    assert curate(out, mirror, s3_endpoint, "--language", "rust", "javascript", "--quiet") == 0
    assert summary(out / "rust_curated.jsonl") == [
        ("tokio-rs/tokio/tokio/src/util/ring.rs", "MIT", 28000, None),
        ("serde-rs/serde/serde/src/version.rs", "MIT AND Apache-2.0", 9500, None)]
    assert summary(out / "javascript_curated.jsonl") == [
        ("lodash/lodash/debounce.js", "MIT", 60000, None),
        ("expressjs/express/lib/router.js", "MIT", 66000, None)]
    assert manifest(out, "rust")["rows_read"] == 2


def test_flat_mirror_counts_other_languages(tmp_path, s3_endpoint, aws_env):
    files, _, _ = support.stack_v2_fixture()
    rows = [row for chunk in files.values() for row in chunk]
    support.write_parquet(tmp_path / "flat" / "all.parquet", rows, support.v2_schema())
    out = tmp_path / "out"
    assert curate(out, tmp_path / "flat", s3_endpoint, "--language", "python", "--quiet") == 0
    found = manifest(out)
    assert (found["rows_read"], found["kept"], found["rejected"]["language_excluded"]) == (21, 6, 4)


def test_workers_give_byte_identical_output(tmp_path, mirror, s3_endpoint, aws_env):
    assert curate(tmp_path / "one", mirror, s3_endpoint, "--language", "python", "--quiet") == 0
    assert curate(tmp_path / "two", mirror, s3_endpoint, "--language", "python", "--quiet", "--workers", "2",
                  "--fetch-workers", "3", "--part-size", "7") == 0
    assert curate(tmp_path / "three", mirror, s3_endpoint, "--language", "python", "--quiet", "--workers", "2",
                  "--fetch-workers", "3") == 0
    one = (tmp_path / "one" / "python_curated.jsonl").read_bytes()
    assert (tmp_path / "two" / "python_curated.jsonl").read_bytes() == one
    assert (tmp_path / "three" / "python_curated.jsonl").read_bytes() == one


def test_throttling_is_retried_and_a_dead_blob_is_fetch_failed(tmp_path, mirror, s3_endpoint, aws_env):
    proxy = support.S3Proxy(s3_endpoint)
    requests_id = support.git_blob_id(support.code("structures.py"))
    click_id = support.git_blob_id(support.code("textwrap_utils.py"))
    proxy.throttle[f"content/{requests_id}"] = 2
    proxy.fail_always.add(f"content/{click_id}")
    try:
        out = tmp_path / "curated"
        assert main(["curate", "--from-parquet", str(mirror), "--output", str(out), "--language", "python",
                     "--s3-endpoint-url", proxy.endpoint, *FAST, "--quiet"]) == 0
    finally:
        proxy.close()
    found = manifest(out)
    assert [s for s, *_ in summary(out / "python_curated.jsonl")] == [
        "psf/requests/src/requests/structures.py", "lonely/tool/retry.py", "cafe/thermo/cafe.py",
        "win/ini/parse.py", "sloppy/code/util.py"]
    assert found["rejected"]["fetch_failed"] == 1
    assert found["reject_examples"]["fetch_failed"] == [
        {"source": "pallets/click/src/click/_textwrap.py", "detail": f"blob {click_id}: SlowDown after 3 attempts"}]
    # Two 503s for requests' blob (rows 0 and 9 share it) cost two retries whichever fetch meets them;
    # click's blob costs 2 retries and fails; the missing blob fails without a retry.
    assert (found["fetch"]["retries"], found["fetch"]["failed"]) == (2 + 2, 2)


def test_stack_edu_scores_and_stars_joined_from_repo_list(tmp_path, s3_endpoint, aws_env):
    support.put_blobs(support.s3_client(s3_endpoint), {support.git_blob_id(support.code("sloppy.py")):
                                                       support.code("sloppy.py")})
    edu = tmp_path / "edu"
    support.write_parquet(edu / "Python" / "train-00000-of-00001.parquet", support.edu_rows(), support.edu_schema())
    common = ["curate", "--dataset", "HuggingFaceTB/stack-edu", "--from-parquet", str(edu), "--language", "python",
              "--s3-endpoint-url", s3_endpoint, *FAST, "--quiet"]
    assert main([*common, "--output", str(tmp_path / "a"), "--min-edu-score", "3"]) == 0
    assert summary(tmp_path / "a" / "python_curated.jsonl") == [
        ("psf/requests/structures.py", "MIT", None, None), ("pallets/click/textwrap_utils.py", "MIT", None, None),
        ("lonely/tool/retry.py", "MIT", None, None), ("win/ini/windows_lines.py", "MIT", None, None)]
    assert manifest(tmp_path / "a")["rejected"] == {"below_min_edu_score": 1}
    assert main([*common, "--output", str(tmp_path / "b"), "--min-stars", "20000", "--repos", str(REPOS)]) == 0
    assert summary(tmp_path / "b" / "python_curated.jsonl") == [("psf/requests/structures.py", "MIT", 52000, None)]
    assert manifest(tmp_path / "b")["rejected"] == {"below_min_stars": 1, "repo_not_listed": 3}


def test_inline_content_needs_no_s3(tmp_path, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    v1 = tmp_path / "v1"
    support.write_parquet(v1 / "data" / "python" / "data-00000.parquet", support.v1_rows(), support.v1_schema())
    out = tmp_path / "out"
    assert main(["curate", "--from-parquet", str(v1), "--content-column", "content", "--language", "python",
                 "--output", str(out), "--quiet"]) == 0
    assert summary(out / "python_curated.jsonl") == [
        ("psf/requests/structures.py", "Apache-2.0", 52000, None),
        ("pallets/click/textwrap_utils.py", "BSD-3-Clause", None, None)]
    assert manifest(out)["rejected"] == {"exact_duplicate": 1, "license_not_permissive": 1}


def test_default_output_is_data_curated(tmp_path, mirror, s3_endpoint, aws_env, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["curate", "--from-parquet", str(mirror), "--language", "rust", "--s3-endpoint-url", s3_endpoint,
                 "--quiet"]) == 0
    assert (tmp_path / "data" / "curated" / "rust_curated.jsonl").exists()


def test_rerun_is_idempotent_and_other_options_need_overwrite(tmp_path, mirror, s3_endpoint, aws_env, capsys):
    out = tmp_path / "out"
    assert curate(out, mirror, s3_endpoint, "--language", "rust", "--quiet") == 0
    before = (out / "rust_curated.jsonl").read_bytes()
    assert curate(out, mirror, s3_endpoint, "--language", "rust") == 0
    assert "rust: already complete in" in capsys.readouterr().out
    assert curate(out, mirror, s3_endpoint, "--language", "rust", "--min-stars", "10000", "--quiet") == 2
    assert capsys.readouterr().err.strip() == (
        f"tritter_data curate: error: --output {out}: rust_curated.jsonl is from a run with other options; "
        "pass --overwrite")
    assert curate(out, mirror, s3_endpoint, "--language", "rust", "--min-stars", "10000", "--overwrite",
                  "--quiet") == 0
    assert summary(out / "rust_curated.jsonl") == [("tokio-rs/tokio/tokio/src/util/ring.rs", "MIT", 28000, None)]
    assert before != (out / "rust_curated.jsonl").read_bytes()


@pytest.mark.parametrize(("args", "message"), [
    (["--language", "cobol"], "--language: unknown language 'cobol'; choose from python,"),
    (["--language", "python", "--max-samples", "0"], "--max-samples must be a positive integer, got 0"),
    (["--language", "python", "--min-edu-score", "3"],
     "--min-edu-score needs an educational score; bigcode/the-stack-v2-dedup has none (try HuggingFaceTB/stack-edu)"),
    (["--language", "python", "--dataset", "HuggingFaceTB/stack-edu", "--min-stars", "10"],
     "--min-stars: HuggingFaceTB/stack-edu has no stars column; pass --repos FILE to join stars from a repository list"),
    (["--language", "kotlin", "--dataset", "HuggingFaceTB/stack-edu"],
     "--language kotlin: not in HuggingFaceTB/stack-edu; see --list-subsets"),
    (["--language", "python", "--dataset", "nobody/nothing"], "--dataset 'nobody/nothing': not a supported dataset"),
    ([], "--language is required (or pass --list-subsets)"),
])
def test_usage_errors_are_one_line_exit_2(args, message, capsys, tmp_path):
    assert main(["curate", "--output", str(tmp_path / "o"), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith(f"tritter_data curate: error: {message}")


def test_gated_dataset_without_token_and_missing_aws_credentials(tmp_path, mirror, monkeypatch, capsys):
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setenv("HF_TOKEN_PATH", str(tmp_path / "token"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    # --skip-space-check: a whole Stack v2 language is ~70 GB by the card's table, not this test's subject
    assert main(["curate", "--language", "python", "--output", str(tmp_path / "o"), "--content-column", "c",
                 "--skip-space-check"]) == 2
    assert "bigcode/the-stack-v2-dedup is gated: accept its terms" in capsys.readouterr().err
    assert main(["curate", "--language", "python", "--from-parquet", str(mirror), "--output", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.startswith(
        "tritter_data curate: error: no AWS credentials for the softwareheritage bucket: set AWS_ACCESS_KEY_ID")


def test_list_subsets_offline(capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["curate", "--list-subsets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("bigcode/the-stack-v2-dedup  (gated: needs HF_TOKEN; contents in s3://softwareheritage; "
                        "shipped (HF_HUB_OFFLINE))")
    assert "  c            C            5,848,375 rows" in lines
    assert "  python       Python       rows unknown" in lines
    assert sum(1 for line in lines if not line.startswith(" ")) == 4


def _run_script(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "scripts" / "curate_datasets.py"), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_run_resumes_to_the_same_bytes(tmp_path, mirror, s3_endpoint, aws_env):
    """Kill the real script (SIGKILL) after two parts are committed; the rerun finishes the rest."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    common = ["--from-parquet", str(mirror), "--language", "python", "--part-size", "3", *FAST, "--quiet",
              "--fetch-workers", "1"]
    assert main(["curate", *common, "--output", str(tmp_path / "whole"), "--s3-endpoint-url", s3_endpoint]) == 0
    proxy = support.S3Proxy(s3_endpoint, delay=0.15)
    out = tmp_path / "resumed"
    try:
        first = _run_script([*common, "--output", str(out), "--s3-endpoint-url", proxy.endpoint], env)
        parts = out / ".parts" / "python"
        deadline = time.monotonic() + 60
        while not (parts / "part_00001.done.json").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        first.kill()
        first.wait(timeout=30)
        done = sorted(p.name for p in parts.glob("*.done.json"))
        assert first.returncode == -9 and 2 <= len(done) < 6, done
        assert not (out / "python_curated.jsonl").exists()
    finally:
        proxy.close()
    second = _run_script([*common, "--output", str(out), "--s3-endpoint-url", s3_endpoint], env)
    _stdout, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr.decode()
    assert (out / "python_curated.jsonl").read_bytes() == (tmp_path / "whole" / "python_curated.jsonl").read_bytes()
    resumed, whole = manifest(out), manifest(tmp_path / "whole")
    assert resumed["resumed_parts"] == len(done)
    timing = {"elapsed_seconds", "resumed_parts", "fetch"}  # fetch: the proxy's retries differ
    assert set(resumed) == set(whole)
    for key in sorted(set(whole) - timing):  # every other field, histograms and bytes included
        assert resumed[key] == whole[key], key
    assert not (out / ".parts").exists()


def test_unfinished_or_foreign_output_needs_overwrite(tmp_path, mirror, s3_endpoint, aws_env, capsys):
    out = tmp_path / "out"
    (out / ".parts" / "rust").mkdir(parents=True)
    (out / ".parts" / "rust" / "run.json").write_text('{"fingerprint": "someotherrun"}')
    assert curate(out, mirror, s3_endpoint, "--language", "rust", "--quiet") == 2
    assert capsys.readouterr().err.strip().endswith(
        f"--output {out}: unfinished rust run with other options; pass --overwrite")
    assert curate(out, mirror, s3_endpoint, "--language", "rust", "--quiet", "--overwrite") == 0
    (out / "javascript_curated.jsonl").write_text("{}\n")
    assert curate(out, mirror, s3_endpoint, "--language", "javascript", "--quiet") == 2
    assert capsys.readouterr().err.strip().endswith(
        f"--output {out}: javascript_curated.jsonl exists without a manifest; pass --overwrite")
    assert sorted(p.name for p in out.iterdir()) == ["javascript_curated.jsonl", "rust_curated.jsonl",
                                                    "rust_manifest.json"]


def test_curate_with_near_dedup_and_decontamination_equals_the_separate_commands(tmp_path, mirror, s3_endpoint,
                                                                                 aws_env):
    """One corpus-step contract: curate's steps give what ``dedup`` then ``decontaminate`` give."""
    plain = tmp_path / "plain"
    assert curate(plain, mirror, s3_endpoint, "--language", "python", "--quiet") == 0
    leaked = records(plain / "python_curated.jsonl")[1]["text"]  # a benchmark problem that leaked in
    bench = tmp_path / "bench.jsonl"
    bench.write_text(json.dumps({"task_id": "leak/0", "prompt": leaked[: len(leaked) // 2],
                                 "canonical_solution": leaked[len(leaked) // 2:]}) + "\n")
    assert main(["dedup", "--input-dir", str(plain / "python_curated.jsonl"), "--output-dir", str(tmp_path / "d"),
                 "--quiet"]) == 0
    assert main(["decontaminate", "--input-dir", str(tmp_path / "d"), "--output-dir", str(tmp_path / "c"),
                 "--benchmark-file", str(bench), "--quiet"]) == 0
    separate = b"".join(p.read_bytes() for p in sorted((tmp_path / "c").glob("shard_*")))

    out = tmp_path / "stepped"
    steps = ["--near-dedup", "--decontaminate", "--benchmark-file", str(bench)]
    assert curate(out, mirror, s3_endpoint, "--language", "python", "--quiet", *steps) == 0
    assert (out / "python_curated.jsonl").read_bytes() == separate
    found = manifest(out)
    assert found["decontaminate"]["removed"] == 1 and found["near_dedup"]["input_records"] == 6
    assert found["kept"] == len(records(out / "python_curated.jsonl")) == 5
    assert found["rejected"]["benchmark_contamination"] == 1
    assert found["kept"] + found["rejected_total"] == found["rows_read"]
    assert sorted(os.listdir(out)) == ["python_curated.jsonl", "python_manifest.json"]
    before = (out / "python_curated.jsonl").read_bytes()
    assert curate(out, mirror, s3_endpoint, "--language", "python", "--quiet", *steps) == 0  # already done
    assert (out / "python_curated.jsonl").read_bytes() == before and manifest(out) == found


def test_a_second_run_into_the_same_output_fails_in_one_line(tmp_path, mirror, s3_endpoint, aws_env, capsys):
    from tritter_data.io.lock import OutputLock

    out = tmp_path / "curated"
    with OutputLock(out):  # a first run is under way
        assert curate(out, mirror, s3_endpoint, "--language", "python", "--quiet") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tritter_data curate: error: --output-dir {out}: locked by another run (pid ")
    assert err.count("\n") == 1 and not (out / "python_curated.jsonl").exists()
