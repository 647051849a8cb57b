"""The sections of the post-processing steps (near-dup, decontamination, mix, curate) and run facts.

A step whose manifest was not found renders as "not run" with the command that would run it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tritter_data.report import charts
from tritter_data.report.html import Markup, Section, esc, facts, figure, not_run, num, pct, size, stat, table
from tritter_data.report.load import RunManifests
from tritter_data.report.post import decont_view, dedup_view, mix_view


def _stats(items: list[str]) -> str:
    return f'<div class="stats">{"".join(items)}</div>'


def _seconds(value: Any) -> str:
    return f"{value:g} s" if isinstance(value, (int, float)) else "—"


def dedup_section(run: RunManifests) -> Section:
    manifest = run.get("dedup")
    if manifest is None:
        return not_run("near-dup", "Near-duplicates",
                       "no dedup manifest; run `python -m tritter_data dedup --input-dir OUT --output-dir OUT2`, "
                       "then pass its manifest with --manifest.")
    view = dedup_view(manifest)
    parts = [_stats([
        stat("input", num(view.input), key="dedup_input", tone="neutral"),
        stat("kept", num(view.kept), pct(view.kept, view.input), key="dedup_kept", tone="positive"),
        stat("removed", num(view.removed), pct(view.removed, view.input), key="dedup_removed", tone="rejected"),
        stat("bytes removed", size(view.bytes_removed), key="dedup_bytes_removed", tone="rejected"),
    ])]
    if view.clusters:
        svg = charts.cluster_sizes(view.clusters, size=(charts.FULL, 2.8))
        rows = [[num(s), num(n), num(s * n)] for s, n in view.clusters]
        parts.append(figure(svg, "Near-duplicate clusters by size; each cluster keeps its best file.",
                            table(["files per cluster", "clusters", "files"], rows, numeric=(0, 1, 2),
                                  row_ids=[str(s) for s, _ in view.clusters], cls="clusters")))
    else:
        parts.append('<p class="lead">No cluster-size histogram in the manifest.</p>')
    if view.params:
        parts.append("<h3>Parameters</h3>" + facts(sorted(view.params.items())))
    return Section("near-dup", "Near-duplicates", Markup("".join(parts)))


def decont_section(run: RunManifests) -> Section:
    manifest = run.get("decontaminate")
    if manifest is None:
        return not_run("decontamination", "Decontamination",
                       "no decontaminate manifest; run `python -m tritter_data decontaminate --input-dir OUT "
                       "--output-dir OUT2`, then pass its manifest with --manifest.")
    view = decont_view(manifest)
    parts = [_stats([
        stat("input", num(view.input), key="decont_input", tone="neutral"),
        stat("kept", num(view.kept), pct(view.kept, view.input), key="decont_kept", tone="positive"),
        stat("removed", num(view.removed), pct(view.removed, view.input), key="decont_removed", tone="rejected"),
        stat("benchmarks", num(len(view.benchmarks)), key="decont_benchmarks", tone="neutral"),
    ])]
    if view.benchmarks:
        rows = [(b.name, b.hits or 0, charts.REJECTED) for b in view.benchmarks]
        svg = charts.bars(rows, "samples hit", chart_id="benchmarks", size=(charts.FULL, 0.4 * len(rows) + 0.9))
        parts.append(figure(svg, "Training samples that matched each benchmark."))
        parts.append(table(["benchmark", "items loaded", "hits"],
                           [[b.name, num(b.items), num(b.hits)] for b in view.benchmarks], numeric=(1, 2),
                           row_ids=[b.name for b in view.benchmarks], cls="benchmarks"))
    else:
        parts.append('<p class="lead">No per-benchmark hits in the manifest.</p>')
    if view.params:
        parts.append("<h3>Parameters</h3>" + facts(sorted(view.params.items())))
    return Section("decontamination", "Decontamination", Markup("".join(parts)))


def mix_section(run: RunManifests) -> Section:
    manifest = run.get("mix")
    if manifest is None:
        return not_run("mix", "Training mix",
                       "no mix_manifest.json; run `python -m tritter_data mix --config CONFIG --output-dir OUT`.")
    view = mix_view(manifest)
    total_taken = sum(c.taken or 0 for c in view.components)
    total_target = sum(c.target or 0 for c in view.components)
    parts = [_stats([
        stat("components", num(len(view.components)), key="mix_components", tone="neutral"),
        stat("tokens taken", charts.human(total_taken), key="mix_taken", tone="positive"),
        stat("tokens targeted", charts.human(total_target), key="mix_target", tone="neutral"),
    ])]
    if view.components:
        svg = charts.mix([(c.name, c.target or 0, c.taken or 0) for c in view.components],
                         size=(charts.FULL, 0.55 * len(view.components) + 1.0))
        parts.append(figure(svg, "Target and taken tokens per component."))
        rows = [[c.name, num(c.available), num(c.target), num(c.taken), pct(c.taken, c.target),
                 num(c.epochs), num(c.files)] for c in view.components]
        parts.append(table(["component", "available", "target", "taken", "of target", "epochs", "files"], rows,
                           numeric=(1, 2, 3, 4, 5, 6), row_ids=[c.name for c in view.components], cls="mix"))
    else:
        parts.append('<p class="lead">No components in the mix manifest.</p>')
    extra = [("tokenizer", view.tokenizer)] if view.tokenizer else []
    if extra or view.params:
        parts.append("<h3>Parameters</h3>" + facts([*extra, *sorted(view.params.items())]))
    return Section("mix", "Training mix", Markup("".join(parts)))


def curate_section(run: RunManifests) -> Section:
    manifest = run.get("curate")
    if manifest is None:
        return not_run("curate", "Curation (Stack v2)",
                       "no curate manifest; scripts/curate_datasets.py writes one.")
    scalars = [(k, v) for k, v in manifest.items() if isinstance(v, (int, float, str)) and not isinstance(v, bool)]
    nested = [(k, v) for k, v in manifest.items() if isinstance(v, Mapping) and all(
        isinstance(x, (int, float)) for x in v.values()) and v]
    parts = [facts(scalars)]
    for key, values in nested:
        parts.append(f"<h3>{esc(key)}</h3>" + table([key, "count"], [[k, num(v)] for k, v in values.items()],
                                                    numeric=(1,)))
    return Section("curate", "Curation (Stack v2)", Markup("".join(parts)))


def run_section(run: RunManifests) -> Section:
    parts = []
    for kind, manifest in run.found.items():
        rows = [("manifest", str(run.paths[kind])), ("command", manifest.get("command", kind)),
                ("version", manifest.get("version", "—")), ("elapsed", _seconds(manifest.get("elapsed_seconds")))]
        if manifest.get("mb_per_second") is not None:
            rows.append(("throughput", f"{manifest['mb_per_second']} MB/s"))
        if kind == "prepare":
            rows += [("bytes in", size(manifest.get("bytes_in"))), ("bytes out", size(manifest.get("bytes_out"))),
                     ("shards", len(manifest.get("shards") or []))]
            options = manifest.get("options")
            if isinstance(options, Mapping):
                rows += [(f"--{k.replace('_', '-')}", v) for k, v in options.items()]
        parts.append(f'<h3>{esc(kind)}</h3><div class="facts-{esc(kind)}">{facts(rows)}</div>')
    if run.ignored:
        parts.append("<h3>Ignored files</h3>" + table(["file", "why"], [[str(p), why] for p, why in run.ignored]))
    return Section("run", "Run facts", Markup("".join(parts)))


def directory_of(run: RunManifests) -> Path | None:
    path = run.paths.get("prepare")
    return path.parent if path is not None else None
