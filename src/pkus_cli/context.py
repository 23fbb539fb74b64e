"""What every command needs, resolved once from options and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from pkus_cli.pack.model import Pack


def default_db_path() -> Path:
    """Where progress lives unless --db or PKUS_DB says otherwise."""
    from platformdirs import user_data_path

    return user_data_path("pkus", appauthor=False) / "progress.db"


@dataclass
class AppContext:
    content_dir: Path | None  # None: the pack that ships with pkus
    db_path: Path | None = None  # None: default_db_path()
    out: Console = field(default_factory=lambda: Console(highlight=False))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))
    _pack: Pack | None = None

    def content_root(self) -> Path:
        if self.content_dir is not None:
            return self.content_dir
        from pkus_cli.pack.paths import builtin_content_dir

        return builtin_content_dir()

    def pack(self) -> Pack:
        """The content pack, loaded on first use (raises ContentError when it is broken)."""
        if self._pack is None:
            from pkus_cli.pack import cache

            self._pack = cache.load(self.content_root())
        return self._pack

    def database(self) -> Path:
        if self.db_path is not None:
            return self.db_path
        env = os.environ.get("PKUS_DB")
        return Path(env) if env else default_db_path()

    @staticmethod
    def now() -> datetime:
        """The current time, UTC; PKUS_NOW (ISO 8601) fixes it, for tests and demos."""
        fixed = os.environ.get("PKUS_NOW")
        if fixed:
            from pkus_cli.errors import PkusError

            try:
                t = datetime.fromisoformat(fixed)
            except ValueError:
                raise PkusError(f"PKUS_NOW is not an ISO 8601 time: {fixed!r}") from None
            return t if t.tzinfo else t.replace(tzinfo=timezone.utc)
        return datetime.now(timezone.utc)
