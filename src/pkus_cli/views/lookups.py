"""Lookup pages: the timeline, one event, people, terms, sources and corrections.

Plain data with `to_dict()`, like `views.pages`; kept apart so that the outline and
decade pages, opened most often, load less.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pkus_cli.pack.basics import ItemKind
from pkus_cli.pack.items import Card, Correction, Event, Person, Ref, Source, Term
from pkus_cli.pack.model import Decade, Leader, Pack, Section, Subsection
from pkus_cli.pack.study import Quote, Work
from pkus_cli.views import find
from pkus_cli.views.pages import sources_of
from pkus_cli.views.serialize import (
    brief,
    card_dict,
    correction_brief,
    event_dict,
    person_dict,
    source_dict,
    term_dict,
)


def _about(pack: Pack, ref: Ref | None) -> dict[str, str] | None:
    """A card's or correction's subject as {kind, id, title}, for display and JSON."""
    if ref is None:
        return None
    title = ref.id
    if ref.kind is ItemKind.EVENT:
        title = next((e.title for e in pack.events() if e.id == ref.id), ref.id)
    elif ref.kind is ItemKind.PERSON:
        title = next((p.name for p in pack.people() if p.id == ref.id), ref.id)
    else:
        title = next((t.term for t in pack.terms() if t.id == ref.id), ref.id)
    return {"kind": ref.kind.value, "id": ref.id, "title": title}


def corrections_about(pack: Pack, ref: str) -> tuple[Correction, ...]:
    """The corrections about one item ("event:ID", "person:ID", "term:ID")."""
    return tuple(c for c in pack.corrections() if c.about and str(c.about) == ref)


# --- timeline ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineGroup:
    decade: str
    title: str | None  # None: a decade the outline names but without a decade entry
    years: str | None
    events: tuple[Event, ...]

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def runs(self) -> Iterable[tuple[Event, ...]]:
        return (self.events,)


@dataclass(frozen=True, slots=True)
class TimelineRuns:
    """One decade of the timeline as a screen prints it: what its heading says, then its
    events a compiled file at a time, each read only when the one before is printed."""

    decade: str
    title: str | None
    years: str | None
    count: int
    runs: Iterable[tuple[Event, ...]]


@dataclass(frozen=True, slots=True)
class TimelineView:
    groups: tuple[TimelineGroup, ...]
    filters: dict[str, Any]

    @property
    def count(self) -> int:
        return sum(len(g.events) for g in self.groups)

    def to_list(self) -> list[dict[str, Any]]:
        """The JSON of `pkus timeline --json`: a list of events in date order."""
        return [event_dict(e) for g in self.groups for e in g.events]

    def to_dict(self) -> dict[str, Any]:
        return {"filters": self.filters, "count": self.count, "events": self.to_list()}


def timeline(pack: Pack, f: find.Filter) -> TimelineView:
    return TimelineView(tuple(timeline_groups(pack, f)), f.values())


def timeline_groups(pack: Pack, f: find.Filter) -> Iterator[TimelineGroup]:
    """The timeline decade by decade, each read only when the one before has been used, so
    a screen can print the first decade of a large pack before the last is decoded."""
    decades = {d.id: d for d in pack.decades}
    for ident in pack.decade_ids():
        if f.decade is not None and ident != f.decade:
            continue
        events = tuple(e for e in pack.events_of(ident) if f.passes(e))
        if events:
            d = decades.get(ident)
            yield TimelineGroup(ident, d.title if d else None, d.years if d else None, events)


def timeline_runs(pack: Pack, f: find.Filter) -> Iterator[TimelineGroup | TimelineRuns]:
    """The timeline for a screen. Unfiltered within its decades, a decade's count is known
    without reading it and its events are read a stored run at a time: the first line of
    a decade of thousands of events is printed before the rest is decoded."""
    if f.by_event:  # a count of what passes needs every event read
        yield from timeline_groups(pack, f)
        return
    decades = {d.id: d for d in pack.decades}
    for ident in pack.decade_ids():
        if f.decade is not None and ident != f.decade:
            continue
        n = pack.event_count(ident)
        if n:
            d = decades.get(ident)
            title, years = (d.title, d.years) if d else (None, None)
            yield TimelineRuns(ident, title, years, n, pack.event_runs(ident))


# --- one event -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventView:
    event: Event
    decade: Decade | None
    placement: tuple[tuple[Section, Subsection], ...]  # in the order the event lists them
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    previous: Event | None
    next: Event | None
    sources: tuple[Source, ...]
    cards: tuple[Card, ...]
    corrections: tuple[Correction, ...]
    works: tuple[Work, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = event_dict(self.event)
        d["works"] = [
            {"id": w.id, "title": w.title, "authors": list(w.authors)} for w in self.works
        ]
        d["quotes"] = [{"id": q.id, "speaker": q.speaker, "text": q.text} for q in self.quotes]
        d["decade_title"] = self.decade.title if self.decade else None
        d["placement"] = [
            {"code": sub.code, "title": sub.title, "section": s.number, "section_title": s.title}
            for s, sub in self.placement
        ]
        d["people"] = [{"id": p.id, "name": p.name} for p in self.people]
        d["terms"] = [{"id": t.id, "term": t.term, "definition": t.definition} for t in self.terms]
        d["previous"] = brief(self.previous) if self.previous else None
        d["next"] = brief(self.next) if self.next else None
        d["sources"] = [source_dict(s) for s in self.sources]
        d["cards"] = [card_dict(c) for c in self.cards]
        d["corrections"] = [
            {"id": c.id, "claim": c.claim, "correction": c.correction} for c in self.corrections
        ]
        return d


def event(pack: Pack, ident: str) -> EventView:
    e = find.event_of(pack, ident)
    previous, following = pack.neighbours(e.id)
    placement: list[tuple[Section, Subsection]] = []
    for code in e.sections:
        for s in pack.sections:
            placement += [(s, sub) for sub in s.subsections if sub.code == code]
    people = {p.id: p for p in pack.people()}
    terms = {t.id: t for t in pack.terms()}
    ref = f"event:{e.id}"
    return EventView(
        event=e,
        decade=next((d for d in pack.decades if d.id == e.decade), None),
        placement=tuple(placement),
        people=tuple(people[p] for p in e.people if p in people),
        terms=tuple(terms[t] for t in e.terms if t in terms),
        previous=previous,
        next=following,
        sources=sources_of(pack, e.sources),
        cards=pack.cards_about(ref),
        corrections=corrections_about(pack, ref),
        works=tuple(w for w in pack.works() if e.id in w.events),
        quotes=tuple(q for q in pack.quotes() if q.event == e.id),
    )


# --- people and terms ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeopleView:
    people: tuple[Person, ...]
    event_counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "people": [
                {**person_dict(p), "events": self.event_counts.get(p.id, 0)} for p in self.people
            ]
        }


def _mentions(pack: Pack, field: str) -> dict[str, int]:
    """How many events name each id in their `people` or `terms` list."""
    counts: dict[str, int] = {}
    for e in pack.events():
        for ident in getattr(e, field):
            counts[ident] = counts.get(ident, 0) + 1
    return counts


def people(pack: Pack) -> PeopleView:
    return PeopleView(pack.people(), _mentions(pack, "people"))


@dataclass(frozen=True, slots=True)
class PersonView:
    person: Person
    events: tuple[Event, ...]
    leader_of: tuple[tuple[Decade, Leader], ...]
    cards: tuple[Card, ...]
    corrections: tuple[Correction, ...]
    sources: tuple[Source, ...]
    works: tuple[Work, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "works": [{"id": w.id, "title": w.title, "year": w.year} for w in self.works],
            "quotes": [{"id": q.id, "date": q.date, "text": q.text} for q in self.quotes],
            **person_dict(self.person),
            "events": [brief(e) for e in self.events],
            "leader_in": [
                {"decade": d.id, "role": ld.role, "years": ld.years} for d, ld in self.leader_of
            ],
            "cards": [card_dict(c) for c in self.cards],
            "corrections": [correction_brief(c) for c in self.corrections],
            "sources": [source_dict(s) for s in self.sources],
        }


def person(pack: Pack, ident: str) -> PersonView:
    p = find.person_of(pack, ident)
    ref = f"person:{p.id}"
    return PersonView(
        person=p,
        events=tuple(e for e in pack.events() if p.id in e.people),
        leader_of=tuple((d, ld) for d in pack.decades for ld in d.leaders if ld.person == p.id),
        cards=pack.cards_about(ref),
        corrections=corrections_about(pack, ref),
        sources=sources_of(pack, p.sources),
        works=tuple(w for w in pack.works() if p.id in w.people or p.name in w.authors),
        quotes=tuple(q for q in pack.quotes() if q.person == p.id),
    )


@dataclass(frozen=True, slots=True)
class TermsView:
    terms: tuple[Term, ...]
    event_counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "terms": [
                {**term_dict(t), "events": self.event_counts.get(t.id, 0)} for t in self.terms
            ]
        }


def terms(pack: Pack) -> TermsView:
    return TermsView(pack.terms(), _mentions(pack, "terms"))


@dataclass(frozen=True, slots=True)
class TermView:
    term: Term
    events: tuple[Event, ...]
    cards: tuple[Card, ...]
    corrections: tuple[Correction, ...]
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            **term_dict(self.term),
            "events": [brief(e) for e in self.events],
            "cards": [card_dict(c) for c in self.cards],
            "corrections": [correction_brief(c) for c in self.corrections],
            "sources": [source_dict(s) for s in self.sources],
        }


def term(pack: Pack, ident: str) -> TermView:
    t = find.term_of(pack, ident)
    ref = f"term:{t.id}"
    return TermView(
        term=t,
        events=tuple(e for e in pack.events() if t.id in e.terms),
        cards=pack.cards_about(ref),
        corrections=corrections_about(pack, ref),
        sources=sources_of(pack, t.sources),
    )


# --- sources and corrections ---------------------------------------------------------------

CITING_KINDS = ("event", "person", "term", "decade", "correction")


@dataclass(frozen=True, slots=True)
class SourcesView:
    sources: tuple[Source, ...]
    cited_by: dict[str, dict[str, int]]  # source id -> item kind -> how many items cite it

    def total(self, source_id: str) -> int:
        return sum(self.cited_by.get(source_id, {}).values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [
                {
                    **source_dict(s),
                    "cited_by": self.total(s.id),
                    "cited_by_kind": self.cited_by.get(s.id, {}),
                }
                for s in self.sources
            ]
        }


def sources(pack: Pack) -> SourcesView:
    """The bibliography, with how many items (each counted once) cite each source."""
    cited: dict[str, dict[str, int]] = {}

    def cite(kind: str, ids: Iterable[str]) -> None:
        for i in set(ids):
            per = cited.setdefault(i, {})
            per[kind] = per.get(kind, 0) + 1

    for e in pack.events():
        cite("event", e.sources)
    for p in pack.people():
        cite("person", p.sources)
    for t in pack.terms():
        cite("term", t.sources)
    for d in pack.decades:
        cite("decade", (*d.sources, *(s for f in d.figures for s in f.sources)))
    for c in pack.corrections():
        cite("correction", c.sources)
    return SourcesView(pack.sources(), cited)


@dataclass(frozen=True, slots=True)
class CorrectionsView:
    corrections: tuple[Correction, ...]
    about: dict[str, dict[str, str] | None]  # correction id -> its subject
    sources: dict[str, tuple[Source, ...]]  # correction id -> its sources

    def to_dict(self) -> dict[str, Any]:
        return {
            "corrections": [
                {
                    "id": c.id,
                    "claim": c.claim,
                    "correction": c.correction,
                    "found_in": c.found_in,
                    "about": self.about[c.id],
                    "sources": [source_dict(s) for s in self.sources[c.id]],
                }
                for c in self.corrections
            ]
        }


def corrections(pack: Pack) -> CorrectionsView:
    return CorrectionsView(
        pack.corrections(),
        {c.id: _about(pack, c.about) for c in pack.corrections()},
        {c.id: sources_of(pack, c.sources) for c in pack.corrections()},
    )
