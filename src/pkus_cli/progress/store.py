"""Quiz progress in SQLite: one row per question's scheduling state, one per review.

Every answer is written in its own short transaction, so a closed terminal or a killed
process loses at most the question on screen. The file is checked before anything is
written: a database that is not ours, is corrupt, or comes from a newer pkus is refused
and left untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple

from pkus_cli.errors import StoreError

APPLICATION_ID = 0x706B7573  # "pkus": marks the file as ours in its SQLite header
SQLITE_MAGIC = b"SQLite format 3\x00"


_SCHEMA = {
    "cards": ("id", "item_id", "card_json", "due", "reps", "lapses"),
    "reviews": ("id", "item_id", "session", "reviewed_at", "grade", "correct", "kind",
                "duration_ms", "card_before", "card_after"),
    "attempts": ("id", "kind", "question_id", "started_at", "seconds", "minutes_allowed",
                 "score", "out_of", "words", "findings", "detail"),
    "plan": ("id", "exam", "minutes", "retention", "filters", "parameters", "created_at"),
}  # fmt: skip


class AttemptRow(NamedTuple):
    id: int
    kind: str
    question_id: str | None
    started_at: datetime
    seconds: int
    minutes_allowed: int
    score: int
    out_of: int
    words: int
    findings: int


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,          -- the fsrs card_id
            item_id TEXT NOT NULL UNIQUE,    -- the question's stable id, e.g. card:pressler-year
            card_json TEXT NOT NULL,
            due TEXT NOT NULL,               -- ISO-8601 UTC, indexed for "what is due"
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX cards_due ON cards(due);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL,
            session TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,
            grade INTEGER NOT NULL,          -- 1 Again, 2 Hard, 3 Good, 4 Easy
            correct INTEGER NOT NULL,        -- 0 or 1, as the student was judged
            kind TEXT NOT NULL,              -- flashcard, typed, year, choice, order, first
            duration_ms INTEGER,
            card_before TEXT,                -- NULL when the question was new, used by undo
            card_after TEXT NOT NULL
        ) STRICT;
        CREATE INDEX reviews_item ON reviews(item_id);
        CREATE INDEX reviews_time ON reviews(reviewed_at);
        """,
    )


def _m002_attempts(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,              -- practice (a written answer) or mock (MCQs)
            question_id TEXT,                -- practice: the past-paper question's id
            started_at TEXT NOT NULL,        -- ISO-8601 UTC
            seconds INTEGER NOT NULL,        -- time taken
            minutes_allowed INTEGER NOT NULL,
            score INTEGER NOT NULL,          -- practice: arguments covered, mock: right answers
            out_of INTEGER NOT NULL,
            words INTEGER NOT NULL DEFAULT 0,
            findings INTEGER NOT NULL DEFAULT 0,  -- sentences pkus check flagged
            detail TEXT NOT NULL DEFAULT '{}'     -- JSON: what was covered or missed
        ) STRICT;
        CREATE INDEX attempts_time ON attempts(started_at);
        """,
    )


def _m003_review_tally(db: sqlite3.Connection) -> None:
    # Stats count each question's reviews (all, correct, recent) from this index alone, so
    # a store of a million reviews is counted without reading its rows (118 ms -> 12 ms at
    # 100,000 reviews).
    _script(db, "CREATE INDEX reviews_tally ON reviews(item_id, correct, reviewed_at);")


def _m004_plan(db: sqlite3.Connection) -> None:
    # IF NOT EXISTS: a development store of the study plan's branch, where this table was
    # migration 3, opens rather than fails.
    _script(
        db,
        """
        CREATE TABLE IF NOT EXISTS plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),  -- one plan at a time
            exam TEXT NOT NULL,              -- the exam date, YYYY-MM-DD
            minutes INTEGER,                 -- the daily time budget, NULL when none was given
            retention REAL NOT NULL,         -- the desired retention the scheduler aims for
            filters TEXT NOT NULL DEFAULT '{}',  -- JSON: the filter values the plan covers
            parameters TEXT,                 -- JSON list: FSRS parameters fitted by --optimize
            created_at TEXT NOT NULL         -- ISO-8601 UTC
        ) STRICT;
        """,
    )


# Ordered; a database at user_version N has had the first N applied.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _m001_initial,
    _m002_attempts,
    _m003_review_tally,
    _m004_plan,
)
SCHEMA_VERSION = len(MIGRATIONS)


def iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_iso(s: str) -> datetime:
    t = datetime.fromisoformat(s)
    if t.tzinfo is None:
        raise ValueError(f"time without a zone: {s!r}")
    return t


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    id: int
    item_id: str
    card_json: str
    due: datetime
    reps: int
    lapses: int


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    item_id: str
    session: str
    reviewed_at: datetime
    grade: int
    correct: bool
    kind: str


class Tally(NamedTuple):
    """One question's reviews, counted."""

    total: int
    correct: int
    recent: int  # since the time asked for


class PlanRow(NamedTuple):
    exam: str  # YYYY-MM-DD
    minutes: int | None
    retention: float
    filters: dict[str, Any]
    parameters: tuple[float, ...] | None
    created_at: datetime


class ReviewLogRow(NamedTuple):
    """One review as the FSRS optimizer reads it: the card's id, grade, time, duration."""

    card_id: int
    grade: int
    reviewed_at: datetime
    duration_ms: int | None


class Store:
    """An open progress database. Use `Store.open(path)`; close with `close()` or `with`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, create: bool = True) -> Store:
        try:
            return cls._open(path, create)
        except OSError as e:  # a name too long for the file system, a path through a file
            raise StoreError(f"cannot use {path} for progress: {e.strerror or e}") from None

    @classmethod
    def _open(cls, path: Path, create: bool) -> Store:
        shown = str(path)
        if path.exists():
            if path.is_dir():
                raise StoreError(f"{shown} is a folder, not a progress database")
            if not stat.S_ISREG(os.stat(path).st_mode):
                # SQLite would write "<path>-journal" beside a device such as /dev/null.
                raise StoreError(f"{shown} is not a regular file (a device or FIFO); use --db FILE")
            _check_header(path)
        elif create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create {path.parent} for progress: {e.strerror}") from e
        elif not path.parent.is_dir():
            raise StoreError(
                f"cannot keep progress in {shown}: folder {path.parent} does not exist"
            )
        try:
            db = sqlite3.connect(path, timeout=10, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open progress database {shown}: {e}") from e
        store = cls(db, path)
        try:
            store._prepare()
        except sqlite3.DatabaseError as e:
            db.close()
            if "full" in str(e):
                raise StoreError(f"the disk is full: cannot open {shown} ({e})") from e
            raise StoreError(
                f"{shown} is not a usable progress database ({e}); move it aside or use --db"
            ) from e
        except StoreError:
            db.close()
            raise
        return store

    def _prepare(self) -> None:
        db = self.db
        db.execute("PRAGMA busy_timeout = 10000")
        # One statement, one snapshot: another pkus may be creating the file right now, and
        # reading its id before and its version after that commit would look foreign.
        app_id, version, tables = db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id()),"
            " (SELECT user_version FROM pragma_user_version()),"
            " (SELECT count(*) FROM sqlite_master)"
        ).fetchone()
        shown = str(self.path)
        if app_id != APPLICATION_ID and tables:
            raise StoreError(
                f"{shown} is an SQLite database, but not a pkus progress file; "
                "it was left untouched (choose another file with --db)"
            )
        if app_id != APPLICATION_ID and version:
            raise StoreError(
                f"{shown} is an SQLite database of another program (user_version {version}), "
                "not a pkus progress file; it was left untouched (choose another file with --db)"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{shown} was written by a newer pkus (schema {version}, this one reads up to "
                f"{SCHEMA_VERSION}); upgrade pkus, or use another file with --db"
            )
        if version == SCHEMA_VERSION:
            self._check_schema()  # before anything is written: a damaged file stays as it is
        try:
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as e:  # e.g. a read-only folder
            raise StoreError(f"cannot write progress to {shown}: {e}") from e
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _check_schema(self) -> None:
        for table, columns in _SCHEMA.items():
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if not have:
                raise StoreError(
                    f"{self.path} is damaged (table '{table}' is missing); it was left untouched"
                )
            missing = sorted(set(columns) - have)
            if missing:
                raise StoreError(
                    f"{self.path} is damaged (table '{table}' lacks {', '.join(missing)}); "
                    "it was left untouched"
                )

    def writable(self) -> None:
        """Refuse, before the first question, a store whose answers could not be saved."""
        folder = self.path.parent
        if not os.access(self.path, os.W_OK) or not os.access(folder, os.W_OK):
            raise StoreError(f"{self.path} is read-only: answers could not be saved")

    def _migrate(self, version: int) -> None:
        try:
            with self.transaction() as db:
                current = db.execute("PRAGMA user_version").fetchone()[0]
                for n, step in enumerate(MIGRATIONS[current:], start=current + 1):
                    step(db)
                    db.execute(f"PRAGMA user_version = {n}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot write progress to {self.path}: {e}") from e

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction: taken at once (BEGIN IMMEDIATE) so two quizzes queue."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise StoreError(f"progress database {self.path} is busy or read-only: {e}") from e
        try:
            yield self.db
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            # A full disk, a read-only file, a file damaged under us: nothing of this
            # transaction is kept, everything committed before it is.
            self._rollback()
            raise StoreError(f"cannot save progress to {self.path}: {e}") from e
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # The transaction may already have ended: SQLite rolls back some errors itself.
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------

    def schedules(self) -> dict[str, ScheduleRow]:
        """Every question's FSRS state, by question id."""
        rows = self.db.execute("SELECT id, item_id, card_json, due, reps, lapses FROM cards")
        out = {}
        for r in self._rows(rows):
            try:
                json.loads(r[2])
                out[r[1]] = ScheduleRow(r[0], r[1], r[2], parse_iso(r[3]), r[4], r[5])
            except (ValueError, TypeError) as e:
                raise self._damaged("cards", r[0], e) from None
        return out

    def _rows(self, cursor: sqlite3.Cursor) -> list[Any]:
        try:
            return cursor.fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} is damaged ({e}); it was left untouched") from None

    def _damaged(self, table: str, row: object, e: Exception) -> StoreError:
        return StoreError(
            f"{self.path} is damaged (a bad value in {table} row {row}: {e}); it was left untouched"
        )

    def reviews(self, since: datetime | None = None) -> list[ReviewRow]:
        sql = "SELECT id, item_id, session, reviewed_at, grade, correct, kind FROM reviews"
        args: tuple[str, ...] = ()
        if since is not None:
            sql += " WHERE reviewed_at >= ?"
            args = (iso(since),)
        out = []
        for r in self._rows(self.db.execute(sql + " ORDER BY id", args)):
            try:
                out.append(ReviewRow(r[0], r[1], r[2], parse_iso(r[3]), r[4], bool(r[5]), r[6]))
            except (ValueError, TypeError) as e:
                raise self._damaged("reviews", r[0], e) from None
        return out

    def tally(self, since: datetime) -> dict[str, Tally]:
        """Each question's reviews counted in SQL, never read row by row into Python: all of
        them, those judged correct, and those at or after `since`."""
        rows = self.db.execute(
            "SELECT item_id, COUNT(*), SUM(correct), SUM(reviewed_at >= ?) FROM reviews"
            " GROUP BY item_id",
            (iso(since),),
        )
        return {r[0]: Tally(r[1], r[2], r[3]) for r in self._rows(rows)}

    def failures(self) -> dict[str, int]:
        """How often each question was answered wrong."""
        rows = self.db.execute(
            "SELECT item_id, COUNT(*) FROM reviews WHERE correct = 0 GROUP BY item_id"
        )
        return dict(self._rows(rows))

    def next_due(self, items: set[str] | None = None) -> datetime | None:
        rows = self.db.execute("SELECT item_id, due FROM cards ORDER BY due").fetchall()
        for item_id, due in rows:
            if items is None or item_id in items:
                return parse_iso(due)
        return None

    def attempts(self, kind: str | None = None) -> list[AttemptRow]:
        sql = (
            "SELECT id, kind, question_id, started_at, seconds, minutes_allowed, score, out_of,"
            " words, findings FROM attempts"
        )
        args: tuple[str, ...] = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            args = (kind,)
        out = []
        for r in self._rows(self.db.execute(sql + " ORDER BY started_at, id", args)):
            try:
                out.append(AttemptRow(r[0], r[1], r[2], parse_iso(r[3]), *r[4:]))
            except (ValueError, TypeError) as e:
                raise self._damaged("attempts", r[0], e) from None
        return out

    # --- the study plan and what planning reads ----------------------------------------------

    def plan(self) -> PlanRow | None:
        """The stored study plan, or None."""
        rows = self._rows(
            self.db.execute(
                "SELECT exam, minutes, retention, filters, parameters, created_at FROM plan"
            )
        )
        if not rows:
            return None
        exam, minutes, retention, filters, parameters, created = rows[0]
        try:
            params = tuple(float(x) for x in json.loads(parameters)) if parameters else None
            return PlanRow(exam, minutes, float(retention), dict(json.loads(filters)), params,
                           parse_iso(created))  # fmt: skip
        except (ValueError, TypeError) as e:
            raise self._damaged("plan", 1, e) from None

    def save_plan(self, p: PlanRow) -> None:
        params = json.dumps(list(p.parameters)) if p.parameters is not None else None
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO plan (id, exam, minutes, retention, filters, parameters,"
                " created_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
                (p.exam, p.minutes, p.retention, json.dumps(p.filters, sort_keys=True), params,
                 iso(p.created_at)),
            )  # fmt: skip

    def clear_plan(self) -> bool:
        with self.transaction() as db:
            return db.execute("DELETE FROM plan").rowcount > 0

    def durations_ms(self, limit: int = 500) -> list[int]:
        """The most recent recorded answer times, newest first (for the user's pace)."""
        rows = self.db.execute(
            "SELECT duration_ms FROM reviews WHERE duration_ms > 0 ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [int(r[0]) for r in self._rows(rows)]

    def first_answers(self, limit: int = 500) -> tuple[int, int]:
        """Of the last `limit` questions answered for the first time, how many, and how many
        of those right (read backwards from the newest review, so a long log is not scanned)."""
        rows = self._rows(
            self.db.execute(
                "SELECT count(*), coalesce(sum(correct), 0) FROM (SELECT correct FROM reviews"
                " WHERE card_before IS NULL ORDER BY id DESC LIMIT ?)",
                (limit,),
            )
        )
        return int(rows[0][0]), int(rows[0][1])

    def introduced_since(self, since: datetime) -> set[str]:
        """The questions first answered at or after `since`."""
        # No DISTINCT: with it SQLite walks the item index over the whole log instead of
        # searching the time index for today's few reviews (39 ms -> 0.1 ms at 100,000).
        rows = self.db.execute(
            "SELECT item_id FROM reviews WHERE reviewed_at >= ? AND card_before IS NULL",
            (iso(since),),
        )
        return {str(r[0]) for r in self._rows(rows)}

    def reviews_by_day(self, since: datetime) -> dict[str, int]:
        """Reviews per UTC day (YYYY-MM-DD) since `since`, counted in SQL."""
        rows = self.db.execute(
            "SELECT substr(reviewed_at, 1, 10), count(*) FROM reviews WHERE reviewed_at >= ?"
            " GROUP BY 1",
            (iso(since),),
        )
        return {str(d): int(n) for d, n in self._rows(rows)}

    def study_days(self) -> list[str]:
        """Every UTC day (YYYY-MM-DD) with at least one review, oldest first."""
        rows = self.db.execute("SELECT DISTINCT substr(reviewed_at, 1, 10) FROM reviews ORDER BY 1")
        return [str(r[0]) for r in self._rows(rows)]

    def review_logs(self) -> list[ReviewLogRow]:
        """Every review with its card's id, oldest first, for fitting FSRS parameters."""
        rows = self.db.execute(
            "SELECT c.id, r.grade, r.reviewed_at, r.duration_ms FROM reviews r"
            " JOIN cards c ON c.item_id = r.item_id ORDER BY r.id"
        )
        out = []
        for r in self._rows(rows):
            try:
                out.append(ReviewLogRow(int(r[0]), int(r[1]), parse_iso(r[2]), r[3]))
            except (ValueError, TypeError) as e:
                raise self._damaged("reviews", r[0], e) from None
        return out

    # --- writing ---------------------------------------------------------------------------

    def record_attempt(self, a: AttemptRow, detail: str = "{}") -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO attempts (kind, question_id, started_at, seconds, minutes_allowed,"
                " score, out_of, words, findings, detail) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (a.kind, a.question_id, iso(a.started_at), a.seconds, a.minutes_allowed,
                 a.score, a.out_of, a.words, a.findings, detail),
            )  # fmt: skip
            return int(cur.lastrowid or 0)

    def record(
        self,
        item_id: str,
        session: str,
        now: datetime,
        grade: int,
        correct: bool,
        kind: str,
        duration_ms: int | None,
        schedule: Callable[[str | None, int], tuple[str, datetime]],
    ) -> int:
        """Save one answer and the question's new schedule in one transaction.

        `schedule(card_json_before, card_id)` returns the new card JSON and due time; it runs
        inside the transaction, so two quizzes answering the same question never interleave.
        """
        with self.transaction() as db:
            row = db.execute(
                "SELECT id, card_json FROM cards WHERE item_id = ?", (item_id,)
            ).fetchone()
            if row is None:
                card_id = int(
                    db.execute(
                        "INSERT INTO cards (item_id, card_json, due) VALUES (?, '', '')",
                        (item_id,),
                    ).lastrowid
                    or 0
                )
                before = None
            else:
                card_id, before = int(row[0]), str(row[1])
            after, due = schedule(before, card_id)
            lapse = 1 if (before is not None and grade == 1) else 0
            db.execute(
                "UPDATE cards SET card_json = ?, due = ?, reps = reps + 1, lapses = lapses + ? "
                "WHERE id = ?",
                (after, iso(due), lapse, card_id),
            )
            cur = db.execute(
                "INSERT INTO reviews (item_id, session, reviewed_at, grade, correct, kind, "
                "duration_ms, card_before, card_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item_id, session, iso(now), grade, int(correct), kind, duration_ms, before, after),
            )
            return int(cur.lastrowid or 0)

    def undo(self, review_id: int, due_of: Callable[[str], datetime]) -> bool:
        """Remove one review and restore the question's state from before it.

        `due_of(card_json)` reads the due time of a stored FSRS card (the scheduler's
        business, not the store's).
        """
        with self.transaction() as db:
            row = db.execute(
                "SELECT item_id, card_before, grade FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                return False
            item_id, before, grade = row
            db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            if before is None:
                db.execute("DELETE FROM cards WHERE item_id = ?", (item_id,))
            else:
                lapse = 1 if grade == 1 else 0
                db.execute(
                    "UPDATE cards SET card_json = ?, due = ?, reps = max(reps - 1, 0), "
                    "lapses = max(lapses - ?, 0) WHERE item_id = ?",
                    (before, iso(due_of(before)), lapse, item_id),
                )
            return True


def _check_header(path: Path) -> None:
    """Refuse, before SQLite touches it, a non-empty file that is not an SQLite database."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as e:
        raise StoreError(f"cannot read progress database {path}: {e.strerror}") from e
    if not head:
        return  # an empty file: a new database
    if not head.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{path} is not a pkus progress database (not SQLite); it was left untouched "
            "(move it aside, or choose another file with --db)"
        )
    app_id = int.from_bytes(head[68:72], "big") if len(head) >= 72 else 0
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(
            f"{path} is an SQLite database, but not a pkus progress file; it was left untouched "
            "(choose another file with --db)"
        )


def day_start(now: datetime) -> datetime:
    """Midnight (UTC) of `now`'s day, for "reviews today"."""
    return now.astimezone(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)


def week_after(now: datetime) -> datetime:
    return now + timedelta(days=7)
