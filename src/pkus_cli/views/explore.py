"""Pure views for looking things up: timeline, events, search, people, terms, sources.

Like `query`, every view is plain data with `to_dict()` (the timeline's JSON is a list, so
it offers `to_list()`), and nothing here prints. `filter_events` and `select` are the
filters that the timeline, the exports and the quiz share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pkus_cli.errors import UsageError
from pkus_cli.pack.model import (
    Card,
    Correction,
    Decade,
    Event,
    ItemKind,
    Leader,
    Pack,
    Person,
    Ref,
    Section,
    Source,
    Subsection,
    Term,
)
from pkus_cli.views.pages import closest, event_dict, find_section, resolve_decade, sources_of

# --- filters -------------------------------------------------------------------------------


def _unknown(what: str, value: str, valid: Iterable[str], hint: str = "") -> UsageError:
    """An error naming the closest valid values (or all of them when there are few)."""
    options = list(valid)
    near = suggest(value, options)
    if near:
        tail = f"did you mean {', '.join(near)}?"
    elif len(options) <= 12:
        tail = f"choose one of {', '.join(options)}"
    else:
        tail = hint or "see the list of valid values"
    return UsageError(f"unknown {what} '{value}': {tail}")


def suggest(word: str, options: list[str], n: int = 3) -> list[str]:
    """The options closest to `word`: fuzzy matches, else those containing it."""
    word = word.strip().lower()
    near = closest(word, options, n)
    if not near and word:
        near = [o for o in options if word in o][:n]
    return near


def section_codes(pack: Pack, key: str) -> frozenset[str]:
    """The subsection codes a --section value means: '4' or 'estrangement' -> its codes; '4B'."""
    code = key.strip().upper()
    for s in pack.sections:
        for sub in s.subsections:
            if sub.code == code:
                return frozenset({code})
    return frozenset(sub.code for sub in find_section(pack, key).subsections)


def check_tag(pack: Pack, tag: str) -> str:
    """A tag id from tags.yaml (or used by an event); UsageError naming the valid ones."""
    tag = tag.strip().lower()
    known = [t.id for t in pack.tags] or sorted({t for e in pack.events for t in e.tags})
    if tag not in known:
        raise _unknown("tag", tag, known)
    return tag


def check_person(pack: Pack, person: str) -> str:
    """A person id, or a name that matches exactly one person; UsageError otherwise."""
    return find_person(pack, person).id


def filter_events(
    pack: Pack,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> tuple[Event, ...]:
    """The pack's events (in date order) that pass every filter given.

    `decade` takes the forms `resolve_decade` knows (1990s, 90s, 1998), `section` a section
    number, id or subsection code, `person` an id or a name. Unknown values raise UsageError
    naming the valid choices.
    """
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UsageError(f"--from {year_from} is after --to {year_to}")
    decade_id = resolve_decade(pack, decade) if decade is not None else None
    codes = section_codes(pack, section) if section is not None else None
    tag_id = check_tag(pack, tag) if tag is not None else None
    person_id = check_person(pack, person) if person is not None else None
    return tuple(
        e
        for e in pack.events
        if (decade_id is None or e.decade == decade_id)
        and (codes is None or not codes.isdisjoint(e.sections))
        and (tag_id is None or tag_id in e.tags)
        and (person_id is None or person_id in e.people)
        and (year_from is None or e.year >= year_from)
        and (year_to is None or e.year <= year_to)
    )


@dataclass(frozen=True, slots=True)
class Selection:
    """A filtered slice of the pack: what an export or a quiz with filters works on."""

    pack: Pack
    filtered: bool
    decade: str | None
    events: tuple[Event, ...]
    cards: tuple[Card, ...]
    decades: tuple[Decade, ...]
    sections: tuple[Section, ...]
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    sources: tuple[Source, ...]
    corrections: tuple[Correction, ...]


def card_events(pack: Pack, card: Card) -> tuple[Event, ...]:
    """The events a card draws on: its event, or the events of its decade naming its person/term."""
    ref = card.about
    if ref.kind is ItemKind.EVENT:
        return tuple(e for e in pack.events if e.id == ref.id)
    if ref.kind is ItemKind.PERSON:
        return tuple(e for e in pack.events if e.decade == card.decade and ref.id in e.people)
    return tuple(e for e in pack.events if e.decade == card.decade and ref.id in e.terms)


def select(
    pack: Pack,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
) -> Selection:
    """The events, cards and everything they refer to, for --decade/--section/--tag filters.

    Without filters, everything. A card is kept when it belongs to the decade asked for and,
    with --section or --tag, when an event it draws on passes them.
    """
    events = filter_events(pack, decade=decade, section=section, tag=tag)
    filtered = any(v is not None for v in (decade, section, tag))
    if not filtered:
        return Selection(
            pack,
            False,
            None,
            pack.events,
            pack.cards,
            pack.decades,
            pack.sections,
            pack.people,
            pack.terms,
            pack.sources,
            pack.corrections,
        )
    decade_id = resolve_decade(pack, decade) if decade is not None else None
    kept = {e.id for e in events}
    by_event = section is not None or tag is not None
    cards = tuple(
        c
        for c in pack.cards
        if (decade_id is None or c.decade == decade_id)
        and (not by_event or any(e.id in kept for e in card_events(pack, c)))
    )
    decade_ids = {e.decade for e in events} | {c.decade for c in cards}
    if decade_id is not None:
        decade_ids.add(decade_id)
    decades = tuple(d for d in pack.decades if d.id in decade_ids)
    codes = {code for e in events for code in e.sections}
    sections = tuple(s for s in pack.sections if any(sub.code in codes for sub in s.subsections))
    refs = {str(c.about) for c in cards}
    person_ids = {p for e in events for p in e.people} | {
        ld.person for d in decades for ld in d.leaders if ld.person
    }
    person_ids |= {r.split(":", 1)[1] for r in refs if r.startswith("person:")}
    term_ids = {t for e in events for t in e.terms}
    term_ids |= {r.split(":", 1)[1] for r in refs if r.startswith("term:")}
    people = tuple(p for p in pack.people if p.id in person_ids)
    terms = tuple(t for t in pack.terms if t.id in term_ids)
    item_refs = {f"event:{i}" for i in kept} | {f"person:{i}" for i in person_ids}
    item_refs |= {f"term:{i}" for i in term_ids}
    corrections = tuple(c for c in pack.corrections if c.about and str(c.about) in item_refs)
    cited: set[str] = set()
    for ids in (*(e.sources for e in events), *(p.sources for p in people)):
        cited.update(ids)
    for ids in (*(t.sources for t in terms), *(c.sources for c in corrections)):
        cited.update(ids)
    for d in decades:
        cited.update(d.sources)
        cited.update(s for f in d.figures for s in f.sources)
    sources = tuple(s for s in pack.sources if s.id in cited)
    return Selection(
        pack,
        True,
        decade_id,
        events,
        cards,
        decades,
        sections,
        people,
        terms,
        sources,
        corrections,
    )


# --- lookups -------------------------------------------------------------------------------


def find_event(pack: Pack, ident: str) -> Event:
    found = pack.event(ident.strip().lower())
    if found is not None:
        return found
    raise _unknown("event", ident, list(pack.event_ids), "see `pkus timeline` for ids")


def find_person(pack: Pack, ident: str) -> Person:
    """A person by id, or by a name or part of one that matches exactly one person."""
    key = ident.strip().lower()
    for p in pack.people:
        if p.id == key:
            return p
    words = fold(ident).split()
    named = [p for p in pack.people if words and all(_has_word(fold(p.name), w) for w in words)]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(p.id for p in named[:5])
        raise UsageError(f"'{ident}' matches several people: {ids}")
    raise _unknown("person", ident, [p.id for p in pack.people], "see `pkus people` for ids")


def find_term(pack: Pack, ident: str) -> Term:
    """A term by id, or by its name or an alias (case- and accent-insensitive)."""
    key = ident.strip().lower()
    for t in pack.terms:
        if t.id == key:
            return t
    folded = fold(ident).strip()
    for t in pack.terms:
        if folded in (fold(n) for n in (t.term, *t.aliases)):
            return t
    raise _unknown("term", ident, [t.id for t in pack.terms], "see `pkus terms` for ids")


def _about(pack: Pack, ref: Ref | None) -> dict[str, str] | None:
    """A card's or correction's subject as {kind, id, title}, for display and JSON."""
    if ref is None:
        return None
    title = ref.id
    if ref.kind is ItemKind.EVENT:
        title = next((e.title for e in pack.events if e.id == ref.id), ref.id)
    elif ref.kind is ItemKind.PERSON:
        title = next((p.name for p in pack.people if p.id == ref.id), ref.id)
    else:
        title = next((t.term for t in pack.terms if t.id == ref.id), ref.id)
    return {"kind": ref.kind.value, "id": ref.id, "title": title}


def corrections_about(pack: Pack, ref: str) -> tuple[Correction, ...]:
    """The corrections about one item ("event:ID", "person:ID", "term:ID")."""
    return tuple(c for c in pack.corrections if c.about and str(c.about) == ref)


def correction_brief(c: Correction) -> dict[str, Any]:
    return {"id": c.id, "claim": c.claim, "correction": c.correction}


def source_dict(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "author": s.author,
        "year": s.year,
        "url": s.url,
        "kind": s.kind,
    }


def card_dict(c: Card) -> dict[str, Any]:
    return {
        "id": c.id,
        "decade": c.decade,
        "about": str(c.about),
        "kind": c.kind,
        "question": c.question,
        "answer": c.answer,
        "accept": list(c.accept),
    }


def person_dict(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "country": p.country.value,
        "roles": [{"title": r.title, "years": r.years} for r in p.roles],
        "summary": p.summary,
        "sources": list(p.sources),
    }


def term_dict(t: Term) -> dict[str, Any]:
    return {
        "id": t.id,
        "term": t.term,
        "aliases": list(t.aliases),
        "year": t.year,
        "definition": t.definition,
        "sources": list(t.sources),
    }


def _brief(e: Event) -> dict[str, str]:
    return {"id": e.id, "date": e.date, "title": e.title}


# --- timeline ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineGroup:
    decade: str
    title: str | None  # None: a decade the outline names but without a decade entry
    years: str | None
    events: tuple[Event, ...]


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


def timeline(
    pack: Pack,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> TimelineView:
    events = filter_events(pack, decade, section, tag, person, year_from, year_to)
    decades = {d.id: d for d in pack.decades}
    runs: list[list[Event]] = []
    for e in events:
        if not runs or runs[-1][0].decade != e.decade:
            runs.append([])
        runs[-1].append(e)
    groups = []
    for run in runs:
        d = decades.get(run[0].decade)
        groups.append(
            TimelineGroup(run[0].decade, d.title if d else None, d.years if d else None, tuple(run))
        )
    filters = {
        "decade": decade,
        "section": section,
        "tag": tag,
        "person": person,
        "from": year_from,
        "to": year_to,
    }
    return TimelineView(tuple(groups), {k: v for k, v in filters.items() if v is not None})


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

    def to_dict(self) -> dict[str, Any]:
        d = event_dict(self.event)
        d["decade_title"] = self.decade.title if self.decade else None
        d["placement"] = [
            {"code": sub.code, "title": sub.title, "section": s.number, "section_title": s.title}
            for s, sub in self.placement
        ]
        d["people"] = [{"id": p.id, "name": p.name} for p in self.people]
        d["terms"] = [{"id": t.id, "term": t.term, "definition": t.definition} for t in self.terms]
        d["previous"] = _brief(self.previous) if self.previous else None
        d["next"] = _brief(self.next) if self.next else None
        d["sources"] = [source_dict(s) for s in self.sources]
        d["cards"] = [card_dict(c) for c in self.cards]
        d["corrections"] = [
            {"id": c.id, "claim": c.claim, "correction": c.correction} for c in self.corrections
        ]
        return d


def event(pack: Pack, ident: str) -> EventView:
    e = find_event(pack, ident)
    previous, following = pack.neighbours(e.id)
    placement: list[tuple[Section, Subsection]] = []
    for code in e.sections:
        for s in pack.sections:
            placement += [(s, sub) for sub in s.subsections if sub.code == code]
    people = {p.id: p for p in pack.people}
    terms = {t.id: t for t in pack.terms}
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
    for e in pack.events:
        for ident in getattr(e, field):
            counts[ident] = counts.get(ident, 0) + 1
    return counts


def people(pack: Pack) -> PeopleView:
    return PeopleView(pack.people, _mentions(pack, "people"))


@dataclass(frozen=True, slots=True)
class PersonView:
    person: Person
    events: tuple[Event, ...]
    leader_of: tuple[tuple[Decade, Leader], ...]
    cards: tuple[Card, ...]
    corrections: tuple[Correction, ...]
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            **person_dict(self.person),
            "events": [_brief(e) for e in self.events],
            "leader_in": [
                {"decade": d.id, "role": ld.role, "years": ld.years} for d, ld in self.leader_of
            ],
            "cards": [card_dict(c) for c in self.cards],
            "corrections": [correction_brief(c) for c in self.corrections],
            "sources": [source_dict(s) for s in self.sources],
        }


def person(pack: Pack, ident: str) -> PersonView:
    p = find_person(pack, ident)
    ref = f"person:{p.id}"
    return PersonView(
        person=p,
        events=tuple(e for e in pack.events if p.id in e.people),
        leader_of=tuple((d, ld) for d in pack.decades for ld in d.leaders if ld.person == p.id),
        cards=pack.cards_about(ref),
        corrections=corrections_about(pack, ref),
        sources=sources_of(pack, p.sources),
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
    return TermsView(pack.terms, _mentions(pack, "terms"))


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
            "events": [_brief(e) for e in self.events],
            "cards": [card_dict(c) for c in self.cards],
            "corrections": [correction_brief(c) for c in self.corrections],
            "sources": [source_dict(s) for s in self.sources],
        }


def term(pack: Pack, ident: str) -> TermView:
    t = find_term(pack, ident)
    ref = f"term:{t.id}"
    return TermView(
        term=t,
        events=tuple(e for e in pack.events if t.id in e.terms),
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

    for e in pack.events:
        cite("event", e.sources)
    for p in pack.people:
        cite("person", p.sources)
    for t in pack.terms:
        cite("term", t.sources)
    for d in pack.decades:
        cite("decade", (*d.sources, *(s for f in d.figures for s in f.sources)))
    for c in pack.corrections:
        cite("correction", c.sources)
    return SourcesView(pack.sources, cited)


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
        pack.corrections,
        {c.id: _about(pack, c.about) for c in pack.corrections},
        {c.id: sources_of(pack, c.sources) for c in pack.corrections},
    )


# --- search --------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text for matching: lower case, accents removed ('Pérez' -> 'perez')."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_chars(text)[0])


def _fold_chars(text: str) -> tuple[list[str], list[int]]:
    """Folded characters, and for each the index of the character it came from."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(c):
                continue
            for f in c.casefold():
                chars.append(f)
                index.append(i)
    return chars, index


def _has_word(folded: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word), folded) is not None


def highlights(text: str, words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where in `text` (original offsets) words start that begin with any of `words`."""
    if text.isascii():
        folded, index = text.lower(), list(range(len(text)))
    else:
        chars, index = _fold_chars(text)
        folded = "".join(chars)
    spans: list[tuple[int, int]] = []
    for w in words:
        for m in re.finditer(r"(?<!\w)" + re.escape(w), folded):
            start, end = index[m.start()], index[m.end() - 1] + 1
            spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class _Doc:
    kind: str
    id: str
    title: str
    names: tuple[str, ...]  # title-like fields: a match here ranks first
    body: tuple[tuple[str, str], ...]  # (field name, text)


# On equal matches a glossary entry or a person outranks an event that mentions it: "kerry
# lugar" should open the act itself first.
KIND_ORDER = ("term", "person", "event", "decade", "card")


def _documents(pack: Pack) -> list[_Doc]:
    docs: list[_Doc] = []
    for e in pack.events:
        body = [("summary", e.summary), ("significance", e.significance)]
        if e.note:
            body.append(("note", e.note))
        body.append(("date", f"{e.date} {e.display_date}"))  # "pressler 1990" finds the cut-off
        body.append(("id", e.id.replace("-", " ")))
        docs.append(_Doc("event", e.id, e.title, (e.title,), tuple(body)))
    for t in pack.terms:
        docs.append(
            _Doc("term", t.id, t.term, (t.term, *t.aliases), (("definition", t.definition),))
        )
    for p in pack.people:
        roles = "; ".join(f"{r.title} ({r.years})" for r in p.roles)
        docs.append(
            _Doc("person", p.id, p.name, (p.name,), (("summary", p.summary), ("roles", roles)))
        )
    for d in pack.decades:
        body = [("summary", d.summary), *(("takeaway", t) for t in d.takeaways)]
        title = f"{d.id}: {d.title}"
        docs.append(_Doc("decade", d.id, title, (title,), tuple(body)))
    for c in pack.cards:
        answers = "; ".join((c.answer, *c.accept))
        docs.append(_Doc("card", c.id, c.question, (c.question,), (("answer", answers),)))
    return docs


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: str
    id: str
    title: str
    title_highlights: tuple[tuple[int, int], ...]
    field: str  # where the snippet comes from
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # offsets into the snippet
    match: str  # "title" when every word matched the title or a name, else "body"
    rank: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "title_highlights": [list(h) for h in self.title_highlights],
            "field": self.field,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "match": self.match,
        }


@dataclass(frozen=True, slots=True)
class SearchView:
    query: str
    words: tuple[str, ...]
    total: int
    results: tuple[SearchResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "results": [r.to_dict() for r in self.results],
        }


SNIPPET = 160


def snippet(
    text: str, words: Iterable[str], width: int = SNIPPET
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around its first match, with the matches' offsets in the window."""
    spans = highlights(text, words)
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    lead = "…" if start else ""
    out = lead + text[start:end].strip() + ("…" if end < len(text) else "")
    shift = len(lead) - start
    kept = tuple((s + shift, min(e, end) + shift) for s, e in spans if s >= start and s < end)
    return out, kept


def search(pack: Pack, text: str, limit: int | None = 20) -> SearchView:
    """Items where every word of `text` starts a word somewhere in them, best matches first.

    Ranks: the exact name, the phrase in a title or name, every word in one title or name,
    some words in a title, then body-only matches; ties by kind (events, terms, people,
    decades, cards) and pack order.
    """
    words = tuple(dict.fromkeys(re.findall(r"\w+", fold(text))))
    if not words:
        raise UsageError("search needs at least one word, e.g. pkus search pressler")
    phrase = " ".join(words)
    results: list[SearchResult] = []
    for order, doc in enumerate(_documents(pack)):
        names = [fold(n) for n in doc.names]
        body = [fold(t) for _, t in doc.body]
        in_names = [w for w in words if any(_has_word(n, w) for n in names)]
        rest = [w for w in words if w not in in_names]
        if rest and not all(any(_has_word(b, w) for b in body) for w in rest):
            continue
        squashed = [" ".join(re.findall(r"\w+", n)) for n in names]
        if phrase in squashed:
            tier = 0
        elif any(_has_word(n, phrase) for n in squashed):
            tier = 1
        elif any(all(_has_word(n, w) for w in words) for n in names):
            tier = 2
        elif in_names:
            tier = 3
        else:
            tier = 4
        # The snippet: the body field with the most matching words (first one on ties).
        hits = [sum(_has_word(b, w) for w in words) for b in body]
        best = max(range(len(body)), key=lambda i: hits[i]) if body else -1
        field_name, field_text = doc.body[best] if best >= 0 else ("", "")
        if field_name in ("id", "date"):  # no snippet: show the summary instead
            field_name, field_text = doc.body[0]
        snip, spans = snippet(field_text, words)
        rank = (tier, -len(in_names), KIND_ORDER.index(doc.kind), order)
        results.append(
            SearchResult(
                doc.kind,
                doc.id,
                doc.title,
                highlights(doc.title, words),
                field_name,
                snip,
                spans,
                "title" if tier <= 2 else "body",
                rank,
            )
        )
    results.sort(key=lambda r: r.rank)
    shown = results if limit is None else results[:limit]
    return SearchView(text, words, len(results), tuple(shown))
