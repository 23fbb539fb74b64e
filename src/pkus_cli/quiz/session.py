"""A study session as a state machine: the queue, what was answered, undo. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from pkus_cli.progress.srs import Grade
from pkus_cli.quiz.grading import Verdict
from pkus_cli.quiz.questions import Question


@dataclass(frozen=True, slots=True)
class Answered:
    question: Question
    response: str
    verdict: Verdict
    review_id: int | None  # None when nothing was saved (cram)


@dataclass(frozen=True, slots=True)
class DecadeTally:
    answered: int
    correct: int


@dataclass(frozen=True, slots=True)
class Summary:
    answered: int
    correct: int
    by_decade: dict[str, DecadeTally]
    next_due: datetime | None
    remaining: int  # questions planned but not reached
    cram: bool
    close: int = 0  # wrong but near (one year off): counted wrong, shown apart

    def to_dict(self) -> dict[str, object]:
        return {
            "answered": self.answered,
            "correct": self.correct,
            "by_decade": {
                d: {"answered": t.answered, "correct": t.correct} for d, t in self.by_decade.items()
            },
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "remaining": self.remaining,
            "cram": self.cram,
            "close": self.close,
        }


@dataclass
class Session:
    queue: list[Question]
    cram: bool = False
    pos: int = 0
    answered: list[Answered] = field(default_factory=list)

    def current(self) -> Question | None:
        return self.queue[self.pos] if self.pos < len(self.queue) else None

    @property
    def done(self) -> bool:
        return self.pos >= len(self.queue)

    def record(self, response: str, verdict: Verdict, review_id: int | None) -> Answered:
        q = self.current()
        assert q is not None, "no question to answer"
        entry = Answered(q, response, verdict, review_id)
        self.answered.append(entry)
        self.pos += 1
        return entry

    def skip(self) -> None:
        self.pos += 1

    def last(self) -> Answered | None:
        return self.answered[-1] if self.answered else None

    def undo(self) -> Answered | None:
        """Take back the last answer; that question is asked again next."""
        if not self.answered:
            return None
        entry = self.answered.pop()
        # Move the question to just before the cursor (skipped ones may sit in between),
        # then step back onto it, so numbering stays "n of total".
        idx = max(i for i in range(self.pos) if self.queue[i] is entry.question)
        del self.queue[idx]
        self.pos -= 1
        self.queue.insert(self.pos, entry.question)
        return entry

    def overrule(self, review_id: int | None) -> Answered:
        """The student says a wrong verdict was in fact right: it becomes Good."""
        entry = self.answered[-1]
        verdict = replace(entry.verdict, correct=True, grade=Grade.GOOD, note="marked right by you")
        fixed = replace(entry, verdict=verdict, review_id=review_id)
        self.answered[-1] = fixed
        return fixed

    def summary(self, next_due: datetime | None) -> Summary:
        tallies: dict[str, list[int]] = {}
        for a in self.answered:
            t = tallies.setdefault(a.question.decade or "-", [0, 0])
            t[0] += 1
            t[1] += int(a.verdict.correct)
        by_decade = {d: DecadeTally(a, c) for d, (a, c) in sorted(tallies.items())}
        correct = sum(int(a.verdict.correct) for a in self.answered)
        close = sum(a.verdict.note.startswith("close") for a in self.answered)
        return Summary(
            len(self.answered), correct, by_decade, next_due, len(self.queue) - self.pos,
            self.cram, close,
        )  # fmt: skip
