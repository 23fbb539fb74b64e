"""Reading the exam material: questions/, literature/ and quotes/, checked like the rest.

Every id an outline, a work or a quotation names must exist in the pack; the checks run
with the pack's other references, so a typo is reported with its file and line.
"""

from __future__ import annotations

import yaml

from pkus_cli.pack.records import Builder, File, Rec, is_date
from pkus_cli.pack.study import (
    QUESTION_STATUSES,
    QUOTE_KINDS,
    WORK_KINDS,
    Argument,
    Outline,
    PaperQuestion,
    Quote,
    Work,
)

ARGUMENTS = (4, 7)  # an outline's arguments: fewer is thin, more is the crammed answer
KEY_DATES = (3, 8)


def read_all(b: Builder) -> dict[str, tuple[object, ...]]:
    """Every question, work and quotation of the pack, keyed as the model names them."""
    papers = [q for f in b.files("questions") for q in _list(b, f, "questions", _question)]
    works = [w for f in b.files("literature") for w in _list(b, f, "works", _work)]
    quotes = [q for f in b.files("quotes") for q in _list(b, f, "quotes", _quote)]
    papers.sort(key=lambda q: (not q.past, -(q.year or 0), q.id))
    works.sort(key=lambda w: (w.year, w.title))
    quotes.sort(key=lambda q: (q.date, q.id))
    return {"papers": tuple(papers), "works": tuple(works), "quotes": tuple(quotes)}


def _list(b: Builder, f: File, key: str, build) -> list:  # type: ignore[no-untyped-def, type-arg]
    rec = b.top(f, (key,))
    if rec is None:
        return []
    return [item for n in rec.nodes(key, required=True) if (item := build(b, f, n)) is not None]


QUESTION_FIELDS = (
    "id", "status", "exam", "year", "paper", "number", "marks", "text", "uncertain",
    "themes", "sources", "outline",
)  # fmt: skip


def _question(b: Builder, f: File, node: yaml.Node) -> PaperQuestion | None:
    r = Rec.of(f, node, "question", QUESTION_FIELDS)
    if r is None:
        return None
    ident = r.ident()
    status = r.choice("status", QUESTION_STATUSES)
    past = status == "past"
    text = r.text("text")
    exam = r.text("exam", required=past)
    year = r.integer("year", required=past)
    paper = r.text("paper", required=past)
    number = r.text("number", required=False)
    marks = r.integer("marks", required=False)
    uncertain = r.text("uncertain", required=False)
    themes = r.ids("themes", required=True)
    b.refer(r, "themes", "tag", themes)
    # A past question is a fact: it needs the page where its text was read. A likely
    # question is pkus's own and must not pass for a past paper.
    sources = r.ids("sources", required=past)
    b.refer(r, "sources", "source", sources)
    if status == "likely":
        for key in ("exam", "year", "paper", "number", "marks"):
            if key in r.keys:
                r.err(key, "a likely question is pkus's own: it has no exam, year or paper")
    if year is not None and not 1947 <= year <= 2100:
        r.err("year", f"{year} is not a year of the exam")
    outline = _outline(b, r)
    if not (ident and b.define("question", ident, f, r.line)):
        return None
    if not (status and text and themes and outline) or (past and not sources):
        return None
    return PaperQuestion(
        ident, status, text, themes, outline, sources, exam, year, paper, number, marks,
        uncertain,
    )  # fmt: skip


OUTLINE_FIELDS = ("thesis", "arguments", "counter", "way_forward", "conclusion", "key_dates")
ARGUMENT_FIELDS = ("point", "events", "people", "terms", "quotes", "works")


def _outline(b: Builder, q: Rec) -> Outline | None:
    if "outline" not in q.keys:
        q.f.problem(q.line, f"{q.label}: missing required field 'outline'")
        return None
    r = Rec.of(q.f, q.keys["outline"][1], f"{q.label} outline", OUTLINE_FIELDS)
    if r is None:
        return None
    thesis, counter = r.text("thesis"), r.text("counter")
    way, conclusion = r.text("way_forward"), r.text("conclusion")
    args = [a for n in r.nodes("arguments", required=True) if (a := _argument(b, q.f, n, r))]
    lo, hi = ARGUMENTS
    if args and not lo <= len(args) <= hi:
        r.err("arguments", f"{len(args)} arguments; a model outline has {lo} to {hi}")
    key_dates = r.ids("key_dates", required=True)
    b.refer(r, "key_dates", "event", key_dates)
    lo, hi = KEY_DATES
    if key_dates and not lo <= len(key_dates) <= hi:
        r.err("key_dates", f"{len(key_dates)} key dates; list {lo} to {hi}")
    if not (thesis and counter and way and conclusion and args and key_dates):
        return None
    return Outline(thesis, tuple(args), counter, way, conclusion, key_dates)


def _argument(b: Builder, f: File, node: yaml.Node, parent: Rec) -> Argument | None:
    r = Rec.of(f, node, f"{parent.label} argument", ARGUMENT_FIELDS)
    if r is None:
        return None
    point = r.text("point")
    events = r.ids("events", required=True)
    refs = {k: r.ids(k) for k in ("people", "terms", "quotes", "works")}
    b.refer(r, "events", "event", events)
    for key, namespace in (("people", "person"), ("terms", "term"), ("quotes", "quote")):
        b.refer(r, key, namespace, refs[key])
    b.refer(r, "works", "work", refs["works"])
    if not (point and events):
        return None
    return Argument(point, events, refs["people"], refs["terms"], refs["quotes"], refs["works"])


WORK_FIELDS = (
    "id", "title", "authors", "year", "publisher", "kind", "about", "people", "events",
    "sources", "note",
)  # fmt: skip


def _work(b: Builder, f: File, node: yaml.Node) -> Work | None:
    r = Rec.of(f, node, "work", WORK_FIELDS)
    if r is None:
        return None
    ident = r.ident()
    title, publisher, about = r.text("title"), r.text("publisher"), r.text("about")
    authors = r.texts("authors", required=True)
    year = r.integer("year")
    kind = r.choice("kind", WORK_KINDS)
    people, events = r.ids("people"), r.ids("events")
    b.refer(r, "people", "person", people)
    b.refer(r, "events", "event", events)
    if not (people or events):
        r.err("events", "a work names at least one event or person it bears on")
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    note = r.text("note", required=False)
    if not (ident and b.define("work", ident, f, r.line)):
        return None
    if not (title and authors and year and publisher and kind and about and sources):
        return None
    return Work(ident, title, authors, year, publisher, kind, about, people, events, sources, note)


QUOTE_FIELDS = (
    "id", "text", "speaker", "person", "role", "date", "kind", "occasion", "place", "event",
    "reported", "sources", "note",
)  # fmt: skip


def _quote(b: Builder, f: File, node: yaml.Node) -> Quote | None:
    r = Rec.of(f, node, "quote", QUOTE_FIELDS)
    if r is None:
        return None
    ident = r.ident()
    text, speaker, role = r.text("text"), r.text("speaker"), r.text("role")
    date = r.pattern("date", is_date, "a date like 1950-05-16, 1950-05 or 1950")
    kind = r.choice("kind", QUOTE_KINDS)
    occasion, place = r.text("occasion"), r.text("place")
    person, event = r.text("person", required=False), r.text("event", required=False)
    if person:
        b.refer(r, "person", "person", (person,))
    if event:
        b.refer(r, "event", "event", (event,))
    reported = r.choice("reported", ("true", "false"), required=False) == "true"
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    note = r.text("note", required=False)
    if not (ident and b.define("quote", ident, f, r.line)):
        return None
    if not (text and speaker and role and date and kind and occasion and place and sources):
        return None
    return Quote(
        ident, text, speaker, role, date, kind, occasion, place, sources, person, event,
        reported, note,
    )  # fmt: skip
