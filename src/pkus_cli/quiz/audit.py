"""What `pkus validate` checks of the cards as the quiz will ask them.

A typed card must be markable: the quiz has to accept the card's own answer and every
form it lists, and an explanation card's key words must appear in its answer. Cards whose
answers are explanations without key words are asked as flashcards; validate says how
many of each there are.
"""

from __future__ import annotations

import random

from pkus_cli.errors import Problem
from pkus_cli.pack.model import Location, Pack
from pkus_cli.quiz import answers, grading
from pkus_cli.quiz.questions import Kind, Maker
from pkus_cli.views.subjects import Index, Subject


def grading_problems(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    maker = Maker(pack, random.Random(0), Index(pack))
    for c in pack.cards():
        if not c.gradable:
            continue
        q = maker.make(Subject(f"card:{c.id}", (Kind.TYPED,), c.decade, ()), Kind.TYPED)
        found = [
            f"card '{c.id}': the quiz would mark its own answer '{form}' wrong; "
            "reword it, or give the card keywords"
            for form in (c.answer, *c.accept)
            if not grading.judge(q, form).correct
        ]
        if c.keywords and not grading.has_keywords(q, answers.read(c.answer)):
            found.append(f"card '{c.id}': a keyword is missing from its answer")
        if found:
            loc = pack.locations.get(f"card:{c.id}", Location(pack.root, 1))
            problems += [Problem(loc.path, loc.line, message) for message in found]
    return problems


def kinds_of_cards(pack: Pack) -> dict[str, int]:
    """How many cards are typed (graded by the quiz) and how many are self-graded."""
    typed = sum(c.gradable for c in pack.cards())
    return {"typed": typed, "flashcard_only": len(pack.cards()) - typed}
