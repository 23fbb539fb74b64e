"""Pages: what each read-only command shows, as plain data with `to_dict()`.

`render/` turns these into Rich renderables and `--json` prints `to_dict()`, so the screen
and the JSON never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pkus_cli.errors import PkusError
from pkus_cli.views.serialize import event_dict

if TYPE_CHECKING:  # annotations only: `pkus outline` never creates the item classes
    from pkus_cli.pack.items import Event, Person, Source
    from pkus_cli.pack.model import Decade, Pack, Section


def events_in(pack: Pack, code: str) -> tuple[Event, ...]:
    """Events linked to subsection `code` ("4B"), in date order; cross-listed ones (whose
    main subsection is another) are among them, marked by the view."""
    linked = [e for e in pack.events() if code in e.sections]
    return tuple(sorted(linked, key=lambda e: (e.sort_key, e.title)))


# --- outline -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutlineView:
    title: str
    sections: tuple[Section, ...]
    expanded: int | None  # the section number shown in full, if any
    events: dict[str, tuple[Event, ...]]  # subsection code -> its events, when expanded

    def to_dict(self) -> dict[str, Any]:
        out = []
        for s in self.sections:
            subs = []
            for sub in s.subsections:
                d: dict[str, Any] = {
                    "letter": sub.letter,
                    "title": sub.title,
                    "summary": sub.summary,
                }
                if self.expanded == s.number:
                    d["events"] = [
                        {"id": e.id, "date": e.date, "title": e.title}
                        for e in self.events[sub.code]
                    ]
                subs.append(d)
            out.append(
                {
                    "number": s.number,
                    "id": s.id,
                    "title": s.title,
                    "decades": list(s.decades),
                    "subsections": subs,
                }
            )
        return {"title": self.title, "sections": out}


def outline(pack: Pack, section: str | None = None) -> OutlineView:
    if section is None:
        return OutlineView(pack.title, pack.sections, None, {})
    from pkus_cli.views import find  # only when a section is asked for

    s = find.section_of(pack, section)
    codes = find.section_codes(pack, section)
    if len(codes) < len(s.subsections):  # a subsection code such as 4B: that one alone
        s = replace(s, subsections=tuple(sub for sub in s.subsections if sub.code in codes))
    events = {sub.code: events_in(pack, sub.code) for sub in s.subsections}
    return OutlineView(pack.title, (s,), s.number, events)


# --- decades -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DecadeView:
    decade: Decade
    events: tuple[Event, ...]
    sections: tuple[Section, ...]
    people: dict[str, Person]
    aid: Any = None  # views.figures.FiguresView of the decade's years, when the pack has any

    def to_dict(self) -> dict[str, Any]:
        d = self.decade
        return {
            "aid": self.aid.to_dict()["rows"] if self.aid is not None else None,
            "id": d.id,
            "title": d.title,
            "years": [d.start, d.end],
            "summary": d.summary,
            "leaders": [
                {
                    "country": ld.country.value,
                    "role": ld.role,
                    "name": ld.name,
                    "years": ld.years,
                    "person": ld.person,
                }
                for ld in d.leaders
            ],
            "figures": [
                {"label": f.label, "value": f.value, "year": f.year, "sources": list(f.sources)}
                for f in d.figures
            ],
            "takeaways": list(d.takeaways),
            "sections": [{"number": s.number, "id": s.id, "title": s.title} for s in self.sections],
            "sources": list(d.sources),
            "events": [event_dict(e) for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class DecadeListView:
    decades: tuple[tuple[str, str | None, str | None], ...]  # id, title or None, years

    def to_dict(self) -> dict[str, Any]:
        return {
            "decades": [
                {"id": i, "title": t, "years": y, "has_content": t is not None}
                for i, t, y in self.decades
            ]
        }


def decade_list(pack: Pack) -> DecadeListView:
    have = {d.id: d for d in pack.decades}
    rows = []
    for ident in pack.decade_ids():
        d = have.get(ident)
        rows.append((ident, d.title if d else None, d.years if d else None))
    return DecadeListView(tuple(rows))


def decade(pack: Pack, text: str) -> DecadeView:
    from pkus_cli.views import find

    ident = find.decade_of(pack, text)
    found = [d for d in pack.decades if d.id == ident]
    if not found:
        raise PkusError(
            f"no content for the {ident} yet: see `pkus decade` for the decades with content"
        )
    d = found[0]
    events = pack.events_of(ident)
    sections = tuple(s for s in pack.sections if ident in s.decades)
    people = {p.id: p for p in pack.people()}
    return DecadeView(d, events, sections, people, _aid(pack, d.start, d.end))


def _aid(pack: Pack, start: int, end: int) -> Any:
    """The decade's slice of the aid figures, or None when the pack has none for it."""
    if not pack.series():
        return None
    from pkus_cli.errors import UsageError
    from pkus_cli.views import figures

    try:
        return figures.figures(pack, "total", start, end)
    except UsageError:
        return None


# --- counts --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackCounts:
    root: str
    counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"content": self.root, "valid": True, **self.counts}


def counts(pack: Pack) -> PackCounts:
    subsections = sum(len(s.subsections) for s in pack.sections)
    return PackCounts(
        pack.root,
        {
            "sections": len(pack.sections),
            "subsections": subsections,
            "decades": len(pack.decades),
            "events": len(pack.events()),
            "people": len(pack.people()),
            "terms": len(pack.terms()),
            "sources": len(pack.sources()),
            "cards": len(pack.cards()),
            "corrections": len(pack.corrections()),
            "past questions": sum(q.past for q in pack.papers()),
            "likely questions": sum(not q.past for q in pack.papers()),
            "works": len(pack.works()),
            "quotes": len(pack.quotes()),
        },
    )


def sources_of(pack: Pack, ids: tuple[str, ...]) -> tuple[Source, ...]:
    by_id = {s.id: s for s in pack.sources()}
    return tuple(by_id[i] for i in ids if i in by_id)
