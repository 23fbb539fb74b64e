"""Search results: kind, id, the title and a snippet with the matching words highlighted."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.render.common import Hint
from pkus_cli.views.search import SearchView

MARK = "bold reverse"


def marked(text: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Text:
    out = Text(text, style=style)
    for start, end in spans:
        out.stylize(MARK, start, end)
    return out


def render(view: SearchView) -> RenderableType:
    if not view.results:
        return Text(f"No results for '{view.query}'.", style="dim")
    note = None
    if view.corrected:
        note = Text(f"No results for '{view.query}'; showing '{' '.join(view.corrected)}'.",
                    style="yellow")  # fmt: skip
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column("Kind", style="cyan", no_wrap=True, width=6)
    table.add_column("Result", ratio=1)
    for r in view.results:
        cell = marked(r.title, r.title_highlights, "bold")
        cell.append(f"  {r.id}", style="dim")
        if r.snippet:
            cell.append("\n")
            cell.append_text(marked(r.snippet, r.highlights))
        table.add_row(r.kind, cell)
        table.add_row("", "")
    shown = len(view.results)
    more = f" (showing {shown}; --limit N for more)" if shown < view.total else ""
    opens = ("pkus event ID", "pkus people ID", "pkus terms ID", "pkus decade ID", "pkus books")
    found = f"{view.total} result{'s' if view.total != 1 else ''}{more}. Open one:"
    foot = Hint(found, *opens, "pkus quotes")
    return Group(note, table, foot) if note is not None else Group(table, foot)
