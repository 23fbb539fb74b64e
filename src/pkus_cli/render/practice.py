"""A graded practice answer on screen: outline points covered, key dates left out, the
answer's structure, the fact check, and how this attempt compares with earlier ones."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.model import Pack
from pkus_cli.pack.study import PaperQuestion
from pkus_cli.practice.coverage import Coverage
from pkus_cli.render.check import KIND_LABEL
from pkus_cli.render.common import Hint


def question(q: PaperQuestion, minutes: int, until: str) -> RenderableType:
    body = Text(" ".join(q.text.split()), style="bold")
    body.append(f"\n\nTime: {minutes} minutes, until {until}.", style="dim")
    return Panel(body, title=Text(q.label, style="bold"), title_align="left")


def render(
    c: Coverage, pack: Pack, seconds: int, minutes: int, history: list[int]
) -> RenderableType:
    used = f"{seconds // 60} min {seconds % 60:02d} s of {minutes} min"
    if seconds > minutes * 60:
        used += " (over time: in the exam hall the paper would be collected)"
    head = Text(f"Your answer to {c.question.id}", style="bold")
    head.append(f" · {c.words} words · {used}", style="dim")
    parts: list[RenderableType] = [head, Text("")]
    parts.append(Text(f"Outline points covered: {c.covered} of {len(c.points)}", style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2)
    grid.add_column()
    for p in c.points:
        mark = Text("✓", style="green") if p.covered else Text("✗", style="red")
        line = Text(p.point)
        if p.named:
            line.append(f"\nyou named: {'; '.join(p.named)}", style="dim")
        grid.add_row(mark, line)
    parts.append(Padding(grid, (0, 0, 0, 2)))
    if c.key_dates_missing:
        parts.append(Text("\nKey dates you did not quote", style="bold"))
        dates = Table.grid(padding=(0, 2))
        dates.add_column(style="green", no_wrap=True)
        dates.add_column()  # the title wraps under itself
        for e in c.key_dates_missing:
            dates.add_row(format_date(e.date), e.title)
        parts.append(Padding(dates, (0, 0, 0, 2)))
    parts.append(Text("\nStructure", style="bold"))
    for part, present in c.structure:
        line = Text("  ✓ " if present else "  ✗ ", style="green" if present else "red")
        line.append(part)
        parts.append(line)
    parts.append(Text("\nFact check", style="bold"))
    if not c.findings:
        parts.append(Text("  No sentence contradicts the pack.", style="green"))
    titles = {s.id: s.title for s in pack.sources()}
    for f in c.findings:
        line = Text(f"  line {f.line}: ", style="bold")
        line.append(KIND_LABEL.get(f.kind, f.kind), style="red")
        line.append(f": {f.wrong}\n    {f.fact}")
        if f.sources:
            line.append(f"\n    Source: {titles.get(f.sources[0], f.sources[0])}", style="dim")
        parts.append(line)
    pct = 100 * c.covered // max(1, len(c.points))
    trend = ""
    if history:
        trend = f"; earlier attempts: {', '.join(f'{h}%' for h in history[-4:])}"
    parts.append(Text(f"\nSaved: coverage {pct}%{trend}. See them all: pkus stats", style="dim"))
    parts.append(Hint("The model outline:", f"pkus paper {c.question.id}"))
    return Group(*parts)
