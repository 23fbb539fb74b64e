"""The study loop: ask, read, judge, save at once, teach; in a terminal or from a script.

In a terminal, keys drive it (Enter, 1-4, o to overrule a wrong verdict, u to undo, q to
quit). When standard input is not a terminal, each question reads exactly one line, so
other programs and tests can drive a session; end of input ends it cleanly.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from rich.console import Console, RenderableType
from rich.text import Text

from pkus_cli.pack.model import Pack
from pkus_cli.progress import srs
from pkus_cli.progress.store import Store
from pkus_cli.quiz import grading
from pkus_cli.quiz.questions import Kind, Question
from pkus_cli.quiz.session import Session, Summary
from pkus_cli.quiz.terminal import EndOfInput, read_key, read_line


class Screen(Protocol):
    """How the loop shows a question and its verdict: `render.quiz`, handed in by the caller."""

    def question(self, q: Question, number: int, total: int) -> RenderableType: ...
    def answer_only(self, q: Question, pack: Pack | None = None) -> RenderableType: ...
    def verdict(
        self, q: Question, response: str, v: grading.Verdict, pack: Pack | None = None
    ) -> RenderableType: ...


@dataclass(frozen=True, slots=True)
class LoopOptions:
    interactive: bool
    two_grades: bool = False
    fuzz: bool = True  # FSRS interval fuzzing; off in tests for exact schedules
    retention: float = srs.DEFAULT_RETENTION  # the study plan's desired retention
    parameters: tuple[float, ...] | None = None  # FSRS parameters fitted by pkus plan --optimize


class Quit(Exception):
    """The student pressed q."""


class Loop:
    def __init__(
        self,
        console: Console,
        pack: Pack,
        session: Session,
        store: Store | None,  # None: cram, nothing is saved
        options: LoopOptions,
        now: Callable[[], datetime],
        screen: Screen,
    ) -> None:
        self.screen = screen
        self.out = console
        self.pack = pack
        self.session = session
        self.store = store
        self.opts = options
        self.now = now
        self.session_id = uuid.uuid4().hex[:12]
        self.interrupted = False
        self.stopped = False  # q pressed, or the script's input ended early

    # --- the loop --------------------------------------------------------------------------

    def run(self) -> Summary:
        try:
            while (q := self.session.current()) is not None:
                self._ask(q)
        except (EndOfInput, Quit):
            self.stopped = True
        except KeyboardInterrupt:
            self.interrupted = True
            self.out.print()
        next_due = self.store.next_due() if self.store is not None else None
        return self.session.summary(next_due)

    def _ask(self, q: Question) -> None:
        number, total = self.session.pos + 1, len(self.session.queue)
        self.out.print(self.screen.question(q, number, total))
        started = time.monotonic()
        if q.kind is Kind.FLASHCARD:
            response, verdict = self._flashcard(q)
        else:
            response, verdict = self._answer(q)
        if verdict is None:  # scripted and not an answer: skipped, nothing saved
            self.session.skip()
            return
        duration = int((time.monotonic() - started) * 1000)
        review_id = self._save(q, verdict, duration)
        self.session.record(response, verdict, review_id)
        self.out.print(self.screen.verdict(q, response, verdict, self.pack))
        if self.opts.interactive:
            self._after(q, verdict, duration)

    def _flashcard(self, q: Question) -> tuple[str, grading.Verdict | None]:
        hint = grading.expected_input(q, self.opts.two_grades)
        if not self.opts.interactive:
            self.out.print(self.screen.answer_only(q, self.pack))
            line = read_line()
            if grading.is_quit(line):
                raise Quit
            v = grading.judge(q, line, self.opts.two_grades)
            if not v.valid:
                self.out.print(Text(f"skipped: expected {hint}, got '{line}'", style="yellow"))
                return line, None
            return line, v
        self.out.print(Text("Enter: show the answer · u: undo last · q: quit", style="dim"))
        while (key := read_key()) not in ("\n", " "):
            self._command(key)
        self.out.print(self.screen.answer_only(q, self.pack))
        self.out.print(Text(f"Grade it: {hint} · q: quit", style="dim"))
        while True:
            key = read_key()
            v = grading.judge(q, key, self.opts.two_grades)
            if v.valid:
                return key, v
            if key == "q":
                raise Quit

    def _answer(self, q: Question) -> tuple[str, grading.Verdict | None]:
        hint = grading.expected_input(q)
        if not self.opts.interactive:
            line = read_line()
            if grading.is_quit(line):
                raise Quit
            v = grading.judge(q, line)
            if not v.valid:
                self.out.print(Text(f"skipped: expected {hint}, got '{line}'", style="yellow"))
                return line, None
            return line, v
        prompt = "your answer (Enter if you don't know)" if q.kind is Kind.TYPED else hint
        prompt += " · q quits"
        while True:
            try:
                line = self.out.input(Text(f"{prompt} > ", style="bold"))
            except EOFError:
                raise EndOfInput from None
            if grading.is_quit(line):
                raise Quit
            v = grading.judge(q, line)
            if v.valid:
                return line, v
            self.out.print(Text(f"Please type {hint}.", style="yellow"))

    def _after(self, q: Question, verdict: grading.Verdict, duration: int) -> None:
        can_overrule = q.kind is Kind.TYPED and not verdict.correct
        keys = (
            "Enter: next · u: undo" + (" · o: I was right" if can_overrule else "") + " · q: quit"
        )
        self.out.print(Text(keys, style="dim"))
        while True:
            key = read_key()
            if key in ("\n", " "):
                return
            if key == "o" and can_overrule:
                self._overrule(q, duration)
                return
            if key in ("u", "q"):
                self._command(key)
                return

    def _command(self, key: str) -> None:
        if key == "q":
            raise Quit
        if key == "u":
            entry = self.session.undo()
            if entry is None:
                self.out.print(Text("nothing to undo", style="yellow"))
                return
            if entry.review_id is not None and self.store is not None:
                self.store.undo(entry.review_id, srs.due_of)
            self.out.print(
                Text(f"undone: {entry.question.prompt} (asked again next)", style="yellow")
            )
            raise _Restart

    # --- saving ----------------------------------------------------------------------------

    def _save(self, q: Question, verdict: grading.Verdict, duration: int) -> int | None:
        if self.store is None:
            return None
        now = self.now()
        grade = verdict.grade
        opts = self.opts

        def schedule(before: str | None, card_id: int) -> tuple[str, datetime]:
            card_json = before or srs.new_card(card_id, now)
            return srs.review(
                card_json, grade, now, duration, opts.fuzz, opts.retention, opts.parameters
            )

        return self.store.record(
            q.item_id, self.session_id, now, int(grade), verdict.correct, q.kind.value, duration,
            schedule,
        )  # fmt: skip

    def _overrule(self, q: Question, duration: int) -> None:
        last = self.session.last()
        assert last is not None
        review_id = None
        if self.store is not None and last.review_id is not None:
            self.store.undo(last.review_id, srs.due_of)
            fixed = grading.Verdict(True, True, srs.Grade.GOOD, "marked right by you")
            review_id = self._save(q, fixed, duration)
        entry = self.session.overrule(review_id)
        self.out.print(
            Text(f"Marked right: saved as {entry.verdict.grade.name.title()}.", style="green")
        )


class _Restart(Exception):
    """Undo moved the session back: leave the current question and ask the queue's next."""


def run_loop(loop: Loop) -> Summary:
    """Run a loop, restarting at the undone question whenever the student presses u."""
    while True:
        try:
            return loop.run()
        except _Restart:
            continue
