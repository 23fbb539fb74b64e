"""`pkus quiz` and `pkus stats` end to end: scripted through CliRunner and subprocesses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import TINY, Run


def stats(run: Run) -> dict:  # type: ignore[type-arg]
    result = run("--content", str(TINY), "stats", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_typed_answer_is_judged_saved_and_taught(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--decade", "1990s", "--kind", "typed",
                 input="the presler amendment\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Which amendment cut off aid in 1990?" in out
    assert "✓ Right" in out and "accepted with a small misspelling" in out
    assert "Source: Source B" in out
    assert "Answered 1, correct 1" in out
    data = stats(run)
    assert data["reviews_total"] == 1 and data["seen"] == 1
    assert data["by_decade"]["1990s"]["seen"] == 1


def test_flashcards_take_a_grade_line_and_show_the_answer_first(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--kind", "flashcard", "--person", "ike",
                 input="4\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.index("Eisenhower") < result.stdout.index("Graded Easy")
    assert stats(run)["reviews_total"] == 1


def test_two_point_grading(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--kind", "flashcard", "--grading", "2",
                 "--person", "ike", input="3\n")  # fmt: skip
    assert "skipped: expected 1 Fail · 2 Pass" in result.stdout
    assert stats(run)["reviews_total"] == 0
    assert run("--content", str(TINY), "quiz", "--grading", "3").exit_code == 2


def test_end_of_input_ends_cleanly_with_a_summary(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--kind", "year", "--seed", "3", input="1954\n")
    assert result.exit_code == 0, result.output
    assert "Session stopped" in result.stdout and "Answered 1" in result.stdout  # input ended early
    assert "not reached" in result.stdout


def test_due_questions_return_and_new_ones_are_limited(run: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PKUS_NOW", "2026-01-01T10:00:00+00:00")
    first = run(
        "--content", str(TINY), "quiz", "--kind", "year", "--new", "2", input="1954\n1954\n"
    )
    assert "0 due, 2 new" in first.stdout
    monkeypatch.setenv("PKUS_NOW", "2026-01-02T10:00:00+00:00")
    again = run("--content", str(TINY), "quiz", "--kind", "year", "--new", "0", input="")
    assert "2 due, 0 new" in again.stdout
    data = stats(run)
    assert data["due_now"] == 2 and data["seen"] == 2


def test_cram_does_not_touch_progress(run: Run, tmp_path: Path) -> None:
    result = run("--content", str(TINY), "quiz", "--cram", "--kind", "year", input="1954\n1955\n")
    assert result.exit_code == 0, result.output
    assert "cram: schedule unchanged" in result.stdout
    assert not (tmp_path / "progress.db").exists()


def test_bad_filters_exit_2_with_one_line(run: Run) -> None:
    for args in (["--decade", "1880s"], ["--tag", "nope"], ["--kind", "essay"],
                 ["--decade", "1950s", "--tag", "sanctions", "--kind", "typed"]):  # fmt: skip
        result = run("--content", str(TINY), "quiz", *args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_leeches_are_listed_and_drilled(run: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for day in ("2026-01-01", "2026-01-05"):
        monkeypatch.setenv("PKUS_NOW", f"{day}T10:00:00+00:00")
        run("--content", str(TINY), "quiz", "--decade", "1990s", "--kind", "typed", input="Glenn\n")
    data = stats(run)
    assert data["leeches"]["1990s"][0]["id"] == "card:pressler-what"
    text = run("--content", str(TINY), "stats").stdout
    assert "pkus quiz --decade 1990s --leeches" in text
    drill = run(
        "--content", str(TINY), "quiz", "--decade", "1990s", "--leeches", input="Pressler\n"
    )
    assert "Which amendment cut off aid" in drill.stdout


def test_corrupt_database_is_a_one_line_error(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    db.write_bytes(b"not sqlite at all")
    result = run("--content", str(TINY), "quiz", input="")
    assert result.exit_code == 1
    assert "not a pkus progress database" in result.stderr
    assert db.read_bytes() == b"not sqlite at all"


def test_content_update_that_removes_questions_keeps_history(run: Run, tiny: Path) -> None:
    run("--content", str(tiny), "quiz", "--decade", "1990s", "--kind", "typed", input="Pressler\n")
    run("--content", str(tiny), "quiz", "--person", "ike", "--kind", "flashcard", input="3\n")
    (tiny / "cards/1990s.yaml").write_text("cards: []\n", encoding="utf-8")
    (tiny / "cards/1990s.yaml").unlink()
    result = run("--content", str(tiny), "stats", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reviews_total"] == 2 and data["seen"] == 1
    assert data["orphans"] == ["card:pressler-what"]


def test_two_quizzes_on_one_database_lose_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PKUS_DB": str(tmp_path / "shared.db"), "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "pkus_cli", "--content", str(TINY), "quiz", "--kind", "year",
           "--new", "6", "--count", "6"]  # fmt: skip
    answers = "1954\n" * 6
    procs = [
        subprocess.Popen([*cmd, "--seed", str(i)], env=env, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(2)
    ]  # fmt: skip
    answered = 0
    for p in procs:
        out, err = p.communicate(answers, timeout=120)
        assert p.returncode == 0, err
        found = re.search(r"Answered (\d+)", out)
        assert found or "Nothing is due" in out, out
        answered += int(found.group(1)) if found else 0
    import sqlite3

    db = sqlite3.connect(tmp_path / "shared.db")
    # Each session plans from what was saved when it started, so the split varies; the
    # database must hold exactly what both sessions reported answering.
    assert answered >= 6
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == answered
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_q_ends_the_session_from_any_prompt_and_saves_nothing_more(run: Run) -> None:
    for kind in ("year", "typed", "flashcard", "first"):
        result = run("--content", str(TINY), "quiz", "--kind", kind, "--seed", "1", input="q\n")
        assert result.exit_code == 0, (kind, result.output)
        assert "Session stopped" in result.stdout and "Answered 0" in result.stdout, kind
        assert "Please type" not in result.stdout and "✗" not in result.stdout
    assert stats(run)["reviews_total"] == 0


def test_q_after_answers_keeps_them_and_says_stopped(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--kind", "year", "--seed", "3",
                 input="1954\nq\n")  # fmt: skip
    assert result.exit_code == 0
    assert "Session stopped" in result.stdout and "Answered 1" in result.stdout
    assert stats(run)["reviews_total"] == 1


def test_one_year_off_is_close_and_counted_wrong_everywhere(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--event", "seato", "--kind", "year",
                 input="1955\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "✗ Close, but wrong" in result.stdout and "off by one year" in result.stdout
    assert "correct 0 (0%); 1 close but wrong" in result.stdout
    data = stats(run)
    assert data["reviews_total"] == 1 and data["recall_rate"] == 0  # a miss for FSRS too


def test_leeches_with_nothing_to_drill_says_so_and_exits_0(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--leeches")
    assert result.exit_code == 0, result.output
    assert "No trouble spots" in result.stdout and "failed twice" in result.stdout
    result = run("--content", str(TINY), "quiz", "--leeches", "--decade", "1990s")
    assert "No trouble spots among the questions for decade 1990s" in result.stdout


def test_messages_read_naturally_without_filters(run: Run) -> None:
    run("--content", str(TINY), "quiz", "--cram", "-n", "1", input="q\n")
    first = run("--content", str(TINY), "quiz", "--new", "0")
    assert first.exit_code == 0
    assert "Nothing is due. Next review" in first.stdout
    assert "no filter" not in first.stdout


def test_quiz_event_asks_only_about_that_event(run: Run) -> None:
    result = run("--content", str(TINY), "quiz", "--event", "seato", "--cram", "-n", "20",
                 input="1954\n" * 20)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "SEATO" in result.stdout
    assert "Pressler" not in result.stdout and "Baghdad" not in result.stdout.split("Answer")[0]
    bad = run("--content", str(TINY), "quiz", "--event", "seeto")
    assert bad.exit_code == 2 and "did you mean seato?" in bad.stderr


def test_event_page_points_to_the_event_quiz(run: Run) -> None:
    out = run("--content", str(TINY), "event", "seato").stdout
    assert "pkus quiz --event seato" in out
