"""The content model: plain frozen data that knows nothing of files or screens.

Only `loader` (and the cache) build these objects. Lists are tuples so a loaded pack can
be shared freely. This module holds the pack, its outline and decades; the large
collections (events, people, terms, sources, cards, corrections) are defined in `items`,
which this module imports only for annotations, so a start that only draws the outline
never creates their classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from pkus_cli.errors import Problem
from pkus_cli.pack.basics import Country, Heading

if TYPE_CHECKING:  # annotations only: items never imports this module, so no circle
    from pkus_cli.pack.figures import Series, Span
    from pkus_cli.pack.items import Card, Correction, Event, Person, Source, Term
    from pkus_cli.pack.study import PaperQuestion, Quote, Work


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


class Locations:
    """Where each item was defined, looked up as "kind:id" ("event:ID" -> file and line).

    Held as the loader's own table of kind -> id -> place rather than one string key per
    item: at 50,000 events a key per item cost 15 MiB of text for a lookup made only when
    a check has something to report."""

    __slots__ = ("_by_kind",)

    def __init__(self, by_kind: dict[str, dict[str, Location]] | None = None) -> None:
        self._by_kind = by_kind or {}

    def get(self, key: str, default: Location) -> Location:
        kind, _, ident = key.partition(":")
        return self._by_kind.get(kind, {}).get(ident, default)

    def __getitem__(self, key: str) -> Location:
        kind, _, ident = key.partition(":")
        return self._by_kind[kind][ident]


class Parts(Protocol):
    """Where a pack's large collections come from: memory, or a compiled cache read on demand."""

    def events_of(self, decade: str) -> tuple[Event, ...]: ...
    # The run of its decade's events (or cards) stored with one item: all the decade's
    # in memory, one file's worth in a compiled pack; empty for an unknown id.
    def events_near(self, ident: str) -> tuple[Event, ...]: ...
    def event_heads(self) -> dict[str, tuple[Heading, ...]]: ...  # by decade, by date
    # A decade's events by date as the runs they are stored in, each read when asked for;
    # and how many there are, without reading them.
    def event_runs(self, decade: str) -> Iterator[tuple[Event, ...]]: ...
    def event_count(self, decade: str) -> int: ...
    def cards_about(self, ref: str) -> tuple[Card, ...]: ...
    def people(self) -> tuple[Person, ...]: ...
    def terms(self) -> tuple[Term, ...]: ...
    def sources(self) -> tuple[Source, ...]: ...
    def cards(self) -> tuple[Card, ...]: ...
    def cards_of(self, decade: str) -> tuple[Card, ...]: ...
    def cards_near(self, ident: str) -> tuple[Card, ...]: ...
    def corrections(self) -> tuple[Correction, ...]: ...
    def collection(self, name: str) -> tuple[Any, ...]: ...
    def memo(self, name: str, build: Callable[[], Any], use: Callable[[Any], Any] = ...) -> Any: ...
    def scratch(self, name: str) -> Path | None: ...


# The exam material: collections kept by name, each a tuple of one class of `study`.
COLLECTIONS = {
    "papers": "tuple[PaperQuestion, ...]",
    "works": "tuple[Work, ...]",
    "quotes": "tuple[Quote, ...]",
    "series": "tuple[Series, ...]",
    "spans": "tuple[Span, ...]",
    "figure_sources": "tuple[Source, ...]",  # the sources the series cite, read on their own
}


@dataclass(frozen=True)
class Pack:
    """A whole content pack. Events are sorted by date; decades by their start year.

    The small parts (outline, decades, tags) are fields. The large collections are methods
    (`pack.events()`), read from `parts` on the first call and kept, so `pkus outline` on
    a pack of 10,000 events never decodes them, and a read from disk is always a call.
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
    locations: Locations = field(default_factory=Locations, compare=False, repr=False)
    # What the loader cleaned and `pkus validate` reports (control characters in text);
    # empty when the pack comes from the cache, which holds the cleaned text.
    notices: tuple[Problem, ...] = field(default_factory=tuple, compare=False, repr=False)
    # The large collections already read from `parts`, so each is decoded once.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def decade_ids(self) -> tuple[str, ...]:
        """Every decade the pack knows of: those with content and those the outline names."""
        ids = {d.id for d in self.decades}
        for s in self.sections:
            ids.update(s.decades)
        return tuple(sorted(ids))

    def events_of(self, decade: str) -> tuple[Event, ...]:
        """One decade's events, by date, without reading the others."""
        return self.parts.events_of(decade)

    def _once(self, name: str, read: Callable[[], Any]) -> Any:
        """Read one collection from `parts` the first time it is asked for, then keep it."""
        if name not in self.memo:
            self.memo[name] = read()
        return self.memo[name]

    def derived(self, name: str, build: Callable[[], Any]) -> Any:
        """Something a view derives from the pack, built once per process and then kept."""
        return self._once(f"derived:{name}", build)

    def event_runs(self, decade: str) -> Iterator[tuple[Event, ...]]:
        """One decade's events by date, a stored run at a time (see `Parts.event_runs`)."""
        return self.parts.event_runs(decade)

    def event_count(self, decade: str) -> int:
        """How many events a decade has, without reading them."""
        return self.parts.event_count(decade)

    def event_ids(self) -> dict[str, str]:
        """Every event id, mapped to its decade, without reading the events themselves."""
        heads = self.event_heads()
        build = lambda: {h.id: d for d, hs in heads.items() for h in hs}  # noqa: E731
        return cast("dict[str, str]", self._once("event_ids", build))

    def event_heads(self) -> dict[str, tuple[Heading, ...]]:
        """Each decade's events by date as id, date and title, without decoding them."""
        return cast("dict[str, tuple[Heading, ...]]", self._once("heads", self.parts.event_heads))

    def event(self, ident: str) -> Event | None:
        if ident not in self.event_ids():
            return None
        return next((e for e in self.events_near(ident) if e.id == ident), None)

    def events_near(self, ident: str) -> tuple[Event, ...]:
        """The events stored with one (its decade's, or a compiled file's run of them)."""
        return self.parts.events_near(ident)

    def cards_near(self, ident: str) -> tuple[Card, ...]:
        """The cards stored with one card (see `events_near`)."""
        return self.parts.cards_near(ident)

    def neighbours(self, ident: str) -> tuple[Event | None, Event | None]:
        """The events just before and after one, in date order, reading at most three decades."""
        order = [d.id for d in self.decades]
        decade = self.event_ids()[ident]
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

    def events(self) -> tuple[Event, ...]:
        """Every event, by date (decades do not overlap and each is sorted)."""
        return cast(
            "tuple[Event, ...]",
            self._once(
                "events", lambda: tuple(e for d in self.decades for e in self.parts.events_of(d.id))
            ),
        )

    def people(self) -> tuple[Person, ...]:
        """Every person of the pack (read from the cache on first use)."""
        return cast("tuple[Person, ...]", self._once("people", self.parts.people))

    def terms(self) -> tuple[Term, ...]:
        """Every term of the pack (read from the cache on first use)."""
        return cast("tuple[Term, ...]", self._once("terms", self.parts.terms))

    def sources(self) -> tuple[Source, ...]:
        """Every source of the pack (read from the cache on first use)."""
        return cast("tuple[Source, ...]", self._once("sources", self.parts.sources))

    def cards(self) -> tuple[Card, ...]:
        """Every card of the pack (read from the cache on first use)."""
        return cast("tuple[Card, ...]", self._once("cards", self.parts.cards))

    def cards_of(self, decade: str) -> tuple[Card, ...]:
        """One decade's cards, without reading the others (kept once read)."""
        if "cards" in self.memo:
            return tuple(c for c in self.cards() if c.decade == decade)
        read = lambda: self.parts.cards_of(decade)  # noqa: E731
        return cast("tuple[Card, ...]", self._once(f"cards:{decade}", read))

    def corrections(self) -> tuple[Correction, ...]:
        """Every correction of the pack (read from the cache on first use)."""
        return cast("tuple[Correction, ...]", self._once("corrections", self.parts.corrections))

    def papers(self) -> tuple[PaperQuestion, ...]:
        """Past-paper questions (newest first), then pkus's likely questions."""
        return cast("tuple[PaperQuestion, ...]", self._collection("papers"))

    def works(self) -> tuple[Work, ...]:
        """Books, memoirs and reports, by year of first edition."""
        return cast("tuple[Work, ...]", self._collection("works"))

    def quotes(self) -> tuple[Quote, ...]:
        """Quotations, by date."""
        return cast("tuple[Quote, ...]", self._collection("quotes"))

    def series(self) -> tuple[Series, ...]:
        """Year-by-year figures of aid and trade, each as its source measures it."""
        return cast("tuple[Series, ...]", self._collection("series"))

    def figure_sources(self) -> tuple[Source, ...]:
        """The sources the figures cite, without reading the whole bibliography."""
        return cast("tuple[Source, ...]", self._collection("figure_sources"))

    def spans(self) -> tuple[Span, ...]:
        """Alliances, sanctions and suspensions, by start date."""
        return cast("tuple[Span, ...]", self._collection("spans"))

    def _collection(self, name: str) -> tuple[Any, ...]:
        return cast("tuple[Any, ...]", self._once(name, lambda: self.parts.collection(name)))
