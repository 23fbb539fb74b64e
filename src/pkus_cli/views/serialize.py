"""Items as JSON-ready dicts: the shapes that `--json` and the JSON export share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pkus_cli.pack.items import Card, Correction, Event, Person, Source, Term


def event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": e.date,
        "decade": e.decade,
        "title": e.title,
        "summary": e.summary,
        "significance": e.significance,
        "sections": list(e.sections),
        "people": list(e.people),
        "terms": list(e.terms),
        "tags": list(e.tags),
        "sources": list(e.sources),
        "note": e.note,
    }


def correction_brief(c: Correction) -> dict[str, Any]:
    return {"id": c.id, "claim": c.claim, "correction": c.correction}


def source_dict(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "author": s.author,
        "year": s.year,
        "url": s.url,
        "kind": s.kind,
    }


def card_dict(c: Card) -> dict[str, Any]:
    return {
        "id": c.id,
        "decade": c.decade,
        "about": str(c.about),
        "kind": c.kind,
        "question": c.question,
        "answer": c.answer,
        "accept": list(c.accept),
        "keywords": list(c.keywords),
        "typed": c.gradable,
    }


def person_dict(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "country": p.country.value,
        "roles": [{"title": r.title, "years": r.years} for r in p.roles],
        "summary": p.summary,
        "sources": list(p.sources),
    }


def term_dict(t: Term) -> dict[str, Any]:
    return {
        "id": t.id,
        "term": t.term,
        "aliases": list(t.aliases),
        "year": t.year,
        "definition": t.definition,
        "sources": list(t.sources),
    }


def brief(e: Event) -> dict[str, str]:
    return {"id": e.id, "date": e.date, "title": e.title}
