"""The sections drawn from ``prepare``'s manifest: funnel, scores, distributions, findings.

Each function takes the manifest (a dict read tolerantly: a key an older ``prepare`` did not
write makes its part say "not recorded") and returns a ``Section``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tritter_data.report import charts
from tritter_data.report.examples import negative_examples, secret_reject
from tritter_data.report.html import Markup, Section, esc, figure, num, pct, size, table
from tritter_data.report.load import as_int

MAX_BARS = 12
MAX_RULES = 20
MAX_CATEGORY_COLUMNS = 8
EXAMPLES_PER_REASON = 2
SECRET_REASON = "secret_detected"  # noqa: S105 - a reject reason id


def _counts(mapping: Any) -> dict[str, int]:
    """A ``{name: count}`` map with only integer counts (anything else is dropped)."""
    if not isinstance(mapping, Mapping):
        return {}
    return {str(k): n for k, v in mapping.items() if (n := as_int(v)) is not None}


def _ranked(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def reject_colour(reason: str) -> str:
    return charts.SECRET if reason == SECRET_REASON else charts.REJECTED


def not_recorded(what: str) -> str:
    return Markup(f'<p class="lead">{esc(what)}: not recorded in this manifest (written by an older prepare).</p>')


def funnel_section(manifest: Mapping[str, Any]) -> Section:
    total = as_int(manifest.get("input_files")) or 0
    positive, negative = as_int(manifest.get("positive")), as_int(manifest.get("negative"))
    rejected = _ranked(_counts(manifest.get("rejected")))
    rejected_bytes = _counts(manifest.get("rejected_bytes"))
    rows = [("input files", total, charts.NEUTRAL), ("kept positive", positive or 0, charts.POSITIVE),
            ("kept negative", negative or 0, charts.NEGATIVE)]
    shown = rejected[:MAX_BARS]
    rows += [(reason, count, reject_colour(reason)) for reason, count in shown]
    if len(rejected) > len(shown):
        rows.append((f"{len(rejected) - len(shown)} other reasons", sum(c for _, c in rejected[len(shown):]),
                     charts.REJECTED))
    svg = charts.funnel(rows, total, size=(charts.HALF, 0.3 * len(rows) + 0.8))
    table_rows = [["input files", total, "100.0%", size(as_int(manifest.get("bytes_in")))],
                  ["kept positive", positive, pct(positive, total), size(as_int(manifest.get("positive_bytes")))],
                  ["kept negative", negative, pct(negative, total), size(as_int(manifest.get("negative_bytes")))]]
    ids = ["input_files", "positive", "negative"]
    for reason, count in rejected:
        table_rows.append([Markup(f"rejected: <code>{esc(reason)}</code>"), count, pct(count, total),
                           size(rejected_bytes.get(reason))])
        ids.append(f"rejected:{reason}")
    funnel_table = table(["outcome", "files", "share", "bytes"], [[r[0], num(r[1]), r[2], r[3]] for r in table_rows],
                         numeric=(1, 2, 3), row_ids=ids, cls="funnel")
    body = [f'<p class="lead">Every input file ends kept (positive or negative) or rejected with one reason; '
            f"the counts add up to the {num(total)} inputs.</p>",
            f'<div class="grid2">{figure(svg, "Files at each outcome and their share of the input.")}'
            f"<div>{funnel_table}</div></div>", _language_part(manifest), _reject_examples(manifest)]
    return Section("funnel", "Funnel", Markup("".join(body)))


def _language_part(manifest: Mapping[str, Any]) -> str:
    per = manifest.get("per_language")
    if not isinstance(per, Mapping) or not per:
        return not_recorded("Per-language counts")
    stats = {lang: _counts(v) for lang, v in per.items()}
    order = sorted(stats, key=lambda lang: (-stats[lang].get("files", 0), lang))
    chart_rows = [(lang, stats[lang].get("positive", 0), stats[lang].get("negative", 0),
                   stats[lang].get("rejected", 0)) for lang in order[:MAX_BARS]]
    if len(order) > MAX_BARS:
        rest = order[MAX_BARS:]
        chart_rows.append((f"{len(rest)} others", *(sum(stats[lang].get(k, 0) for lang in rest)
                                                     for k in ("positive", "negative", "rejected"))))
    svg = charts.languages(chart_rows, size=(charts.HALF, 0.3 * len(chart_rows) + 1.0))
    rows = [[lang, num(s.get("files", 0)), size(s.get("bytes", 0)), num(s.get("positive", 0)),
             num(s.get("negative", 0)), num(s.get("rejected", 0)),
             pct(s.get("positive", 0) + s.get("negative", 0), s.get("files", 0))] for lang, s in
            ((lang, stats[lang]) for lang in order)]
    chart = figure(svg, "Files per language by outcome (rejects before detection count as unknown).")
    languages = table(["language", "files", "bytes", "positive", "negative", "rejected", "kept"], rows,
                      numeric=(1, 2, 3, 4, 5, 6), row_ids=order, cls="languages")
    return Markup(f'<h3>Per language</h3><div class="grid2">{chart}<div>{languages}</div></div>')


def _reject_examples(manifest: Mapping[str, Any]) -> str:
    examples = manifest.get("reject_examples")
    if not isinstance(examples, Mapping):
        return ""
    rows, ids = [], []
    for reason in sorted(examples):
        if reason == SECRET_REASON or not isinstance(examples[reason], list):
            continue  # secrets: path, rule and line only, in the findings section
        for example in examples[reason][:EXAMPLES_PER_REASON]:
            if isinstance(example, Mapping):
                rows.append([Markup(f"<code>{esc(reason)}</code>"),
                             Markup(f'<span class="path">{esc(example.get("source", ""))}</span>'),
                             example.get("detail", "")])
                ids.append(reason)
    if not rows:
        return ""
    examples_table = table(["reason", "file", "detail"], rows, row_ids=ids, cls="reject-examples")
    return Markup(f'<details class="section-details"><summary>Examples of rejected files ({len(rows)})</summary>'
                  f"{examples_table}</details>")


def scores_section(manifest: Mapping[str, Any]) -> Section:
    histogram = manifest.get("score_histogram")
    counts = histogram.get("counts") if isinstance(histogram, Mapping) else None
    if not isinstance(counts, list) or not counts:
        return Section("scores", "Quality scores", not_recorded("Score histogram"))
    counts = [as_int(c) or 0 for c in counts]
    options = manifest.get("options") if isinstance(manifest.get("options"), Mapping) else {}
    threshold = options.get("min_quality")
    threshold = float(threshold) if isinstance(threshold, (int, float)) else None
    svg = charts.score_histogram(counts, threshold, size=(charts.FULL, 2.9))
    width = 1 / len(counts)
    rows = [[f"{i * width:.2f}–{(i + 1) * width:.2f}", num(n)] for i, n in enumerate(counts)]
    lead = (f"Scores of the {num(sum(counts))} kept files: the quality model's predicted reviewer grade "
            "(0-5, fitted to annotated files) mapped to [0, 1]. Files left of the dashed line "
            f"(--min-quality {threshold:g}) are labelled negative; files right of it are negative only "
            "when they carry a security finding." if threshold is not None else
            f"Scores of the {num(sum(counts))} kept files: the quality model's predicted reviewer grade "
            "(0-5, fitted to annotated files) mapped to [0, 1].")
    body = (f'<p class="lead">{esc(lead)}</p>' + figure(svg, "Kept files per quality-score bin.",
            table(["score", "files"], rows, numeric=(1,), row_ids=[str(i) for i in range(len(rows))],
                  cls="score-bins")))
    return Section("scores", "Quality scores", Markup(body))


def distributions_section(manifest: Mapping[str, Any]) -> Section:
    sizes, lines = manifest.get("size_histogram"), manifest.get("line_histogram")
    parts = []
    if isinstance(sizes, Mapping) and isinstance(sizes.get("all"), list):
        series = [("all inputs", sizes["all"], charts.MUTED)]
        if isinstance(sizes.get("kept"), list):
            series.append(("kept", sizes["kept"], charts.NEUTRAL))
        svg = charts.log2_histogram(series, "bytes", chart_id="sizes", size=(charts.HALF, 3.4))
        parts.append(figure(svg, "File sizes: every input (grey) and the kept files (blue)."))
    else:
        parts.append(not_recorded("File sizes"))
    if isinstance(lines, Mapping) and isinstance(lines.get("kept"), list):
        svg = charts.log2_histogram([("kept", lines["kept"], charts.NEUTRAL)], "lines", chart_id="lines",
                                    size=(charts.HALF, 3.4))
        parts.append(figure(svg, "Line counts of the kept files."))
    else:
        parts.append(not_recorded("Line counts"))
    return Section("distributions", "File sizes and line counts", Markup(f'<div class="grid2">{"".join(parts)}</div>'))


def findings_section(manifest: Mapping[str, Any], directory: Path | None, examples: int) -> Section:
    by_category = _counts(manifest.get("findings_by_category"))
    by_rule = _counts(manifest.get("findings_by_rule"))
    kind_order = {"secret": 0, "security": 1, "quality": 2}
    categories = sorted(by_category, key=lambda k: (kind_order.get(k.split(":")[0], 3), -by_category[k], k))
    security_total = sum(n for k, n in by_category.items() if k.startswith("security:"))
    secrets = _counts(manifest.get("rejected")).get(SECRET_REASON, 0)
    parts = [f'<p class="lead">{num(security_total)} security findings in kept files (each labels its file '
             f'negative); {num(secrets)} files rejected for secrets; '
             f"{num(sum(by_category.values()) - security_total)} quality findings.</p>"]
    if categories:
        rows = [(k, by_category[k], charts.KIND_COLOURS.get(k.split(":")[0], charts.NEUTRAL)) for k in categories]
        svg = charts.bars(rows[:MAX_BARS * 2], "findings", chart_id="categories",
                          size=(charts.HALF, 0.3 * min(len(rows), MAX_BARS * 2) + 0.9))
        chart = figure(svg, "Findings per kind:category in kept files (red: security, amber: quality).")
        rules = _ranked(by_rule)
        rule_table = table(["rule", "findings"], [[Markup(f"<code>{esc(r)}</code>"), num(n)]
                                                   for r, n in rules[:MAX_RULES]],
                           numeric=(1,), row_ids=[r for r, _ in rules[:MAX_RULES]], cls="rules")
        more = f'<p class="lead">and {len(rules) - MAX_RULES} more rules.</p>' if len(rules) > MAX_RULES else ""
        parts.append(f'<div class="grid2">{chart}<div>{rule_table}{more}</div></div>'
                     f'<h3>Per language</h3><div class="scroll">{_language_findings(manifest, categories)}</div>')
    else:
        parts.append('<p class="lead">No findings recorded.</p>')
    parts.append(_secret_part(manifest))
    if directory is not None and isinstance(manifest.get("shards"), list):
        found = negative_examples(directory, [str(s) for s in manifest["shards"]], examples, security_total > 0)
        if found:
            cards = "".join(
                f'<div class="example{" security" if e.security else ""}"><div class="meta">'
                f'<span class="path">{esc(e.source)}</span> · {esc(e.language)} · score {e.score:g}</div>'
                f"<pre>{esc(e.explanation)}</pre></div>" for e in found)
            parts.append(f'<h3>Example explanations of negatives</h3><div class="examples">{cards}</div>')
    return Section("findings", "Security and quality findings", Markup("".join(parts)))


def _language_findings(manifest: Mapping[str, Any], categories: list[str]) -> str:
    per = manifest.get("findings_by_language")
    if not isinstance(per, Mapping) or not per:
        return not_recorded("Findings per language")
    columns = categories[:MAX_CATEGORY_COLUMNS]
    stats = {lang: _counts(v) for lang, v in per.items()}
    order = sorted(stats, key=lambda lang: (-sum(stats[lang].values()), lang))
    rows = [[lang, *(num(stats[lang].get(c, 0)) for c in columns), num(sum(stats[lang].values()))]
            for lang in order]
    headers = [c.replace(":", ": ") for c in columns]  # lets a long header wrap after its kind
    return table(["language", *headers, "total"], rows, numeric=tuple(range(1, len(columns) + 2)), row_ids=order,
                 cls="findings-languages")


def _secret_part(manifest: Mapping[str, Any]) -> str:
    examples = manifest.get("reject_examples")
    secret = examples.get(SECRET_REASON) if isinstance(examples, Mapping) else None
    if not isinstance(secret, list) or not secret:
        return ""
    rows = [secret_reject(e) for e in secret if isinstance(e, Mapping)]
    cells = [[Markup(f'<span class="path">{esc(p)}</span>'), Markup(f"<code>{esc(r)}</code>"), n] for p, r, n in rows]
    return Markup("<h3>Files rejected for secrets</h3><p class=\"lead\">Path, rule and line only: the secret "
                  "itself is never stored or shown.</p>"
                  + table(["file", "rule", "line"], cells, numeric=(2,), row_ids=[p for p, _, _ in rows],
                          cls="secrets"))
