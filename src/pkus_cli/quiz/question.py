"""A question as the quiz asks it: plain data, shared by every module that phrases one."""

from __future__ import annotations

from dataclasses import dataclass

from pkus_cli.views.subjects import Kind

LETTERS = "ABCDE"


@dataclass(frozen=True, slots=True)
class Question:
    item_id: str
    kind: Kind
    prompt: str
    answer: str  # the correct answer as shown after answering
    accept: tuple[str, ...] = ()  # other accepted forms (typed)
    options: tuple[str, ...] = ()  # choice / order / first: the lettered options
    key: str = ""  # the expected response: a year, a letter, or letters in order
    decade: str = ""
    date: str | None = None  # the event's date, shown as context
    context: str = ""  # one line on why it matters
    sources: tuple[str, ...] = ()
    about: str = ""  # the event, person or term the question is about, to label its date
    keywords: tuple[str, ...] = ()  # typed explanation cards: the words that make it right
    rivals: tuple[str, ...] = ()  # names a typed answer must not be taken for (same family)
    option_dates: tuple[str, ...] = ()  # choice: when each option happened ("" if unknown)
