"""Time the study plan and the stats at scale: 10,000 questions, 100,000 reviews.

    python benchmarks/plan.py [--questions 10000] [--reviews 100000] [--rounds 5]

Builds a synthetic pack (benchmarks/make_pack.py) with at least --questions questions and a
temporary progress store whose cards went through --reviews real FSRS reviews over the last
year, with a study plan to an exam five months ahead. Then it times, in process and
with the pack already loaded (medians of --rounds):

  plan      views.plan.build: the standing, the day-by-day FSRS simulation to the exam
  forecast  progress.calendar.planning_view: forecast, 12-week calendar, sections
  stats     progress.stats + the planning view: everything `pkus stats` computes

and the whole `pkus plan` and `pkus stats` commands as subprocesses (start-up and the
cached pack included). Exits 1 when plan or forecast takes more than 1 s, or stats more
than 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pack  # noqa: E402

from pkus_cli.pack import cache  # noqa: E402
from pkus_cli.progress import calendar, srs  # noqa: E402
from pkus_cli.progress import stats as progress  # noqa: E402
from pkus_cli.progress.store import PlanRow, Store, iso  # noqa: E402
from pkus_cli.views import plan as view  # noqa: E402
from pkus_cli.views.find import NO_FILTER  # noqa: E402
from pkus_cli.views.subjects import catalogue  # noqa: E402

NOW = datetime(2026, 9, 1, 9, tzinfo=timezone.utc)
EXAM = "2027-02-14"
TARGETS = {"plan": 1.0, "forecast": 1.0, "stats": 0.5}


def build_store(path: Path, ids: list[str], reviews: int, rng: random.Random) -> int:
    """Give questions real FSRS histories (up to 24 reviews each, over the last year) until `reviews` are made."""
    store = Store.open(path)
    cards: list[tuple[int, str, str, str, int, int]] = []
    rows: list[tuple[str, str, str, int, int, str, int, str | None, str]] = []
    per = 24
    made = 0
    for n, item in enumerate(ids, start=1):
        if made >= reviews:
            break
        at = NOW - timedelta(days=rng.uniform(20, 360))
        card = srs.new_card(n, at)
        before: str | None = None
        lapses = 0
        for _ in range(per):
            if made >= reviews or at >= NOW:
                break
            grade = srs.Grade.AGAIN if rng.random() < 0.15 else srs.Grade.GOOD
            lapses += grade == srs.Grade.AGAIN and before is not None
            card, due = srs.review(card, grade, at, fuzz=False)
            rows.append((item, "bench", iso(at), int(grade), int(grade != srs.Grade.AGAIN),
                         "year", rng.randint(4000, 30000), before, card))  # fmt: skip
            before = card
            made += 1
            at = max(due, at + timedelta(minutes=1))
        cards.append((n, item, card, iso(srs.due_of(card)), per, lapses))
    with store.transaction() as db:
        db.executemany("INSERT INTO cards (id, item_id, card_json, due, reps, lapses)"
                       " VALUES (?,?,?,?,?,?)", cards)  # fmt: skip
        db.executemany("INSERT INTO reviews (item_id, session, reviewed_at, grade, correct, kind,"
                       " duration_ms, card_before, card_after) VALUES (?,?,?,?,?,?,?,?,?)", rows)  # fmt: skip
    store.save_plan(PlanRow(EXAM, None, 0.9, {}, None, NOW))
    store.close()
    return made


def everything(pack: object, store: Store) -> None:
    """What `pkus stats` computes: the statistics and the planning parts."""
    progress.stats(pack, store, NOW)  # type: ignore[arg-type]
    calendar.planning_view(pack, store, NOW, NO_FILTER, False)  # type: ignore[arg-type]


def median_time(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=10_000)
    ap.add_argument("--reviews", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        events = max(50, args.questions // 3)
        while True:
            make_pack.make(events, root / "pack")
            pack = cache.load(root / "pack")
            ids = [s.id for s in catalogue(pack)]
            if args.questions <= len(ids) <= args.questions * 1.05:
                break
            events = int(events * args.questions / len(ids)) + 1
        rng.shuffle(ids)
        db = root / "p.db"
        made = build_store(db, ids, args.reviews, rng)
        print(f"{len(ids)} questions ({events} events), {made} reviews")
        store = Store.open(db)
        row = store.plan()
        assert row is not None
        plan_view = view.build(pack, store, NOW, row)
        print(f"plan: {plan_view.new_per_day} new a day, {plan_view.average_reviews:.0f} reviews"
              f" a day, {plan_view.average_minutes:.0f} min, recall {plan_view.exam_recall:.2f}")  # fmt: skip
        measured = {
            "plan": median_time(lambda: view.build(pack, store, NOW, row), args.rounds),
            "forecast": median_time(
                lambda: calendar.planning_view(pack, store, NOW, NO_FILTER, True), args.rounds
            ),
            "stats": median_time(lambda: everything(pack, store), args.rounds),
        }
        alone = median_time(lambda: progress.stats(pack, store, NOW), args.rounds)
        store.close()
        env = {**os.environ, "PKUS_DB": str(db), "PKUS_NOW": NOW.isoformat(), "NO_COLOR": "1",
               "XDG_CACHE_HOME": str(root / "cache")}  # fmt: skip
        whole = {}
        for name in ("plan", "stats"):
            cmd = [sys.executable, "-m", "pkus_cli", "--content", str(root / "pack"), name]
            subprocess.run(cmd, env=env, capture_output=True, check=True)  # warm the cache
            whole[name] = median_time(
                lambda cmd=cmd: subprocess.run(cmd, env=env, capture_output=True, check=True),
                max(3, args.rounds // 2),
            )
    failed = False
    for name, seconds in measured.items():
        ok = seconds <= TARGETS[name]
        failed |= not ok
        print(
            f"{name:<9} {seconds:7.3f} s  (target <= {TARGETS[name]} s) {'ok' if ok else 'MISSED'}"
        )
    print(f"  of which progress.stats {alone:.3f} s, the planning parts the rest")
    for name, seconds in whole.items():
        print(f"pkus {name:<5} {seconds:6.3f} s  whole command, start-up and pack load included")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
