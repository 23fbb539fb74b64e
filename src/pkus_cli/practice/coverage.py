"""How much of a model outline a written answer covers, recognised by what it names.

An argument counts as covered when the answer names one of its events (the event's year
together with one of its people, terms or title words in the same sentence), or two of
its people and terms. Deterministic: names, aliases and years from the pack only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pkus_cli.factcheck import check as factcheck
from pkus_cli.factcheck import text as sentences
from pkus_cli.factcheck.index import YEAR
from pkus_cli.factcheck.rules import Finding
from pkus_cli.pack.basics import MONTHS
from pkus_cli.pack.items import Event
from pkus_cli.pack.model import Pack
from pkus_cli.pack.study import PaperQuestion

_STOP_WORDS = (
    "the a an of and in on to for with by at from as its his her their after before over "
    "into us u.s. pakistan pakistan's united states american first new"
)
_STOP = frozenset(_STOP_WORDS.split())
COUNTER = re.compile(
    r"\b(?:however|on the other hand|critics|counter[- ]?(?:view|argument)|others argue|"
    r"yet|nevertheless|admittedly|conversely)\b",
    re.IGNORECASE,
)
CONCLUSION = re.compile(r"\b(?:in conclusion|to conclude|to sum up|in sum|conclusion)\b", re.I)
WAY_FORWARD = re.compile(r"\b(?:way forward|should|must|recommend|needs? to)\b", re.I)


def _names(text: str) -> re.Pattern[str] | None:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", text.replace(".", "")) if w]
    if not words or len("".join(words)) < 3:
        return None
    return re.compile(r"(?<![\w-])" + r"[\s\-.]*".join(words) + r"(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Point:
    point: str
    covered: bool
    named: tuple[str, ...]  # what the answer named of it


@dataclass(frozen=True, slots=True)
class Coverage:
    question: PaperQuestion
    points: tuple[Point, ...]
    key_dates_quoted: tuple[Event, ...]
    key_dates_missing: tuple[Event, ...]
    structure: tuple[tuple[str, bool], ...]  # (part, present)
    findings: tuple[Finding, ...]
    words: int

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.points)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question.id,
            "words": self.words,
            "covered": self.covered,
            "arguments": len(self.points),
            "points": [
                {"point": p.point, "covered": p.covered, "named": list(p.named)}
                for p in self.points
            ],
            "key_dates_quoted": [e.id for e in self.key_dates_quoted],
            "key_dates_missing": [{"id": e.id, "date": e.date, "title": e.title}
                                  for e in self.key_dates_missing],
            "structure": {part: present for part, present in self.structure},
            "findings": factcheck.Report("answer", 0, self.words, self.findings).to_dict()[
                "findings"
            ],
        }  # fmt: skip


class _Recogniser:
    def __init__(self, pack: Pack) -> None:
        self.people = {p.id: [x for x in self._person_forms(p.name) if x] for p in pack.people()}
        self.terms = {
            t.id: [x for n in (t.term, *t.aliases, *_gloss(t.term)) if (x := _names(n))]
            for t in pack.terms()
        }
        self.events = {e.id: e for e in pack.events()}

    @staticmethod
    def _person_forms(name: str) -> list[re.Pattern[str] | None]:
        words = name.replace(".", "").split()
        forms = [name]
        if len(words) > 2:
            forms.append(" ".join(words[-2:]))
        if len(words) > 1:
            forms += [f"{words[0]} {words[-1]}", words[-1]]
        return [_names(f) for f in forms]

    def person(self, ident: str, text: str) -> bool:
        return any(p.search(text) for p in self.people.get(ident, []))

    def term(self, ident: str, text: str) -> bool:
        return any(p.search(text) for p in self.terms.get(ident, []))

    def event(self, e: Event, sents: list[str]) -> bool:
        """The event's year in a sentence that names it: one of its terms, two names or
        three words of its title, or two words and its month ("August 2021")."""
        year = str(e.year)
        title = {_stem(w) for w in re.findall(r"[A-Za-z][\w'-]+", e.title) if _keep(w)}
        names = {_stem(w) for w in re.findall(r"(?<=\s)[A-Z][\w'-]+", e.title) if _keep(w)}
        month = MONTHS[int(e.date[5:7]) - 1] if len(e.date) >= 7 else None
        for s in sents:
            if year not in s:
                continue
            if any(self.term(t, s) for t in e.terms):
                return True
            words = {_stem(w) for w in re.findall(r"[A-Za-z][\w'-]+", s)}
            shared = len(title & words)
            # Two of the title's names ("Summit", "Democracy"), or three of its words: a
            # sentence about another event of that year shares one name at most.
            if len(names & words) >= 2 or shared >= 3:
                return True
            # Its month and two of its words; a person alone proves little, being in so many.
            if shared >= 2 and month is not None and re.search(rf"\b{month}\b", s, re.I):
                return True
        return False


def _keep(word: str) -> bool:
    return word.lower() not in _STOP and len(word) > 3


def _stem(word: str) -> str:
    """A crude stem, enough to meet "ended" with "ending" and "talks" with "talk"."""
    return word.lower().strip("'\"")[:5]


def _gloss(text: str) -> list[str]:
    m = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", text)
    return [m[1], m[2]] if m else []


def grade(pack: Pack, q: PaperQuestion, answer: str) -> Coverage:
    r = _Recogniser(pack)
    sents = [s.text for s in sentences.sentences(answer)]
    points = []
    for a in q.outline.arguments:
        named: list[str] = []
        events = [r.events[i] for i in a.events if i in r.events]
        named += [f"{e.date[:4]}: {e.title}" for e in events if r.event(e, sents)]
        names = [
            pack_name
            for pid in a.people
            if r.person(pid, answer)
            for pack_name in [next(p.name for p in pack.people() if p.id == pid)]
        ]
        names += [next(t.term for t in pack.terms() if t.id == tid) for tid in a.terms
                  if r.term(tid, answer)]  # fmt: skip
        covered = bool(named) or len(names) >= 2
        points.append(Point(a.point, covered, tuple(named + names)))
    keys = [r.events[i] for i in q.outline.key_dates if i in r.events]
    quoted = tuple(e for e in keys if r.event(e, sents) or _year_with(e, answer))
    missing = tuple(e for e in keys if e not in quoted)
    has_outline = bool(re.search(r"^\s*(?:[-*\u2022]|\d+[.)]|[IVX]+[.)])\s", answer, re.M))
    structure = (
        ("an outline at the start", has_outline),
        ("dated facts", len(set(YEAR.findall(answer))) >= 3),
        ("a counter-view", bool(COUNTER.search(answer))),
        ("a way forward", bool(WAY_FORWARD.search(answer))),
        ("a conclusion", bool(CONCLUSION.search(answer))),
    )
    report = factcheck.check(pack, answer, "answer")
    return Coverage(q, tuple(points), quoted, missing, structure, report.findings,
                    len(answer.split()))  # fmt: skip


def _year_with(e: Event, answer: str) -> bool:
    """A key date counts as quoted when its full date is written out ("15 October 2009")."""
    from pkus_cli.pack.basics import format_date

    return len(e.date) >= 7 and format_date(e.date).lower() in answer.lower()
