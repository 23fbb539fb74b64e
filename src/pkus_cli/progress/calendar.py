"""The planning parts of `pkus stats`: days left and today's target, the reviews forecast for
the next 30 days, the last 12 weeks of study, and mastery by outline section."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pkus_cli.errors import UsageError
from pkus_cli.pack.model import Pack
from pkus_cli.progress import plan as planning
from pkus_cli.progress import srs
from pkus_cli.progress.store import Store, day_start
from pkus_cli.views import find
from pkus_cli.views.subjects import CATALOGUE_RULES, columns, event_sections

FORECAST_DAYS = 30
WEEKS = 12
# Order and first questions are about a decade's sequence of events, not about one section.
_NOT_BY_SECTION = ("order:", "first:")  # question id prefixes


@dataclass(frozen=True, slots=True)
class SectionMastery:
    code: str  # "4B"
    title: str
    total: int
    seen: int
    mastered: int

    @property
    def share(self) -> float:
        return self.mastered / self.total if self.total else 0.0

    @property
    def command(self) -> str:
        return f"pkus quiz --section {self.code}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.code,
            "title": self.title,
            "questions": self.total,
            "seen": self.seen,
            "mastered": self.mastered,
            "drill": self.command,
        }


@dataclass(frozen=True, slots=True)
class Streak:
    current: int  # days in a row with a review, ending today (or yesterday, if not yet today)
    longest: int


@dataclass(frozen=True, slots=True)
class PlanningView:
    today: date
    exam: date | None  # the plan's, when there is one
    status: planning.Today | None
    forecast: tuple[int, ...]  # reviews per day, today first (simulated)
    with_new: bool  # the forecast includes the plan's new questions
    weeks: tuple[tuple[int | None, ...], ...]  # WEEKS columns of Monday..Sunday; None: future
    first_monday: date
    streak: Streak | None  # only when asked for
    sections: tuple[SectionMastery, ...]  # weakest first
    plan_problem: str = ""  # why the plan could not be applied today (e.g. its exam passed)

    @property
    def days_left(self) -> int | None:
        return (self.exam - self.today).days if self.exam is not None else None

    @property
    def studied(self) -> int:
        return sum(1 for w in self.weeks for n in w if n)

    def to_dict(self) -> dict[str, Any]:
        calendar = {}
        for w, week in enumerate(self.weeks):
            for d, n in enumerate(week):
                if n is not None:
                    calendar[(self.first_monday + timedelta(days=7 * w + d)).isoformat()] = n
        out: dict[str, Any] = {
            "exam": self.exam.isoformat() if self.exam is not None else None,
            "days_left": self.days_left,
            "today_target": self.status.to_dict() if self.status is not None else None,
            "forecast": [
                {"date": (self.today + timedelta(days=i)).isoformat(), "reviews": n}
                for i, n in enumerate(self.forecast)
            ],
            "forecast_includes_new": self.with_new,
            "calendar": calendar,
            "days_studied_12_weeks": self.studied,
            "by_section": [s.to_dict() for s in self.sections],
        }
        if self.plan_problem:
            out["plan_problem"] = self.plan_problem
        if self.streak is not None:
            out["streak"] = {"current": self.streak.current, "longest": self.streak.longest}
        return out


def _sections(
    pack: Pack, scope: list[str] | None, mastered: dict[str, bool], f: find.Filter
) -> tuple[SectionMastery, ...]:
    """Mastery by subsection: a question counts under each subsection of the events it draws
    on, the questions `pkus quiz --section CODE` asks. `scope`: the ids of the questions in
    view, None for all of them (whose counts the compiled pack keeps)."""
    cat = columns(pack)
    codes_of = event_sections(pack)

    def codes(n: int) -> set[str]:
        return {c for e in cat.events_of(n) for c in codes_of.get(e, ())}

    def count(positions: Iterable[int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for n in positions:
            if not cat.ids[n].startswith(_NOT_BY_SECTION):
                for c in codes(n):
                    out[c] = out.get(c, 0) + 1
        return out

    if scope is None:
        every = lambda: count(range(len(cat)))  # noqa: E731
        kept = lambda: pack.parts.memo(f"section-totals-{CATALOGUE_RULES}", every)  # noqa: E731
        total: dict[str, int] = pack.derived("section-totals", kept)
    else:
        total = count(n for i in scope if (n := cat.position(i)) is not None)
    seen: dict[str, int] = {}
    good: dict[str, int] = {}
    for ident, ok in mastered.items():  # only the questions seen: a few, on a large pack
        n = cat.position(ident)
        if n is None or ident.startswith(_NOT_BY_SECTION):
            continue
        for c in codes(n):
            seen[c] = seen.get(c, 0) + 1
            good[c] = good.get(c, 0) + ok
    out = []
    order = 0
    rank: dict[str, int] = {}
    for s in pack.sections:
        for sub in s.subsections:
            rank[sub.code] = order
            order += 1
            if sub.code in total and (f.codes is None or sub.code in f.codes):
                out.append(
                    SectionMastery(
                        sub.code, sub.title, total[sub.code], seen.get(sub.code, 0),
                        good.get(sub.code, 0),
                    )
                )  # fmt: skip
    out.sort(key=lambda m: (m.share, m.seen / m.total if m.total else 0.0, rank[m.code]))
    return tuple(out)


def _streak(days: list[str], today: date) -> Streak:
    have = {date.fromisoformat(d) for d in days}
    longest = run = 0
    prev: date | None = None
    for d in sorted(have):
        run = run + 1 if prev is not None and (d - prev).days == 1 else 1
        longest = max(longest, run)
        prev = d
    current = 0
    d = today if today in have else today - timedelta(days=1)
    while d in have:
        current += 1
        d -= timedelta(days=1)
    return Streak(current, longest)


def planning_view(
    pack: Pack, store: Store, now: datetime, f: find.Filter = find.NO_FILTER, streak: bool = False
) -> PlanningView:
    """The planning parts of the stats over the questions that pass `f`."""
    today = day_start(now).date()
    cards = store.schedules()
    row = store.plan()
    scope = planning.in_scope(pack, f)
    same = row is not None and f.values() == row.filters  # the plan's questions, these
    status = None
    problem = ""
    st = None
    if row is not None:
        try:
            st = planning.standing(pack, store, now, row, cards, scope if same else None)
            status = st.status
        except UsageError as e:
            problem = str(e)
    retention, parameters = (row.retention, row.parameters) if row is not None else (
        srs.DEFAULT_RETENTION, None
    )  # fmt: skip
    sim = srs.Simulator(retention, parameters)
    within = frozenset(scope)
    loaded = {i: sim.load(c.card_json) for i, c in cards.items() if i in within}
    mastered = {k: sim.mastered(c, now) for k, c in loaded.items()}  # before the run moves them
    with_new = st is not None and same
    started = list(loaded.values())
    if with_new and st is not None:  # the forecast brings the plan's new questions too
        run = planning.simulate(
            started, now, FORECAST_DAYS, unseen=st.unseen,
            new_today=max(0, st.per_day - st.status.new_done), per_day=st.per_day,
            last_intro=st.exam - timedelta(days=planning.LEAD_DAYS),
            first_right=planning.first_right(store)[0], simulator=sim,
        )  # fmt: skip
    else:
        run = planning.simulate(started, now, FORECAST_DAYS, simulator=sim)
    first_monday = today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))
    counts = store.reviews_by_day(datetime.combine(first_monday, datetime.min.time(), now.tzinfo))
    weeks = tuple(
        tuple(
            None if day > today else counts.get(day.isoformat(), 0)
            for day in (first_monday + timedelta(days=7 * w + d) for d in range(7))
        )
        for w in range(WEEKS)
    )
    return PlanningView(
        today=today,
        exam=st.exam if st is not None else None,
        status=status,
        forecast=tuple(d.reviews for d in run.days),
        with_new=with_new,
        weeks=weeks,
        first_monday=first_monday,
        streak=_streak(store.study_days(), today) if streak else None,
        sections=_sections(pack, None if f.empty else scope, mastered, f),
        plan_problem=problem,
    )
