"""The loader: a valid pack loads into the model; every kind of error names file, line, field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pkus_cli.errors import ContentError, PkusError
from pkus_cli.pack import checks, loader
from pkus_cli.pack.basics import Country, ItemKind
from pkus_cli.pack.paths import display_path

Edit = Callable[[Path, str, str], None]


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        loader.load(root)
    return [str(p) for p in info.value.problems]


def test_tiny_pack_loads_into_frozen_model(tiny: Path) -> None:
    pack = loader.load(tiny)
    assert [s.number for s in pack.sections] == [1, 2, 3]
    assert [d.id for d in pack.decades] == ["1950s", "1990s"]
    assert [e.id for e in pack.events()][:2] == ["mdaa", "seato"]
    mdaa = pack.events()[0]
    assert mdaa.date == "1954-05-19" and mdaa.display_date == "19 May 1954"
    assert mdaa.sections == ("1A", "3A")
    assert pack.people()[0].country is Country.US
    assert pack.cards()[0].about.kind is ItemKind.EVENT
    assert pack.cards()[1].accept == ("Dwight D. Eisenhower", "Ike")
    with pytest.raises(AttributeError):
        mdaa.title = "changed"  # type: ignore[misc]
    assert checks.quality_problems(pack) == []


def test_unquoted_dates_and_numbers_stay_text(tiny: Path) -> None:
    pack = loader.load(tiny)
    coup = next(e for e in pack.events() if e.id == "coup-1999")
    assert coup.date == "1999"
    assert next(t for t in pack.terms() if t.id == "seato").year == "1954"


def test_malformed_yaml_reports_its_line(tiny: Path, edit: Edit) -> None:
    edit(tiny / "decades/1990s.yaml", "    title: Pakistan tests", "    title: [Pakistan tests")
    (msg,) = problems_of(tiny)
    assert msg.startswith(f"{display_path(tiny / 'decades/1990s.yaml')}:")
    assert "YAML syntax error" in msg
    line = int(msg.split(":")[1])
    assert 24 <= line <= 26


def test_unknown_field_names_file_line_and_suggests(tiny: Path, edit: Edit) -> None:
    edit(tiny / "decades/1950s.yaml", "    significance: Arms begin", "    signifcance: Arms begin")
    msgs = problems_of(tiny)
    path = display_path(tiny / "decades/1950s.yaml")
    assert (
        f"{path}:22: event 'mdaa': unknown field 'signifcance' (did you mean 'significance'?)"
        in msgs
    )
    assert f"{path}:18: event 'mdaa': missing required field 'significance'" in msgs


def test_dangling_source_reference(tiny: Path, edit: Edit) -> None:
    edit(
        tiny / "decades/1990s.yaml",
        "    sources: [src-b]\n  - id: tests",
        "    sources: [crs-2001]\n  - id: tests",
    )
    (msg,) = problems_of(tiny)
    path = display_path(tiny / "decades/1990s.yaml")
    assert msg == f"{path}:21: event 'pressler-cutoff': unknown source 'crs-2001'"


def test_bad_date_and_date_outside_decade(tiny: Path, edit: Edit) -> None:
    edit(tiny / "decades/1990s.yaml", "date: 1990-10", "date: 1990-13")
    edit(tiny / "decades/1990s.yaml", "date: 1998-05-28", "date: 2001-05-28")
    msgs = "\n".join(problems_of(tiny))
    assert (
        "event 'pressler-cutoff': field 'date': "
        "expected a real calendar date YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, got '1990-13'"
        in msgs
    )
    assert "event 'tests-1998': field 'date': 2001-05-28 is outside the 1990s (1990-1999)" in msgs


def test_wrong_type_is_reported(tiny: Path, edit: Edit) -> None:
    edit(tiny / "decades/1990s.yaml", "tags: [nuclear]", "tags: nuclear")
    (msg,) = problems_of(tiny)
    assert "event 'tests-1998': field 'tags': expected a list" in msg


def test_duplicate_ids_across_files_name_both_places(tiny: Path) -> None:
    (tiny / "sources/more.yaml").write_text(
        "sources:\n  - {id: src-a, title: Again, author: X, kind: news}\n", encoding="utf-8"
    )
    (msg,) = problems_of(tiny)
    assert msg.startswith(
        display_path(tiny / "sources/more.yaml") + ":2: duplicate source id 'src-a'"
    )
    assert "first defined at" in msg and "sources/all.yaml:2" in msg


def test_every_problem_is_reported_not_only_the_first(tiny: Path, edit: Edit) -> None:
    edit(tiny / "decades/1990s.yaml", "tags: [nuclear]", "tags: [nuclear, nukes]")
    edit(tiny / "cards/1950s.yaml", '"event:seato"', '"event:seato-pact"')
    edit(tiny / "people/all.yaml", "country: us", "country: usa")
    msgs = problems_of(tiny)
    assert len(msgs) == 3
    assert any("unknown tag 'nukes'" in m for m in msgs)
    assert any("unknown event 'seato-pact' (did you mean 'seato'?)" in m for m in msgs)
    assert any("field 'country': 'usa' is not one of pakistan, us, other" in m for m in msgs)


def test_duplicate_key_and_duplicate_title(tiny: Path, edit: Edit) -> None:
    edit(
        tiny / "decades/1950s.yaml",
        "title: Pakistan joins SEATO",
        "title: Mutual defence agreement signed",
    )
    edit(tiny / "decades/1990s.yaml", "    date: 1999\n", "    date: 1999\n    date: 1999-10-12\n")
    msgs = "\n".join(problems_of(tiny))
    assert "duplicate event title 'mutual defence agreement signed'" in msgs
    assert "event 'coup-1999': field 'date' is given twice" in msgs


def test_card_with_empty_accepted_answer(tiny: Path, edit: Edit) -> None:
    edit(tiny / "cards/1990s.yaml", "accept: [Pressler]", "accept: [Pressler, '']")
    (msg,) = problems_of(tiny)
    assert "card 'pressler-what': field 'accept': empty item" in msg


def test_missing_directory_and_missing_outline(tmp_path: Path, tiny: Path) -> None:
    with pytest.raises(PkusError, match="content directory not found"):
        loader.load(tmp_path / "nope")
    (tiny / "outline.yaml").unlink()
    msgs = "\n".join(problems_of(tiny))
    assert "outline.yaml:1: missing" in msgs


def test_empty_and_binary_files(tiny: Path) -> None:
    (tiny / "terms/empty.yaml").write_text("", encoding="utf-8")
    (tiny / "terms/binary.yaml").write_bytes(b"terms:\n  - \xff\xfe\n")
    msgs = "\n".join(problems_of(tiny))
    assert "terms/empty.yaml:1: the file is empty" in msgs
    assert "terms/binary.yaml:2: not UTF-8 text" in msgs  # the line of the bad byte


def test_decade_id_must_match_file_name(tiny: Path) -> None:
    (tiny / "decades/1990s.yaml").rename(tiny / "decades/1980s.yaml")
    msgs = "\n".join(problems_of(tiny))
    assert "field 'id': '1990s' does not match the file name (expected '1980s')" in msgs


def test_quality_checks_name_thin_subsections(tiny: Path, edit: Edit) -> None:
    edit(tiny / "decades/1990s.yaml", "sections: [2A]\n    terms", "sections: [3A]\n    terms")
    problems = [str(p) for p in checks.quality_problems(loader.load(tiny))]
    assert problems == [
        f"{display_path(tiny / 'outline.yaml')}:15: subsection 2A: 2 linked event(s), "
        "needs at least 3 (list '2A' in events' sections)"
    ]


def test_quality_checks_catch_a_date_split_at_its_comma(tiny: Path, edit: Edit) -> None:
    edit(
        tiny / "cards/1950s.yaml",
        'question: In which year did Pakistan join SEATO?, answer: "1954"}',
        "question: On what date did Pakistan sign the Manila Pact?, answer: 8 September 1954,"
        " accept: [September 8, 1954]}",
    )
    problems = [str(p) for p in checks.quality_problems(loader.load(tiny))]
    assert len(problems) == 2
    assert "accepted answer 'September 8' is only part of the date" in problems[0] + problems[1]
    assert "accepted answer '1954' is only part of the date" in problems[0] + problems[1]


# --- the exam material ---------------------------------------------------------------------


def test_exam_material_loads(tiny: Path) -> None:
    pack = loader.load(tiny)
    past, likely = pack.papers()
    assert past.past and past.label == "CSS 2020, Current Affairs, Q1"
    assert not likely.past and "not a past paper" in likely.label
    assert past.outline.event_ids()[:3] == ("mdaa", "seato", "baghdad")
    assert pack.works()[0].byline == "Dwight D. Eisenhower"
    assert pack.quotes()[0].event == "seato"


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("questions/all.yaml", "events: [seato], terms: [seato]", "events: [seatoo]",
     "unknown event 'seatoo' (did you mean 'seato'?)"),
    ("questions/all.yaml", "    status: likely\n", "    status: likely\n    year: 2021\n",
     "field 'year': a likely question is pkus's own"),
    ("questions/all.yaml", "    sources: [src-a]\n    outline:", "    outline:",
     "missing required field 'sources'"),
    ("questions/all.yaml", "      key_dates: [mdaa, seato, baghdad]\n  - id: likely",
     "      key_dates: [mdaa]\n  - id: likely", "1 key dates; list 3 to 8"),
    ("questions/all.yaml",
     "        - {point: The Baghdad Pact tied it to the Middle East., events: [baghdad]}\n",
     "", "3 arguments; a model outline has 4 to 7"),
    ("literature/works.yaml", "kind: memoir", "kind: novel", "'novel' is not one of memoir"),
    ("literature/works.yaml", "    people: [ike]\n    events: [mdaa]\n", "",
     "a work names at least one event or person"),
    ("quotes/quotes.yaml", 'date: "1954-09-08"', 'date: "8 Sept 1954"', "expected a date like"),
    ("quotes/quotes.yaml", "person: ike", "person: ikee", "unknown person 'ikee'"),
])  # fmt: skip
def test_exam_material_problems_name_file_and_line(
    tiny: Path, edit: Edit, file: str, old: str, new: str, message: str
) -> None:
    edit(tiny / file, old, new)
    found = problems_of(tiny)
    assert any(message in m and m.startswith(display_path(tiny / file) + ":") for m in found), found


def test_a_file_that_cannot_be_read_is_listed_before_what_follows_from_it(
    tiny: Path, edit: Edit
) -> None:
    # A syntax error in a decade file leaves its events undefined: the cards about them
    # then name unknown events, and sort before the decade file. The cause comes first.
    edit(tiny / "decades/1990s.yaml", "    title: Pakistan tests", "    title: [Pakistan tests")
    (tiny / "cards/1990s.yaml").write_text(
        "cards:\n  - {id: c1, about: event:tests-1998, kind: when, question: When?,"
        " answer: '1998'}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        loader.load(tiny)
    messages = [p.message for p in info.value.problems]
    assert messages[0].startswith("YAML syntax error") and len(messages) > 1
    assert "unknown event 'tests-1998'" in messages[1]
    assert "YAML syntax error" in str(info.value).splitlines()[1]
