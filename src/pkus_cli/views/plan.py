"""The study plan's screen and JSON: new questions a day, the reviews and minutes they
bring, and the recall to expect on exam day."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pkus_cli.errors import UsageError
from pkus_cli.pack.model import Pack
from pkus_cli.progress import plan as planning
from pkus_cli.progress.store import PlanRow, Store


@dataclass(frozen=True, slots=True)
class PlanDay:
    day: date
    new: int
    reviews: int
    minutes: float


@dataclass(frozen=True, slots=True)
class PlanView:
    exam: date
    today: date
    last_intro: date  # the last day new questions are introduced
    scope: str
    filters: dict[str, Any]
    questions: int
    unseen: int  # never answered, today's new ones excepted
    new_per_day: int
    status: planning.Today
    days: tuple[PlanDay, ...]  # today to the day before the exam
    pace: planning.Pace
    first_right: float
    first_measured: bool
    exam_recall: float | None
    retention: float
    fitted: bool  # the scheduler uses parameters fitted to this user's reviews
    budget: int | None  # --minutes
    created: datetime
    note: str = ""  # "saved", "removed" ...

    @property
    def days_left(self) -> int:
        return (self.exam - self.today).days

    def _intro(self) -> tuple[PlanDay, ...]:
        n = max(1, (self.last_intro - self.today).days + 1)
        return self.days[:n]

    @property
    def average_minutes(self) -> float:
        """A day's minutes on average while new questions are still introduced."""
        intro = self._intro()
        return sum(d.minutes for d in intro) / len(intro) if intro else 0.0

    @property
    def average_reviews(self) -> float:
        intro = self._intro()
        return sum(d.reviews for d in intro) / len(intro) if intro else 0.0

    @property
    def busiest(self) -> PlanDay | None:
        return max(self.days, key=lambda d: (d.minutes, -d.day.toordinal()), default=None)

    @property
    def fits(self) -> bool | None:
        return None if self.budget is None else self.average_minutes <= self.budget

    def to_dict(self) -> dict[str, Any]:
        busiest = self.busiest
        return {
            "exam": self.exam.isoformat(),
            "today": self.today.isoformat(),
            "days_left": self.days_left,
            "last_new_day": self.last_intro.isoformat(),
            "filters": self.filters,
            "questions": self.questions,
            "new_remaining": self.unseen,
            "new_per_day": self.new_per_day,
            "today_status": self.status.to_dict(),
            "average_reviews_per_day": round(self.average_reviews, 1),
            "average_minutes_per_day": round(self.average_minutes, 1),
            "busiest_day": (
                {"date": busiest.day.isoformat(), "minutes": round(busiest.minutes, 1)}
                if busiest is not None else None
            ),
            "minutes_budget": self.budget,
            "fits": self.fits,
            "seconds_per_review": self.pace.seconds,
            "pace_measured": self.pace.measured,
            "timed_answers": self.pace.timed,
            "first_answer_right": round(self.first_right, 3),
            "first_answer_measured": self.first_measured,
            "expected_recall_on_exam_day": (
                round(self.exam_recall, 3) if self.exam_recall is not None else None
            ),
            "retention": self.retention,
            "fitted_parameters": self.fitted,
            "created": self.created.isoformat(),
            "days": [
                {"date": d.day.isoformat(), "new": d.new, "reviews": d.reviews,
                 "minutes": round(d.minutes, 1)}
                for d in self.days
            ],
        }  # fmt: skip


def build(pack: Pack, store: Store, now: datetime, row: PlanRow, note: str = "") -> PlanView:
    """Apply the plan to today and simulate every day from now to the exam."""
    st = planning.standing(pack, store, now, row)
    pace = planning.pace(store)
    right, measured = planning.first_right(store)
    last_intro = st.exam - timedelta(days=planning.LEAD_DAYS)
    run = planning.simulate(
        st.started,
        now,
        (st.exam - st.today).days,
        unseen=st.unseen,
        new_today=max(0, st.per_day - st.status.new_done),
        per_day=st.per_day,
        last_intro=last_intro,
        retention=row.retention,
        parameters=row.parameters,
        first_right=right,
        recall_at=planning.exam_time(st.exam, now),
    )
    days = tuple(
        PlanDay(d.day, d.new, d.reviews, (d.new + d.reviews) * pace.seconds / 60) for d in run.days
    )
    return PlanView(
        exam=st.exam, today=st.today, last_intro=last_intro,
        scope=planning.filter_of(pack, row).describe() or "every question",
        filters=row.filters, questions=len(st.ids), unseen=st.unseen, new_per_day=st.per_day,
        status=st.status, days=days, pace=pace, first_right=right, first_measured=measured,
        exam_recall=run.recall_at_end, retention=row.retention,
        fitted=row.parameters is not None, budget=row.minutes, created=row.created_at, note=note,
    )  # fmt: skip


def check_fits(pack: Pack, store: Store, now: datetime, row: PlanRow) -> PlanView:
    """The plan's view; UsageError saying what would fit when it needs more than --minutes."""
    view = build(pack, store, now, row)
    if view.fits is not False or row.minutes is None:
        return view
    need = math.ceil(view.average_minutes)
    later = _later_date(pack, store, now, row, view)
    # A date the plan itself would refuse as a slip is no help: then only the minutes.
    if later is not None and later.year > view.today.year + planning.YEARS_MAX:
        later = None
    tail = f", or an exam date of {later} would fit" if later is not None else ""
    raise UsageError(
        f"the plan does not fit in {row.minutes} minutes a day: introducing {view.new_per_day} "
        f"new questions a day needs about {need} minutes (pkus plan --exam {row.exam} "
        f"--minutes {need}){tail}"
    )


def _later_date(
    pack: Pack, store: Store, now: datetime, row: PlanRow, view: PlanView
) -> date | None:
    """A later exam date at which the budget would hold, found in a few simulations: steps
    that double until one fits, then halving back towards the last that did not."""
    assert row.minutes is not None

    def fits(days: int) -> bool:
        exam = view.exam + timedelta(days=days)
        return bool(build(pack, store, now, row._replace(exam=exam.isoformat())).fits)

    span = max(1, (view.last_intro - view.today).days + 1)
    bad, step = 0, max(1, math.ceil(span * (view.average_minutes / row.minutes - 1)))
    for _ in range(6):
        if fits(step):
            break
        bad, step = step, step * 2
    else:
        return None
    for _ in range(4):  # narrow it down: the answer lies between `bad` and `step`
        if step - bad <= 1:
            break
        middle = (bad + step) // 2
        bad, step = (bad, middle) if fits(middle) else (middle, step)
    return view.exam + timedelta(days=step)


def removed() -> dict[str, Any]:
    return {"plan": None, "removed": True}


def missing() -> UsageError:
    return UsageError("there is no study plan yet: make one with pkus plan --exam YYYY-MM-DD")
