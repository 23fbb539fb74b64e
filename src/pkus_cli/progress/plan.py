"""The study plan to the exam: its checks, and the FSRS simulation that forecasts its days.

The simulation is real: it runs the fsrs scheduler (through `srs.Simulator`) forward day by
day over the user's own cards, as the store holds them (due date, stability, difficulty),
plus the new questions the plan introduces each day. Outcomes are drawn from the
scheduler's predicted retrievability with a seeded random generator, so a plan is the same
every time it is shown for the same store and day, while lapses and relearning still come
out as they would in study.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pkus_cli.errors import UsageError
from pkus_cli.pack.model import Pack
from pkus_cli.progress import srs
from pkus_cli.progress.store import PlanRow, ScheduleRow, Store, day_start
from pkus_cli.views import find
from pkus_cli.views.subjects import columns

LEAD_DAYS = 14  # every question is introduced at least this long before the exam
RETENTION_MIN, RETENTION_MAX = 0.70, 0.99
YEARS_MAX = 5  # an exam further off is a typing slip (2207 for 2027)
MINUTES_MAX = 600  # ten hours a day on one topic is a typing slip, not a plan
DEFAULT_SECONDS = 20.0  # a review's time until MIN_TIMED answers have been timed
MIN_TIMED = 20
LONGEST_ANSWER_S = 120.0  # a longer answer time is a pause, not an answer: counted as this
DEFAULT_FIRST_RIGHT = 0.5  # share of new questions answered right at first, until measured
MIN_FIRST = 20
SEED = 16  # the simulation's random draws, fixed so a plan repeats
SESSION_HOUR = 12  # a future day's study is simulated at noon UTC
EXAM_HOUR = 9  # recall on exam day is predicted for 09:00 UTC
MAX_PASSES = 6  # answers of one card in one day (learning steps), at most


def parse_exam(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--exam takes a date as YYYY-MM-DD (e.g. 2027-02-14), got '{text}'"
        ) from None


def check_exam(exam: date, today: date) -> date:
    if exam <= today:
        raise UsageError(f"--exam {exam} is not in the future (today is {today})")
    if exam.year > today.year + YEARS_MAX:
        raise UsageError(f"--exam {exam} is more than {YEARS_MAX} years away; check the year")
    return exam


def check_retention(r: float) -> float:
    if not RETENTION_MIN <= r <= RETENTION_MAX:
        raise UsageError(
            f"--retention takes {RETENTION_MIN:.2f} to {RETENTION_MAX:.2f} (the share of "
            f"questions you aim to recall, e.g. 0.9), got {r:g}"
        )
    return r


def check_minutes(m: int) -> int:
    if not 1 <= m <= MINUTES_MAX:
        raise UsageError(f"--minutes takes 1 to {MINUTES_MAX} (minutes a day), got {m}")
    return m


@dataclass(frozen=True, slots=True)
class Pace:
    """Seconds an answer takes: the user's median, or a default until enough were timed."""

    seconds: float
    measured: bool
    timed: int


def pace(store: Store) -> Pace:
    times = [min(ms / 1000, LONGEST_ANSWER_S) for ms in store.durations_ms()]
    if len(times) < MIN_TIMED:
        return Pace(DEFAULT_SECONDS, False, len(times))
    return Pace(round(statistics.median(times), 1), True, len(times))


def first_right(store: Store) -> tuple[float, bool]:
    """The share of new questions the user answers right the first time, and if measured."""
    n, right = store.first_answers()
    if n < MIN_FIRST:
        return DEFAULT_FIRST_RIGHT, False
    return right / n, True


def intro_days(today: date, exam: date) -> int:
    """The days on which new questions may still be introduced, today included."""
    return (exam - timedelta(days=LEAD_DAYS) - today).days + 1


def new_per_day(unseen_at_start: int, today: date, exam: date) -> int:
    """New questions a day so that the last is introduced LEAD_DAYS before the exam."""
    if unseen_at_start <= 0:
        return 0
    days = intro_days(today, exam)
    if days <= 0:
        last = exam - timedelta(days=LEAD_DAYS)
        raise UsageError(
            f"the exam on {exam} is too close: {unseen_at_start} question(s) are still new and "
            f"each must be introduced by {last}, two weeks before; choose a later date or "
            "narrow the plan with --decade/--section"
        )
    return math.ceil(unseen_at_start / days)


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    new: int  # questions introduced
    reviews: int  # answers to questions already introduced (their learning steps included)


@dataclass(frozen=True, slots=True)
class Run:
    days: tuple[Day, ...]  # today first
    recall_at_end: float | None  # mean predicted recall at the end, over every question


# The most new questions of one day the simulation runs one by one; more are run as this
# many cards, each standing for a share of them.
COHORT = 60


def simulate(
    cards: Sequence[str | srs.Simulated],
    now: datetime,
    days: int,
    *,
    unseen: int = 0,
    new_today: int = 0,
    per_day: int = 0,
    last_intro: date | None = None,
    retention: float = srs.DEFAULT_RETENTION,
    parameters: srs.Parameters = None,
    first_right: float = DEFAULT_FIRST_RIGHT,
    recall_at: datetime | None = None,
    seed: int = SEED,
    simulator: srs.Simulator | None = None,
) -> Run:
    """Run `cards` (stored fsrs JSON, or cards `simulator` loaded, which change) and `unseen`
    new questions forward `days` days.

    Today brings `new_today` new questions, each later day `per_day`, until none are left
    or `last_intro` has passed. Each review happens at noon (today: now), or when a card
    falls due later that day (a learning step); a card is recalled with the probability
    the scheduler predicts. `recall_at`: predict the mean recall of every question then.
    """
    sim = simulator or srs.Simulator(retention, parameters)
    rng = random.Random(seed)
    start = day_start(now)
    # Each simulated card with the number of questions it stands for (see COHORT).
    buckets: list[list[tuple[srs.Simulated, float]]] = [[] for _ in range(max(days, 0))]
    every: list[tuple[srs.Simulated, float]] = []

    def place(c: srs.Simulated, weight: float) -> None:
        at = (c.card.due - start).days
        if at < days:
            buckets[at if at > 0 else 0].append((c, weight))

    for card in cards:
        c = sim.load(card) if isinstance(card, str) else card
        every.append((c, 1.0))
        place(c, 1.0)
    left = unseen
    out = []
    for d in range(days):
        at = now if d == 0 else start + timedelta(days=d, hours=SESSION_HOUR)
        end = start + timedelta(days=d + 1)
        today = start.date() + timedelta(days=d)
        answers = 0.0
        work = [(c, w, False) for c, w in buckets[d]]
        buckets[d] = []
        introduce = new_today if d == 0 else per_day
        if last_intro is not None and today > last_intro:
            introduce = 0
        introduce = min(introduce, left)
        left -= introduce
        # A day's new questions start alike: past COHORT of them, COHORT cards run for
        # them all, each standing for an equal share, so a plan of 800 new a day costs
        # what one of COHORT does (the forecast is an expectation either way).
        shown = min(introduce, COHORT)
        for _ in range(shown):
            c = sim.new(at)
            every.append((c, introduce / shown))
            work.append((c, introduce / shown, True))
        for c, weight, fresh in work:
            due = c.card.due
            t = due if at < due < end else at
            for n in range(MAX_PASSES):
                if fresh and n == 0:
                    recalled = rng.random() < first_right
                else:
                    recalled = rng.random() < sim.recall(c, t)
                    answers += weight
                sim.review(c, recalled, t)
                due = c.card.due
                if due >= end:
                    break
                if due > t:
                    t = due
            place(c, weight)
        out.append(Day(today, introduce, round(answers)))
    recall = None
    if recall_at is not None:
        total = sum(w for _, w in every) + left
        recall = sum(w * sim.recall(c, recall_at) for c, w in every) / total if total else None
    return Run(tuple(out), recall)


def exam_time(exam: date, now: datetime) -> datetime:
    return datetime(exam.year, exam.month, exam.day, EXAM_HOUR, tzinfo=now.tzinfo)


# --- the plan as stored, and where today stands --------------------------------------------


def filter_of(pack: Pack, row: PlanRow) -> find.Filter:
    """The plan's filters, resolved against the pack in use."""
    v = row.filters
    return find.resolve(pack, v.get("decade"), v.get("section"), v.get("tag"), v.get("person"))


def in_scope(pack: Pack, f: find.Filter) -> list[str]:
    """The ids of the questions a quiz with these filters may ask (as `pkus stats` counts
    them), in catalogue order; without a filter, read from the catalogue's id column."""
    cat = columns(pack)
    if f.empty:
        return list(cat.ids)
    allowed = find.allowed_events(pack, f)
    return [cat.ids[n] for n in range(len(cat)) if find.keeps(cat[n], f, allowed)]


def scheduling(store: Store) -> tuple[float, tuple[float, ...] | None]:
    """The desired retention and FSRS parameters to schedule with: the plan's, or defaults."""
    row = store.plan()
    if row is None:
        return srs.DEFAULT_RETENTION, None
    return row.retention, row.parameters


@dataclass(frozen=True, slots=True)
class Today:
    """Where today stands against the plan."""

    new_done: int
    new_target: int
    reviews_left: int

    def line(self) -> str:
        return f"{self.new_done} of {self.new_target} new, {self.reviews_left} reviews left today"

    def to_dict(self) -> dict[str, int]:
        return {
            "new_done": self.new_done,
            "new_target": self.new_target,
            "reviews_left": self.reviews_left,
        }


@dataclass(frozen=True, slots=True)
class Standing:
    """The plan applied to the store today: the numbers the quiz and the views start from."""

    row: PlanRow
    exam: date
    today: date
    ids: frozenset[str]
    started: tuple[str, ...]  # card JSON of the questions in scope already introduced
    unseen: int
    per_day: int
    status: Today


def standing(
    pack: Pack,
    store: Store,
    now: datetime,
    row: PlanRow,
    cards: dict[str, ScheduleRow] | None = None,
    scope: list[str] | None = None,
) -> Standing:
    """Apply the plan to today; UsageError when its exam has passed or is too close.

    `scope`: the ids of the plan's questions, when the caller has them already."""
    exam = date.fromisoformat(row.exam)
    today = day_start(now).date()
    if exam <= today:
        raise UsageError(
            f"the plan's exam date, {exam}, has passed: set a new one with "
            "pkus plan --exam YYYY-MM-DD, or remove it with pkus plan --clear"
        )
    f = filter_of(pack, row)
    ids = frozenset(scope if scope is not None else in_scope(pack, f))
    cards = store.schedules() if cards is None else cards
    # Over the progress store's cards, fewer than the pack's questions and in a fixed order.
    started = tuple(c.card_json for i, c in cards.items() if i in ids)
    unseen = len(ids) - len(started)
    done = len(store.introduced_since(day_start(now)) & ids)
    per_day = new_per_day(unseen + done, today, exam)
    end = day_start(now) + timedelta(days=1)
    left = sum(1 for i, c in cards.items() if i in ids and c.due < end)
    return Standing(row, exam, today, ids, started, unseen, per_day, Today(done, per_day, left))
