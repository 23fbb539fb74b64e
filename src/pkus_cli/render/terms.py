"""Glossary terms: the list, and one term with every event, card and correction using it."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.items import Card, Correction, Event
from pkus_cli.render.common import sources_block
from pkus_cli.views.lookups import TermsView, TermView


def event_lines(events: tuple[Event, ...]) -> list[RenderableType]:
    if not events:
        return []
    out: list[RenderableType] = [Text(f"Events ({len(events)})", style="bold underline")]
    for e in events:
        line = Text(f"  {e.date:<10} ", style="green")
        line.append(e.title, style="")
        line.append(f"  {e.id}", style="dim")
        out.append(line)
    return out


def cards_and_corrections(
    cards: tuple[Card, ...], corrections: tuple[Correction, ...]
) -> list[RenderableType]:
    out: list[RenderableType] = []
    if cards:
        out.append(Text(f"Study cards ({len(cards)})", style="bold underline"))
        for c in cards:
            line = Text(f"  {c.question} ")
            line.append(f"→ {c.answer}", style="bold")
            out.append(line)
    for fixed in corrections:
        fix = Text("Common error: ", style="bold red")
        fix.append(fixed.claim)
        fix.append("\nThe sources: ", style="bold green")
        fix.append(fixed.correction)
        out.append(fix)
    return out


def render_list(view: TermsView) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    # The column is at least as wide as the longest id, which a user types: never cut.
    widest = max((len(t.id) for t in view.terms), default=10)
    table.add_column("Term", ratio=2, overflow="fold", min_width=widest)
    table.add_column("Year", no_wrap=True)
    table.add_column("Definition", ratio=5)
    table.add_column("Events", justify="right", no_wrap=True)
    for t in view.terms:
        name = Text(t.term, style="bold")
        name.append(f"\n{t.id}", style="dim")
        table.add_row(name, t.year, Text(t.definition), str(view.event_counts.get(t.id, 0)))
    n = len(view.terms)
    hint = Text(f"\n{n} term{'s' if n != 1 else ''}. One in full: pkus terms ID", style="dim")
    return Group(table, hint)


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
