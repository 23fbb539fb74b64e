"""Common errors students meet in prep notes, and what the sources say instead."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pkus_cli.render.common import Whole, link
from pkus_cli.views.lookups import CorrectionsView


def render(view: CorrectionsView) -> RenderableType:
    if not view.corrections:
        return Text("This pack has no corrections.", style="dim")
    parts: list[RenderableType] = []
    for i, c in enumerate(view.corrections, 1):
        # A grid keeps wrapped lines under their text, not under the markers.
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="bold", no_wrap=True, width=4)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        table.add_row(f"{i}.", Text("✗", style="bold red"), Text(c.claim))
        table.add_row("", Text("✓", style="bold green"), Text(c.correction))
        notes = Text(f"where it is met: {c.found_in}", style="dim")
        about = view.about[c.id]
        if about:
            notes.append(f"\nabout: {about['title']} ({about['kind']}:{about['id']})")
        table.add_row("", "", notes)
        parts.append(table)
        for src in view.sources[c.id]:
            parts.append(Padding(Text(f"source: {src.title}", style="dim"), (0, 0, 0, 7)))
            if src.url:
                parts.append(link(src.url, indent=7))
        ident = Whole(" " * 7)
        ident.append(c.id, style="dim")
        parts += [ident, Text("")]
    return Group(*parts)
