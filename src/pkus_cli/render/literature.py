"""Books and quotations on screen: what a candidate cites, with who, when, where and why."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.study import Quote, Work
from pkus_cli.views.literature import QuotesView, WorksView

KIND_LABEL = {
    "memoir": "Memoirs", "history": "Histories", "study": "Studies", "report": "Reports",
    "biography": "Biographies", "journalism": "Journalism",
}  # fmt: skip


def work_block(w: Work) -> RenderableType:
    t = Text(w.title, style="bold italic")
    t.append(f"\n{w.byline}, {w.publisher}, {w.year}")
    t.append(f"\n{w.about}", style="")
    if w.note:
        t.append(f"\nNote: {w.note}", style="yellow")
    t.append(f"\n{w.id}", style="dim")
    return Padding(t, (0, 0, 1, 2))


def quote_block(q: Quote) -> RenderableType:
    t = Text(f"\u201c{q.text}\u201d", style="italic")
    t.append(f"\n{q.speaker}", style="bold")
    t.append(f", {q.role}, {format_date(q.date)}")
    t.append(f"\n{q.occasion}; {q.place}", style="dim")
    if q.reported:
        t.append("\nReported speech: someone else's record of what was said.", style="yellow")
    if q.note:
        t.append(f"\nNote: {q.note}", style="yellow")
    t.append(f"\n{q.id}", style="dim")
    return Padding(t, (0, 0, 1, 2))


def render_books(v: WorksView) -> RenderableType:
    parts: list[RenderableType] = []
    shown = ", ".join(f"{k} {val}" for k, val in v.filters.items())
    head = f"Books, memoirs and reports ({len(v.works)})" + (f" · {shown}" if shown else "")
    parts.append(Text(head, style="bold underline"))
    for kind, label in KIND_LABEL.items():
        group = [w for w in v.works if w.kind == kind]
        if group:
            parts.append(Text(f"\n{label}", style="bold"))
            parts += [work_block(w) for w in group]
    if not v.works:
        parts.append(Text("No work matches these filters.", style="dim"))
    return Group(*parts)


def render_quotes(v: QuotesView) -> RenderableType:
    shown = ", ".join(f"{k} {val}" for k, val in v.filters.items())
    head = f"Speeches and quotations ({len(v.quotes)})" + (f" · {shown}" if shown else "")
    parts: list[RenderableType] = [Text(head, style="bold underline"), Text("")]
    parts += [quote_block(q) for q in v.quotes]
    if not v.quotes:
        parts.append(Text("No quotation matches these filters.", style="dim"))
    parts.append(Text("Quotations are verbatim as their sources record them.", style="dim"))
    return Group(*parts)
