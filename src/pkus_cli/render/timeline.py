"""The timeline: one heading and compact table per decade, yielded piece by piece.

`render` is a generator so the CLI prints each decade (and each chunk of a long decade)
as soon as it is built: output starts at once even for a pack of thousands of events.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.items import Event
from pkus_cli.views.lookups import TimelineGroup, TimelineView

CHUNK = 200  # rows per table: Rich measures a whole table before printing any of it


def heading(group: TimelineGroup) -> Text:
    head = Text(group.decade, style="bold cyan")
    if group.title:
        head.append(f"  {group.title}", style="bold")
    if group.years:
        head.append(f"  ({group.years})", style="dim")
    n = len(group.events)
    head.append(f"  · {n} event{'s' if n != 1 else ''}", style="dim")
    return head


def table(events: tuple[Event, ...]) -> Table:
    # A fixed date width keeps the columns of successive chunks aligned.
    t = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    t.add_column("Date", style="green", no_wrap=True, width=10)
    t.add_column("Event", ratio=1)
    for e in events:
        cell = Text(e.title)
        cell.append(f"  {e.id}", style="dim")
        t.add_row(e.date, cell)
    return t


def render(view: TimelineView) -> Iterator[RenderableType]:
    if not view.groups:
        yield Text("No events match these filters.", style="dim")
        return
    for i, group in enumerate(view.groups):
        yield Text.assemble("\n" if i else "", heading(group))
        for start in range(0, len(group.events), CHUNK):
            yield table(group.events[start : start + CHUNK])
    n = view.count
    yield Text(f"\n{n} event{'s' if n != 1 else ''}. One in full: pkus event ID", style="dim")
