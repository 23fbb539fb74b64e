"""A bar chart of figures by year that reads at 80 columns, with and without colour: each
bar labelled with its year and amount, the spans marked beside it, the leaders of the year,
and the sources under it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from pkus_cli.render.common import Whole, indented, link, source_line
from pkus_cli.views.figures import FiguresView

BAR = 30  # characters for the largest bar
MARK = {"alliance": "A", "sanction": "S", "suspension": "X", "waiver": "W", "aid-package": "P"}
STYLE = {"alliance": "green", "sanction": "red", "suspension": "yellow", "waiver": "cyan",
         "aid-package": "blue"}  # fmt: skip


def bar_length(amount: float, largest: float, width: int = BAR) -> int:
    """Bars are proportional to the values: `width` characters for the largest."""
    return 0 if largest <= 0 else round(width * amount / largest)


def render(v: FiguresView) -> RenderableType:
    what = "aid" if v.measure in ("economic", "military", "total") else "trade in goods"
    head = Text(f"US {v.measure} {what}, Pakistan, by year", style="bold")
    head.append(f" ({v.unit})", style="dim")
    table = bars(v)
    return _page(v, head, table)


def bars(v: FiguresView) -> Text:
    """The chart itself: a line per year, a bar in proportion, the amount, marks, leaders.

    One Text of fixed-width lines rather than a table: as fast as printing, and it reads
    the same at any width from 80 columns up."""
    largest = max((r.amount for r in v.rows), default=0.0)
    width = max((len(f"{r.amount:,.1f}") for r in v.rows), default=1)
    marks_w = max((len(r.spans) for r in v.rows), default=0)
    out = Text(no_wrap=True, overflow="ellipsis")
    for n, r in enumerate(v.rows):
        if n:
            out.append("\n")
        out.append(f"{r.year} ", style="bold")
        length = bar_length(r.amount, largest)
        out.append("\u2588" * length, style="green")
        out.append(" " * (BAR - length) + f" {r.amount:>{width},.1f} ")
        for x in r.spans:
            out.append(MARK[x.kind], style=STYLE[x.kind])
        out.append(" " * (marks_w - len(r.spans)) + " ")
        out.append("/".join(name for name in (r.us, r.pakistan) if name), style="dim")
    return out


def _page(v: FiguresView, head: Text, table: Text) -> RenderableType:
    legend = Text("Marks: ", style="dim")
    for kind, mark in MARK.items():
        legend.append(f"{mark} {kind}  ", style=STYLE[kind])
    parts: list[RenderableType] = [head, table, legend, Text("")]
    if v.spans:
        parts.append(Text("Spans", style="bold underline"))
        for x in v.spans:
            line = Text(f"{MARK[x.kind]} ", style=STYLE[x.kind])
            line.append(f"{x.start[:4]}{'-' + x.end[:4] if x.end else ''} {x.title}")
            parts.append(indented(line))
            ident = Whole("      ")
            ident.append(f"{x.id}: pkus event {x.events[0]}", style="dim")
            parts.append(ident)
    parts.append(Text("\nWhat the series measure", style="bold underline"))
    for s in v.series:
        parts.append(
            indented(
                Text(f"{s.title}: {s.measure}, {s.unit}, {s.dollars} dollars, {s.years} years")
            )
        )
    parts.append(Text("Sources", style="bold underline"))
    for src in v.sources:
        parts.append(indented(source_line(src)))
        if src.url:
            parts.append(link(src.url))
    parts.append(
        Text("Leaders: US president / Pakistan's head of government that year", style="dim")
    )
    return Group(*parts)
