"""How pkus's cost grows with the pack and with the progress store, from process start to
the last byte, as a user waits for it.

    python benchmarks/scale.py                          # 1k, 10k and 50k events; 100k and 1M reviews
    python benchmarks/scale.py --sizes 1000 10000 --reviews 100000 --rounds 5

For each synthetic pack (benchmarks/make_pack.py) every command runs side by side with the
same command on the shipped pack, warm (the compiled cache built first), in rotated
order; the table shows the median of pair-by-pair ratios and the growth exponent between
sizes (1.0 is linear: ten times the events, ten times the time). Cold builds and
`pkus validate` are timed three times each (the median, and the largest peak memory).
Reviews are written straight into a store of the shipped pack's questions, and
`pkus stats` is timed against an empty store. Exits 1 when a target of the issue that set them is missed.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_pack import make  # noqa: E402
from startup import Case, Check, measure, pkus, ratio, report  # noqa: E402

# The commands a user waits for, as (name, arguments, standard input).
COMMANDS = [
    ("outline", ["outline"], None),
    ("decade", ["decade", "1990s"], None),
    ("event", ["event", "{event}"], None),
    ("timeline of a decade", ["timeline", "--decade", "1990s"], None),
    ("search", ["search", "treaty"], None),
    ("stats", ["stats"], None),
    ("quiz, to the first question", ["quiz", "--seed", "1"], ""),
]
# The same with a study plan set, which the quiz and stats apply on every start (reported
# beside the rest; the issue that set the targets did not set any for these).
PLANNED = [
    ("pkus plan (a plan set)", ["plan"], None),
    ("quiz with a plan, to the first question", ["quiz", "--seed", "1"], ""),
    ("stats with a plan", ["stats"], None),
]
# Targets: the ratio to the shipped pack allowed at each size.
TARGETS = {
    10_000: {"quiz, to the first question": 1.5, "stats": 1.5, "search": 2.0,
             "timeline of a decade": 2.0},
    50_000: {"quiz, to the first question": 3.0, "stats": 3.0},
}  # fmt: skip


def run(argv: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, float]:
    """Seconds and peak MiB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    if stdin is not None and proc.stdin is not None:
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(argv)} failed: {err[-400:]}")
    return took, usage.ru_maxrss / 1024


def first_line(argv: list[str], env: dict[str, str], rounds: int) -> float:
    """Median seconds until the first line of output arrives."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None
        proc.stdout.readline()
        times.append(time.perf_counter() - start)
        proc.kill()
        proc.wait()
    return statistics.median(times)


def exponent(t_small: float, t_big: float, n_small: int, n_big: int) -> float:
    return math.log(t_big / t_small) / math.log(n_big / n_small)


def packs(sizes: list[int], rounds: int, env: dict[str, str], work: Path) -> tuple[list, list]:
    rows: list[tuple[str, str]] = []
    checks: list[Check] = []
    medians: dict[tuple[str, int], float] = {}
    for n in sizes:
        pack = work / f"pack{n}"
        make(n, pack)
        big = ["--content", str(pack)]
        # Cold: a build of the compiled cache (each into an empty cache), and validate: the
        # median of three runs each, with the largest peak memory of the three. One run
        # alone varies by a second at 50,000 events on a machine with other work.
        colds = [run(pkus(*big, "outline"), {**env, "XDG_CACHE_HOME": str(work / f"cold{n}-{i}")})
                 for i in range(3)]  # fmt: skip
        valids = [run(pkus("validate", str(pack)), env) for _ in range(3)]
        cold, cold_mib = statistics.median(t for t, _ in colds), max(m for _, m in colds)
        valid, valid_mib = statistics.median(t for t, _ in valids), max(m for _, m in valids)
        rows.append((f"cold build, {n} events", f"{cold:6.2f} s, {cold_mib:5.0f} MiB"))
        rows.append((f"validate, {n} events", f"{valid:6.2f} s, {valid_mib:5.0f} MiB"))
        if n >= 50_000:
            checks += [Check(f"cold build ({n})", cold, 8.0, " s"),
                       Check(f"cold build memory ({n})", cold_mib, 150.0, " MiB"),
                       Check(f"validate ({n})", valid, 8.0, " s"),
                       Check(f"validate memory ({n})", valid_mib, 150.0, " MiB")]  # fmt: skip
        run(pkus(*big, "outline"), env)  # warm its cache for the runs below
        for name, args, stdin in COMMANDS:
            shipped = [a.replace("{event}", "pressler-cutoff") for a in args]
            synthetic = [a.replace("{event}", "ev-00042") for a in args]
            a = Case(f"{name} (shipped)", pkus(*shipped), stdin)
            b = Case(f"{name} ({n})", pkus(*big, *synthetic), stdin)
            measure([a, b], rounds, env)
            r = ratio(b, a)
            medians[name, n] = statistics.median(b.times)
            rows.append((f"{name}, {n} events", f"{1000 * medians[name, n]:7.0f} ms, {r:5.2f}x"))
            limit = TARGETS.get(n, {}).get(name)
            if limit is not None:
                checks.append(Check(f"{name} ({n}) / shipped", r, limit))
        # With a study plan set (its own store for each pack): the plan, and the quiz and
        # stats that apply it every start.
        exam = (datetime.now(timezone.utc) + timedelta(days=180)).date().isoformat()
        planned = {}
        for label, where in (("shipped", []), (str(n), big)):
            db = work / f"plan-{label}.db"
            subprocess.run(pkus(*where, "plan", "--exam", exam), check=True,
                           env={**env, "PKUS_DB": str(db)}, stdout=subprocess.DEVNULL)  # fmt: skip
            planned[label] = (where, {"PKUS_DB": str(db)})
        for name, args, stdin in PLANNED:
            a = Case(f"{name} (shipped)", pkus(*args), stdin, env=planned["shipped"][1])
            where, extra = planned[str(n)]
            b = Case(f"{name} ({n})", pkus(*where, *args), stdin, env=extra)
            measure([a, b], rounds, env)
            took = statistics.median(b.times)
            medians[name, n] = took
            rows.append((f"{name}, {n} events", f"{1000 * took:7.0f} ms, {ratio(b, a):5.2f}x"))
        # The whole timeline against its own JSON, and its first line.
        whole = Case(f"timeline ({n})", pkus(*big, "timeline"))
        as_json = Case(f"timeline --json ({n})", pkus(*big, "timeline", "--json"))
        measure([whole, as_json], max(3, rounds // 2), env)
        # Seven runs at least: a bound of 0.2 s sits within one run's noise here.
        first = first_line(pkus(*big, "timeline"), env, max(7, rounds))
        rows.append((f"timeline, {n} events", f"{ms(whole)}, {ratio(whole, as_json):.2f}x --json"))
        rows.append((f"timeline first line, {n} events", f"{1000 * first:7.0f} ms"))
        if n >= 50_000:
            checks += [Check(f"timeline / --json ({n})", ratio(whole, as_json), 1.5),
                       Check(f"timeline first line ({n})", first, 0.2, " s"),
                       Check(f"search ({n})", medians["search", n], 0.5, " s")]  # fmt: skip
    for small, big_n in itertools.pairwise(sizes):
        for name, _, _ in COMMANDS + PLANNED:
            k = exponent(medians[name, small], medians[name, big_n], small, big_n)
            rows.append((f"growth {small} -> {big_n}: {name}", f"n^{k:.2f}"))
    return rows, checks


def ms(c: Case) -> str:
    return f"{1000 * statistics.median(c.times):7.0f} ms"


def fill(db: Path, reviews: int, env: dict[str, str]) -> None:
    """A store with `reviews` answers over the shipped pack's questions, written in SQL."""
    subprocess.run(pkus("stats"), env={**env, "PKUS_DB": str(db)}, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    ids = subprocess.run(
        [sys.executable, "-c",
         "from pkus_cli.pack import cache; from pkus_cli.pack.paths import builtin_content_dir;"
         "from pkus_cli.views.subjects import catalogue;"
         "print('\\n'.join(s.id for s in catalogue(cache.load(builtin_content_dir()))))"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout.split()  # fmt: skip
    card = subprocess.run(
        [sys.executable, "-c",
         "from datetime import datetime, timezone; from pkus_cli.progress import srs;"
         "print(srs.new_card(1, datetime.now(timezone.utc)))"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout.strip()  # fmt: skip
    rng = random.Random(1)
    start = datetime.now(timezone.utc) - timedelta(days=365)
    con = sqlite3.connect(db)
    with con:
        con.executemany(
            "INSERT OR IGNORE INTO cards (item_id, card_json, due, reps, lapses) VALUES (?,?,?,?,?)",
            ((i, card, (start + timedelta(days=rng.randrange(400))).isoformat(), 3, 0)
             for i in ids),
        )  # fmt: skip
        con.executemany(
            "INSERT INTO reviews (item_id, session, reviewed_at, grade, correct, kind,"
            " duration_ms, card_before, card_after) VALUES (?,?,?,?,?,?,?,?,?)",
            ((rng.choice(ids), f"s{k // 20}",
              (start + timedelta(seconds=k * 365 * 86400 // reviews)).isoformat(),
              3, int(rng.random() < 0.8), "typed", 4000, None, card) for k in range(reviews)),
        )  # fmt: skip
    con.close()


def stores(counts: list[int], rounds: int, env: dict[str, str], work: Path) -> tuple[list, list]:
    rows: list[tuple[str, str]] = []
    checks: list[Check] = []
    empty_db = work / "empty.db"
    fill(empty_db, 0, env)
    for n in counts:
        db = work / f"reviews{n}.db"
        fill(db, n, env)
        a = Case("stats, empty store", pkus("stats"), env={"PKUS_DB": str(empty_db)})
        b = Case(f"stats, {n} reviews", pkus("stats"), env={"PKUS_DB": str(db)})
        measure([a, b], rounds, env)
        r = ratio(b, a)
        took = statistics.median(b.times)
        rows.append((f"stats, {n:,} reviews", f"{1000 * took:7.0f} ms, {r:5.2f}x empty"))
        if n <= 100_000:
            checks.append(Check(f"stats with {n:,} reviews / empty", r, 1.5))
        else:
            checks.append(Check(f"stats with {n:,} reviews", took, 2.0, " s"))
    return rows, checks


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 50_000])
    ap.add_argument("--reviews", type=int, nargs="*", default=[100_000, 1_000_000])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pkus-scale-"))
    env = {
        **os.environ,
        "PKUS_DB": str(work / "progress.db"),
        "XDG_CACHE_HOME": str(work / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    env.pop("PKUS_CONTENT", None)
    # As an installed pkus runs, from compiled bytecode (see startup.py).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src")],
                   env=env, check=True)  # fmt: skip
    run(pkus("outline"), env)  # the shipped pack's cache
    rows, checks = packs(sorted(args.sizes), args.rounds, env, work)
    if args.reviews:
        more_rows, more_checks = stores(args.reviews, args.rounds, env, work)
        rows += more_rows
        checks += more_checks
    print(f"\n{args.rounds} rounds, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    sys.exit(0 if report(rows, checks) else 1)


if __name__ == "__main__":
    main()
