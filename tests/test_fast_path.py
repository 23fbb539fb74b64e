"""The fast path (outline, decade, timeline) behaves exactly like the Typer app it stands for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pkus_cli.cli import fast

from .conftest import TINY

CASES = [
    ["outline"],
    ["outline", "--json"],
    ["outline", "--section", "2"],
    ["outline", "-s", "estrangement", "--json"],
    ["outline", "--section=9"],
    ["decade"],
    ["decade", "90s"],
    ["decade", "1998", "--json"],
    ["decade", "1880s"],
    ["--content", "/nonexistent", "outline"],
    ["timeline"],
    ["timeline", "--json"],
    ["--content", "/nonexistent", "timeline"],
]


def run(args: list[str], fast_path: bool) -> tuple[int, str, str]:
    env = {**os.environ, "PKUS_CONTENT": str(TINY), "NO_COLOR": "1", "COLUMNS": "90"}
    if not fast_path:
        env["PKUS_NO_FASTPATH"] = "1"
    p = subprocess.run(
        [sys.executable, "-m", "pkus_cli", *args], capture_output=True, text=True, env=env
    )
    return p.returncode, p.stdout, p.stderr


@pytest.mark.slow
@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_fast_path_output_equals_the_typer_app(args: list[str]) -> None:
    assert fast.parse(args) is not None, "the fast path should take this case"
    assert run(args, fast_path=True) == run(args, fast_path=False)


@pytest.mark.parametrize(
    "args",
    [["outline", "--help"], ["outline", "--bogus"], ["outline", "--json", "--json"],
     ["decade", "a", "b"], ["--version"], ["quiz"], ["outline", "--section"], [],
     ["--db", "x.db", "outline"], ["timeline", "--decade", "1990s"], ["timeline", "-t", "x"],
     ["timeline", "--help"]],
)  # fmt: skip
def test_anything_unusual_goes_through_typer(args: list[str]) -> None:
    assert fast.parse(args) is None
