"""Charts as inline SVG, drawn by matplotlib (the ``[report]`` extra) and nothing else.

Figures are built with ``matplotlib.figure.Figure`` directly (the Agg/SVG canvases, no pyplot,
no GUI backend, no global state), text is kept as SVG ``<text>`` so the page's fonts apply,
and each chart gets its own hash salt and id, so several charts share one page without id
clashes and the same manifest always gives the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from tritter_data.core.errors import UsageError

INSTALL_HINT = "the report needs matplotlib: pip install 'tritter-data[report]'"

# One palette for the charts and the page (html.py uses the same names as CSS variables).
POSITIVE = "#2a9d8f"
NEGATIVE = "#e9a23b"
REJECTED = "#d1495b"
SECRET = "#7b2d43"  # noqa: S105 - a colour, not a password
NEUTRAL = "#3d5a80"
MUTED = "#b8c4ce"
INK = "#1f2933"
SOFT_INK = "#52606d"
GRID = "#e4e7eb"
#: Figure widths in inches for a full-width chart and one of two side by side: at these widths the
#: page draws the SVG at about its natural size, so chart text matches the page's text.
FULL = 10.6
HALF = 5.2
KIND_COLOURS = {"secret": SECRET, "security": REJECTED, "quality": NEGATIVE}

_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": SOFT_INK,
    "axes.titlesize": 11,
    "xtick.color": SOFT_INK,
    "ytick.color": SOFT_INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.fonttype": "none",
}


def require_matplotlib() -> None:
    """Fail early with the install hint (``prepare --report`` checks before it starts)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_HINT) from None


def chart(name: str) -> Callable[[Callable[..., Any]], Callable[..., str]]:
    """Decorate a function that draws on a ``Figure`` so that it returns inline SVG.

    Callers may pass ``size=(w, h)`` in inches and ``chart_id=`` when one kind of chart
    appears twice on a page.
    """

    def decorate(draw: Callable[..., Any]) -> Callable[..., str]:
        @wraps(draw)
        def render(*args: Any, **kwargs: Any) -> str:
            require_matplotlib()
            from matplotlib import rc_context
            from matplotlib.figure import Figure

            ident = kwargs.pop("chart_id", name)  # unique per page: ids inside the SVG derive from it
            with rc_context({**_STYLE, "svg.hashsalt": f"tritter-{ident}", "svg.id": f"chart-{ident}"}):
                figure = Figure(figsize=kwargs.pop("size", (FULL, 3.4)), layout="constrained")
                draw(figure, *args, **kwargs)
                buffer = io.StringIO()
                figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
            return _inline(buffer.getvalue(), ident)

        return render

    return decorate


def _inline(svg: str, name: str) -> str:
    """Strip the XML prologue and metadata; let CSS size the chart (the viewBox keeps its shape)."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    # matplotlib numbers its groups per figure (figure_1, axes_1...): prefix them to stay unique on the page.
    rest = re.sub(r'(\sid="|url\(#|href="#)([^")]+)', lambda m: f"{m.group(1)}{name}-{m.group(2)}", rest)
    return f'{head} role="img" class="chart" data-chart="{name}">{rest}'.strip()


def _axes(figure: Any, grid: str = "x") -> Any:
    """Axes in the page's style; the value axis (``grid``) gets whole-number ticks (counts)."""
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    axes.grid(axis=grid, color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    axes.tick_params(length=0)
    (axes.xaxis if grid == "x" else axes.yaxis).set_major_locator(MaxNLocator(integer=True))
    return axes


def human(value: float) -> str:
    """Short count: ``human(1234) == '1.2k'``, ``human(42) == '42'``."""
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}{suffix}"
    return f"{value:g}"


def pct(part: float, whole: float) -> str:
    """A share of a whole: ``pct(1, 3) == '33.3%'``; a small non-zero share is ``'<0.1%'``, never 0.0%."""
    share = 100 * part / whole
    return "<0.1%" if 0 < share < 0.05 else f"{share:.1f}%"


def _hbars(axes: Any, labels: Sequence[str], values: Sequence[float], colours: Sequence[str],
           notes: Sequence[str] | None = None) -> None:
    """Horizontal bars top-down with a value label at each bar's end."""
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, values, color=colours, height=0.62)
    axes.set_yticks(positions, labels)
    top = max(values, default=0) or 1
    axes.set_xlim(0, top * (1.22 if notes is None else 1.45))  # room for the value labels
    for y, value, note in zip(positions, values, notes or [""] * len(values), strict=True):
        label = f"{int(value):,}" if float(value).is_integer() and value < 1e7 else human(value)
        axes.text(value + top * 0.01, y, f"{label}{note}", va="center", fontsize=9, color=INK)
    axes.xaxis.set_major_formatter(lambda x, _pos: human(x))


@chart("funnel")
def funnel(figure: Any, rows: Sequence[tuple[str, int, str]], total: int) -> None:
    """Input files, then each outcome, as bars with their share of the input."""
    axes = _axes(figure)
    notes = [f"  ({pct(count, total)})" if total else "" for _, count, _ in rows]
    _hbars(axes, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], notes)
    axes.set_xlabel("files")


@chart("languages")
def languages(figure: Any, rows: Sequence[tuple[str, int, int, int]]) -> None:
    """Per language: positive, negative and rejected files stacked (rows: name, pos, neg, rej)."""
    axes = _axes(figure)
    positions = list(range(len(rows)))[::-1]
    left = [0] * len(rows)
    for index, (label, colour) in enumerate((("positive", POSITIVE), ("negative", NEGATIVE),
                                             ("rejected", REJECTED)), start=1):
        values = [row[index] for row in rows]
        axes.barh(positions, values, left=left, color=colour, height=0.62, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(positions, [row[0] for row in rows])
    axes.xaxis.set_major_formatter(lambda x, _pos: human(x))
    axes.set_xlabel("files")
    axes.legend(frameon=False, ncols=3, loc="lower right", bbox_to_anchor=(1, 1), fontsize=9)


@chart("scores")
def score_histogram(figure: Any, counts: Sequence[int], threshold: float | None) -> None:
    """Quality scores in equal bins; bars below ``--min-quality`` in the negative colour."""
    axes = _axes(figure, grid="y")
    width = 1 / len(counts)
    starts = [i * width for i in range(len(counts))]
    colours = [NEGATIVE if threshold is not None and s + width / 2 < threshold else POSITIVE for s in starts]
    axes.bar(starts, counts, width=width * 0.92, align="edge", color=colours)
    axes.set_xlim(0, 1)
    axes.set_xlabel("quality score")
    axes.set_ylabel("kept files")
    axes.yaxis.set_major_formatter(lambda y, _pos: human(y))
    if threshold is not None:
        axes.axvline(threshold, color=INK, linestyle="--", linewidth=1.2)
        axes.text(threshold, 1.0, f" --min-quality {threshold:g}", transform=axes.get_xaxis_transform(),
                  va="bottom", ha="center", fontsize=9, color=INK)


def _log2_label(bin_index: int, unit: str) -> str:
    if bin_index == 0:
        return "0"
    low = 1 << (bin_index - 1)
    if unit == "bytes":
        for shift, suffix in ((30, "GiB"), (20, "MiB"), (10, "KiB")):
            if low >= 1 << shift:
                return f"{low >> shift} {suffix}"
        return f"{low} B"
    return f"{low:,}"


@chart("log2")
def log2_histogram(figure: Any, series: Sequence[tuple[str, Sequence[int], str]], unit: str) -> None:
    """Log2-binned counts (bin b = [2**(b-1), 2**b)); several series overlap, widest first."""
    axes = _axes(figure, grid="y")
    used = [i for _, counts, _ in series for i, n in enumerate(counts) if n]
    if not used:
        axes.text(0.5, 0.5, "no files", ha="center", transform=axes.transAxes, color=SOFT_INK)
        return
    bins = list(range(min(used), max(used) + 1))
    for index, (label, counts, colour) in enumerate(series):
        width = 0.8 - 0.3 * index
        axes.bar(bins, [counts[b] for b in bins], width=width, color=colour, label=label)
    step = 1 if len(bins) <= 12 else 2  # every other label when they would crowd
    axes.set_xticks(bins[::step], [_log2_label(b, unit) for b in bins[::step]], rotation=45, ha="right")
    axes.set_xlabel(f"{unit} (log2 bins, lower edge)")
    axes.set_ylabel("files")
    axes.yaxis.set_major_formatter(lambda y, _pos: human(y))
    if len(series) > 1:
        axes.legend(frameon=False, ncols=len(series), loc="lower right", bbox_to_anchor=(1, 1), fontsize=9)


@chart("bars")
def bars(figure: Any, rows: Sequence[tuple[str, int, str]], xlabel: str) -> None:
    """A ranked horizontal bar chart: (label, value, colour) rows, top to bottom."""
    axes = _axes(figure)
    _hbars(axes, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    axes.set_xlabel(xlabel)


@chart("clusters")
def cluster_sizes(figure: Any, pairs: Sequence[tuple[int, int]]) -> None:
    """Near-duplicate clusters by size (one bar per size that occurs)."""
    axes = _axes(figure, grid="y")
    positions = list(range(len(pairs)))
    axes.bar(positions, [count for _, count in pairs], color=NEUTRAL, width=0.7)
    axes.set_xticks(positions, [str(size) for size, _ in pairs])
    axes.set_xlabel("files per cluster")
    axes.set_ylabel("clusters")
    axes.yaxis.set_major_formatter(lambda y, _pos: human(y))


@chart("mix")
def mix(figure: Any, rows: Sequence[tuple[str, int, int]]) -> None:
    """Target vs taken tokens per component (rows: name, target, taken)."""
    axes = _axes(figure)
    positions = list(range(len(rows)))[::-1]
    axes.barh([p + 0.18 for p in positions], [r[1] for r in rows], height=0.34, color=MUTED, label="target")
    axes.barh([p - 0.18 for p in positions], [r[2] for r in rows], height=0.34, color=NEUTRAL, label="taken")
    top = max([max(r[1], r[2]) for r in rows], default=0) or 1
    for y, (_, target, taken) in zip(positions, rows, strict=True):
        share = f"{100 * taken / target:.0f}% of target" if target else ""
        axes.text(max(target, taken) + top * 0.01, y, share, va="center", fontsize=9, color=INK)
    axes.set_xlim(0, top * 1.3)
    axes.set_yticks(positions, [r[0] for r in rows])
    axes.xaxis.set_major_formatter(lambda x, _pos: human(x))
    axes.set_xlabel("tokens")
    axes.legend(frameon=False, ncols=2, loc="lower right", bbox_to_anchor=(1, 1), fontsize=9)
