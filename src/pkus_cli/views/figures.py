"""Figures by year: one measure of US aid (or trade) from one source, with the spans and
the leaders of each year beside it. Plain data; the chart is drawn by `render.figures`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pkus_cli.errors import UsageError
from pkus_cli.pack.basics import Country

if TYPE_CHECKING:
    from pkus_cli.pack.figures import Series, Span
    from pkus_cli.pack.items import Source
    from pkus_cli.pack.model import Pack

# What each measure adds up, from the long Greenbook series by default.
MEASURES = {
    "economic": ("greenbook-economic-obligations",),
    "military": ("greenbook-military-obligations",),
    "total": ("greenbook-economic-obligations", "greenbook-military-obligations"),
    "exports": ("census-exports-to-pakistan",),
    "imports": ("census-imports-from-pakistan",),
}


@dataclass(frozen=True, slots=True)
class Row:
    year: int
    amount: float
    parts: tuple[float, ...]  # one per series, in `series` order
    spans: tuple[Span, ...]
    us: str  # the US president in office that year
    pakistan: str  # Pakistan's head of government or state that year


@dataclass(frozen=True, slots=True)
class FiguresView:
    measure: str
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    spans: tuple[Span, ...]
    sources: tuple[Source, ...]

    @property
    def unit(self) -> str:
        s = self.series[0]
        return f"{s.unit}, {s.dollars} dollars, {s.years} years"

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "unit": self.series[0].unit,
            "dollars": self.series[0].dollars,
            "years": self.series[0].years,
            "series": [
                {
                    "id": s.id,
                    "title": s.title,
                    "measure": s.measure,
                    "kind": s.kind,
                    "note": s.note,
                    "sources": list(s.sources),
                }
                for s in self.series
            ],
            "rows": [
                {
                    "year": r.year,
                    "amount": round(r.amount, 2),
                    "parts": {s.id: p for s, p in zip(self.series, r.parts, strict=True)},
                    "spans": [x.id for x in r.spans],
                }
                for r in self.rows
            ],
            "spans": [
                {
                    "id": x.id,
                    "title": x.title,
                    "kind": x.kind,
                    "from": x.start,
                    "to": x.end,
                    "events": list(x.events),
                }
                for x in self.spans
            ],
            "sources": [{"id": s.id, "title": s.title, "url": s.url} for s in self.sources],
        }

    def to_csv(self) -> str:
        head = ["year", "amount", *(s.id for s in self.series), "unit", "dollars", "spans"]
        lines = [",".join(head)]
        for r in self.rows:
            cells = [str(r.year), f"{r.amount:.2f}", *(f"{p:.2f}" for p in r.parts)]
            cells += [self.series[0].unit, self.series[0].dollars, ";".join(x.id for x in r.spans)]
            lines.append(",".join(f'"{c}"' if "," in c else c for c in cells))
        return "\n".join(lines) + "\n"


def _leaders(pack: Pack) -> tuple[dict[int, str], dict[int, str]]:
    """Who was in office each year: the US president; for Pakistan, its prime minister, or
    where the army ruled without one, its ruler (chief martial law administrator, chief
    executive or president). The first in office that year, by surname."""
    us: dict[int, str] = {}
    ranked: dict[int, tuple[int, str]] = {}
    for d in pack.decades:
        for ld in d.leaders:
            years = [int(y) for y in ld.years.split("-") if y.strip().isdigit()]
            if not years:
                continue
            last = 2100 if ld.years.endswith("-") else years[-1]  # still in office
            span = range(years[0], last + 1)
            if ld.country is Country.US and ld.role.startswith("President"):
                for y in span:
                    us.setdefault(y, ld.name.split()[-1])
            elif ld.country is Country.PAKISTAN and "Caretaker" not in ld.role:
                role = ld.role.lower()
                rank = 0 if "prime minister" in role else 1 if (
                    "martial law" in role or "chief executive" in role
                ) else 2  # fmt: skip
                name = ld.name if ld.name.endswith("Khan") else ld.name.split()[-1]
                for y in span:
                    if y not in ranked or rank < ranked[y][0]:
                        ranked[y] = (rank, name)
    return us, {y: name for y, (_, name) in ranked.items()}


def figures(
    pack: Pack,
    measure: str = "total",
    year_from: int | None = None,
    year_to: int | None = None,
    constant: bool = False,
) -> FiguresView:
    if measure not in MEASURES:
        raise UsageError(f"unknown measure '{measure}': choose from {', '.join(MEASURES)}")
    by_id = {s.id: s for s in pack.series()}
    ids = MEASURES[measure]
    if constant:
        ids = tuple(next((x for x in by_id if x.startswith(f"{i}-constant")), "") for i in ids)
        if not all(ids):
            raise UsageError(f"the pack has no constant-dollar series for '{measure}'")
    series = tuple(by_id[i] for i in ids if i in by_id)
    if len(series) != len(ids):
        raise UsageError(f"this pack has no figures for '{measure}'")
    first = min(s.first for s in series)
    last = max(s.last for s in series)
    lo = first if year_from is None else year_from
    hi = last if year_to is None else year_to
    if lo > hi:
        raise UsageError(f"--from {lo} is after --to {hi}")
    if hi < first or lo > last:
        raise UsageError(f"the figures for '{measure}' cover {first}-{last}; nothing in {lo}-{hi}")
    us, pk = _leaders(pack)
    rows = []
    for year in range(max(lo, first), min(hi, last) + 1):
        parts = tuple(s.amount(year) or 0.0 for s in series)
        spans = tuple(x for x in pack.spans() if x.covers(year))
        rows.append(Row(year, sum(parts), parts, spans, us.get(year, ""), pk.get(year, "")))
    shown = tuple(x for x in pack.spans() if any(x.covers(r.year) for r in rows))
    cited = tuple(dict.fromkeys(i for s in series for i in s.sources))
    known = {src.id: src for src in pack.figure_sources()}
    sources = tuple(known[i] for i in cited if i in known)
    return FiguresView(measure, series, tuple(rows), shown, sources)
