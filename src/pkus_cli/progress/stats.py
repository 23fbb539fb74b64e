"""Progress statistics: what was reviewed, what is due, mastery by decade, trouble spots."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pkus_cli.pack.model import Pack
from pkus_cli.progress import srs
from pkus_cli.progress.store import AttemptRow, Store, day_start, week_after
from pkus_cli.views import find
from pkus_cli.views.subjects import Index, columns

LEECH_FAILURES = 2  # failed at least this often: a trouble spot


@dataclass(frozen=True, slots=True)
class Mastery:
    seen: int
    total: int
    mastered: int  # FSRS retrievability at least srs.RETAINED now


@dataclass(frozen=True, slots=True)
class Leech:
    item_id: str
    label: str
    failures: int


@dataclass(frozen=True, slots=True)
class StatsView:
    reviews_today: int
    reviews_total: int
    total: int
    seen: int
    new: int
    due_now: int
    due_week: int
    recall_rate: float | None  # share of reviews judged correct
    by_decade: dict[str, Mastery]
    leeches: dict[str, tuple[Leech, ...]]  # decade -> most-failed first
    orphans: tuple[str, ...]  # progress kept for questions the content no longer has
    scope: str = "no filter"  # which questions these are, as the filter describes itself
    filters: dict[str, Any] = field(default_factory=dict)
    attempts: tuple[AttemptRow, ...] = ()  # written answers and mock papers, oldest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "reviews_today": self.reviews_today,
            "reviews_total": self.reviews_total,
            "questions": self.total,
            "seen": self.seen,
            "new": self.new,
            "due_now": self.due_now,
            "due_next_7_days": self.due_week,
            "recall_rate": self.recall_rate,
            "by_decade": {
                d: {"seen": m.seen, "total": m.total, "mastered": m.mastered}
                for d, m in self.by_decade.items()
            },
            "leeches": {
                d: [{"id": x.item_id, "label": x.label, "failures": x.failures} for x in xs]
                for d, xs in self.leeches.items()
            },
            "orphans": list(self.orphans),
            "filters": self.filters,
            "attempts": [
                {
                    "kind": a.kind, "question": a.question_id, "at": a.started_at.isoformat(),
                    "seconds": a.seconds, "minutes_allowed": a.minutes_allowed,
                    "score": a.score, "out_of": a.out_of, "words": a.words,
                    "findings": a.findings,
                }
                for a in self.attempts
            ],
        }  # fmt: skip


LEECHES_SHOWN = 10  # trouble spots listed per decade, the most failed first


def failures(store: Store) -> dict[str, int]:
    return store.failures()


def stats(pack: Pack, store: Store, now: datetime, f: find.Filter = find.NO_FILTER) -> StatsView:
    """Progress over the questions that pass `f` (all of them without a filter)."""
    cat = columns(pack)
    ids = cat.ids
    if f.empty:
        found: Sequence[int] = range(len(cat))
    else:
        allowed = find.allowed_events(pack, f)
        found = [n for n in range(len(cat)) if find.keeps(cat[n], f, allowed)]
    # Question id -> position, for the questions in view; the progress store's cards and
    # tallies are looked up in it, never the other way round (they are the fewer).
    known = {ids[n]: n for n in found} if not f.empty else None

    def position(ident: str) -> int | None:
        return cat.position(ident) if known is None else known.get(ident)

    cards = store.schedules()
    today = day_start(now)
    tallies = store.tally(today)
    if not f.empty:  # a filtered view counts only the reviews of its own questions
        tallies = {i: t for i, t in tallies.items() if position(i) is not None}
    reviewed = sum(t.total for t in tallies.values())
    correct = sum(t.correct for t in tallies.values())
    week = week_after(now)
    decades = cat.decades
    totals = Counter(decades[n] for n in found)
    seen_by: Counter[int] = Counter()
    mastered_by: Counter[int] = Counter()
    seen_ids = []
    for ident, row in cards.items():
        n = position(ident)
        if n is None:
            continue
        seen_ids.append(ident)
        seen_by[decades[n]] += 1
        mastered_by[decades[n]] += srs.is_mastered(row.card_json, now)
    names = cat.decade_names
    by_decade = {
        names[d]: Mastery(seen_by[d], totals[d], mastered_by[d])
        for d in sorted(totals, key=names.__getitem__)
    }
    fails = {i: t.total - t.correct for i, t in tallies.items() if t.total > t.correct}
    leeches: dict[str, list[Leech]] = {}
    index: Index | None = None  # for the labels of trouble spots only: it reads every item
    for item_id, k in sorted(fails.items(), key=lambda kv: (-kv[1], kv[0])):
        n = position(item_id) if k >= LEECH_FAILURES else None
        if n is None:
            continue
        shown = leeches.setdefault(cat.decade(n), [])
        if len(shown) < LEECHES_SHOWN:  # labelled only when shown: it reads the item
            index = index or Index(pack)
            shown.append(Leech(item_id, index.label(item_id), k))
    return StatsView(
        reviews_today=sum(t.recent for t in tallies.values()),
        reviews_total=reviewed,
        total=len(found),
        seen=len(seen_ids),
        new=len(found) - len(seen_ids),
        due_now=sum(1 for i in seen_ids if cards[i].due <= now),
        due_week=sum(1 for i in seen_ids if cards[i].due <= week),
        recall_rate=(correct / reviewed) if reviewed else None,
        by_decade=by_decade,
        leeches={d: tuple(xs) for d, xs in sorted(leeches.items())},
        orphans=tuple(sorted(i for i in cards if cat.position(i) is None)),
        scope=f.describe() or "no filter",
        filters=f.values(),
        attempts=tuple(store.attempts()),
    )
