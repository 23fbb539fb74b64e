"""The content model: plain frozen data that knows nothing of files or screens.

Only `loader` (and the cache) build these objects. Lists are tuples so a loaded pack can
be shared freely. This module holds the pack, its outline and decades; the large
collections (events, people, terms, sources, cards, corrections) are defined in `items`
and re-exported here on first use, so a start that only draws the outline does not pay
for creating their classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from pkus_cli.pack.basics import Country

if TYPE_CHECKING:  # annotations only: items never imports this module, so no circle
    from pkus_cli.pack.items import Card, Correction, Event, Person, Source, Term


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
    def event_decades(self) -> dict[str, str]: ...
    def cards_about(self, ref: str) -> tuple[Card, ...]: ...
    def people(self) -> tuple[Person, ...]: ...
    def terms(self) -> tuple[Term, ...]: ...
    def sources(self) -> tuple[Source, ...]: ...
    def cards(self) -> tuple[Card, ...]: ...
    def corrections(self) -> tuple[Correction, ...]: ...


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
    def event_ids(self) -> dict[str, str]:
        """Every event id, mapped to its decade, without reading the events themselves."""
        return self.parts.event_decades()

    def event(self, ident: str) -> Event | None:
        decade = self.event_ids.get(ident)
        if decade is None:
            return None
        return next((e for e in self.events_of(decade) if e.id == ident), None)

    def neighbours(self, ident: str) -> tuple[Event | None, Event | None]:
        """The events just before and after one, in date order, reading at most three decades."""
        order = [d.id for d in self.decades]
        decade = self.event_ids[ident]
        here = list(self.events_of(decade))
        i = next(n for n, e in enumerate(here) if e.id == ident)
        before = here[i - 1] if i > 0 else None
        after = here[i + 1] if i + 1 < len(here) else None
        at = order.index(decade)
        for d in reversed(order[:at]):
            if before is not None:
                break
            earlier = self.events_of(d)
            before = earlier[-1] if earlier else None
        for d in order[at + 1 :]:
            if after is not None:
                break
            later = self.events_of(d)
            after = later[0] if later else None
        return before, after

    def cards_about(self, ref: str) -> tuple[Card, ...]:
        """The cards about one item ("event:ID"), without reading every card when cached."""
        return self.parts.cards_about(ref)

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
