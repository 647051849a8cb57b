"""One self-contained HTML page from a run's manifests (``python -m tritter_data report OUT``).

``build_report`` reads the manifests (``load.py``), draws the charts (``charts.py``, needs the
``[report]`` extra) and fills the page (``html.py`` + ``page.html``). The page has no scripts
and no external URL: it opens from a file, offline, and the same manifests give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tritter_data import __version__
from tritter_data.report.charts import require_matplotlib
from tritter_data.report.html import Markup, Section, not_run, num, page, pct, size, stat
from tritter_data.report.load import RunManifests, as_int, load_manifests
from tritter_data.report.post import decont_view, dedup_view, mix_view

__all__ = ["build_report", "require_matplotlib", "write_report"]


def build_report(directory: Path, manifests: Iterable[Path] = (), examples: int = 4) -> str:
    """The page for the run in ``directory`` (plus explicit ``manifests``), as a string."""
    from tritter_data.report import post_sections, prepare_sections

    require_matplotlib()
    run = load_manifests(directory, manifests)
    prepare = run.get("prepare")
    sections: list[Section]
    if prepare is not None:
        sections = [
            prepare_sections.funnel_section(prepare),
            prepare_sections.scores_section(prepare),
            prepare_sections.distributions_section(prepare),
            prepare_sections.findings_section(prepare, post_sections.directory_of(run), examples),
        ]
    else:
        hint = "no prepare manifest; run `python -m tritter_data prepare --input-dir SRC --output-dir OUT`."
        sections = [not_run(ident, title, hint) for ident, title in (
            ("funnel", "Funnel"), ("scores", "Quality scores"), ("distributions", "File sizes and line counts"),
            ("findings", "Security and quality findings"))]
    sections += [post_sections.dedup_section(run), post_sections.decont_section(run),
                 post_sections.mix_section(run), post_sections.curate_section(run), post_sections.run_section(run)]
    source = (prepare or {}).get("options", {}).get("input_dir") if isinstance((prepare or {}).get("options"),
                                                                               dict) else None
    subtitle = f"{source} → {directory}" if source else str(directory)
    return page("tritter-data run report", subtitle, _summary(run), sections,
                f"tritter-data {__version__} · self-contained page: no scripts, no network")


def write_report(directory: Path, output: Path | None = None, manifests: Iterable[Path] = (),
                 examples: int = 4) -> Path:
    """Write the page (default ``directory/report.html``) and return its path."""
    target = output or directory / "report.html"
    text = build_report(directory, manifests, examples)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _summary(run: RunManifests) -> str:
    """The big numbers at the top: what went in, what came out, how fast."""
    items = []
    prepare = run.get("prepare")
    if prepare is not None:
        total = as_int(prepare.get("input_files"))
        kept, positive = as_int(prepare.get("kept")), as_int(prepare.get("positive"))
        negative, rejected = as_int(prepare.get("negative")), as_int(prepare.get("rejected_total"))
        speed = prepare.get("mb_per_second")
        items += [
            stat("input files", num(total), size(as_int(prepare.get("bytes_in"))), "input_files", "neutral"),
            stat("kept", num(kept), f"{pct(kept, total)} of input", "kept", "positive"),
            stat("positive", num(positive), pct(positive, kept) + " of kept", "positive", "positive"),
            stat("negative", num(negative), pct(negative, kept) + " of kept", "negative", "negative"),
            stat("rejected", num(rejected), f"{pct(rejected, total)} of input", "rejected", "rejected"),
            stat("MB/s", f"{speed}" if speed is not None else "—",
                 f"{prepare.get('elapsed_seconds', '—')} s elapsed", "throughput", "neutral"),
        ]
    if run.get("dedup") is not None:
        view = dedup_view(run.found["dedup"])
        items.append(stat("near-dups removed", num(view.removed), size(view.bytes_removed) if view.bytes_removed
                          is not None else "", "near_dup_removed", "rejected"))
    if run.get("decontaminate") is not None:
        view_d = decont_view(run.found["decontaminate"])
        items.append(stat("contaminated", num(view_d.removed), f"{len(view_d.benchmarks)} benchmarks",
                          "contaminated", "rejected"))
    if run.get("mix") is not None:
        view_m = mix_view(run.found["mix"])
        from tritter_data.report.charts import human

        items.append(stat("mix tokens", human(sum(c.taken or 0 for c in view_m.components)),
                          f"{len(view_m.components)} components", "mix_tokens", "neutral"))
    return Markup(f'<div class="stats">{"".join(items)}</div>')
