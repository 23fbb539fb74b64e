"""Common errors students meet in prep notes, and what the sources say instead."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.views.lookups import CorrectionsView


def render(view: CorrectionsView) -> RenderableType:
    if not view.corrections:
        return Text("This pack has no corrections.", style="dim")
    # A grid keeps wrapped lines under their text, not under the markers.
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for i, c in enumerate(view.corrections, 1):
        table.add_row(f"{i}.", Text("✗", style="bold red"), Text(c.claim))
        table.add_row("", Text("✓", style="bold green"), Text(c.correction))
        notes = Text(f"where it is met: {c.found_in}", style="dim")
        about = view.about[c.id]
        if about:
            notes.append(f"\nabout: {about['title']} ({about['kind']}:{about['id']})")
        sources = view.sources[c.id]
        if sources:
            names = "; ".join(s.title + (f" <{s.url}>" if s.url else "") for s in sources)
            notes.append(f"\nsources: {names}")
        notes.append(f"\n{c.id}")
        table.add_row("", "", notes)
        table.add_row("", "", "")
    return table
