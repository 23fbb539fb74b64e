"""Progress statistics: what was reviewed, what is due, mastery by decade, trouble spots."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pkus_cli.pack.model import Pack
from pkus_cli.progress import srs
from pkus_cli.progress.store import AttemptRow, Store, day_start, week_after
from pkus_cli.views import find
from pkus_cli.views.subjects import Index, Subject, catalogue

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


def failures(store: Store) -> dict[str, int]:
    return store.failures()


def stats(pack: Pack, store: Store, now: datetime, f: find.Filter = find.NO_FILTER) -> StatsView:
    """Progress over the questions that pass `f` (all of them without a filter)."""
    everything = catalogue(pack)
    if f.empty:
        items = everything
    else:
        allowed = find.allowed_events(pack, f)
        items = [s for s in everything if find.keeps(s, f, allowed)]
    known = {i.id: i for i in items}
    in_pack = {s.id for s in everything}
    cards = store.schedules()
    today = day_start(now)
    tallies = store.tally(today)
    if not f.empty:  # a filtered view counts only the reviews of its own questions
        tallies = {i: t for i, t in tallies.items() if i in known}
    reviewed = sum(t.total for t in tallies.values())
    correct = sum(t.correct for t in tallies.values())
    week = week_after(now)
    by_decade_items: dict[str, list[Subject]] = {}
    for it in items:
        by_decade_items.setdefault(it.decade, []).append(it)
    by_decade = {}
    for decade in sorted(by_decade_items):
        group = by_decade_items[decade]
        seen = [i for i in group if i.id in cards]
        mastered = sum(1 for i in seen if srs.is_mastered(cards[i.id].card_json, now))
        by_decade[decade] = Mastery(len(seen), len(group), mastered)
    fails = {i: t.total - t.correct for i, t in tallies.items() if t.total > t.correct}
    leeches: dict[str, list[Leech]] = {}
    index: Index | None = None  # for the labels of trouble spots only: it reads every item
    for item_id, n in sorted(fails.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= LEECH_FAILURES and item_id in known:
            index = index or Index(pack)
            leeches.setdefault(known[item_id].decade, []).append(
                Leech(item_id, index.label(item_id), n)
            )
    seen_ids = [i for i in cards if i in known]
    return StatsView(
        reviews_today=sum(t.recent for t in tallies.values()),
        reviews_total=reviewed,
        total=len(items),
        seen=len(seen_ids),
        new=len(items) - len(seen_ids),
        due_now=sum(1 for i in seen_ids if cards[i].due <= now),
        due_week=sum(1 for i in seen_ids if cards[i].due <= week),
        recall_rate=(correct / reviewed) if reviewed else None,
        by_decade=by_decade,
        leeches={d: tuple(xs[:10]) for d, xs in sorted(leeches.items())},
        orphans=tuple(sorted(i for i in cards if i not in in_pack)),
        scope=f.describe() or "no filter",
        filters=f.values(),
        attempts=tuple(store.attempts()),
    )
