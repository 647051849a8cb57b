"""The local pool keeps the executor contract: order, one broadcast, a lost batch named, no hang."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import numpy as np
import pytest
from pool_helpers import KillWorkerOn, die_on, signature_rows, tag

from tritter_data.core.sample import Reject, Sample
from tritter_data.executors.base import BatchLost
from tritter_data.executors.local import LocalExecutor

ROOT = Path(__file__).resolve().parents[2]
STDLIB = Path(sysconfig.get_paths()["stdlib"])


def batches(n: int, size: int = 3) -> list[list[int]]:
    return [list(range(i, min(n, i + size))) for i in range(0, n, size)]


def test_results_in_order_and_shared_sent_once_per_worker() -> None:
    with LocalExecutor(workers=2) as executor:
        out = [row for result in executor.map_ordered(tag, {"factor": 10}, batches(60)) for row in result]
    assert [value for value, _, _ in out] == [10 * i for i in range(60)]
    copies = {(pid, identity) for _, pid, identity in out}
    assert len({pid for pid, _ in copies}) == len(copies) <= 2  # one copy of ``shared`` per worker


def test_a_batch_that_kills_its_worker_is_lost_and_only_that_one() -> None:
    executor = LocalExecutor(workers=2, max_retries=1)
    lost: list[list[int]] = []

    def on_lost(batch: list[int], error: BaseException) -> list[str]:
        lost.append(batch)
        return ["lost"] * len(batch)

    out = list(executor.map_ordered(die_on, 13, batches(30), on_lost))
    assert lost == [[12, 13, 14]]
    expected = [[i + 1 for i in b] if 13 not in b else ["lost"] * 3 for b in batches(30)]
    assert out == expected
    with pytest.raises(BatchLost, match="a batch of 3 items was lost after retries"):
        list(executor.map_ordered(die_on, 13, batches(30)))


def test_the_runner_turns_a_lost_batch_into_task_failed_rejects() -> None:
    items = [Sample(source=f"f{i:02d}.py", text=f"x = {i}\n", size_bytes=6) for i in range(10)]
    results = list(LocalExecutor(workers=2, batch_size=4).map([KillWorkerOn("f05.py")], items))
    assert [r.source for r in results] == [f"f{i:02d}.py" for i in range(10)]
    outcome = ["ok" if isinstance(r, Sample) else r.reason for r in results]
    assert outcome == ["ok"] * 4 + ["task_failed"] * 4 + ["ok"] * 2
    assert isinstance(results[4], Reject) and "BrokenProcessPool" in results[4].detail


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.5])
def test_ctrl_c_with_two_workers_never_hangs(tmp_path: Path, delay: float) -> None:
    """The defect: the pool's result thread blocked on a worker killed mid-send (1 run in 20)."""
    corpus = STDLIB  # read in place: ~100 MB of real code, more than the delay lets through
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-m", "tritter_data", "prepare", "--input-dir", str(corpus),
                                "--output-dir", str(tmp_path / "out"), "--workers", "2", "--batch-size", "2",
                                "--exclude", "site-packages", "--quiet"], env=env, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while not (tmp_path / "out" / ".parts").exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # the run is under way (the interpreter's start-up is not what is tested)
    time.sleep(delay)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("prepare --workers 2 hung after Ctrl-C")
    if process.returncode == 0:
        pytest.skip("the run finished before the signal")
    # 130, or death by the SIGINT itself (-2: the shell shows 130 too) when it lands during exit
    assert process.returncode in (130, -signal.SIGINT), stderr.decode()
    assert stderr.decode().count("\n") == 1 and "Traceback" not in stderr.decode()


def test_a_pool_after_a_rust_thread_pool_in_the_driver_does_not_hang() -> None:
    """The defect: rensa's rayon threads in the driver, then fork: the workers waited forever."""
    from tritter_data.dedup.minhash import MinHasher

    MinHasher(64).signatures([np.arange(5000, dtype=np.uint64)] * 64)  # the driver's own thread pool
    with LocalExecutor(workers=2) as executor:
        out = list(executor.map_ordered(signature_rows, 64, [[np.arange(i, i + 50, dtype=np.uint64)] for i in range(8)]))
    assert len(out) == 8 and all(rows.shape == (1, 64) for rows in out)


def test_a_session_runs_every_map_on_one_pool() -> None:
    """prepare then its post steps, or near-dedup's phases: the workers start once per run."""
    with LocalExecutor(workers=2) as executor:
        first = [row for result in executor.map_ordered(tag, {"factor": 10}, batches(30)) for row in result]
        with executor:  # a nested session (the post steps inside prepare's) shares the pool
            second = [row for result in executor.map_ordered(tag, {"factor": 3}, batches(30)) for row in result]
        third = list(executor.map_ordered(die_on, -1, batches(9)))
        assert executor.pools_started == 1
    assert [value for value, _, _ in first] == [10 * i for i in range(30)]
    assert [value for value, _, _ in second] == [3 * i for i in range(30)]  # the second map's shared
    assert third == [[i + 1 for i in b] for b in batches(9)]
    assert len({pid for _, pid, _ in first + second}) <= 2  # the same two workers throughout
    assert executor.pools_started == 0  # the session's end stopped them


def test_a_map_left_early_does_not_break_the_next_one() -> None:
    with LocalExecutor(workers=2) as executor:
        for _ in executor.map_ordered(tag, {"factor": 2}, batches(60)):
            break  # the consumer goes away with batches in flight: those workers are killed
        out = [row for result in executor.map_ordered(tag, {"factor": 5}, batches(12)) for row in result]
        assert executor.pools_started == 2  # the killed pool, then a new one for the next map
    assert [value for value, _, _ in out] == [5 * i for i in range(12)]


def test_shared_state_that_cannot_be_pickled_gets_fresh_workers() -> None:
    from tritter_data.executors.process_pool import _start_method

    if _start_method() != "fork":
        pytest.skip("a forkserver pickles every initializer argument: only fork can hand this over")
    unpicklable = {"factor": 7, "fn": lambda x: x}  # fork hands it over; a running pool could not
    with LocalExecutor(workers=2) as executor:
        list(executor.map_ordered(tag, {"factor": 1}, batches(6)))
        out = [row for result in executor.map_ordered(tag, unpicklable, batches(6)) for row in result]
    assert [value for value, _, _ in out] == [7 * i for i in range(6)]
