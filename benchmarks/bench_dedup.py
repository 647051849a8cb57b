"""Near-dup removal and decontamination: throughput, peak memory and accuracy against datasketch.

    PYTHONPATH=src python benchmarks/bench_dedup.py [--mb 30] [--source DIR] [--workers 2]

1. Corpus: real Python files (default: this interpreter's site-packages, sorted, 0.5-200 KB, up to
   ``--mb`` MB) written as prepare-style shards, plus planted near-duplicates: for 15% of the files a
   variant whose lines are partly replaced by lines of other files (fraction 0-60%) or reformatted
   (same tokens, other layout), so the planted pairs cover Jaccard 0.2-1.0. Every pair's exact Jaccard
   is computed with the shared shingles (5-token n-grams).
2. Each contender runs in its own subprocess (fair peak RSS: ``ru_maxrss`` of that process and its
   workers), end to end from shards to shards:
   - ``tritter``: ``python -m tritter_data dedup`` (1 worker, then ``--workers``);
   - ``datasketch``: same reading, same shingles, ``MinHash(num_perm=256).update_batch`` with its
     default SHA-1 of each shingle's 8 bytes (``sha1``) or, more generously, with our shingle hashes'
     top 32 bits as its hash values (``identity``, no SHA-1), +
     ``MinHashLSH(threshold=0.8, num_perm=256)`` (same bands and rows), insert then query every
     document, union-find, keep the first of each cluster, write shards.
3. Accuracy on planted pairs: recall = share of pairs with Jaccard >= 0.9 where one of the two was
   removed; kept-low = share of pairs with Jaccard < 0.6 where both were kept.
4. Decontamination (HumanEval, 1 worker) against a plain copy of the shards (same read and write).

Seconds are wall time of the child process (start-up and imports included); on a shared machine
``MB/cpu-s`` (text MB per CPU second of the child and its workers) is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def build_corpus(source: Path, megabytes: float, out: Path, seed: int = 7) -> list[tuple[str, str, float]]:
    from tritter_data.dedup.shingles import jaccard, shingle_hashes
    from tritter_data.io.writers import ShardWriter

    texts: list[tuple[str, str]] = []
    total = 0
    for path in sorted(source.rglob("*.py")):
        try:
            size = path.stat().st_size
            if not 500 <= size <= 200_000:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append((str(path.relative_to(source)), text))
        total += len(text.encode())
        if total >= megabytes * 1e6:
            break
    rng = random.Random(seed)
    pool = [line for _, text in texts[:200] for line in text.splitlines() if line.strip()]
    planted: list[tuple[str, str, str]] = []
    for index in rng.sample(range(len(texts)), k=len(texts) * 15 // 100):
        name, text = texts[index]
        lines = text.splitlines()
        if rng.random() < 0.2:
            variant = text.replace("    ", "  ").replace(", ", ",")
        else:
            fraction = rng.uniform(0.0, 0.6)
            for i in rng.sample(range(len(lines)), k=int(len(lines) * fraction)):
                lines[i] = rng.choice(pool)
            variant = "\n".join(lines) + "\n"
        planted.append((name, f"planted/{index:06d}/{name}", variant))
    records = [(name, text) for name, text in texts] + [(new, variant) for _, new, variant in planted]
    with ShardWriter(out, 1000) as writer:
        for name, text in records:
            writer.write({"text": text, "language": "python", "quality_score": 0.5, "source": name})
    (out / "manifest.json").write_text(json.dumps({"options": {"shard_size": 1000, "compress": "none"}}))
    by_name = dict(texts)
    return [(base, new, jaccard(shingle_hashes(by_name[base]), shingle_hashes(variant)))
            for base, new, variant in planted]


# --- children: one contender each, in its own process ------------------------------------------
def peak_rss_mb() -> dict[str, float]:
    """Peak RSS of this process and of its largest worker, and CPU seconds of both.

    Our own peak is ``VmHWM`` (per address space, so it starts afresh at exec): Linux's
    ``ru_maxrss`` survives exec and would charge every child with the parent's corpus.
    """
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0]) if "VmHWM:" in status else own.ru_maxrss
    return {"peak_rss_mb": round(peak_kb / 1024, 1), "worker_peak_rss_mb": round(workers.ru_maxrss / 1024, 1),
            "cpu_seconds": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime}


def child_tritter(args: list[str]) -> dict[str, Any]:
    from tritter_data.cli import main

    started, cpu = time.perf_counter(), time.process_time()
    code = main(args)
    return {"code": code, "seconds": time.perf_counter() - started, **peak_rss_mb(),
            "cpu_in_run": time.process_time() - cpu}


def child_datasketch(input_dir: str, output_dir: str, hashing: str) -> dict[str, Any]:
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from tritter_data.dedup.shingles import ngram_hashes, token_hashes
    from tritter_data.dedup.union_find import UnionFind
    from tritter_data.io.shard_set import open_input, read_records
    from tritter_data.io.writers import ShardWriter

    started = time.perf_counter()
    shards = open_input(Path(input_dir))
    lsh = MinHashLSH(threshold=0.8, num_perm=256)
    signatures = []
    for doc, record in read_records(shards):
        grams = ngram_hashes(token_hashes(record["text"].encode()), 5)
        if hashing == "sha1":  # datasketch's default: SHA-1 of each shingle's bytes
            minhash = MinHash(num_perm=256)
            raw = grams.tobytes()
            minhash.update_batch([raw[i : i + 8] for i in range(0, len(raw), 8)])
        else:  # generous: our shingle hashes as its hash values, no SHA-1
            minhash = MinHash(num_perm=256, hashfunc=lambda value: value)
            minhash.update_batch((grams >> np.uint64(32)).tolist())
        lsh.insert(doc, minhash)
        signatures.append(minhash)
    union = UnionFind(len(signatures))
    for doc, minhash in enumerate(signatures):
        for other in lsh.query(minhash):
            union.union(doc, other)
    roots = union.roots()
    with ShardWriter(Path(output_dir), shards.shard_size) as writer:
        for doc, record in read_records(shards):
            if roots[doc] == doc:
                writer.write(record)
    return {"code": 0, "seconds": time.perf_counter() - started, **peak_rss_mb()}


def child_copy(input_dir: str, output_dir: str) -> dict[str, Any]:
    from tritter_data.io.shard_set import open_input, read_records
    from tritter_data.io.writers import ShardWriter

    started = time.perf_counter()
    shards = open_input(Path(input_dir))
    with ShardWriter(Path(output_dir), shards.shard_size) as writer:
        for _doc, record in read_records(shards):
            writer.write(record)
    return {"code": 0, "seconds": time.perf_counter() - started, **peak_rss_mb()}


def run_child(*args: str) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                            check=False, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    if result.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- scoring --------------------------------------------------------------------------------------
def kept_sources(directory: Path) -> set[str]:
    from tritter_data.io.shards import iter_shard_records
    from tritter_data.io.writers import existing_shards

    return {r["source"] for p in existing_shards(directory) for r in iter_shard_records(p)}  # type: ignore[index]


def accuracy(pairs: list[tuple[str, str, float]], kept: set[str]) -> dict[str, Any]:
    high = [(a, b) for a, b, j in pairs if j >= 0.9]
    low = [(a, b) for a, b, j in pairs if j < 0.6]
    caught = sum(1 for a, b in high if not (a in kept and b in kept))
    both = sum(1 for a, b in low if a in kept and b in kept)
    return {"recall_at_0.9": round(caught / max(len(high), 1), 4), "pairs_at_0.9": len(high),
            "kept_below_0.6": round(both / max(len(low), 1), 4), "pairs_below_0.6": len(low)}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, rest = sys.argv[2], sys.argv[3:]
        result = {"tritter": lambda: child_tritter(rest), "datasketch": lambda: child_datasketch(*rest),
                  "copy": lambda: child_copy(*rest)}[kind]()
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="corpus size before planting (default 30)")
    parser.add_argument("--source", type=Path, default=Path(sysconfig.get_paths()["purelib"]))
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_dedup_") as tmp:
        work = Path(tmp)
        pairs = build_corpus(options.source, options.mb, work / "in")
        size = sum(p.stat().st_size for p in (work / "in").glob("shard_*"))
        print(f"corpus: {size / 1e6:.1f} MB of shards, {len(pairs)} planted pairs "
              f"({sum(j >= 0.9 for *_, j in pairs)} at J>=0.9, {sum(j < 0.6 for *_, j in pairs)} below 0.6)")
        results: dict[str, dict[str, Any]] = {}
        for hashing in ("sha1", "identity"):
            name = f"datasketch_{hashing}"
            results[name] = run_child("datasketch", str(work / "in"), str(work / name), hashing)
            results[name].update(accuracy(pairs, kept_sources(work / name)))
        for workers in sorted({1, options.workers}):
            name = f"tritter_w{workers}"
            out = work / name
            results[name] = run_child("tritter", "dedup", "--input-dir", str(work / "in"), "--output-dir",
                                      str(out), "--workers", str(workers), "--quiet")
            results[name].update(accuracy(pairs, kept_sources(out)))
        results["copy"] = run_child("copy", str(work / "in"), str(work / "copy"))
        results["decontaminate_w1"] = run_child("tritter", "decontaminate", "--input-dir", str(work / "in"),
                                                "--output-dir", str(work / "dc"), "--benchmarks", "humaneval",
                                                "--quiet")
        manifest = json.loads((work / "dc" / "manifest.json").read_text())
        text_mb = manifest["bytes_in"] / 1e6

    base = results["datasketch_identity"]
    print(f"{'contender':<20}{'seconds':>9}{'MB/s':>8}{'x ds-id':>8}{'cpu s':>8}{'MB/cpu-s':>9}{'RSS MB':>8}"
          f"{'worker':>8}{'recall>=.9':>11}{'kept<.6':>9}")
    for name, r in results.items():
        mbps = text_mb / r["seconds"]
        print(f"{name:<20}{r['seconds']:>9.2f}{mbps:>8.2f}{base['seconds'] / r['seconds']:>8.1f}"
              f"{r['cpu_seconds']:>8.2f}{text_mb / r['cpu_seconds']:>9.2f}"
              f"{r['peak_rss_mb']:>8.0f}{r['worker_peak_rss_mb']:>8.0f}"
              f"{r.get('recall_at_0.9', float('nan')):>11.4f}{r.get('kept_below_0.6', float('nan')):>9.4f}")
    one, sha1 = results["tritter_w1"], results["datasketch_sha1"]
    print(f"text: {text_mb:.1f} MB; dedup (1 worker) {sha1['seconds'] / one['seconds']:.1f}x datasketch's "
          f"throughput with its default SHA-1 hashing, {base['seconds'] / one['seconds']:.1f}x with identity "
          f"hashing, at {one['peak_rss_mb'] / base['peak_rss_mb']:.2f}x its peak RSS; decontaminate "
          f"{text_mb / results['decontaminate_w1']['seconds']:.1f} MB/s end to end "
          f"({text_mb / results['decontaminate_w1']['cpu_seconds']:.1f} MB per CPU second of the process, "
          f"{text_mb / results['decontaminate_w1']['cpu_in_run']:.1f} of the command), "
          f"({manifest['mb_per_second']} MB/s in-run wall, {text_mb / manifest['cpu_seconds']:.1f} MB per CPU second "
          f"in-run), {results['copy']['seconds'] / results['decontaminate_w1']['seconds']:.2f}x "
          f"the speed of a plain shard copy; {manifest['removed']} records hit HumanEval")


if __name__ == "__main__":
    main()
