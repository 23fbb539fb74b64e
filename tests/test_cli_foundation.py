"""outline, decade, validate and the global options, through Typer's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pkus_cli import __version__

from .conftest import TINY, Run

Edit = Callable[[Path, str, str], None]


def test_version_and_help(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"pkus {__version__}"
    result = run("--help")
    assert result.exit_code == 0
    for command in ("outline", "decade", "validate"):
        assert command in result.stdout


def test_outline_tree_lists_sections_in_order(run: Run) -> None:
    result = run("--content", str(TINY), "outline")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("1. 1950s: Alliances") < out.index("2. 1990s: Sanctions") < out.index("3.")
    assert "A. Joining the pacts" in out
    assert "Pakistan signs up" not in out  # summaries only when a section is expanded


def test_outline_section_expands_with_events(run: Run) -> None:
    for key in ("2", "estrangement"):
        result = run("--content", str(TINY), "outline", "--section", key)
        assert result.exit_code == 0, result.output
        assert "Aid is cut off over the nuclear programme." in result.stdout
        assert "1990-10" in result.stdout and "Aid cut off under Pressler" in result.stdout
        assert "1. 1950s" not in result.stdout
    # square brackets in content are text, not Rich markup
    assert "Military coup [October]" in result.stdout


def test_outline_json_shape(run: Run) -> None:
    result = run("--content", str(TINY), "outline", "--json")
    data = json.loads(result.stdout)
    assert [s["number"] for s in data["sections"]] == [1, 2, 3]
    first = data["sections"][0]
    assert set(first) >= {"number", "id", "title", "subsections"}
    assert first["subsections"][0] == {
        "letter": "A",
        "title": "Joining the pacts",
        "summary": "Pakistan signs up to US-led alliances.",
    }
    expanded = json.loads(run("--content", str(TINY), "outline", "-s", "1", "--json").stdout)
    assert [e["id"] for e in expanded["sections"][0]["subsections"][0]["events"]] == [
        "mdaa", "seato", "baghdad",
    ]  # fmt: skip


def test_outline_unknown_section_exits_2_naming_valid_ones(run: Run) -> None:
    result = run("--content", str(TINY), "outline", "--section", "9")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "error: unknown section '9': choose one of 1 (formative), 2 (estrangement), "
        "3 (later), or a code like 4B"
    )


@pytest.mark.parametrize("form", ["1990s", "90s", "1990", "1998", "'90s", "90"])
def test_decade_accepts_every_form(run: Run, form: str) -> None:
    result = run("--content", str(TINY), "decade", form, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "1990s"


def test_decade_text_view(run: Run) -> None:
    result = run("--content", str(TINY), "decade", "1950s")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for piece in ("1950s: Alliance years", "1950-1959", "Dwight D. Eisenhower",
                  "Muhammad Ali Bogra",
                  "Mutual defence agreement signed", "Arms begin to flow.", "$1 billion",
                  "Takeaways", "1. 1950s: Alliances"):  # fmt: skip
        assert piece in out, piece
    assert out.index("1954-05-19") < out.index("1954-09-08") < out.index("1955-09")


def test_decade_json_shape(run: Run) -> None:
    data = json.loads(run("--content", str(TINY), "decade", "1990s", "--json").stdout)
    assert set(data) >= {"id", "title", "summary", "takeaways", "events"}
    assert data["takeaways"] == ["One.", "Two.", "Three."]
    event = data["events"][0]
    assert event == event | {
        "id": "pressler-cutoff",
        "date": "1990-10",
        "title": "Aid cut off under Pressler",
        "tags": ["sanctions", "nuclear"],
        "sources": ["src-b"],
    }
    assert set(event) >= {"summary", "significance"}
    assert [e["date"] for e in data["events"]] == ["1990-10", "1998-05-28", "1999"]


def test_decade_unknown_exits_2_with_valid_names(run: Run) -> None:
    result = run("--content", str(TINY), "decade", "1880s")
    assert result.exit_code == 2
    assert "unknown decade '1880s': choose one of 1950s, 1990s" in result.stderr
    assert "Traceback" not in result.output


def test_decade_without_content_says_so(run: Run, tiny: Path, edit: Edit) -> None:
    edit(tiny / "outline.yaml", "    decades: []", "    decades: [2000s]")
    result = run("--content", str(tiny), "decade", "2005")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: no content for the 2000s yet")
    listing = run("--content", str(tiny), "decade")
    assert listing.exit_code == 0 and "no content yet" in listing.stdout


def test_decade_list(run: Run) -> None:
    result = run("--content", str(TINY), "decade")
    assert result.exit_code == 0
    assert "1950s" in result.stdout and "Estrangement" in result.stdout
    data = json.loads(run("--content", str(TINY), "decade", "--json").stdout)
    assert [d["id"] for d in data["decades"]] == ["1950s", "1990s"]


def test_validate_counts(run: Run) -> None:
    result = run("validate", str(TINY))
    assert result.exit_code == 0, result.output
    assert "6 events" in result.stdout and "2 decades" in result.stdout
    data = json.loads(run("--content", str(TINY), "validate", "--json").stdout)
    assert data["events"] == 6 and data["sections"] == 3 and data["valid"] is True


def test_validate_broken_pack_lists_every_problem_and_exits_1(
    run: Run, tiny: Path, edit: Edit
) -> None:
    edit(tiny / "decades/1990s.yaml", "tags: [nuclear]", "tags: [nukes]")
    edit(tiny / "people/all.yaml", "name: Dwight", "nme: Dwight")
    result = run("validate", str(tiny))
    assert result.exit_code == 1
    assert result.stdout == ""
    err = result.stderr
    assert "error: 3 problems in the content pack:" in err
    assert "decades/1990s.yaml:28: event 'tests-1998': unknown tag 'nukes'" in err
    assert "people/all.yaml:3: person 'ike': unknown field 'nme' (did you mean 'name'?)" in err
    assert "Traceback" not in result.output


def test_broken_pack_fails_every_command_cleanly(run: Run, tiny: Path) -> None:
    (tiny / "pack.yaml").write_text("schema: 1\nid: [oops\n", encoding="utf-8")
    result = run("--content", str(tiny), "outline")
    assert result.exit_code == 1
    assert "pack.yaml:3: YAML syntax error" in result.stderr


def test_missing_content_directory(run: Run, tmp_path: Path) -> None:
    result = run("--content", str(tmp_path / "nowhere"), "outline")
    assert result.exit_code == 1
    assert "content directory not found" in result.stderr


def test_pkus_content_environment_variable(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PKUS_CONTENT", str(TINY))
    assert "A tiny test pack" in run("outline").stdout


def test_unknown_command_and_option_are_usage_errors(run: Run) -> None:
    assert run("outlines").exit_code == 2
    assert run("outline", "--bogus").exit_code == 2


def test_python_dash_m_runs_the_same_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pkus_cli", "--content", str(TINY), "decade", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["decades"][0]["id"] == "1950s"


def test_piped_output_has_no_colour_codes(run: Run) -> None:
    result = run("--content", str(TINY), "decade", "1990s")
    assert "\x1b[" not in result.stdout


def test_outline_subsection_code_shows_that_subsection_alone(run: Run) -> None:
    result = run("--content", str(TINY), "outline", "--section", "2a", "--json")
    assert result.exit_code == 0, result.output
    (section,) = json.loads(result.stdout)["sections"]
    assert [sub["letter"] for sub in section["subsections"]] == ["A"]
    assert [e["id"] for e in section["subsections"][0]["events"]] == [
        "pressler-cutoff", "tests-1998", "coup-1999",
    ]  # fmt: skip
