"""The quiz on screen: a question, the verdict that teaches, and the session summary."""

from __future__ import annotations

from datetime import datetime

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.model import Pack
from pkus_cli.quiz.grading import Verdict
from pkus_cli.quiz.questions import LETTERS, Kind, Question
from pkus_cli.quiz.session import Summary

KIND_LABEL = {
    Kind.FLASHCARD: "flashcard",
    Kind.TYPED: "type the answer",
    Kind.YEAR: "year",
    Kind.CHOICE: "multiple choice",
    Kind.ORDER: "chronological order",
    Kind.FIRST: "which came first",
}


def question(q: Question, number: int, total: int) -> RenderableType:
    body = Text(q.prompt, style="bold")
    if q.options:
        body.append("\n")
        for i, opt in enumerate(q.options):
            body.append(f"\n  {LETTERS[i]}  ", style="bold cyan")
            body.append(opt)
    title = Text(f"{number}/{total}", style="bold")
    title.append(f" · {q.decade or 'all'} · {KIND_LABEL[q.kind]}", style="dim")
    return Panel(body, title=title, title_align="left", box=box.ROUNDED, padding=(1, 2))


def answer_only(q: Question) -> RenderableType:
    """A flashcard's back, shown before the student grades it."""
    body = Text(q.answer, style="bold green")
    if q.accept:
        body.append(f"\nalso: {'; '.join(q.accept)}", style="dim")
    body.append_text(_context(q))
    return Panel(body, title="Answer", title_align="left", box=box.ROUNDED)


def _context(q: Question, pack: Pack | None = None) -> Text:
    t = Text()
    if q.date:
        t.append(f"\n{format_date(q.date)}", style="green")
    if q.context:
        t.append(f"\n{q.context}", style="italic")
    if q.sources:
        names = q.sources
        if pack is not None:
            by_id = {s.id: s for s in pack.sources()}
            names = tuple(by_id[i].title if i in by_id else i for i in q.sources)
        t.append(f"\nSource: {names[0]}", style="dim")
        if len(names) > 1:
            t.append(f" (+{len(names) - 1} more: pkus sources)", style="dim")
    return t


def verdict(q: Question, response: str, v: Verdict, pack: Pack | None = None) -> RenderableType:
    body = Text()
    if q.kind is Kind.FLASHCARD:
        body.append(f"Graded {v.grade.name.title()}", style="bold")
    elif v.correct:
        body.append("✓ Right", style="bold green")
    else:
        body.append("✗ Not quite", style="bold red")
        if response.strip():
            body.append(f"  (you: {response.strip()})", style="dim")
    if v.note:
        body.append(f"  {v.note}", style="yellow")
    if q.kind is not Kind.FLASHCARD:
        body.append("\nAnswer: ", style="bold")
        if q.kind in (Kind.CHOICE, Kind.FIRST) and q.key:
            body.append(f"{q.key}. ")
        body.append(q.answer, style="green")
    body.append_text(_context(q, pack))
    return Panel(body, box=box.MINIMAL, padding=(0, 2))


def summary(s: Summary, interrupted: bool = False) -> RenderableType:
    head = Text("Session ", style="bold")
    head.append("interrupted" if interrupted else "complete", style="bold")
    if s.cram:
        head.append(" (cram: schedule unchanged)", style="dim")
    pct = f" ({100 * s.correct // s.answered}%)" if s.answered else ""
    lines = Text(f"\nAnswered {s.answered}, correct {s.correct}{pct}")
    if s.remaining:
        lines.append(f", {s.remaining} not reached", style="dim")
    parts: list[RenderableType] = [head, lines]
    if s.by_decade:
        table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
        table.add_column("Decade")
        table.add_column("Answered", justify="right")
        table.add_column("Correct", justify="right")
        for d, t in s.by_decade.items():
            table.add_row(d, str(t.answered), str(t.correct))
        parts.append(table)
    if not s.cram:
        parts.append(Text(f"Next review due: {when(s.next_due)}"))
    return Panel(Group(*parts), box=box.ROUNDED)


def when(t: datetime | None, now: datetime | None = None) -> str:
    if t is None:
        return "nothing scheduled yet"
    now = now or datetime.now(t.tzinfo)
    delta = t - now
    secs = delta.total_seconds()
    if secs <= 0:
        return "now"
    if secs < 3600:
        return f"in {max(1, int(secs // 60))} min"
    if secs < 86400:
        return f"in {int(secs // 3600)} h"
    return f"in {int(secs // 86400)} days ({t.date().isoformat()})"
