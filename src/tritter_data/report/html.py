"""Small HTML building blocks and the page itself (template: ``page.html`` beside this file).

Everything that comes from a manifest or a shard is escaped here; only fragments built by
these helpers (``Markup``) and charts drawn by ``charts.py`` pass through unescaped.

    >>> table(["rule", "n"], [["<eval>", 3]], numeric=(1,))
    '<table><thead><tr><th>rule</th><th class="num">n</th></tr></thead><tbody><tr><td>&lt;eval&gt;</td><td class="num">3</td></tr></tbody></table>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from string import Template
from typing import Any


class Markup(str):
    """A fragment that is already HTML (built by these helpers): inserted as is."""


def esc(value: Any) -> str:
    return value if isinstance(value, Markup) else html.escape(str(value), quote=True)


def num(value: Any) -> str:
    """A count with thousands separators; a dash for a value the manifest does not hold."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{int(value):,}"
    return str(value)


def size(value: int | None) -> str:
    """Bytes in decimal units, as ``prepare`` prints them: ``size(61924) == '61.9 KB'``."""
    if value is None:
        return "—"
    for limit, unit in ((1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")):
        if value >= limit:
            return f"{value / limit:.1f} {unit}"
    return f"{value} B"


def pct(part: int | None, whole: int | None) -> str:
    if part is None or not whole:
        return "—"
    from tritter_data.report.charts import pct as share

    return share(part, whole)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = (),
          row_ids: Sequence[str] | None = None, cls: str = "") -> str:
    """A table; ``numeric`` columns are right-aligned, ``row_ids`` become ``data-row``."""
    head = "".join(f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>"
                   for i, h in enumerate(headers))
    body = []
    for index, row in enumerate(rows):
        cells = "".join(f'<td class="num">{esc(c)}</td>' if i in numeric else f"<td>{esc(c)}</td>"
                        for i, c in enumerate(row))
        ident = f' data-row="{esc(row_ids[index])}"' if row_ids else ""
        body.append(f"<tr{ident}>{cells}</tr>")
    attrs = f' class="{cls}"' if cls else ""
    return Markup(f"<table{attrs}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def stat(label: str, value: str, note: str = "", key: str = "", tone: str = "") -> str:
    """One big number with its label (the summary header and the post-step sections)."""
    data = f' data-stat="{esc(key)}"' if key else ""
    tone_cls = f" {tone}" if tone else ""
    note_html = f'<div class="note">{esc(note)}</div>' if note else ""
    return Markup(f'<div class="stat{tone_cls}"{data}><div class="value">{esc(value)}</div>'
                  f'<div class="label">{esc(label)}</div>{note_html}</div>')


def figure(svg: str, caption: str = "", data_table: str = "") -> str:
    """A chart with a caption and, folded away, the numbers it draws."""
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    data = f"<details><summary>numbers</summary>{data_table}</details>" if data_table else ""
    return Markup(f'<figure class="chart-box">{svg}{cap}{data}</figure>')


def facts(pairs: Iterable[tuple[str, Any]]) -> str:
    """A definition list of key facts (options, parameters)."""
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(_fact(v))}</dd>" for k, v in pairs)
    return Markup(f'<dl class="facts">{items}</dl>')


def _fact(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) if value else "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) if value else "(none)"
    return num(value) if isinstance(value, (int, float)) else str(value)


@dataclass(frozen=True)
class Section:
    """One section of the page; ``status`` is "present" or "not-run" (tests and CSS read it)."""

    ident: str
    title: str
    body: str
    status: str = "present"


def not_run(ident: str, title: str, hint: str) -> Section:
    body = Markup(f'<p class="not-run"><strong>not run</strong> — {esc(hint)}</p>')
    return Section(ident, title, body, "not-run")


def page(title: str, subtitle: str, summary: str, sections: Sequence[Section], footer: str) -> str:
    """The whole self-contained page: inline CSS, inline SVG, no scripts, no external URL."""
    template = Template(resources.files("tritter_data.report").joinpath("page.html").read_text("utf-8"))
    nav = "".join(f'<a href="#{s.ident}" class="{s.status}">{esc(s.title)}</a>' for s in sections)
    body = "\n".join(
        f'<section id="{s.ident}" data-status="{s.status}"><h2>{esc(s.title)}</h2>{s.body}</section>'
        for s in sections
    )
    return template.substitute(title=esc(title), subtitle=esc(subtitle), summary=summary, nav=nav,
                               sections=body, footer=esc(footer))
