"""The mock paper's Part I: multiple-choice questions drawn from the pack, one mark each.

As in the exam hall, the clock runs for the whole part: an answer given after time is up
does not count, and an unanswered question scores nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from pkus_cli.pack.model import Pack
from pkus_cli.quiz.grading import judge
from pkus_cli.quiz.questions import Kind, Maker, Question
from pkus_cli.views.subjects import Index, Subject, catalogue

QUESTIONS = 20
MINUTES = 30


def draw(pack: Pack, rng: random.Random, n: int = QUESTIONS) -> list[Question]:
    """n choice questions, spread over the decades, at most one per subject."""
    ix = Index(pack)
    pool = [s for s in catalogue(pack, ix) if Kind.CHOICE in s.kinds]
    # Round the decades, and within each the kinds (event, person, term), so a paper is
    # not twenty "which of these happened" questions about one decade.
    groups: dict[tuple[str, str], list[Subject]] = {}
    for s in pool:
        groups.setdefault((s.decade, s.id.split(":")[1]), []).append(s)
    for group in groups.values():
        rng.shuffle(group)
    order = sorted(groups, key=lambda k: (k[1], k[0]))
    picked: list[Subject] = []
    while len(picked) < n and any(groups.values()):
        for k in order:
            if groups[k] and len(picked) < n:
                picked.append(groups[k].pop())
    rng.shuffle(picked)
    maker = Maker(pack, rng, ix)
    return [q for s in picked if len((q := maker.make(s, Kind.CHOICE)).options) >= 2]


@dataclass(frozen=True, slots=True)
class Mark:
    question: Question
    response: str | None  # None: not answered in time
    right: bool


def mark(q: Question, response: str | None) -> Mark:
    if response is None:
        return Mark(q, None, False)
    v = judge(q, response)
    return Mark(q, response.strip().upper() if v.valid else response, v.valid and v.correct)
