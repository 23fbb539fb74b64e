"""Question generation, grading, selection and the session state machine, without I/O."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta, timezone

import pytest

from pkus_cli.errors import UsageError
from pkus_cli.pack import loader
from pkus_cli.pack.basics import Heading
from pkus_cli.pack.model import Pack
from pkus_cli.progress import srs
from pkus_cli.progress.store import ScheduleRow
from pkus_cli.quiz import grading
from pkus_cli.quiz.plan import make_filters, parse_kinds, plan
from pkus_cli.quiz.questions import Kind, Maker, Question
from pkus_cli.quiz.session import Session
from pkus_cli.views.subjects import catalogue

from .conftest import TINY

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return loader.load(TINY)


def q(
    kind: Kind,
    answer: str,
    accept: tuple[str, ...] = (),
    key: str = "",
    options: tuple[str, ...] = (),
) -> Question:
    return Question("x", kind, "?", answer, accept, options, key or answer)


@pytest.mark.parametrize(
    ("given", "right"),
    [
        ("Pressler Amendment", True),
        ("the pressler amendment", True),
        ("PRESSLER", True),
        ("Presler Amendmant", True),  # small misspelling
        ("Symington Amendment", False),
        ("", False),
    ],
)
def test_typed_answers_are_normalised_and_fuzzy(given: str, right: bool) -> None:
    v = grading.judge(q(Kind.TYPED, "Pressler Amendment", ("Pressler",)), given)
    assert v.correct is right
    assert v.grade is (srs.Grade.GOOD if right else srs.Grade.AGAIN)


def test_typed_ignores_accents_punctuation_and_articles() -> None:
    question = q(Kind.TYPED, "Zia-ul-Haq", ("Muhammad Zia ul Haq",))
    assert grading.judge(question, "zia ul haq").correct
    assert grading.judge(question, "Ziá-ul-Háq!").correct
    assert grading.normalise("The U-2 Incident.") == "u2 incident"
    assert grading.normalise("A-7") == "a7"  # a name, not an article
    assert not grading.judge(q(Kind.TYPED, "A-7"), "7").correct


def test_either_half_of_a_parenthesised_answer_is_accepted() -> None:
    question = q(Kind.TYPED, "Helicopter gunships (Mi-24 Hind)")
    assert grading.judge(question, "helicopter gunships").correct
    assert grading.judge(question, "Mi-24 Hind").correct
    assert not grading.judge(question, "tanks").correct


def test_numbers_must_be_exact_in_typed_answers() -> None:
    assert not grading.judge(q(Kind.TYPED, "1956"), "1965").correct
    assert grading.judge(q(Kind.TYPED, "1956"), " 1956 ").correct


@pytest.mark.parametrize(("given", "correct", "note", "valid"), [
    ("1990", True, "", True), ("1991", False, "close: off by one year", True),
    ("1989", False, "close: off by one year", True), ("1995", False, "off by 5 years", True),
    ("ninety", False, "", False),
])  # fmt: skip
def test_year_questions_grade_by_distance(
    given: str, correct: bool, note: str, valid: bool
) -> None:
    """One year off is close but wrong: a miss on screen, in the summary and for FSRS."""
    v = grading.judge(q(Kind.YEAR, "1990"), given)
    assert (v.correct, v.note, v.valid) == (correct, note, valid)
    assert v.grade is (srs.Grade.GOOD if correct else srs.Grade.AGAIN)


def test_letters_for_choice_order_and_first() -> None:
    choice = q(Kind.CHOICE, "b", key="B", options=("a", "b", "c", "d"))
    assert grading.judge(choice, "b").correct
    assert not grading.judge(choice, "A").correct
    assert not grading.judge(choice, "E").valid
    order = q(Kind.ORDER, "", key="CAB", options=("a", "b", "c"))
    assert grading.judge(order, "c a b").correct
    assert not grading.judge(order, "ABC").correct
    assert not grading.judge(order, "AB").valid
    assert not grading.judge(order, "AAB").valid


def test_flashcard_grades_four_and_two_point() -> None:
    assert grading.judge_flashcard("4", two_grades=False).grade is srs.Grade.EASY
    assert not grading.judge_flashcard("4", two_grades=True).valid
    assert grading.judge_flashcard("2", two_grades=True).grade is srs.Grade.GOOD
    assert grading.judge_flashcard("1", two_grades=True).correct is False


def test_catalogue_ids_are_stable_and_complete(pack: Pack) -> None:
    ids = [i.id for i in catalogue(pack)]
    assert ids == [i.id for i in catalogue(pack)]
    assert {"card:seato-year", "card:ike-who", "card:pressler-what"} <= set(ids)
    assert "year:mdaa" in ids and "order:1990s" in ids and "first:1950s" in ids
    assert len(ids) == len(set(ids))


def test_order_and_first_questions_have_one_right_answer(pack: Pack) -> None:
    items = {i.id: i for i in catalogue(pack)}
    for seed in range(20):
        maker = Maker(pack, random.Random(seed))
        order = maker.make(items["order:1990s"], Kind.ORDER)
        assert sorted(order.key) == list("ABC")
        dates = {e.title: e.date for e in pack.events()}
        in_order = [order.options["ABC".index(c)] for c in order.key]
        assert [dates[t] for t in in_order] == sorted(dates[t] for t in in_order)
        first = maker.make(items["first:1950s"], Kind.FIRST)
        a, b = (dates[t] for t in first.options)
        assert first.key == ("A" if a < b else "B")


def test_same_seed_same_session(pack: Pack) -> None:
    f = make_filters(pack)
    one = plan(pack, f, {}, NOW, random.Random(7), count=8, new=8)
    two = plan(pack, f, {}, NOW, random.Random(7), count=8, new=8)
    assert [x.item_id for x in one.questions] == [x.item_id for x in two.questions]
    assert [x.options for x in one.questions] == [x.options for x in two.questions]


def _row(item_id: str, due: datetime) -> ScheduleRow:
    return ScheduleRow(1, item_id, srs.new_card(1, due), due, 1, 0)


def test_due_reviews_come_first_then_new_up_to_the_limits(pack: Pack) -> None:
    cards = {
        "year:coup-1999": _row("year:coup-1999", NOW - timedelta(days=2)),
        "year:mdaa": _row("year:mdaa", NOW - timedelta(days=5)),
        "year:seato": _row("year:seato", NOW + timedelta(days=5)),  # not due
    }
    p = plan(pack, make_filters(pack), cards, NOW, random.Random(1), new=2, count=20)
    ids = [x.item_id for x in p.questions]
    assert ids[:2] == ["year:mdaa", "year:coup-1999"]
    assert (p.due, p.new) == (2, 2) and len(ids) == 4
    assert "year:seato" not in ids
    capped = plan(pack, make_filters(pack), cards, NOW, random.Random(1), new=5, count=3)
    assert len(capped.questions) == 3 and capped.due == 2


def test_cram_ignores_due_dates(pack: Pack) -> None:
    cards = {"year:seato": _row("year:seato", NOW + timedelta(days=5))}
    f = make_filters(pack, kinds=["year"], decade="1950s")
    p = plan(pack, f, cards, NOW, random.Random(1), cram=True, count=10)
    assert {x.item_id for x in p.questions} == {"year:mdaa", "year:seato", "year:baghdad"}


def test_filters(pack: Pack) -> None:
    def ids(**kw: str | list[str]) -> set[str]:
        f = make_filters(pack, **kw)  # type: ignore[arg-type]
        return {
            x.item_id for x in plan(pack, f, {}, NOW, random.Random(1), new=99, count=99).questions
        }

    assert ids(decade="90s", kinds=["year"]) == {
        "year:pressler-cutoff",
        "year:tests-1998",
        "year:coup-1999",
    }
    assert ids(tag="nuclear", kinds=["year,typed"]) == {
        "year:pressler-cutoff",
        "year:tests-1998",
        "card:pressler-what",
    }
    assert ids(person="ike", kinds=["flashcard"]) == {"card:ike-who"}
    assert ids(person="Eisenhower", kinds=["flashcard"]) == {"card:ike-who"}
    assert "card:seato-year" in ids(section="1")


@pytest.mark.parametrize(("kw", "message"), [
    ({"decade": "1880s"}, "unknown decade '1880s'"),
    ({"tag": "nukes"}, "unknown tag 'nukes': did you mean nuclear?"),
    ({"person": "nixon"}, "unknown person 'nixon'"),
    ({"section": "12"}, "unknown section '12'"),
    ({"kinds": ["essay"]}, "unknown question kind 'essay'"),
])  # fmt: skip
def test_unknown_filter_values_are_usage_errors(
    pack: Pack, kw: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        make_filters(pack, **kw)  # type: ignore[arg-type]


def test_filter_that_matches_nothing(pack: Pack) -> None:
    f = make_filters(pack, decade="1950s", kinds=["typed"], tag="sanctions")
    with pytest.raises(UsageError, match="no questions match decade 1950s"):
        plan(pack, f, {}, NOW, random.Random(1))


def test_parse_kinds() -> None:
    assert parse_kinds([]) == tuple(Kind)
    assert parse_kinds(["typed,year", "year"]) == (Kind.TYPED, Kind.YEAR)


def test_session_undo_asks_the_question_again() -> None:
    a, b = q(Kind.YEAR, "1990"), q(Kind.YEAR, "1991")
    s = Session([a, b])
    s.record("1990", grading.judge(a, "1990"), 1)
    assert s.current() is b
    undone = s.undo()
    assert undone is not None and undone.question is a
    assert s.current() is a and s.answered == []
    s.record("1989", grading.judge(a, "1989"), 2)
    s.record("1991", grading.judge(b, "1991"), 3)
    assert s.done
    summary = s.summary(None)
    assert (summary.answered, summary.correct) == (2, 1)


def test_fsrs_review_moves_due_date_forward() -> None:
    card = srs.new_card(1, NOW)
    after, due = srs.review(card, srs.Grade.GOOD, NOW, fuzz=False)
    assert due > NOW
    again, due_again = srs.review(after, srs.Grade.AGAIN, NOW + timedelta(minutes=20), fuzz=False)
    assert due_again < NOW + timedelta(days=1)
    assert not srs.is_mastered(again, NOW + timedelta(minutes=21))


def test_events_whose_dates_do_not_settle_the_order_are_not_asked(pack: Pack) -> None:
    import dataclasses

    same_month = [
        dataclasses.replace(e, date="1954-05") for e in pack.events() if e.decade == "1950s"
    ]
    items = {i.id: i for i in catalogue(pack)}
    maker = Maker(pack, random.Random(1))
    maker.events = {**maker.events, **{e.id: e for e in same_month}}
    maker.heads().update((e.id, Heading(e.id, e.date, e.title)) for e in same_month)
    assert maker.make(items["first:1950s"], Kind.FIRST).options == ()
    assert len(maker.make(items["order:1950s"], Kind.ORDER).options) < 3


def test_a_session_draws_what_the_whole_shuffle_would_begin_with(pack: Pack) -> None:
    from pkus_cli.quiz.plan import _interleave
    from pkus_cli.views.subjects import columns

    cat = columns(pack)
    found = list(range(len(cat)))
    families = cat.families()
    assert families == [s.family for s in catalogue(pack)]
    for seed in range(20):
        whole = _interleave(found, cat, random.Random(seed))
        assert sorted(whole) == found  # every question once
        for limit in (1, 3, 7, len(found) + 5):
            some = _interleave(found, cat, random.Random(seed), limit)
            assert len(some) == min(limit, len(found)) == len(set(some))
            # the same rotation of families as the whole shuffle, cut at `limit`
            assert [families[n] for n in some] == [families[n] for n in whole][:limit]


def test_rivals_are_everyone_sharing_a_long_name_word_in_pack_order(pack: Pack) -> None:
    from pkus_cli.quiz import names

    every = names.Names(pack)
    people = pack.people()
    for p in people:
        words = {w for w in names._parts(p.name) if len(w) > 3}
        expected = tuple(
            o.name for o in people if o.id != p.id and words & set(names._parts(o.name))
        )
        assert every.kin(names.key(p.name)) == expected
    assert every.kin("no such name") == ()
