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

From a fresh clone (no ``/work/qcorpus``) the manifest defaults to the shipped
``data/quality/signals.jsonl``: files whose licence let them ship (``data/quality/files``)
are analysed from their text; the others are scored from their shipped signal vector
(what the analyser computed when the model was fitted) and listed, and the anchors run on
the files present only.
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
from tritter_data.quality.model import load_model

REPO = Path(__file__).resolve().parents[1]
CORPUS_MANIFEST = Path("/work/qcorpus/manifest.jsonl")
SHIPPED = REPO / "data" / "quality" / "signals.jsonl"


def pylint_score(path: str) -> float | None:
    """pylint's 0-10 rating of one file (None when pylint cannot rate it)."""
    from pylint.lint import Run

    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        run = Run([path, "--score=y", "--exit-zero", "--disable=import-error", "--persistent=n"], exit=False)
    note = getattr(run.linter.stats, "global_note", None)
    return float(note) if note is not None else None


def pylint_file(item: cal.Item, text: str | None) -> float | None:
    """pylint on the file's text, written under its own name (shipped files are named by id)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(item.path).name
        path.write_text(text or "", encoding="utf-8")
        return pylint_score(str(path))


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


def score_held_out(held: list[cal.Item], manifest: Path) -> tuple[np.ndarray, list[str | None], float, list[str]]:
    """Scores of the held-out files, their texts (None where the file is absent), analyser
    CPU seconds, and a note per file not analysed from its text."""
    rows = {row["id"]: row for row in cal.read_jsonl(manifest)}
    analyser, model = QualityAnalyser(), load_model()
    scores, texts, notes, seconds = [], [], [], 0.0
    for item in held:
        path = Path(item.file) if item.file else None
        if path is not None and not path.is_absolute():
            path = manifest.parent / path
        if path is not None and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            started = time.process_time()
            scores.append(analyser.assess(text, item.language, item.path).score)
            seconds += time.process_time() - started
            texts.append(text)
            continue
        texts.append(None)
        vector = rows[item.id].get("signals")
        why = "no redistributable copy" if not item.file else f"{path} missing"
        if vector is None:
            scores.append(float("nan"))
            notes.append(f"{item.id} ({item.repo} {item.path}, {item.license}): NOT scored, {why} and no signal vector")
        else:
            scores.append(model.score(vector))
            notes.append(f"{item.id} ({item.repo} {item.path}, {item.license}): from its shipped signals, {why}")
    return np.array(scores), texts, seconds, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=CORPUS_MANIFEST if CORPUS_MANIFEST.exists() else SHIPPED,
                        help="corpus manifest, or the shipped data/quality/signals.jsonl (the default without it)")
    parser.add_argument("--annotations", type=Path, nargs="+", default=[REPO / "data/quality/annotations.jsonl"])
    parser.add_argument("--no-anchors", action="store_true", help="skip pylint and radon")
    args = parser.parse_args()

    items = cal.load_items(args.manifest, args.annotations)
    held_all = [item for item, out in zip(items, cal.held_out_mask(items), strict=True) if out]
    scores_all, texts_all, seconds, notes = score_held_out(held_all, args.manifest)
    if notes:
        print(f"{len(notes)} held-out files not analysed from their text (manifest {args.manifest}):")
        print("\n".join(f"  {note}" for note in notes))
    keep = ~np.isnan(scores_all)
    held = [item for item, k in zip(held_all, keep, strict=True) if k]
    texts = [text for text, k in zip(texts_all, keep, strict=True) if k]
    scores = scores_all[keep]
    grades = np.array([item.grade for item in held])
    low, high = grades <= 1, grades >= 4
    mb = sum(len(t.encode("utf-8")) for t in texts if t is not None) / 1e6
    print(f"held-out: {len(held)} files ({mb:.1f} MB analysed from text) from {len({i.repo for i in held})} repositories, "
          f"{len(items)} annotated in all; agreement on the shared subset: {cal.agreement(items)}")
    print(f"Spearman, quality_score vs annotation   {cal.spearman(scores, grades):6.3f}   (bar 0.6, goal 0.75)")
    for language in sorted({i.language for i in held}):
        mask = np.array([i.language == language for i in held])
        print(f"  {language:<12} {mask.sum():>4} files   {cal.spearman(scores[mask], grades[mask]):6.3f}")
    print(f"annotated <= 1 that are negative        {(scores[low] < 0.5).mean():6.3f}   "
          f"({low.sum()} files; bar 0.8)")
    print(f"annotated >= 4 that are positive        {(scores[high] >= 0.5).mean():6.3f}   "
          f"({high.sum()} files; bar 0.95)")
    print(f"analyser CPU: {seconds / max(mb, 1e-9) * 1e3:.0f} ms per MB")
    if args.no_anchors:
        return
    python = [k for k, item in enumerate(held) if item.language == "python" and texts[k] is not None]
    py_grades = grades[python]
    print(f"anchors on the {len(python)} held-out Python files present (Spearman with the annotations):")
    print(f"{'quality_score':<26}{cal.spearman(scores[python], py_grades):>8.3f}")
    print(anchor_line("pylint score", [pylint_file(held[k], texts[k]) for k in python], py_grades))
    print(anchor_line("radon maintainability", [radon_mi(texts[k]) for k in python], py_grades))


if __name__ == "__main__":
    main()
