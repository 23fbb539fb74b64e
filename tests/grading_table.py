"""The grading table (tests/data/grading.yaml) as the quiz sees it: shared by the test and
by benchmarks/grading.py, so both judge the rows the same way."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from pkus_cli.pack import cache
from pkus_cli.pack.model import Pack
from pkus_cli.quiz import grading
from pkus_cli.quiz.questions import Kind, Maker, Question
from pkus_cli.views.subjects import Subject

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "grading.yaml"
CONTENT = ROOT / "content"


@dataclass(frozen=True)
class Row:
    card: str
    response: str
    right: bool
    why: str


def rows() -> list[Row]:
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return [Row(**r) for r in data["rows"]]


class Judge:
    """Typed questions for the shipped cards, phrased once, judged as the quiz judges them."""

    def __init__(self, pack: Pack | None = None) -> None:
        self.pack = pack or cache.load(CONTENT)
        self.maker = Maker(self.pack, random.Random(0))
        self.cards = {c.id: c for c in self.pack.cards()}
        self._questions: dict[str, Question] = {}

    def question(self, card_id: str) -> Question:
        if card_id not in self._questions:
            c = self.cards[card_id]
            subject = Subject(f"card:{c.id}", (Kind.TYPED,), c.decade, ())
            self._questions[card_id] = self.maker.make(subject, Kind.TYPED)
        return self._questions[card_id]

    def verdict(self, row: Row) -> grading.Verdict:
        return grading.judge(self.question(row.card), row.response)
