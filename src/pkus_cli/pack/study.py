"""The exam material of a pack: past-paper questions with model outlines, the literature
and the quotations. Plain data, like the rest of the model; `study_loader` reads it."""

from __future__ import annotations

from dataclasses import dataclass

QUESTION_STATUSES = ("past", "likely")
WORK_KINDS = ("memoir", "history", "study", "report", "biography", "journalism")
QUOTE_KINDS = ("speech", "statement", "interview", "letter", "post", "remark", "testimony")


@dataclass(frozen=True, slots=True)
class Argument:
    """One point of a model outline, with the pack's items that back it."""

    point: str
    events: tuple[str, ...]
    people: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    works: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outline:
    thesis: str
    arguments: tuple[Argument, ...]
    counter: str
    way_forward: str
    conclusion: str
    key_dates: tuple[str, ...]  # event ids whose dates an answer should quote

    def event_ids(self) -> tuple[str, ...]:
        """Every event the outline names, in order of first mention."""
        ids = [e for a in self.arguments for e in a.events] + list(self.key_dates)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True, slots=True)
class PaperQuestion:
    """A past-paper question as printed (status "past"), or one pkus wrote ("likely")."""

    id: str
    status: str
    text: str
    themes: tuple[str, ...]  # tag ids
    outline: Outline
    sources: tuple[str, ...]  # past: where the paper's text was read
    exam: str | None = None
    year: int | None = None
    paper: str | None = None
    number: str | None = None
    marks: int | None = None
    uncertain: str | None = None

    @property
    def past(self) -> bool:
        return self.status == "past"

    @property
    def label(self) -> str:
        """ "CSS 2024, Current Affairs, Q4", or "likely question" for pkus's own."""
        if not self.past:
            return "likely question (written by pkus, not a past paper)"
        parts = [f"{self.exam} {self.year}", self.paper or ""]
        if self.number:
            parts.append(f"Q{self.number}")
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Work:
    """A book, memoir or report, with its first edition."""

    id: str
    title: str
    authors: tuple[str, ...]
    year: int
    publisher: str
    kind: str
    about: str
    people: tuple[str, ...]
    events: tuple[str, ...]
    sources: tuple[str, ...]
    note: str | None = None

    @property
    def byline(self) -> str:
        return " and ".join(self.authors)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words as their source records them, with who said them, when, where and why."""

    id: str
    text: str
    speaker: str
    role: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str
    occasion: str
    place: str
    sources: tuple[str, ...]
    person: str | None = None
    event: str | None = None
    reported: bool = False  # someone else's record of what was said, not the words themselves
    note: str | None = None

    @property
    def year(self) -> int:
        return int(self.date[:4])
