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
from pkus_cli.quiz.grading import CLOSE, Verdict
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


def answer_only(q: Question, pack: Pack | None = None) -> RenderableType:
    """A flashcard's back, shown before the student grades it: the one place it teaches."""
    body = Text(q.answer, style="bold green")
    if q.accept:
        body.append(f"\nalso: {'; '.join(q.accept)}", style="dim")
    body.append_text(_context(q, pack))
    return Panel(body, title="Answer", title_align="left", box=box.ROUNDED)


def _context(q: Question, pack: Pack | None = None) -> Text:
    """When it happened (labelled), why it matters, and the sources by title, once."""
    t = Text()
    if q.date:
        t.append("\nEvent: ", style="dim")
        t.append(q.about or "", style="dim")
        t.append(f"{' (' if q.about else ''}{format_date(q.date)}{')' if q.about else ''}")
    if q.context and q.context != q.about:
        t.append(f"\n{q.context}", style="italic")
    if q.sources:
        titles = q.sources
        if pack is not None:
            by_id = {s.id: s for s in pack.sources()}
            titles = tuple(by_id[i].title if i in by_id else i for i in q.sources)
        more = f" (and {len(titles) - 1} more)" if len(titles) > 1 else ""
        t.append(f"\nSource: {titles[0]}{more}", style="dim")
    return t


def verdict(q: Question, response: str, v: Verdict, pack: Pack | None = None) -> RenderableType:
    body = Text()
    if q.kind is Kind.FLASHCARD:
        # The answer, its date and sources were on the card's back a moment ago.
        body.append(f"Graded {v.grade.name.title()}", style="bold")
        return Panel(body, box=box.MINIMAL, padding=(0, 2))
    if v.correct:
        body.append("✓ Right", style="bold green")
    elif v.note.startswith(CLOSE):
        body.append("✗ Close, but wrong", style="bold yellow")
    else:
        body.append("✗ Not quite", style="bold red")
    if not v.correct and response.strip():
        body.append(f"  (you: {response.strip()})", style="dim")
    if v.note:
        note = v.note.removeprefix(f"{CLOSE}: ")
        body.append(f"  {note}", style="yellow")
    body.append("\nAnswer: ", style="bold")
    if q.kind in (Kind.CHOICE, Kind.FIRST) and q.key:
        body.append(f"{q.key}. ")
    body.append(q.answer, style="green")
    chosen = response.strip().upper()
    if q.kind is Kind.CHOICE and not v.correct and q.option_dates and chosen in LETTERS:
        i = LETTERS.index(chosen)
        if i < len(q.options) and q.option_dates[i]:
            body.append(f"\nYou chose {chosen}: {q.options[i]}, which happened ", style="dim")
            body.append(q.option_dates[i], style="dim")
    body.append_text(_context(q, pack))
    return Panel(body, box=box.MINIMAL, padding=(0, 2))


def summary(s: Summary, interrupted: bool = False, stopped: bool = False) -> RenderableType:
    head = Text("Session ", style="bold")
    done = not interrupted and not stopped and not s.remaining
    head.append("interrupted" if interrupted else "complete" if done else "stopped", style="bold")
    if s.cram:
        head.append(" (cram: schedule unchanged)", style="dim")
    pct = f" ({100 * s.correct // s.answered}%)" if s.answered else ""
    lines = Text(f"\nAnswered {s.answered}, correct {s.correct}{pct}")
    if s.close:
        lines.append(f"; {s.close} close but wrong (one year off)", style="dim")
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
