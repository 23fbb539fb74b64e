"""pkus export: the Anki deck, Anki text, Markdown and JSON, and writing files atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import genanki
import pytest

from pkus_cli import export

from .conftest import TINY, Run

Edit = Callable[[Path, str, str], None]

# The tiny pack's one work has no decade of its own (1965 is not in it): no note for it.
ALL_NOTES = {
    "card:seato-year", "card:ike-who", "card:pressler-what",
    "year:mdaa", "year:seato", "year:baghdad", "year:pressler-cutoff", "year:tests-1998",
    "year:coup-1999", "quote:ike-seato-remark",
}  # fmt: skip


def do_export(run: Run, *args: str):  # type: ignore[no-untyped-def]
    return run("--content", str(TINY), "export", *args)


def apkg_notes(path: Path, tmp_path: Path) -> list[tuple[str, list[str], str]]:
    """(guid, fields, tags) of every note in an .apkg, read from its collection database."""
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", tmp_path / "unzipped")
    db = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    try:
        rows = db.execute("SELECT guid, flds, tags, mid FROM notes ORDER BY id").fetchall()
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    finally:
        db.close()
    assert {str(export.MODEL_ID)} == {str(r[3]) for r in rows} <= set(models)
    assert str(export.DECK_ID) in decks
    return [(g, flds.split("\x1f"), tags.strip()) for g, flds, tags, _ in rows]


def test_anki_deck_has_one_note_per_card_and_year_question(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = do_export(run, "anki", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "notes 10" in result.stdout
    notes = apkg_notes(out, tmp_path)
    assert {g for g, _, _ in notes} == {genanki.guid_for(i) for i in ALL_NOTES}
    by_guid = {g: (fields, tags) for g, fields, tags in notes}
    fields, tags = by_guid[genanki.guid_for("card:ike-who")]
    assert len(fields) == len(export.FIELDS) == 5
    assert fields[0] == "Which US president signed the 1954 agreement?"
    assert fields[1] == "Eisenhower (also: Dwight D. Eisenhower, Ike)"
    assert fields[3] == "US president who signed Pakistan up to the alliances."
    assert fields[4] == '<a href="https://example.org/a">Source A</a>'
    assert set(tags.split()) == {"pkus::decade::1950s", "pkus::topic::alliances"}
    fields, tags = by_guid[genanki.guid_for("year:pressler-cutoff")]
    assert fields[:3] == ["In what year: Aid cut off under Pressler?", "1990", "October 1990"]
    assert set(tags.split()) == {
        "pkus::decade::1990s", "pkus::topic::nuclear", "pkus::topic::sanctions",
    }  # fmt: skip


def test_anki_guids_are_stable_across_exports(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert do_export(run, "anki", "-o", str(first)).exit_code == 0
    assert do_export(run, "anki", "-o", str(second)).exit_code == 0
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    guids = [sorted(g for g, _, _ in apkg_notes(p, tmp_path / d)) for p, d in
             ((first, "one"), (second, "two"))]  # fmt: skip
    assert guids[0] == guids[1]


def test_anki_export_filters_by_decade(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "90s.apkg"
    result = do_export(run, "anki", "--decade", "90s", "-o", str(out))
    assert result.exit_code == 0, result.output
    guids = {g for g, _, _ in apkg_notes(out, tmp_path)}
    expected = {"card:pressler-what", "year:pressler-cutoff", "year:tests-1998", "year:coup-1999"}
    assert guids == {genanki.guid_for(i) for i in expected}


def read_tsv(path: Path) -> tuple[dict[str, str], list[list[str]]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    headers = dict(line[1:].split(":", 1) for line in lines if line.startswith("#"))
    body = "\n".join(line for line in lines if not line.startswith("#"))
    return headers, list(csv.reader(io.StringIO(body), delimiter="\t"))


def test_tsv_has_anki_headers_and_one_row_per_note(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "deck.tsv"
    assert do_export(run, "tsv", "-o", str(out)).exit_code == 0
    headers, rows = read_tsv(out)
    assert headers["separator"] == "tab" and headers["html"] == "false"
    columns = headers["columns"].split("\t")
    assert columns == ["Question", "Answer", "Date", "Context", "Source", "Tags", "GUID"]
    assert int(headers["tags column"]) == columns.index("Tags") + 1
    assert int(headers["guid column"]) == columns.index("GUID") + 1
    assert all(len(r) == len(columns) for r in rows) and len(rows) == len(ALL_NOTES)
    guid = columns.index("GUID")
    assert {r[guid] for r in rows} == {genanki.guid_for(i) for i in ALL_NOTES}
    seato = next(r for r in rows if r[0] == "In which year did Pakistan join SEATO?")
    assert seato[1:3] == ["1954", "8 September 1954"]
    assert seato[4] == "Source A <https://example.org/a>"
    assert seato[5] == "pkus::decade::1950s pkus::topic::alliances"


def test_markdown_study_guide_contains_every_decade(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "guide.md"
    assert do_export(run, "markdown", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# A tiny test pack\n") and text.endswith("\n")
    for piece in ("## Outline", "1. **1950s: Alliances**", "## 1950s: Alliance years (1950-1959)",
                  "## 1990s: Estrangement (1990-1999)", "#### 19 May 1954: ", "## People",
                  "**Dwight D. Eisenhower**", "## Terms", "**SEATO** (1954",
                  "## Common errors", "## Sources", "<https://example.org/a>"):  # fmt: skip
        assert piece in text, piece
    assert text.index("## 1950s") < text.index("Pakistan joins SEATO") < text.index("## 1990s")
    # A guide that prints: events are headings and paragraphs; tables only for what is
    # tabular (leaders, figures), and a pipe in the text never breaks one.
    assert "| Date | Event |" not in text
    assert "#### 1999: Military coup [October]" in text and "`coup-1999`" in text
    assert "| Country | Role | Name | Years |" in text


def test_markdown_with_a_filter_has_only_that_slice(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "90s.md"
    assert do_export(run, "md", "--decade", "1990s", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## 1990s" in text and "## 1950s" not in text and "Pakistan joins SEATO" not in text
    assert "Source B" in text and "Source A" not in text


def test_json_is_the_whole_pack(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "pack.json"
    assert do_export(run, "json", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pack"]["id"] == "tiny" and data["filtered"] is False
    counts = {k: len(data[k]) for k in ("decades", "events", "people", "terms", "cards",
                                         "corrections", "sources", "outline", "tags")}  # fmt: skip
    assert counts == {
        "decades": 2, "events": 6, "people": 1, "terms": 2, "cards": 3, "corrections": 1,
        "sources": 2, "outline": 3, "tags": 3,
    }  # fmt: skip
    assert data["decades"][0]["leaders"][0]["person"] == "ike"
    sliced = tmp_path / "nuclear.json"
    assert do_export(run, "json", "--tag", "nuclear", "-o", str(sliced)).exit_code == 0
    tag = json.loads(sliced.read_text(encoding="utf-8"))
    assert tag["filtered"] is True
    assert [e["id"] for e in tag["events"]] == ["pressler-cutoff", "tests-1998"]


def test_export_writes_a_default_file_name_here(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = _folder(tmp_path)
    monkeypatch.chdir(here)
    result = do_export(run, "json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote pkus-tiny.json (json: events 6")
    made = here / "pkus-tiny.json"
    assert stat.S_IMODE(made.stat().st_mode) == 0o666 & ~_umask()
    assert sorted(p.name for p in here.iterdir()) == ["pkus-tiny.json"]


def _folder(tmp_path: Path) -> Path:
    """An empty folder of its own (tmp_path also holds the test's cache)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("csv",),
            2,
            "error: unknown export format 'csv': choose one of anki, tsv, markdown, json",
        ),
        (("json", "--tag", "wars"), 2, "error: unknown tag 'wars'"),
        (("json", "--section", "9"), 2, "error: unknown section '9'"),
        (("json", "-o", "/no/such/folder/x.json"), 1, "error: cannot write /no/such/folder/x.json"),
    ],
)
def test_export_errors_are_one_line(
    run: Run, args: tuple[str, ...], code: int, message: str
) -> None:
    result = do_export(run, *args)
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_to_a_folder_is_refused(run: Run, tmp_path: Path) -> None:
    result = do_export(run, "tsv", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert "it is a folder" in result.stderr


def _half_then(exc: BaseException):  # type: ignore[no-untyped-def]
    def write_tsv(pack, items, f) -> None:  # type: ignore[no-untyped-def]
        f.write("#separator:tab\npartial")
        f.flush()
        raise exc

    return write_tsv


def test_failed_export_leaves_no_partial_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _folder(tmp_path) / "deck.tsv"
    monkeypatch.setattr(export, "write_tsv", _half_then(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):  # a bug keeps its traceback ...
        do_export(run, "tsv", "-o", str(out))
    assert list(out.parent.iterdir()) == []  # ... but leaves nothing behind


def test_disk_error_keeps_the_old_file_and_reports_one_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _folder(tmp_path) / "deck.tsv"
    out.write_text("the previous export\n", encoding="utf-8")
    monkeypatch.setattr(export, "write_tsv", _half_then(OSError(28, "No space left on device")))
    result = do_export(run, "tsv", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: cannot write {out}: No space left on device"
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in out.parent.iterdir()] == ["deck.tsv"]


def test_cli_and_views_do_not_import_genanki() -> None:
    code = (
        "import sys, pkus_cli.cli.app, pkus_cli.views.pages, pkus_cli.views.find, pkus_cli.export; "
        "print('genanki' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_apkg_imports_into_a_real_collection_and_reimport_updates(
    run: Run, tmp_path: Path, tiny: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the optional `anki` package: a re-import of an edited deck updates, never adds."""
    pytest.importorskip("anki")
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    def import_(col: Collection, deck: Path) -> None:
        options = ImportAnkiPackageOptions()  # Anki's defaults: update notes if newer
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options))

    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    assert run("--content", str(tiny), "export", "anki", "-o", str(first)).exit_code == 0
    edit(tiny / "cards" / "1950s.yaml", "answer: Eisenhower", "answer: Dwight Eisenhower")
    later = time.time() + 60  # Anki skips a note whose modification time has not changed
    monkeypatch.setattr(time, "time", lambda: later)
    assert run("--content", str(tiny), "export", "anki", "-o", str(second)).exit_code == 0
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_(col, first)
        assert col.note_count() == len(ALL_NOTES)
        import_(col, second)
        assert col.note_count() == len(ALL_NOTES)
        notes = {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}
        assert set(notes) == {genanki.guid_for(i) for i in ALL_NOTES}
        ike = notes[genanki.guid_for("card:ike-who")]
        assert ike["Answer"].startswith("Dwight Eisenhower")
        assert "pkus::decade::1950s" in ike.tags
    finally:
        col.close()
