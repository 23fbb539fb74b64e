"""`pkus check` measured: silent on the pack's own (correct) texts, precise and useful on
planted essays and on the seed essay, and each rule on the cases it exists for."""

from __future__ import annotations

from pathlib import Path

import pytest

from pkus_cli.factcheck.check import check
from pkus_cli.pack import cache
from pkus_cli.pack.model import Pack
from pkus_cli.pack.paths import builtin_content_dir
from tests.check_sets import Score, score, sets


@pytest.fixture(scope="module")
def pack() -> Pack:
    return cache.load(builtin_content_dir())


def flags(pack: Pack, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.kind) for f in check(pack, text).findings]


def test_the_packs_own_texts_give_no_finding(pack: Pack) -> None:
    """Every summary, definition and outline in the pack is sourced and right, so each
    finding on them would be a false alarm."""
    parts = []
    for e in pack.events():
        parts += [e.title + ".", e.summary, e.significance]
    for d in pack.decades:
        parts += [d.summary, *d.takeaways]
    parts += [p.summary for p in pack.people()] + [t.definition for t in pack.terms()]
    parts += [c.correction for c in pack.corrections()] + [w.about for w in pack.works()]
    for q in pack.papers():
        o = q.outline
        parts += [o.thesis, *(a.point for a in o.arguments), o.counter, o.conclusion]
    report = check(pack, "\n\n".join(parts))
    assert report.sentences > 1500
    assert [f"{f.kind}: {f.sentence}" for f in report.findings] == []


@pytest.mark.parametrize(("name", "path", "keyed"), sets(), ids=[s[0] for s in sets()])
def test_measured_sets(pack: Pack, name: str, path: Path, keyed: frozenset[int]) -> None:
    s: Score = score(pack, name, path, keyed)
    assert s.precision == 1.0, (
        f"{name}: flagged lines without an error: {sorted(s.flagged - keyed)}"
    )
    # The held-out essay was written by someone who never saw the checker: its recall is
    # what a new text can expect, and the floor says so.
    floor = 0.5 if name.startswith("heldout") else 0.75
    assert s.recall >= floor, f"{name}: missed {sorted(keyed - s.flagged)}"


def test_the_seed_and_two_planted_essays_are_measured() -> None:
    names = {n for n, _, _ in sets()}
    assert {"planted-1.md", "planted-2.md"} <= names


@pytest.mark.parametrize(("text", "kind"), [
    # Both are also known misconceptions, whose correction then speaks for them.
    ("Pakistan joined CENTO in 1955.", "anachronism|misconception"),
    ("The Kerry-Lugar-Berman Act of 2008 tripled civilian aid.", "year|misconception"),
    ("Prime Minister Ayub Khan visited Washington.", "office"),
    ("In 1971, Secretary of State Kissinger flew to Beijing.", "office"),
    ("Defense Secretary Richard Armitage handed over seven demands.", "office"),
    ("India's nuclear test of 18 May 1972 alarmed Pakistan.", "year"),
    ("In the Line of Fire by Benazir Bhutto tells of 9/11.", "work"),
])  # fmt: skip
def test_each_kind_of_error(pack: Pack, text: str, kind: str) -> None:
    (found,) = [k for _, k in flags(pack, text)]
    assert found in kind.split("|")


@pytest.mark.parametrize("text", [
    "Pakistan joined the Baghdad Pact in 1955, which was renamed CENTO in 1959.",
    "Pakistan joined SEATO in September 1954 and the Baghdad Pact in 1955.",
    "President Ayub Khan addressed Congress in July 1961.",
    "In 1974 Secretary of State Kissinger visited Islamabad.",
    "The 1998 Glenn Amendment sanctions were added on top of Pressler.",
    "Deputy Secretary of State Richard Armitage handed over seven demands in 2001.",
    "Obama signed the Kerry-Lugar-Berman Act on 15 October 2009.",
    "Before it became CENTO, the pact was called the Baghdad Pact.",
])  # fmt: skip
def test_right_sentences_are_left_alone(pack: Pack, text: str) -> None:
    assert flags(pack, text) == []


def test_a_known_event_under_the_wrong_heading(pack: Pack) -> None:
    text = "## The 1990s\nUS Navy SEALs killed Osama bin Laden in Abbottabad.\n"
    assert flags(pack, text) == [(2, "decade")]
    assert flags(pack, text.replace("1990s", "2010s")) == []
