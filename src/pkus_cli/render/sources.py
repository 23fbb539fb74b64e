"""The bibliography, with how many items cite each source."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.views.lookups import CITING_KINDS, SourcesView

_PLURAL = {
    "event": "events",
    "person": "people",
    "term": "terms",
    "decade": "decades",
    "correction": "corrections",
}


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
        if per:
            detail = ", ".join(
                f"{per[k]} {_PLURAL[k] if per[k] != 1 else k}" for k in CITING_KINDS if k in per
            )
            cell.append(f"\ncited by {detail}", style="dim")
        count = Text(str(view.total(s.id)), style="bold" if per else "red")
        table.add_row(cell, s.kind, count)
    n = len(view.sources)
    hint = Text(f"\n{n} source{'s' if n != 1 else ''}.", style="dim")
    return Group(table, hint)
