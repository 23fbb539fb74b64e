"""Progress at a glance: counts, mastery bars by decade, and the trouble spots to drill."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pkus_cli.progress.stats import StatsView
from pkus_cli.render.common import Hint, indented

BAR = 24


def _bar(share: float) -> Text:
    filled = round(share * BAR)
    t = Text("█" * filled, style="green")
    t.append("░" * (BAR - filled), style="dim")
    return t


def render(v: StatsView) -> RenderableType:
    parts: list[RenderableType] = []
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column(justify="right")
    rate = f"{100 * v.recall_rate:.0f}%" if v.recall_rate is not None else "-"
    for name, value in (
        ("Reviews today", str(v.reviews_today)),
        ("Reviews in total", str(v.reviews_total)),
        ("Questions seen", f"{v.seen} of {v.total}"),
        ("New (never seen)", str(v.new)),
        ("Due now", str(v.due_now)),
        ("Due in the next 7 days", str(v.due_week)),
        ("Recall rate", rate),
    ):
        head.add_row(name, value)
    parts.append(head)
    if v.scope != "no filter":
        parts.append(Text(f"Only the questions for {v.scope}", style="dim"))

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left")
    table.add_column("Decade", style="bold")
    table.add_column("Mastered (recall ≥ 90%)", no_wrap=True)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("Seen", justify="right")
    for decade, m in v.by_decade.items():
        share = m.mastered / m.total if m.total else 0.0
        table.add_row(decade, _bar(share), f"{m.mastered}/{m.total}", f"{m.seen}")
    parts += [Text(""), table]

    if v.leeches:
        parts.append(Text("\nTrouble spots (failed twice or more)", style="bold"))
        for decade, leeches in v.leeches.items():
            parts.append(Text(f"{decade}", style="bold cyan"))
            for x in leeches:
                line = Text(f"{x.failures} x ", style="red")
                line.append(x.label)
                parts.append(indented(line))
            parts.append(Hint("  drill them:", f"pkus quiz --decade {decade} --leeches"))
    elif v.reviews_total:
        parts.append(Text("\nNo trouble spots: nothing failed twice.", style="dim"))
    else:
        parts.append(Text("\nNo reviews yet: start with pkus quiz", style="dim"))
    parts += _attempts(v)
    if v.orphans:
        parts.append(
            Text(
                f"\n{len(v.orphans)} question(s) with progress are no longer in the content; "
                "their history is kept.",
                style="dim",
            )
        )
    return Group(*parts)


def _attempts(v: StatsView) -> list[RenderableType]:
    """Written answers (outline coverage over time) and mock papers (scores)."""
    written = [a for a in v.attempts if a.kind == "practice"]
    mocks = [a for a in v.attempts if a.kind == "mock"]
    if not written and not mocks:
        return [
            Text("\nExam practice: none yet. Try pkus papers, then pkus practice ID", style="dim")
        ]
    parts: list[RenderableType] = [Text("\nExam practice", style="bold")]
    if written:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("Date")
        table.add_column("Question")
        table.add_column("Outline covered", justify="right")
        table.add_column("Time", justify="right")
        table.add_column("Words", justify="right")
        table.add_column("Flagged", justify="right")
        for a in written[-8:]:
            pct = 100 * a.score // max(1, a.out_of)
            covered = f"{a.score}/{a.out_of} ({pct}%)"
            took = f"{a.seconds // 60}/{a.minutes_allowed} min"
            day = a.started_at.date().isoformat()
            table.add_row(day, a.question_id or "", covered, took, str(a.words), str(a.findings))
        parts.append(table)
        first = 100 * written[0].score // max(1, written[0].out_of)
        last = 100 * written[-1].score // max(1, written[-1].out_of)
        parts.append(
            Text(
                f"  {len(written)} written answers; coverage {first}% at first, {last}% lately",
                style="dim",
            )
        )
    if mocks:
        scores = ", ".join(f"{a.score}/{a.out_of}" for a in mocks[-6:])
        parts.append(Text(f"  Mock papers, Part I: {scores} (latest last)"))
    return parts
