"""Spaced repetition: the only module that imports fsrs.

Cards are stored as fsrs JSON; `now` is always a UTC-aware datetime passed in, never read
from the clock here, so scheduling is reproducible in tests.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from fsrs import Card, Rating, Scheduler, State

RETAINED = 0.9  # retrievability at or above which a question counts as mastered


class Grade(IntEnum):
    """The four FSRS grades, numbered as the keys a student presses."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


_scheduler: Scheduler | None = None


def scheduler(fuzz: bool = True) -> Scheduler:
    global _scheduler
    if not fuzz:
        return Scheduler(enable_fuzzing=False)
    if _scheduler is None:
        _scheduler = Scheduler()
    return _scheduler


def new_card(card_id: int, now: datetime) -> str:
    """A never-reviewed card, due now, as stored JSON."""
    return str(Card(card_id=card_id, due=now).to_json())


def review(
    card_json: str, grade: Grade, now: datetime, duration_ms: int | None = None, fuzz: bool = True
) -> tuple[str, datetime]:
    """Apply one grade; return the card's new JSON and its next due time."""
    card = Card.from_json(card_json)
    card, _log = scheduler(fuzz).review_card(
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
    card = Card.from_json(card_json)
    return card.state == State.Review and retrievability(card_json, now) >= RETAINED
