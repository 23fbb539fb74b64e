"""The literature and the words: books, memoirs and reports; speeches and quotations.

Plain data with `to_dict()`. Filters are the shared ones: a decade (a work belongs to the
decades of the events it bears on, and to that of its first edition), and a person (an
author or a subject of a work; the speaker of a quotation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pkus_cli.pack.model import Pack
from pkus_cli.pack.study import Quote, Work
from pkus_cli.views import find


def work_dict(w: Work) -> dict[str, Any]:
    return {
        "id": w.id, "title": w.title, "authors": list(w.authors), "year": w.year,
        "publisher": w.publisher, "kind": w.kind, "about": w.about, "people": list(w.people),
        "events": list(w.events), "sources": list(w.sources), "note": w.note,
    }  # fmt: skip


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id, "text": q.text, "speaker": q.speaker, "person": q.person, "role": q.role,
        "date": q.date, "kind": q.kind, "occasion": q.occasion, "place": q.place,
        "event": q.event, "reported": q.reported, "sources": list(q.sources), "note": q.note,
    }  # fmt: skip


def decade_of_year(pack: Pack, year: int) -> str | None:
    return next((d.id for d in pack.decades if d.start <= year <= d.end), None)


def work_decades(pack: Pack, w: Work) -> set[str]:
    ids = pack.event_ids()
    out = {ids[e] for e in w.events if e in ids}
    first = decade_of_year(pack, w.year)
    return out | ({first} if first else set())


def quote_decade(pack: Pack, q: Quote) -> str | None:
    return decade_of_year(pack, q.year)


@dataclass(frozen=True, slots=True)
class WorksView:
    works: tuple[Work, ...]
    filters: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"filters": self.filters, "works": [work_dict(w) for w in self.works]}


@dataclass(frozen=True, slots=True)
class QuotesView:
    quotes: tuple[Quote, ...]
    filters: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"filters": self.filters, "quotes": [quote_dict(q) for q in self.quotes]}


def _filters(pack: Pack, decade: str | None, person: str | None) -> tuple[str | None, Any]:
    d = find.decade_of(pack, decade) if decade is not None else None
    p = find.person_of(pack, person) if person is not None else None
    return d, p


def works_about_person(pack: Pack, person_id: str, name: str) -> tuple[Work, ...]:
    return tuple(w for w in pack.works() if person_id in w.people or name in w.authors)


def books(pack: Pack, decade: str | None = None, person: str | None = None) -> WorksView:
    d, p = _filters(pack, decade, person)
    out = [
        w
        for w in pack.works()
        if (d is None or d in work_decades(pack, w))
        and (p is None or p.id in w.people or p.name in w.authors)
    ]
    values = {k: v for k, v in (("decade", d), ("person", p.id if p else None)) if v}
    return WorksView(tuple(out), values)


def quotes(pack: Pack, decade: str | None = None, person: str | None = None) -> QuotesView:
    d, p = _filters(pack, decade, person)
    out = [
        q
        for q in pack.quotes()
        if (d is None or quote_decade(pack, q) == d)
        and (p is None or q.person == p.id or q.speaker == p.name)
    ]
    values = {k: v for k, v in (("decade", d), ("person", p.id if p else None)) if v}
    return QuotesView(tuple(out), values)


def literature_of(sel: find.Selection) -> tuple[list[Work], list[Quote]]:
    """The works and quotations a selection holds: all, or those tied to its events and people."""
    events = {e.id for e in sel.events}
    people = {p.id for p in sel.people}
    works = [
        w for w in sel.pack.works()
        if not sel.filtered or events & set(w.events) or people & set(w.people)
    ]  # fmt: skip
    quotes = [
        q for q in sel.pack.quotes()
        if not sel.filtered or q.event in events or q.person in people
    ]  # fmt: skip
    return works, quotes
