"""One event in full: when, what, why it matters, who, where in the outline, and sources."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.render.common import Hint, literature_lines, sources_block
from pkus_cli.views.lookups import EventView


def _label(name: str) -> Text:
    return Text(name, style="bold")


def render(view: EventView) -> RenderableType:
    e = view.event
    facts = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(ratio=1)
    facts.add_row("Date", Text(f"{e.display_date}  ({e.date})"))
    decade = e.decade + (f": {view.decade.title}" if view.decade else "")
    facts.add_row("Decade", Text(decade))
    for n, (s, sub) in enumerate(view.placement):
        where = Text(f"{sub.code} {sub.title}")
        where.append(f"  (section {s.number}: {s.title})", style="dim")
        facts.add_row("Outline" if n == 0 else "", where)
    facts.add_row("Tags", Text(", ".join(e.tags)))
    facts.add_row("", "")
    facts.add_row("Summary", Text(e.summary))
    facts.add_row("", "")
    facts.add_row("Why it matters", Text(e.significance))
    if e.note:
        facts.add_row("", "")
        facts.add_row("Note", Text(e.note, style="italic"))
    if view.people:
        facts.add_row("", "")
        for n, p in enumerate(view.people):
            who = Text(p.name)
            who.append(f"  {p.id}", style="dim")
            facts.add_row("People" if n == 0 else "", who)
    if view.terms:
        facts.add_row("", "")
        for n, t in enumerate(view.terms):
            term = Text(t.term, style="bold")
            term.append(f": {t.definition}")
            term.append(f"  {t.id}", style="dim")
            facts.add_row("Terms" if n == 0 else "", term)
    head = Text(e.title, style="bold")
    head.append(f"  {e.id}", style="dim")
    parts: list[RenderableType] = [Panel(facts, title=head, title_align="left", box=box.ROUNDED)]
    # Grids keep wrapped lines indented under their text.
    if view.corrections:
        fixes = Table.grid(padding=(0, 1))
        fixes.add_column(no_wrap=True)
        fixes.add_column(ratio=1)
        for c in view.corrections:
            fixes.add_row(Text("Common error:", style="bold red"), Text(c.claim))
            fixes.add_row(Text("The sources:", style="bold green"), Text(c.correction))
        parts.append(fixes)
    parts += literature_lines(view.works, view.quotes)
    parts += sources_block(view.sources)
    # Neighbours in a grid, so a long title wraps under itself, not under the arrow; the id
    # on a row of its own, never broken at its hyphens.
    around = Table.grid(padding=(0, 1))
    around.add_column(no_wrap=True, style="bold")
    around.add_column(ratio=1)
    for label, other in (("← before:", view.previous), ("→ after:", view.next)):
        if other is not None:
            around.add_row(label, Text(f"{other.date}  {other.title}"))
            around.add_row("", Text(other.id, style="dim", no_wrap=True))
    if around.row_count:
        parts += [Text(""), around]
    if view.cards:
        k = len(view.cards)
        what = f"{k} study card{' tests' if k == 1 else 's test'} this event:"
        parts.append(Hint(what, f"pkus quiz --event {view.event.id}"))
    return Group(*parts)
