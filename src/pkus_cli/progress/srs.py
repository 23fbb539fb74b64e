"""Spaced repetition: the only module that imports fsrs.

Cards are stored as fsrs JSON; `now` is always a UTC-aware datetime passed in, never read
from the clock here, so scheduling is reproducible in tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import IntEnum

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

RETAINED = 0.9  # retrievability at or above which a question counts as mastered
DEFAULT_RETENTION = 0.9  # the desired retention the scheduler aims for unless a plan says
# Fitting parameters: fsrs's optimizer keeps its defaults below one mini-batch (512) of
# reviews made on a later day than the card's previous one ("Review-state" reviews).
OPTIMIZER_MINIMUM = 512


class Grade(IntEnum):
    """The four FSRS grades, numbered as the keys a student presses."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


Parameters = Sequence[float] | None  # None: fsrs's defaults
_schedulers: dict[tuple[bool, float, tuple[float, ...] | None], Scheduler] = {}


def scheduler(
    fuzz: bool = True, retention: float = DEFAULT_RETENTION, parameters: Parameters = None
) -> Scheduler:
    """The scheduler aiming at `retention`, with the user's fitted `parameters` if any."""
    key = (fuzz, retention, tuple(parameters) if parameters is not None else None)
    found = _schedulers.get(key)
    if found is None:
        found = Scheduler(
            parameters=tuple(parameters) if parameters is not None else DEFAULT_PARAMETERS,
            desired_retention=retention,
            enable_fuzzing=fuzz,
        )
        if len(_schedulers) < 16:
            _schedulers[key] = found
    return found


def new_card(card_id: int, now: datetime) -> str:
    """A never-reviewed card, due now, as stored JSON."""
    return str(Card(card_id=card_id, due=now).to_json())


def review(
    card_json: str,
    grade: Grade,
    now: datetime,
    duration_ms: int | None = None,
    fuzz: bool = True,
    retention: float = DEFAULT_RETENTION,
    parameters: Parameters = None,
) -> tuple[str, datetime]:
    """Apply one grade; return the card's new JSON and its next due time.

    `retention` and `parameters` come from the study plan (the defaults without one)."""
    card = Card.from_json(card_json)
    card, _log = scheduler(fuzz, retention, parameters).review_card(
        card, Rating(int(grade)), review_datetime=now, review_duration=duration_ms
    )
    return str(card.to_json()), card.due


def retrievability(card_json: str, now: datetime) -> float:
    """The probability, by FSRS, that the student recalls this card at `now`."""
    card = Card.from_json(card_json)
    if card.last_review is None:
        return 0.0
    return float(scheduler().get_card_retrievability(card, now))


def due_of(card_json: str) -> datetime:
    due = Card.from_json(card_json).due
    assert isinstance(due, datetime)
    return due


def is_mastered(card_json: str, now: datetime) -> bool:
    """Graduated from learning and still likely recalled (retrievability >= RETAINED).

    A card failed a minute ago has retrievability near 1 but is relearning: not mastered.
    """
    card = Card.from_json(card_json)  # read once: stats asks this of every card in the store
    if card.state != State.Review or card.last_review is None:
        return False
    return float(scheduler().get_card_retrievability(card, now)) >= RETAINED


# --- simulation, for the study plan and the forecast ------------------------------------------


class Simulated:
    """A card being run forward by the plan's simulation: the real fsrs Card and scheduler."""

    __slots__ = ("card",)

    def __init__(self, card: Card) -> None:
        self.card = card

    @property
    def due(self) -> datetime:
        due = self.card.due
        assert isinstance(due, datetime)
        return due


class Simulator:
    """Reviews cards with the scheduler a plan uses (no fuzzing, so runs repeat exactly)."""

    def __init__(self, retention: float, parameters: Parameters = None) -> None:
        self.scheduler = scheduler(False, retention, parameters)
        self._next_id = -1

    def load(self, card_json: str) -> Simulated:
        return Simulated(Card.from_json(card_json))

    def new(self, at: datetime) -> Simulated:
        self._next_id -= 1  # ids of cards that exist only in the simulation
        return Simulated(Card(card_id=self._next_id, due=at))

    def recall(self, c: Simulated, at: datetime) -> float:
        """The predicted probability of recall at `at` (0 for a card never reviewed)."""
        return float(self.scheduler.get_card_retrievability(c.card, at))

    def mastered(self, c: Simulated, at: datetime) -> bool:
        """As `is_mastered`, for a card already loaded."""
        return c.card.state == State.Review and self.recall(c, at) >= RETAINED

    def review(self, c: Simulated, recalled: bool, at: datetime) -> None:
        """Answer `c` at `at`: Good when recalled, Again when not."""
        rating = Rating.Good if recalled else Rating.Again
        card = c.card
        last = card.last_review
        s = self.scheduler
        stability, difficulty = card.stability, card.difficulty
        if (
            card.state == State.Review
            and last is not None
            and stability is not None
            and difficulty is not None
            and (at - last).days >= 1
        ):
            # The common case, a review a day or more after the last, computed in place with
            # the scheduler's own formulas, as `review_card` computes it (without fuzzing;
            # tests/test_plan.py checks the two agree), but without copying the card and
            # writing a review log for each of the simulation's tens of thousands of answers.
            card.stability = s._next_stability(
                difficulty=difficulty,
                stability=stability,
                retrievability=s.get_card_retrievability(card, at),
                rating=rating,
            )
            card.difficulty = s._next_difficulty(difficulty=difficulty, rating=rating)
            if rating == Rating.Again and s.relearning_steps:
                card.state = State.Relearning
                card.step = 0
                card.due = at + s.relearning_steps[0]
            else:
                card.due = at + timedelta(days=s._next_interval(stability=card.stability))
            card.last_review = at
            return
        c.card, _ = s.review_card(card, rating, review_datetime=at)


def reviews_counted_by_optimizer(logs: Sequence[tuple[int, datetime]]) -> int:
    """How many of these (card id, time) reviews fsrs's optimizer learns from: those made
    on a later day than the same card's previous review."""
    last: dict[int, datetime] = {}
    n = 0
    for card_id, at in sorted(logs, key=lambda x: (x[0], x[1])):
        before = last.get(card_id)
        if before is not None and (at - before) >= timedelta(days=1):
            n += 1
        last[card_id] = at
    return n


def default_parameters() -> tuple[float, ...]:
    return tuple(float(x) for x in DEFAULT_PARAMETERS)


class OptimizerMissing(Exception):
    """fsrs's optional optimizer (and torch) is not installed."""


def fit_parameters(logs: Sequence[tuple[int, int, datetime, int | None]]) -> tuple[float, ...]:
    """Fit FSRS parameters to (card id, grade, time, duration ms) reviews.

    Imports fsrs's optimizer here and only here: it pulls in torch, which nothing else needs.
    """
    try:
        from fsrs.optimizer import Optimizer
        from fsrs.review_log import ReviewLog

        optimizer = _optimizer_class(Optimizer)(
            [
                ReviewLog(card_id=c, rating=Rating(g), review_datetime=t, review_duration=d)
                for c, g, t, d in logs
            ]
        )
    except ImportError as e:
        raise OptimizerMissing(str(e)) from None
    return tuple(float(x) for x in optimizer.compute_optimal_parameters())


def _optimizer_class(found: type) -> type:
    """The optimizer to use; tests replace this to stand in for the real one."""
    return found
