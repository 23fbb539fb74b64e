"""One function per kind of error a candidate makes; each returns the findings of a sentence.

Every rule leans towards silence: a sentence is flagged only when it clearly ties a name
to a year, an office or a heading that the pack contradicts. A hedge ("later renamed",
"before it became") or a reading the pack records as disputed keeps a sentence unflagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pkus_cli.factcheck.index import (
    OFFICES,
    YEAR,
    Anchor,
    EventPrint,
    FactIndex,
    PersonNames,
    amounts,
    stems,
)
from pkus_cli.factcheck.text import Sentence
from pkus_cli.pack.basics import MONTHS


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
    r"successor|before it|what became|subsequently|eventually|unlike|compared|whereas|than|"
    r"earlier|previous|prior)\b",
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


_MONTH_RE = "|".join(MONTHS)
# What leads up to a year that dates the clause it is in: "in 1955", "in September 1954",
# "on 15 October 2009", "by early 1990".
_LEAD = re.compile(
    rf"\b(?:in|on|by|during|until|from|since|of)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:\d{{1,2}}\s+)?(?:(?:{_MONTH_RE})\s+)?(?:\d{{1,2}},?\s+)?$",
    re.IGNORECASE,
)
_UNBIND = re.compile(r"\b(?:while|whereas|but|after|since|following|when|than)\b", re.I)


def _years_near(s: str, a: Anchor, start: int, end: int) -> list[tuple[int, int, int]]:
    """Years that date the clause of s[start:end]: (year, distance, position), those after
    the name first. A year that modifies another noun ("the 1963 border agreement", "his
    2000 visit"), or sits across a semicolon, another dated name or a "but", is not its."""
    out = []
    for m in YEAR.finditer(s):
        if m.start() >= end:
            gap, after = s[end : m.start()], True
        elif m.end() <= start:
            gap, after = s[m.end() : start], False
        else:
            continue
        if len(gap) > WINDOW or ";" in gap or _UNBIND.search(gap) or YEAR.search(gap):
            continue
        # A comma starts another clause ("in May 1953, signed the Manila Pact"), unless it
        # opens an apposition right after the name ("SEATO, signed in 1954").
        if "," in (gap if not after else gap.lstrip()[1:] if gap.lstrip().startswith(",") else gap):
            continue
        if not _LEAD.search(s[max(0, m.start() - 30) : m.start()]):
            continue  # not "in 1955": a year in a name or before a noun
        if re.match(r"\s+[A-Za-z]", s[m.end() :]) and not re.match(
            r"\s+(?:and|or|to|when|as|it|he|she|they|the|a|Pakistan|India|its)\b", s[m.end() :]
        ):
            continue  # "2000 visit": the year belongs to the noun after it
        out.append((int(m[1]), len(gap) + (0 if after else 40), m.start()))
    return sorted(out, key=lambda x: x[1])


# Nouns that, after a name, take its year for themselves: "the 1956 SEATO Council".
_AFTER_NOUN = (
    r"\s*(?:sanctions?|cut-?off|waivers?|certification|crisis|aid|council|meeting|summit|"
    r"conference|session|talks|visit|review|package|funds?|payments?|reimbursements?|"
    r"talks|dispute|debate|hearing|report|exercise|members?)\b"
)


def _bound(s: str, a: Anchor, m: re.Match[str]) -> tuple[int, str] | None:
    """The year the sentence gives the named thing, and how ("made" or "mentioned")."""
    before = s[max(0, m.start() - 8) : m.start()]
    after = s[m.end() : m.end() + 10]
    tail = s[m.end() : m.end() + 25]
    if y := re.search(r"\b(1[89]\d\d|20\d\d)\s+(?:the\s+)?$", before):
        # "the 2008 Kerry-Lugar-Berman Act" dates the act; "the 1998 Glenn Amendment
        # sanctions" dates the sanctions.
        if re.match(_AFTER_NOUN, tail, re.I):
            return int(y[1]), "mentioned"
        return int(y[1]), "made"
    if y := re.match(r"\s*(?:of|\(|,)\s*(1[89]\d\d|20\d\d)\b", after):
        return int(y[1]), "made"  # "Kerry-Lugar-Berman Act of 2008", "CENTO (1955)"
    near = _years_near(s, a, m.start(), m.end())
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
                # One year in the whole sentence, before the thing existed: "in 1965,
                # Washington suspended aid ... under the Pressler Amendment".
                only = {int(y) for y in YEAR.findall(s.text)}
                led = [y for y in YEAR.finditer(s.text) if _LEAD.search(s.text[: y.start()][-30:])]
                if len(only) == 1 and led and min(only) < a.start - 1 and not hedged:
                    bound = (min(only), "mentioned")
                else:
                    break
            year, how = bound
            # Made or signed: only the year it was made (or a reading the pack records)
            # will do; merely mentioned: any year the pack ties to it.
            allowed = a.created | a.disputed if how == "made" else a.years | a.created
            if year in allowed:
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
)  # longest titles first in OFFICES, so "deputy secretary of state" wins


def offices(s: Sentence, ix: FactIndex) -> list[Finding]:
    """ "Prime Minister Ayub Khan": a title before a name that never held it, or not then."""
    out = []
    years = {int(y) for y in YEAR.findall(s.text)}
    for p in ix.people:
        for m in p.pattern.finditer(s.text):
            before = s.text[max(0, m.start() - 30) : m.start()]
            t = _TITLE.search(before)
            if t is None:
                continue
            title = " ".join(t[1].lower().split())
            if title == "president" and re.search(r"\bvice[\s-]+$", before[: t.start()], re.I):
                continue
            if title == "secretary of state" and re.search(
                r"\bdeputy\s+$", before[: t.start()], re.I
            ):
                title = "deputy secretary of state"
            wants = OFFICES.get(title, (title,))
            held = [
                (a, b)
                for r, a, b in p.roles
                if any(re.search(rf"(?<!vice )(?<!deputy ){w}\b", r.lower()) for w in wants)
            ]
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
        # Every year the pack ties to it must fall outside the heading: a law of 1985 that
        # bit in 1990 belongs in a section on the 1990s too.
        named = any(p.search(s.text) for p in a.patterns)
        if named and a.years and not any(lo <= y <= hi for y in a.years):
            when = ", ".join(str(y) for y in sorted(a.own_years or a.years)[:4])
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


_SAID = re.compile(
    r"\b(?:said|says|declared|remarked|told|wrote|warned|stated|proclaimed|famously|"
    r"according to|in the words of|words of|quipped|announced)\b",
    re.IGNORECASE,
)
RUN = 6  # words of a quotation in a row that identify it


def _who(s: str, ix: FactIndex) -> list[PersonNames]:
    return [p for p in ix.people if p.pattern.search(s)]


def books(s: Sentence, ix: FactIndex) -> list[Finding]:
    """A book given to the wrong author, or to the wrong year."""
    out = []
    for b in ix.books:
        m = b.title.search(s.text)
        if m is None:
            continue
        w = b.work
        named = [p for p in _who(s.text, ix) if p.name not in w.authors and p.id not in w.people]
        by = re.search(r"\bby\s+((?:[A-Z][\w.'-]+\s?){1,4})", s.text[m.end() : m.end() + 60])
        authors = " ".join(w.authors).lower()
        wrong_by = by and not any(
            part.lower() in authors for part in by[1].split() if len(part) > 3
        )
        if named and (by or re.search(r"\b(?:wrote|written|authored|memoir|'s)\b", s.text)):
            who = named[0].name
            out.append(
                Finding(s.line, "work", f"{m[0]} ... {who}",
                        f"{w.title} is by {w.byline} ({w.publisher}, {w.year}).",
                        f"work:{w.id}", w.sources, s.text)
            )  # fmt: skip
        elif wrong_by and by:
            out.append(
                Finding(s.line, "work", f"{m[0]} by {by[1].strip()}",
                        f"{w.title} is by {w.byline} ({w.publisher}, {w.year}).",
                        f"work:{w.id}", w.sources, s.text)
            )  # fmt: skip
        else:
            y = re.match(r"\s*[(,]\s*(?:published\s+in\s+)?(1[89]\d\d|20\d\d)\b", s.text[m.end() :])
            noted = {int(x) for x in YEAR.findall(w.note or "")}
            if y and int(y[1]) != w.year and int(y[1]) not in noted:
                out.append(
                    Finding(s.line, "work", f"{m[0]} ... {y[1]}",
                            f"{w.title} was first published in {w.year} ({w.publisher}).",
                            f"work:{w.id}", w.sources, s.text)
                )  # fmt: skip
    return out


def sayings(s: Sentence, ix: FactIndex) -> list[Finding]:
    """A quotation put in the wrong mouth, or in the wrong year."""
    from pkus_cli.factcheck.index import fold_words

    have = fold_words(s.text)
    if len(have) < RUN:
        return []
    grams = {tuple(have[i : i + RUN]) for i in range(len(have) - RUN + 1)}
    out = []
    for say in ix.sayings:
        q = say.quote
        runs = {tuple(say.words[i : i + RUN]) for i in range(len(say.words) - RUN + 1)}
        if not runs & grams:
            continue
        others = [
            p for p in _who(s.text, ix)
            if p.name != q.speaker and p.id != q.person and not p.pattern.search(q.text)
        ]  # fmt: skip
        years = {int(y) for y in YEAR.findall(s.text)} - {int(y) for y in YEAR.findall(q.text)}
        noted = {int(y) for y in YEAR.findall(q.note or "")}
        quoted = bool(re.search(r"[\"\u201c\u201d]", s.text))
        if (
            quoted
            and others
            and _SAID.search(s.text)
            and not any(p.pattern.search(q.speaker) for p in others)
        ):
            out.append(
                Finding(s.line, "quote", others[0].name,
                        f"{q.speaker} said it ({q.role}, {q.date}, {q.occasion}; {q.place}).",
                        f"quote:{q.id}", q.sources, s.text)
            )  # fmt: skip
        elif years and q.year not in years and not years & noted and len(years) == 1:
            (y,) = years
            out.append(
                Finding(s.line, "quote", str(y),
                        f"{q.speaker} said it on {q.date} ({q.occasion}; {q.place}).",
                        f"quote:{q.id}", q.sources, s.text)
            )  # fmt: skip
    return out


_FULL_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\s+(1[89]\d\d|20\d\d)\b"
    r"|\b(" + "|".join(MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def _overlap(p: EventPrint, words: frozenset[str], text: str) -> int:
    """How strongly a sentence names an event: shared title words, plus one for a person."""
    return len(p.stems & words) + (1 if any(x.search(text) for x in p.people) else 0)


def event_dates(s: Sentence, ix: FactIndex) -> list[Finding]:
    """A known event given another year: the same day and month ("18 May 1972" for India's
    test of 18 May 1974), or the same sum of money, with the event's own words."""
    words = stems(s.text)
    out = []
    for m in _FULL_DATE.finditer(s.text):
        day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        dm = (int(day), MONTHS.index(month.title()) + 1)
        hits = [p for p in ix.events if p.day_month == dm and _overlap(p, words, s.text) >= 2]
        # The sentence may be about another event of that year ("20 to 23 October 2015").
        same_year = any(
            p.event.year == int(year) and _overlap(p, words, s.text) >= 2 for p in ix.events
        )
        if hits and not same_year:
            e = max(hits, key=lambda p: _overlap(p, words, s.text)).event
            out.append(
                Finding(s.line, "year", m[0], f"{e.title}: {e.display_date}.",
                        f"event:{e.id}", e.sources, s.text)
            )  # fmt: skip
    said = amounts(s.text)
    years = [int(y) for y in YEAR.findall(s.text)]
    if said and len(set(years)) == 1 and not out:
        # A sum is a fingerprint only when it is the sentence's one sum, dated close by,
        # and the event it belongs to is named by its own words too.
        y = years[0]
        close = re.search(rf"\$[^$;()]{{0,40}}\b{y}\b|\b{y}\b[^$;()]{{0,40}}\$", s.text)
        hits = [p for p in ix.events if p.amounts & said and _overlap(p, words, s.text) >= 2]
        other = any(p.event.year == y and _overlap(p, words, s.text) >= 2 for p in ix.events)
        if len(said) == 1 and close and hits and not other:
            e = hits[0].event
            if abs(e.year - y) <= 5:
                out.append(
                    Finding(s.line, "year", f"{', '.join(sorted(said))} ... {years[0]}",
                            f"{e.title}: {e.display_date}. {e.summary}", f"event:{e.id}",
                            e.sources, s.text)
                )  # fmt: skip
    return out


def event_headings(s: Sentence, ix: FactIndex) -> list[Finding]:
    """A known event told, without a year, under a heading of another period."""
    if s.heading is None or YEAR.search(s.text) or _HEDGE.search(s.text):
        return []
    lo, hi = s.heading
    words = stems(s.text)
    scored = sorted(((_overlap(p, words, s.text), p) for p in ix.events), key=lambda x: -x[0])
    if not scored or scored[0][0] < 3 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return []  # nothing named clearly enough, or two events equally well
    best = scored[0][1]
    e = best.event
    if lo <= e.year <= hi:
        return []
    # It must be named by a word few event titles share ("Abbottabad", not "India"), and
    # no event of the heading's own period may fit the sentence nearly as well.
    if not any(ix.title_df.get(w, 0) <= 3 for w in best.stems & words):
        return []
    if any(lo <= p.event.year <= hi and n >= 2 for n, p in scored[1:]):
        return []
    return [
        Finding(s.line, "decade", e.title,
                f"{e.title}: {e.display_date}, not in {lo}-{hi}.", f"event:{e.id}",
                e.sources, s.text)
    ]  # fmt: skip


RULES = (
    dated_names,
    offices,
    misconceptions,
    headings,
    books,
    sayings,
    event_dates,
    event_headings,
)
