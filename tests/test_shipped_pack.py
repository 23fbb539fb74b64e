"""The content that ships: valid, complete, and never allowed to shrink below the minimums."""

from __future__ import annotations

from collections import Counter

import pytest

from pkus_cli.pack import checks, loader
from pkus_cli.pack.model import Pack
from pkus_cli.pack.paths import builtin_content_dir

from .conftest import Run

MIN_EVENTS = {"1940s": 6, "2020s": 12} | {f"{y}s": 15 for y in range(1950, 2020, 10)}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return loader.load(builtin_content_dir())


def test_pkus_validate_passes_on_the_shipped_pack(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.output


def test_quality_rules_hold(pack: Pack) -> None:
    assert [str(p) for p in checks.quality_problems(pack)] == []


def test_minimum_counts(pack: Pack) -> None:
    assert len(pack.sections) == 8
    assert len(pack.decades) == 9
    assert len(pack.events()) >= 260
    per_decade = Counter(e.decade for e in pack.events())
    for decade, least in MIN_EVENTS.items():
        assert per_decade[decade] >= least, decade
    assert len(pack.people()) >= 40
    assert len(pack.terms()) >= 40
    assert len(pack.sources()) >= 25
    assert len(pack.cards()) >= 300
    assert len(pack.corrections()) >= 10


def test_every_subsection_maps_at_least_four_events(pack: Pack) -> None:
    linked = Counter(code for e in pack.events() for code in set(e.sections))
    thin = [sub.code for s in pack.sections for sub in s.subsections if linked[sub.code] < 4]
    assert thin == []


def test_the_seed_errors_are_corrected(pack: Pack) -> None:
    text = " ".join(f"{c.claim} {c.correction}" for c in pack.corrections()).lower()
    for topic in ("jinnah", "seato", "carter doctrine", "kerry-lugar", "non-nato"):
        assert topic in text, topic


def test_the_literature_and_the_words(pack: Pack) -> None:
    """At least 40 works and 40 quotations, quotations in every decade, the key speeches
    with where they were given, and the misattributions corrected."""
    works, quotes = pack.works(), pack.quotes()
    assert len(works) >= 40 and len(quotes) >= 40
    decades = {d.id for d in pack.decades}
    said = {f"{q.date[:3]}0s" for q in quotes}
    assert decades <= said, decades - said
    assert all(w.sources and (w.people or w.events) for w in works)
    assert all(q.sources and q.place and q.occasion for q in quotes)
    dates = {q.date for q in quotes}
    for key in ("2001-09-19", "2009-12-01", "2018-01-01", "1950-05-16"):
        assert key in dates, key  # Musharraf's address, West Point, Trump's post, Liaquat
    where = [pack.locations[f"correction:{c.id}"].path for c in pack.corrections()]
    assert sum(p.endswith("literature.yaml") for p in where) >= 5
