"""Year-by-year figures: series of aid and trade as their sources measure them, and the
spans (alliances, sanctions, suspensions) that explain their rises and falls."""

from __future__ import annotations

from dataclasses import dataclass

SERIES_KINDS = ("economic", "military", "reimbursements", "exports", "imports")
MEASURES = ("obligations", "appropriations", "disbursements", "reimbursements", "trade")
SPAN_KINDS = ("alliance", "sanction", "suspension", "waiver", "aid-package")


@dataclass(frozen=True, slots=True)
class Point:
    year: int
    amount: float  # in the series' unit


@dataclass(frozen=True, slots=True)
class Total:
    """A sum the source itself states, for a test to check the series against.

    `earlier` is what the source gives, as one figure, for years before the series starts
    (the CRS tables fold FY2002-FY2007 into one column)."""

    start: int
    end: int
    amount: float
    earlier: float = 0.0


@dataclass(frozen=True, slots=True)
class Series:
    id: str
    title: str
    kind: str
    measure: str
    unit: str
    dollars: str  # "current" or "constant-YYYY"
    years: str  # "fiscal" or "calendar"
    sources: tuple[str, ...]
    values: tuple[Point, ...]
    totals: tuple[Total, ...] = ()
    note: str | None = None

    @property
    def first(self) -> int:
        return self.values[0].year

    @property
    def last(self) -> int:
        return self.values[-1].year

    def amount(self, year: int) -> float | None:
        for p in self.values:
            if p.year == year:
                return p.amount
        return None


@dataclass(frozen=True, slots=True)
class Span:
    id: str
    title: str
    kind: str
    start: str  # a content date
    end: str | None
    events: tuple[str, ...]

    def covers(self, year: int) -> bool:
        last = int(self.end[:4]) if self.end else int(self.start[:4])
        return int(self.start[:4]) <= year <= last
