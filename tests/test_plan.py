"""`pkus plan`: the study plan, its simulation, and the quiz and stats that follow it."""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pkus_cli.progress import plan as planning
from pkus_cli.progress import srs
from pkus_cli.progress.store import Store

from .conftest import TINY, Run

NOW = "2026-09-01T09:00:00+00:00"
EXAM = "2026-09-20"  # new questions until 2026-09-06: six days for the 14 questions, 3 a day


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PKUS_NOW", NOW)


def tiny(run: Run, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return run("--content", str(TINY), *args, input=input)


def plan_json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    r = tiny(run, "plan", *args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def stats_json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    r = tiny(run, "stats", *args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def good(now: datetime):  # type: ignore[no-untyped-def]
    """The store's `schedule` callback for a Good answer at `now`."""
    return lambda before, card_id: srs.review(
        before or srs.new_card(card_id, now), srs.Grade.GOOD, now
    )


def one_line_error(r, code: int = 2) -> str:  # type: ignore[no-untyped-def]
    assert r.exit_code == code, r.output
    assert r.stdout == ""
    assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr
    return str(r.stderr)


# --- making, showing, removing --------------------------------------------------------------


def test_a_plan_is_saved_shown_and_cleared(run: Run) -> None:
    made = tiny(run, "plan", "--exam", EXAM, "--minutes", "30")
    assert made.exit_code == 0, made.output
    out = made.stdout
    assert "Saved the study plan." in out
    assert "exam on 20 September 2026 (19 days left)" in out
    assert "New a day" in out and "3, the last on 6 September 2026" in out
    assert "30 min a day: fits" in out
    assert "a default until 20 answers are timed" in out  # the default pace is named as such
    assert "0 of 3 new, 0 reviews left today" in out
    shown = tiny(run, "plan")
    assert shown.exit_code == 0 and "Saved" not in shown.stdout
    assert "3, the last on 6 September 2026" in shown.stdout
    gone = tiny(run, "plan", "--clear")
    assert gone.exit_code == 0 and "Removed the study plan; your progress is kept." in gone.stdout
    assert "No study plan yet" in tiny(run, "plan").stdout
    assert plan_json(run) == {"plan": None}


def test_plan_json_is_complete_and_reproducible(run: Run) -> None:
    first = plan_json(run, "--exam", EXAM, "--retention", "0.85")
    again = plan_json(run)
    assert first["days"] == again["days"]  # seeded simulation: the same plan every time
    assert first["new_per_day"] == 3 and first["questions"] == 14
    assert first["last_new_day"] == "2026-09-06" and first["days_left"] == 19
    assert first["retention"] == 0.85 and first["fitted_parameters"] is False
    days = first["days"]
    assert len(days) == 19 and days[0]["date"] == "2026-09-01"
    assert sum(d["new"] for d in days) == 14  # every question introduced ...
    assert all(d["new"] == 0 for d in days if d["date"] > "2026-09-06")  # ... two weeks ahead
    assert sum(d["reviews"] for d in days) > 0  # the learning steps and reviews they bring
    assert 0 < first["expected_recall_on_exam_day"] <= 1
    assert first["seconds_per_review"] == planning.DEFAULT_SECONDS
    assert first["pace_measured"] is False


def test_a_plan_can_cover_one_decade(run: Run) -> None:
    whole = plan_json(run, "--exam", EXAM)
    narrow = plan_json(run, "--exam", EXAM, "--decade", "1990s")
    assert narrow["filters"] == {"decade": "1990s"}
    assert 0 < narrow["questions"] < whole["questions"]


def test_changing_minutes_keeps_the_rest_of_the_plan(run: Run) -> None:
    plan_json(run, "--exam", EXAM, "--retention", "0.8")
    changed = plan_json(run, "--minutes", "40")
    assert changed["minutes_budget"] == 40 and changed["retention"] == 0.8
    assert changed["exam"] == EXAM


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--exam", "2026-08-01"], "not in the future"),
        (["--exam", "2026-09-01"], "not in the future"),
        (["--exam", "next february"], "YYYY-MM-DD"),
        (["--exam", "2207-02-14"], "more than 5 years away"),
        (["--exam", "2026-02-30"], "YYYY-MM-DD"),
        (["--exam", EXAM, "--minutes", "0"], "--minutes takes 1 to 600"),
        (["--exam", EXAM, "--minutes", "-5"], "--minutes takes 1 to 600"),
        (["--exam", EXAM, "--minutes", "5000"], "--minutes takes 1 to 600"),
        (["--exam", EXAM, "--retention", "0.5"], "--retention takes 0.70 to 0.99"),
        (["--exam", EXAM, "--retention", "1.2"], "--retention takes 0.70 to 0.99"),
        (["--exam", EXAM, "--retention", "lots"], "not a valid float"),
        (["--exam", "2026-09-10"], "too close"),  # new questions would be due before today
        (["--exam", EXAM, "--decade", "1880s"], "1880s"),
        (["--exam", EXAM, "--clear"], "--clear removes the plan"),
        (["--minutes", "30"], "no study plan yet"),
    ],
)
def test_bad_values_are_one_line_errors_that_save_nothing(
    run: Run, args: list[str], says: str
) -> None:
    err = one_line_error(tiny(run, "plan", *args))
    assert says in err
    assert plan_json(run) == {"plan": None}


def test_a_plan_that_cannot_fit_says_what_would(run: Run) -> None:
    err = one_line_error(run("plan", "--exam", "2026-10-15", "--minutes", "10"))  # shipped pack
    assert "does not fit in 10 minutes a day" in err
    assert "(pkus plan --exam 2026-10-15 --minutes " in err and "an exam date of 20" in err
    assert json.loads(run("plan", "--json").stdout) == {"plan": None}  # nothing saved
    need = int(re.search(r"--minutes (\d+)\)", err).group(1))  # type: ignore[union-attr]
    later = re.search(r"an exam date of (\S+) would fit", err).group(1)  # type: ignore[union-attr]
    assert run("plan", "--exam", "2026-10-15", "--minutes", str(need)).exit_code == 0
    assert run("plan", "--exam", later, "--minutes", "10").exit_code == 0  # both suggestions hold


def test_a_plan_whose_exam_has_passed_asks_for_a_new_date(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_json(run, "--exam", EXAM)
    monkeypatch.setenv("PKUS_NOW", "2026-09-25T09:00:00+00:00")
    err = one_line_error(tiny(run, "plan"))
    assert "has passed" in err and "pkus plan --clear" in err
    assert "has passed" in tiny(run, "stats").stdout  # stats still work, and say so


def test_clearing_the_plan_keeps_progress(run: Run) -> None:
    plan_json(run, "--exam", EXAM)
    tiny(run, "quiz", "--kind", "year", input="1954\n1954\n")
    before = stats_json(run)["reviews_total"]
    assert before >= 1
    assert tiny(run, "plan", "--clear").exit_code == 0
    assert stats_json(run)["reviews_total"] == before


# --- the quiz follows the plan ----------------------------------------------------------------


def test_the_quiz_introduces_the_days_planned_new_questions(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_json(run, "--exam", EXAM)
    typed = ("--kind", "typed,year")  # one answer line each
    first = tiny(run, "quiz", "--seed", "1", *typed, input="1954\n" * 6)
    assert first.exit_code == 0, first.output
    assert "0 due, 3 new" in first.stdout
    assert "Plan: 0 of 3 new, 0 reviews left today" in first.stdout
    assert "Plan: 3 of 3 new, " in first.stdout  # after the session
    later = tiny(run, "quiz", "--seed", "1", *typed, input="1954\n" * 6)  # today's quota is done
    assert " 0 new" in later.stdout or "Nothing is due" in later.stdout
    explicit = tiny(run, "quiz", "--seed", "1", *typed, "--new", "2", input="1954\n" * 6)
    assert ", 2 new" in explicit.stdout  # --new wins over the plan
    monkeypatch.setenv("PKUS_NOW", "2026-09-02T09:00:00+00:00")
    tomorrow = tiny(run, "quiz", "--seed", "1", *typed, input="1954\n" * 30)
    # Five were introduced yesterday: nine left for five days, two a day from now on.
    assert ", 2 new" in tomorrow.stdout
    assert re.search(r"Plan: 0 of 2 new, [1-9]\d* reviews left today", tomorrow.stdout)


def test_without_a_plan_the_quiz_still_brings_ten_new(run: Run) -> None:
    r = run("quiz", "--seed", "1", input="")
    assert "0 due, 10 new" in r.stdout and "Plan:" not in r.stdout


# --- retention and the scheduler ---------------------------------------------------------------


def test_retention_changes_the_interval_the_scheduler_gives() -> None:
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    card = srs.new_card(1, now)
    dues = {
        r: srs.review(card, srs.Grade.EASY, now, fuzz=False, retention=r)[1]
        for r in (0.8, 0.9, 0.95)
    }
    assert dues[0.8] > dues[0.9] > dues[0.95]


def test_the_quiz_schedules_with_the_plans_retention(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dues = {}
    for r in ("0.75", "0.97"):
        db = tmp_path / f"r{r}.db"
        monkeypatch.setenv("PKUS_DB", str(db))
        plan_json(run, "--exam", EXAM, "--retention", r)
        assert Store.open(db).plan().retention == float(r)  # type: ignore[union-attr]
        answered = tiny(run, "quiz", "--kind", "flashcard", "--person", "ike", input="4\n")
        assert answered.exit_code == 0, answered.output
        with Store.open(db) as s:
            (row,) = s.schedules().values()
            dues[r] = row.due
    # Easy on a new card: straight to review, at an interval set by the desired retention
    # (fuzzing moves it by a few per cent; the two retentions are weeks apart).
    assert dues["0.75"] - dues["0.97"] > timedelta(days=7)


# --- the simulation -----------------------------------------------------------------------------


def test_simulation_reviews_cards_when_due_and_introduces_by_the_last_day() -> None:
    now = datetime(2026, 9, 1, 9, tzinfo=timezone.utc)
    card, due = srs.review(srs.new_card(1, now - timedelta(days=2)), srs.Grade.EASY,
                           now - timedelta(days=2), fuzz=False)  # fmt: skip
    day = (due - now.replace(hour=0)).days
    assert day > 0
    run = planning.simulate([card], now, 30)
    assert run.days[day].reviews >= 1 and sum(d.reviews for d in run.days[:day]) == 0
    last = now.date() + timedelta(days=6)
    end = now + timedelta(days=20)
    run = planning.simulate(
        [], now, 20, unseen=25, new_today=5, per_day=5, last_intro=last, recall_at=end
    )
    assert [d.new for d in run.days[:6]] == [5] * 5 + [0]
    assert run.recall_at_end is not None and 0.5 < run.recall_at_end <= 1
    assert planning.simulate([], now, 20, unseen=25, new_today=5, per_day=5) == planning.simulate(
        [], now, 20, unseen=25, new_today=5, per_day=5
    )


def test_new_per_day_reaches_every_question_two_weeks_ahead() -> None:
    today = datetime(2026, 9, 1).date()
    exam = today + timedelta(days=30)  # 17 days for new questions, today included
    assert planning.new_per_day(34, today, exam) == 2
    assert planning.new_per_day(35, today, exam) == 3
    assert planning.new_per_day(0, today + timedelta(days=29), exam) == 0
    with pytest.raises(planning.UsageError, match="too close"):
        planning.new_per_day(1, today + timedelta(days=20), exam)


def test_pace_is_the_users_median_once_enough_answers_are_timed(tmp_path: Path) -> None:
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with Store.open(tmp_path / "p.db") as s:
        assert planning.pace(s) == planning.Pace(planning.DEFAULT_SECONDS, False, 0)
        for i in range(25):
            s.record(f"year:{i}", "s", now, 3, True, "year", 8000 + 100 * i, good(now))
        p = planning.pace(s)
        assert p.measured and p.timed == 25 and p.seconds == 9.2


# --- stats: forecast, calendar, streaks, sections -----------------------------------------------


def test_stats_show_forecast_calendar_and_sections_weakest_first(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny(run, "quiz", "--kind", "flashcard", "--person", "ike", input="4\n")  # mastered
    for day in ("2026-08-28", "2026-08-29", "2026-08-31", "2026-09-01"):
        monkeypatch.setenv("PKUS_NOW", f"{day}T09:00:00+00:00")
        r = tiny(run, "quiz", "--kind", "year", "--new", "1", input="1954\n")
        assert r.exit_code == 0 and "Answered 1" in r.stdout
    data = stats_json(run)["planning"]
    assert len(data["forecast"]) == 30 and data["forecast"][0]["date"] == "2026-09-01"
    assert data["calendar"]["2026-08-28"] >= 1 and data["calendar"]["2026-08-30"] == 0
    assert len(data["calendar"]) == 7 * 11 + 2  # twelve weeks to today, a Tuesday
    assert data["days_studied_12_weeks"] == 4
    assert "streak" not in data  # only when asked for
    sections = data["by_section"]
    shares = [s["mastered"] / s["questions"] for s in sections]
    assert shares == sorted(shares) and shares[-1] > 0
    assert all(s["drill"] == f"pkus quiz --section {s['section']}" for s in sections)
    text = tiny(run, "stats").stdout
    assert "Reviews due a day, next 30 days" in text and "Study days, last 12 weeks" in text
    assert "Streak" not in text
    assert "Mastery by outline section, weakest first" in text
    assert text.index(f"pkus quiz --section {sections[0]['section']}") < text.index(
        f"pkus quiz --section {sections[-1]['section']}"
    )
    streak = stats_json(run, "--streak")["planning"]["streak"]
    assert streak == {"current": 2, "longest": 2}
    assert "Streak: 2 days in a row (longest 2 days)" in tiny(run, "stats", "--streak").stdout


def test_stats_with_a_plan_show_days_left_and_todays_target(run: Run) -> None:
    assert "No study plan: make one with pkus plan --exam" in tiny(run, "stats").stdout
    plan_json(run, "--exam", EXAM)
    data = stats_json(run)["planning"]
    assert data["days_left"] == 19 and data["exam"] == EXAM
    assert data["today_target"] == {"new_done": 0, "new_target": 3, "reviews_left": 0}
    assert data["forecast_includes_new"] is True
    assert sum(d["reviews"] for d in data["forecast"]) > 0  # the planned new questions' reviews
    assert (
        "Exam in 19 days (2026-09-20): 0 of 3 new, 0 reviews left today"
        in tiny(run, "stats").stdout
    )


def test_stats_sections_follow_the_filter(run: Run) -> None:
    sections = stats_json(run, "--section", "2")["planning"]["by_section"]
    assert [s["section"] for s in sections] == ["2A"]


# --- fitting the scheduler to the user's reviews -------------------------------------------------


def test_optimize_with_too_few_reviews_says_how_many_are_needed(run: Run) -> None:
    plan_json(run, "--exam", EXAM)
    err = one_line_error(tiny(run, "plan", "--optimize"), code=1)
    assert "at least 512 reviews" in err and "you have 0 (512 more to go)" in err
    assert plan_json(run)["fitted_parameters"] is False


def test_optimize_without_the_extra_names_the_install(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_json(run, "--exam", EXAM)
    monkeypatch.setattr(srs, "reviews_counted_by_optimizer", lambda logs: 600)
    monkeypatch.setitem(sys.modules, "torch", None)  # as if torch were not installed
    monkeypatch.delitem(sys.modules, "fsrs.optimizer", raising=False)
    err = one_line_error(tiny(run, "plan", "--optimize"), code=1)
    assert 'pip install "pkus[optimizer]"' in err


def test_optimize_saves_fitted_parameters_and_the_quiz_uses_them(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fitted = list(srs.default_parameters())
    fitted[0] = 0.5  # a changed first-stability weight, well within fsrs's bounds
    seen: list[int] = []

    class FakeOptimizer:
        def __init__(self, logs: list[object]) -> None:
            seen.append(len(logs))

        def compute_optimal_parameters(self) -> list[float]:
            return fitted

    plan_json(run, "--exam", EXAM)
    tiny(run, "quiz", "--kind", "year", input="1954\n1954\n")
    monkeypatch.setattr(srs, "reviews_counted_by_optimizer", lambda logs: 600)
    monkeypatch.setattr(srs, "_optimizer_class", lambda found: FakeOptimizer)
    r = tiny(run, "plan", "--optimize")
    assert r.exit_code == 0, r.output
    assert "parameters fitted to your reviews" in r.stdout
    assert "your fitted FSRS parameters" in r.stdout
    assert seen and seen[0] >= 1  # the user's own reviews went to the optimizer
    with Store.open(tmp_path / "progress.db") as s:
        assert s.plan().parameters == tuple(fitted)  # type: ignore[union-attr]
    calls: list[object] = []
    real = srs.review

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[6] if len(args) > 6 else kwargs.get("parameters"))
        return real(*args, **kwargs)

    monkeypatch.setattr(srs, "review", spy)
    tiny(run, "quiz", "--kind", "year", "--new", "1", input="1954\n")
    assert calls and calls[0] == tuple(fitted)


def test_optimizer_counts_only_reviews_on_a_later_day() -> None:
    t = datetime(2026, 1, 1, tzinfo=timezone.utc)
    logs = [(1, t), (1, t + timedelta(minutes=10)), (1, t + timedelta(days=2)), (2, t),
            (2, t + timedelta(days=1))]  # fmt: skip
    assert srs.reviews_counted_by_optimizer(logs) == 2


def test_no_normal_start_imports_the_optimizer(tmp_path: Path) -> None:
    env = {"PKUS_DB": str(tmp_path / "p.db"), "PKUS_NOW": NOW, "NO_COLOR": "1", "PATH": ""}
    for args in (["plan", "--exam", EXAM], ["stats"], ["quiz", "--kind", "year"]):
        r = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "pkus_cli", "--content", str(TINY), *args],
            capture_output=True, text=True, env=env, input="1954\n", timeout=120, check=False,
        )  # fmt: skip
        assert r.returncode == 0, r.stderr[-500:]
        imported = {line.split("|")[-1].strip() for line in r.stderr.splitlines() if "|" in line}
        assert "fsrs.optimizer" not in imported and "torch" not in imported


def test_an_older_store_gains_the_plan_table_and_keeps_its_reviews(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with Store.open(path) as s:
        s.record("year:a", "s", now, 3, True, "year", None, good(now))
    db = sqlite3.connect(path)
    db.execute("DROP TABLE plan")
    db.execute("PRAGMA user_version = 3")  # before the plan's migration, 4
    db.commit()
    db.close()
    with Store.open(path) as s:
        assert len(s.reviews()) == 1 and s.plan() is None


@pytest.mark.slow
@pytest.mark.parametrize("width", [60, 80, 120])
def test_plan_and_stats_are_whole_at_every_width(width: int, tmp_path: Path) -> None:
    env = {**os.environ, "PKUS_DB": str(tmp_path / "p.db"), "PKUS_NOW": NOW, "NO_COLOR": "1",
           "COLUMNS": str(width)}  # fmt: skip
    for args in (["plan", "--exam", "2027-02-14"], ["stats", "--streak"]):
        r = subprocess.run([sys.executable, "-m", "pkus_cli", *args], capture_output=True,
                           text=True, env=env, timeout=120, check=True)  # fmt: skip
        lines = r.stdout.splitlines()
        assert all(len(line.rstrip()) <= width for line in lines), args
        commands = re.findall(r"pkus quiz --section \w+|pkus quiz\b", r.stdout)
        assert commands, args
        if args[0] == "stats":  # every subsection's drill command, whole
            assert len(set(commands)) >= 24
        assert "today" in r.stdout and "+29 days" in r.stdout


def test_the_simulations_fast_review_is_the_schedulers_own() -> None:
    rng = random.Random(3)
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for retention in (0.8, 0.9, 0.97):
        sim = srs.Simulator(retention)
        for n in range(40):
            card = srs.new_card(n, now)
            at = now
            for _ in range(rng.randint(1, 8)):  # a history that ends in any state
                card, due = srs.review(card, srs.Grade(rng.choice([1, 3, 3, 4])), at, fuzz=False,
                                       retention=retention)  # fmt: skip
                at = max(due, at + timedelta(minutes=1))
            when = at + timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 23))
            for recalled in (True, False):
                fast = sim.load(card)
                sim.review(fast, recalled, when)
                grade = srs.Grade.GOOD if recalled else srs.Grade.AGAIN
                slow, _ = srs.review(card, grade, when, fuzz=False, retention=retention)
                assert json.loads(fast.card.to_json()) == json.loads(slow)


def test_plan_filters_complete_like_every_other_command() -> None:
    from typer.main import get_command

    from pkus_cli.cli.app import app

    params = {p.name: p for p in get_command(app).commands["plan"].params}  # type: ignore[attr-defined]
    for name in ("decade", "section", "tag", "person"):
        assert params[name]._custom_shell_complete is not None, name  # type: ignore[attr-defined]


def test_a_large_day_of_new_questions_is_run_as_a_cohort_with_the_same_outcome(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = datetime(2026, 9, 1, 9, tzinfo=timezone.utc)
    end = now + timedelta(days=40)
    kw = dict(unseen=3000, new_today=300, per_day=300, recall_at=end)
    sampled = planning.simulate([], now, 40, **kw)  # type: ignore[arg-type]
    monkeypatch.setattr(planning, "COHORT", 10**9)
    exact = planning.simulate([], now, 40, **kw)  # type: ignore[arg-type]
    assert [d.new for d in sampled.days] == [d.new for d in exact.days]  # every one introduced
    total_s, total_e = (sum(d.reviews for d in r.days) for r in (sampled, exact))
    assert abs(total_s - total_e) <= 0.1 * total_e
    assert sampled.recall_at_end is not None and exact.recall_at_end is not None
    assert abs(sampled.recall_at_end - exact.recall_at_end) <= 0.03
