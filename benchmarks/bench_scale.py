"""Scale-out benchmark: prepare and ``dedup`` (near-dup) on the local pool vs Ray, 1 and 2 workers.

All figures come from one run on one corpus, so they are read as ratios. Configurations are
interleaved across repeats and the best run of each is kept, since the machine is shared.
Beside wall-clock MB/s, the CPU seconds spent per MB by the whole process tree (driver,
pool or Ray workers, raylet and GCS) are read from /proc: that figure does not depend on what
else the machine runs, and it is what a cluster of N dedicated cores pays.

Ratios:
- ``ray2 / ray1``: does adding a Ray worker scale (bar: >= 1.5x);
- ``ray2 / local2``: what Ray's scheduling and serialisation cost against the process pool
  (bar: within 25 %, i.e. >= 0.75x);
- Ray start-up (``ray.init`` plus warming one worker per CPU) is measured apart, since a
  cluster pays it once, not per corpus;
- near-dup is the real command, ``dedup`` over prepare's shards (MinHash LSH, exact Jaccard
  verification, union-find), run as ``--workers 1``, ``--workers 2`` and ``--executor ray
  --workers 2``: ``dedup2 / dedup1`` (bar >= 1.6x) and ``ray / local2`` (bar >= 0.8x); the
  three outputs must be the same bytes.

The corpus defaults to /tmp/corpus/stdlib if present, else a copy of this interpreter's
standard library without site-packages (about 100 MB). ``--large`` adds the ``.py`` files of
this interpreter's site-packages (about 230 MB more, vendored copies included, as in real
code): near-dup then reads ~4x more, so the interpreter's start-up weighs what it weighs on
a real corpus. The shards near-dup reads are prepared once per corpus and kept in /tmp
(``tritter-bench-neardup-*``): preparing them is not what the near-dup figures measure.

    python benchmarks/bench_scale.py                 # prepare + near-dup, 2 repeats
    python benchmarks/bench_scale.py --repeats 1 --no-neardup
    python benchmarks/bench_scale.py --repeats 1 --neardup-only
    python benchmarks/bench_scale.py --repeats 1 --neardup-only --large
    python benchmarks/bench_scale.py --resume-only
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from tritter_data.cli import main as cli
from tritter_data.runs.prepare import PrepareOptions, prepare

BIGCODE = {"gb": 319, "minutes": 40, "vcpus": 160}  # The Stack v2 Java near-dup


def corpus_dir(given: str | None, large: bool = False) -> Path:
    if given:
        return Path(given)
    default = Path("/tmp/corpus/stdlib")
    if default.is_dir() and not large:
        return default
    target = Path(tempfile.gettempdir()) / "tritter-bench-stdlib"
    if not target.exists():
        shutil.copytree(sysconfig.get_paths()["stdlib"], target, symlinks=False,
                        ignore=shutil.ignore_patterns("site-packages", "__pycache__", "*.pyc"))
    if not large:
        return target
    bigger = Path(tempfile.gettempdir()) / "tritter-bench-large"
    if not (bigger / ".complete").exists():
        shutil.rmtree(bigger, ignore_errors=True)
        shutil.copytree(target, bigger / "stdlib", symlinks=False)
        packages = Path(sysconfig.get_paths()["purelib"])
        for path in sorted(packages.rglob("*.py")):
            if path.is_file() and not path.is_symlink() and path.stat().st_size <= 500_000:
                copy = bigger / "packages" / path.relative_to(packages)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
        (bigger / ".complete").touch()
    return bigger


def neardup_input(corpus: Path) -> Path:
    """prepare's shards of ``corpus``, made once and kept for later runs of this benchmark."""
    from hashlib import sha256

    from tritter_data import __version__

    key = sha256(f"{corpus.resolve()}|{__version__}".encode()).hexdigest()[:12]
    shards = Path(tempfile.gettempdir()) / f"tritter-bench-neardup-{key}"
    if not (shards / "manifest.json").exists():
        prepare(PrepareOptions(input_dir=corpus, output_dir=shards, workers=2, overwrite=True, quiet=True,
                               exclude=("site-packages", "__pycache__")))
    return shards


def tree_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of every live descendant of this process, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    me, found = os.getpid(), {}
    for pid in cpu:
        ancestor = parent.get(pid)
        while ancestor not in (None, 0, 1, me):
            ancestor = parent.get(ancestor)
        if ancestor == me:
            found[pid] = cpu[pid]
    return found


class CpuMeter:
    """CPU seconds of the driver and all its descendants (live, or exited and reaped) over a block."""

    def __enter__(self) -> CpuMeter:
        self.own = time.process_time()
        self.reaped = _reaped()
        self.live = tree_cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        live = tree_cpu()
        self.seconds = (time.process_time() - self.own) + (_reaped() - self.reaped) + sum(
            after - self.live.get(pid, 0.0) for pid, after in live.items())


def _reaped() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_prepare(corpus: Path, out: Path, executor: str, workers: int) -> tuple[float, float, dict]:
    """Wall seconds, CPU seconds and manifest of one prepare run (Ray already warm)."""
    options = PrepareOptions(input_dir=corpus, output_dir=out, workers=workers, executor=executor,
                             overwrite=True, quiet=True, exclude=("site-packages", "__pycache__"))
    with CpuMeter() as meter:
        started = time.perf_counter()
        manifest = prepare(options)
        wall = time.perf_counter() - started
    return wall, meter.seconds, manifest


def start_ray(workers: int) -> float:
    """Seconds to start a local Ray instance and have every worker import the stages."""
    import ray

    started = time.perf_counter()
    ray.init(address="local", num_cpus=workers, include_dashboard=False, _node_ip_address="127.0.0.1",
             log_to_driver=False, logging_level="error")

    @ray.remote(num_cpus=1)
    def warm() -> int:
        import tritter_data.stages.pipeline  # noqa: F401

        time.sleep(0.2)  # keep this worker busy so the next warm task lands on another
        return 0

    ray.get([warm.remote() for _ in range(workers)])
    return time.perf_counter() - started


def best(seconds: list[float]) -> float:
    return min(seconds)  # the least disturbed run on a shared machine


def run_dedup(shards: Path, out: Path, *args: str) -> tuple[float, float, dict]:
    """Wall seconds, CPU seconds and manifest of one ``dedup`` command over ``shards``.

    Local runs are a fresh process each, as a user runs them; Ray runs in this process, so that
    it joins the warm Ray instance started here (its start-up is measured apart).
    """
    import subprocess

    command = ["dedup", "--input-dir", str(shards), "--output-dir", str(out), "--quiet", "--overwrite", *args]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    with CpuMeter() as meter:
        started = time.perf_counter()
        if "ray" in args:
            code = cli(command)
        else:
            code = subprocess.run([sys.executable, "-m", "tritter_data", *command], env=env).returncode
        wall = time.perf_counter() - started
    assert code == 0, f"dedup {args} failed"
    return wall, meter.seconds, json.loads((out / "manifest.json").read_text())


def prepare_command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "tritter_data", "prepare", "--input-dir", str(corpus), "--output-dir", str(out),
            "--workers", "2", "--shard-size", "500", "--exclude", "site-packages", "__pycache__", "--quiet"]


def resume_overhead(corpus: Path, out: Path) -> dict[str, float]:
    """``prepare`` uninterrupted vs killed (SIGKILL) once half its shards are committed, then resumed."""
    import json
    import signal
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    with CpuMeter() as whole_cpu:
        started = time.perf_counter()
        subprocess.run(prepare_command(corpus, out / "whole"), env=env, check=True)
        whole = time.perf_counter() - started
    shards = len(list((out / "whole").glob("shard_*")))
    resumed_cpu = CpuMeter().__enter__()
    started = time.perf_counter()
    process = subprocess.Popen(prepare_command(corpus, out / "resumed"), env=env)
    state = out / "resumed" / ".parts" / "prepare.json"
    while process.poll() is None:
        try:
            if json.loads(state.read_text())["shards"] >= shards // 2:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
    live = tree_cpu()  # its pool workers are not reaped here once it is killed: count them now
    process.send_signal(signal.SIGKILL)
    process.wait()
    orphans = sum(seconds for pid, seconds in live.items() if pid != process.pid)
    subprocess.run(prepare_command(corpus, out / "resumed"), env=env, check=True)
    resumed = time.perf_counter() - started
    resumed_cpu.__exit__()
    resumed_cpu.seconds += orphans
    same = all((out / "resumed" / p.name).read_bytes() == p.read_bytes() for p in (out / "whole").glob("shard_*"))
    assert same, "the resumed run's shards differ"
    return {"resume_whole": whole, "resume_killed_and_resumed": resumed, "resume_shards": shards,
            "resume_cpu_whole": whole_cpu.seconds, "resume_cpu_resumed": resumed_cpu.seconds}


def neardup(corpus: Path, out: Path, repeats: int) -> dict[str, float]:
    """``dedup`` with 1 and 2 local workers and on Ray (2 workers, warm), interleaved."""
    import ray

    shards = neardup_input(corpus)
    runs = {"dedup1": ["--workers", "1"], "dedup2": ["--workers", "2"],
            "dedup_ray2": ["--executor", "ray", "--workers", "2"]}
    wall: dict[str, list[float]] = {k: [] for k in runs}
    cpu: dict[str, list[float]] = {k: [] for k in runs}
    step: dict[str, list[float]] = {k: [] for k in runs}  # the command's own seconds (manifest), no start-up
    manifest: dict = {}
    for _ in range(repeats):
        for label, args in runs.items():
            if label == "dedup_ray2":
                start_ray(2)  # the command joins the running instance: start-up is measured apart
            seconds, cpu_seconds, manifest = run_dedup(shards, out / label, *args)
            if label == "dedup_ray2":
                ray.shutdown()
            wall[label].append(seconds)
            cpu[label].append(cpu_seconds)
            step[label].append(manifest["elapsed_seconds"])
    same = {label: {p.name: p.read_bytes() for p in sorted((out / label).glob("shard_*"))} for label in runs}
    assert same["dedup1"] == same["dedup2"] == same["dedup_ray2"], "dedup outputs differ across engines"
    mb = manifest["bytes_in"] / 1e6
    figures = {k: mb / best(v) for k, v in wall.items()}
    figures.update({f"cpu_{k}": best(v) / mb for k, v in cpu.items()})
    figures.update({f"step_{k}": mb / best(v) for k, v in step.items()})
    figures.update(neardup_mb=mb, neardup_docs=manifest["input_records"], neardup_removed=manifest["removed"])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="directory of code (default: the stdlib, ~100 MB)")
    parser.add_argument("--large", action="store_true",
                        help="the stdlib plus site-packages' .py files (~330 MB) as the default corpus")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-neardup", action="store_true")
    parser.add_argument("--neardup-only", action="store_true", help="only the dedup figures")
    parser.add_argument("--resume-only", action="store_true",
                        help="only the resume overhead: prepare killed at 50 %% and resumed vs uninterrupted")
    args = parser.parse_args(argv)
    import compileall

    import ray

    # The bytecode an installed package has (pip compiles it); without it, under
    # PYTHONDONTWRITEBYTECODE, every command would compile the package's sources at start-up.
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src"), quiet=1)

    corpus = corpus_dir(args.corpus, args.large)
    out = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    if args.resume_only:
        f = resume_overhead(corpus, out)
        shutil.rmtree(out, ignore_errors=True)
        ratio = f["resume_killed_and_resumed"] / f["resume_whole"]
        print(f"resume: uninterrupted {f['resume_whole']:.1f} s; killed at 50 % of {int(f['resume_shards'])} shards "
              f"and resumed {f['resume_killed_and_resumed']:.1f} s in all = {ratio:.2f}x   (bar <= 1.10)")
        print(f"  CPU seconds of the process trees (steadier on a shared machine): {f['resume_cpu_whole']:.1f} "
              f"vs {f['resume_cpu_resumed']:.1f} = {f['resume_cpu_resumed'] / f['resume_cpu_whole']:.2f}x")
        return 0
    if args.neardup_only:
        figures = neardup(corpus, out, args.repeats)
        shutil.rmtree(out, ignore_errors=True)
        report_neardup(figures)
        return 0
    wall: dict[str, list[float]] = {k: [] for k in ("local1", "local2", "ray1", "ray2")}
    cpu: dict[str, list[float]] = {k: [] for k in wall}
    startup: dict[int, list[float]] = {1: [], 2: []}
    manifest: dict = {}
    for _ in range(args.repeats):  # interleaved, so a busy spell hits every engine alike
        for label, executor, workers in (("local1", "local", 1), ("local2", "local", 2),
                                         ("ray1", "ray", 1), ("ray2", "ray", 2)):
            if executor == "ray":
                startup[workers].append(start_ray(workers))
            seconds, cpu_seconds, manifest = run_prepare(corpus, out / label, executor, workers)
            wall[label].append(seconds)
            cpu[label].append(cpu_seconds)
            if executor == "ray":
                ray.shutdown()
    size = manifest["bytes_in"]
    mb = size / 1e6
    # Files the name rules reject (no known language) are never read: count code bytes apart.
    code_mb = (size - manifest["per_language"].get("unknown", {}).get("bytes", 0)) / 1e6
    figures = {k: mb / best(v) for k, v in wall.items()}
    figures["code_share"] = code_mb / mb
    figures.update({f"cpu_{k}": best(v) / mb for k, v in cpu.items()})
    if not args.no_neardup:
        figures.update(neardup(corpus, out, args.repeats))
    for workers in (1, 2):
        same = all((out / f"ray{workers}" / p.name).read_bytes() == p.read_bytes()
                   for p in sorted((out / "local1").glob("shard_*")))
        assert same, f"ray{workers} shards differ from local"
    shutil.rmtree(out, ignore_errors=True)
    report(corpus, size, figures, {k: best(v) for k, v in startup.items()})
    return 0


def report(corpus: Path, size: int, f: dict[str, float], startup: dict[int, float]) -> None:
    print(f"corpus: {corpus}  {size / 1e6:.1f} MB   (python {sys.version.split()[0]}, shards identical on all engines)")
    print("prepare MB/s:")
    for key in ("local1", "local2", "ray1", "ray2"):
        print(f"  {key:<8} {f[key]:7.2f}   {f[key] / f['local1']:.2f}x local1")
    print(f"  ray2 / ray1   = {f['ray2'] / f['ray1']:.2f}x   (bar >= 1.50)")
    print(f"  ray2 / local2 = {f['ray2'] / f['local2']:.2f}x   (bar >= 0.75)")
    print("CPU seconds per MB, whole process tree (independent of other load on the machine):")
    for key in ("local1", "local2", "ray1", "ray2"):
        print(f"  {key:<8} {f['cpu_' + key]:.3f}   -> {1 / f['cpu_' + key]:.2f} MB/s per busy core")
    print(f"  Ray's CPU overhead vs local2: {f['cpu_ray2'] / f['cpu_local2']:.2f}x;  "
          f"on 2 dedicated cores ray2 would reach {2 / f['cpu_ray2']:.2f} MB/s, local2 {2 / f['cpu_local2']:.2f}")
    print(f"ray start-up (init + warm workers): 1 CPU {startup[1]:.1f} s, 2 CPUs {startup[2]:.1f} s")
    if "dedup1" in f:
        report_neardup(f)
    per_core = f["code_share"] / f["cpu_ray2"]  # code MB per CPU second on Ray, overhead included
    core_hours = 1e6 / per_core / 3600  # 1 TB = 1e6 MB
    print(f"code is {f['code_share']:.0%} of the input bytes (the rest has no known language and is not read)")
    print(f"prepare per core on Ray, per MB of code (CPU-s basis): {per_core:.2f} MB/s -> 1 TB of code = "
          f"{core_hours:,.0f} core-hours: "
          + ", ".join(f"{n} cores {core_hours / n:.1f} h" for n in (16, 160, 1000)))
    bc = BIGCODE["gb"] * 1e3 / (BIGCODE["minutes"] * 60) / BIGCODE["vcpus"]
    print(f"BigCode near-dup (Stack v2 Java): {BIGCODE['gb']} GB / {BIGCODE['minutes']} min / "
          f"{BIGCODE['vcpus']} vCPUs = {bc:.2f} MB/s per vCPU -> 1 TB on 160 vCPUs {1e6 / bc / 160 / 3600:.1f} h")
    if "dedup_ray2" in f:
        nd = 1 / f["cpu_dedup_ray2"]
        print(f"our near-dup (dedup --executor ray) per core, CPU-s basis: {nd:.2f} MB/s "
              f"-> 1 TB on 160 cores {1e6 / nd / 160 / 3600:.1f} h")


def report_neardup(f: dict[str, float]) -> None:
    print(f"near-dup: dedup over prepare's shards, {f['neardup_mb']:.1f} MB, {int(f['neardup_docs'])} records, "
          f"{int(f['neardup_removed'])} removed (same bytes on every engine); MB/s:")
    for key in ("dedup1", "dedup2", "dedup_ray2"):
        print(f"  {key:<11} {f[key]:7.2f}   CPU s/MB {f['cpu_' + key]:.3f}   "
              f"without interpreter start-up {f['step_' + key]:7.2f}")
    print(f"  dedup2 / dedup1     = {f['dedup2'] / f['dedup1']:.2f}x   (bar >= 1.60); "
          f"without start-up {f['step_dedup2'] / f['step_dedup1']:.2f}x")
    print(f"  dedup_ray2 / dedup2 = {f['dedup_ray2'] / f['dedup2']:.2f}x   (bar >= 0.80)")


if __name__ == "__main__":
    raise SystemExit(main())
