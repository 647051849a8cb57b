"""Fit the quality model to reviewer annotations and ship it (``scripts/fit_quality_model.py``).

    python scripts/fit_quality_model.py --manifest /work/qcorpus/manifest.jsonl \\
        --annotations '/work/qcorpus/annotations_*.jsonl' --data-dir data/quality
    python scripts/fit_quality_model.py --manifest data/quality/signals.jsonl \\
        --annotations data/quality/annotations.jsonl --model-out /tmp/model.json   # from what ships

Reads each annotated file, computes its signals, splits by repository (25 % held out),
picks the ridge penalty by grouped cross-validation on the training split, fits on the
training split only, reports the held-out figures, and writes the weights to
``src/tritter_data/data/quality_model.json`` plus, under ``--data-dir``, the merged
annotations, each file's provenance and signal vector, and the files whose licence allows.
``--proxy`` fits to labels derived from each file's kind instead of annotations: only to
exercise the pipeline before annotations exist; the model says so in its ``labels`` field.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np

from tritter_data.quality import calibration as cal
from tritter_data.quality.signals import FEATURES, compute_signals

ALPHAS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)
CUTS = tuple(round(1.8 + 0.05 * i, 2) for i in range(21))  # candidate grade cuts, 1.8 .. 2.8
PROXY_GRADES = {"library": 4.0, "application": 3.0, "tutorial": 3.0, "homework": 1.5,
                "python2": 0.5, "data": 0.5, "generated": 0.0}
#: Licences under which the annotated files may be redistributed with their notice.
SHIPPABLE = ("MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "PSF-2.0", "ISC", "Unlicense",
             "MIT OR Unlicense", "Apache-2.0 OR BSD-3-Clause", "MPL-2.0", "MPL-2.0 AND MIT")
DEFAULT_MODEL = Path(__file__).parents[1] / "data" / "quality_model.json"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, required=True, help="corpus manifest.jsonl (id, file, repo, ...)")
    parser.add_argument("--annotations", default="", help="glob of annotation JSONL files")
    parser.add_argument("--proxy", action="store_true", help="fit to kind-derived proxy labels (testing only)")
    parser.add_argument("--model-out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--data-dir", type=Path, default=None, help="where to write annotations, signals, files")
    parser.add_argument("--copy-files", action="store_true", help="copy files whose licence allows into --data-dir")
    return parser.parse_args(argv)


def proxy_items(manifest: Path) -> list[cal.Item]:
    rows = cal.read_jsonl(manifest)
    return [cal.Item(r["id"], r["file"], r["language"], r["repo"], r["path"], r["kind"], r.get("license", "unknown"),
                     [(PROXY_GRADES.get(r["kind"], 2.5) - (0.5 if r.get("is_test") else 0.0), "proxy")])
            for r in rows]


def signal_matrix(items: list[cal.Item]) -> np.ndarray:
    rows = []
    for item in items:
        text = Path(item.file).read_text(encoding="utf-8", errors="replace")
        rows.append(compute_signals(text, item.language, item.path).vector())
    return np.array(rows, dtype=float)


def shipped_vectors(manifest: Path, items: list[cal.Item]) -> np.ndarray | None:
    """The signal vectors a shipped ``data/quality/signals.jsonl`` carries (rounded to 5 decimals), so
    the fit is reproducible from what ships, files without a redistributable licence included; None
    for a corpus manifest (its files are read and measured)."""
    rows = {row["id"]: row for row in cal.read_jsonl(manifest)}
    if not rows or not all("signals" in row for row in rows.values()):
        return None
    return np.array([[rows[item.id]["signals"][name] for name in FEATURES] for item in items], dtype=float)


def choose_cut(grades: np.ndarray, predicted: np.ndarray) -> float:
    """The predicted-grade cut that will map to ``quality_score`` 0.5, chosen on the training
    split's out-of-fold predictions: the one that clears the issue's two bars (files graded <= 1 negative >= 80 %,
    graded >= 4 positive >= 95 %) by the widest margin. Ridge predictions shrink toward the
    mean, so the rubric's own midpoint (2.5) is not where they separate best."""
    low, high = grades <= 1, grades >= 4

    def margin(cut: float) -> tuple[float, float]:
        # each bar's margin relative to its headroom (0.2 and 0.05): a point of the stricter
        # bar is worth four of the other
        rates = (((predicted[low] < cut).mean() - 0.8) / 0.2, ((predicted[high] >= cut).mean() - 0.95) / 0.05)
        return float(min(rates)), -abs(cut - 2.5)

    return max(CUTS, key=margin)


def evaluate(grades: np.ndarray, predicted: np.ndarray, languages: list[str], cut: float) -> dict:
    """The issue's figures on one split: Spearman, and how the 0.5 threshold splits the ends."""
    low, high = grades <= 1, grades >= 4
    figures = {"files": len(grades), "spearman": cal.spearman(predicted, grades),
               "low_files": int(low.sum()), "high_files": int(high.sum()),
               "low_negative": round(float((predicted[low] < cut).mean()), 3) if low.any() else None,
               "high_positive": round(float((predicted[high] >= cut).mean()), 3) if high.any() else None,
               "per_language": {}}
    for language in sorted(set(languages)):
        mask = np.array([lang == language for lang in languages])
        if mask.sum() >= 8:
            figures["per_language"][language] = {"files": int(mask.sum()),
                                                 "spearman": cal.spearman(predicted[mask], grades[mask])}
    return figures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths = [Path(p) for p in sorted(glob.glob(args.annotations))] if args.annotations else []
    if args.proxy:
        items, labels = proxy_items(args.manifest), "PROXY labels from each file's kind (testing only)"
    else:
        if not paths:
            print(f"error: no annotation files match {args.annotations!r}", file=sys.stderr)
            return 2
        items, labels = cal.load_items(args.manifest, paths), "reviewer annotations (0-5), mean per file"
    x = shipped_vectors(args.manifest, items) if not args.proxy else None
    if x is None:
        x = signal_matrix(items)
    y = np.array([item.grade for item in items])
    test = cal.held_out_mask(items)
    train_groups = [item.repo for item, held in zip(items, test, strict=True) if not held]
    alpha, cv, out_of_fold = cal.choose_alpha(x[~test], y[~test], train_groups, ALPHAS)
    fitted = cal.fit_ridge(x[~test], y[~test], alpha)
    languages = [item.language for item in items]
    cut = choose_cut(y[~test], out_of_fold)
    held = evaluate(y[test], cal.predict(x[test], fitted), [lang for lang, t in zip(languages, test, strict=True) if t],
                    cut)
    train = evaluate(y[~test], cal.predict(x[~test], fitted),
                     [lang for lang, t in zip(languages, test, strict=True) if not t], cut)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest() if paths else None
    mean, scale, coef, intercept = fitted
    model = {"features": list(FEATURES), "mean": [round(v, 6) for v in mean], "scale": [round(v, 6) for v in scale],
             "coef": [round(v, 6) for v in coef], "intercept": round(intercept, 6),
             "target": "reviewer grade 0-5 (rubric in data/README.md, Quality Criteria)", "labels": labels,
             "alpha": alpha, "grade_cut": cut, "cv_spearman": cv, "train": train, "held_out": held,
             "annotations_sha256": digest, "agreement": cal.agreement(items)}
    args.model_out.write_text(json.dumps(model, indent=1) + "\n")
    print(json.dumps({k: model[k] for k in ("labels", "alpha", "grade_cut", "train", "held_out", "agreement")},
                     indent=1))
    if args.data_dir is not None:
        write_data(args, items, x, test, paths)
    return 0


def licence_file(repo: str) -> str:
    """Where ``licenses/`` keeps a project's licence: ``pypi:Django`` -> ``pypi_Django.txt``. A file
    ships only beside its project's licence (one found in the archive it was sampled from)."""
    return repo.replace(":", "_").replace("/", "_") + ".txt"


def write_data(args: argparse.Namespace, items: list[cal.Item], x: np.ndarray, test: np.ndarray,
               paths: list[Path]) -> None:
    """Annotations, provenance + signal vectors, and (with --copy-files) the licensed files."""
    out = args.data_dir
    out.mkdir(parents=True, exist_ok=True)
    if paths:
        with open(out / "annotations.jsonl", "w", encoding="utf-8") as handle:
            for path in paths:
                for row in cal.read_jsonl(path):
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    manifest = {row["id"]: row for row in cal.read_jsonl(args.manifest)}
    files = out / "files"
    if args.copy_files:
        shutil.rmtree(files, ignore_errors=True)
        files.mkdir()
    with open(out / "signals.jsonl", "w", encoding="utf-8") as handle:
        for item, vector, held in zip(items, x, test, strict=True):
            entry = manifest[item.id]
            shipped = args.copy_files and item.license in SHIPPABLE and (out / "licenses" / licence_file(item.repo)).is_file()
            if shipped:
                shutil.copyfile(item.file, files / Path(item.file).name)
            handle.write(json.dumps({
                "id": item.id, "split": "held_out" if held else "train", "grade": item.grade,
                "grades": item.grades, "language": item.language, "repo": item.repo,
                "commit_or_version": entry.get("commit_or_version"), "path": item.path, "license": item.license,
                "kind": item.kind, "file": f"files/{Path(item.file).name}" if shipped else None,
                "signals": dict(zip(FEATURES, (round(float(v), 5) for v in vector), strict=True)),
            }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
