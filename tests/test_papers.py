"""`pkus papers` and `pkus paper`: past questions as printed, likely ones labelled, outlines."""

from __future__ import annotations

import json

from .conftest import TINY, Run


def test_papers_lists_past_and_likely_apart(run: Run) -> None:
    out = " ".join(run("--content", str(TINY), "papers").stdout.split())
    assert "Past-paper questions (1)" in out and "CSS 2020, Current Affairs, Q1" in out
    assert "written by pkus, not past papers" in out
    assert out.index("css-2020-ca-1") < out.index("likely-sanctions")
    assert "Themes that recur in these questions: Alliances 1" in out


def test_papers_filters_and_refuses_what_is_not_there(run: Run) -> None:
    data = json.loads(run("--content", str(TINY), "papers", "--paper", "CA", "--json").stdout)
    assert [q["id"] for q in data["past"]] == ["css-2020-ca-1"] and data["likely"] == []
    bad = run("--content", str(TINY), "papers", "--year", "1999")
    assert bad.exit_code == 2 and "no past question from 1999: the pack has 2020" in bad.stderr
    bad = run("--content", str(TINY), "papers", "--paper", "geography")
    assert bad.exit_code == 2 and "choose from Current Affairs" in bad.stderr


def test_paper_shows_the_outline_with_dated_events(run: Run) -> None:
    out = run("--content", str(TINY), "paper", "css-2020-ca-1").stdout
    for part in ("Thesis", "Arguments", "Counter-view", "Way forward", "Conclusion",
                 "Key dates to quote", "Sources", "pkus practice css-2020-ca-1"):  # fmt: skip
        assert part in out, part
    assert "19 May 1954" in out and "Names: Dwight D. Eisenhower" in out
    hidden = run("--content", str(TINY), "paper", "css-2020-ca-1", "--hide-outline").stdout
    assert "Thesis" not in hidden and "Discuss the alliances" in hidden


def test_paper_json_and_unknown_ids(run: Run) -> None:
    data = json.loads(run("--content", str(TINY), "paper", "likely-sanctions", "--json").stdout)
    assert data["status"] == "likely" and len(data["outline"]["arguments"]) == 4
    assert data["outline"]["key_dates"][0] == {
        "id": "mdaa",
        "date": "1954-05-19",
        "title": data["outline"]["key_dates"][0]["title"],
    }
    bad = run("--content", str(TINY), "paper", "css-2020-ca-2")
    assert bad.exit_code == 2 and "did you mean css-2020-ca-1?" in bad.stderr


def test_shipped_pack_has_the_past_papers_the_issue_asks_for() -> None:
    from pkus_cli.pack import cache
    from pkus_cli.pack.paths import builtin_content_dir

    pack = cache.load(builtin_content_dir())
    past = [q for q in pack.papers() if q.past]
    likely = [q for q in pack.papers() if not q.past]
    assert len(past) >= 20 and len(likely) >= 15
    assert all(q.sources and q.year and q.exam and q.paper for q in past)
    assert all(q.exam is None and q.year is None for q in likely)
