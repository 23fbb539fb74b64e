"""The grader against the table of answers an examiner would accept or refuse.

Each row of tests/data/grading.yaml is a shipped card, a typed response and the verdict
it must get: dates and numbers in every form people write them, aliases and titles,
paraphrases with the key words, and near misses that must stay wrong (a wrong year or
day, a relative with the same family name, the other amendment).
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.grading_table import Judge, Row, rows

ROWS = rows()


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge()


def test_the_table_is_large_and_balanced() -> None:
    kinds = Counter(r.right for r in ROWS)
    assert len(ROWS) >= 200
    assert kinds[True] >= 100 and kinds[False] >= 80  # near misses, not only accepted forms
    assert len({r.card for r in ROWS}) >= 60


def test_every_row_names_a_shipped_typed_card(judge: Judge) -> None:
    missing = [r.card for r in ROWS if r.card not in judge.cards]
    assert not missing
    flash = [r.card for r in ROWS if not judge.cards[r.card].gradable]
    assert not flash, f"rows for flashcard-only cards: {flash}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.card}:{r.response}")
def test_row(judge: Judge, row: Row) -> None:
    v = judge.verdict(row)
    q = judge.question(row.card)
    assert v.valid
    assert v.correct is row.right, f"{row.why}: {row.response!r} for {q.answer!r} ({v.note})"


def test_wrong_dates_say_what_was_off(judge: Judge) -> None:
    year = judge.verdict(Row("klb-signed-date", "15 October 2010", False, ""))
    assert year.note == "close: right day and month, wrong year (off by one year)"
    day = judge.verdict(Row("klb-signed-date", "16 October 2009", False, ""))
    assert day.note == "right month and year, wrong day"
    short = judge.verdict(Row("jinnah-death-date", "September 1948", False, ""))
    assert "day" in short.note and "asked" in short.note


def test_a_relative_is_named_as_someone_else(judge: Judge) -> None:
    v = judge.verdict(Row("bhutto-1995-visit-who", "Zulfikar Ali Bhutto", False, ""))
    assert v.note == "that is someone else"
