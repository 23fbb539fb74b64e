"""Quality rules `pkus validate` adds on top of the loader's schema checks.

A pack that breaks these still loads (a teacher's draft pack is usable), but the shipped
pack must pass them all, so they run in its tests.
"""

from __future__ import annotations

from pkus_cli.errors import Problem
from pkus_cli.model import Country, Location, Pack

MIN_EVENTS_PER_SUBSECTION = 3
SUMMARY_WORDS = (150, 300)
TAKEAWAYS = (3, 5)


def quality_problems(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []

    def at(key: str, message: str) -> None:
        loc = pack.locations.get(key, Location(pack.root, 1))
        problems.append(Problem(loc.path, loc.line, message))

    linked: dict[str, int] = {}
    for e in pack.events:
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
        if not any(e.decade == d.id for e in pack.events):
            at(f"decade:{d.id}", f"decade {d.id}: no events")
    return problems
