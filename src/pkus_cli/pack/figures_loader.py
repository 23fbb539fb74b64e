"""Reading figures/: series of aid and trade and the spans beside them, checked like the
rest: years ascending without gaps, amounts that are numbers, events that exist."""

from __future__ import annotations

import re

import yaml

from pkus_cli.pack.figures import MEASURES, SERIES_KINDS, SPAN_KINDS, Point, Series, Span, Total
from pkus_cli.pack.records import Builder, File, Rec, is_date, node_line

_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
_DOLLARS = re.compile(r"^(?:current|constant-[0-9]{4})$")


def read_all(b: Builder) -> dict[str, tuple[object, ...]]:
    series: list[Series] = []
    spans: list[Span] = []
    for f in b.files("figures"):
        rec = b.top(f, ("series", "spans"))
        if rec is None:
            continue
        series += [s for n in rec.nodes("series") if (s := _series(b, f, n))]
        spans += [sp for n in rec.nodes("spans") if (sp := _span(b, f, n))]
    spans.sort(key=lambda s: (s.start, s.id))
    return {"series": tuple(series), "spans": tuple(spans)}


SERIES_FIELDS = (
    "id", "title", "kind", "measure", "unit", "dollars", "years", "sources", "note", "values",
    "totals",
)  # fmt: skip


def _number(f: File, node: yaml.Node, label: str) -> float | None:
    if not isinstance(node, yaml.ScalarNode) or not _NUMBER.match(str(node.value).strip()):
        shown = getattr(node, "value", "")
        f.problem(node_line(node), f"{label}: expected a number, got '{shown}'")
        return None
    return float(node.value)


def _series(b: Builder, f: File, node: yaml.Node) -> Series | None:
    r = Rec.of(f, node, "series", SERIES_FIELDS)
    if r is None:
        return None
    ident = r.ident()
    title, unit = r.text("title"), r.text("unit")
    kind = r.choice("kind", SERIES_KINDS)
    measure = r.choice("measure", MEASURES)
    dollars = r.pattern("dollars", lambda s: bool(_DOLLARS.match(s)), "current or constant-YYYY")
    years = r.choice("years", ("fiscal", "calendar"))
    sources = r.ids("sources", required=True)
    b.refer(r, "sources", "source", sources)
    note = r.text("note", required=False)
    points: list[Point] = []
    for n in r.nodes("values", required=True):
        v = Rec.of(f, n, f"series '{ident}' value", ("year", "amount"))
        if v is None:
            continue
        year = v.integer("year")
        amount = _number(f, v.keys["amount"][1], v.label) if "amount" in v.keys else None
        if "amount" not in v.keys:
            v.err("amount", "missing")
        if year is None or amount is None:
            continue
        if amount < 0:
            f.problem(v.line, f"{v.label}: amount {amount:g} is negative")
            continue
        if points and year != points[-1].year + 1:
            gap = "goes back" if year <= points[-1].year else f"skips {points[-1].year + 1}"
            f.problem(v.line, f"{v.label}: year {year} {gap}; list every year in order")
            continue
        points.append(Point(year, amount))
    totals: list[Total] = []
    for n in r.nodes("totals"):
        t = Rec.of(f, n, f"series '{ident}' total", ("from", "to", "amount", "earlier"))
        if t is None:
            continue
        start, end = t.integer("from"), t.integer("to")
        amount = _number(f, t.keys["amount"][1], t.label) if "amount" in t.keys else None
        earlier = _number(f, t.keys["earlier"][1], t.label) if "earlier" in t.keys else 0.0
        if start is not None and end is not None and amount is not None and earlier is not None:
            totals.append(Total(start, end, amount, earlier))
    if not (ident and b.define("series", ident, f, r.line)):
        return None
    if not (title and unit and kind and measure and dollars and years and sources and points):
        return None
    return Series(
        ident, title, kind, measure, unit, dollars, years, sources, tuple(points), tuple(totals),
        note,
    )  # fmt: skip


def _span(b: Builder, f: File, node: yaml.Node) -> Span | None:
    r = Rec.of(f, node, "span", ("id", "title", "kind", "from", "to", "events"))
    if r is None:
        return None
    ident = r.ident()
    title = r.text("title")
    kind = r.choice("kind", SPAN_KINDS)
    start = r.pattern("from", is_date, "a date YYYY, YYYY-MM or YYYY-MM-DD")
    end = r.pattern("to", is_date, "a date YYYY, YYYY-MM or YYYY-MM-DD", required=False)
    if start and end and end < start:
        r.err("to", f"{end} is before {start}")
    events = r.ids("events", required=True)
    b.refer(r, "events", "event", events)
    if not (ident and b.define("span", ident, f, r.line)):
        return None
    if not (title and kind and start and events):
        return None
    return Span(ident, title, kind, start, end, events)
