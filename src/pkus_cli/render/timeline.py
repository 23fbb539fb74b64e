"""The timeline: one heading and compact table per decade, yielded piece by piece.

`render` is a generator so the CLI prints each decade (and each chunk of a long decade)
as soon as it is built: output starts at once even for a pack of thousands of events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Span, Text

from pkus_cli.pack.items import Event
from pkus_cli.views.lookups import TimelineGroup, TimelineRuns, TimelineView

CHUNK = 200  # rows printed at a time, so a long timeline starts at once
DATE = 11  # "1990-10-01" and a space; month-only and year-only dates padded to it


def heading(group: TimelineGroup | TimelineRuns) -> Text:
    head = Text(group.decade, style="bold cyan")
    if group.title:
        head.append(f"  {group.title}", style="bold")
    if group.years:
        head.append(f"  ({group.years})", style="dim")
    n = group.count
    head.append(f"  · {n} event{'s' if n != 1 else ''}", style="dim")
    return head


class Rows:
    """Events as lines: the date, then the title and id wrapping under the title, never
    breaking the id (a user copies it). Laid out here rather than as a Rich table: a table
    measures every cell twice, and at 10,000 events took three times as long as the JSON."""

    def __init__(self, events: tuple[Event, ...]) -> None:
        self.events = events

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(20, options.max_width - DATE)
        # The text and its styled spans built directly: a Text.append per word (each one
        # scanned for control codes) was most of a 50,000-event timeline's time.
        parts: list[str] = []
        spans: list[Span] = []
        at = 0
        for n, e in enumerate(self.events):
            date = e.date.ljust(DATE)
            if n:
                parts.append("\n")
                at += 1
            parts.append(date)
            spans.append(Span(at, at + len(date), "green"))
            at += len(date)
            used = 0  # cells of the title column used on this line
            words = e.title.split()
            for i, word in enumerate([*words, e.id]):
                ident = i == len(words)
                gap = 2 if ident and used else 1  # two spaces before the id
                width = cell_len(word)
                if used and used + gap + width > room:
                    parts.append("\n" + " " * DATE)
                    at += 1 + DATE
                    used, gap = 0, 1
                parts.append(" " * gap + word)
                if ident:
                    spans.append(Span(at + gap, at + gap + len(word), "dim"))
                at += gap + len(word)
                used += gap + width
        yield Text("".join(parts), spans=spans, no_wrap=True, overflow="ignore")


def render(view: TimelineView) -> Iterator[RenderableType]:
    return render_groups(iter(view.groups))


def render_groups(
    groups: Iterable[TimelineGroup | TimelineRuns],
) -> Iterator[RenderableType]:
    """Each decade as soon as it is read (see `lookups.timeline_runs`), then the count."""
    n = 0
    for i, group in enumerate(groups):
        yield Text.assemble("\n" if i else "", heading(group))
        for run in group.runs:
            for start in range(0, len(run), CHUNK):
                yield Rows(run[start : start + CHUNK])
        n += group.count
    if not n:
        yield Text("No events match these filters.", style="dim")
        return
    yield Text(f"\n{n} event{'s' if n != 1 else ''}. One in full: pkus event ID", style="dim")
