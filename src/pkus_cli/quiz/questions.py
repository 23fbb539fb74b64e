"""How to phrase each question the pack can ask (which questions exist: `views.subjects`)."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from pkus_cli.pack.basics import Heading, ItemKind, format_date
from pkus_cli.pack.items import Card, Event, Person, Term
from pkus_cli.pack.model import Pack
from pkus_cli.quiz import literature, names
from pkus_cli.quiz.question import LETTERS, Question
from pkus_cli.views.subjects import ALL_KINDS, Index, Kind, Subject, asks_year

__all__ = ["ALL_KINDS", "LETTERS", "Kind", "Maker", "Question"]


def _comparable(a: Heading, b: Heading) -> bool:
    """True when the dates alone decide which came first, whatever their precision."""
    if a.date[:4] != b.date[:4]:
        return True
    if len(a.date) >= 7 and len(b.date) >= 7 and a.date[:7] != b.date[:7]:
        return True
    return len(a.date) == len(b.date) == 10 and a.date != b.date


def asks_year_text(text: str) -> bool:
    """True when a name carries a year ("1967 US military supply policy")."""
    return re.search(r"\b(?:1[89]|20)\d\d\b", text) is not None


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
        self._cards: dict[str, Card] = {}  # by id, read with their neighbours when asked for
        self.person_decade = self.ix.person_decade
        self.term_decade = self.ix.term_decade
        self._names: names.Names | None = None
        self._plain: dict[str, list[Heading]] = {}
        self._heads: dict[str, Heading] | None = None

    def plain(self, decade: str) -> list[Heading]:
        """The decade's events whose titles give no year away (memoized)."""
        if decade not in self._plain:
            heads = self.pack.event_heads().get(decade, ())
            self._plain[decade] = [h for h in heads if asks_year(h)]
        return self._plain[decade]

    def heads(self) -> dict[str, Heading]:
        """Every event's id, date and title by id, read without decoding any event."""
        if self._heads is None:
            self._heads = {h.id: h for hs in self.pack.event_heads().values() for h in hs}
        return self._heads

    @property
    def names(self) -> names.Names:
        if self._names is None:  # built on the first typed card only
            self._names = names.Names(self.pack)
        return self._names

    def make(self, item: Subject, kind: Kind, allowed_events: set[str] | None = None) -> Question:
        family, _, rest = item.id.partition(":")
        if family == "card":
            return self._card(self.card(rest), kind)
        if family == "year":
            return self._year(self.events[rest])
        if family in ("work", "quote", "where") or rest.startswith(("work:", "quote:")):
            return self._literature(family, rest, item.decade, kind)
        if family == "choice":
            what, _, ident = rest.partition(":")
            if what == "event":
                return self._choice_event(self.events[ident])
            if what == "person":
                return self._choice_person(self.people[ident])
            return self._choice_term(self.terms[ident])
        # Chosen by date and title alone, so a large decade is not decoded to pick from.
        heads = self.heads()
        pool = [heads[i] for i in item.events if allowed_events is None or i in allowed_events]
        if family == "order":
            return self._order(item, pool)
        return self._first(item, pool)

    def _literature(self, family: str, rest: str, decade: str, kind: Kind) -> Question:
        if family == "choice":
            family, _, rest = rest.partition(":")
            kind = Kind.CHOICE
        if family == "work":
            w = next(x for x in self.pack.works() if x.id == rest)
            if kind is Kind.CHOICE:
                return literature.which_book(self.ix, self.rng, w, decade)
            q = literature.who_wrote(w, decade)
            accept, rivals = self.names.widen(q.answer, q.accept)
            return replace(q, accept=accept, rivals=rivals)
        quote = next(x for x in self.pack.quotes() if x.id == rest)
        if family == "where":
            return literature.where_said(self.ix, self.rng, quote, decade)
        q = literature.who_said(self.ix, self.rng, quote, decade, kind)
        if kind is Kind.TYPED:
            accept, rivals = self.names.widen(q.answer, q.accept)
            return replace(q, accept=accept, rivals=rivals)
        return q

    def card(self, ident: str) -> Card:
        """The card `ident`, reading only the cards stored with it (all, if it is not there)."""
        if ident not in self._cards:
            self._cards.update((c.id, c) for c in self.pack.cards_near(ident))
        if ident not in self._cards:
            self._cards.update((c.id, c) for c in self.pack.cards())
        return self._cards[ident]

    def _card(self, c: Card, kind: Kind) -> Question:
        about = self.ix.about(c)
        accept: tuple[str, ...] = c.accept
        rivals: tuple[str, ...] = ()
        if kind is Kind.TYPED:
            accept, rivals = self.names.widen(c.answer, c.accept)
        return Question(
            item_id=f"card:{c.id}", kind=kind, prompt=c.question, answer=c.answer,
            accept=accept, key=c.answer, decade=c.decade,
            date=about.date if c.about.kind is ItemKind.EVENT else None,
            context=about.context, sources=about.sources, about=about.title,
            keywords=c.keywords, rivals=rivals,
        )  # fmt: skip

    def _year(self, e: Event) -> Question:
        return Question(
            item_id=f"year:{e.id}", kind=Kind.YEAR,
            prompt=f"In what year: {e.title}?", answer=str(e.year), key=str(e.year),
            decade=e.decade, date=e.date, context=e.significance, sources=e.sources,
            about=e.title,
        )  # fmt: skip

    def _options(
        self, correct: str, distractors: list[str], n: int = 4
    ) -> tuple[tuple[str, ...], str]:
        picks = self.rng.sample(distractors, min(n - 1, len(distractors)))
        options = [correct, *picks]
        self.rng.shuffle(options)
        return tuple(options), LETTERS[options.index(correct)]

    def _near(self, decade: str, pool: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Distractors from the same decade when there are three, else its neighbours too."""
        same = [o for o in pool if o[0] == decade]
        if len(same) >= 3:
            return same
        near = self.ix.near_decades.get(decade, frozenset({decade}))
        return [o for o in pool if o[0] in near]

    def _choice_event(self, e: Event) -> Question:
        year = e.date[:4]

        def others(decade: str) -> list[tuple[str, str]]:
            plain = self.plain(decade)
            return [(decade, o.id) for o in plain if o.date[:4] != year and o.title != e.title]

        # Its own decade's events of other years; its neighbours' too when there are not
        # three, in decade order (a set's order changes from run to run; --seed must not).
        pool = others(e.decade)
        if len(pool) < 3:
            near = self.ix.near_decades.get(e.decade, frozenset({e.decade}))
            pool = [o for d in sorted(near) for o in others(d)]
        heads = self.heads()
        ids = [i for _, i in self._near(e.decade, pool)]
        titles = {i: heads[i].title for i in ids}
        options, key = self._options(e.title, list(dict.fromkeys(titles.values())))
        dates = {heads[i].title: heads[i].date for i in ids} | {e.title: e.date}
        when = format_date(e.date)
        prompt = f"Which of these happened {'on' if len(e.date) == 10 else 'in'} {when}?"
        return Question(
            item_id=f"choice:event:{e.id}", kind=Kind.CHOICE, prompt=prompt, answer=e.title,
            options=options, key=key, decade=e.decade, date=e.date, context=e.significance,
            sources=e.sources, about=e.title,
            option_dates=tuple(format_date(dates[o]) for o in options),
        )  # fmt: skip

    def _choice_person(self, p: Person) -> Question:
        roles = "; ".join(f"{r.title} ({r.years})" for r in p.roles)
        decade = self.person_decade.get(p.id, "")
        rivals = [o for o in self.pack.people() if o.country == p.country and o.name != p.name]
        # The likeliest wrong answers: people of the same country who held a role of the
        # same kind at about the same time, never someone who could not have held it.
        span = names.active_years(p)
        scored = [
            (names.role_overlap(p, o), names.distance(span, names.active_years(o)), o.name)
            for o in rivals
        ]
        scored.sort(key=lambda x: (-x[0], x[1], x[2]))
        like = [x for x in scored if x[0]]
        pool = [n for _, d, n in like if d <= 15]
        if len(pool) < 3:  # a like office, nearest in time first; else anyone near in time
            pool = [n for _, _, n in sorted(like, key=lambda x: x[1])]
        if len(pool) < 3:
            pool += [n for _, _, n in sorted(scored, key=lambda x: x[1]) if n not in pool]
        pool = pool[:5]
        options, key = self._options(p.name, pool)
        return Question(
            item_id=f"choice:person:{p.id}", kind=Kind.CHOICE, prompt=f"Who was {roles}?",
            answer=p.name, options=options, key=key, decade=decade, context=p.summary,
            sources=p.sources, about=p.name,
        )  # fmt: skip

    def _choice_term(self, t: Term) -> Question:
        masked = t.definition
        hidden = [t.term, *t.aliases, *re.findall(r"\b(?:1[89]|20)\d\d\b", t.term)]
        for name in sorted(hidden, key=len, reverse=True):
            masked = re.sub(re.escape(name), "___", masked, flags=re.IGNORECASE)
        decade = self.term_decade.get(t.id, "")
        pool = [
            (self.term_decade[o.id], o.term)
            for o in self.pack.terms()
            if o.id != t.id and o.id in self.term_decade and not asks_year_text(o.term)
        ]
        picks = [name for _, name in self._near(decade, pool)]
        options, key = self._options(t.term, picks)
        return Question(
            item_id=f"choice:term:{t.id}", kind=Kind.CHOICE,
            prompt=f"Which term is this? {masked}", answer=t.term, options=options, key=key,
            decade=decade, context=f"{t.term} ({t.year})", sources=t.sources, about=t.term,
        )  # fmt: skip

    def _pick_comparable(self, pool: list[Heading], n: int, span: int = 6) -> list[Heading]:
        """n events whose dates settle the order, within `span` years of each other when the
        pool allows it: close enough that the order has to be known, not guessed."""
        shuffled = list(pool)  # a catalogue's order and first questions ask of plain events
        self.rng.shuffle(shuffled)
        for width in (span, 100):
            for anchor in shuffled:
                chosen = [anchor]
                for e in shuffled:
                    if e is anchor or abs(e.year - anchor.year) > width:
                        continue
                    if all(_comparable(e, c) for c in chosen):
                        chosen.append(e)
                    if len(chosen) == n:
                        return chosen
        return []

    def _order(self, item: Subject, pool: list[Heading]) -> Question:
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
            sources=tuple(dict.fromkeys(s for h in chosen for s in self.events[h.id].sources)),
        )  # fmt: skip

    def _first(self, item: Subject, pool: list[Heading]) -> Question:
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
            sources=tuple(dict.fromkeys((*self.events[a.id].sources, *self.events[b.id].sources))),
        )  # fmt: skip
