"""Past papers on screen: the list with recurring themes, and one question with its outline."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.study import PaperQuestion
from pkus_cli.render.common import Hint, sources_block
from pkus_cli.views.papers import PapersView, PaperView


def _table(questions: tuple[PaperQuestion, ...], past: bool) -> Table:
    # One column: the paper's name over its question, so both keep the full width.
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, padding=(0, 0, 1, 0)
    )
    table.add_column("Paper and question" if past else "Question")
    for q in questions:
        text = Text(f"{q.label}\n", style="bold") if past else Text()
        text.append(q.text)
        text.append(f"\n{q.id}", style="dim")
        if q.uncertain:
            text.append("  (year, paper or wording uncertain: see pkus paper ID)", style="yellow")
        table.add_row(text)
    return table


def render_list(view: PapersView) -> RenderableType:
    parts: list[RenderableType] = []
    shown = ", ".join(f"{k} {v}" for k, v in view.filters.items())
    head = f"Past-paper questions ({len(view.past)})" + (f" · {shown}" if shown else "")
    parts += [Text(head, style="bold underline"), _table(view.past, past=True)]
    if view.themes:
        line = Text("Themes that recur in these questions: ", style="bold")
        line.append(", ".join(f"{label} {n}" for _, label, n in view.themes))
        parts += [line, Text("")]
    if view.likely:
        parts.append(
            Text(
                f"Likely questions ({len(view.likely)}), written by pkus, not past papers",
                style="bold underline",
            )
        )
        parts.append(_table(view.likely, past=False))
    parts.append(
        Hint("One with its model outline, then answer it:", "pkus paper ID", "pkus practice ID")
    )
    return Group(*parts)


def render(view: PaperView) -> RenderableType:
    q = view.question
    body = Text(q.text, style="bold")
    if q.marks:
        body.append(f"  ({q.marks} marks)", style="dim")
    if q.uncertain:
        body.append(f"\n\nUncertain: {q.uncertain}", style="yellow")
    head = Text(q.label, style="bold")
    head.append(f"  {q.id}", style="dim")
    parts: list[RenderableType] = [Panel(body, title=head, title_align="left", box=box.ROUNDED)]
    if not view.hide_outline:
        o = q.outline
        parts += [_heading("Thesis"), _indent(Text(o.thesis))]
        parts.append(_heading("Arguments"))
        for n, a in enumerate(view.arguments, 1):
            block: list[RenderableType] = [Text(a.point)]
            for e in a.events:
                block.append(_dated(e.date, e.title, e.id))
            names = [p.name for p in a.people] + [t.term for t in a.terms]
            if names:
                block.append(Text(f"Names: {'; '.join(names)}", style="dim"))
            for quote in a.quotes:
                said = Text(f'"{quote.text}"', style="italic")
                said.append(f" ({quote.speaker}, {format_date(quote.date)})", style="dim")
                block.append(said)
            for w in a.works:
                block.append(Text(f"Read: {w.title} ({w.byline}, {w.year})", style="dim"))
            row = Table.grid(padding=(0, 1))
            row.add_column(width=3, justify="right")
            row.add_column()
            row.add_row(f"{n}.", Group(*block))
            parts.append(_indent(row))
        parts += [_heading("Counter-view"), _indent(Text(o.counter))]
        parts += [_heading("Way forward"), _indent(Text(o.way_forward))]
        parts += [_heading("Conclusion"), _indent(Text(o.conclusion))]
        parts.append(_heading("Key dates to quote"))
        for e in view.key_dates:
            parts.append(_indent(_dated(e.date, e.title, e.id)))
    if q.past:
        parts += sources_block(view.sources)
    parts += [Text(""), Hint("Write a timed answer:", f"pkus practice {q.id}")]
    return Group(*parts)


def _dated(date: str, title: str, ident: str) -> RenderableType:
    """A date and what happened, the title wrapping under itself; the id on its own line."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=17, style="green")
    grid.add_column()
    body = Text(title)
    body.append(f"\n{ident}", style="dim")
    grid.add_row(format_date(date), body)
    return grid


def _indent(r: RenderableType) -> RenderableType:
    return Padding(r, (0, 0, 0, 2))


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")
