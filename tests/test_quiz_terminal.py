"""The interactive quiz in a real pseudo-terminal: keys, undo, overrule, Ctrl-C and kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path

import pexpect
import pytest

from .conftest import TINY

pytestmark = pytest.mark.slow


def spawn(db: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "PKUS_DB": str(db), "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "pkus_cli", "--content", str(TINY), "quiz", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 80),
    )
    return child


def reviews(db: Path) -> list[tuple[str, int, int]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT item_id, grade, correct FROM reviews ORDER BY id").fetchall()
    finally:
        con.close()


def test_flashcard_keys_grade_and_undo(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", "flashcard", "--count", "2", "--seed", "1")
    child.expect("Enter: show the answer")
    child.send("\r")
    child.expect("Grade it")
    child.send("3")
    child.expect("Graded Good")
    child.expect("Enter: next")
    child.send("u")
    child.expect("undone")
    child.expect("Enter: show the answer")  # the same question again
    child.send("\r")
    child.expect("Grade it")
    child.send("4")
    child.expect("Graded Easy")
    child.expect("Enter: next")
    child.send("\r")
    child.expect("2/")
    child.expect("Enter: show the answer")
    child.send("q")
    child.expect("Answered 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    rows = reviews(db)
    assert len(rows) == 1 and rows[0][1] == 4


def test_typed_wrong_answer_can_be_overruled(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", "typed", "--decade", "1990s")
    child.expect("Which amendment cut off aid")
    child.expect("> ")
    child.sendline("the amendment of 1985")
    child.expect("Not quite")
    child.expect("o: I was right")
    child.send("o")
    child.expect("Marked right")
    child.expect(pexpect.EOF)
    assert reviews(db) == [("card:pressler-what", 3, 1)]


def test_invalid_year_is_asked_again_in_a_terminal(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", "year", "--count", "1", "--seed", "2")
    child.expect("> ")
    child.sendline("soon")
    child.expect("Please type a year")
    child.sendline("1954")
    child.expect("Answer:")
    child.send("\r")
    child.expect(pexpect.EOF)
    assert len(reviews(db)) == 1


def test_ctrl_c_saves_what_was_answered_and_exits_130(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", "year", "--count", "3", "--seed", "2")
    child.expect("> ")
    child.sendline("1954")
    child.expect("Enter: next")
    child.send("\r")
    child.expect("> ")
    child.sendintr()
    child.expect("interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert len(reviews(db)) == 1


def test_kill_9_after_n_answers_keeps_all_n(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", "year", "--count", "5", "--seed", "4")
    for _ in range(3):
        child.expect("> ")
        child.sendline("1990")
        child.expect("Enter: next")
        child.send("\r")
    child.expect("> ")
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    assert len(reviews(db)) == 3


@pytest.mark.parametrize("kind", ["typed", "year"])
def test_q_at_an_answer_prompt_stops_the_session(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", kind, "--seed", "2")
    child.expect("q quits")
    child.expect("> ")
    child.sendline("q")
    child.expect(r"Session\S*\s*\S*stopped")  # bold codes between the words
    child.expect("Answered 0")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert reviews(db) == []


def test_undo_returns_to_the_question_before_its_answer(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    child = spawn(db, "--kind", "year", "--count", "2", "--seed", "2")
    child.expect(r"1/2")
    child.expect("> ")
    child.sendline("1950")
    child.expect("Answer:")
    child.expect("Enter: next")
    child.send("u")
    child.expect("undone")
    child.expect(r"1/2")  # the same question, numbered as before, waiting for an answer
    child.expect("> ")
    assert "Answer:" not in child.before
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert reviews(db) == []  # the undone answer is gone from the store


def test_completion_in_a_real_bash(tmp_path: Path) -> None:
    """Tab completion as a user gets it: bash with pkus's completion script loaded."""
    if not Path("/bin/bash").exists():
        pytest.skip("no bash here")
    bindir = Path(sys.executable).parent
    if not (bindir / "pkus").exists():
        pytest.skip("the pkus script is not installed beside this Python")
    env = {**os.environ, "PATH": f"{bindir}:{os.environ.get('PATH', '')}", "PS1": "$ ",
           "TERM": "dumb", "INPUTRC": "/dev/null"}  # fmt: skip
    child = pexpect.spawn("/bin/bash", ["--norc", "--noprofile", "-i"], env=env,
                          encoding="utf-8", timeout=30, dimensions=(40, 120))  # fmt: skip
    child.expect_exact("$ ")
    child.sendline('eval "$(_PKUS_COMPLETE=source_bash pkus)"')
    child.expect_exact("$ ")
    child.send("pkus decade 199\t")
    child.expect("1990s")
    child.sendcontrol("c")
    child.expect_exact("$ ")
    child.send("pkus figures --measure mil\t")
    child.expect("military")
    child.sendcontrol("c")
    child.sendline("exit")
    child.expect(pexpect.EOF)
