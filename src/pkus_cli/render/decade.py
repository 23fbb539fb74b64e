"""One decade: summary, leaders, events, figures, takeaways and its place in the outline."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.basics import Country
from pkus_cli.render.common import Hint
from pkus_cli.views.pages import DecadeListView, DecadeView

# A decade page is read, not scrolled: past this many events, the timeline lists the rest.
MAX_EVENTS = 40


def render(view: DecadeView) -> RenderableType:
    d = view.decade
    parts: list[RenderableType] = []
    head = Text(f"{d.id}: {d.title}", style="bold")
    head.append(f"  ({d.years})", style="dim")
    parts.append(Panel(Text(d.summary), title=head, title_align="left", box=box.ROUNDED))

    leaders = Table(box=box.SIMPLE_HEAD, expand=False, show_edge=False, pad_edge=False)
    leaders.add_column("Country", style="bold")
    leaders.add_column("Role")
    leaders.add_column("Name")
    leaders.add_column("Years", no_wrap=True)
    for ld in d.leaders:
        country = "United States" if ld.country is Country.US else "Pakistan"
        leaders.add_row(country, ld.role, ld.name, ld.years)
    parts += [Text("\nLeaders", style="bold underline"), leaders]

    parts.append(Text(f"\nKey events ({len(view.events)})", style="bold underline"))
    # One grid for all events (one table renders far faster than one per event): the date,
    # then the title wrapping under itself, the id on a line of its own (never broken at
    # its hyphens), and why it matters.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=10, style="green", no_wrap=True)
    grid.add_column()
    for e in view.events[:MAX_EVENTS]:
        ident = Text(e.id, style="dim", no_wrap=True, overflow="ignore")
        grid.add_row(e.date, Text(e.title, style="bold"))
        grid.add_row("", ident)
        grid.add_row("", Text(e.significance))
    parts.append(grid)
    if len(view.events) > MAX_EVENTS:
        rest = len(view.events) - MAX_EVENTS
        parts.append(Hint(f"... and {rest} more:", f"pkus timeline --decade {d.id}"))

    if view.aid is not None:
        from pkus_cli.render import figures as chart

        parts += [Text("\nUS aid by year", style="bold underline"), chart.bars(view.aid)]
        command = f"pkus figures --from {d.start} --to {d.end}"
        parts.append(Hint("the series, its sources and spans:", command))
    if d.figures:
        figures = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        figures.add_column("Figure", ratio=3)
        figures.add_column("Amount", ratio=2)
        figures.add_column("Year", no_wrap=True)
        for f in d.figures:
            figures.add_row(f.label, f.value, f.year)
        parts += [Text("\nKey figures", style="bold underline"), figures]

    takeaways = Text()
    for i, t in enumerate(d.takeaways, 1):
        takeaways.append(f"{i}. ", style="bold")
        takeaways.append(t + ("\n" if i < len(d.takeaways) else ""))
    parts.append(Panel(takeaways, title="Takeaways for the exam", title_align="left"))

    if view.sections:
        where = ", ".join(f"{s.number}. {s.title}" for s in view.sections)
        parts.append(Text(f"Outline: {where}", style="dim"))
        command = f"pkus outline --section {view.sections[0].number}"
        parts.append(Hint("Its events in the outline:", command))
    return Group(*parts)


def render_list(view: DecadeListView) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Decade", style="bold cyan", no_wrap=True)
    table.add_column("Years", no_wrap=True)
    table.add_column("Title")
    for ident, title, years in view.decades:
        table.add_row(ident, years or "", title or Text("no content yet", style="dim"))
    hint = Text("\nShow one: pkus decade 1990s  (also 90s, 1990, 1998)", style="dim")
    return Group(table, hint)
