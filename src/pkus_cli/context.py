"""What every command needs, resolved once from the options and the environment.

This is the only place that reads PKUS_CONTENT, PKUS_DB and PKUS_NOW. It loads nothing:
commands load the pack themselves (`commands.load`), so reading it is a visible step.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pkus_cli.progress.store import Store

from rich.console import Console

from pkus_cli.errors import PkusError, UsageError


def default_db_path() -> Path:
    """Where progress lives unless --db or PKUS_DB says otherwise."""
    from platformdirs import user_data_path

    return user_data_path("pkus", appauthor=False) / "progress.db"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def content_dir(option: Path | None) -> Path:
    """The pack to use: --content, else PKUS_CONTENT, else the one that ships with pkus."""
    chosen = option or _env_path("PKUS_CONTENT")
    if chosen is None:
        from pkus_cli.pack.paths import builtin_content_dir

        return builtin_content_dir()
    try:
        if chosen.exists() and not chosen.is_dir():
            raise UsageError(f"--content takes a folder, and {chosen} is a file")
    except OSError as e:  # a name too long for the file system, a path through a file
        raise UsageError(f"cannot use {chosen} as the content folder: {e.strerror or e}") from None
    return chosen


def _fixed_now() -> datetime | None:
    fixed = os.environ.get("PKUS_NOW")
    if not fixed:
        return None
    try:
        t = datetime.fromisoformat(fixed)
    except ValueError:
        raise PkusError(f"PKUS_NOW is not an ISO 8601 time: {fixed!r}") from None
    t = t if t.tzinfo else t.replace(tzinfo=timezone.utc)
    # The scheduler works in UTC and schedules years ahead: keep the clock where both hold.
    if not 1970 <= t.year <= 2200:
        raise PkusError(f"PKUS_NOW must be a time between 1970 and 2200, got {fixed!r}")
    return t.astimezone(timezone.utc)


@dataclass(frozen=True)
class AppContext:
    """Where content and progress live, the two consoles, and the clock."""

    content_dir: Path
    db_option: Path | None  # --db or PKUS_DB; None: the user data folder
    # No markup and no emoji codes: a string is shown as the characters it holds, so a
    # pack's "[link=file:///etc/passwd]" or ":warning:" stays text (styles come from Text).
    out: Console = field(
        default_factory=lambda: Console(highlight=False, markup=False, emoji=False)
    )
    err: Console = field(
        default_factory=lambda: Console(stderr=True, highlight=False, markup=False, emoji=False)
    )
    fixed_now: datetime | None = None  # PKUS_NOW, for tests and demos

    @classmethod
    def create(cls, content: Path | None = None, db: Path | None = None) -> AppContext:
        return cls(
            content_dir=content_dir(content),
            db_option=db or _env_path("PKUS_DB"),
            fixed_now=_fixed_now(),
        )

    @property
    def db_path(self) -> Path:
        # Resolved on use: platformdirs costs start-up time that outline never needs.
        return self.db_option or default_db_path()

    def open_store(self, writing: bool = False) -> Store:
        """The progress store. Only the default data folder is created; with `writing`, a
        store that cannot take answers is refused before any question is asked."""
        from pkus_cli.progress.store import Store

        store = Store.open(self.db_path, create=self.db_option is None)
        if writing:
            try:
                store.writable()
            except BaseException:
                store.close()
                raise
        return store

    def now(self) -> datetime:
        """The current time, UTC (or PKUS_NOW)."""
        return self.fixed_now or datetime.now(timezone.utc)

    def print_json(self, data: Any) -> None:
        """JSON on stdout as-is: sorted keys, real Unicode, no Rich wrapping or markup."""
        self.out.file.write(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
