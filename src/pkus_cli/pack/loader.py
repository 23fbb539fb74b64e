"""Read a content pack from YAML into the model, gathering every problem with file and line.

The loader walks `yaml.compose()` nodes instead of loaded Python objects: nodes carry the
line of every key and value, so each problem names where to look, and scalars stay text
(an unquoted `1990-10-01` is a date string here, never a `datetime.date`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from pkus_cli.errors import ContentError, PkusError
from pkus_cli.pack import collector, parallel
from pkus_cli.pack.basics import DECADE_RE, ID_RE, Country
from pkus_cli.pack.items import (
    Card,
    Correction,
    Event,
    MemoryParts,
    Person,
    Ref,
    Role,
    Source,
    Term,
)
from pkus_cli.pack.model import Decade, Figure, Leader, Location, Pack, Section, Subsection, Tag
from pkus_cli.pack.records import (
    YEARS_WANT,
    Builder,
    File,
    Rec,
    is_date,
    is_years,
    parse_ref,
)

SCHEMA_VERSION = 1
CARD_KINDS = ("who", "what", "when", "where", "why", "significance", "cause", "compare")
SOURCE_KINDS = ("government", "crs", "law", "document", "news", "scholarship", "data")
ITEM_DIRS = ("decades", "cards", "people", "terms", "sources", "corrections")


def load(root: Path, on_file: Callable[[Path], None] | None = None) -> Pack:
    """Load and check the pack in `root`; raise ContentError listing every problem found.

    `on_file` is called with each file as it is opened, for a progress display.
    """
    with collector.paused():
        return _load(root, on_file)


def _load(root: Path, on_file: Callable[[Path], None] | None) -> Pack:
    if not root.is_dir():
        raise PkusError(f"content directory not found: {root} (check --content or PKUS_CONTENT)")
    b = Builder(root, on_file)
    meta = _read_pack_meta(b)
    sections = _read_outline(b)
    b.close("section", "section id")
    tags = _read_tags(b)
    if tags:  # without them, any well-formed tag is accepted (see below)
        b.close("tag")
    # What events name is read before the events, so that their references are checked
    # as they are read (see `Builder.closed`).
    sources = [s for f in b.files("sources") for s in _read_list(b, f, "sources", _source)]
    b.close("source")
    people = [p for f in b.files("people") for p in _read_list(b, f, "people", _person)]
    terms = [t for f in b.files("terms") for t in _read_list(b, f, "terms", _term)]
    b.close("person", "term")
    decades, events, cards = _read_decades_and_cards(b)
    corrections = [
        c for f in b.files("corrections") for c in _read_list(b, f, "corrections", _correction)
    ]
    from pkus_cli.pack import figures_loader, study_loader

    collections = {**study_loader.read_all(b), **figures_loader.read_all(b)}
    cited = {i for s in collections["series"] for i in s.sources}  # type: ignore[attr-defined]
    collections["figure_sources"] = tuple(s for s in sources if s.id in cited)
    if not tags:  # a pack without tags.yaml accepts any well-formed tag
        b.defined["tag"] = {t: Location("", 0) for e in events for t in e.tags}
    _check_decade_files(b, decades, sections)
    b.resolve()
    if b.problems:
        raise ContentError(b.problems)
    events.sort(key=lambda e: (e.sort_key, e.title))
    return Pack(
        root=str(root),
        id=meta.get("id", root.name),
        title=meta.get("title", root.name),
        description=meta.get("description", ""),
        sections=tuple(sections),
        decades=tuple(sorted(decades, key=lambda d: d.start)),
        tags=tuple(tags),
        parts=MemoryParts(
            events=tuple(events),
            people_=tuple(sorted(people, key=lambda p: p.name)),
            terms_=tuple(sorted(terms, key=lambda t: t.term.lower())),
            sources_=tuple(sorted(sources, key=lambda s: s.id)),
            cards_=tuple(cards),
            corrections_=tuple(corrections),
            collections=collections,
        ),
        locations=b.locations(),
        notices=tuple(b.notices),
    )


def _read_decades_and_cards(b: Builder) -> tuple[list[Decade], list[Event], list[Card]]:
    """The bulk of a pack; where it is large, its later decade files are read by a second
    process meanwhile (see `parallel`)."""
    decade_paths, card_paths = b.paths("decades"), b.paths("cards")
    s = parallel.split(decade_paths, card_paths)
    other = parallel.start(b, s.theirs, _read_decade_file) if s else None
    if other is None:
        s = None  # no second process after all (see `parallel.start`): read everything here
    try:
        decades: list[Decade] = []
        events: list[Event] = []

        def add(decade: Decade | None, evs: list[Event]) -> None:
            if decade is not None:
                decades.append(decade)
            events.extend(evs)

        for path in s.mine if s else decade_paths:
            add(*_read_decade_file(b, b.file(path)))
        cards: list[Card] = []
        if s is not None and other is not None:
            # The cards are read here while the other process reads decades: their
            # references to events wait until every event is known.
            cards = [c for path in card_paths for c in _read_cards(b, b.file(path))]
            found = other.results()
            if found is None:  # the other process failed: its files are read here
                for path in s.theirs:
                    add(*_read_decade_file(b, b.file(path)))
            else:
                for read in found:
                    add(*parallel.replay(b, read))
        b.close("event", "decade")
        b.forget("event title")
        if s is None:
            cards = [c for path in card_paths for c in _read_cards(b, b.file(path))]
        b.close("card")
    finally:
        if other is not None:
            other.close()
    return decades, events, cards


def _read_pack_meta(b: Builder) -> dict[str, str]:
    path = b.root / "pack.yaml"
    f = b.file(path)
    if not path.is_file():
        f.problem(1, "missing: every content pack needs a pack.yaml (schema, id, title)")
        return {}
    rec = b.top(f, ("schema", "id", "title", "description"))
    if rec is None:
        return {}
    rec.relabel("pack")
    schema = rec.integer("schema")
    if schema is not None and schema != SCHEMA_VERSION:
        rec.err("schema", f"this pkus reads schema {SCHEMA_VERSION}, the pack says {schema}")
    out = {"id": rec.ident() or "", "title": rec.text("title") or ""}
    out["description"] = rec.text("description", required=False) or ""
    return out


def _read_outline(b: Builder) -> list[Section]:
    path = b.root / "outline.yaml"
    f = b.file(path)
    if not path.is_file():
        f.problem(1, "missing: every content pack needs an outline.yaml with its sections")
        return []
    rec = b.top(f, ("sections",))
    if rec is None:
        return []
    sections = []
    for node in rec.nodes("sections", required=True):
        s = Rec.of(f, node, "section", ("number", "id", "title", "decades", "subsections"))
        if s is None:
            continue
        number = s.integer("number")
        ident = s.ident()
        s.relabel(f"section {number}" if number is not None else "section")
        title = s.text("title")
        decades = s.texts("decades")
        for d in decades:
            if not DECADE_RE.match(d):
                s.err("decades", f"'{d}' is not a decade id like 1990s")
        subs = []
        for sub_node in s.nodes("subsections", required=True):
            sub = Rec.of(f, sub_node, f"{s.label} subsection", ("letter", "title", "summary"))
            if sub is None:
                continue
            letter = sub.pattern("letter", lambda x: len(x) == 1 and x.isupper(), "a letter A-Z")
            if letter is not None and number is not None:
                code = f"{number}{letter}"
                sub.relabel(f"subsection {code}")
                if b.define("section", code, f, sub.line):
                    subs.append(
                        Subsection(code, letter, sub.text("title") or "", sub.text("summary") or "")
                    )
            else:
                sub.text("title")
                sub.text("summary")
        if number is not None and ident and title and b.define("section", str(number), f, s.line):
            b.define("section id", ident, f, s.line)
            sections.append(Section(number, ident, title, decades, tuple(subs)))
    sections.sort(key=lambda x: x.number)
    return sections


def _read_tags(b: Builder) -> list[Tag]:
    path = b.root / "tags.yaml"
    if not path.is_file():
        return []
    f = b.file(path)
    rec = b.top(f, ("tags",))
    if rec is None:
        return []
    tags = []
    for node in rec.nodes("tags", required=True):
        t = Rec.of(f, node, "tag", ("id", "label"))
        if t is None:
            continue
        ident = t.ident()
        label = t.text("label")
        if ident and label and b.define("tag", ident, f, t.line):
            tags.append(Tag(ident, label))
    return tags


DECADE_FIELDS = ("id", "title", "years", "summary", "leaders", "figures", "takeaways", "sources")
EVENT_FIELDS = (
    "id", "date", "title", "summary", "significance", "sections", "people", "terms", "tags",
    "sources", "note", "sort",
)  # fmt: skip


def _read_decade_file(b: Builder, f: File) -> tuple[Decade | None, list[Event]]:
    rec = b.top(f, ("decade", "events"), stream="events")
    if rec is None:
        return None, []
    expected = f.path.stem
    decade = None
    if "decade" in rec.keys:
        decade = _decade(b, f, rec.keys["decade"][1], expected)
    else:
        f.problem(1, "missing the 'decade:' entry (id, title, years, summary, ...)")
    span = (decade.start, decade.end) if decade else _decade_span(expected)
    events = []
    for node in rec.nodes("events"):
        ev = _event(b, f, node, expected, span)
        if ev is not None:
            events.append(ev)
    return decade, events


def _decade_span(decade_id: str) -> tuple[int, int] | None:
    m = DECADE_RE.match(decade_id)
    return (int(m.group(1)) * 10, int(m.group(1)) * 10 + 9) if m else None


def _decade(b: Builder, f: File, node: yaml.Node, expected: str) -> Decade | None:
    r = Rec.of(f, node, f"decade {expected}", DECADE_FIELDS)
    if r is None:
        return None
    ident = r.text("id")
    if ident is not None and ident != expected:
        r.err("id", f"'{ident}' does not match the file name (expected '{expected}')")
        ident = None
    elif ident is not None and not DECADE_RE.match(ident):
        r.err("id", f"'{ident}' is not a decade id like 1990s")
        ident = None
    span = None
    years = [n for n in r.nodes("years", required=True)]
    values = [y.value for y in years if isinstance(y, yaml.ScalarNode)]
    if len(values) != 2 or not all(str(v).isdigit() for v in values):
        r.err("years", "expected [first, last], e.g. [1990, 1999]")
    else:
        span = (int(values[0]), int(values[1]))
        natural = _decade_span(expected)
        if natural and not (natural[0] <= span[0] <= span[1] <= natural[1]):
            r.err("years", f"{span[0]}-{span[1]} is not inside the {expected}")
            span = None
    leaders = []
    for n in r.nodes("leaders", required=True):
        lr = Rec.of(f, n, f"{r.label} leader", ("country", "role", "name", "years", "person"))
        if lr is None:
            continue
        country = lr.choice("country", ("us", "pakistan"))
        role, name = lr.text("role"), lr.text("name")
        years_ = lr.pattern("years", is_years, YEARS_WANT)
        person = lr.pattern("person", lambda s: bool(ID_RE.match(s)), "a person id", required=False)
        if person:
            b.refer(lr, "person", "person", (person,))
        if country and role and name and years_:
            leaders.append(Leader(Country(country), role, name, years_, person))
    figures = []
    for n in r.nodes("figures"):
        fr = Rec.of(f, n, f"{r.label} figure", ("label", "value", "year", "sources"))
        if fr is None:
            continue
        label, value = fr.text("label"), fr.text("value")
        year = fr.pattern("year", is_years, YEARS_WANT)
        srcs = fr.ids("sources", required=True)
        b.refer(fr, "sources", "source", srcs)
        if label and value and year and srcs:
            figures.append(Figure(label, value, year, srcs))
    title, summary = r.text("title"), r.text("summary")
    takeaways = r.texts("takeaways", required=True)
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    if not (ident and span and title and summary):
        return None
    if not b.define("decade", ident, f, r.line):
        return None
    return Decade(
        ident, title, span[0], span[1], summary, tuple(leaders), tuple(figures), takeaways, sources
    )


def _event(
    b: Builder, f: File, node: yaml.Node, decade: str, span: tuple[int, int] | None
) -> Event | None:
    r = Rec.of(f, node, "event", EVENT_FIELDS)
    if r is None:
        return None
    ident = r.ident()
    r.relabel(f"event '{ident}'" if ident else "event")
    date = r.pattern(
        "date", is_date, "a real calendar date YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits"
    )
    if date and span and not (span[0] <= int(date[:4]) <= span[1]):
        r.err("date", f"{date} is outside the {decade} ({span[0]}-{span[1]})")
        date = None
    title, summary, significance = r.text("title"), r.text("summary"), r.text("significance")
    sections = r.texts("sections", required=True)
    people, terms = r.ids("people"), r.ids("terms")
    tags, sources = r.ids("tags", required=True), r.ids("sources", required=True)
    note = r.text("note", required=False)
    # Where a month or a year sorts among the days around it ("mid-1979"): an approximate
    # day inside the date's own span, for ordering only; the date shown stays as written.
    sort = r.pattern("sort", is_date, "a day YYYY-MM-DD for ordering", required=False)
    if sort and date and (len(sort) != 10 or not sort.startswith(date) or len(date) == 10):
        r.err("sort", f"'{sort}' must be a day within {date}, for a date less precise than a day")
        sort = None
    b.refer(r, "sections", "section", sections)
    b.refer(r, "people", "person", people)
    b.refer(r, "terms", "term", terms)
    b.refer(r, "tags", "tag", tags)
    b.refer(r, "sources", "source", sources)
    if title:
        b.define("event title", title.casefold(), f, r.line_of("title"))
    if not (ident and b.define("event", ident, f, r.line)):
        return None
    if not (date and title and summary and significance and sections and tags and sources):
        return None
    share = b.share  # events repeat their dates and their lists of ids
    return Event(
        ident,
        share(date),
        decade,
        title,
        summary,
        significance,
        share(sections),
        share(people),
        share(terms),
        share(tags),
        share(sources),
        note,
        sort,
    )


def _read_list(
    b: Builder, f: File, key: str, build: Callable[[Builder, File, yaml.Node], Any]
) -> list[Any]:
    rec = b.top(f, (key,), stream=key)
    if rec is None:
        return []
    return [item for n in rec.nodes(key, required=True) if (item := build(b, f, n)) is not None]


def _person(b: Builder, f: File, node: yaml.Node) -> Person | None:
    r = Rec.of(f, node, "person", ("id", "name", "country", "roles", "summary", "sources"))
    if r is None:
        return None
    ident = r.ident()
    r.relabel(f"person '{ident}'" if ident else "person")
    name = r.text("name")
    country = r.choice("country", tuple(c.value for c in Country))
    roles = []
    for n in r.nodes("roles", required=True):
        rr = Rec.of(f, n, f"{r.label} role", ("title", "years"))
        if rr is None:
            continue
        title, years = rr.text("title"), rr.pattern("years", is_years, YEARS_WANT)
        if title and years:
            roles.append(Role(title, years))
    summary = r.text("summary")
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    if not (ident and b.define("person", ident, f, r.line)):
        return None
    if not (name and country and roles and summary and sources):
        return None
    return Person(ident, name, Country(country), tuple(roles), summary, sources)


def _term(b: Builder, f: File, node: yaml.Node) -> Term | None:
    r = Rec.of(f, node, "term", ("id", "term", "aliases", "year", "definition", "sources"))
    if r is None:
        return None
    ident = r.ident()
    r.relabel(f"term '{ident}'" if ident else "term")
    term = r.text("term")
    aliases = r.texts("aliases")
    year = r.pattern("year", is_years, YEARS_WANT)
    definition = r.text("definition")
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    if not (ident and b.define("term", ident, f, r.line)):
        return None
    if not (term and year and definition and sources):
        return None
    return Term(ident, term, aliases, year, definition, sources)


def _source(b: Builder, f: File, node: yaml.Node) -> Source | None:
    r = Rec.of(f, node, "source", ("id", "title", "author", "year", "url", "kind"))
    if r is None:
        return None
    ident = r.ident()
    r.relabel(f"source '{ident}'" if ident else "source")
    title, author = r.text("title"), r.text("author")
    year = r.integer("year", required=False)
    url = r.pattern("url", lambda s: s.startswith(("https://", "http://")), "an http(s) URL", False)
    kind = r.choice("kind", SOURCE_KINDS)
    if not (ident and b.define("source", ident, f, r.line)):
        return None
    if not (title and author and kind):
        return None
    return Source(ident, title, author, kind, year, url)


def _ref(b: Builder, r: Rec, key: str, required: bool) -> Ref | None:
    raw = r.text(key, required)
    if raw is None:
        return None
    ref = parse_ref(raw)
    if ref is None:
        r.err(key, f"expected event:ID, person:ID or term:ID, got '{raw}'")
        return None
    b.refer(r, key, ref.kind.value, (ref.id,))
    return ref


def _correction(b: Builder, f: File, node: yaml.Node) -> Correction | None:
    fields = ("id", "claim", "correction", "found_in", "about", "sources", "patterns")
    r = Rec.of(f, node, "correction", fields)
    if r is None:
        return None
    ident = r.ident()
    r.relabel(f"correction '{ident}'" if ident else "correction")
    claim, correction, found_in = r.text("claim"), r.text("correction"), r.text("found_in")
    about = _ref(b, r, "about", required=False)
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    patterns = r.texts("patterns")
    for p in patterns:
        try:
            compiled = re.compile(p, re.IGNORECASE)
        except re.error as e:
            r.err("patterns", f"'{p}' is not a valid regular expression ({e})")
            continue
        if claim and not compiled.search(claim):
            r.err("patterns", f"'{p}' does not match the correction's own claim")
    if not (ident and b.define("correction", ident, f, r.line)):
        return None
    if not (claim and correction and found_in and sources):
        return None
    return Correction(ident, claim, correction, found_in, sources, about, patterns)


def _read_cards(b: Builder, f: File) -> list[Card]:
    decade = f.path.stem
    if not DECADE_RE.match(decade):
        f.problem(1, f"card files are named after a decade (e.g. 1990s.yaml), not '{decade}'")
        return []
    rec = b.top(f, ("cards",), stream="cards")
    if rec is None:
        return []
    cards = []
    for node in rec.nodes("cards", required=True):
        fields = ("id", "about", "kind", "question", "answer", "accept", "keywords")
        r = Rec.of(f, node, "card", fields)
        if r is None:
            continue
        ident = r.ident()
        r.relabel(f"card '{ident}'" if ident else "card")
        about = _ref(b, r, "about", required=True)
        kind = r.choice("kind", CARD_KINDS)
        question, answer = r.text("question"), r.text("answer")
        accept = r.texts("accept")
        keywords = r.texts("keywords")
        for form in (answer, *accept):
            if form is not None and form.strip().lower() in ("q", "u", "o", "quit"):
                key = "answer" if form == answer else "accept"
                r.err(key, f"'{form}' is a quiz key (q quits, u undoes, o overrules)")
        for kw in keywords:
            if not kw.replace("|", "").strip():
                r.err("keywords", "a key word must not be empty")
        if not (ident and b.define("card", ident, f, r.line)):
            continue
        if about and kind and question and answer:
            share = b.share  # a kind is one of eight words; answers repeat dates and names
            cards.append(
                Card(ident, decade, about, share(kind), question, share(answer), accept, keywords)
            )
    return cards


def _check_decade_files(b: Builder, decades: list[Decade], sections: list[Section]) -> None:
    known = {d.id for d in decades} | {d for s in sections for d in s.decades}
    for f in b.files("cards"):
        if f.path.stem not in known and DECADE_RE.match(f.path.stem):
            f.problem(1, f"cards for the {f.path.stem}, a decade the pack does not define")
    for entry in sorted(b.root.iterdir()) if b.root.is_dir() else []:
        if entry.is_dir() and entry.name not in ITEM_DIRS and not entry.name.startswith((".", "_")):
            continue  # other folders (notes, drafts) are the author's business
        top_files = ("pack.yaml", "outline.yaml", "tags.yaml")
        if entry.is_file() and entry.suffix in (".yaml", ".yml") and entry.name not in top_files:
            b.file(entry).problem(1, "unknown file: pkus reads pack, outline and tags here")
