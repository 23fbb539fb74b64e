"""What the rules look for, built once per pack: dated names, people and their offices,
the corrections' patterns, the works and the quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pkus_cli.pack.items import Event
from pkus_cli.pack.model import Pack
from pkus_cli.pack.study import Quote, Work
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
    # The years of the thing itself: its making, and events whose titles name it (Pressler:
    # 1985 and the 1990 cut-off), not every event that mentions it (Doha: not the 2018 talks).
    own_years: frozenset[int] = frozenset()
    disputed: frozenset[int] = frozenset()  # other readings the pack records (event notes)


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


# A title as writers put it before a name, and the words a role held must contain for it.
OFFICES = {
    "deputy secretary of state": ("deputy secretary of state",),
    "secretary of state": ("secretary of state",),
    "vice president": ("vice president",),
    "prime minister": ("prime minister",),
    "foreign minister": ("foreign minister", "minister of foreign affairs"),
    "defense secretary": ("secretary of defense", "defense secretary"),
    "secretary of defense": ("secretary of defense", "defense secretary"),
    "national security adviser": ("national security",),
    "president": ("president",),
    "ambassador": ("ambassador",),
    "senator": ("senator",),
    "field marshal": ("field marshal",),
}


@dataclass(frozen=True, slots=True)
class Book:
    work: Work
    title: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Saying:
    quote: Quote
    words: tuple[str, ...]  # the quotation's words, folded, to find a run of them in a text


_STOP_WORDS = (
    "the a an of and in on to for with by at from as its his her their after before over "
    "into pakistan pakistani pakistan's united states american washington first new "
    "visit visits meets talks calls says years year against about under between during "
    "while there where which that this these those will would south asia central region "
    "regional role relations policy strategic strategy support help military economic"
)
_STOP = frozenset(_STOP_WORDS.split())


def stems(text: str) -> frozenset[str]:
    """Crude stems of the words that carry a title's meaning: "Kissinger's" -> "kissi"."""
    found = re.findall(r"[A-Za-z][A-Za-z'-]+", text)
    return frozenset(w.lower()[:5] for w in found if len(w) > 3 and w.lower() not in _STOP)


def proper_stems(text: str) -> frozenset[str]:
    """Stems of capitalised words after the first: the names in a sentence-case title."""
    found = re.findall(r"(?<=\s)([A-Z][A-Za-z'-]+)", text)
    return stems(" ".join(found))


_AMOUNT = re.compile(r"\$\s?(\d+(?:\.\d+)?)\s*(million|billion|bn|m)\b", re.IGNORECASE)


def amounts(text: str) -> frozenset[str]:
    """Money amounts, normalised: "$3.2 billion" and "$3.2bn" are one."""
    out = set()
    for num, unit in _AMOUNT.findall(text):
        scale = "billion" if unit.lower() in ("billion", "bn") else "million"
        out.add(f"{float(num):g} {scale}")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class EventPrint:
    """What identifies an event in someone else's sentence."""

    event: Event
    stems: frozenset[str]
    names: frozenset[str]  # stems of the title's proper names ("Abbottabad", "Kissinger")
    day_month: tuple[int, int] | None
    amounts: frozenset[str]
    people: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class FactIndex:
    anchors: tuple[Anchor, ...]
    people: tuple[PersonNames, ...]
    corrections: tuple[Known, ...]
    pack: Pack
    books: tuple[Book, ...] = ()
    sayings: tuple[Saying, ...] = ()
    events: tuple[EventPrint, ...] = ()
    title_df: dict[str, int] = field(default_factory=dict)  # stem -> event titles with it


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
        disputed = {int(y) for e in events if e.note for y in YEAR.findall(e.note)}
        years |= disputed
        fact = f"{t.term} ({t.year}): {t.definition}"
        own = set(created) | {
            e.year for e in events if any(pat.search(e.title) for pat in patterns)
        }
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
                frozenset(own),
                frozenset(disputed),
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
            wider = a.years.union(*(anchors[j].years for j in twins))
            a = Anchor(a.item, a.label, a.patterns, both, min(both), wider | both,
                       a.sources, a.fact, a.own_years | both, a.disputed)  # fmt: skip
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
    books = []
    for w in pack.works():
        main = w.title.split(":")[0].strip()
        if len(main.split()) >= 2 and (pat := _title_pattern(main)):
            books.append(Book(w, pat))
    sayings = tuple(Saying(q, tuple(fold_words(q.text))) for q in pack.quotes())
    by_person = {p.id: p.pattern for p in people}
    prints = tuple(
        EventPrint(
            e,
            stems(e.title),
            proper_stems(e.title),
            (int(e.date[8:10]), int(e.date[5:7])) if len(e.date) == 10 else None,
            amounts(f"{e.title} {e.summary}"),
            tuple(by_person[i] for i in e.people if i in by_person),
        )
        for e in pack.events()
    )
    df: dict[str, int] = {}
    for pr in prints:
        for stem in pr.stems:
            df[stem] = df.get(stem, 0) + 1
    return FactIndex(
        tuple(merged), tuple(people), corrections, pack, tuple(books), sayings, prints, df
    )


def fold_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def _title_pattern(title: str) -> re.Pattern[str] | None:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", title) if p]
    if not parts:
        return None
    return re.compile(r"(?<![\w-])" + r"[\s\-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)
