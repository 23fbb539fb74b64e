"""A document as sentences with the line each starts on, and the decade heading it is under."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING_DECADE = re.compile(r"\b(19[4-9]0|20[0-2]0)s\b")
_HEADING_RANGE = re.compile(r"\b(19[4-9]\d|20[0-2]\d)\s*(?:-|\u2013|to)\s*(19[4-9]\d|20[0-2]\d)\b")
# A sentence ends at . ! or ? followed by a space and a capital, a quote or a digit; not
# after the initials and abbreviations that fill this history ("U.S.", "Gen.", "P.L.").
_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019)]?\s+(?=[\"\u201c\u2018(A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Gen|Lt|Col|Mr|Mrs|Ms|Dr|St|No|Sen|Rep|Gov|Adm|Maj|Capt|Jr|Sr|vs|Co|Inc|"
    r"Sept|Oct|Nov|Dec|Jan|Feb|Aug|Apr|Mar|Jun|Jul|P\.L|U\.S|U\.N|U\.K)\.)$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    line: int  # 1-based line where the sentence starts
    text: str
    heading: tuple[int, int] | None  # the years of the decade heading it is under, if any


def heading_span(line: str) -> tuple[int, int] | None:
    """The years a heading names: "## The 1990s" -> (1990, 1999); "1979-1989: jihad";
    "1970s-1980s" -> (1970, 1989)."""
    decades = [int(d) for d in _HEADING_DECADE.findall(line)]
    if len(decades) >= 2:
        return (min(decades), max(decades) + 9)
    if m := _HEADING_RANGE.search(line):
        a, b = int(m[1]), int(m[2])
        return (a, b) if a <= b else None
    if m := _HEADING_DECADE.search(line):
        start = int(m[1])
        return (start, start + 9)
    return None


def _is_heading(line: str) -> bool:
    s = line.strip()
    if s.startswith("#"):
        return True
    # A short line without a closing stop that names a period or ends in a colon, as
    # answer sheets title their parts ("1990s: Estrangement", "Background:").
    words = s.split()
    if not 0 < len(words) <= 8 or s.endswith((".", "?", "!", ",", ";")):
        return False
    return heading_span(s) is not None or s.endswith(":")


def _level(line: str) -> int:
    """1 for a part ("## The 1990s", "4. 1990s: Estrangement"), 2 for a sub-part."""
    if line.startswith("#"):
        return 1 if len(line) - len(line.lstrip("#")) <= 2 else 2
    return 1 if re.match(r"^(?:\d+|[IVX]+)[.)]\s", line) else 2


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    heading: tuple[int, int] | None = None
    top: tuple[int, int] | None = None
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if not para:
            return
        joined = ""
        starts: list[tuple[int, int]] = []  # (offset in joined, line)
        for line_no, line in para:
            starts.append((len(joined), line_no))
            joined += line.strip() + " "
        pos = 0
        pieces = []
        for m in _END.finditer(joined):
            if _ABBREV.search(joined[: m.start()].rstrip('"\u201d\u2019)')):
                continue
            pieces.append((pos, joined[pos : m.start()]))
            pos = m.end()
        pieces.append((pos, joined[pos:]))
        for offset, piece in pieces:
            if not piece.strip():
                continue
            line_no = max(ln for off, ln in starts if off <= offset)
            out.append(Sentence(line_no, piece.strip(), heading))
        para.clear()

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if _is_heading(line):
            flush()
            span = heading_span(line)
            if _level(line) == 1:
                top = span  # a part of its own: its years, or none
                heading = span
            else:
                heading = span or top  # "A. Diverging interests:" stays in its decade
            continue
        if line.startswith(("- ", "* ", "\u2022 ")) or re.match(r"^\d+[.)]\s", line):
            flush()  # a list item is a sentence of its own
            line = re.sub(r"^(?:[-*\u2022]|\d+[.)])\s+", "", line)
        para.append((n, line))
    flush()
    return out
