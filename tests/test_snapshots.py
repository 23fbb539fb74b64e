"""Golden files: views rendered at 80 columns without colour, compared with tests/snapshots/.

After an intended change to a view, refresh them with PKUS_UPDATE_SNAPSHOTS=1 pytest.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console, Group, RenderableType

from pkus_cli.pack import loader
from pkus_cli.pack.model import Pack
from pkus_cli.render import (
    corrections,
    decade,
    event,
    outline,
    people,
    quiz,
    search,
    sources,
    stats,
    terms,
    timeline,
)
from pkus_cli.views import find, lookups, pages
from pkus_cli.views import search as finder

from .conftest import TINY

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return loader.load(TINY)


def text_of(renderable: RenderableType) -> str:
    out = io.StringIO()
    Console(file=out, width=80, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue()


def check(name: str, renderable: RenderableType) -> None:
    got = text_of(renderable)
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("PKUS_UPDATE_SNAPSHOTS"):
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}: run with PKUS_UPDATE_SNAPSHOTS=1 and review it"
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; see {path}"


def test_outline_tree(pack: Pack) -> None:
    check("outline", outline.render(pages.outline(pack)))


def test_outline_section(pack: Pack) -> None:
    check("outline-section-2", outline.render(pages.outline(pack, "2")))


def test_decade_page(pack: Pack) -> None:
    check("decade-1950s", decade.render(pages.decade(pack, "1950s")))


def test_decade_list(pack: Pack) -> None:
    check("decade-list", decade.render_list(pages.decade_list(pack)))


def test_event_page(pack: Pack) -> None:
    check("event-pressler-cutoff", event.render(lookups.event(pack, "pressler-cutoff")))


def test_timeline(pack: Pack) -> None:
    check("timeline", Group(*timeline.render(lookups.timeline(pack, find.NO_FILTER))))


def test_people_list_and_page(pack: Pack) -> None:
    check("people", people.render_list(lookups.people(pack)))
    check("person-ike", people.render(lookups.person(pack, "ike")))


def test_terms_list_and_page(pack: Pack) -> None:
    check("terms", terms.render_list(lookups.terms(pack)))
    check("term-pressler", terms.render(lookups.term(pack, "pressler")))


def test_sources_and_corrections(pack: Pack) -> None:
    check("sources", sources.render(lookups.sources(pack)))
    check("corrections", corrections.render(lookups.corrections(pack)))


def test_search_results(pack: Pack) -> None:
    everything = find.select(pack, find.NO_FILTER)
    check("search-pakistan", search.render(finder.search(everything, "pakistan")))


def test_stats_after_three_reviews(pack: Pack, tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from pkus_cli.progress import srs
    from pkus_cli.progress import stats as progress
    from pkus_cli.progress.store import Store

    now = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)

    def schedule(grade: srs.Grade):  # type: ignore[no-untyped-def]
        return lambda before, card_id: srs.review(
            before or srs.new_card(card_id, now), grade, now, 1000, fuzz=False
        )

    with Store.open(tmp_path / "p.db") as store:
        for qid, grade in (("year:mdaa", srs.Grade.GOOD), ("year:seato", srs.Grade.AGAIN)):
            store.record(qid, "s1", now, int(grade), grade > 1, "year", 1000, schedule(grade))
        store.record("year:seato", "s1", now, 1, False, "year", 1000, schedule(srs.Grade.AGAIN))
        check("stats", stats.render(progress.stats(pack, store, now)))


def test_quiz_question_and_verdict(pack: Pack) -> None:
    import random

    from pkus_cli.quiz import grading
    from pkus_cli.quiz.questions import Kind, Maker
    from pkus_cli.views.subjects import catalogue

    subject = next(s for s in catalogue(pack) if s.id == "card:seato-year")
    q = Maker(pack, random.Random(3)).make(subject, Kind.TYPED)
    shown = quiz.question(q, 2, 10)
    check("quiz-typed", Group(shown, quiz.verdict(q, "1955", grading.judge(q, "1955"), pack)))
