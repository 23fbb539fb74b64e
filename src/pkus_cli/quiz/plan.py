"""Choosing a session's questions: due reviews first, then new ones, within the filters."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from pkus_cli.errors import UsageError
from pkus_cli.pack.model import Pack
from pkus_cli.progress.store import CardRow
from pkus_cli.quiz.questions import ALL_KINDS, Item, Kind, Maker, Question, catalogue
from pkus_cli.views import pages as query

LEECH_FAILURES = 2  # failed at least this often: a trouble spot


@dataclass(frozen=True, slots=True)
class Filters:
    decade: str | None = None  # a resolved decade id
    section: int | None = None
    tag: str | None = None
    person: str | None = None
    kinds: tuple[Kind, ...] = ALL_KINDS

    def describe(self) -> str:
        parts = []
        if self.decade:
            parts.append(f"decade {self.decade}")
        if self.section is not None:
            parts.append(f"section {self.section}")
        if self.tag:
            parts.append(f"tag '{self.tag}'")
        if self.person:
            parts.append(f"person '{self.person}'")
        if self.kinds != ALL_KINDS:
            parts.append("kind " + ",".join(k.value for k in self.kinds))
        return ", ".join(parts) or "no filter"


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
) -> Filters:
    """Check every filter value against the pack; UsageError naming the valid ones."""
    d = query.resolve_decade(pack, decade) if decade else None
    s = query.find_section(pack, section).number if section else None
    if tag is not None:
        tags = sorted({t.id for t in pack.tags} | {t for e in pack.events for t in e.tags})
        if tag not in tags:
            hint = query.closest(tag, tags)
            tip = f" (did you mean {', '.join(hint)}?)" if hint else f"; tags: {', '.join(tags)}"
            raise UsageError(f"unknown tag '{tag}'{tip}")
    if person is not None:
        ids = [p.id for p in pack.people]
        if person not in ids:
            by_name = [p.id for p in pack.people if person.casefold() in p.name.casefold()]
            if len(by_name) == 1:
                person = by_name[0]
            else:
                hint = by_name or query.closest(person, ids)
                tip = f" (did you mean {', '.join(hint[:5])}?)" if hint else ""
                raise UsageError(f"unknown person '{person}'{tip}; `pkus people` lists them")
    return Filters(d, s, tag, person, parse_kinds(kinds or []))


def allowed_events(pack: Pack, f: Filters) -> set[str] | None:
    """The events order/first questions may draw on, or None for all of them."""
    if f.section is None and f.tag is None and f.person is None:
        return None
    out = set()
    for e in pack.events:
        if f.section is not None and not any(c[:-1] == str(f.section) for c in e.sections):
            continue
        if f.tag is not None and f.tag not in e.tags:
            continue
        if f.person is not None and f.person not in e.people:
            continue
        out.add(e.id)
    return out


def matches(item: Item, f: Filters, allowed: set[str] | None) -> bool:
    if not any(k in f.kinds for k in item.kinds):
        return False
    if f.decade and item.decade != f.decade:
        return False
    if item.id.startswith(("order:", "first:")):
        usable = [e for e in item.events if allowed is None or e in allowed]
        return len(usable) >= (3 if item.id.startswith("order:") else 2)
    if f.section is not None and not any(c[:-1] == str(f.section) for c in item.sections):
        return False
    if f.tag is not None and f.tag not in item.tags:
        return False
    return f.person is None or f.person in item.people


def candidates(pack: Pack, f: Filters) -> tuple[list[Item], set[str] | None]:
    allowed = allowed_events(pack, f)
    return [i for i in catalogue(pack) if matches(i, f, allowed)], allowed


def _interleave(items: list[Item], rng: random.Random) -> list[Item]:
    """Shuffle, then alternate between families (card, year, choice, ...) for variety."""
    groups: dict[str, list[Item]] = {}
    for it in items:
        groups.setdefault(it.id.split(":", 1)[0], []).append(it)
    for g in groups.values():
        rng.shuffle(g)
    order = sorted(groups)
    rng.shuffle(order)
    out: list[Item] = []
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


def plan(
    pack: Pack,
    f: Filters,
    cards: dict[str, CardRow],
    now: datetime,
    rng: random.Random,
    *,
    new: int = 10,
    count: int = 20,
    cram: bool = False,
    failures: dict[str, int] | None = None,
) -> Plan:
    """Pick and phrase the session's questions. `failures` limits it to trouble spots."""
    items, allowed = candidates(pack, f)
    if not items:
        raise UsageError(f"no questions match {f.describe()}")
    if failures is not None:
        items = [i for i in items if failures.get(i.id, 0) >= LEECH_FAILURES]
        if not items:
            raise UsageError(f"no trouble spots for {f.describe()}: nothing failed twice yet")
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
    maker = Maker(pack, rng)
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
    return Plan(questions, due_n, new_n)
