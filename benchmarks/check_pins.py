"""Say whether the Typer cap (<0.29, see pyproject.toml) is still needed.

    python benchmarks/check_pins.py

Downloads the metadata of the newest Typer from PyPI (no install) and warns when it no
longer requires pydantic, the reason for the cap (pydantic adds about 200 ms to every
start). Exits 0 either way: this is advice for a maintainer, not a gate.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, "typer"],
            check=True,
        )
        wheel = next(Path(tmp).glob("typer-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
            text = zf.read(meta).decode()
    requires = [line for line in text.splitlines() if line.startswith("Requires-Dist:")]
    pydantic = [r for r in requires if "pydantic" in r.lower() and "extra ==" not in r]
    print(f"newest Typer: {wheel.name}")
    if pydantic:
        print(f"the cap is still needed: it requires {pydantic[0].split(':', 1)[1].strip()}")
    else:
        print("WARNING: the newest Typer no longer requires pydantic; the <0.29 cap in")
        print("pyproject.toml can be lifted (re-run benchmarks/startup.py after lifting it)")


if __name__ == "__main__":
    main()
