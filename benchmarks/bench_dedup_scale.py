"""Near-dup removal on many small records: CPU, peak RSS, and the ``--memory-limit`` spill.

    PYTHONPATH=src python benchmarks/bench_dedup_scale.py [--records 300000]

Synthetic shards: records of ~440 bytes (a function returning 40 random names out of 5,000),
with a reformatted near-copy (2-space indent, lower score) of every 50th. ``dedup`` runs twice in
its own subprocess, with the default budget and with ``--memory-limit 4M`` (band hashes spilled
to disk, one file per band). Both runs must remove exactly the planted copies; the figures are
CPU seconds and peak RSS (``VmHWM``), the spilled run as a ratio to the in-memory one.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def build(out: Path, records: int) -> int:
    from tritter_data.io.writers import ShardWriter

    rng = random.Random(1)
    names = [f"name{i}" for i in range(5000)]
    copies = 0
    with ShardWriter(out, 10_000) as writer:
        for i in range(records):
            body = " ".join(rng.choice(names) for _ in range(40))
            writer.write({"text": f"def f{i}(x):\n    return [{body}]\n", "language": "python",
                          "quality_score": 0.5, "source": f"s/{i:08d}.py"})
            if i % 50 == 0:
                copies += 1
                writer.write({"text": f"def f{i}(x):\n  return [{body}]\n", "language": "python",
                              "quality_score": 0.4, "source": f"c/{i:08d}.py"})
    return copies


def child(args: list[str]) -> None:
    from tritter_data.cli import main

    started, cpu = time.perf_counter(), time.process_time()
    code = main(args)
    status = Path("/proc/self/status").read_text()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024 if "VmHWM:" in status else float("nan")
    print(json.dumps({"code": code, "seconds": time.perf_counter() - started,
                      "cpu": time.process_time() - cpu, "peak_mb": peak}))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=300_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_dedup_scale_") as tmp:
        work = Path(tmp)
        copies = build(work / "in", options.records)
        size = sum(p.stat().st_size for p in (work / "in").glob("shard_*")) / 1e6
        print(f"{options.records + copies} records, {size:.0f} MB of shards, {copies} planted copies")
        rows = {}
        for name, limit in (("in_memory", "512M"), ("spilled_4M", "4M")):
            out = work / name
            result = subprocess.run(
                [sys.executable, __file__, "--child", "dedup", "--input-dir", str(work / "in"), "--output-dir",
                 str(out), "--memory-limit", limit, "--quiet"],
                capture_output=True, text=True, check=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
            rows[name] = json.loads(result.stdout.strip().splitlines()[-1])
            manifest = json.loads((out / "manifest.json").read_text())
            rows[name].update(removed=manifest["removed"], spilled=manifest["spilled_band_bytes"])
    base = rows["in_memory"]
    print(f"{'run':<12}{'seconds':>9}{'cpu s':>8}{'peak MB':>9}{'removed':>9}{'spilled MB':>11}{'x cpu':>7}{'x RSS':>7}")
    for name, r in rows.items():
        print(f"{name:<12}{r['seconds']:>9.1f}{r['cpu']:>8.1f}{r['peak_mb']:>9.0f}{r['removed']:>9}"
              f"{r['spilled'] / 1e6:>11.1f}{r['cpu'] / base['cpu']:>7.2f}{r['peak_mb'] / base['peak_mb']:>7.2f}")
    assert all(r["removed"] == copies for r in rows.values()), "a run missed planted copies"


if __name__ == "__main__":
    main()
