"""``make_executor`` and the CLI flags; the missing-Ray message needs no Ray."""

from __future__ import annotations

import sys

import pytest

from tritter_data.cli import main
from tritter_data.core.errors import UsageError
from tritter_data.executors import make_executor
from tritter_data.executors.local import LocalExecutor


def test_local_is_the_default_engine():
    executor = make_executor("local", None, 16)
    assert isinstance(executor, LocalExecutor)
    assert (executor.workers, executor.batch_size) == (1, 16)


def test_unknown_executor_and_stray_address_are_usage_errors():
    with pytest.raises(UsageError, match="--executor must be one of local, ray, got 'spark'"):
        make_executor("spark")
    with pytest.raises(UsageError, match="--ray-address needs --executor ray"):
        make_executor("local", address="auto")


def test_without_ray_one_line_with_install_command(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes ``import ray`` fail
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.py").write_text("x = 1\n")
    code = main(["prepare", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--executor", "ray"])
    assert code == 2
    assert capsys.readouterr().err == (
        "tritter_data prepare: error: --executor ray needs Ray: pip install 'tritter-data[ray]'\n"
    )
    assert not (tmp_path / "out").exists()  # nothing was touched before the check


def test_ray_address_without_ray_executor(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.py").write_text("x = 1\n")
    code = main(["prepare", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--ray-address", "auto"])
    assert code == 2
    assert capsys.readouterr().err.strip().endswith("--ray-address needs --executor ray")


@pytest.mark.ray
def test_unreachable_cluster_is_one_line_and_touches_nothing(tmp_path, capsys, monkeypatch):
    ray = pytest.importorskip("ray")
    if ray.is_initialized():
        pytest.skip("this process already runs Ray; 'auto' would join it")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.py").write_text("x = 1\n")
    code = main(["prepare", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"),
                 "--executor", "ray", "--ray-address", "auto"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("tritter_data prepare: error: --ray-address auto: cannot connect: ")
    assert err.count("\n") == 1
    assert not (tmp_path / "out").exists()
