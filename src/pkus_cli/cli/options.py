"""The options several commands share, as plain data: the Typer app and the fast path
both read this table, so a flag is named, described and completed in one place."""

from __future__ import annotations

from typing import NamedTuple


class Spec(NamedTuple):
    # A NamedTuple, not a dataclass: this module is on the path of every `pkus outline`.
    flags: tuple[str, ...]
    metavar: str
    help: str
    complete: str | None = None  # the name of a function in cli.completion


DECADE = Spec(("--decade", "-d"), "DECADE", "Only this decade (1990s, 90s, 1998).", "decades")
SECTION = Spec(
    ("--section", "-s"),
    "SECTION",
    "Only this outline section (4, estrangement) or subsection (4B).",
    "sections",
)
TAG = Spec(("--tag", "-t"), "TAG", "Only events with this tag.", "tags")
PERSON = Spec(
    ("--person", "-p"), "PERSON", "Only what involves this person (id or name).", "people"
)
EVENT = Spec(
    ("--event", "-e"), "EVENT", "Only the questions that test this event (its id).", "events"
)
YEAR_FROM = Spec(("--from",), "YEAR", "Only events in or after this year.")
YEAR_TO = Spec(("--to",), "YEAR", "Only events in or before this year.")
KIND = Spec(
    ("--kind", "-k"),
    "KIND",
    "flashcard, typed, year, choice, order or first; repeat or comma-separate (default: a mix).",
    "kinds",
)
JSON = Spec(("--json",), "", "Print JSON instead of tables.")
OUTLINE_SECTION = Spec(
    SECTION.flags,
    SECTION.metavar,
    "Expand one section (4, estrangement, or a subsection such as 4B) with its events.",
    "sections",
)
