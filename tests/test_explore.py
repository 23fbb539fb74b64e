"""timeline, event, search, people, terms, sources, corrections and completion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from pkus_cli.cli import completion
from pkus_cli.cli.app import app
from pkus_cli.errors import UsageError
from pkus_cli.pack.loader import load
from pkus_cli.views import find, lookups
from pkus_cli.views.search import snippet

from .conftest import TINY, Run


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load(TINY)


def tiny(run: Run, *args: str):  # type: ignore[no-untyped-def]
    return run("--content", str(TINY), *args)


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return [item["id"] for item in json.loads(result.stdout)]


# --- filters -------------------------------------------------------------------------------


def filter_events(pack, **kw):  # type: ignore[no-untyped-def]
    return find.events(pack, find.resolve(pack, **kw))


def select(pack, **kw):  # type: ignore[no-untyped-def]
    return find.select(pack, find.resolve(pack, **kw))


def test_filter_events_combines_every_filter(pack) -> None:  # type: ignore[no-untyped-def]
    all_ids = [e.id for e in filter_events(pack)]
    assert all_ids == ["mdaa", "seato", "baghdad", "pressler-cutoff", "tests-1998", "coup-1999"]
    assert [e.id for e in filter_events(pack, decade="90s", tag="sanctions")] == [
        "pressler-cutoff",
        "coup-1999",
    ]
    assert [e.id for e in filter_events(pack, section="3")] == [
        "mdaa", "baghdad", "tests-1998",
    ]  # fmt: skip
    assert [e.id for e in filter_events(pack, section="2a")] == [
        "pressler-cutoff", "tests-1998", "coup-1999",
    ]  # fmt: skip
    assert [e.id for e in filter_events(pack, person="Eisenhower")] == ["mdaa"]
    assert [e.id for e in filter_events(pack, year_from=1955, year_to=1998)] == [
        "baghdad", "pressler-cutoff", "tests-1998",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tag": "wars"}, "unknown tag 'wars': choose one of alliances, sanctions, nuclear"),
        ({"tag": "nuclr"}, "unknown tag 'nuclr': did you mean nuclear?"),
        ({"person": "nixon"}, "unknown person 'nixon': choose one of ike"),
        ({"decade": "1880s"}, "unknown decade '1880s'"),
        ({"section": "9"}, "unknown section '9': choose one of 1 (formative)"),
        ({"year_from": 1999, "year_to": 1950}, "--from 1999 is after --to 1950"),
    ],
)
def test_filter_events_rejects_unknown_values(pack, kwargs, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match=None) as info:
        filter_events(pack, **kwargs)
    assert str(info.value).startswith(message)
    assert info.value.exit_code == 2


def test_select_keeps_cards_and_items_of_the_slice(pack) -> None:  # type: ignore[no-untyped-def]
    everything = select(pack)
    assert not everything.filtered and len(everything.cards) == 3
    nineties = select(pack, decade="1990s")
    assert [c.id for c in nineties.cards] == ["pressler-what"]
    assert [t.id for t in nineties.terms] == ["pressler"]
    assert [s.id for s in nineties.sources] == ["src-b"]
    assert [d.id for d in nineties.decades] == ["1990s"]
    alliances = select(pack, tag="alliances")
    assert {c.id for c in alliances.cards} == {"seato-year", "ike-who"}
    assert [c.id for c in alliances.corrections] == ["seato-1955"]


# --- timeline ------------------------------------------------------------------------------


def test_timeline_groups_events_by_decade_with_titles(run: Run) -> None:
    result = tiny(run, "timeline")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("1950s  Alliance years") < out.index("1954-05-19")
    assert out.index("1955-09") < out.index("1990s  Estrangement") < out.index("1990-10")
    assert "Military coup [October]" in out  # brackets are text, not markup
    assert "6 events." in out and result.stderr == ""


def test_timeline_json_is_a_list_of_events(run: Run) -> None:
    result = tiny(run, "timeline", "--json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 6
    first = data[0]
    assert set(first) >= {
        "id", "date", "decade", "title", "summary", "significance", "tags", "people", "sources",
    }  # fmt: skip
    assert first["id"] == "mdaa" and first["people"] == ["ike"] and first["sources"] == ["src-a"]
    assert data[-1]["date"] == "1999"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--decade", "1950s"), ["mdaa", "seato", "baghdad"]),
        (("--tag", "nuclear"), ["pressler-cutoff", "tests-1998"]),
        (("--person", "ike"), ["mdaa"]),
        (("--section", "estrangement"), ["pressler-cutoff", "tests-1998", "coup-1999"]),
        (("--from", "1990", "--to", "1998"), ["pressler-cutoff", "tests-1998"]),
        (("-d", "90s", "-t", "sanctions", "-s", "2"), ["pressler-cutoff", "coup-1999"]),
    ],
)
def test_timeline_filters(run: Run, args: tuple[str, ...], expected: list[str]) -> None:
    assert ids(tiny(run, "timeline", *args, "--json")) == expected


def test_timeline_with_no_match_says_so(run: Run) -> None:
    result = tiny(run, "timeline", "--from", "2000")
    assert result.exit_code == 0
    assert "No events match these filters." in result.stdout
    assert json.loads(tiny(run, "timeline", "--from", "2000", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--tag", "wars"), "error: unknown tag 'wars': choose one of alliances, sanctions"),
        (("--decade", "1880s"), "error: unknown decade '1880s'"),
        (("--person", "nobody"), "error: unknown person 'nobody'"),
        (("--section", "9"), "error: unknown section '9'"),
    ],
)
def test_timeline_unknown_filter_exits_2_with_one_line(
    run: Run, args: tuple[str, ...], message: str
) -> None:
    result = tiny(run, "timeline", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1


def test_timeline_prints_long_decades_in_chunks(
    pack,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pkus_cli.render import timeline as view

    monkeypatch.setattr(view, "CHUNK", 2)
    parts = list(view.render(lookups.timeline(pack, find.NO_FILTER)))
    chunks = [p for p in parts if isinstance(p, view.Rows)]
    assert [len(c.events) for c in chunks] == [2, 1, 2, 1]  # two decades of three events


def test_timeline_reads_a_compiled_decade_run_by_run_the_same(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pkus_cli.pack import cache

    monkeypatch.setattr(cache, "BLOCK", 2)  # decades of three events stored as 2 + 1
    monkeypatch.setenv("PKUS_NO_CACHE", "1")
    from_yaml = tiny(run, "timeline").stdout
    monkeypatch.delenv("PKUS_NO_CACHE")
    tiny(run, "outline")  # compile it
    assert tiny(run, "timeline").stdout == from_yaml
    assert "1950s  Alliance years  (1950-1959)  · 3 events" in from_yaml
    assert tiny(run, "timeline", "--decade", "1990s").stdout.count("\n19") == 3


# --- event ---------------------------------------------------------------------------------


def test_event_shows_everything_about_it(run: Run) -> None:
    result = tiny(run, "event", "seato")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for piece in (
        "Pakistan joins SEATO", "8 September 1954", "1950s: Alliance years",
        "1A Joining the pacts", "Pakistan signs the Manila Pact.",
        "Formal alignment with the West.", "SEATO: A defence pact.",
        "https://example.org/a", "Mutual defence agreement signed",
        "Pakistan joins the Baghdad Pact", "Pakistan joined SEATO in 1955.",
    ):  # fmt: skip
        assert piece in out, piece
    assert out.index("before") < out.index("after")


def test_event_json_has_neighbours_people_and_sources(run: Run) -> None:
    result = tiny(run, "event", "mdaa", "--json")
    data = json.loads(result.stdout)
    assert data["id"] == "mdaa" and data["date"] == "1954-05-19"
    assert data["people"] == [{"id": "ike", "name": "Dwight D. Eisenhower"}]
    assert data["previous"] is None
    assert data["next"] == {"id": "seato", "date": "1954-09-08", "title": "Pakistan joins SEATO"}
    assert [p["code"] for p in data["placement"]] == ["1A", "3A"]
    assert data["sources"][0]["url"] == "https://example.org/a"
    last = json.loads(tiny(run, "event", "coup-1999", "--json").stdout)
    assert last["next"] is None and last["previous"]["id"] == "tests-1998"


def test_event_unknown_id_exits_2_suggesting_closest(run: Run) -> None:
    result = tiny(run, "event", "presler-cutof")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr.strip()
        == "error: unknown event 'presler-cutof': did you mean pressler-cutoff?"
    )


# --- search --------------------------------------------------------------------------------


def search(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = tiny(run, "search", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_search_ranks_title_matches_before_body_matches(run: Run) -> None:
    data = search(run, "pakistan")
    found = [(r["kind"], r["id"], r["match"]) for r in data["results"]]
    titles = [f for f in found if f[2] == "title"]
    assert found[: len(titles)] == titles  # every title match comes first
    assert ("event", "seato", "title") in titles
    assert ("person", "ike", "body") in found  # "signed Pakistan up" in his summary
    assert data["total"] == len(found)


def test_search_exact_name_ranks_first(run: Run) -> None:
    data = search(run, "pressler amendment")
    assert [(r["kind"], r["id"]) for r in data["results"]][:2] == [
        ("term", "pressler"),
        ("card", "pressler-what"),
    ]


def test_search_needs_every_word(run: Run) -> None:
    assert {r["id"] for r in search(run, "pakistan", "seato")["results"]} == {
        "seato", "seato-year",
    }  # fmt: skip
    assert search(run, "pakistan", "zebra")["results"] == []


def test_search_ignores_case_and_accents(run: Run) -> None:
    data = search(run, "ÉISENHOWER")
    ids = [r["id"] for r in data["results"]]
    assert ids == ["ike", "ike-memoir", "ike-seato-remark", "ike-who"]
    person = data["results"][0]
    start, end = person["title_highlights"][0]
    assert person["title"][start:end] == "Eisenhower"


def test_search_matches_word_starts_only(run: Run) -> None:
    assert {"pressler", "pressler-cutoff"} <= {r["id"] for r in search(run, "press")["results"]}
    # Inside a word does not match; a word that matches nothing is read as the nearest one,
    # and the result says so.
    assert search(run, "essler")["corrected"] == "pressler"
    assert search(run, "zzzzqq")["results"] == []


def test_search_covers_decades_and_cards(run: Run) -> None:
    kinds = {r["kind"] for r in search(run, "estrangement")["results"]}
    assert "decade" in kinds
    card = search(run, "manila")["results"]
    assert [(r["kind"], r["id"]) for r in card] == [("event", "seato")]
    snippet = card[0]["snippet"]
    start, end = card[0]["highlights"][0]
    assert snippet[start:end] == "Manila"


def test_search_limit_and_text_output(run: Run) -> None:
    data = search(run, "pakistan", "--limit", "2")
    assert len(data["results"]) == 2 and data["total"] > 2
    result = tiny(run, "search", "pakistan", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "event" in result.stdout and "seato" in result.stdout
    assert "--limit N for more" in result.stdout
    none = tiny(run, "search", "zebra")
    assert none.exit_code == 0 and "No results for 'zebra'." in none.stdout


def test_search_without_words_exits_2(run: Run) -> None:
    result = tiny(run, "search", "--", "!!")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: search needs at least one word")


def test_snippet_cuts_long_text_around_the_match() -> None:
    text = " ".join(["filler"] * 60) + " Pressler " + " ".join(["tail"] * 60)
    snip, spans = snippet(text, ["pressler"], width=80)
    assert snip.startswith("…") and snip.endswith("…") and len(snip) <= 82
    start, end = spans[0]
    assert snip[start:end] == "Pressler"


# --- people, terms, sources, corrections ---------------------------------------------------


def test_people_list_and_one_person(run: Run) -> None:
    listing = tiny(run, "people")
    assert listing.exit_code == 0, listing.output
    assert "Dwight D. Eisenhower" in listing.stdout and "United States" in listing.stdout
    data = json.loads(tiny(run, "people", "--json").stdout)
    assert data["people"][0] | {"events": 1} == data["people"][0]
    one = tiny(run, "people", "ike")
    assert one.exit_code == 0, one.output
    for piece in ("Leader in", "1950s (Alliance years)", "Mutual defence agreement signed",
                  "Which US president signed the 1954 agreement?"):  # fmt: skip
        assert piece in one.stdout, piece
    detail = json.loads(tiny(run, "people", "eisenhower", "--json").stdout)
    assert detail["id"] == "ike"
    assert [e["id"] for e in detail["events"]] == ["mdaa"]
    assert detail["leader_in"] == [{"decade": "1950s", "role": "President", "years": "1953-1961"}]
    assert [c["id"] for c in detail["cards"]] == ["ike-who"]


def test_people_unknown_exits_2(run: Run) -> None:
    result = tiny(run, "people", "iek")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: unknown person 'iek': did you mean ike?"


def test_terms_list_and_one_term_by_id_or_alias(run: Run) -> None:
    listing = tiny(run, "terms")
    assert listing.exit_code == 0 and "A condition on aid." in listing.stdout
    data = json.loads(tiny(run, "terms", "--json").stdout)
    assert [t["id"] for t in data["terms"]] == ["pressler", "seato"]
    for key in ("seato", "Southeast Asia Treaty Organization", "SEATO"):
        detail = json.loads(tiny(run, "terms", key, "--json").stdout)
        assert detail["id"] == "seato"
        assert [e["id"] for e in detail["events"]] == ["seato"]
    text = tiny(run, "terms", "pressler")
    assert "Aid cut off under Pressler" in text.stdout
    assert "Which amendment cut off aid in 1990?" in text.stdout
    bad = tiny(run, "terms", "nope")
    assert bad.exit_code == 2 and bad.stderr.startswith("error: unknown term 'nope'")


def test_sources_count_the_items_citing_each(run: Run) -> None:
    result = tiny(run, "sources")
    assert result.exit_code == 0, result.output
    assert "Source A" in result.stdout and "https://example.org/a" in result.stdout
    data = {s["id"]: s for s in json.loads(tiny(run, "sources", "--json").stdout)["sources"]}
    # src-a: 3 events, ike, seato (term), the 1950s decade, the correction
    assert data["src-a"]["cited_by"] == 7
    assert data["src-a"]["cited_by_kind"] == {
        "event": 3, "person": 1, "term": 1, "decade": 1, "correction": 1,
    }  # fmt: skip
    assert data["src-b"]["cited_by"] == 5 and data["src-b"]["url"] is None


def test_corrections_list_claim_and_correction(run: Run) -> None:
    result = tiny(run, "corrections")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("Pakistan joined SEATO in 1955.") < out.index("It joined in September 1954.")
    assert "where it is met: a web chronology" in out and "Source A" in out
    data = json.loads(tiny(run, "corrections", "--json").stdout)["corrections"]
    assert data == [
        {
            "id": "seato-1955",
            "claim": "Pakistan joined SEATO in 1955.",
            "correction": "It joined in September 1954.",
            "found_in": "a web chronology",
            "about": {"kind": "event", "id": "seato", "title": "Pakistan joins SEATO"},
            "sources": [
                {
                    "id": "src-a", "title": "Source A", "author": "Office A", "year": 2000,
                    "url": "https://example.org/a", "kind": "government",
                }
            ],
        }
    ]  # fmt: skip


# --- completion ----------------------------------------------------------------------------


def _ctx(content: Path | None) -> typer.Context:
    command = get_command(app)
    ctx = typer.Context(command)
    ctx.params["content"] = str(content) if content else None
    return ctx


def test_completion_offers_pack_values() -> None:
    ctx = _ctx(TINY)
    assert completion.decades(ctx, "19") == [("1950s", "Alliance years"), ("1990s", "Estrangement")]
    assert [v for v, _ in completion.sections(ctx, "2")] == ["2", "2A"]
    assert [v for v, _ in completion.tags(ctx, "n")] == ["nuclear"]
    assert [v for v, _ in completion.events(ctx, "p")] == ["pressler-cutoff"]
    assert completion.people(ctx, "") == [("ike", "Dwight D. Eisenhower")]
    assert [v for v, _ in completion.terms(ctx, "SE")] == ["seato"]
    assert [v for v, _ in completion.formats("a")] == ["anki"]
    assert [v for v, _ in completion.formats("h")] == ["html"]
    assert [v for v, _ in completion.measures("mi")] == ["military"]
    assert [v for v, _ in completion.papers(ctx, "css")] == ["css-2020-ca-1"]
    assert [v for v, _ in completion.paper_names(ctx, "C")] == ["CA"]
    assert [v for v, _ in completion.people(ctx, "eisen")] == ["ike"]  # a word of the name


def test_completion_never_raises_on_a_bad_pack(tmp_path: Path) -> None:
    for content in (tmp_path / "missing", tmp_path):
        ctx = _ctx(content)
        assert completion.decades(ctx, "") == []
        assert completion.events(ctx, "x") == []


def test_completion_through_the_shell_protocol(run: Run) -> None:
    result = run.runner.invoke(
        app,
        [],
        prog_name="pkus",
        env={
            "_PKUS_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": f"pkus --content {TINY} timeline --decade 19",
        },
    )
    assert result.exit_code == 0, result.output
    assert '"1950s":"Alliance years"' in result.stdout
    assert '"1990s":"Estrangement"' in result.stdout


def test_search_puts_the_glossary_entry_before_events_that_mention_it(run: Run) -> None:
    result = run("--content", str(TINY), "search", "seato", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    results = data["results"] if isinstance(data, dict) else data
    assert (results[0]["kind"], results[0]["id"]) == ("term", "seato")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("quiz --decade 19", '"1950s":"Alliance years"'),
        ("quiz --section 2", '"2A":'),
        ("quiz --tag nu", '"nuclear":'),
        ("quiz --person i", '"ike":'),
        ("quiz --kind ty", '"typed":'),
        ("outline --section 2", '"2A":'),
        ("decade 19", '"1990s":"Estrangement"'),
        ("export json --tag sa", '"sanctions":'),
        ("search x --decade 19", '"1950s":'),
    ],
)
def test_every_filter_option_completes(run: Run, words: str, expected: str) -> None:
    env = {
        "_PKUS_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": f"pkus --content {TINY} {words}",
    }
    result = run.runner.invoke(app, [], prog_name="pkus", env=env)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_search_table_of_queries_finds_what_students_type() -> None:
    """At least 40 queries with typos, initials, hyphens and word order: each finds its id
    among the first three results (tests/data/search.yaml)."""
    import yaml

    from pkus_cli.pack import cache
    from pkus_cli.pack.paths import builtin_content_dir
    from pkus_cli.views import find
    from pkus_cli.views.search import search as run_search
    from pkus_cli.views.search import search_pack

    cache.load(builtin_content_dir())  # compiled: the next load reads the compilation
    pack = cache.load(builtin_content_dir())
    sel = find.select(pack, find.NO_FILTER)
    table = yaml.safe_load((Path(__file__).parent / "data" / "search.yaml").read_text())
    assert len(table["queries"]) >= 40
    missed = []
    for row in table["queries"]:
        top = [r.id for r in run_search(sel, row["query"]).results[:3]]
        if row["top3"] not in top:
            missed.append((row["query"], row["top3"], top))
        # The full-text index gives the scan's results exactly, in the same order, whole
        # or capped (where it reads only the matches shown).
        for limit in (None, 20, 3):
            scanned = run_search(sel, row["query"], limit=limit).to_dict()
            indexed = search_pack(pack, row["query"], limit=limit).to_dict()
            assert indexed == scanned, (row["query"], limit)
    assert missed == []
    assert list(cache.cache_dir().glob("*/search-*.sqlite")), "the index was not built"
    # Words in hundreds of documents, mostly outside any name: the index orders those.
    for query in ("pakistan", "aid", "nuclear treaty", "1990", "united states", "army"):
        for limit in (None, 20, 3):
            scanned = run_search(sel, query, limit=limit).to_dict()
            assert search_pack(pack, query, limit=limit).to_dict() == scanned, (query, limit)


def test_a_damaged_search_index_is_rebuilt_and_never_fails(tiny: Path) -> None:
    from pkus_cli.pack import cache
    from pkus_cli.views import find
    from pkus_cli.views.search import search, search_pack

    cache.load(tiny)
    pack = cache.load(tiny)
    want = search(find.select(pack, find.NO_FILTER), "pakistan", limit=None).to_dict()
    assert search_pack(pack, "pakistan", limit=None).to_dict() == want
    (index,) = cache.cache_dir().glob("*/search-*.sqlite")
    index.write_bytes(b"not a database")
    assert search_pack(cache.load(tiny), "pakistan", limit=None).to_dict() == want
    assert search_pack(cache.load(tiny), "pakistan", limit=None).to_dict() == want
