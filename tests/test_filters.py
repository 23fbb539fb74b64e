"""One filter: every command that takes --decade/--section/--tag/--person keeps the same events."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pkus_cli.pack import loader
from pkus_cli.views import find

from .conftest import TINY, Run

FILTERS = [
    ["--decade", "90s"],
    ["--section", "2"],
    ["--section", "2a"],
    ["--section", "3A"],
    ["--tag", "sanctions"],
    ["--person", "Eisenhower"],
    ["--decade", "1950s", "--tag", "alliances"],
]
EXPECTED = {
    "--decade 90s": {"pressler-cutoff", "tests-1998", "coup-1999"},
    "--section 2": {"pressler-cutoff", "tests-1998", "coup-1999"},
    "--section 2a": {"pressler-cutoff", "tests-1998", "coup-1999"},
    "--section 3A": {"mdaa", "baghdad", "tests-1998"},
    "--tag sanctions": {"pressler-cutoff", "coup-1999"},
    "--person Eisenhower": {"mdaa"},
    "--decade 1950s --tag alliances": {"mdaa", "seato", "baghdad"},
}


def tiny(run: Run, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    result = run("--content", str(TINY), *args, input=input)
    assert result.exit_code == 0, result.output
    return result


def timeline_events(run: Run, args: list[str]) -> set[str]:
    return {e["id"] for e in json.loads(tiny(run, "timeline", *args, "--json").stdout)}


def export_events(run: Run, args: list[str], tmp_path: Path) -> set[str]:
    out = tmp_path / "pack.json"
    tiny(run, "export", "json", "-o", str(out), *args)
    return {e["id"] for e in json.loads(out.read_text(encoding="utf-8"))["events"]}


def search_events(run: Run, args: list[str]) -> set[str]:
    found = json.loads(tiny(run, "search", "pakistan", "-n", "0", *args, "--json").stdout)
    return {r["id"] for r in found["results"] if r["kind"] == "event"}


def quiz_events(run: Run, args: list[str]) -> set[str]:
    """The events a scripted cram quiz of year questions asks about, read off its screen."""
    pack = loader.load(TINY)
    by_title = {e.title: e.id for e in pack.events()}
    result = tiny(
        run, "quiz", "--cram", "--kind", "year", "--count", "50", "--seed", "1", *args,
        input="1950\n" * 50,
    )  # fmt: skip
    asked = re.findall(r"In what year: (.+?)\?", " ".join(result.stdout.split()))
    return {by_title[t] for t in asked}


def test_the_filter_itself_matches_the_expected_events() -> None:
    pack = loader.load(TINY)
    for args in FILTERS:
        opts = dict(zip(args[::2], args[1::2], strict=True))
        f = find.resolve(
            pack,
            decade=opts.get("--decade"),
            section=opts.get("--section"),
            tag=opts.get("--tag"),
            person=opts.get("--person"),
        )
        assert {e.id for e in find.events(pack, f)} == EXPECTED[" ".join(args)]


@pytest.mark.parametrize("args", FILTERS, ids=" ".join)
def test_every_command_keeps_the_same_events(run: Run, args: list[str], tmp_path: Path) -> None:
    expected = EXPECTED[" ".join(args)]
    assert timeline_events(run, args) == expected
    assert export_events(run, args, tmp_path) == expected
    # Every fixture title asks a year question, so the quiz can ask about exactly these.
    assert quiz_events(run, args) == expected
    # Search keeps, of the events that match its words, those the filter keeps.
    assert search_events(run, args) == search_events(run, []) & expected


@pytest.mark.parametrize("command", ["timeline", "quiz", "search", "export"])
def test_every_command_words_an_unknown_section_the_same_way(run: Run, command: str) -> None:
    extra = {"search": ["pakistan"], "export": ["json", "-o", "x.json"], "quiz": ["--cram"]}
    result = run("--content", str(TINY), command, *extra.get(command, []), "--section", "9")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: unknown section '9': choose one of 1 (formative)")


@pytest.mark.parametrize("args", FILTERS, ids=" ".join)
def test_stats_count_the_questions_the_quiz_may_ask(run: Run, args: list[str]) -> None:
    from pkus_cli.quiz import plan

    pack = loader.load(TINY)
    opts = {k.lstrip("-"): v for k, v in zip(args[::2], args[1::2], strict=True)}
    quiz_may_ask, _ = plan.candidates(pack, plan.make_filters(pack, **opts))
    data = json.loads(tiny(run, "stats", *args, "--json").stdout)
    assert data["questions"] == len(quiz_may_ask) > 0
    assert data["filters"] == find.resolve(pack, **opts).values()
