"""Past papers: the list with the themes that recur, and one question with its model outline.

Plain data with `to_dict()`, like the other views. A likely question (written by pkus) is
always labelled as such and never counted as a past paper.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from pkus_cli.errors import UsageError
from pkus_cli.pack.items import Event, Person, Source, Term
from pkus_cli.pack.model import Pack
from pkus_cli.pack.study import PaperQuestion, Quote, Work
from pkus_cli.views import find
from pkus_cli.views.pages import sources_of

# How candidates name the papers: "CA", "current", "Pakistan Affairs", "IR".
PAPER_ALIASES = {
    "ca": "current affairs", "pa": "pakistan affairs", "ir": "international relations",
}  # fmt: skip


def question_dict(q: PaperQuestion) -> dict[str, Any]:
    return {
        "id": q.id, "status": q.status, "label": q.label, "exam": q.exam, "year": q.year,
        "paper": q.paper, "number": q.number, "marks": q.marks, "text": q.text,
        "themes": list(q.themes), "uncertain": q.uncertain, "sources": list(q.sources),
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class PapersView:
    past: tuple[PaperQuestion, ...]
    likely: tuple[PaperQuestion, ...]
    themes: tuple[tuple[str, str, int], ...]  # tag id, label, past questions on it
    filters: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "filters": self.filters,
            "past": [question_dict(q) for q in self.past],
            "likely": [question_dict(q) for q in self.likely],
            "themes": [
                {"tag": t, "label": label, "past_questions": n} for t, label, n in self.themes
            ],
        }


def _paper_matches(asked: str, paper: str | None) -> bool:
    want = PAPER_ALIASES.get(asked.strip().lower(), asked.strip().lower())
    return paper is not None and want in paper.lower()


def papers(pack: Pack, year: int | None = None, paper: str | None = None) -> PapersView:
    qs = pack.papers()
    if paper is not None and not any(_paper_matches(paper, q.paper) for q in qs):
        names = sorted({q.paper for q in qs if q.paper})
        raise UsageError(f"no past paper called '{paper}': choose from {', '.join(names)}")
    if year is not None and not any(q.year == year for q in qs):
        years = sorted({q.year for q in qs if q.year})
        raise UsageError(f"no past question from {year}: the pack has {', '.join(map(str, years))}")
    past = tuple(
        q
        for q in qs
        if q.past
        and (year is None or q.year == year)
        and (paper is None or _paper_matches(paper, q.paper))
    )
    # Likely questions are listed only when no year or paper is asked for: they have none.
    likely = tuple(q for q in qs if not q.past) if year is None and paper is None else ()
    labels = {t.id: t.label for t in pack.tags}
    counts = Counter(t for q in past for t in q.themes)
    themes = tuple((t, labels.get(t, t), n) for t, n in counts.most_common())
    filters = {k: v for k, v in (("year", year), ("paper", paper)) if v is not None}
    return PapersView(past, likely, themes, filters)


def paper_of(pack: Pack, ident: str) -> PaperQuestion:
    key = ident.strip().lower()
    for q in pack.papers():
        if q.id == key:
            return q
    raise find.unknown("question", ident, [q.id for q in pack.papers()], "see `pkus papers`")


# --- one question --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Backing:
    """What one argument stands on, resolved to the pack's items."""

    point: str
    events: tuple[Event, ...]
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    quotes: tuple[Quote, ...]
    works: tuple[Work, ...]


@dataclass(frozen=True, slots=True)
class PaperView:
    question: PaperQuestion
    arguments: tuple[Backing, ...]
    key_dates: tuple[Event, ...]
    sources: tuple[Source, ...]
    hide_outline: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = question_dict(self.question)
        d["sources"] = [{"id": s.id, "title": s.title, "url": s.url} for s in self.sources]
        if self.hide_outline:
            return d
        o = self.question.outline
        d["outline"] = {
            "thesis": o.thesis,
            "arguments": [
                {
                    "point": a.point,
                    "events": [{"id": e.id, "date": e.date, "title": e.title} for e in a.events],
                    "people": [{"id": p.id, "name": p.name} for p in a.people],
                    "terms": [{"id": t.id, "term": t.term} for t in a.terms],
                    "quotes": [
                        {"id": q.id, "speaker": q.speaker, "text": q.text} for q in a.quotes
                    ],
                    "works": [{"id": w.id, "title": w.title} for w in a.works],
                }
                for a in self.arguments
            ],
            "counter": o.counter,
            "way_forward": o.way_forward,
            "conclusion": o.conclusion,
            "key_dates": [{"id": e.id, "date": e.date, "title": e.title} for e in self.key_dates],
        }
        return d


def paper(pack: Pack, ident: str, hide_outline: bool = False) -> PaperView:
    q = paper_of(pack, ident)
    events = {e.id: e for e in pack.events()}
    people = {p.id: p for p in pack.people()}
    terms = {t.id: t for t in pack.terms()}
    quotes = {x.id: x for x in pack.quotes()}
    works = {w.id: w for w in pack.works()}
    backing = tuple(
        Backing(
            a.point,
            tuple(events[i] for i in a.events if i in events),
            tuple(people[i] for i in a.people if i in people),
            tuple(terms[i] for i in a.terms if i in terms),
            tuple(quotes[i] for i in a.quotes if i in quotes),
            tuple(works[i] for i in a.works if i in works),
        )
        for a in q.outline.arguments
    )
    key_dates = tuple(
        sorted((events[i] for i in q.outline.key_dates if i in events), key=lambda e: e.date)
    )
    return PaperView(q, backing, key_dates, sources_of(pack, q.sources), hide_outline)
