"""Object storage: prepare reads from and writes to a real S3 server (moto) on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import sysconfig
from pathlib import Path

import pytest

pytest.importorskip("s3fs")
boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

from tritter_data.cli import main  # noqa: E402
from tritter_data.core.sample import Reject  # noqa: E402
from tritter_data.executors.local import LocalExecutor  # noqa: E402
from tritter_data.sources.local import walk_directory  # noqa: E402
from tritter_data.sources.remote import walk_remote  # noqa: E402
from tritter_data.stages.pipeline import PipelineConfig, build_stages  # noqa: E402

STDLIB = Path(sysconfig.get_paths()["stdlib"])
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with pytest.MonkeyPatch.context() as patch:
        for key, value in CREDENTIALS.items():
            patch.setenv(key, value)
        patch.delenv("AWS_ENDPOINT_URL", raising=False)
        patch.delenv("AWS_PROFILE", raising=False)
        yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, request):
    """A fresh bucket per test; returns (name, boto3 client)."""
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    name = "t-" + request.node.name.replace("_", "-")[:50].lower()
    client.create_bucket(Bucket=name)
    return name, client


def make_corpus(root: Path) -> Path:
    """Real stdlib code in nested packages, a copy, an empty file, and a directory to exclude."""
    shutil.copytree(STDLIB / "json", root / "json", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("textwrap.py", "shlex.py", "bisect.py", "heapq.py"):
        shutil.copy(STDLIB / name, root / name)
    shutil.copy(STDLIB / "heapq.py", root / "json" / "heapq_copy.py")
    (root / "vendor").mkdir()
    shutil.copy(STDLIB / "colorsys.py", root / "vendor" / "colorsys.py")
    (root / "empty.py").write_bytes(b"")
    return root


def upload_tree(client, bucket: str, prefix: str, root: Path) -> None:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        client.put_object(Bucket=bucket, Key=f"{prefix}/{path.relative_to(root).as_posix()}", Body=path.read_bytes())


def download(client, bucket: str, prefix: str) -> dict[str, bytes]:
    listing = client.list_objects_v2(Bucket=bucket, Prefix=prefix + "/").get("Contents", [])
    return {item["Key"][len(prefix) + 1:]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            for item in listing}


def local_run(tmp_path: Path, corpus: Path, *extra: str) -> dict[str, bytes]:
    out = tmp_path / "local-out"
    assert main(["prepare", "--input-dir", str(corpus), "--output-dir", str(out), "--quiet", *extra]) == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_walk_remote_matches_the_local_walk(bucket, tmp_path, s3_endpoint):
    name, client = bucket
    corpus = make_corpus(tmp_path / "in")
    upload_tree(client, name, "code", corpus)
    client.put_object(Bucket=name, Key="code/json/", Body=b"")  # a console-made "folder" marker
    options = (("endpoint_url", s3_endpoint),)
    remote = list(walk_remote(f"s3://{name}/code", ("vendor",), options))
    local = list(walk_directory(corpus, ("vendor",)))
    assert [(s.source, s.size_bytes) for s in remote] == [(s.source, s.size_bytes) for s in local]
    assert remote[0].source == "bisect.py" and remote[0].meta == {"url": f"s3://{name}/code/bisect.py"}
    assert "vendor/colorsys.py" not in {s.source for s in remote}


def test_prepare_s3_to_local_is_byte_identical(bucket, tmp_path, s3_endpoint):
    name, client = bucket
    corpus = make_corpus(tmp_path / "in")
    upload_tree(client, name, "code", corpus)
    expected = local_run(tmp_path, corpus, "--shard-size", "4", "--exclude", "vendor")
    out = tmp_path / "from-s3"
    assert main(["prepare", "--input-dir", f"s3://{name}/code/", "--output-dir", str(out), "--quiet",
                 "--shard-size", "4", "--exclude", "vendor", "--s3-endpoint-url", s3_endpoint]) == 0
    got = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    shards = [k for k in expected if k.startswith("shard_")]
    assert shards == ["shard_00000.jsonl", "shard_00001.jsonl", "shard_00002.jsonl"]
    assert {k: got[k] for k in shards} == {k: expected[k] for k in shards}
    manifest, local_manifest = json.loads(got["manifest.json"]), json.loads(expected["manifest.json"])
    for key in ("input_files", "kept", "positive", "negative", "rejected", "bytes_in", "bytes_out"):
        assert manifest[key] == local_manifest[key], key
    assert (manifest["input_files"], manifest["rejected"]) == (11, {"empty_file": 1, "exact_duplicate": 1})


def test_prepare_s3_to_s3_with_a_pool_and_overwrite(bucket, tmp_path, s3_endpoint, monkeypatch):
    name, client = bucket
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint)  # the environment alone finds the server
    corpus = make_corpus(tmp_path / "in")
    upload_tree(client, name, "code", corpus)
    expected = local_run(tmp_path, corpus, "--shard-size", "3", "--compress", "zstd")
    args = ["prepare", "--input-dir", f"s3://{name}/code", "--output-dir", f"s3://{name}/out", "--quiet",
            "--compress", "zstd", "--workers", "2", "--batch-size", "2"]
    assert main([*args, "--shard-size", "3"]) == 0
    got = download(client, name, "out")
    assert sorted(got) == sorted(expected) and len(got) == 5  # 4 shards + manifest
    assert {k: v for k, v in got.items() if k != "manifest.json"} == \
           {k: v for k, v in expected.items() if k != "manifest.json"}
    assert json.loads(got["manifest.json"])["shards"] == sorted(k for k in got if k.startswith("shard_"))

    assert main([*args, "--shard-size", "100"]) == 2  # no silent mixing of two runs
    assert main([*args, "--shard-size", "100", "--overwrite"]) == 0
    assert sorted(download(client, name, "out")) == ["manifest.json", "shard_00000.jsonl.zst"]


def test_bad_locations_are_one_line_errors(bucket, s3_endpoint, tmp_path, capsys):
    name, client = bucket
    client.put_object(Bucket=name, Key="code/a.py", Body=b"x = 1\n" * 10)
    base = ["prepare", "--quiet", "--s3-endpoint-url", s3_endpoint]
    assert main([*base, "--input-dir", "s3://no-such-bucket/code", "--output-dir", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tritter_data prepare: error: s3://no-such-bucket/code: no such bucket or prefix")
    assert err.count("\n") == 1
    assert main([*base, "--input-dir", f"s3://{name}/nothing-here", "--output-dir", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err == (
        f"tritter_data prepare: error: --input-dir s3://{name}/nothing-here: no objects under this prefix\n")
    assert main([*base, "--input-dir", f"s3://{name}/code", "--output-dir", "s3://no-such-bucket/out"]) == 2
    assert capsys.readouterr().err == "tritter_data prepare: error: --output-dir s3://no-such-bucket/out: no such bucket\n"


def test_dry_run_reads_only_heads_of_unnamed_files(bucket, s3_endpoint, tmp_path, capsys):
    name, client = bucket
    bodies = {"a.py": b"print(1)\n", "b/c.rs": b"fn main() {}\n", "d.txt": b"notes\n", "run": b"#!/bin/sh\necho hi\n"}
    for key, body in bodies.items():
        client.put_object(Bucket=name, Key=f"x/{key}", Body=body)
    assert main(["prepare", "--input-dir", f"s3://{name}/x", "--output-dir", str(tmp_path / "o"), "--dry-run",
                 "--s3-endpoint-url", s3_endpoint]) == 0
    assert capsys.readouterr().out.split("\n")[:5] == [
        "dry run: 4 files, nothing processed or written",
        "  (unknown_language)               1",
        "  python                           1",
        "  rust                             1",
        "  shell                            1",
    ]
    assert not (tmp_path / "o").exists()


def test_object_gone_before_read_is_a_counted_reject(bucket, s3_endpoint):
    name, client = bucket
    for key in ("code/a.py", "code/b.py"):
        client.put_object(Bucket=name, Key=key, Body=b"def f(x):\n    return x + 1\n" * 3)
    options = (("endpoint_url", s3_endpoint),)
    items = list(walk_remote(f"s3://{name}/code", (), options))
    client.delete_object(Bucket=name, Key="code/a.py")
    stages = build_stages(PipelineConfig(storage_options=options))
    results = list(LocalExecutor(1).map(stages, items))
    assert isinstance(results[0], Reject)
    assert (results[0].source, results[0].reason) == ("a.py", "file_not_found")
    assert not isinstance(results[1], Reject) and results[1].text.startswith("def f(x):")


@pytest.mark.ray
def test_prepare_on_ray_reads_and_writes_s3(bucket, tmp_path, s3_endpoint):
    ray = pytest.importorskip("ray")
    name, client = bucket
    corpus = make_corpus(tmp_path / "in")
    upload_tree(client, name, "code", corpus)
    expected = local_run(tmp_path, corpus, "--shard-size", "5")
    # The executor starts its own local instance, whose workers inherit this environment's
    # credentials as on a real cluster; one left by another test module would not have them.
    ray.shutdown()
    assert main(["prepare", "--input-dir", f"s3://{name}/code", "--output-dir", f"s3://{name}/out",
                 "--quiet", "--shard-size", "5", "--executor", "ray", "--workers", "2",
                 "--batch-size", "3", "--s3-endpoint-url", s3_endpoint]) == 0
    assert not ray.is_initialized()  # the instance the executor started is shut down
    got = download(client, name, "out")
    assert sorted(got) == sorted(expected)
    assert {k: v for k, v in got.items() if k != "manifest.json"} == \
           {k: v for k, v in expected.items() if k != "manifest.json"}


def test_prepare_to_s3_with_post_steps_equals_the_local_run(bucket, tmp_path, s3_endpoint, monkeypatch):
    """The defect: ``--output-dir s3://... --near-dedup`` crashed on ``str / str`` after the whole run."""
    name, client = bucket
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint)
    corpus = make_corpus(tmp_path / "in")
    shutil.copy(STDLIB / "textwrap.py", corpus / "json" / "textwrap_near.py")
    with open(corpus / "json" / "textwrap_near.py", "a") as handle:
        handle.write("\n# a local edit\n")  # a near-duplicate, not an exact one
    upload_tree(client, name, "code", corpus)
    post = ["--near-dedup", "--decontaminate", "--benchmarks", "humaneval", "--shard-size", "3"]
    expected = local_run(tmp_path, corpus, *post)
    assert main(["prepare", "--input-dir", f"s3://{name}/code", "--output-dir", f"s3://{name}/out", "--quiet",
                 *post]) == 0
    got = download(client, name, "out")
    assert sorted(got) == sorted(expected)
    assert {k: v for k, v in got.items() if k != "manifest.json"} == \
           {k: v for k, v in expected.items() if k != "manifest.json"}
    manifest = json.loads(got["manifest.json"])
    assert manifest["near_dedup"]["removed"] == 1 and manifest["shards"] == sorted(k for k in got if k != "manifest.json")
