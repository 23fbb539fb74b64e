"""One function per kind of error a candidate makes; each returns the findings of a sentence.

Every rule leans towards silence: a sentence is flagged only when it clearly ties a name
to a year, an office or a heading that the pack contradicts. A hedge ("later renamed",
"before it became") or a reading the pack records as disputed keeps a sentence unflagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pkus_cli.factcheck.index import OFFICES, YEAR, Anchor, FactIndex
from pkus_cli.factcheck.text import Sentence


@dataclass(frozen=True, slots=True)
class Finding:
    line: int
    kind: str  # year, anachronism, office, misconception, decade, quote, work
    wrong: str  # the words in the text that are wrong
    fact: str  # what the pack says
    item: str  # the pack item it rests on ("term:cento", "correction:...")
    sources: tuple[str, ...]
    sentence: str
    about: str | None = None  # a misconception: the item its correction is about


_HEDGE = re.compile(
    r"\b(?:later|renamed|became|become|would|until|forerunner|predecessor|precursor|"
    r"successor|before it|what became|subsequently|eventually)\b",
    re.IGNORECASE,
)
_CREATE = re.compile(
    r"\b(?:join(?:ed|s|ing)?|sign(?:ed|s|ing)?|creat(?:ed|es|ing)|found(?:ed|ing)|"
    r"form(?:ed|ing)|enact(?:ed|s|ing)|pass(?:ed|es)|establish(?:ed|es|ing)|launch(?:ed|es)|"
    r"adopt(?:ed|s)|conclud(?:ed|es)|set up|came into force|entered into force|"
    r"introduc(?:ed|es))\b",
    re.IGNORECASE,
)
WINDOW = 70  # characters between a name and a year that still bind them


def _years_near(s: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Years within WINDOW characters of s[start:end], not across a sentence break or
    semicolon, with their distance: (year, distance, position)."""
    out = []
    for m in YEAR.finditer(s):
        if m.start() >= end:
            gap = s[end : m.start()]
        elif m.end() <= start:
            gap = s[m.end() : start]
        else:
            continue
        if len(gap) > WINDOW or ";" in gap:
            continue
        # A second name or a clause about something else between them unbinds the year.
        if re.search(r"\b(?:while|whereas|but|after|since|following|when)\b", gap, re.I):
            continue
        out.append((int(m[1]), len(gap), m.start()))
    return sorted(out, key=lambda x: x[1])


def _bound(s: str, a: Anchor, m: re.Match[str]) -> tuple[int, str] | None:
    """The year the sentence gives the named thing, and how ("made" or "mentioned")."""
    before = s[max(0, m.start() - 8) : m.start()]
    after = s[m.end() : m.end() + 10]
    if y := re.search(r"\b(1[89]\d\d|20\d\d)\s+(?:the\s+)?$", before):
        return int(y[1]), "made"  # "the 2008 Kerry-Lugar-Berman Act"
    if y := re.match(r"\s*(?:of|\(|,)\s*(1[89]\d\d|20\d\d)\b", after):
        return int(y[1]), "made"  # "Kerry-Lugar-Berman Act of 2008", "CENTO (1955)"
    near = _years_near(s, m.start(), m.end())
    if not near:
        return None
    year, _, pos = near[0]
    lo, hi = min(pos, m.start()), max(pos, m.end())
    clause = s[max(0, lo - 30) : hi + 30]
    return year, "made" if _CREATE.search(clause) else "mentioned"


def dated_names(s: Sentence, ix: FactIndex) -> list[Finding]:
    out = []
    hedged = bool(_HEDGE.search(s.text))
    for a in ix.anchors:
        for p in a.patterns:
            m = p.search(s.text)
            if m is None:
                continue
            bound = _bound(s.text, a, m)
            if bound is None:
                break
            year, how = bound
            if year in a.years or year in a.created:
                break
            if year < a.start - 1 and not hedged:
                out.append(
                    Finding(s.line, "anachronism", f"{m[0]} ... {year}",
                            f"{a.label} dates from {a.start}. {a.fact}", a.item, a.sources, s.text)
                )  # fmt: skip
            elif how == "made" and not hedged:
                made = " or ".join(str(y) for y in sorted(a.created))
                out.append(
                    Finding(s.line, "year", f"{m[0]} ... {year}",
                            f"{a.label}: {made}. {a.fact}", a.item, a.sources, s.text)
                )  # fmt: skip
            break
    return out


_TITLE = re.compile(
    r"\b(" + "|".join(t.replace(" ", r"\s+") for t in OFFICES) + r")\s+$", re.IGNORECASE
)


def offices(s: Sentence, ix: FactIndex) -> list[Finding]:
    """ "Prime Minister Ayub Khan": a title before a name that never held it, or not then."""
    out = []
    years = {int(y) for y in YEAR.findall(s.text)}
    for p in ix.people:
        for m in p.pattern.finditer(s.text):
            before = s.text[max(0, m.start() - 25) : m.start()]
            t = _TITLE.search(before)
            if t is None:
                continue
            title = " ".join(t[1].lower().split())
            if title == "president" and re.search(r"\bvice[\s-]+$", before[: t.start()], re.I):
                continue
            held = [(a, b) for r, a, b in p.roles if re.search(rf"(?<!vice ){title}\b", r.lower())]
            roles = "; ".join(f"{r} ({a}-{'' if b == 9999 else b})" for r, a, b in p.roles)
            if not held:
                out.append(
                    Finding(s.line, "office", f"{t[1]} {m[0]}",
                            f"{p.name} was never {title}: {roles}", f"person:{p.id}",
                            p.sources, s.text)
                )  # fmt: skip
            elif len(years) == 1:
                (y,) = years
                if not any(a - 1 <= y <= b + 1 for a, b in held):
                    spans = ", ".join(f"{a}-{'' if b == 9999 else b}" for a, b in held)
                    out.append(
                        Finding(s.line, "office", f"{t[1]} {m[0]} ... {y}",
                                f"{p.name} was {title} only in {spans}: {roles}",
                                f"person:{p.id}", p.sources, s.text)
                    )  # fmt: skip
    return out


def misconceptions(s: Sentence, ix: FactIndex) -> list[Finding]:
    out = []
    for k in ix.corrections:
        for p in k.patterns:
            if m := p.search(s.text):
                out.append(
                    Finding(s.line, "misconception", m[0], k.correction,
                            f"correction:{k.id}", k.sources, s.text, k.about)
                )  # fmt: skip
                break
    return out


def headings(s: Sentence, ix: FactIndex) -> list[Finding]:
    """A named thing under a decade heading it does not belong to.

    A sentence that also gives a year inside the heading's span is comparing across time
    ("unlike the 1954 pact, ...") and is left alone; so is a hedged one ("later")."""
    if s.heading is None or _HEDGE.search(s.text):
        return []
    lo, hi = s.heading
    years = [int(y) for y in YEAR.findall(s.text)]
    if any(lo <= y <= hi for y in years):
        return []
    out = []
    for a in ix.anchors:
        named = any(p.search(s.text) for p in a.patterns)
        if named and a.years and not any(lo <= y <= hi for y in a.years):
            when = ", ".join(str(y) for y in sorted(a.years)[:4])
            out.append(
                Finding(s.line, "decade", a.label,
                        f"{a.label} belongs to {when}, not to {lo}-{hi}. {a.fact}",
                        a.item, a.sources, s.text)
            )  # fmt: skip
    if not out and years and min(years) > hi + 1:
        # Something dated after the heading's decade ends, told as part of it.
        out.append(
            Finding(s.line, "decade", ", ".join(str(y) for y in sorted(set(years))),
                    f"this sentence is dated after {lo}-{hi}, the period of its heading",
                    "heading", (), s.text)
        )  # fmt: skip
    return out


RULES = (dated_names, offices, misconceptions, headings)
