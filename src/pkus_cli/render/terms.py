"""Glossary terms: the list, and one term with every event, card and correction using it."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.items import Card, Correction, Event
from pkus_cli.render.common import indented, sources_block
from pkus_cli.views.lookups import TermsView, TermView


def event_lines(events: tuple[Event, ...]) -> list[RenderableType]:
    if not events:
        return []
    # One grid: the title wraps under itself, the id on a row of its own, never broken.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=10, style="green", no_wrap=True)
    grid.add_column()
    for e in events:
        grid.add_row(e.date, e.title)
        grid.add_row("", Text(e.id, style="dim", no_wrap=True))
    return [Text(f"Events ({len(events)})", style="bold underline"), indented(grid)]


def cards_and_corrections(
    cards: tuple[Card, ...], corrections: tuple[Correction, ...]
) -> list[RenderableType]:
    out: list[RenderableType] = []
    if cards:
        out.append(Text(f"Study cards ({len(cards)})", style="bold underline"))
        for c in cards:
            line = Text(f"{c.question} ")
            line.append(f"→ {c.answer}", style="bold")
            out.append(indented(line))
    for fixed in corrections:
        fix = Text("Common error: ", style="bold red")
        fix.append(fixed.claim)
        fix.append("\nThe sources: ", style="bold green")
        fix.append(fixed.correction)
        out.append(fix)
    return out


def render_list(view: TermsView) -> RenderableType:
    # A block per term, its id whole on its own line (a user types it).
    parts: list[RenderableType] = []
    for t in view.terms:
        head = Text(t.term, style="bold")
        n = view.event_counts.get(t.id, 0)
        head.append(f"  {t.year}, {n} event{'s' if n != 1 else ''}", style="dim")
        ident = Text("  ")
        ident.append(t.id, style="dim")
        ident.no_wrap = True  # never broken at its hyphens
        parts += [head, ident, Padding(Text(t.definition), (0, 0, 0, 2))]
    n = len(view.terms)
    parts.append(
        Text(f"\n{n} term{'s' if n != 1 else ''}. One in full: pkus terms ID", style="dim")
    )
    return Group(*parts)


def render(view: TermView) -> RenderableType:
    t = view.term
    body = Text(t.year, style="green")
    if t.aliases:
        body.append(f"  also: {', '.join(t.aliases)}", style="italic")
    body.append(f"\n\n{t.definition}")
    head = Text(t.term, style="bold")
    head.append(f"  {t.id}", style="dim")
    parts: list[RenderableType] = [Panel(body, title=head, title_align="left", box=box.ROUNDED)]
    parts += event_lines(view.events)
    parts += cards_and_corrections(view.cards, view.corrections)
    parts += sources_block(view.sources)
    return Group(*parts)
