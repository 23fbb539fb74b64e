"""Choosing a session's questions: due reviews first, then new ones, within the filters."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from pkus_cli.errors import UsageError
from pkus_cli.pack.model import Pack
from pkus_cli.progress.stats import LEECH_FAILURES
from pkus_cli.progress.store import ScheduleRow
from pkus_cli.quiz.questions import ALL_KINDS, Kind, Maker, Question
from pkus_cli.views import find
from pkus_cli.views.subjects import Index, Subject, catalogue


@dataclass(frozen=True, slots=True)
class Filters:
    """What a quiz may ask: the events filter every command shares, and the question kinds."""

    events: find.Filter = find.NO_FILTER
    kinds: tuple[Kind, ...] = ALL_KINDS

    def describe(self) -> str:
        parts = [] if self.events.empty else [self.events.describe()]
        if self.kinds != ALL_KINDS:
            parts.append("kind " + ",".join(k.value for k in self.kinds))
        return ", ".join(parts)


def parse_kinds(values: list[str]) -> tuple[Kind, ...]:
    """`--kind typed --kind year` or `--kind typed,year`; 'mixed' or nothing means all."""
    names = [n.strip().lower() for v in values for n in v.split(",") if n.strip()]
    if not names or names == ["mixed"]:
        return ALL_KINDS
    kinds = []
    for n in names:
        try:
            kinds.append(Kind(n))
        except ValueError:
            valid = ", ".join(k.value for k in Kind)
            raise UsageError(f"unknown question kind '{n}': choose from {valid}") from None
    return tuple(dict.fromkeys(kinds))


def make_filters(
    pack: Pack,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    kinds: list[str] | None = None,
    event: str | None = None,
) -> Filters:
    """Check every filter value against the pack; UsageError naming the valid ones."""
    events = find.resolve(pack, decade, section, tag, person, event=event)
    return Filters(events, parse_kinds(kinds or []))


def matches(item: Subject, f: Filters, allowed: set[str] | None) -> bool:
    return any(k in f.kinds for k in item.kinds) and find.keeps(item, f.events, allowed)


def candidates(
    pack: Pack, f: Filters, index: Index | None = None
) -> tuple[list[Subject], set[str] | None]:
    allowed = find.allowed_events(pack, f.events)
    return [i for i in catalogue(pack, index) if matches(i, f, allowed)], allowed


def _interleave(items: list[Subject], rng: random.Random) -> list[Subject]:
    """Shuffle, then alternate between families (card, year, choice, ...) for variety."""
    groups: dict[str, list[Subject]] = {}
    for it in items:
        family = it.id.split(":", 1)[0]
        # Who wrote, who said and where count as one family, so that with 160 of them in
        # the pack they take their turn with events, cards and dates rather than three.
        family = "words" if family in ("work", "quote", "where") else family
        groups.setdefault(family, []).append(it)
    for g in groups.values():
        rng.shuffle(g)
    order = sorted(groups)
    rng.shuffle(order)
    out: list[Subject] = []
    while any(groups.values()):
        for name in order:
            if groups[name]:
                out.append(groups[name].pop())
    return out


@dataclass(frozen=True, slots=True)
class Plan:
    questions: list[Question]
    due: int  # how many of them are due reviews
    new: int
    leeches: int = 0  # --leeches: how many trouble spots there were to drill


def plan(
    pack: Pack,
    f: Filters,
    cards: dict[str, ScheduleRow],
    now: datetime,
    rng: random.Random,
    *,
    new: int = 10,
    count: int = 20,
    cram: bool = False,
    failures: dict[str, int] | None = None,
) -> Plan:
    """Pick and phrase the session's questions. `failures` limits it to trouble spots."""
    index = Index(pack)
    items, allowed = candidates(pack, f, index)
    if not items:
        what = f.describe()
        raise UsageError(f"no questions match {what}" if what else "the pack has no questions")
    if failures is not None:
        items = [i for i in items if failures.get(i.id, 0) >= LEECH_FAILURES]
        if not items:
            return Plan([], 0, 0)
        picked, due_n, new_n = _interleave(items, rng)[:count], 0, 0
    elif cram:
        picked, due_n, new_n = _interleave(items, rng)[:count], 0, 0
    else:
        due = sorted(
            (i for i in items if i.id in cards and cards[i.id].due <= now),
            key=lambda i: cards[i.id].due,
        )[:count]
        fresh = _interleave([i for i in items if i.id not in cards], rng)
        fresh = fresh[: max(0, min(new, count - len(due)))]
        picked, due_n, new_n = due + fresh, len(due), len(fresh)
    maker = Maker(pack, rng, index)
    questions = []
    for item in picked:
        kinds = [k for k in item.kinds if k in f.kinds]
        kind = rng.choice(kinds)
        q = maker.make(item, kind, allowed)
        if q.kind in (Kind.ORDER, Kind.FIRST) and len(q.options) < (
            3 if q.kind is Kind.ORDER else 2
        ):
            continue
        questions.append(q)
    return Plan(questions, due_n, new_n, len(questions) if failures is not None else 0)
