"""The pack's large collections: events, people, terms, sources, cards and corrections.

Part of the content model (see `model`, which re-exports these names); kept apart so
that commands which never touch them start faster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pkus_cli.pack.basics import Country, Heading, ItemKind, format_date
from pkus_cli.pack.source import Source

__all__ = ["Card", "Correction", "Event", "MemoryParts", "Person", "Ref", "Role", "Source", "Term"]

TYPED_MAX_WORDS = 5  # more words that carry meaning: an explanation, not a fact to type
_FILLER_WORDS = (
    "a an the of for over in on per each and to by at up than some about a year years "
    "one two three four five six seven eight nine ten million billion dollars"
)
_FILLER = frozenset(_FILLER_WORDS.split())


def _paren_free(text: str) -> str:
    """ "$400 million (over two years)" -> "$400 million": a gloss is not part of the answer."""
    head, sep, _ = text.partition(" (")
    return head if sep and head.strip() else text


def meaning_words(text: str) -> list[str]:
    """The words of an answer that carry its meaning: no numbers, articles or units."""
    return [w for w in re.findall(r"[a-z][a-z'-]*", _paren_free(text).lower()) if w not in _FILLER]


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
    sort: str | None = None  # an approximate day, for ordering a month or a year among days

    @property
    def sort_key(self) -> str:
        """Where the event sorts: its sort day, else its date (a month before its days)."""
        return self.sort or self.date

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
    keywords: tuple[str, ...] = ()  # for an explanation: the words that make it right

    @property
    def gradable(self) -> bool:
        """Can a typed answer be marked by matching? Short answers can; explanations need
        the key words that make them right, else they are asked as flashcards."""
        return bool(self.keywords) or len(meaning_words(self.answer)) <= TYPED_MAX_WORDS


@dataclass(frozen=True, slots=True)
class Correction:
    id: str
    claim: str
    correction: str
    found_in: str
    sources: tuple[str, ...]
    about: Ref | None = None
    patterns: tuple[str, ...] = ()  # regular expressions that recognise the claim in a text


@dataclass(frozen=True, slots=True)
class MemoryParts:
    """Collections already in memory, as the YAML loader builds them (events sorted by date)."""

    events: tuple[Event, ...]
    people_: tuple[Person, ...]
    terms_: tuple[Term, ...]
    sources_: tuple[Source, ...]
    cards_: tuple[Card, ...]
    corrections_: tuple[Correction, ...]
    collections: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # see model.COLLECTIONS

    def events_of(self, decade: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.decade == decade)

    def events_near(self, ident: str) -> tuple[Event, ...]:
        decade = next((e.decade for e in self.events if e.id == ident), None)
        return self.events_of(decade) if decade is not None else ()

    def event_runs(self, decade: str) -> Iterator[tuple[Event, ...]]:
        yield self.events_of(decade)

    def event_count(self, decade: str) -> int:
        return sum(e.decade == decade for e in self.events)

    def event_heads(self) -> dict[str, tuple[Heading, ...]]:
        out: dict[str, list[Heading]] = {}
        for e in self.events:
            out.setdefault(e.decade, []).append(Heading(e.id, e.date, e.title))
        return {d: tuple(hs) for d, hs in out.items()}

    def cards_about(self, ref: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards_ if str(c.about) == ref)

    def people(self) -> tuple[Person, ...]:
        return self.people_

    def terms(self) -> tuple[Term, ...]:
        return self.terms_

    def sources(self) -> tuple[Source, ...]:
        return self.sources_

    def cards(self) -> tuple[Card, ...]:
        return self.cards_

    def cards_of(self, decade: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards_ if c.decade == decade)

    def cards_near(self, ident: str) -> tuple[Card, ...]:
        decade = next((c.decade for c in self.cards_ if c.id == ident), None)
        return self.cards_of(decade) if decade is not None else ()

    def corrections(self) -> tuple[Correction, ...]:
        return self.corrections_

    def collection(self, name: str) -> tuple[Any, ...]:
        return self.collections.get(name, ())

    def memo(
        self, name: str, build: Callable[[], Any], use: Callable[[Any], Any] = lambda d: d
    ) -> Any:
        """What `build` derives from the pack (see `CachedParts.memo`); in memory, built."""
        return use(build())

    def scratch(self, name: str) -> Path | None:
        return None  # a pack read from YAML has no compiled folder to keep files in
