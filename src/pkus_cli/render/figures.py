"""A bar chart of figures by year that reads at 80 columns, with and without colour: each
bar labelled with its year and amount, the spans marked beside it, the leaders of the year,
and the sources under it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.render.common import source_line
from pkus_cli.views.figures import FiguresView

BAR = 30  # characters for the largest bar
MARK = {"alliance": "A", "sanction": "S", "suspension": "X", "waiver": "W", "aid-package": "P"}
STYLE = {"alliance": "green", "sanction": "red", "suspension": "yellow", "waiver": "cyan",
         "aid-package": "blue"}  # fmt: skip


def bar_length(amount: float, largest: float, width: int = BAR) -> int:
    """Bars are proportional to the values: `width` characters for the largest."""
    return 0 if largest <= 0 else round(width * amount / largest)


def render(v: FiguresView) -> RenderableType:
    head = Text(f"US {v.measure} {'aid' if v.measure in ('economic', 'military', 'total') else ''}",
                style="bold")  # fmt: skip
    head.append(f" to Pakistan by year, {v.unit}", style="dim")
    largest = max((r.amount for r in v.rows), default=0.0)
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="bold", no_wrap=True)  # year
    table.add_column(no_wrap=True)  # bar
    table.add_column(justify="right", no_wrap=True)  # amount
    table.add_column(no_wrap=True)  # spans
    table.add_column(style="dim", no_wrap=True)  # leaders
    for r in v.rows:
        n = bar_length(r.amount, largest)
        bar = Text("\u2588" * n, style="green")
        marks = Text()
        for x in r.spans:
            marks.append(MARK[x.kind], style=STYLE[x.kind])
        who = "/".join(name for name in (r.us, r.pakistan) if name)
        table.add_row(str(r.year), bar, f"{r.amount:,.1f}", marks, who)
    legend = Text("Marks: ", style="dim")
    for kind, mark in MARK.items():
        legend.append(f"{mark} {kind}  ", style=STYLE[kind])
    parts: list[RenderableType] = [head, table, legend, Text("")]
    if v.spans:
        parts.append(Text("Spans", style="bold underline"))
        for x in v.spans:
            line = Text(f"  {MARK[x.kind]} ", style=STYLE[x.kind])
            line.append(f"{x.start[:4]}{'-' + x.end[:4] if x.end else ''} {x.title}")
            line.append(f"  {x.events[0]}", style="dim")
            parts.append(line)
    parts.append(Text("\nWhat the series measure", style="bold underline"))
    for s in v.series:
        parts.append(
            Text(f"  {s.title}: {s.measure}, {s.unit}, {s.dollars} dollars, {s.years} years")
        )
    parts.append(Text("Sources", style="bold underline"))
    parts += [Text.assemble("  ", source_line(s)) for s in v.sources]
    parts.append(
        Text("Leaders: US president / Pakistan's head of government that year", style="dim")
    )
    return Group(*parts)
