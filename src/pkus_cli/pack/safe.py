"""Text from a pack is data, never terminal control: the one place that says so.

A pack may come from anyone. Its strings reach terminals, Markdown, TSV and Anki files, so
the characters that a terminal or a text layout would obey are taken out as the pack is
read: C0 controls except tab and newline, DEL, C1 controls (ESC, CSI, OSC and the rest
begin with these), and the bidirectional overrides and isolates that can make a line
read differently from what it holds. `pkus validate` names each one with file and line.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# unicodedata has no names for the C0 and C1 controls; these are the ones attacks use.
_NAMES = {
    "\x07": "BELL", "\x08": "BACKSPACE", "\x0d": "CARRIAGE RETURN", "\x1b": "ESCAPE",
    "\x7f": "DELETE", "\x9b": "CONTROL SEQUENCE INTRODUCER", "\x9d": "OPERATING SYSTEM COMMAND",
}  # fmt: skip


def clean(text: str) -> str:
    """`text` without control characters; a carriage return becomes nothing."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def describe(text: str) -> str:
    """The control characters in `text`, named: "U+001B (ESCAPE), U+202E (RIGHT-TO-LEFT ...)"."""
    found = dict.fromkeys(CONTROL.findall(text))
    names = [f"U+{ord(c):04X} ({_NAMES.get(c) or unicodedata.name(c, 'CONTROL')})" for c in found]
    return ", ".join(names)
