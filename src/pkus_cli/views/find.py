"""The one resolver and the one filter: every reference a user types becomes an item here.

Decades (`1990s`, `90s`, `90`, `1990`, `1998`), sections (`4`, `estrangement`, `4B`, `4b`),
tags, people (id or name), terms (id, name or alias) and event ids are all resolved by
this module, each with a did-you-mean on a miss and one wording per kind of error. The
`Filter` it builds is the only definition of which events a command's filter options
keep; timeline, quiz, export, search and stats all apply it through `events`/`select`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pkus_cli.errors import UsageError
from pkus_cli.views.text import fold, has_word

if TYPE_CHECKING:  # annotations only, so resolving a decade for the outline stays light
    from pkus_cli.pack.items import Card, Correction, Event, Person, Source, Term
    from pkus_cli.pack.model import Decade, Pack, Section
    from pkus_cli.views.subjects import Subject

# --- did you mean ----------------------------------------------------------------------------


def closest(word: str, options: list[str], n: int = 3) -> list[str]:
    import difflib  # only on a miss

    return difflib.get_close_matches(word, options, n=n, cutoff=0.5)


def suggest(word: str, options: list[str], n: int = 3) -> list[str]:
    """The options closest to `word`: fuzzy matches, else those containing it."""
    word = word.strip().lower()
    near = closest(word, options, n)
    if not near and word:
        near = [o for o in options if word in o][:n]
    return near


def unknown(what: str, value: str, valid: Iterable[str], hint: str = "") -> UsageError:
    """The one wording for a name that resolves to nothing: closest matches, else the list."""
    options = list(valid)
    near = suggest(value, options)
    if near:
        tail = f"did you mean {', '.join(near)}?"
    elif len(options) <= 30:
        tail = f"choose one of {', '.join(options)}"
    else:  # too many to print: the command that lists them
        tail = hint or f"{len(options)} are known"
    return UsageError(f"unknown {what} '{value.strip()}': {tail}")


# --- one reference at a time -----------------------------------------------------------------

_DECADE_FORMS = re.compile(r"^'?(\d{2}|\d{4})s?$")


def decade_of(pack: Pack, text: str) -> str:
    """A decade id the pack knows, from '1990s', '90s', '90', '1990', '1998' or '98'."""
    known = pack.decade_ids()
    m = _DECADE_FORMS.match(text.strip().lower())
    candidates: list[str] = []
    if m:
        digits = m.group(1)
        if len(digits) == 4:
            candidates = [f"{digits[:3]}0s"]
        else:  # two digits: a year of either century, the one the pack has
            candidates = [f"19{digits[0]}0s", f"20{digits[0]}0s"]
    for c in candidates:
        if c in known:
            return c
    names = ", ".join(known)
    raise UsageError(f"unknown decade '{text.strip()}': choose one of {names} (or 90s, 1990, 1998)")


def section_of(pack: Pack, key: str) -> Section:
    """A section by number ('4'), id ('estrangement') or one of its subsection codes ('4B')."""
    raw = key.strip().lower()
    for s in pack.sections:
        if raw in (str(s.number), s.id) or any(sub.code.lower() == raw for sub in s.subsections):
            return s
    valid = ", ".join(f"{s.number} ({s.id})" for s in pack.sections)
    raise UsageError(f"unknown section '{key.strip()}': choose one of {valid}, or a code like 4B")


def section_codes(pack: Pack, key: str) -> frozenset[str]:
    """The subsection codes a --section value means: '4' -> 4A, 4B, 4C; '4b' -> 4B."""
    code = key.strip().upper()
    s = section_of(pack, key)
    if any(sub.code == code for sub in s.subsections):
        return frozenset({code})
    return frozenset(sub.code for sub in s.subsections)


def tag_of(pack: Pack, text: str) -> str:
    """A tag id from tags.yaml (or, in a pack without one, any tag an event uses)."""
    key = text.strip().lower()
    known = [t.id for t in pack.tags] or sorted({t for e in pack.events() for t in e.tags})
    if key not in known:
        raise unknown("tag", text, known)
    return key


def event_of(pack: Pack, ident: str) -> Event:
    found = pack.event(ident.strip().lower())
    if found is not None:
        return found
    raise unknown("event", ident, list(pack.event_ids()), "see `pkus timeline` for ids")


def person_of(pack: Pack, ident: str) -> Person:
    """A person by id, or by a name or part of one that matches exactly one person."""
    key = ident.strip().lower()
    for p in pack.people():
        if p.id == key:
            return p
    words = fold(ident).split()
    named = [p for p in pack.people() if words and all(has_word(fold(p.name), w) for w in words)]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(p.id for p in named[:5])
        raise UsageError(f"'{ident.strip()}' matches several people: {ids}")
    raise unknown("person", ident, [p.id for p in pack.people()], "see `pkus people` for ids")


def term_of(pack: Pack, ident: str) -> Term:
    """A term by id, or by its name or an alias (case- and accent-insensitive)."""
    key = ident.strip().lower()
    for t in pack.terms():
        if t.id == key:
            return t
    folded = fold(ident).strip()
    for t in pack.terms():
        if folded in (fold(n) for n in (t.term, *t.aliases)):
            return t
    # Words of a name, in any order and hyphens or not: "Pressler", "kerry lugar". Of
    # several, the one whose matching name is shortest: "Pressler" is the Pressler
    # Amendment, not "Brown amendment to the Pressler law".
    words = re.findall(r"\w+", folded)

    def fit(t: Term) -> int | None:
        names = [fold(n) for n in (t.term, *t.aliases)]
        sizes = [len(n) for n in names if all(re.search(rf"\b{re.escape(w)}", n) for w in words)]
        return min(sizes) if sizes else None

    scored = sorted((size, t.term, t) for t in pack.terms() if words and (size := fit(t)))
    if len(scored) == 1 or (len(scored) > 1 and scored[0][0] < scored[1][0]):
        return scored[0][2]
    raise unknown("term", ident, [t.id for t in pack.terms()], "see `pkus terms` for ids")


# --- the filter ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filter:
    """Filter values, resolved against a pack: which events a command should keep."""

    decade: str | None = None
    section: str | None = None  # as typed, for messages; `codes` is what it means
    codes: frozenset[str] | None = None
    tag: str | None = None
    person: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    event: str | None = None  # one event, and the questions that draw on it

    @property
    def by_event(self) -> bool:
        """True when the filter looks inside events, not only at their decade."""
        return any(
            v is not None
            for v in (self.codes, self.tag, self.person, self.year_from, self.year_to, self.event)
        )

    @property
    def empty(self) -> bool:
        return self.decade is None and not self.by_event

    def passes(self, e: Event) -> bool:
        return (
            (self.decade is None or e.decade == self.decade)
            and (self.codes is None or not self.codes.isdisjoint(e.sections))
            and (self.tag is None or self.tag in e.tags)
            and (self.person is None or self.person in e.people)
            and (self.year_from is None or e.year >= self.year_from)
            and (self.year_to is None or e.year <= self.year_to)
            and (self.event is None or e.id == self.event)
        )

    def values(self) -> dict[str, Any]:
        """The filters given, keyed as the options are named (`from`, `to` for the years)."""
        pairs = {
            "decade": self.decade,
            "section": self.section,
            "tag": self.tag,
            "person": self.person,
            "from": self.year_from,
            "to": self.year_to,
            "event": self.event,
        }
        return {k: v for k, v in pairs.items() if v is not None}

    def describe(self) -> str:
        shown = {"decade": "decade {}", "section": "section {}", "tag": "tag '{}'"}
        shown |= {"person": "person '{}'", "from": "from {}", "to": "to {}", "event": "event {}"}
        return ", ".join(shown[k].format(v) for k, v in self.values().items())


NO_FILTER = Filter()


def resolve(
    pack: Pack,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    event: str | None = None,
) -> Filter:
    """Check every filter value against the pack; UsageError naming the valid ones."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UsageError(f"--from {year_from} is after --to {year_to}")
    return Filter(
        decade=decade_of(pack, decade) if decade is not None else None,
        section=section.strip() if section is not None else None,
        codes=section_codes(pack, section) if section is not None else None,
        tag=tag_of(pack, tag) if tag is not None else None,
        person=person_of(pack, person).id if person is not None else None,
        year_from=year_from,
        year_to=year_to,
        event=event_of(pack, event).id if event is not None else None,
    )


def events(pack: Pack, f: Filter) -> tuple[Event, ...]:
    """The pack's events that pass `f`, in date order (one decade read when that is enough)."""
    pool = pack.events_of(f.decade) if f.decade is not None else pack.events()
    return tuple(e for e in pool if f.passes(e)) if f.by_event else pool


def allowed_events(pack: Pack, f: Filter) -> set[str] | None:
    """The events questions may draw on, or None when `f` does not look inside events."""
    return {e.id for e in events(pack, f)} if f.by_event else None


def keeps(subject: Subject, f: Filter, allowed: set[str] | None) -> bool:
    """True when a question passes `f`: its decade, and an event it draws on (or its person).

    `allowed` is `allowed_events(pack, f)`, computed once for a whole catalogue. An order
    or first question needs enough allowed events left to ask about.
    """
    if f.decade is not None and subject.decade != f.decade:
        return False
    if f.event is not None:
        # One event's quiz asks what is about that event alone, not every question that
        # happens to draw on it among others (a person's card, an order set).
        return subject.events == (f.event,) and subject.family != "order"
    usable = [e for e in subject.events if allowed is None or e in allowed]
    if subject.family in ("order", "first"):
        return len(usable) >= (3 if subject.family == "order" else 2)
    if allowed is None:
        return True
    return bool(usable) or (f.person is not None and subject.person == f.person)


@dataclass(frozen=True, slots=True)
class Selection:
    """A filtered slice of the pack: the events, and everything they and their cards touch."""

    pack: Pack
    filter: Filter
    events: tuple[Event, ...]
    cards: tuple[Card, ...]
    decades: tuple[Decade, ...]
    sections: tuple[Section, ...]
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    sources: tuple[Source, ...]
    corrections: tuple[Correction, ...]

    @property
    def filtered(self) -> bool:
        return not self.filter.empty


def select(pack: Pack, f: Filter) -> Selection:
    """The events that pass `f`, and the cards, people, terms, sources and corrections of them.

    A card is kept when it belongs to the decade asked for and, with filters that look
    inside events, when an event it draws on passes them (or, for --person, when it is
    about that person).
    """
    kept_events = events(pack, f)
    if f.empty:
        return Selection(
            pack, f, kept_events, pack.cards(), pack.decades, pack.sections, pack.people(),
            pack.terms(), pack.sources(), pack.corrections(),
        )  # fmt: skip
    from pkus_cli.views import subjects

    kept = {e.id for e in kept_events}
    about = subjects.Index(pack)
    cards = tuple(
        c
        for c in pack.cards()
        if (f.decade is None or c.decade == f.decade)
        and (
            not f.by_event
            or any(i in kept for i in about.card_events(c))
            or (f.person is not None and str(c.about) == f"person:{f.person}")
        )
    )
    decade_ids = {e.decade for e in kept_events} | {c.decade for c in cards}
    if f.decade is not None:
        decade_ids.add(f.decade)
    decades = tuple(d for d in pack.decades if d.id in decade_ids)
    codes = {code for e in kept_events for code in e.sections}
    sections = tuple(s for s in pack.sections if any(sub.code in codes for sub in s.subsections))
    refs = {str(c.about) for c in cards}
    person_ids = {p for e in kept_events for p in e.people} | {
        ld.person for d in decades for ld in d.leaders if ld.person
    }
    person_ids |= {r.split(":", 1)[1] for r in refs if r.startswith("person:")}
    term_ids = {t for e in kept_events for t in e.terms}
    term_ids |= {r.split(":", 1)[1] for r in refs if r.startswith("term:")}
    people = tuple(p for p in pack.people() if p.id in person_ids)
    terms = tuple(t for t in pack.terms() if t.id in term_ids)
    item_refs = {f"event:{i}" for i in kept} | {f"person:{i}" for i in person_ids}
    item_refs |= {f"term:{i}" for i in term_ids}
    corrections = tuple(c for c in pack.corrections() if c.about and str(c.about) in item_refs)
    cited: set[str] = set()
    for ids in (*(e.sources for e in kept_events), *(p.sources for p in people)):
        cited.update(ids)
    for ids in (*(t.sources for t in terms), *(c.sources for c in corrections)):
        cited.update(ids)
    for d in decades:
        cited.update(d.sources)
        cited.update(s for fig in d.figures for s in fig.sources)
    sources = tuple(s for s in pack.sources() if s.id in cited)
    return Selection(
        pack, f, kept_events, cards, decades, sections, people, terms, sources, corrections
    )
