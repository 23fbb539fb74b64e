"""Why Typer is capped below 0.29, checked: starting pkus must not import pydantic.

`python benchmarks/check_pins.py` looks at the newest Typer on PyPI and says when the
reason for the cap no longer holds.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import requires, version

import pytest


def test_installed_typer_is_within_the_cap() -> None:
    major, minor = (int(x) for x in version("typer").split(".")[:2])
    assert (major, minor) < (0, 29), "the cap in pyproject.toml was lifted: re-measure start-up"
    needs = [r for r in (requires("typer") or []) if r.lower().startswith("pydantic")]
    assert needs == []


@pytest.mark.slow
def test_pkus_help_never_imports_pydantic() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pkus_cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "pydantic" not in result.stderr
