"""The mock paper on screen: Part I's questions with the time left, its marked review, and
Part II's choice of questions."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.model import Pack
from pkus_cli.pack.study import PaperQuestion
from pkus_cli.practice.mcq import Mark
from pkus_cli.quiz.questions import LETTERS, Question


def part_one(n: int, minutes: int) -> RenderableType:
    body = Text(f"{n} multiple-choice questions, one mark each, {minutes} minutes in all.\n")
    body.append("An unanswered question scores nothing; an answer after time is up does not count.")
    return Panel(body, title=Text("Mock paper · Part I", style="bold"), title_align="left")


def _clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60:02d}:{s % 60:02d} left"


def mcq(q: Question, n: int, total: int, left: float) -> RenderableType:
    body = Text(q.prompt, style="bold")
    for i, opt in enumerate(q.options):
        body.append(f"\n  {LETTERS[i]}  ", style="bold cyan")
        body.append(opt)
    title = Text(f"{n}/{total}", style="bold")
    title.append(f" · {_clock(left)}", style="dim")
    return Panel(body, title=title, title_align="left")


def review(marks: list[Mark], pack: Pack, seconds: int) -> RenderableType:
    score = sum(m.right for m in marks)
    head = Text(f"Part I: {score} of {len(marks)}", style="bold")
    head.append(f" ({100 * score // max(1, len(marks))}%) in {seconds // 60} min", style="dim")
    titles = {s.id: s.title for s in pack.sources()}
    parts: list[RenderableType] = [head]
    for n, m in enumerate(marks, 1):
        if m.right:
            continue
        q = m.question
        line = Text(f"\n{n}. {q.prompt}\n", style="bold")
        given = "not answered" if m.response is None else f"you: {m.response}"
        line.append(f"   ✗ {given} · answer: {q.key}. {q.answer}", style="red")
        if q.date:
            line.append(f"\n   {format_date(q.date)}", style="green")
        if q.sources:
            line.append(f"\n   Source: {titles.get(q.sources[0], q.sources[0])}", style="dim")
        parts.append(line)
    if score == len(marks):
        parts.append(Text("Every answer right.", style="green"))
    parts.append(Text("\nSaved. Past scores: pkus stats", style="dim"))
    return Group(*parts)


def part_two(choices: list[PaperQuestion]) -> RenderableType:
    body = Text("Answer one of these in 35 minutes.\n")
    for i, q in enumerate(choices, 1):
        body.append(f"\n{i}. ", style="bold cyan")
        body.append(f"{' '.join(q.text.split())}\n", style="")
        body.append(f"   {q.label}\n", style="dim")
    return Panel(body, title=Text("Mock paper · Part II", style="bold"), title_align="left")
