"""What the README shows is what the commands print: each `$ pkus ...` console block is
run, and every line it shows (but "..." and the typed answer) is in the real output, in
order."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-09-01T09:00:00+00:00"  # the clock the blocks were run at: plans count days from it
BLOCK = re.compile(r"```console\n\$ (pkus [^\n]*)\n(.*?)```", re.S)
ANSWER = (
    "Pakistan joined SEATO in 1954 and CENTO in 1955, hoping for arms against India.\n"
    "Prime Minister Ayub Khan addressed Congress in July 1961.\n"
    "The Kerry-Lugar-Berman Act of 2009 tripled civilian aid.\n"
)


def blocks() -> list[tuple[str, list[str]]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(cmd.split("#")[0].strip(), body.rstrip("\n").split("\n"))
            for cmd, body in BLOCK.findall(text)]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("command", "shown"), blocks(), ids=[b[0] for b in blocks()])
def test_readme_output_is_real(command: str, shown: list[str], tmp_path: Path) -> None:
    (tmp_path / "answer.md").write_text(ANSWER, encoding="utf-8")
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PKUS_DB": str(tmp_path / "p.db"),
           "PKUS_NOW": NOW}  # fmt: skip
    args = shlex.split(command)[1:]
    stdin = "15/10/2009\n" if args[0] == "quiz" else ""
    r = subprocess.run(
        [sys.executable, "-m", "pkus_cli", *args], input=stdin, cwd=tmp_path,
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    actual = [line.rstrip() for line in r.stdout.splitlines()]
    at = 0
    for line in shown:
        if line.strip() in ("...", "") or " > " in line or line.rstrip().endswith("..."):
            continue  # elided, blank, the typed answer, or a line cut short on purpose
        want = line.rstrip()
        try:
            at = actual.index(want, at) + 1
        except ValueError:
            pytest.fail(f"README shows a line `{command}` does not print: {want!r}")
