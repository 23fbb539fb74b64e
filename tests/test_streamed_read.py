"""A long list read in parts (see `records.Streamed`) reads exactly as the file read whole:
the same items, the same lines, the same problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pkus_cli.errors import ContentError
from pkus_cli.pack import loader, records
from pkus_cli.pack.model import Pack

CONTENT = Path(__file__).resolve().parent.parent / "content"
Edit = Callable[[Path, str, str], None]


def _load(
    root: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool, part: int = 300
) -> Pack | list[str]:
    """The pack, or its problems, read with every list in parts of about `part` characters."""
    with monkeypatch.context() as m:
        m.setattr(records, "STREAM_CHARS", 0 if streamed else 10**12)
        m.setattr(records, "PART_CHARS", part)
        try:
            return loader.load(root)
        except ContentError as e:
            return [str(p) for p in e.problems]


def _parts_read(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """For each file whose list is read in parts, how many parts it was cut into."""
    seen: dict[str, int] = {}
    original = records.Streamed.__init__

    def spy(self: records.Streamed, f: records.File, *args: object) -> None:
        original(self, f, *args)  # type: ignore[arg-type]
        seen[f.path.relative_to(f.path.parent.parent).as_posix()] = len(self.cuts) - 1

    monkeypatch.setattr(records.Streamed, "__init__", spy)
    return seen


def test_the_shipped_pack_reads_the_same_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _load(CONTENT, monkeypatch, streamed=False)
    parts = _parts_read(monkeypatch)
    streamed = _load(CONTENT, monkeypatch, streamed=True)
    assert isinstance(whole, Pack) and isinstance(streamed, Pack)
    assert sum(parts.values()) > 100  # the decade and card files really were read in parts
    assert streamed.events() == whole.events()
    assert streamed.cards() == whole.cards()
    assert streamed.people() == whole.people() and streamed.terms() == whole.terms()
    assert streamed.sources() == whole.sources()
    assert streamed.decades == whole.decades
    for key in [
        *(f"event:{e.id}" for e in whole.events()),
        *(f"card:{c.id}" for c in whole.cards()),
    ]:
        assert streamed.locations[key] == whole.locations[key], key


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    title: Pakistan tests", "    title: [Pakistan tests"),  # a syntax error
        ("    significance:", "    signifcance:"),  # an unknown field, in a later item
        ("    sources: [", "    sources: [no-such-source, "),  # an unknown reference
        ("    date: ", "    date: 1899-"),  # a bad value
    ],
)
def test_problems_are_reported_at_the_same_lines(
    tiny: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    path = tiny / "decades/1990s.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.rfind(old)
    assert at > 0, old
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")  # the last one
    whole = _load(tiny, monkeypatch, streamed=False)
    assert isinstance(whole, list) and whole
    assert _load(tiny, monkeypatch, streamed=True) == whole


def test_a_quoted_text_running_over_a_cut_reads_as_whole(
    tiny: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A quoted text may go on over a line that looks like a new item ("- ..." at the list's
    # own indentation): a part cut there does not read, so the file is read whole.
    path = tiny / "decades/1990s.yaml"
    old = "    summary: Pakistan answers India's tests with its own."
    edit(path, old, '    summary: "Pakistan answers\n  - India\'s tests with its own."')
    text = path.read_text(encoding="utf-8")
    first, fake = text.index("\n  - id:") + 1, text.index("\n  - India") + 1
    parts = _parts_read(monkeypatch)
    whole = _load(tiny, monkeypatch, streamed=False)
    streamed = _load(tiny, monkeypatch, streamed=True, part=fake - 1 - first)
    assert parts["decades/1990s.yaml"] >= 2  # cut at the line inside the quoted text
    assert isinstance(whole, Pack) and isinstance(streamed, Pack), (whole, streamed)
    assert streamed.events() == whole.events()
    said = "Pakistan answers - India's tests with its own."
    assert [e.summary for e in streamed.events() if e.id == "tests-1998"] == [said]


def test_a_file_with_anchors_is_read_whole(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tiny / "decades/1950s.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# &anchor\n", encoding="utf-8")
    parts = _parts_read(monkeypatch)
    assert isinstance(_load(tiny, monkeypatch, streamed=True), Pack)
    assert "decades/1990s.yaml" in parts and "decades/1950s.yaml" not in parts
