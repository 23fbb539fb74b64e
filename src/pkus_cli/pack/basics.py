"""The smallest pieces of the content model: enums, id and date patterns, date display."""

from __future__ import annotations

import re
from enum import Enum

DATE_RE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DECADE_RE = re.compile(r"^(\d{3})0s$")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


class Country(str, Enum):
    PAKISTAN = "pakistan"
    US = "us"
    OTHER = "other"


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
