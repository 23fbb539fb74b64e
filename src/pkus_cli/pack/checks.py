"""Quality rules `pkus validate` adds on top of the loader's schema checks.

A pack that breaks these still loads (a teacher's draft pack is usable), but the shipped
pack must pass them all, so they run in its tests.
"""

from __future__ import annotations

import re

from pkus_cli.errors import Problem
from pkus_cli.pack.basics import MONTHS, Country
from pkus_cli.pack.model import Location, Pack

MIN_EVENTS_PER_SUBSECTION = 3
SUMMARY_WORDS = (150, 300)
TAKEAWAYS = (3, 5)


def quality_problems(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []

    def at(key: str, message: str) -> None:
        loc = pack.locations.get(key, Location(pack.root, 1))
        problems.append(Problem(loc.path, loc.line, message))

    linked: dict[str, int] = {}
    for e in pack.events():
        for code in set(e.sections):
            linked[code] = linked.get(code, 0) + 1
    for s in pack.sections:
        for sub in s.subsections:
            n = linked.get(sub.code, 0)
            if n < MIN_EVENTS_PER_SUBSECTION:
                at(
                    f"section:{sub.code}",
                    f"subsection {sub.code}: {n} linked event(s), needs at least "
                    f"{MIN_EVENTS_PER_SUBSECTION} (list '{sub.code}' in events' sections)",
                )
    days = {e.date[:7] for e in pack.events() if len(e.date) == 10}
    for e in pack.events():
        if len(e.date) == 7 and e.date in days and not e.sort:
            at(
                f"event:{e.id}",
                f"event '{e.id}': {e.date} shares its month with events of known days; give it "
                "a sort day (sort: YYYY-MM-DD) so it is listed where its text puts it",
            )
    have = {d.id for d in pack.decades}
    for s in pack.sections:
        for name in s.decades:
            if name not in have:
                at(f"section:{s.number}", f"section {s.number}: no decades/{name}.yaml yet")
    for d in pack.decades:
        words = len(d.summary.split())
        lo, hi = SUMMARY_WORDS
        if not lo <= words <= hi:
            at(f"decade:{d.id}", f"decade {d.id}: summary has {words} words, write {lo}-{hi}")
        lo, hi = TAKEAWAYS
        if not lo <= len(d.takeaways) <= hi:
            at(f"decade:{d.id}", f"decade {d.id}: {len(d.takeaways)} takeaways, give {lo}-{hi}")
        countries = {ld.country for ld in d.leaders}
        for c in (Country.US, Country.PAKISTAN):
            if c not in countries:
                at(f"decade:{d.id}", f"decade {d.id}: no leaders listed for country '{c.value}'")
        if not any(e.decade == d.id for e in pack.events()):
            at(f"decade:{d.id}", f"decade {d.id}: no events")
    for card in pack.cards():
        # An unquoted `accept: [August 15, 1947]` is two items, "August 15" and "1947". When
        # the answer is a full date, a bare year or a day without its year is that mistake
        # (or too loose an answer for a question that asks for the date).
        if not _FULL_DATE.search(card.answer):
            continue
        year_given = bool(_YEAR.search(card.question))  # "On which day in May 1998 ...?"
        for item in card.accept:
            partial_day = _DAY_MONTH.search(item) and not _YEAR.search(item) and not year_given
            if _YEAR_ONLY.match(item) or partial_day:
                at(
                    f"card:{card.id}",
                    f"card '{card.id}': accepted answer '{item}' is only part of the date "
                    f"'{card.answer}' (an unquoted comma splits a YAML list item)",
                )
    return problems


_MONTH = "(?:" + "|".join(MONTHS) + ")"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_ONLY = re.compile(r"^\s*(1[89]\d\d|20\d\d)\s*$")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}})\b", re.IGNORECASE)
_FULL_DATE = re.compile(
    rf"(\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}})", re.IGNORECASE
)
