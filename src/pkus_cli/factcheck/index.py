"""What the rules look for, built once per pack: dated names, people and their offices,
the corrections' patterns, the works and the quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pkus_cli.pack.model import Pack
from pkus_cli.views.subjects import Index

# Terms that name a datable thing (a law, a pact, an operation) can be checked for their
# year; a term like "ISI" or "Do more" names something whose year in the pack is an era.
DATABLE = re.compile(
    r"\b(?:Act|Amendment|Agreement|Accords?|Treaty|Pact|Declaration|Doctrine|Operation|"
    r"Resolution|Organi[sz]ation|Corridor|Task Force|Memorandum|NSDM|Consortium|Commission|"
    r"Incident|War|Telegram|Section|Ally|Framework|Strategy)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A regex for a name as writers vary it: hyphens or spaces, optional dots, any case.

    An acronym (ISI, SEATO) must be in capitals, or it would match ordinary words."""
    name = name.strip().strip('"')
    if len(name) < 3 or YEAR.fullmatch(name) or not any(c.isupper() for c in name):
        return None
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", name.replace(".", "")) if p]
    body = r"[\s\-]*".join(p.replace(r"\ ", " ") for p in parts)
    body = re.sub(r"([A-Z])(?=[A-Z])", r"\1\\.?", body) if name.isupper() else body
    flags = 0 if name.replace(".", "").replace(" ", "").isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A datable named thing: the names it goes by and the years the pack gives it."""

    item: str  # "term:kerry-lugar-berman-act"
    label: str
    patterns: tuple[re.Pattern[str], ...]
    created: frozenset[int]  # the years it was made, signed or enacted (any reading)
    start: int  # before this year it did not exist
    years: frozenset[int]  # every year the pack ties to it (its events, its definition)
    sources: tuple[str, ...]
    fact: str  # the sourced fact, as shown in a finding


@dataclass(frozen=True, slots=True)
class Office:
    title: str  # "prime minister"
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class PersonNames:
    id: str
    name: str
    pattern: re.Pattern[str]
    roles: tuple[tuple[str, int, int], ...]  # title, first year, last year
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Known:
    """A correction with the patterns that recognise its claim."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    correction: str
    sources: tuple[str, ...]
    about: str | None  # "term:cento": other findings about it in the same sentence yield


OFFICES = (
    "vice president", "secretary of state", "prime minister", "foreign minister",
    "president", "ambassador", "senator", "field marshal",
)  # fmt: skip


@dataclass(frozen=True)
class FactIndex:
    anchors: tuple[Anchor, ...]
    people: tuple[PersonNames, ...]
    corrections: tuple[Known, ...]
    pack: Pack


def _span(years: str) -> tuple[int, int]:
    found = [int(y) for y in re.findall(r"\d{4}", years)]
    if not found:
        return (0, 9999)
    end = 9999 if years.strip().endswith("-") else found[-1]
    return (found[0], end)


def build(pack: Pack) -> FactIndex:
    ix = Index(pack)
    by_name: dict[str, list[int]] = {}
    anchors: list[Anchor] = []
    for t in pack.terms():
        names = [t.term, *t.aliases]
        if m := re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", t.term):
            names += [m[1], m[2]]
        # "Zarb-e-Azb" for "Operation Zarb-e-Azb": writers drop the word.
        names += [n[len("Operation ") :] for n in names if n.startswith("Operation ")]
        if not any(DATABLE.search(n) for n in names):
            continue
        patterns = tuple(pat for n in dict.fromkeys(names) if (pat := name_pattern(n)))
        if not patterns:
            continue
        start, end = _span(t.year)
        created = {start} | (set(range(start, end + 1)) if end - start <= 2 else set())
        events = ix.term_events.get(t.id, [])
        years = {e.year for e in events} | {int(y) for y in YEAR.findall(t.definition)}
        # Where the pack records another reading (an event's note), it is not an error.
        for e in events:
            if e.note:
                years |= {int(y) for y in YEAR.findall(e.note)}
        fact = f"{t.term} ({t.year}): {t.definition}"
        anchors.append(
            Anchor(
                f"term:{t.id}",
                t.term,
                patterns,
                frozenset(created),
                start,
                frozenset(years | created),
                t.sources,
                fact,
            )
        )
        for n in names:
            by_name.setdefault(n.lower(), []).append(len(anchors) - 1)
    # Two terms under one name ("Glenn Amendment" of 1977 and of 1994): either year is right.
    merged = []
    for i, a in enumerate(anchors):
        twins = {j for n, js in by_name.items() for j in js if i in js} - {i}
        if twins:
            both = frozenset(a.created.union(*(anchors[j].created for j in twins)))
            a = Anchor(a.item, a.label, a.patterns, both, min(both), a.years | both,
                       a.sources, a.fact)  # fmt: skip
        merged.append(a)
    people = []
    surnames: dict[str, int] = {}
    for p in pack.people():
        last = p.name.replace(".", "").split()[-1].lower()
        surnames[last] = surnames.get(last, 0) + 1
    for p in pack.people():
        words = [w for w in p.name.replace(".", "").split() if w.lower() not in ("jr", "sr")]
        forms = [p.name, " ".join((words[0], words[-1]))] if len(words) > 1 else [p.name]
        if len(words) > 2:
            forms.append(" ".join(words[-2:]))  # "Ayub Khan" for "Mohammad Ayub Khan"
        if words and surnames.get(words[-1].lower()) == 1 and len(words[-1]) > 3:
            forms.append(words[-1])
        alts = "|".join(
            r"[\s\-]+".join(re.escape(w) for w in f.replace(".", "").split())
            for f in sorted(set(forms), key=len, reverse=True)
        )
        pattern = re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)
        roles = tuple((r.title, *_span(r.years)) for r in p.roles)
        people.append(PersonNames(p.id, p.name, pattern, roles, p.sources))
    corrections = tuple(
        Known(
            c.id,
            tuple(re.compile(x, re.IGNORECASE) for x in c.patterns),
            c.correction,
            c.sources,
            str(c.about) if c.about else None,
        )
        for c in pack.corrections()
        if c.patterns
    )
    return FactIndex(tuple(merged), tuple(people), corrections, pack)
