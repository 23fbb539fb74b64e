"""The shipped pack's questions as a candidate meets them: fair distractors, pairs that
need knowing, one decade for each subject wherever it is shown or counted."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pkus_cli.pack import cache
from pkus_cli.pack.model import Pack
from pkus_cli.quiz import names
from pkus_cli.quiz.questions import Kind, Maker
from pkus_cli.views.subjects import Index, catalogue

CONTENT = Path(__file__).resolve().parents[1] / "content"
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return cache.load(CONTENT)


def test_every_question_has_the_decade_its_subject_has(pack: Pack) -> None:
    ix = Index(pack)
    maker = Maker(pack, random.Random(5), ix)
    for s in catalogue(pack, ix):
        q = maker.make(s, s.kinds[-1])
        assert q.decade == s.decade, s.id
    # A term named by events has the decade of the first of them, not that of its coining.
    assert ix.term_decade["fata"] == ix.term_events["fata"][0].decade


def test_person_distractors_held_a_like_office_at_about_the_time(pack: Pack) -> None:
    ix = Index(pack)
    people = {p.id: p for p in pack.people()}
    by_name = {p.name: p for p in pack.people()}
    for seed in range(3):
        maker = Maker(pack, random.Random(seed), ix)
        for s in catalogue(pack, ix):
            if not s.id.startswith("choice:person:"):
                continue
            p = people[s.id.rsplit(":", 1)[1]]
            q = maker.make(s, Kind.CHOICE)
            rivals = [by_name[o] for o in q.options if o != p.name]
            assert len(rivals) == 3, s.id
            assert all(r.country == p.country for r in rivals), s.id
            alike = [
                o for o in pack.people()
                if o.country == p.country and o.id != p.id and names.role_overlap(p, o)
            ]  # fmt: skip
            if len(alike) >= 3:
                assert all(names.role_overlap(p, r) for r in rivals), (s.id, q.options)


def test_yahya_is_not_offered_a_scientist_or_a_militant(pack: Pack) -> None:
    ix = Index(pack)
    s = next(x for x in catalogue(pack, ix) if x.id == "choice:person:yahya-khan")
    for seed in range(10):
        q = Maker(pack, random.Random(seed), ix).make(s, Kind.CHOICE)
        assert not {"Abdul Qadeer Khan", "Mir Aimal Kansi"} & set(q.options)


def test_choice_options_give_no_year_away_and_stay_near_in_time(pack: Pack) -> None:
    ix = Index(pack)
    maker = Maker(pack, random.Random(2), ix)
    titles = {e.title: e for e in pack.events()}
    for s in catalogue(pack, ix):
        if s.id.startswith("choice:event:"):
            q = maker.make(s, Kind.CHOICE)
            assert not any(YEAR.search(o) for o in q.options), q.options
            near = ix.near_decades[s.decade]
            assert all(titles[o].decade in near for o in q.options), q.options
        if s.id.startswith("choice:term:"):
            q = maker.make(s, Kind.CHOICE)
            for year in YEAR.findall(q.answer):
                assert year not in q.prompt, (s.id, q.prompt)
            assert q.answer not in q.prompt


def test_order_and_first_need_knowing_the_history(pack: Pack) -> None:
    ix = Index(pack)
    events = {e.title: e for e in pack.events()}
    for seed in range(5):
        maker = Maker(pack, random.Random(seed), ix)
        for s in catalogue(pack, ix):
            if s.family not in ("order", "first"):
                continue
            q = maker.make(s, s.kinds[0])
            chosen = [events[o] for o in q.options]
            assert not any(YEAR.search(e.title) for e in chosen), q.options
            assert len({e.decade for e in chosen}) == 1
            years = [e.year for e in chosen]
            if s.family == "first":
                assert max(years) - min(years) <= 6, q.options


def test_explanations_are_flashcards_and_facts_are_typed(pack: Pack) -> None:
    kinds = {s.id: s.kinds for s in catalogue(pack)}
    cards = {c.id: c for c in pack.cards()}
    assert kinds["card:klb-signed-date"] == (Kind.FLASHCARD, Kind.TYPED)
    assert cards["withdrawal-significance"].gradable is False
    assert kinds["card:withdrawal-significance"] == (Kind.FLASHCARD,)
    assert cards["bhutto-visit-quote"].keywords  # an explanation with key words is typed
    assert Kind.TYPED in kinds["card:bhutto-visit-quote"]
