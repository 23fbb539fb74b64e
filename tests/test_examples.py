"""Every example that `--help` prints runs, as a user would type it, on the shipped pack."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-09-01T09:00:00+00:00"
ANSWER = (
    "Outline:\n1. Alliances\n\nIn 1954 Pakistan signed the Mutual Defense Assistance Agreement."
    " However, the pacts did not protect it. In conclusion, ties should widen.\n"
)


def _pkus(
    *args: str, env: dict[str, str], cwd: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pkus_cli", *args], input=stdin, capture_output=True, text=True,
        env=env, cwd=cwd, timeout=120, check=False,
    )  # fmt: skip


def commands() -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "pkus_cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    block = out.split("Commands:")[1]
    return [
        line.split()[0] for line in block.splitlines() if line.startswith("  ") and line.split()
    ]


def examples() -> list[str]:
    found = []
    for name in commands():
        text = subprocess.run(
            [sys.executable, "-m", "pkus_cli", name, "--help"], capture_output=True, text=True,
            check=True,
        ).stdout  # fmt: skip
        if "Examples:" in text:
            body = text.split("Examples:")[1]
            found += [
                line.strip()
                for line in body.splitlines()
                if line.strip().startswith(("pkus ", "cat "))
            ]
    return found


@pytest.mark.slow
def test_every_help_example_runs(tmp_path: Path) -> None:
    # A fixed clock: `pkus plan --exam 2027-02-14` must plan to a date still to come.
    env = {**os.environ, "PKUS_DB": str(tmp_path / "p.db"), "NO_COLOR": "1", "PKUS_NOW": NOW}
    for name in ("answer.md", "essay.md", "notes.txt"):
        (tmp_path / name).write_text(ANSWER, encoding="utf-8")
    import shutil

    shutil.copytree(ROOT / "content", tmp_path / "my-pack")  # "pkus validate ./my-pack"
    found = examples()
    assert len(found) >= 40
    failed = []
    for line in found:
        stdin = ANSWER
        if "|" in line:  # "cat notes.txt | pkus check -": the file goes to standard input
            feed, line = (part.strip() for part in line.split("|", 1))
            stdin = (tmp_path / shlex.split(feed)[1]).read_text(encoding="utf-8")
        args = shlex.split(line)[1:]
        if args[:1] == ["mock"]:
            mcqs = "" if "--part" in args and args[args.index("--part") + 1] == "2" else "A\n" * 20
            stdin = mcqs + "1\n" + ANSWER
        r = _pkus(*args, env=env, cwd=tmp_path, stdin=stdin)
        ok = r.returncode == 0 or (args[:1] == ["check"] and r.returncode == 1)
        if not ok or "Traceback" in r.stderr:
            failed.append(f"{line}: exit {r.returncode}: {r.stderr.strip()[:200]}")
    assert failed == []
