"""A full-text index of the pack for `pkus search`: SQLite's FTS5, kept beside the compiled
pack, so a search reads the few documents that hold its words instead of every item.

The index only narrows: FTS5 finds the documents where each word starts a token, and
`search` ranks and phrases those exactly as it does a full scan, so both give the same
results. Words FTS5 tokenises differently from `search` ("aq" for "A.Q.", "u2" for
"U-2") do not narrow; with none left, every document is read from the index (still
without decoding the pack's items). Built on the first search after the pack changes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from pkus_cli.views.text import fold, squash

# Bump when the documents `search` builds change, so no old index answers.
INDEX_RULES = 4
Row = tuple[str, str, str, list[str], list[list[str]]]  # kind, id, title, names, body fields
# A row without its body, its names folded and squashed as `search` matches them: all a
# match in a name needs to be ranked.
Head = tuple[str, str, str, list[str]]


def _narrowing(word: str) -> bool:
    """Whether FTS5 sees `word` as `search` does: not initials, not a letter and digits."""
    if word.isalpha() and 2 <= len(word) <= 4:
        return False
    return re.fullmatch(r"[a-z]\d+", word) is None


def build(path: Path, rows: Iterator[Row], kinds: tuple[str, ...]) -> None:
    """Write the index to a new file, then rename it into place in one step. `kinds` is the
    order of kinds on equal matches, kept so the database can order plain matches itself."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    db = sqlite3.connect(tmp)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(names, body, doc UNINDEXED, head UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        # kind and short: how `search` orders matches of equal standing (its kind, then its
        # shortest name), so the database can order plain matches as it would.
        db.execute(
            "CREATE TABLE meta (n INTEGER PRIMARY KEY, ident TEXT, kind INTEGER, short INTEGER)"
        )
        db.execute("CREATE VIRTUAL TABLE vocabulary USING fts5vocab(docs, 'row')")
        for n, row in enumerate(rows):
            kind, ident, _, names, body = row
            db.execute(
                "INSERT INTO docs (rowid, names, body, doc, head) VALUES (?, ?, ?, ?, ?)",
                (
                    n,
                    fold(" ".join(names)),
                    fold(" ".join(t for _, t in body)),
                    json.dumps(row),
                    json.dumps([kind, ident, row[2], [squash(fold(x)) for x in names]]),
                ),
            )
            short = min((len(squash(fold(x))) for x in names), default=999)
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?)", (n, ident, kinds.index(kind), short))
        db.execute("CREATE INDEX meta_ident ON meta(ident)")
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)


class Index:
    """An index file opened read-only: candidates for words, and the pack's vocabulary."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def close(self) -> None:
        self.db.close()

    @staticmethod
    def narrows(words: tuple[str, ...]) -> bool:
        """Whether every word is one FTS5 reads as `search` does (see `_narrowing`)."""
        return all(_narrowing(w) for w in words)

    def _rows(self, sql: str, args: tuple[object, ...]) -> list[tuple[int, Row]]:
        return [(n, tuple(json.loads(doc))) for n, doc in self.db.execute(sql, args)]

    def candidates(self, words: tuple[str, ...]) -> list[tuple[int, Row]]:
        """(position, document) of every document that may hold all `words`."""
        narrow = [w for w in words if _narrowing(w)]
        if not narrow:
            return self._rows("SELECT rowid, doc FROM docs ORDER BY rowid", ())
        sql = "SELECT rowid, doc FROM docs WHERE docs MATCH ? ORDER BY rowid"
        return self._rows(sql, (_all(narrow),))

    def named(self, words: tuple[str, ...]) -> tuple[list[tuple[int, Head]], set[int]]:
        """Documents holding every word, one at least in a name, without their bodies (a
        common word is in thousands of names, and ranking them needs only the names); and
        those whose id the words spell, which may hold none in a name (their positions are
        returned too). With `narrows(words)`, these are all that can rank above the rest."""
        sql = "SELECT rowid, head FROM docs WHERE docs MATCH ? ORDER BY rowid"
        query = f"({_all(words)}) AND ({_in_names(words)})"
        got = {n: tuple(json.loads(head)) for n, head in self.db.execute(sql, (query,))}
        by_id: set[int] = set()
        ident = "-".join(words)
        for (n,) in self.db.execute("SELECT n FROM meta WHERE ident = ?", (ident,)).fetchall():
            if n not in got:
                (head,) = self.db.execute("SELECT head FROM docs WHERE rowid = ?", (n,)).fetchone()
                got[n] = tuple(json.loads(head))
                by_id.add(n)
        return sorted(got.items()), by_id

    def rows(self, positions: list[int]) -> dict[int, Row]:
        """Whole documents by position."""
        out: dict[int, Row] = {}
        for start in range(0, len(positions), 500):  # SQLite's limit on bound values
            some = positions[start : start + 500]
            sql = f"SELECT rowid, doc FROM docs WHERE rowid IN ({','.join('?' * len(some))})"
            out.update((n, tuple(json.loads(doc))) for n, doc in self.db.execute(sql, some))
        return out

    def plain(self, words: tuple[str, ...], skip: int, take: int) -> list[tuple[int, Row]]:
        """Documents holding every word in their text but none in a name, in the order
        `search` gives them (kind, shortest name, pack order): `take` after the first `skip`."""
        sql = (
            "SELECT d.rowid, d.doc FROM docs d JOIN meta m ON m.n = d.rowid"
            " WHERE docs MATCH ? ORDER BY m.kind, m.short, d.rowid LIMIT ? OFFSET ?"
        )
        return self._rows(sql, (_plain(words), take, skip))

    def count_plain(self, words: tuple[str, ...]) -> int:
        sql = "SELECT count(*) FROM docs WHERE docs MATCH ?"
        return int(self.db.execute(sql, (_plain(words),)).fetchone()[0])

    def vocabulary(self) -> set[str]:
        """Every word of four letters or more in the pack, for reading a typo."""
        cur = self.db.execute("SELECT term FROM vocabulary WHERE length(term) >= 4")
        return {t for (t,) in cur}


# Queries: words are \w+ runs, so quoting them needs no escaping.
def _all(words: list[str] | tuple[str, ...]) -> str:
    return " AND ".join(f'"{w}"*' for w in words)


def _in_names(words: tuple[str, ...]) -> str:
    return " OR ".join(f'names : "{w}"*' for w in words)


def _plain(words: tuple[str, ...]) -> str:
    return f"({_all(words)}) NOT ({_in_names(words)})"


def open_index(
    path: Path, rows: Callable[[], Iterator[Row]], kinds: tuple[str, ...]
) -> Index | None:
    """The index at `path`, built first when missing; None when it cannot be had (a
    read-only cache folder, a damaged file), and the caller scans instead."""
    try:
        if not path.exists():
            build(path, rows(), kinds)
        return Index(path)
    except (OSError, sqlite3.Error, ValueError):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
