"""The bibliography, with how many items cite each source."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.explore import CITING_KINDS, SourcesView


def render(view: SourcesView) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("Source", ratio=1)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Cited by", justify="right", no_wrap=True)
    for s in view.sources:
        cell = Text(s.title, style="italic")
        cell.append(f", {s.author}")
        if s.year:
            cell.append(f", {s.year}")
        cell.append(f"\n{s.id}", style="dim")
        if s.url:
            cell.append(f"  {s.url}", style="dim")
        per = view.cited_by.get(s.id, {})
        detail = ", ".join(f"{per[k]} {k}" for k in CITING_KINDS if k in per)
        count = Text(str(view.total(s.id)), style="bold" if per else "red")
        if detail:
            count.append(f"\n{detail}", style="dim")
        table.add_row(cell, s.kind, count)
    hint = Text(f"\n{len(view.sources)} sources.", style="dim")
    return Group(table, hint)
