"""The study plan, and the planning parts of the stats: forecast, calendar, sections."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pkus_cli.progress.calendar import PlanningView
from pkus_cli.views.plan import PlanView

CHART_ROWS = 5
BLOCKS = " ▁▂▃▄▅▆▇█"
SHADES = ((0, "·"), (1, "░"), (10, "▒"), (25, "▓"), (50, "█"))  # reviews in a day: glyph
SECTION_BAR = 10


def _long(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def _minutes(m: float) -> str:
    return f"{m:.0f} min" if m >= 1 or m == 0 else "under 1 min"


def render(v: PlanView) -> RenderableType:
    parts: list[RenderableType] = []
    if v.note:
        parts.append(Text(v.note, style="green"))
    head = Text(f"Study plan: exam on {_long(v.exam)} ", style="bold")
    head.append(f"({v.days_left} days left)", style="")
    parts.append(head)
    parts.append(Text(f"Covers {v.scope}: {v.questions} questions, {v.unseen} still to introduce"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    if v.new_per_day:
        new = f"{v.new_per_day}, the last on {_long(v.last_intro)} (two weeks before the exam)"
    else:
        new = "none left: every question is introduced"
    grid.add_row("New a day", new)
    grid.add_row("Reviews a day", f"{v.average_reviews:.0f} on average (simulated with FSRS)")
    busiest = v.busiest
    time = f"about {_minutes(v.average_minutes)} on average"
    if busiest is not None:
        time += f", {_minutes(busiest.minutes)} on the busiest day ({busiest.day.isoformat()})"
    grid.add_row("Time a day", time)
    if v.pace.measured:
        pace = f"{v.pace.seconds:g} s an answer (your median over {v.pace.timed} answers)"
    else:
        pace = (
            f"{v.pace.seconds:g} s an answer (a default until 20 answers are timed; "
            f"{v.pace.timed} so far)"
        )
    grid.add_row("Pace", pace)
    if v.budget is not None:
        grid.add_row("Budget", f"{v.budget} min a day: " + ("fits" if v.fits else "does not fit"))
    recall = f"{100 * v.exam_recall:.0f}%" if v.exam_recall is not None else "-"
    params = "your fitted FSRS parameters" if v.fitted else "FSRS default parameters"
    grid.add_row("Recall on exam day", f"{recall} expected")
    grid.add_row("Retention", f"aiming at {100 * v.retention:.0f}%, {params}")
    grid.add_row("Today", v.status.line())
    parts += [grid, Text("")]
    parts.append(forecast([d.reviews for d in v.days[:30]], "Reviews a day, next 30 days"))
    parts.append(Text("Study today: pkus quiz", style="dim"))
    return Group(*parts)


def forecast(values: Sequence[int], title: str) -> RenderableType:
    """A bar chart, one column a day, today on the left."""
    top = max(values, default=0)
    lines = [Text(title, style="bold")]
    label = len(str(top))
    for row in range(CHART_ROWS, 0, -1):
        cells = []
        for n in values:
            eighths = round(8 * CHART_ROWS * n / top) if top else 0
            fill = min(8, max(0, eighths - 8 * (row - 1)))
            cells.append(BLOCKS[fill])
        axis = str(top).rjust(label) if row == CHART_ROWS else " " * label
        line = Text(f"{axis} │")
        line.append("".join(cells), style="cyan")
        lines.append(line)
    lines.append(Text(f"{'0'.rjust(label)} └" + "─" * len(values)))
    days = len(values)
    right = f"+{days - 1} days"
    lines.append(Text(" " * (label + 2) + "today".ljust(max(6, days - len(right))) + right))
    return Group(*lines)


def _shade(n: int) -> str:
    glyph = SHADES[0][1]
    for at_least, g in SHADES:
        if n >= at_least:
            glyph = g
    return glyph


def planning(v: PlanningView) -> RenderableType:
    """The parts `pkus stats` adds: the plan today, forecast, calendar, sections."""
    parts: list[RenderableType] = [Text("")]
    if v.exam is not None and v.status is not None:
        line = Text(f"Exam in {v.days_left} days ({v.exam.isoformat()}): ", style="bold")
        line.append(v.status.line(), style="")
        parts.append(line)
    elif v.plan_problem:
        parts.append(Text(f"Study plan: {v.plan_problem}", style="yellow"))
    else:
        parts.append(Text("No study plan: make one with pkus plan --exam YYYY-MM-DD", style="dim"))
    title = "Reviews due a day, next 30 days (simulated"
    title += ", with the plan's new questions)" if v.with_new else ")"
    parts += [Text(""), forecast(v.forecast, title), Text("")]
    parts.append(calendar(v))
    if v.sections:
        parts += [Text(""), sections(v)]
    return Group(*parts)


def calendar(v: PlanningView) -> RenderableType:
    lines = [Text(f"Study days, last {len(v.weeks)} weeks", style="bold")]
    months = [" "] * (2 * len(v.weeks))
    last = None
    for w in range(len(v.weeks)):
        monday = v.first_monday + timedelta(days=7 * w)
        if monday.month != last and 2 * w + 3 <= len(months):
            months[2 * w : 2 * w + 3] = monday.strftime("%b")
            last = monday.month
    lines.append(Text("    " + "".join(months).rstrip()))
    for d, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        cells = " ".join(" " if week[d] is None else _shade(week[d] or 0) for week in v.weeks)
        line = Text(f"{name} ")
        line.append(cells.rstrip(), style="green")
        lines.append(line)
    lines.append(Text("· none  ░ 1-9  ▒ 10-24  ▓ 25-49  █ 50+ reviews", style="dim"))
    shown = sum(1 for w in v.weeks for n in w if n is not None)
    summary = f"{v.studied} of {shown} days studied (a day counts with one review or more)"
    lines.append(Text(summary))
    if v.streak is not None:
        now, best = _days(v.streak.current), _days(v.streak.longest)
        lines.append(Text(f"Streak: {now} in a row (longest {best})"))
    return Group(*lines)


def sections(v: PlanningView) -> RenderableType:
    lines: list[RenderableType] = [
        Text("Mastery by outline section, weakest first (recall ≥ 90%)", style="bold")
    ]
    for s in v.sections:
        filled = round(s.share * SECTION_BAR)
        line = Text(f"{s.code:<3} ")
        line.append("█" * filled, style="green")
        line.append("░" * (SECTION_BAR - filled), style="dim")
        line.append(f" {s.mastered:>3}/{s.total:<3} ")
        line.append(s.command, style="cyan")
        lines.append(line)
        # The pack's words as Text, never markup; wrapped lines keep the indent.
        lines.append(Padding(Text(s.title, style="dim"), (0, 0, 0, 4)))
    return Group(*lines)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
