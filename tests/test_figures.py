"""Figures by year: the numbers are the source's, the bars are in proportion, and bad
series files or requests get one clear line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pkus_cli.errors import ContentError
from pkus_cli.pack import cache, loader
from pkus_cli.pack.paths import builtin_content_dir
from pkus_cli.render.figures import BAR, bar_length

from .conftest import Run


def test_series_add_up_to_the_totals_their_sources_state() -> None:
    pack = cache.load(builtin_content_dir())
    checked = 0
    for s in pack.series():
        for t in s.totals:
            got = t.earlier + sum(p.amount for p in s.values if t.start <= p.year <= t.end)
            assert abs(got - t.amount) < 0.5, (s.id, t, got)
            checked += 1
    assert checked >= 2
    ids = {s.id for s in pack.series()}
    assert {"greenbook-economic-obligations", "greenbook-military-obligations"} <= ids
    assert all(s.sources and s.unit == "USD millions" for s in pack.series())


def test_bars_are_in_proportion_to_the_amounts(run: Run) -> None:
    out = run("figures", "--from", "1985", "--to", "1992").stdout
    rows = [line.split() for line in out.splitlines() if line[:4].isdigit()]
    amounts = {int(r[0]): float(r[2].replace(",", "")) for r in rows}
    bars = {int(r[0]): len(r[1]) for r in rows}
    largest = max(amounts.values())
    for year, amount in amounts.items():
        assert bars[year] == bar_length(amount, largest)
    assert max(bars.values()) == BAR
    assert "Sources" in out and "Greenbook" in out


def test_csv_and_json_give_the_numbers_with_unit_and_sources(run: Run) -> None:
    text = run("figures", "--measure", "military", "--from", "1981", "--to", "1983", "--csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["year"] for r in rows] == ["1981", "1982", "1983"]
    assert rows[0]["unit"] == "USD millions" and rows[0]["dollars"] == "current"
    data = json.loads(run("figures", "--json", "--from", "1990", "--to", "1991").stdout)
    assert data["unit"] == "USD millions" and data["sources"]
    pressler = next(x["id"] for x in data["spans"] if x["id"].startswith("pressler"))
    assert pressler in data["rows"][-1]["spans"]  # FY1991 is under the Pressler cut-off


@pytest.mark.parametrize(("args", "message"), [
    (["--measure", "trade"], "unknown measure 'trade': choose from economic"),
    (["--from", "1900", "--to", "1910"], "cover 1948-2019; nothing in 1900-1910"),
    (["--from", "1990", "--to", "1980"], "--from 1990 is after --to 1980"),
])  # fmt: skip
def test_bad_requests_are_one_line(run: Run, args: list[str], message: str) -> None:
    r = run("figures", *args)
    assert r.exit_code == 2 and message in r.stderr and r.stderr.count("\n") == 1


SERIES = """series:
  - id: s
    title: A series
    kind: economic
    measure: obligations
    unit: USD millions
    dollars: current
    years: fiscal
    sources: [src-a]
    values:
      - {year: 1950, amount: 1}
      - {year: 1951, amount: 2}
      - {year: 1952, amount: 3}
"""


@pytest.mark.parametrize(("old", "new", "message"), [
    ("      - {year: 1951, amount: 2}\n", "", "year 1952 skips 1951"),
    ("amount: 2}", "amount: -2}", "amount -2 is negative"),
    ("amount: 2}", "amount: lots}", "expected a number, got 'lots'"),
    ("measure: obligations", "measure: gifts", "'gifts' is not one of obligations"),
])  # fmt: skip
def test_bad_series_files_name_file_and_line(tiny: Path, old: str, new: str, message: str) -> None:
    (tiny / "figures").mkdir()
    (tiny / "figures" / "aid.yaml").write_text(SERIES.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        loader.load(tiny)
    found = [str(p) for p in info.value.problems]
    assert any(message in m and "figures/aid.yaml:" in m for m in found), found


def test_the_decade_page_shows_its_own_slice(run: Run) -> None:
    out = run("decade", "1980s").stdout
    assert (
        "US aid by year" in out and "1985 " in out and "1979 " not in out.split("US aid")[1][:200]
    )
