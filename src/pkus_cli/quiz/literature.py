"""Questions about the literature and the words: who wrote, which book, who said, where.

Distractors are of the same kind and era: another work of the same kind from the same or
a neighbouring decade; another speaker of a like office; another place where something
of the time was said.
"""

from __future__ import annotations

import random
import re

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.study import Quote, Work
from pkus_cli.quiz.question import LETTERS, Question
from pkus_cli.views.subjects import Index, Kind


def _options(rng: random.Random, correct: str, pool: list[str]) -> tuple[tuple[str, ...], str]:
    picks = rng.sample(pool, min(3, len(pool)))
    options = [correct, *picks]
    rng.shuffle(options)
    return tuple(options), LETTERS[options.index(correct)]


def _near(ix: Index, decade: str, items: list[tuple[str, str]]) -> list[str]:
    """Names from the same decade when there are three, else from its neighbours too."""
    same = [n for d, n in items if d == decade]
    if len(set(same)) >= 3:
        return list(dict.fromkeys(same))
    near = ix.near_decades.get(decade, frozenset({decade}))
    close = [n for d, n in items if d in near]
    return list(dict.fromkeys(close if len(set(close)) >= 3 else [n for _, n in items]))


def _when(date: str) -> str:
    return f"{'on' if len(date) == 10 else 'in'} {format_date(date)}"


def _masked(q: Quote) -> str:
    """The quotation with its speaker's names blanked, so it does not answer itself."""
    text = q.text
    for word in sorted({w for w in q.speaker.replace(".", "").split() if len(w) > 3}, key=len):
        text = re.sub(rf"\b{re.escape(word)}\b", "___", text)
    return text


def who_wrote(w: Work, decade: str) -> Question:
    accept = list(w.authors)
    return Question(
        item_id=f"work:{w.id}", kind=Kind.TYPED, prompt=f"Who wrote {w.title} ({w.year})?",
        answer=w.byline, accept=tuple(a for a in accept if a != w.byline), key=w.byline,
        decade=decade, context=w.about, sources=w.sources, about=w.title,
    )  # fmt: skip


def which_book(ix: Index, rng: random.Random, w: Work, decade: str) -> Question:
    pool = [
        (ix.work_decade[o.id], o.title)
        for o in ix.pack.works()
        if o.id != w.id and o.id in ix.work_decade and o.kind == w.kind and o.authors != w.authors
    ]
    if len(pool) < 3:  # too few of its kind: any other work of the era
        pool = [(ix.work_decade[o.id], o.title) for o in ix.pack.works()
                if o.id != w.id and o.id in ix.work_decade and o.authors != w.authors]  # fmt: skip
    options, key = _options(rng, w.title, _near(ix, decade, pool))
    return Question(
        item_id=f"choice:work:{w.id}", kind=Kind.CHOICE,
        prompt=f"Which {w.kind} did {w.byline} publish in {w.year}?", answer=w.title,
        options=options, key=key, decade=decade, context=w.about, sources=w.sources,
        about=w.title,
    )  # fmt: skip


def who_said(ix: Index, rng: random.Random, q: Quote, decade: str, kind: Kind) -> Question:
    prompt = f"Who said this, {_when(q.date)}? \u201c{_masked(q)}\u201d"
    context = f"{q.occasion}; {q.place}"
    if kind is Kind.TYPED:
        return Question(
            item_id=f"quote:{q.id}", kind=Kind.TYPED, prompt=prompt, answer=q.speaker,
            key=q.speaker, decade=decade, context=context, sources=q.sources, about=q.speaker,
        )  # fmt: skip
    role_words = set(q.role.lower().split()) - {"of", "the", "us", "to"}
    pool = [
        (ix.quote_decade[o.id], o.speaker)
        for o in ix.pack.quotes()
        if o.speaker != q.speaker and o.id in ix.quote_decade
        and role_words & set(o.role.lower().split())
    ]  # fmt: skip
    if len(set(n for _, n in pool)) < 3:
        pool = [(ix.quote_decade[o.id], o.speaker) for o in ix.pack.quotes()
                if o.speaker != q.speaker and o.id in ix.quote_decade]  # fmt: skip
    options, key = _options(rng, q.speaker, _near(ix, decade, pool))
    return Question(
        item_id=f"choice:quote:{q.id}", kind=Kind.CHOICE, prompt=prompt, answer=q.speaker,
        options=options, key=key, decade=decade, context=context, sources=q.sources,
        about=q.speaker,
    )  # fmt: skip


def where_said(ix: Index, rng: random.Random, q: Quote, decade: str) -> Question:
    pool = [
        (ix.quote_decade[o.id], o.place)
        for o in ix.pack.quotes()
        if o.place != q.place and o.id in ix.quote_decade and "not given" not in o.place
    ]
    options, key = _options(rng, q.place, _near(ix, decade, pool))
    prompt = f"Where did {q.speaker} say this, {_when(q.date)}? \u201c{q.text}\u201d"
    return Question(
        item_id=f"where:{q.id}", kind=Kind.CHOICE, prompt=prompt, answer=q.place,
        options=options, key=key, decade=decade, context=q.occasion, sources=q.sources,
        about=q.occasion,
    )  # fmt: skip
