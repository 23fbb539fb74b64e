"""`pkus check`, `pkus practice` and `pkus mock` end to end, bad input included."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pexpect
import pytest

from .conftest import TINY, Run

ANSWER = """Outline:
1. Alliances

In 1954 Pakistan signed the Mutual Defense Assistance Agreement under Eisenhower.
Pakistan joined SEATO in 1954 and the Baghdad Pact in 1955.
However, the pacts did not protect Pakistan. In conclusion, it should build wider ties.
"""


def attempts(db: Path) -> list[tuple[str, str | None, int, int]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT kind, question_id, score, out_of FROM attempts").fetchall()
    finally:
        con.close()


def test_check_flags_what_the_pack_contradicts(run: Run, tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(
        "## The 1950s\n"
        "Pakistan joined the Baghdad Pact in 1955 and SEATO in 1954.\n"
        "Pakistan joined CENTO in 1955.\n",
        encoding="utf-8",
    )
    result = run("check", str(essay))
    assert result.exit_code == 1, result.output
    assert f"{essay}:3: " in result.stdout  # FILE:LINE whole, however long the path
    assert ":2:" not in result.stdout  # the right sentence is left alone
    data = json.loads(run("check", str(essay), "--json").stdout)
    (only,) = data["findings"]  # one error, reported once (a known misconception wins)
    assert only["line"] == 3 and only["kind"] in ("anachronism", "misconception")
    assert "1959" in only["fact"] and only["sources"]


def test_check_a_clean_text_exits_0(run: Run) -> None:
    result = run("check", "-", input="Pakistan joined SEATO in September 1954.\n")
    assert result.exit_code == 0 and "contradicts the pack" in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"\x00\x01binary", "not a text file"),
    (b"caf\xe9\n", "not UTF-8"),
    (b"x" * 1_100_000, "larger than 1 MB"),
])  # fmt: skip
def test_bad_files_get_one_line(run: Run, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    practice = ["--content", str(TINY), "practice", "css-2020-ca-1", "--file", str(path)]
    for cmd in (["check", str(path)], practice):
        result = run(*cmd)
        assert result.exit_code == 2, (cmd, result.output)
        assert message in result.stderr and result.stderr.count("\n") == 1


def test_practice_grades_saves_and_stats_shows_it(run: Run) -> None:
    result = run("--content", str(TINY), "practice", "css-2020-ca-1", input=ANSWER)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Outline points covered: 4 of 4" in out
    assert "✓ a counter-view" in out and "✓ a conclusion" in out
    assert "Saved: coverage 100%" in out
    again = run("--content", str(TINY), "practice", "css-2020-ca-1", input="In 1954 nothing.\n")
    assert "earlier attempts: 100%" in again.stdout
    stats = json.loads(run("--content", str(TINY), "stats", "--json").stdout)
    assert [(a["question"], a["score"], a["out_of"]) for a in stats["attempts"]] == [
        ("css-2020-ca-1", 4, 4),
        ("css-2020-ca-1", 0, 4),
    ]
    assert "Exam practice" in run("--content", str(TINY), "stats").stdout


def test_practice_refuses_empty_answers_and_unknown_ids(run: Run) -> None:
    empty = run("--content", str(TINY), "practice", "css-2020-ca-1", input="% only the template\n")
    assert empty.exit_code == 2 and "empty" in empty.stderr
    bad = run("--content", str(TINY), "practice", "css-2020-ca-9", input=ANSWER)
    assert bad.exit_code == 2 and "did you mean css-2020-ca-1?" in bad.stderr
    minutes = run("--content", str(TINY), "practice", "css-2020-ca-1", "--minutes", "0")
    assert minutes.exit_code == 2


def test_mock_part_one_scores_and_saves(run: Run, tmp_path: Path) -> None:
    lines = "A\n" * 20
    result = run("mock", "--part", "1", "--seed", "3", input=lines)
    assert result.exit_code == 0, result.output
    assert "Mock paper · Part I" in result.stdout and "Part I: " in result.stdout
    db = Path(os.environ["PKUS_DB"])
    (row,) = attempts(db)
    assert row[0] == "mock" and row[3] == 20


def test_mock_unanswered_questions_score_nothing(run: Run) -> None:
    result = run("mock", "--part", "1", "--seed", "3", input="A\nB\n")
    assert result.exit_code == 0
    assert result.stdout.count("not answered") == 18


def test_mock_part_two_chooses_then_practises(run: Run) -> None:
    result = run("--content", str(TINY), "mock", "--part", "2", input="1\n" + ANSWER)
    assert result.exit_code == 0, result.output
    assert "Mock paper · Part II" in result.stdout and "Outline points covered" in result.stdout
    bad = run("--content", str(TINY), "mock", "--part", "2", input="7\n")
    assert bad.exit_code == 2 and "choose 1-1" in bad.stderr


def _spawn(tmp_path: Path, editor: str, *args: str) -> pexpect.spawn:
    env = {**os.environ, "PKUS_DB": str(tmp_path / "p.db"), "EDITOR": editor, "NO_COLOR": "1"}
    return pexpect.spawn(
        sys.executable, ["-m", "pkus_cli", "--content", str(TINY), "practice", *args],
        env=env, encoding="utf-8", timeout=30, dimensions=(40, 100),
    )  # fmt: skip


@pytest.mark.slow
def test_editor_failure_keeps_the_draft(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "false", "css-2020-ca-1")
    child.expect("the editor exited with status 1; your draft is kept at (\\S+)")
    draft = Path(child.match.group(1))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert draft.is_file() and "Discuss the alliances" in draft.read_text(encoding="utf-8")
    assert not (tmp_path / "p.db").exists() or attempts(tmp_path / "p.db") == []


@pytest.mark.slow
def test_ctrl_c_in_the_editor_keeps_the_draft(tmp_path: Path) -> None:
    editor = tmp_path / "slow-editor"
    editor.write_text("#!/bin/sh\necho 'my half answer' >> \"$1\"\necho editing\nsleep 30\n")
    editor.chmod(0o755)
    child = _spawn(tmp_path, str(editor), "css-2020-ca-1")
    child.expect("editing")
    child.sendintr()
    child.expect("your draft is kept at (\\S+)")
    draft = Path(child.match.group(1))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0
    assert "my half answer" in draft.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_editor_writes_the_answer(tmp_path: Path) -> None:
    editor = tmp_path / "writer"
    editor.write_text(f"#!/bin/sh\ncat >> \"$1\" <<'EOF'\n{ANSWER}EOF\n")
    editor.chmod(0o755)
    child = _spawn(tmp_path, str(editor), "css-2020-ca-1")
    child.expect("Outline points covered: 4 of 4")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert attempts(tmp_path / "p.db") == [("practice", "css-2020-ca-1", 4, 4)]
