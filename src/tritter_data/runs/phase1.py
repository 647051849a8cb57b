"""``make phase1``: the card's Phase 1 mix from local inputs, every step through the same gates.

On a laptop with no network, the five components come from what a fresh clone and its
virtualenv hold (``configs/phase1_mix.yaml`` says which, component by component):

- python: this interpreter's standard library;
- rust: the Rust files of the repository's own test fixtures (a placeholder: the mix reports
  the shortfall; the real run curates The Stack v2);
- high_quality_repos: the installed packages of the curated repositories
  (``data/curated_repos.json``: requests, flask, click, numpy, attrs... whichever are installed);
- technical_docs: the READMEs and doc files of the installed distributions;
- persona_conversations: ``data/sample/chat/conversations.jsonl``.

Each code and docs component runs ``prepare`` -> ``dedup`` (near) -> ``decontaminate``;
conversations run ``conversations`` (its own exact/near dedup and decontamination); then
``mix`` and ``train --dry-run``. ``OUT/phase1_report.json`` and the printed table show every
step: records in and out, what it removed, MB/s and seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sysconfig
import time
from collections.abc import Sequence
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

from tritter_data.cli import main as cli_main
from tritter_data.sources.package_docs import collect_package_docs

ROOT = Path(__file__).resolve().parents[3]
#: Import names of the curated repositories' packages (``data/curated_repos.json``, Python).
CURATED_PACKAGES = ("requests", "flask", "django", "click", "httpx", "pydantic", "black", "numpy", "sklearn",
                    "attrs", "attr")


def stage_repos(target: Path) -> list[str]:
    """Link the installed packages of the curated repositories under ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    found = []
    for name in CURATED_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        (target / name).symlink_to(Path(next(iter(spec.submodule_search_locations))), target_is_directory=True)
        found.append(name)
    return found


def resolved_config(config: Path, out: Path) -> Path:
    """The config with its ``data/phase1/`` inputs pointing at ``out`` (written to ``OUT/work``)."""
    text = config.read_text(encoding="utf-8").replace("[data/phase1/", f"[{out.resolve()}/")
    target = out / "work" / config.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _manifest(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _row(step: str, manifest: dict[str, Any], seconds: float) -> dict[str, Any]:
    """One line of the report from a step's manifest, whatever the command."""
    records_in = manifest.get("input_records", manifest.get("input_files"))
    removed = manifest.get("removed", manifest.get("rejected_total"))
    return {"step": step, "records_in": records_in, "kept": manifest.get("kept", manifest.get("records_written")),
            "removed": removed, "mb_in": round(manifest.get("bytes_in", 0) / 1e6, 2),
            "mb_per_second": manifest.get("mb_per_second"), "seconds": round(seconds, 2)}


class Phase1:
    """Runs the steps in order, stops at the first failure, and keeps the report."""

    def __init__(self, out: Path, workers: int, quiet: bool):
        self.out, self.workers, self.quiet = out, workers, quiet
        self.rows: list[dict[str, Any]] = []

    def step(self, name: str, argv: list[str], manifest: Path | None) -> None:
        started = time.perf_counter()
        buffer = StringIO()
        with redirect_stdout(buffer):
            code = cli_main(argv)
        seconds = time.perf_counter() - started
        if code != 0:
            raise SystemExit(f"phase1: step {name} failed (exit {code}): {' '.join(argv)}")
        row = _row(name, _manifest(manifest) if manifest else {}, seconds)
        if name == "train --dry-run":
            row["output"] = buffer.getvalue().strip().splitlines()[-1:]
        self.rows.append(row)
        if not self.quiet:
            print(_format(row), flush=True)

    def gated(self, component: str, source: Path, languages: Sequence[str], exclude: Sequence[str] = ()) -> None:
        """prepare -> near-dedup -> decontaminate, each into its own directory."""
        prepared, deduped, final = (self.out / "work" / f"{component}_prepared", self.out / "work" / f"{component}_dedup",
                                    self.out / component)
        argv = ["prepare", "--input-dir", str(source), "--output-dir", str(prepared), "--languages", *languages,
                "--workers", str(self.workers), "--overwrite", "--quiet"]
        self.step(f"{component}: prepare", argv + (["--exclude", *exclude] if exclude else []),
                  prepared / "manifest.json")
        self.step(f"{component}: near-dedup", ["dedup", "--input-dir", str(prepared), "--output-dir", str(deduped),
                                               "--workers", str(self.workers), "--overwrite", "--quiet"],
                  deduped / "manifest.json")
        self.step(f"{component}: decontaminate", ["decontaminate", "--input-dir", str(deduped), "--output-dir",
                                                  str(final), "--benchmarks", "humaneval,mbpp,ds1000",
                                                  "--overwrite", "--quiet"], final / "manifest.json")


def _format(row: dict[str, Any]) -> str:
    return (f"{row['step']:<34} in {row['records_in'] if row['records_in'] is not None else '-':>6}  "
            f"kept {row['kept'] if row['kept'] is not None else '-':>6}  "
            f"removed {row['removed'] if row['removed'] is not None else '-':>6}  "
            f"{row['mb_in']:>7.2f} MB  {row['mb_per_second'] or '-':>7} MB/s  {row['seconds']:>6.2f} s")


def run_phase1(out: Path, *, config: Path, workers: int = 2, total_tokens: str = "12M",
               quiet: bool = False, python_dir: Path | None = None) -> dict[str, Any]:
    """Every step; returns (and writes) ``OUT/phase1_report.json``.

    ``python_dir`` replaces the standard library as the python component's input (tests).
    """
    shutil.rmtree(out / "src", ignore_errors=True)
    phase = Phase1(out, workers, quiet)
    started = time.perf_counter()
    docs = collect_package_docs(out / "src" / "package_docs")
    repos = stage_repos(out / "src" / "repos")
    stdlib = python_dir or Path(sysconfig.get_paths()["stdlib"])
    phase.gated("python", stdlib, ["python"], ["site-packages", "__pycache__"])
    phase.gated("rust", ROOT / "tests" / "fixtures" / "code", ["rust"])
    phase.gated("repos", out / "src" / "repos", ["python"], ["__pycache__", "tests"])
    phase.gated("docs", out / "src" / "package_docs", ["markdown", "restructuredtext", "asciidoc"])
    persona = out / "persona"
    phase.step("persona: conversations", ["conversations", "--input", str(ROOT / "data" / "sample" / "chat" /
                                          "conversations.jsonl"), "--output-dir", str(persona), "--overwrite",
                                          "--quiet"], persona / "manifest.json")
    mix = out / "mix"
    config = resolved_config(config, out)
    phase.step("mix", ["mix", "--config", str(config), "--output-dir", str(mix), "--total-tokens", total_tokens,
                       "--overwrite", "--quiet"], mix / "mix_manifest.json")
    phase.step("train --dry-run", ["train", "--model", "tiny", "--data-dir", str(mix), "--dry-run",
                                   "--output-dir", str(out / "work" / "train")], None)
    mix_manifest = _manifest(mix / "mix_manifest.json")
    report = {"inputs": {"stdlib": str(stdlib), "package_docs": docs, "curated_packages": repos,
                         "config": str(config)},
              "steps": phase.rows, "mix_components": mix_manifest.get("components"),
              "elapsed_seconds": round(time.perf_counter() - started, 1)}
    (out / "phase1_report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the card's Phase 1 mix on local inputs (see make phase1).")
    parser.add_argument("--output-dir", type=Path, default=Path("data/phase1"))
    parser.add_argument("--config", type=Path, default=ROOT / "configs" / "phase1_mix.yaml")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--total-tokens", default="12M", help="size of the laptop mix (default 12M tokens)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    report = run_phase1(args.output_dir, config=args.config, workers=args.workers, total_tokens=args.total_tokens,
                        quiet=args.quiet)
    if not args.quiet:
        for c in report["mix_components"] or []:
            print(f"mix {c['name']:<22} {c['tokens_taken']:>10,} of {c['target_tokens']:>10,} tokens "
                  f"({c['share_taken']:5.1f} % of the mix, target {c['target_share']:g} %), "
                  f"{c['records_available']} records x {c['epochs']} epochs, shortfall {c['shortfall_tokens']:,}")
        print(f"phase1: done in {report['elapsed_seconds']} s; report in {args.output_dir / 'phase1_report.json'}")
    return 0
