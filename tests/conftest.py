"""Shared fixtures: an isolated progress database, the tiny pack, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pkus_cli.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
TINY = FIXTURES / "content"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's real progress, cache or content settings."""
    monkeypatch.setenv("PKUS_DB", str(tmp_path / "progress.db"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PKUS_CONTENT", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A writable copy of the tiny fixture pack."""
    dest = tmp_path / "pack"
    shutil.copytree(TINY, dest)
    return dest


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace one exact piece of a file's text, failing loudly if it is not there."""

    def _edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return _edit


class Run:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def run() -> Run:
    return Run()
