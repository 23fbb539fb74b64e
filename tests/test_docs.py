"""The README stays true: its first lines give the two commands, and every command is in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pkus_cli.cli.app import app

from .conftest import Run

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
NAMES = sorted(
    (c.name or getattr(c.callback, "__name__", "")).replace("_", "-")
    for c in app.registered_commands
)


def test_first_lines_install_run_and_test() -> None:
    head = "\n".join(README.splitlines()[:8])
    assert "pip install . && pkus outline" in head
    assert 'pip install -e ".[test]" && python3 -m pytest' in head


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet -e ".[test]"' in ci
    assert "python -m pytest -q" in ci
    assert "status -eq 5" in ci


@pytest.mark.parametrize("name", NAMES)
def test_every_command_is_documented_and_has_an_example(run: Run, name: str) -> None:
    assert re.search(rf"`pkus {name}\b", README), f"README does not mention `pkus {name}`"
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.stdout and f"pkus {name}" in result.stdout
