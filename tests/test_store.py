"""The progress database: saves at once, undoes exactly, refuses files that are not ours."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pkus_cli.errors import StoreError
from pkus_cli.progress import srs
from pkus_cli.progress.store import APPLICATION_ID, SCHEMA_VERSION, Store

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def answer(store: Store, item: str, grade: srs.Grade, when: datetime = NOW) -> int:
    def schedule(before: str | None, card_id: int) -> tuple[str, datetime]:
        return srs.review(before or srs.new_card(card_id, when), grade, when, fuzz=False)

    return store.record(
        item, "s1", when, int(grade), grade is not srs.Grade.AGAIN, "year", 900, schedule
    )


def test_answers_persist_across_opens(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "p.db"
    with Store.open(path) as s:
        answer(s, "year:a", srs.Grade.GOOD)
        answer(s, "year:a", srs.Grade.AGAIN, NOW + timedelta(hours=1))
        answer(s, "year:b", srs.Grade.EASY)
    with Store.open(path) as s:
        cards = s.schedules()
        assert set(cards) == {"year:a", "year:b"}
        assert cards["year:a"].reps == 2 and cards["year:a"].lapses == 1
        assert [r.grade for r in s.reviews()] == [3, 1, 4]
        assert s.next_due() is not None


def test_undo_restores_the_previous_state(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        answer(s, "year:a", srs.Grade.GOOD)
        before = s.schedules()["year:a"]
        rid = answer(s, "year:a", srs.Grade.AGAIN, NOW + timedelta(hours=1))
        assert s.undo(rid, srs.due_of)
        assert s.schedules()["year:a"] == before
        first = s.reviews()[0].id
        assert s.undo(first, srs.due_of)
        assert s.schedules() == {} and s.reviews() == []
        assert not s.undo(first, srs.due_of)


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"my exam notes\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a pkus progress database"):
        Store.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store.open(path) as s:
        answer(s, "year:a", srs.Grade.GOOD)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad" * ((4096 - 100) // 2)  # wreck the schema page
    path.write_bytes(bytes(data))
    for extra in tmp_path.glob("p.db-*"):
        extra.unlink()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == bytes(data)


def test_someone_elses_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a pkus progress file"):
        Store.open(path)
    assert path.read_bytes() == before


def test_database_from_a_newer_pkus_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer pkus"):
        Store.open(path)
    assert path.read_bytes() == before


def test_new_database_is_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    path.touch()
    with Store.open(path) as s:
        assert s.schedules() == {}


def test_read_only_folder_gives_a_clear_error(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError):
            Store.open(folder / "p.db")
    finally:
        folder.chmod(0o700)


def test_unwritable_location_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(blocker / "sub" / "p.db")


class _Failing:
    """A connection that fails on the statement that matches, like a full disk would."""

    def __init__(self, real: sqlite3.Connection, fail_on: str, message: str) -> None:
        self.real, self.fail_on, self.message = real, fail_on, message

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.lstrip().startswith(self.fail_on):
            raise sqlite3.OperationalError(self.message)
        return self.real.execute(sql, *args)

    def close(self) -> None:
        self.real.close()


@pytest.mark.parametrize(
    ("fail_on", "message"),
    [("INSERT INTO reviews", "database or disk is full"),
     ("COMMIT", "attempt to write a readonly database")],
)  # fmt: skip
def test_a_failed_write_is_a_clear_error_and_keeps_earlier_answers(
    tmp_path: Path, fail_on: str, message: str
) -> None:
    path = tmp_path / "p.db"
    with Store.open(path) as s:
        answer(s, "year:a", srs.Grade.GOOD)
        s.db = _Failing(s.db, fail_on, message)  # type: ignore[assignment]
        with pytest.raises(StoreError, match=message):
            answer(s, "year:b", srs.Grade.GOOD)
    with Store.open(path) as s:
        assert [r.item_id for r in s.reviews()] == ["year:a"]
        assert set(s.schedules()) == {"year:a"}


def test_an_older_database_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # ours, at schema version 0
    db.commit()
    db.close()
    with Store.open(path) as s:
        answer(s, "year:a", srs.Grade.GOOD)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_tally_counts_in_sql_what_the_review_log_holds(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        answer(s, "year:a", srs.Grade.GOOD, NOW - timedelta(days=2))
        answer(s, "year:a", srs.Grade.AGAIN, NOW - timedelta(days=1))
        answer(s, "year:a", srs.Grade.AGAIN, NOW + timedelta(hours=1))
        answer(s, "year:b", srs.Grade.EASY, NOW + timedelta(hours=2))
        tally = s.tally(NOW)
        log = s.reviews()
        for item in ("year:a", "year:b"):
            mine = [r for r in log if r.item_id == item]
            assert tally[item].total == len(mine)
            assert tally[item].correct == sum(r.correct for r in mine)
            assert tally[item].recent == sum(r.reviewed_at >= NOW for r in mine)
        assert tally["year:a"] == (3, 1, 1)
        assert s.failures() == {"year:a": 2}
        plan = s.db.execute(
            "EXPLAIN QUERY PLAN SELECT item_id, COUNT(*), SUM(correct), SUM(reviewed_at >= ?)"
            " FROM reviews GROUP BY item_id",
            ("x",),
        ).fetchall()
        assert "COVERING INDEX reviews_tally" in str(plan)  # counted without reading rows
