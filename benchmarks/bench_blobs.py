"""Which S3 client fetches many small blobs best: boto3 in a thread pool, or s3fs on its event loop.

Issue 14 asks for one S3 stack. The Stack v2 curation fetches millions of gzip blobs of a few KB,
so what decides is the cost per small GET. The server (moto behind a caching proxy, so moto's own
speed is not measured; ``--latency`` seconds added to every GET) runs in a separate process,
so the client's CPU seconds are its own. Three clients fetch the same blobs, interleaved,
``--concurrency`` requests in flight:

- ``boto3 threads``: a boto3 client in a ``ThreadPoolExecutor`` (the old ``sources/blobs.py``),
  the baseline;
- ``s3fs cat``: ``S3FileSystem.cat(paths, batch_size=N)``, s3fs's own bulk read;
- ``s3fs client``: ``get_object`` on s3fs's aiobotocore client under an ``asyncio.Semaphore``
  (what ``io/s3.py`` does: the error code stays visible for the reject reasons);
- ``BlobFetcher``: the shipped ``sources/blobs.py`` path: the ``s3fs client`` GETs spread over
  four event loops (one loop thread gets one thread's CPU share on a busy machine), plus gunzip
  and decode in input order (its CPU includes decoding; the others only fetch).

    python benchmarks/bench_blobs.py                     # 2,000 blobs, 0 and 20 ms latency
    python benchmarks/bench_blobs.py --blobs 400 --rounds 1
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import multiprocessing
import os
import random
import statistics
import sys
import sysconfig
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import stack_support as support  # noqa: E402

BUCKET = support.BUCKET


def make_blobs(count: int, seed: int = 7) -> dict[str, bytes]:
    """``count`` slices of the standard library's source, gzip-compressed to 2-20 KB each."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    text = b"".join(p.read_bytes() for p in sorted(stdlib.glob("*.py"))[:200])
    rng = random.Random(seed)
    blobs = {}
    for i in range(count):
        raw_size = rng.randint(8_000, 80_000)  # code gzips ~4x: 2-20 KB on the wire
        start = rng.randrange(0, len(text) - raw_size)
        data = text[start:start + raw_size] + f"\n# blob {i}\n".encode()
        blobs[support.git_blob_id(data)] = gzip.compress(data, mtime=0)
    return blobs


def serve(count: int, queue: multiprocessing.Queue, replies: multiprocessing.Queue) -> None:
    """The S3 side, in its own process: moto + a caching proxy (warmed) that adds latency."""
    os.environ.update(support.AWS_ENV)
    server, endpoint = support.start_moto()
    client = support.s3_client(endpoint)
    client.create_bucket(Bucket=BUCKET)
    blobs = make_blobs(count)
    for blob_id, body in blobs.items():
        client.put_object(Bucket=BUCKET, Key=f"content/{blob_id}", Body=body)
    proxy = support.S3Proxy(endpoint, cache=True)
    warm = support.s3_client(proxy.endpoint)
    for blob_id in blobs:
        warm.get_object(Bucket=BUCKET, Key=f"content/{blob_id}")["Body"].read()
    replies.put((proxy.endpoint, list(blobs), sum(len(b) for b in blobs.values())))
    while True:
        command = queue.get()
        if command == "stop":
            break
        proxy.delay = command
        replies.put("ok")
    proxy.close()
    server.stop()


Fetch = Callable[[list[str]], int]


def boto3_threads(endpoint: str, concurrency: int) -> Fetch:
    import boto3
    from botocore.config import Config

    config = Config(retries={"total_max_attempts": 1}, max_pool_connections=concurrency,
                    parameter_validation=False, request_checksum_calculation="when_required",
                    response_checksum_validation="when_required")
    client = boto3.session.Session().client("s3", endpoint_url=endpoint, region_name="us-east-1", config=config)

    def one(key: str) -> int:
        return len(client.get_object(Bucket=BUCKET, Key=key)["Body"].read())

    def fetch(keys: list[str]) -> int:
        with ThreadPoolExecutor(concurrency) as pool:
            return sum(pool.map(one, keys))

    return fetch


def _s3fs(endpoint: str, concurrency: int):  # type: ignore[no-untyped-def]
    import s3fs

    # max_concurrency=1: otherwise cat_file sends a HEAD before each GET (to split large objects).
    fs = s3fs.S3FileSystem(
        endpoint_url=endpoint, skip_instance_cache=True, max_concurrency=1,
        config_kwargs={"retries": {"total_max_attempts": 1}, "max_pool_connections": concurrency,
                       "request_checksum_calculation": "when_required",
                       "response_checksum_validation": "when_required"})
    fs.retries = 1
    return fs


def s3fs_cat(endpoint: str, concurrency: int) -> Fetch:
    fs = _s3fs(endpoint, concurrency)

    def fetch(keys: list[str]) -> int:
        out = fs.cat([f"{BUCKET}/{key}" for key in keys], batch_size=concurrency)
        return sum(len(body) for body in out.values())

    return fetch


def s3fs_client(endpoint: str, concurrency: int) -> Fetch:
    from fsspec.asyn import sync

    fs = _s3fs(endpoint, concurrency)
    client = sync(fs.loop, fs.set_session)

    async def fetch_all(keys: list[str]) -> int:
        gate = asyncio.Semaphore(concurrency)

        async def one(key: str) -> int:
            async with gate:
                response = await client.get_object(Bucket=BUCKET, Key=key)
                async with response["Body"] as body:
                    return len(await body.read())

        return sum(await asyncio.gather(*(one(key) for key in keys)))

    return lambda keys: sync(fs.loop, fetch_all, keys)


def blob_fetcher(endpoint: str, concurrency: int) -> Fetch:
    """The shipped path: ``BlobFetcher.map`` (the ``s3fs client`` GETs, plus gunzip and decode)."""
    from tritter_data.core.sample import Sample
    from tritter_data.sources.blobs import BlobFetcher, RetryPolicy, make_s3_client

    client = make_s3_client(endpoint, max_pool=concurrency)

    def fetch(keys: list[str]) -> int:
        fetcher = BlobFetcher(client, workers=concurrency, policy=RetryPolicy(attempts=1))
        blob_ids = [key.split("/", 1)[1] for key in keys]
        items = [Sample(source=b, path=f"s3://{BUCKET}/content/{b}", meta={"blob_id": b}) for b in blob_ids]
        for _ in fetcher.map(items):
            pass
        return fetcher.counters.bytes_compressed

    fetch.close = client.close  # type: ignore[attr-defined]
    return fetch


CLIENTS: dict[str, Callable[[str, int], Fetch]] = {
    "boto3 threads": boto3_threads, "s3fs cat": s3fs_cat, "s3fs client": s3fs_client,
    "BlobFetcher": blob_fetcher}


def measure(make: Callable[[str, int], Fetch], endpoint: str, keys: list[str], concurrency: int,
            expected: int) -> tuple[float, float]:
    """(blobs per second, client CPU milliseconds per blob); the client is made and warmed first."""
    fetch = make(endpoint, concurrency)
    fetch(keys[:concurrency])
    wall, cpu = time.perf_counter(), time.process_time()
    size = fetch(keys)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    getattr(fetch, "close", lambda: None)()
    if size != expected:
        raise SystemExit(f"{make.__name__}: read {size} bytes, expected {expected}")
    return len(keys) / wall, 1000 * cpu / len(keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--blobs", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, nargs="+", default=[0.0, 0.020], metavar="SECONDS")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; the median of each is reported")
    args = parser.parse_args()
    os.environ.update(support.AWS_ENV)
    context = multiprocessing.get_context("spawn")
    queue, replies = context.Queue(), context.Queue()
    process = context.Process(target=serve, args=(args.blobs, queue, replies), daemon=True)
    process.start()
    endpoint, blob_ids, total = replies.get(timeout=600)
    keys = [f"content/{blob_id}" for blob_id in blob_ids]
    print(f"{len(keys)} gzip blobs, {total / len(keys) / 1024:.1f} KB mean, {args.concurrency} in flight")
    try:
        for latency in args.latency:
            queue.put(latency)
            assert replies.get(timeout=30) == "ok"
            results: dict[str, list[tuple[float, float]]] = {name: [] for name in CLIENTS}
            for _ in range(args.rounds):
                for name, fn in CLIENTS.items():
                    results[name].append(measure(fn, endpoint, keys, args.concurrency, total))
            base_rate = statistics.median(r for r, _ in results["boto3 threads"])
            base_cpu = statistics.median(c for _, c in results["boto3 threads"])
            print(f"latency {latency * 1000:.0f} ms (median of {args.rounds}):")
            for name, runs in results.items():
                rate, cpu = statistics.median(r for r, _ in runs), statistics.median(c for _, c in runs)
                print(f"  {name:14s} {rate:8,.0f} blobs/s = {rate / base_rate:.2f}x   "
                      f"client CPU {cpu:.2f} ms/blob = {cpu / base_cpu:.2f}x   "
                      f"(rounds: {', '.join(f'{r:,.0f}' for r, _ in runs)})")
    finally:
        queue.put("stop")
        process.join(timeout=30)


if __name__ == "__main__":
    main()
