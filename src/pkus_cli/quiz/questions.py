"""How to phrase each question the pack can ask (which questions exist: `views.subjects`)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from pkus_cli.pack.basics import format_date
from pkus_cli.pack.items import Event, Person, Term
from pkus_cli.pack.model import Pack
from pkus_cli.views.subjects import ALL_KINDS, Index, Kind, Subject

__all__ = ["ALL_KINDS", "LETTERS", "Kind", "Maker", "Question"]

LETTERS = "ABCDE"


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


def _comparable(a: Event, b: Event) -> bool:
    """True when the dates alone decide which came first, whatever their precision."""
    if a.date[:4] != b.date[:4]:
        return True
    if len(a.date) >= 7 and len(b.date) >= 7 and a.date[:7] != b.date[:7]:
        return True
    return len(a.date) == len(b.date) == 10 and a.date != b.date


# --- phrasing ------------------------------------------------------------------------------


class Maker:
    """Builds the question for an item; randomness comes only from the rng it is given."""

    def __init__(self, pack: Pack, rng: random.Random, index: Index | None = None) -> None:
        self.pack = pack
        self.rng = rng
        self.ix = index or Index(pack)
        self.events = self.ix.events
        self.people = self.ix.people
        self.terms = self.ix.terms
        self.cards = {c.id: c for c in pack.cards()}
        self.by_decade = self.ix.by_decade
        self.person_decade = {p: evs[0].decade for p, evs in self.ix.person_events.items()}
        self.term_decade = {t.id: self.ix.decade_of_year(t.year) or "" for t in pack.terms()}

    def make(self, item: Subject, kind: Kind, allowed_events: set[str] | None = None) -> Question:
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

    def _card(self, ident: str, kind: Kind) -> Question:
        c = self.cards[ident]
        about = self.ix.about(c)
        return Question(
            item_id=f"card:{c.id}", kind=kind, prompt=c.question, answer=c.answer,
            accept=c.accept, key=c.answer, decade=c.decade, date=about.date,
            context=about.context, sources=about.sources,
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
            everything = [o.title for o in self.pack.events() if o.year != e.year]
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
        rivals = [o for o in self.pack.people() if o.country == p.country and o.name != p.name]
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
        rivals = [o for o in self.pack.terms() if o.id != t.id]
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

    def _order(self, item: Subject, pool: list[Event]) -> Question:
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

    def _first(self, item: Subject, pool: list[Event]) -> Question:
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
