"""Start-up and scale benchmarks for pkus, measured side by side against reference programs.

    python benchmarks/startup.py              # start-up table, exits 1 past a target
    python benchmarks/startup.py --scale 10000  # also the 10,000-event pack targets
    python benchmarks/startup.py --rounds 30
    python benchmarks/startup.py --against 2b400fe  # every view against an earlier revision

Each round runs every command once, in a rotated order, so drift in machine load hits all
of them alike; the table shows medians and the median of pair-by-pair ratios (each pkus
run divided by its reference run in the same round). Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable


@dataclass
class Case:
    name: str
    argv: list[str]
    stdin: str | None = None
    env: dict[str, str] = field(default_factory=dict)  # on top of the run's environment
    times: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)


# The installed `pkus` script, as a user runs it (no runpy, unlike `python -m pkus_cli`).
SCRIPT = Path(PY).with_name("pkus")


def pkus(*args: str) -> list[str]:
    if SCRIPT.exists():
        return [str(SCRIPT), *args]
    return [PY, "-m", "pkus_cli", *args]


def run_once(case: Case, env: dict[str, str]) -> None:
    start = time.perf_counter()
    proc = subprocess.Popen(
        case.argv,
        stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**env, **case.env},
    )
    if case.stdin is not None and proc.stdin is not None:
        proc.stdin.write(case.stdin.encode())
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    case.times.append(time.perf_counter() - start)
    case.rss_kb.append(int(usage.ru_maxrss))
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{case.name} failed: {err[-500:]}")


def measure(cases: list[Case], rounds: int, env: dict[str, str]) -> None:
    for c in cases:  # warm-up: caches, page cache, .pyc files
        run_once(c, env)
        c.times.clear()
        c.rss_kb.clear()
    for r in range(rounds):
        order = cases[r % len(cases) :] + cases[: r % len(cases)]
        for c in order:
            run_once(c, env)


def ratio(a: Case, b: Case) -> float:
    return statistics.median(x / y for x, y in zip(a.times, b.times, strict=True))


def ms(c: Case) -> str:
    return f"{1000 * statistics.median(c.times):7.1f} ms"


@dataclass
class Check:
    label: str
    value: float
    limit: float
    unit: str = "x"
    hard: bool = True

    @property
    def ok(self) -> bool:
        return self.value <= self.limit


def report(rows: list[tuple[str, str]], checks: list[Check]) -> bool:
    width = max(len(r[0]) for r in rows)
    print("\n| command | median |\n|---|---|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    print("\n| target | measured | limit | |\n|---|---|---|---|")
    good = True
    for c in checks:
        mark = "ok" if c.ok else ("FAIL" if c.hard else "over (aim)")
        good &= c.ok or not c.hard
        print(f"| {c.label} | {c.value:.2f}{c.unit} | {c.limit:.2f}{c.unit} | {mark} |")
    return good


def startup(
    rounds: int, env: dict[str, str], outline_json: Path
) -> tuple[list[tuple[str, str]], list[Check]]:
    c = {
        "pass": Case("python -c pass", [PY, "-c", "pass"]),
        "typer": Case("minimal Typer + Rich app", [PY, str(HERE / "ref_typer_app.py")]),
        "typer_help": Case("minimal app --help", [PY, str(HERE / "ref_typer_app.py"), "--help"]),
        "argparse": Case("argparse + Rich outline", [PY, str(HERE / "ref_argparse_outline.py"), str(outline_json)]),
        "outline": Case("pkus outline", pkus("outline")),
        "decade": Case("pkus decade 1990s", pkus("decade", "1990s")),
        "help": Case("pkus --help", pkus("--help")),
        "quiz": Case("pkus quiz, to the first question", pkus("quiz", "--seed", "1"), stdin=""),
        "figures": Case("pkus figures", pkus("figures")),
        "html": Case("pkus export html (whole pack)", pkus("export", "html", "-o", str(Path(tempfile.mkdtemp()) / "g.html"), "--force")),
    }  # fmt: skip
    measure(list(c.values()), rounds, env)
    rows = [(x.name, ms(x)) for x in c.values()]
    checks = [
        Check("outline / minimal Typer app", ratio(c["outline"], c["typer"]), 1.05),
        Check("outline / python -c pass", ratio(c["outline"], c["pass"]), 11.0),
        # Measured 1.09x-1.18x from run to run on this 2-core machine: the bound sits above
        # that noise, so it fails only on a real slowdown.
        Check("outline / argparse app", ratio(c["outline"], c["argparse"]), 1.25),
        Check("--help / minimal app --help", ratio(c["help"], c["typer_help"]), 1.1),
        Check("figures / outline", ratio(c["figures"], c["outline"]), 1.2),
        Check("export html, whole pack", statistics.median(c["html"].times), 2.0, " s"),
    ]
    peak = max(c["outline"].rss_kb) / 1024
    rows.append(("peak memory, pkus outline", f"{peak:7.1f} MiB"))
    checks.append(Check("peak memory of pkus outline", peak, 60.0, " MiB"))
    return rows, checks


def scale(n: int, rounds: int, env: dict[str, str]) -> tuple[list[tuple[str, str]], list[Check]]:
    sys.path.insert(0, str(HERE))
    from make_pack import make

    pack = Path(tempfile.mkdtemp(prefix="pkus-pack-")) / f"pack{n}"
    make(n, pack)
    big = ["--content", str(pack)]
    c = {
        "outline": Case("pkus outline (shipped)", pkus("outline")),
        "outline_big": Case(f"pkus outline ({n} events)", pkus(*big, "outline")),
        "decade": Case("pkus decade 1990s (shipped)", pkus("decade", "1990s")),
        "decade_big": Case(f"pkus decade 1990s ({n} events)", pkus(*big, "decade", "1990s")),
        "event": Case("pkus event (shipped)", pkus("event", "pressler-cutoff")),
        "event_big": Case(f"pkus event ({n} events)", pkus(*big, "event", "ev-00042")),
    }
    measure(list(c.values()), rounds, env)
    rows = [(x.name, ms(x)) for x in c.values()]
    checks = [
        Check(f"outline {n} / shipped", ratio(c["outline_big"], c["outline"]), 1.2),
        Check(f"decade {n} / shipped", ratio(c["decade_big"], c["decade"]), 1.5),
        Check(f"event {n} / shipped", ratio(c["event_big"], c["event"]), 1.5),
    ]
    peak = max(c["outline_big"].rss_kb) / 1024
    rows.append((f"peak memory, outline ({n} events)", f"{peak:7.1f} MiB"))
    checks.append(Check(f"peak memory of outline ({n} events)", peak, 60.0, " MiB"))

    # Timeline: time until the first line arrives on stdout.
    firsts = []
    for _ in range(max(3, rounds // 3)):
        start = time.perf_counter()
        proc = subprocess.Popen(pkus(*big, "timeline"), stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None
        proc.stdout.readline()
        firsts.append(time.perf_counter() - start)
        proc.kill()
        proc.wait()
    first = statistics.median(firsts)
    rows.append((f"pkus timeline, first line ({n} events)", f"{1000 * first:7.1f} ms"))
    checks.append(Check("timeline first output", first, 0.5, " s"))

    # Next quiz question, in process: plan a session, then time each following question.
    code = (
        "import random, time, json, sys\n"
        "from pathlib import Path\n"
        "from datetime import datetime, timezone\n"
        "from pkus_cli.pack import cache\n"
        "from pkus_cli.quiz.plan import make_filters, plan\n"
        "from pkus_cli.quiz.questions import Maker\n"
        "from pkus_cli.views.subjects import catalogue\n"
        "pack = cache.load(Path(sys.argv[1]))\n"
        "now = datetime.now(timezone.utc)\n"
        "t = time.perf_counter()\n"
        "p = plan(pack, make_filters(pack), {}, now, random.Random(1), count=20)\n"
        "planned = time.perf_counter() - t\n"
        "items = catalogue(pack)\n"
        "maker = Maker(pack, random.Random(2))\n"
        "rng = random.Random(3)\n"
        "ts = []\n"
        "for _ in range(200):\n"
        "    it = rng.choice(items)\n"
        "    t = time.perf_counter(); maker.make(it, it.kinds[0]); ts.append(time.perf_counter() - t)\n"
        "ts.sort(); print(json.dumps({'median': ts[len(ts)//2], 'p95': ts[int(len(ts)*0.95)],"
        " 'plan': planned}))\n"
    )
    out = subprocess.run(
        [PY, "-c", code, str(pack)], capture_output=True, text=True, env=env, check=True
    )
    nxt = json.loads(out.stdout)
    rows.append(
        (f"quiz plan before the first question ({n} events)", f"{1000 * nxt['plan']:7.1f} ms")
    )
    rows.append((f"next quiz question, p95 ({n} events)", f"{1000 * nxt['p95']:7.2f} ms"))
    checks.append(Check("next quiz question (p95)", 1000 * nxt["p95"], 5.0, " ms"))

    # Cold validate of the big pack (no cache involved: validate always reads the YAML).
    start = time.perf_counter()
    subprocess.run(pkus("validate", str(pack)), env=env, check=True, stdout=subprocess.DEVNULL)
    cold = time.perf_counter() - start
    rows.append((f"pkus validate, cold ({n} events)", f"{cold:7.2f} s"))
    checks.append(Check("cold validate", cold, 15.0, " s"))
    return rows, checks


# Every view a user opens, for `--against`: none may be more than 5 % slower than before.
VIEWS = [
    ["outline"], ["outline", "--section", "4"], ["decade", "1990s"], ["decade", "2000s"],
    ["event", "pressler-cutoff"], ["timeline", "--decade", "1980s"], ["people"],
    ["people", "benazir-bhutto"], ["terms"], ["terms", "isi"], ["sources"], ["corrections"],
    ["search", "pressler"], ["search", "do", "more"], ["figures"], ["stats"], ["--help"],
]  # fmt: skip


def _own(src: Path, state: Path) -> dict[str, str]:
    return {
        "PYTHONPATH": str(src),
        "PKUS_DB": str(state / "progress.db"),
        "XDG_CACHE_HOME": str(state / "cache"),
    }


def against(
    rev: str, rounds: int, env: dict[str, str]
) -> tuple[list[tuple[str, str]], list[Check]]:
    """Each view run by this checkout's code and by revision `rev`'s, on `rev`'s pack (so
    only the code differs), pair by pair in the same round."""
    old = Path(tempfile.mkdtemp(prefix="pkus-rev-"))
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src", "content"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    subprocess.run([PY, "-m", "compileall", "-q", str(old / "src")], env=env, check=True)
    same = {**env, "PKUS_CONTENT": str(old / "content")}
    rows: list[tuple[str, str]] = []
    checks: list[Check] = []
    for argv in VIEWS:
        name = "pkus " + " ".join(argv)
        # Both through `python -m`, PYTHONPATH choosing whose code runs.
        # Each its own store and cache, as their formats may differ.
        now = Case(name, [PY, "-m", "pkus_cli", *argv], env=_own(ROOT / "src", old / "now"))
        then = Case(f"{name} ({rev})", now.argv, env=_own(old / "src", old / "then"))
        cases = [now, then]
        measure(cases, rounds, same)
        rows.append((f"{name}: now / {rev}", f"{ms(now)} / {ms(then)}"))
        checks.append(Check(f"{name} / {rev}", ratio(now, then), 1.05))
    return rows, checks


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--scale", type=int, default=0, help="also benchmark an N-event pack")
    ap.add_argument("--against", metavar="REV", help="also time every view against revision REV")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pkus-bench-"))
    env = {
        **os.environ,
        "PKUS_DB": str(work / "progress.db"),
        "XDG_CACHE_HOME": str(work / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    env.pop("PKUS_CONTENT", None)
    # An installed pkus runs from bytecode that pip compiled; a machine that sets
    # PYTHONDONTWRITEBYTECODE would make every run of an editable checkout recompile
    # pkus's own modules while the reference apps' libraries stay compiled. Compile first.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PY, "-m", "compileall", "-q", str(HERE.parent / "src")], env=env, check=True)
    outline_json = work / "outline.json"
    outline_json.write_bytes(
        subprocess.run(pkus("outline", "--json"), capture_output=True, env=env, check=True).stdout
    )
    rows, checks = startup(args.rounds, env, outline_json)
    if args.against:
        more_rows, more_checks = against(args.against, args.rounds, env)
        rows += more_rows
        checks += more_checks
    if args.scale:
        more_rows, more_checks = scale(args.scale, args.rounds, env)
        rows += more_rows
        checks += more_checks
    print(f"\n{args.rounds} rounds, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    ok = report(rows, checks)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    random.seed(0)
    main()
