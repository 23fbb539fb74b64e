"""Content is written in our own words: no eight-word run is taken from the seed essay.

Outline titles follow the essay's outline by design, and a correction's `claim` quotes the
error it corrects; everything else is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pkus_cli.pack import loader
from pkus_cli.pack.paths import builtin_content_dir

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "pakistan-us-relations.txt"
RUN = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


@pytest.mark.skipif(not SEED.is_file(), reason="the seed essay is not beside this checkout")
def test_no_eight_word_run_is_copied_from_the_seed() -> None:
    seed = runs(SEED.read_text(encoding="utf-8"))
    pack = loader.load(builtin_content_dir())
    texts: dict[str, str] = {}
    for s in pack.sections:
        for sub in s.subsections:
            texts[f"subsection {sub.code}"] = sub.summary
    for d in pack.decades:
        texts[f"decade {d.id}"] = " ".join((d.summary, *d.takeaways, *(f.label for f in d.figures)))
    for e in pack.events():
        texts[f"event {e.id}"] = " ".join((e.title, e.summary, e.significance, e.note or ""))
    for p in pack.people():
        texts[f"person {p.id}"] = p.summary
    for t in pack.terms():
        texts[f"term {t.id}"] = t.definition
    for c in pack.cards():
        texts[f"card {c.id}"] = f"{c.question} {c.answer}"
    for c in pack.corrections():
        texts[f"correction {c.id}"] = c.correction
    for q in pack.papers():
        o = q.outline
        own = [o.thesis, *(a.point for a in o.arguments), o.counter, o.way_forward, o.conclusion]
        # A past question's wording is the paper's, quoted; only pkus's own are checked.
        texts[f"question {q.id}"] = " ".join(own if q.past else [q.text, *own])
    for w in pack.works():
        texts[f"work {w.id}"] = w.about
    for qt in pack.quotes():
        texts[f"quote {qt.id}"] = f"{qt.occasion} {qt.note or ''}"  # the quotation itself is quoted
    copied = {
        name: " ".join(sorted(runs(text) & seed)[0])
        for name, text in texts.items()
        if runs(text) & seed
    }
    assert copied == {}


def _sentences(text: str) -> list[str]:
    """Sentences of a summary: a stop, then space and a capital (or an opening quote)."""
    joined = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?])[\"”)]?\s+(?=[A-Z\"“(])", joined) if s]


def test_sentence_splitting_counts_what_a_reader_sees() -> None:
    assert _sentences("One two. Three four! Five (six) seven? \"Eight\" nine.") == [
        "One two.", "Three four!", "Five (six) seven?", "\"Eight\" nine.",
    ]  # fmt: skip


def test_no_event_summary_has_a_sentence_of_more_than_45_words() -> None:
    pack = loader.load(builtin_content_dir())
    long = [
        (e.id, len(s.split()))
        for e in pack.events()
        for s in _sentences(e.summary)
        if len(s.split()) > 45
    ]
    assert long == []
