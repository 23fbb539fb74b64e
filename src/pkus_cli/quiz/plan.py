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
from pkus_cli.views.subjects import Catalogue, Index, Subject, columns


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
    """The questions the filters let a quiz ask, and the events they may draw on."""
    cat = columns(pack, index)
    found, allowed = _positions(pack, cat, f)
    return [cat[n] for n in found], allowed


def _positions(pack: Pack, cat: Catalogue, f: Filters) -> tuple[list[int], set[str] | None]:
    """Where the questions the filters allow stand in the catalogue. Without an events
    filter only the kinds decide, read from the kinds column without building a Subject."""
    allowed = find.allowed_events(pack, f.events)
    if f.events.empty:
        sets = {n for n, ks in enumerate(cat.kind_sets) if any(k in f.kinds for k in ks)}
        if len(sets) == len(cat.kind_sets):
            return list(range(len(cat))), allowed
        return [n for n, k in enumerate(cat.kinds) if k in sets], allowed
    return [n for n in range(len(cat)) if matches(cat[n], f, allowed)], allowed


# Who wrote, who said and where count as one family, so that with 160 of them in the
# pack they take their turn with events, cards and dates rather than three.
_TURNS = {"work": "words", "quote": "words", "where": "words"}


def _interleave(
    found: list[int], cat: Catalogue, rng: random.Random, limit: int | None = None
) -> list[int]:
    """Shuffle, then alternate between families (card, year, choice, ...) for variety.

    Only the first `limit` are drawn: each family gives as many as its turns in the
    rotation come to, sampled without shuffling the whole of a large pack."""
    by_family: list[list[int]] = [[] for _ in cat.family_names]
    family_of = cat.family_of
    for n in found:
        by_family[family_of[n]].append(n)
    groups: dict[str, list[int]] = {}
    for name, members in zip(cat.family_names, by_family, strict=True):
        if members:
            groups.setdefault(_TURNS.get(name, name), []).extend(members)
    order = sorted(groups)
    rng.shuffle(order)
    total = len(found) if limit is None else min(limit, len(found))
    turns = dict.fromkeys(order, 0)  # how many each family gives, in rotation
    given = 0
    while given < total:
        for name in order:
            if given < total and turns[name] < len(groups[name]):
                turns[name] += 1
                given += 1
    drawn = {name: rng.sample(groups[name], turns[name]) for name in order}
    out: list[int] = []
    for k in range(max(turns.values(), default=0)):
        out += [drawn[name][k] for name in order if k < turns[name]]
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
    from pkus_cli.pack import collector

    # Planning makes a few hundred thousand short-lived objects on a large pack and none
    # in a cycle: the cyclic collector would only walk them.
    with collector.paused():
        return _plan(pack, f, cards, now, rng, new, count, cram, failures)


def _plan(
    pack: Pack,
    f: Filters,
    cards: dict[str, ScheduleRow],
    now: datetime,
    rng: random.Random,
    new: int,
    count: int,
    cram: bool,
    failures: dict[str, int] | None,
) -> Plan:
    index = Index(pack)
    cat = columns(pack, index)
    found, allowed = _positions(pack, cat, f)
    ids = cat.ids
    if not found:
        what = f.describe()
        raise UsageError(f"no questions match {what}" if what else "the pack has no questions")
    if failures is not None:
        found = [n for n in found if failures.get(ids[n], 0) >= LEECH_FAILURES]
        if not found:
            return Plan([], 0, 0)
        chosen, due_n, new_n = _interleave(found, cat, rng, count), 0, 0
    elif cram:
        chosen, due_n, new_n = _interleave(found, cat, rng, count), 0, 0
    else:
        due = sorted(
            (n for n in found if ids[n] in cards and cards[ids[n]].due <= now),
            key=lambda n: cards[ids[n]].due,
        )[:count]
        wanted = max(0, min(new, count - len(due)))
        fresh = _interleave([n for n in found if ids[n] not in cards], cat, rng, wanted)
        chosen, due_n, new_n = due + fresh, len(due), len(fresh)
    picked = [cat[n] for n in chosen]
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
