"""Every question the pack can ask, each keyed by a stable id, and how to phrase it.

Ids come from content ids, never from wording, so editing a card keeps its history:
  card:ID            a hand-written card, shown as a flashcard or typed answer
  year:EVENT         "In what year ...?"
  choice:KIND:ID     multiple choice about an event, person or term
  order:DECADE       put 3-5 of the decade's events in order (different events each time)
  first:DECADE       which of two of the decade's events came first
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from enum import Enum

from pkus_cli.pack.model import Event, Pack, Person, Term, format_date

LETTERS = "ABCDE"


class Kind(str, Enum):
    FLASHCARD = "flashcard"
    TYPED = "typed"
    YEAR = "year"
    CHOICE = "choice"
    ORDER = "order"
    FIRST = "first"


ALL_KINDS = tuple(Kind)


@dataclass(frozen=True, slots=True)
class Item:
    """Something the quiz can ask about, with what the filters need to know of it."""

    id: str
    kinds: tuple[Kind, ...]
    decade: str
    sections: frozenset[str]
    tags: frozenset[str]
    people: frozenset[str]
    events: tuple[str, ...]  # the events it draws on (order/first: the candidates)


@dataclass(frozen=True, slots=True)
class Question:
    item_id: str
    kind: Kind
    prompt: str
    answer: str  # the correct answer as shown after answering
    accept: tuple[str, ...] = ()  # other accepted forms (typed)
    options: tuple[str, ...] = ()  # choice / order / first: the lettered options
    key: str = ""  # the expected response: a year, a letter, or letters in order
    decade: str = ""
    date: str | None = None  # the event's date, shown as context
    context: str = ""  # one line on why it matters
    sources: tuple[str, ...] = ()


_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _comparable(a: Event, b: Event) -> bool:
    """True when the dates alone decide which came first, whatever their precision."""
    if a.date[:4] != b.date[:4]:
        return True
    if len(a.date) >= 7 and len(b.date) >= 7 and a.date[:7] != b.date[:7]:
        return True
    return len(a.date) == len(b.date) == 10 and a.date != b.date


def catalogue(pack: Pack) -> list[Item]:
    """Every item in the pack, in content order."""
    events = {e.id: e for e in pack.events}
    by_decade: dict[str, list[Event]] = {}
    for e in pack.events:
        by_decade.setdefault(e.decade, []).append(e)
    person_events: dict[str, list[Event]] = {}
    term_events: dict[str, list[Event]] = {}
    for e in pack.events:
        for p in e.people:
            person_events.setdefault(p, []).append(e)
        for t in e.terms:
            term_events.setdefault(t, []).append(e)

    def facets(evs: list[Event]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        return (
            frozenset(s for e in evs for s in e.sections),
            frozenset(t for e in evs for t in e.tags),
            frozenset(p for e in evs for p in e.people),
        )

    items: list[Item] = []
    for c in pack.cards:
        if c.about.kind.value == "event":
            evs = [events[c.about.id]]
        elif c.about.kind.value == "person":
            evs = [e for e in person_events.get(c.about.id, []) if e.decade == c.decade]
        else:
            evs = [e for e in term_events.get(c.about.id, []) if e.decade == c.decade]
        sections, tags, people = facets(evs)
        if c.about.kind.value == "person":
            people = people | {c.about.id}
        kinds = (Kind.FLASHCARD, Kind.TYPED)
        ids = tuple(e.id for e in evs)
        items.append(Item(f"card:{c.id}", kinds, c.decade, sections, tags, people, ids))
    for e in pack.events:
        secs, tgs, ppl = facets([e])
        if not _YEAR_IN_TEXT.search(e.title):
            items.append(Item(f"year:{e.id}", (Kind.YEAR,), e.decade, secs, tgs, ppl, (e.id,)))
        if sum(1 for o in by_decade[e.decade] if o.year != e.year) >= 3:
            items.append(
                Item(f"choice:event:{e.id}", (Kind.CHOICE,), e.decade, secs, tgs, ppl, (e.id,))
            )
    for person in pack.people:
        evs = person_events.get(person.id, [])
        same = [o for o in pack.people if o.country == person.country and o.id != person.id]
        if evs and len(same) >= 3:
            secs, tgs, ppl = facets(evs)
            items.append(
                Item(f"choice:person:{person.id}", (Kind.CHOICE,), evs[0].decade, secs, tgs,
                     ppl | {person.id}, tuple(e.id for e in evs))
            )  # fmt: skip
    if len(pack.terms) >= 4:
        for term in pack.terms:
            evs = term_events.get(term.id, [])
            decade = evs[0].decade if evs else _decade_of_year(pack, term.year)
            if decade is None:
                continue
            secs, tgs, ppl = facets(evs)
            items.append(
                Item(f"choice:term:{term.id}", (Kind.CHOICE,), decade, secs, tgs, ppl,
                     tuple(e.id for e in evs))
            )  # fmt: skip
    for decade, evs in by_decade.items():
        secs, tgs, ppl = facets(evs)
        ids = tuple(e.id for e in evs)
        if len(evs) >= 3:
            items.append(Item(f"order:{decade}", (Kind.ORDER,), decade, secs, tgs, ppl, ids))
        if len(evs) >= 2:
            items.append(Item(f"first:{decade}", (Kind.FIRST,), decade, secs, tgs, ppl, ids))
    return items


def _decade_of_year(pack: Pack, year: str) -> str | None:
    y = int(year[:4])
    for d in pack.decades:
        if d.start <= y <= d.end:
            return d.id
    return None


# --- phrasing ------------------------------------------------------------------------------


class Maker:
    """Builds the question for an item; randomness comes only from the rng it is given."""

    def __init__(self, pack: Pack, rng: random.Random) -> None:
        self.pack = pack
        self.rng = rng
        self.events = {e.id: e for e in pack.events}
        self.cards = {c.id: c for c in pack.cards}
        self.people = {p.id: p for p in pack.people}
        self.terms = {t.id: t for t in pack.terms}
        # Indexes built once, so phrasing the next question never scans the whole pack.
        self.by_decade: dict[str, list[Event]] = {}
        self.person_decade: dict[str, str] = {}
        for e in pack.events:
            self.by_decade.setdefault(e.decade, []).append(e)
            for p in e.people:
                self.person_decade.setdefault(p, e.decade)
        self.term_decade = {t.id: _decade_of_year(pack, t.year) or "" for t in pack.terms}

    def make(self, item: Item, kind: Kind, allowed_events: set[str] | None = None) -> Question:
        family, _, rest = item.id.partition(":")
        if family == "card":
            return self._card(rest, kind)
        if family == "year":
            return self._year(self.events[rest])
        if family == "choice":
            what, _, ident = rest.partition(":")
            if what == "event":
                return self._choice_event(self.events[ident])
            if what == "person":
                return self._choice_person(self.people[ident])
            return self._choice_term(self.terms[ident])
        pool = [
            self.events[i] for i in item.events if allowed_events is None or i in allowed_events
        ]
        if family == "order":
            return self._order(item, pool)
        return self._first(item, pool)

    def _event_context(self, event_ids: tuple[str, ...]) -> tuple[str | None, str, tuple[str, ...]]:
        if not event_ids:
            return None, "", ()
        e = self.events[event_ids[0]]
        return e.date, e.significance, e.sources

    def _card(self, ident: str, kind: Kind) -> Question:
        c = self.cards[ident]
        date: str | None = None
        context, sources = "", tuple[str, ...]()
        if c.about.kind.value == "event":
            e = self.events[c.about.id]
            date, context, sources = e.date, e.significance, e.sources
        elif c.about.kind.value == "person":
            p = self.people[c.about.id]
            context, sources = p.summary, p.sources
        else:
            t = self.terms[c.about.id]
            context, sources = t.definition, t.sources
        return Question(
            item_id=f"card:{c.id}", kind=kind, prompt=c.question, answer=c.answer,
            accept=c.accept, key=c.answer, decade=c.decade, date=date, context=context,
            sources=sources,
        )  # fmt: skip

    def _year(self, e: Event) -> Question:
        return Question(
            item_id=f"year:{e.id}", kind=Kind.YEAR,
            prompt=f"In what year: {e.title}?", answer=str(e.year), key=str(e.year),
            decade=e.decade, date=e.date, context=e.significance, sources=e.sources,
        )  # fmt: skip

    def _options(
        self, correct: str, distractors: list[str], n: int = 4
    ) -> tuple[tuple[str, ...], str]:
        picks = self.rng.sample(distractors, min(n - 1, len(distractors)))
        options = [correct, *picks]
        self.rng.shuffle(options)
        return tuple(options), LETTERS[options.index(correct)]

    def _near(self, decade: str, same: list[str], everything: list[str]) -> list[str]:
        """Distractors: the same decade's when there are enough, else topped up from the rest."""
        if len(same) >= 3:
            return same
        others = [text for text in everything if text not in same]
        return same + self.rng.sample(others, min(3 - len(same), len(others)))

    def _choice_event(self, e: Event) -> Question:
        same = [o.title for o in self.by_decade.get(e.decade, []) if o.year != e.year]
        if len(same) < 3:
            everything = [o.title for o in self.pack.events if o.year != e.year]
        else:
            everything = same
        options, key = self._options(e.title, self._near(e.decade, same, everything))
        when = format_date(e.date)
        prompt = f"Which of these happened {'on' if len(e.date) == 10 else 'in'} {when}?"
        return Question(
            item_id=f"choice:event:{e.id}", kind=Kind.CHOICE, prompt=prompt, answer=e.title,
            options=options, key=key, decade=e.decade, date=e.date, context=e.significance,
            sources=e.sources,
        )  # fmt: skip

    def _choice_person(self, p: Person) -> Question:
        roles = "; ".join(f"{r.title} ({r.years})" for r in p.roles)
        decade = self.person_decade.get(p.id, "")
        rivals = [o for o in self.pack.people if o.country == p.country and o.name != p.name]
        same = [o.name for o in rivals if self.person_decade.get(o.id) == decade]
        options, key = self._options(p.name, self._near(decade, same, [o.name for o in rivals]))
        return Question(
            item_id=f"choice:person:{p.id}", kind=Kind.CHOICE, prompt=f"Who was {roles}?",
            answer=p.name, options=options, key=key, decade=decade, context=p.summary,
            sources=p.sources,
        )  # fmt: skip

    def _choice_term(self, t: Term) -> Question:
        masked = t.definition
        for name in sorted((t.term, *t.aliases), key=len, reverse=True):
            masked = re.sub(re.escape(name), "___", masked, flags=re.IGNORECASE)
        decade = self.term_decade.get(t.id, "")
        rivals = [o for o in self.pack.terms if o.id != t.id]
        same = [o.term for o in rivals if self.term_decade.get(o.id) == decade]
        options, key = self._options(t.term, self._near(decade, same, [o.term for o in rivals]))
        return Question(
            item_id=f"choice:term:{t.id}", kind=Kind.CHOICE,
            prompt=f"Which term is this? {masked}", answer=t.term, options=options, key=key,
            decade=decade, context=f"{t.term} ({t.year})", sources=t.sources,
        )  # fmt: skip

    def _pick_comparable(self, pool: list[Event], n: int) -> list[Event]:
        shuffled = pool[:]
        self.rng.shuffle(shuffled)
        chosen: list[Event] = []
        for e in shuffled:
            if all(_comparable(e, c) for c in chosen):
                chosen.append(e)
            if len(chosen) == n:
                break
        return chosen

    def _order(self, item: Item, pool: list[Event]) -> Question:
        chosen = self._pick_comparable(pool, self.rng.randint(3, 5))
        if len(chosen) < 3:
            chosen = self._pick_comparable(pool, 3)
        options = tuple(e.title for e in chosen)
        ordered = sorted(range(len(chosen)), key=lambda i: chosen[i].date)
        key = "".join(LETTERS[i] for i in ordered)
        answer = " → ".join(f"{LETTERS[i]} ({chosen[i].date[:4]})" for i in ordered)
        example = LETTERS[: len(chosen)][::-1]
        return Question(
            item_id=item.id, kind=Kind.ORDER,
            prompt=f"Put these {item.decade} events in order, earliest first (e.g. {example}):",
            answer=answer, options=options, key=key, decade=item.decade,
            context="; ".join(f"{chosen[i].date} {chosen[i].title}" for i in ordered),
            sources=tuple(dict.fromkeys(s for e in chosen for s in e.sources)),
        )  # fmt: skip

    def _first(self, item: Item, pool: list[Event]) -> Question:
        pair = self._pick_comparable(pool, 2)
        if len(pair) < 2:  # no two events whose dates settle the order: nothing to ask
            return Question(item_id=item.id, kind=Kind.FIRST, prompt="", answer="")
        a, b = pair
        first = a if a.date < b.date else b
        key = "A" if first is a else "B"
        return Question(
            item_id=item.id, kind=Kind.FIRST, prompt="Which came first?",
            answer=first.title, options=(a.title, b.title), key=key, decade=item.decade,
            context=f"{format_date(a.date)}: {a.title}; {format_date(b.date)}: {b.title}",
            sources=tuple(dict.fromkeys((*a.sources, *b.sources))),
        )  # fmt: skip
