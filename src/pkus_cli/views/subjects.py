"""What a question is about: the one place that names, dates and sources every question.

Each question the pack can ask has a stable id, built from content ids and never from
wording, so editing a card keeps its history; the quiz keys progress by it and the Anki
export uses it as the note's GUID, so the two must come from here alone:
  card:ID            a hand-written card, shown as a flashcard or typed answer
  year:EVENT         "In what year ...?" (only when the event's title gives no year away)
  choice:KIND:ID     multiple choice about an event, person or term
  order:DECADE       put 3-5 of the decade's events in order
  first:DECADE       which of two of the decade's events came first
  work:ID            "Who wrote ...?" (typed)      choice:work:ID   "Which book is by ...?"
  quote:ID           "Who said ...?" (typed)       choice:quote:ID  the same, with options
  where:ID           "Where was this said?" (choice), for a quotation
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, overload

from pkus_cli.pack.basics import Heading, ItemKind
from pkus_cli.pack.items import Card, Event
from pkus_cli.pack.model import Pack


class Kind(str, Enum):
    """How a question is asked."""

    FLASHCARD = "flashcard"
    TYPED = "typed"
    YEAR = "year"
    CHOICE = "choice"
    ORDER = "order"
    FIRST = "first"


ALL_KINDS = tuple(Kind)

_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def asks_year(e: Event | Heading) -> bool:
    """The year-question rule: ask "in what year" only when the title does not say it."""
    return _YEAR_IN_TEXT.search(e.title) is None


@dataclass(frozen=True, slots=True)
class Subject:
    """One question the pack can ask, with what the filters need to know of it."""

    id: str
    kinds: tuple[Kind, ...]
    decade: str
    events: tuple[str, ...]  # the events it draws on (order/first: the candidates)
    person: str | None = None  # the person a card or choice question is about

    @property
    def family(self) -> str:
        return self.id.split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class About:
    """What a hand-written card is about, as the quiz and the exports show it."""

    title: str
    date: str | None  # a content date (YYYY[-MM[-DD]]) or a term's years
    context: str  # one line on why it matters, or the person or term in brief
    sources: tuple[str, ...]


class _Events(Mapping[str, Event]):
    """Events by id, decoded only when first asked for, with those stored beside them (a
    file's worth in a compiled pack): a quiz on a pack of 50,000 events reads a few files."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.decade_of = pack.event_ids()  # id -> decade, without decoding any event
        self._by_id: dict[str, Event] = {}

    def __getitem__(self, ident: str) -> Event:
        if ident not in self._by_id:
            if ident not in self.decade_of:
                raise KeyError(ident)
            self._by_id.update((e.id, e) for e in self.pack.events_near(ident))
        return self._by_id[ident]

    def __contains__(self, ident: object) -> bool:
        return ident in self.decade_of

    def __iter__(self) -> Iterator[str]:
        return iter(self.decade_of)

    def __len__(self) -> int:
        return len(self.decade_of)


class _Naming(Mapping[str, list[Event]]):
    """The events naming a person or a term, in date order, from ids kept with the pack."""

    def __init__(self, ids: dict[str, list[str]], events: _Events) -> None:
        self.ids, self.events = ids, events

    def __getitem__(self, key: str) -> list[Event]:
        return [self.events[i] for i in self.ids[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def _links(pack: Pack) -> dict[str, dict[str, list[str]]]:
    """Which events name each person and each term, in date order (plain data, kept)."""
    people: dict[str, list[str]] = {}
    terms: dict[str, list[str]] = {}
    for e in pack.events():
        for p in e.people:
            people.setdefault(p, []).append(e.id)
        for t in e.terms:
            terms.setdefault(t, []).append(e.id)
    return {"people": people, "terms": terms}


class Index:
    """The pack's items by id, to answer "what is this about" without scans. Events are
    decoded a decade at a time as questions need them; people and terms, few, at once."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._card_questions: dict[str, str] | None = None
        events = _Events(pack)
        self.events: Mapping[str, Event] = events
        self.people = {p.id: p for p in pack.people()}
        self.terms = {t.id: t for t in pack.terms()}
        order = tuple(d.id for d in pack.decades)
        links = pack.parts.memo(f"links-{CATALOGUE_RULES}", lambda: _links(pack))
        self.person_events: Mapping[str, list[Event]] = _Naming(links["people"], events)
        self.term_events: Mapping[str, list[Event]] = _Naming(links["terms"], events)
        # One decade for every person and term, used by the quiz header, the filters and
        # stats alike: that of the first event naming them, else (a term) that of its year.
        self.person_decade = {p: events.decade_of[ids[0]] for p, ids in links["people"].items()}
        self.term_decade: dict[str, str] = {}
        for term in pack.terms():
            used = links["terms"].get(term.id)
            decade = events.decade_of[used[0]] if used else self.decade_of_year(term.year)
            if decade is not None:
                self.term_decade[term.id] = decade
        # A work's decade is that of its first edition; a quotation's, that of its date.
        self.work_decade = {
            w.id: d for w in pack.works() if (d := self.decade_of_year(str(w.year)))
        }
        self.quote_decade = {q.id: d for q in pack.quotes() if (d := self.decade_of_year(q.date))}
        self.near_decades = {
            d: frozenset(order[max(0, i - 1) : i + 2]) for i, d in enumerate(order)
        }  # a decade and its neighbours, for distractors

    def card_events(self, card: Card) -> tuple[str, ...]:
        """The events a card draws on: its event, or its decade's events naming its subject."""
        ref = card.about
        if ref.kind is ItemKind.EVENT:
            return (ref.id,)
        pool = self.person_events if ref.kind is ItemKind.PERSON else self.term_events
        return tuple(e.id for e in pool.get(ref.id, ()) if e.decade == card.decade)

    def about(self, card: Card) -> About:
        ref = card.about
        if ref.kind is ItemKind.EVENT:
            e = self.events[ref.id]
            return About(e.title, e.date, e.significance, e.sources)
        if ref.kind is ItemKind.PERSON:
            p = self.people[ref.id]
            return About(p.name, None, p.summary, p.sources)
        t = self.terms[ref.id]
        return About(t.term, t.year, t.definition, t.sources)

    def decade_of_year(self, year: str) -> str | None:
        y = int(year[:4])
        return next((d.id for d in self.pack.decades if d.start <= y <= d.end), None)

    def label(self, question_id: str) -> str:
        """A short human name for a question id, for lists of trouble spots."""
        family, _, rest = question_id.partition(":")
        if family == "card":
            if self._card_questions is None:  # read once: stats labels many trouble spots
                self._card_questions = {c.id: c.question for c in self.pack.cards()}
            return self._card_questions.get(rest, rest)
        if family == "year" and rest in self.events:
            return f"Year of: {self.events[rest].title}"
        if family == "choice":
            what, _, ident = rest.partition(":")
            if what in ("work", "quote"):
                return self.label(f"{what}:{ident}")
            name = ident
            if what == "event" and ident in self.events:
                name = self.events[ident].title
            elif what == "person" and ident in self.people:
                name = self.people[ident].name
            elif what == "term" and ident in self.terms:
                name = self.terms[ident].term
            return f"Which {what}: {name}"
        if family == "work":
            w = next((x for x in self.pack.works() if x.id == rest), None)
            return f"Who wrote: {w.title}" if w else rest
        if family in ("quote", "where"):
            q = next((x for x in self.pack.quotes() if x.id == rest), None)
            what = "Who said" if family == "quote" else "Where was it said"
            return f"{what}: \u201c{_short(q.text)}\u201d" if q else rest
        if family == "order":
            return f"Order of events in the {rest}"
        if family == "first":
            return f"Which came first, {rest}"
        return question_id


# Bump when the catalogue's rules change, so no compiled pack serves a catalogue made by
# the old ones.
CATALOGUE_RULES = 3


class Catalogue(Sequence[Subject]):
    """Every question the pack can ask, in content order, held as columns: a quiz on a
    pack of 150,000 questions reads their ids and kinds, and builds a `Subject` only for
    the few it asks."""

    def __init__(self, columns: dict[str, Any]) -> None:
        self.ids: list[str] = columns["ids"]
        self.kind_sets: tuple[tuple[Kind, ...], ...] = tuple(
            tuple(Kind(k) for k in ks) for ks in columns["kind_sets"]
        )
        self.kinds: list[int] = columns["kinds"]  # an index into kind_sets, per question
        self.decade_names: list[str] = columns["decade_names"]
        self.decades: list[int] = columns["decades"]  # an index into decade_names
        # Events where they are not the id's last part (year:X and choice:event:X are
        # about X alone), and the person a question is about, by position.
        self._events: dict[str, list[str]] = columns["events"]
        self._people: dict[str, str] = columns["people"]
        self.family_names: list[str] = columns["family_names"]
        self.family_of: list[int] = columns["families"]  # an index into family_names
        lengths = {len(self.ids), len(self.kinds), len(self.decades), len(self.family_of)}
        if len(lengths) > 1 or (
            self.ids
            and (
                max(self.kinds) >= len(self.kind_sets)
                or max(self.decades) >= len(self.decade_names)
                or max(self.family_of) >= len(self.family_names)
            )
        ):
            raise ValueError("a damaged catalogue")  # kept by hand: derived again
        self._position: dict[str, int] | None = None

    @classmethod
    def of(cls, subjects: list[Subject]) -> Catalogue:
        return cls(_columns(subjects))

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, n: int) -> Subject: ...
    @overload
    def __getitem__(self, n: slice) -> list[Subject]: ...
    def __getitem__(self, n: int | slice) -> Subject | list[Subject]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        ident = self.ids[n]
        key = str(n if n >= 0 else len(self) + n)
        events = self._events.get(key)
        return Subject(
            ident,
            self.kind_sets[self.kinds[n]],
            self.decade_names[self.decades[n]],
            tuple(events) if events is not None else (ident.rsplit(":", 1)[1],),
            self._people.get(key),
        )

    def events_of(self, n: int) -> tuple[str, ...]:
        """The events the question at `n` draws on, without building its Subject."""
        events = self._events.get(str(n))
        return tuple(events) if events is not None else (self.ids[n].rsplit(":", 1)[1],)

    def decade(self, n: int) -> str:
        return self.decade_names[self.decades[n]]

    def position(self, ident: str) -> int | None:
        """Where a question id stands in the catalogue, or None when the pack has no such."""
        if self._position is None:
            self._position = {i: n for n, i in enumerate(self.ids)}
        return self._position.get(ident)

    def families(self) -> list[str]:
        """Each question's family (card, year, choice, ...), by position."""
        names = self.family_names
        return [names[f] for f in self.family_of]


def _columns(subjects: list[Subject]) -> dict[str, Any]:
    kind_sets: dict[tuple[str, ...], int] = {}
    decade_names: dict[str, int] = {}
    family_names: dict[str, int] = {}
    cols: dict[str, Any] = {
        "ids": [], "kinds": [], "decades": [], "families": [], "events": {}, "people": {},
    }  # fmt: skip
    for n, s in enumerate(subjects):
        cols["ids"].append(s.id)
        ks = tuple(k.value for k in s.kinds)
        cols["kinds"].append(kind_sets.setdefault(ks, len(kind_sets)))
        cols["decades"].append(decade_names.setdefault(s.decade, len(decade_names)))
        cols["families"].append(family_names.setdefault(s.family, len(family_names)))
        if s.events != (s.id.rsplit(":", 1)[1],):
            cols["events"][str(n)] = list(s.events)
        if s.person is not None:
            cols["people"][str(n)] = s.person
    cols["kind_sets"] = [list(k) for k in kind_sets]
    cols["decade_names"] = list(decade_names)
    cols["family_names"] = list(family_names)
    return cols


def catalogue(pack: Pack, index: Index | None = None) -> list[Subject]:
    """Every question the pack can ask, in content order (see `columns` for the cheap way)."""
    return list(columns(pack, index))


def columns(pack: Pack, index: Index | None = None) -> Catalogue:
    """The catalogue as the process keeps it.

    Deriving it reads every item of the pack; a compiled pack keeps the result (as plain
    columns), so a quiz or stats on a large pack decodes only the items it shows."""
    got: Catalogue = pack.derived("catalogue", lambda: _kept_catalogue(pack, index))
    return got


def event_sections(pack: Pack) -> dict[str, list[str]]:
    """Each event's outline subsections, kept with the compiled pack like the catalogue, so
    mastery by section need not decode every event."""
    build = lambda: {e.id: list(e.sections) for e in pack.events()}  # noqa: E731
    kept = lambda: pack.parts.memo(f"event-sections-{CATALOGUE_RULES}", build)  # noqa: E731
    got: dict[str, list[str]] = pack.derived("event-sections", kept)
    return got


def _kept_catalogue(pack: Pack, index: Index | None) -> Catalogue:
    from pkus_cli.pack import collector

    with collector.paused():  # tens of thousands of small records, none in a cycle
        build = lambda: _columns(_catalogue(pack, index))  # noqa: E731
        got: Catalogue = pack.parts.memo(f"catalogue-{CATALOGUE_RULES}", build, Catalogue)
        return got


def _catalogue(pack: Pack, index: Index | None) -> list[Subject]:
    ix = index or Index(pack)
    out: list[Subject] = []
    for c in pack.cards():
        who = c.about.id if c.about.kind is ItemKind.PERSON else None
        # An explanation cannot be marked by matching words: it stays a flashcard.
        kinds = (Kind.FLASHCARD, Kind.TYPED) if c.gradable else (Kind.FLASHCARD,)
        out.append(Subject(f"card:{c.id}", kinds, c.decade, ix.card_events(c), who))
    # A choice question needs three events of its decade from other years as distractors,
    # and titles that give no year away (neither its own nor the distractors').
    plain = [e for e in pack.events() if asks_year(e)]
    same_year = Counter((e.decade, e.year) for e in plain)
    per_decade = Counter(e.decade for e in plain)
    for e in plain:
        out.append(Subject(f"year:{e.id}", (Kind.YEAR,), e.decade, (e.id,)))
        if per_decade[e.decade] - same_year[e.decade, e.year] >= 3:
            out.append(Subject(f"choice:event:{e.id}", (Kind.CHOICE,), e.decade, (e.id,)))
    per_country: dict[str, int] = {}
    for p in pack.people():
        per_country[p.country.value] = per_country.get(p.country.value, 0) + 1
    for p in pack.people():
        evs = ix.person_events.get(p.id, [])
        if evs and per_country[p.country.value] >= 4:
            ids = tuple(e.id for e in evs)
            decade = ix.person_decade[p.id]
            out.append(Subject(f"choice:person:{p.id}", (Kind.CHOICE,), decade, ids, p.id))
    if len(pack.terms()) >= 4:
        for t in pack.terms():
            if t.id in ix.term_decade:
                ids = tuple(e.id for e in ix.term_events.get(t.id, []))
                decade = ix.term_decade[t.id]
                out.append(Subject(f"choice:term:{t.id}", (Kind.CHOICE,), decade, ids))
    out += _literature(pack, ix)
    # Order and which-came-first draw on one decade's events whose titles give no year away.
    plain_by_decade: dict[str, list[Event]] = {}
    for e in plain:
        plain_by_decade.setdefault(e.decade, []).append(e)
    for decade, evs in plain_by_decade.items():
        ids = tuple(e.id for e in evs)
        if len(evs) >= 3:
            out.append(Subject(f"order:{decade}", (Kind.ORDER,), decade, ids))
        if len(evs) >= 2:
            out.append(Subject(f"first:{decade}", (Kind.FIRST,), decade, ids))
    return out


def _short(text: str, words: int = 12) -> str:
    w = text.split()
    return " ".join(w[:words]) + ("..." if len(w) > words else "")


def _literature(pack: Pack, ix: Index) -> list[Subject]:
    """Who wrote, which book, who said, where: for every work and quotation with a decade."""
    out: list[Subject] = []
    works = [w for w in pack.works() if w.id in ix.work_decade]
    for w in works:
        decade = ix.work_decade[w.id]
        person = next(
            (p for p in w.people if p in ix.people and ix.people[p].name in w.authors), None
        )
        out.append(Subject(f"work:{w.id}", (Kind.TYPED,), decade, w.events, person))
        if len(works) >= 4:
            out.append(Subject(f"choice:work:{w.id}", (Kind.CHOICE,), decade, w.events, person))
    quotes = [q for q in pack.quotes() if q.id in ix.quote_decade]
    places = {q.place for q in quotes if "not given" not in q.place}
    speakers = {q.speaker for q in quotes}
    for q in quotes:
        decade = ix.quote_decade[q.id]
        events = (q.event,) if q.event else ()
        out.append(Subject(f"quote:{q.id}", (Kind.TYPED,), decade, events, q.person))
        if len(speakers) >= 4:
            out.append(Subject(f"choice:quote:{q.id}", (Kind.CHOICE,), decade, events, q.person))
        if len(places) >= 4 and "not given" not in q.place:
            out.append(Subject(f"where:{q.id}", (Kind.CHOICE,), decade, events, q.person))
    return out
