"""How well ``quality_score`` ranks code the way reviewers do, on the held-out split.

The calibration corpus (manifest with provenance) and the reviewers' annotations; the
held-out split is the one the fit left out (by repository, 25 % of each language's files,
``quality.calibration.held_out_mask``). Reported: Spearman of ``quality_score`` with the
mean annotation (bar >= 0.6, goal >= 0.75), overall and per language; the share of files
annotated <= 1 that come out negative (bar >= 0.8) and of files annotated >= 4 that come
out positive (bar >= 0.95) at the default ``--min-quality`` 0.5; and, as anchors on the same
Python files, pylint's score and radon's maintainability index (``pip install -e .[fit]``).

    python benchmarks/bench_quality.py [--manifest /work/qcorpus/manifest.jsonl]
        [--annotations data/quality/annotations.jsonl] [--no-anchors]
"""

from __future__ import annotations

import argparse
import io
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np

from tritter_data.quality import calibration as cal
from tritter_data.quality.analyser import QualityAnalyser

REPO = Path(__file__).resolve().parents[1]


def pylint_score(path: str) -> float | None:
    """pylint's 0-10 rating of one file (None when pylint cannot rate it)."""
    from pylint.lint import Run

    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        run = Run([path, "--score=y", "--exit-zero", "--disable=import-error", "--persistent=n"], exit=False)
    note = getattr(run.linter.stats, "global_note", None)
    return float(note) if note is not None else None


def radon_mi(text: str) -> float | None:
    """radon's maintainability index (0-100), None when the file does not parse."""
    from radon.metrics import mi_visit

    try:
        return float(mi_visit(text, multi=True))
    except (SyntaxError, ValueError, TypeError, RecursionError):
        return None


def anchor_line(name: str, values: list[float | None], grades: np.ndarray) -> str:
    """Spearman of an anchor with the annotations; files it cannot rate get its minimum."""
    rated = [v for v in values if v is not None]
    floor = min(rated) if rated else 0.0
    filled = [floor if v is None else v for v in values]
    return f"{name:<26}{cal.spearman(filled, grades):>8.3f}   ({len(rated)} of {len(values)} files rated)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=Path("/work/qcorpus/manifest.jsonl"))
    parser.add_argument("--annotations", type=Path, nargs="+", default=[REPO / "data/quality/annotations.jsonl"])
    parser.add_argument("--no-anchors", action="store_true", help="skip pylint and radon")
    args = parser.parse_args()

    items = cal.load_items(args.manifest, args.annotations)
    held = [item for item, out in zip(items, cal.held_out_mask(items), strict=True) if out]
    analyser = QualityAnalyser()
    texts = [Path(item.file).read_text(encoding="utf-8", errors="replace") for item in held]
    started = time.process_time()
    scores = np.array([analyser.assess(text, item.language, item.path).score
                       for item, text in zip(held, texts, strict=True)])
    seconds = time.process_time() - started
    grades = np.array([item.grade for item in held])
    low, high = grades <= 1, grades >= 4
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"held-out: {len(held)} files ({mb:.1f} MB) from {len({i.repo for i in held})} repositories, "
          f"{len(items)} annotated in all; agreement on the shared subset: {cal.agreement(items)}")
    print(f"Spearman, quality_score vs annotation   {cal.spearman(scores, grades):6.3f}   (bar 0.6, goal 0.75)")
    for language in sorted({i.language for i in held}):
        mask = np.array([i.language == language for i in held])
        print(f"  {language:<12} {mask.sum():>4} files   {cal.spearman(scores[mask], grades[mask]):6.3f}")
    print(f"annotated <= 1 that are negative        {(scores[low] < 0.5).mean():6.3f}   "
          f"({low.sum()} files; bar 0.8)")
    print(f"annotated >= 4 that are positive        {(scores[high] >= 0.5).mean():6.3f}   "
          f"({high.sum()} files; bar 0.95)")
    print(f"analyser CPU: {seconds / mb * 1e3:.0f} ms per MB")
    if args.no_anchors:
        return
    python = [k for k, item in enumerate(held) if item.language == "python"]
    py_grades = grades[python]
    print(f"anchors on the {len(python)} held-out Python files (Spearman with the annotations):")
    print(f"{'quality_score':<26}{cal.spearman(scores[python], py_grades):>8.3f}")
    print(anchor_line("pylint score", [pylint_score(held[k].file) for k in python], py_grades))
    print(anchor_line("radon maintainability", [radon_mi(texts[k]) for k in python], py_grades))


if __name__ == "__main__":
    main()
