"""The built wheel carries the content pack, and an installed pkus finds it from anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # hatchling is a test extra, so no network is needed for an isolated build.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
    )  # fmt: skip
    (built,) = out.glob("pkus-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_every_content_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.yaml"))
    assert shipped, "the repository has no content"
    missing = [p for p in shipped if f"pkus_cli/{p}" not in names]
    assert missing == []
    assert "pkus_cli/cli/app.py" in names


@pytest.mark.slow
def test_installed_wheel_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True,
    )  # fmt: skip
    # Dependencies come from this environment; pkus itself only from the wheel.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import pkus_cli.entry as c;"
        "assert c.__file__.startswith(sys.argv[1]), c.__file__;"
        "sys.argv = ['pkus', 'outline', '--json'];\n"
        "try: c.main()\nexcept SystemExit as e: sys.exit(e.code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"number": 8' in result.stdout
