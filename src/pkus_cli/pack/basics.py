"""The smallest pieces of the content model: enums, id and date patterns, date display."""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

# ASCII digits only: "\d" would take Arabic-Indic digits, which then sort after 1999.
DATE_RE = re.compile(r"^([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DECADE_RE = re.compile(r"^([0-9]{3})0s$")


def real_date(date: str) -> bool:
    """A content date that exists on the calendar: no 30 February, no 31 April."""
    import datetime

    m = DATE_RE.match(date)
    if not m:
        return False
    year, month, day = m.groups()
    if not day:
        return True
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


class Country(str, Enum):
    PAKISTAN = "pakistan"
    US = "us"
    OTHER = "other"


class Heading(NamedTuple):
    """An event as lists and distractors need it, known without decoding the event."""

    id: str
    date: str  # YYYY[-MM[-DD]]
    title: str

    @property
    def year(self) -> int:
        return int(self.date[:4])


class ItemKind(str, Enum):
    """The kinds of item a card or correction can be about."""

    EVENT = "event"
    PERSON = "person"
    TERM = "term"


def format_date(date: str) -> str:
    """Render a content date for people: '1990-10-01' -> '1 October 1990'."""
    m = DATE_RE.match(date)
    if not m:
        return date
    year, month, day = m.groups()
    if not month:
        return year
    name = MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"
