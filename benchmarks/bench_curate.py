"""Curation throughput: metadata filtering (rows/s) and blob fetching (blobs/s) under latency.

1. Metadata: rows of a Stack v2-schema parquet file read with ``iter_parquet_rows`` (the
   baseline) and then also filtered with ``row_to_sample`` (the metadata stage).
2. Fetching: gzip blobs served by moto through a proxy that adds ``--latency`` seconds to
   every GET (it caches moto's answers, so moto's own speed is not what is measured), in a
   separate process; ``BlobFetcher`` with 1 worker (sequential, the baseline) against
   ``--fetch-workers`` workers. The fetch pool should hide latency: >= 8x at 20 ms.

    python benchmarks/bench_curate.py            # full run (~1 min)
    python benchmarks/bench_curate.py --quick    # smaller counts
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import stack_support as support  # noqa: E402
from tritter_data.core.sample import Sample  # noqa: E402
from tritter_data.sources.blobs import BlobFetcher, RetryPolicy, make_s3_client  # noqa: E402
from tritter_data.sources.stack import RowFilter, iter_parquet_rows, resolve_columns, row_to_sample  # noqa: E402

LANGUAGES = ["Python"] * 5 + ["Rust", "JavaScript", "Go", "C++", "Markdown"]
LICENCES = [["MIT"], ["Apache-2.0"], ["BSD-3-Clause"], [], ["MIT", "Apache-2.0"], ["GPL-3.0-only"]]


def metadata_benchmark(rows: int) -> None:
    rng = random.Random(7)
    table = []
    for i in range(rows):
        licenses = rng.choice(LICENCES)
        row = support.v2_row(f"owner{i % 5000}/repo{i % 997}", f"src/pkg/module_{i}.py", None,
                             blob_id=f"{i:040x}", licenses=licenses,
                             license_type="permissive" if licenses and "GPL-3.0-only" not in licenses else "no_license",
                             stars=rng.randint(0, 5000), language=rng.choice(LANGUAGES),
                             length=rng.randint(100, 800_000))
        table.append(row)
    with tempfile.TemporaryDirectory() as tmp:
        path = support.write_parquet(Path(tmp) / "rows.parquet", table, support.v2_schema(), row_group_size=50_000)
        columns = resolve_columns(support.v2_schema().names)
        rule = RowFilter("python", min_stars=100)
        started = time.perf_counter()
        count = sum(1 for _ in iter_parquet_rows(str(path), columns))
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        kept = sum(isinstance(row_to_sample(row, columns, rule, i), Sample)
                   for i, row in enumerate(iter_parquet_rows(str(path), columns)))
        filter_s = time.perf_counter() - started
    print(f"metadata: {count} rows; read only {count / read_s:,.0f} rows/s (baseline); "
          f"read + filter {count / filter_s:,.0f} rows/s = {read_s / filter_s:.2f}x the read-only rate; "
          f"{kept} rows pass ({kept / count:.1%})")


def serve(latency: float, count: int, queue: multiprocessing.Queue) -> None:
    """The S3 side, in its own process: moto + a caching, latency-adding proxy."""
    for name, value in support.AWS_ENV.items():
        os.environ[name] = value
    server, endpoint = support.start_moto()
    client = support.s3_client(endpoint)
    blobs = {}
    base = support.code("structures.py")
    for i in range(count):
        data = base + f"# variant {i}\n".encode()
        blobs[support.git_blob_id(data)] = data
    support.put_blobs(client, blobs)
    proxy = support.S3Proxy(endpoint, delay=0.0, cache=True)
    warm = support.s3_client(proxy.endpoint)
    for blob_id in blobs:
        warm.get_object(Bucket=support.BUCKET, Key=f"content/{blob_id}")["Body"].read()
    proxy.delay = latency
    queue.put((proxy.endpoint, list(blobs)))
    queue.get()  # wait for "stop"
    proxy.close()
    server.stop()


def fetch_rate(endpoint: str, blob_ids: list[str], workers: int) -> float:
    client = make_s3_client(endpoint, max_pool=max(workers, 10))
    fetcher = BlobFetcher(client, workers=workers, policy=RetryPolicy(attempts=3, base_seconds=0.01))
    items = [Sample(source=b, path=f"s3://softwareheritage/content/{b}", meta={"blob_id": b, "src_encoding": "UTF-8"})
             for b in blob_ids]
    started = time.perf_counter()
    out = list(fetcher.map(items))
    elapsed = time.perf_counter() - started
    bad = [o for o in out if not isinstance(o, Sample)]
    if bad:
        raise SystemExit(f"benchmark fetch failed: {bad[0]}")
    return len(out) / elapsed


def fetch_benchmark(latency: float, sequential: int, pooled: int, workers: int, rounds: int) -> None:
    for name, value in support.AWS_ENV.items():
        os.environ[name] = value
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=serve, args=(latency, pooled, queue), daemon=True)
    process.start()
    endpoint, blob_ids = queue.get(timeout=120)
    bases, pools = [], []
    try:
        for _ in range(rounds):  # interleaved, best of each: the machine is shared and noisy
            bases.append(fetch_rate(endpoint, blob_ids[:sequential], 1))
            pools.append(fetch_rate(endpoint, blob_ids, workers))
    finally:
        queue.put("stop")
        process.join(timeout=30)
    base, pooled_rate = max(bases), max(pools)
    print(f"fetch at {latency * 1000:.0f} ms latency (best of {rounds}): sequential {base:,.1f} blobs/s "
          f"(baseline, {sequential} blobs); {workers} fetch workers {pooled_rate:,.1f} blobs/s ({pooled} blobs) "
          f"= {pooled_rate / base:.1f}x")
    print("  rounds: sequential " + ", ".join(f"{r:.1f}" for r in bases)
          + "; pooled " + ", ".join(f"{r:.1f}" for r in pools))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--latency", type=float, default=0.020, help="seconds added to every GET (default 0.020)")
    parser.add_argument("--fetch-workers", type=int, default=32)
    args = parser.parse_args()
    metadata_benchmark(20_000 if args.quick else 200_000)
    fetch_benchmark(args.latency, 40 if args.quick else 100, 200 if args.quick else 800, args.fetch_workers,
                    1 if args.quick else 5)


if __name__ == "__main__":
    main()
