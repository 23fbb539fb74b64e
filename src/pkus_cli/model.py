"""The content model: plain frozen data that knows nothing of files or screens.

Only `loader` builds these objects. Lists are tuples so a loaded pack can be shared freely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Protocol

DATE_RE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DECADE_RE = re.compile(r"^(\d{3})0s$")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


class Country(str, Enum):
    PAKISTAN = "pakistan"
    US = "us"
    OTHER = "other"


class ItemKind(str, Enum):
    """The kinds of item a card or correction can be about."""

    EVENT = "event"
    PERSON = "person"
    TERM = "term"


def format_date(date: str) -> str:
    """Render a content date for people: '1990-10-01' -> '1 October 1990'."""
    m = DATE_RE.match(date)
    if not m:
        return date
    year, month, day = m.groups()
    if not month:
        return year
    name = MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


@dataclass(frozen=True, slots=True)
class Subsection:
    code: str  # "4B": section number and letter, how events refer to it
    letter: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class Section:
    number: int
    id: str
    title: str
    decades: tuple[str, ...]
    subsections: tuple[Subsection, ...]


@dataclass(frozen=True, slots=True)
class Leader:
    country: Country
    role: str
    name: str
    years: str
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: str
    year: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Decade:
    id: str
    title: str
    start: int
    end: int
    summary: str
    leaders: tuple[Leader, ...]
    figures: tuple[Figure, ...]
    takeaways: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def years(self) -> str:
        return f"{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD, exactly as in the content
    decade: str
    title: str
    summary: str
    significance: str
    sections: tuple[str, ...]  # subsection codes; the first is the main one
    people: tuple[str, ...]
    terms: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None = None

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def display_date(self) -> str:
        return format_date(self.date)


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    years: str


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: Country
    roles: tuple[Role, ...]
    summary: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    year: str
    definition: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    author: str
    kind: str
    year: int | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an event, person or term, written `event:ID` in the content."""

    kind: ItemKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    decade: str
    about: Ref
    kind: str
    question: str
    answer: str
    accept: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Correction:
    id: str
    claim: str
    correction: str
    found_in: str
    sources: tuple[str, ...]
    about: Ref | None = None


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int


class Parts(Protocol):
    """Where a pack's large collections come from: memory, or a compiled cache read on demand."""

    def events_of(self, decade: str) -> tuple[Event, ...]: ...
    def people(self) -> tuple[Person, ...]: ...
    def terms(self) -> tuple[Term, ...]: ...
    def sources(self) -> tuple[Source, ...]: ...
    def cards(self) -> tuple[Card, ...]: ...
    def corrections(self) -> tuple[Correction, ...]: ...


@dataclass(frozen=True, slots=True)
class MemoryParts:
    """Collections already in memory, as the YAML loader builds them (events sorted by date)."""

    events: tuple[Event, ...]
    people_: tuple[Person, ...]
    terms_: tuple[Term, ...]
    sources_: tuple[Source, ...]
    cards_: tuple[Card, ...]
    corrections_: tuple[Correction, ...]

    def events_of(self, decade: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.decade == decade)

    def people(self) -> tuple[Person, ...]:
        return self.people_

    def terms(self) -> tuple[Term, ...]:
        return self.terms_

    def sources(self) -> tuple[Source, ...]:
        return self.sources_

    def cards(self) -> tuple[Card, ...]:
        return self.cards_

    def corrections(self) -> tuple[Correction, ...]:
        return self.corrections_


@dataclass(frozen=True)
class Pack:
    """A whole content pack. Events are sorted by date; decades by their start year.

    The small parts (outline, decades, tags) are fields; the large collections are read
    from `parts` on first use, so `pkus outline` on a pack of 10,000 events never
    decodes them. Not slotted, because the collections are cached per instance.
    """

    root: str
    id: str
    title: str
    description: str
    sections: tuple[Section, ...]
    decades: tuple[Decade, ...]
    tags: tuple[Tag, ...]
    parts: Parts = field(compare=False, repr=False)
    # Where each item was defined ("event:ID" -> file and line), for checks that report
    # problems after loading; empty when the pack comes from the cache.
    locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def decade_ids(self) -> tuple[str, ...]:
        """Every decade the pack knows of: those with content and those the outline names."""
        ids = {d.id for d in self.decades}
        for s in self.sections:
            ids.update(s.decades)
        return tuple(sorted(ids))

    def events_of(self, decade: str) -> tuple[Event, ...]:
        """One decade's events, by date, without reading the others."""
        return self.parts.events_of(decade)

    @cached_property
    def events(self) -> tuple[Event, ...]:
        # Decades do not overlap and each is sorted, so their concatenation is sorted.
        return tuple(e for d in self.decades for e in self.parts.events_of(d.id))

    @cached_property
    def people(self) -> tuple[Person, ...]:
        return self.parts.people()

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        return self.parts.terms()

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        return self.parts.sources()

    @cached_property
    def cards(self) -> tuple[Card, ...]:
        return self.parts.cards()

    @cached_property
    def corrections(self) -> tuple[Correction, ...]:
        return self.parts.corrections()
