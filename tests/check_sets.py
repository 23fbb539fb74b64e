"""The fact-checker's measured sets, shared by tests/test_factcheck.py and
benchmarks/check.py: the planted essays and the seed essay, each with its answer key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pkus_cli.factcheck.check import check
from pkus_cli.pack.model import Pack

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "check"
SEED = ROOT.parent / "shared" / "seed" / "pakistan-us-relations.txt"


@dataclass(frozen=True)
class Score:
    name: str
    keyed: frozenset[int]
    flagged: frozenset[int]

    @property
    def hits(self) -> int:
        return len(self.keyed & self.flagged)

    @property
    def precision(self) -> float:
        return self.hits / len(self.flagged) if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.hits / len(self.keyed) if self.keyed else 1.0


def sets() -> list[tuple[str, Path, frozenset[int]]]:
    """(name, file, lines with errors) for every text with a key that is on this machine."""
    out = []
    for key_file in sorted(DATA.glob("*.yaml")):
        key = yaml.safe_load(key_file.read_text(encoding="utf-8"))
        for name, rows in key.items():
            if not isinstance(rows, list) or not rows:
                continue
            path = SEED if name == "seed" else DATA / name
            if path.is_file():
                out.append((name, path, frozenset(int(r["line"]) for r in rows)))
    return out


def score(pack: Pack, name: str, path: Path, keyed: frozenset[int]) -> Score:
    report = check(pack, path.read_text(encoding="utf-8"), name)
    return Score(name, keyed, frozenset(f.line for f in report.findings))
