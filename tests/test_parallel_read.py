"""A large pack's later decade files read by a second process (see `pack.parallel`): the
pack, and every problem found in it, are those of one process reading it all."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pkus_cli.errors import ContentError
from pkus_cli.pack import loader, parallel

CONTENT = Path(__file__).resolve().parent.parent / "content"
Edit = Callable[[Path, str, str], None]

pytestmark = pytest.mark.skipif(
    not parallel._can_fork(), reason="needs Linux and a second core for the second process"
)


def _read(root: Path, monkeypatch: pytest.MonkeyPatch, *, twofold: bool) -> object:
    """The pack's contents, or its problems as text, read by one process or by two."""
    with monkeypatch.context() as m:
        m.setattr(parallel, "MIN_BYTES", 0 if twofold else 10**15)
        m.setattr(parallel, "MINE", 0.99)  # this process keeps all but the last decade
        try:
            p = loader.load(root)
        except ContentError as e:
            return sorted(str(x) for x in e.problems)
    where = {k: dict(v) for k, v in p.locations._by_kind.items()}
    return (p.events(), p.cards(), p.decades, p.people(), p.terms(), where, p.notices)


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[list[Path]]:
    """The decade files each second process was given."""
    given: list[list[Path]] = []
    real = parallel.Reader.__init__

    def spy(self: parallel.Reader, b: object, paths: list[Path], read: object) -> None:
        given.append(paths)
        real(self, b, paths, read)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel.Reader, "__init__", spy)
    return given


def test_the_shipped_pack_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    forks = _forks(monkeypatch)
    twofold = _read(CONTENT, monkeypatch, twofold=True)
    assert [p.name for p in forks[0]] == ["2020s.yaml"]
    assert isinstance(twofold, tuple) and twofold == _read(CONTENT, monkeypatch, twofold=False)


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        # an id given in both halves, and a title
        ("decades/1990s.yaml", "  - id: pressler-cutoff", "  - id: seato"),
        ("decades/1990s.yaml", "title: Aid cut off under Pressler", "title: Pakistan joins SEATO"),
        # an id given twice in the second half
        ("decades/1990s.yaml", "  - id: tests-1998", "  - id: pressler-cutoff"),
        # what the second process finds on its own: a bad reference, a syntax error
        ("decades/1990s.yaml", "    sources: [src-b]", "    sources: [src-q]"),
        ("decades/1990s.yaml", "    title: Pakistan tests", "    title: [Pakistan tests"),
        ("decades/1990s.yaml", "    significance: More sanctions.", "    signifcance: More."),
        # a card about an event of the second half that is not there
        ("cards/1990s.yaml", 'about: "term:pressler"', 'about: "event:coup-199"'),
    ],
)
def test_problems_are_the_same(
    tiny: Path, edit: Edit, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str
) -> None:
    edit(tiny / file, old, new)
    forks = _forks(monkeypatch)
    twofold = _read(tiny, monkeypatch, twofold=True)
    assert [p.name for p in forks[0]] == ["1990s.yaml"]
    assert isinstance(twofold, list) and twofold
    assert twofold == _read(tiny, monkeypatch, twofold=False)


def test_a_failed_second_process_leaves_its_files_to_this_one(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(parallel, "_read_each", fail)  # runs in the copy, and fails there
    forks = _forks(monkeypatch)
    twofold = _read(tiny, monkeypatch, twofold=True)
    assert forks and twofold == _read(tiny, monkeypatch, twofold=False)


def test_no_room_for_a_second_process_leaves_it_all_to_this_one(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(parallel.os, "fork", no_fork)
    assert _read(tiny, monkeypatch, twofold=True) == _read(tiny, monkeypatch, twofold=False)


def test_no_second_process_beside_other_threads_or_for_a_small_pack(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = sorted((tiny / "decades").glob("*.yaml"))
    cards = sorted((tiny / "cards").glob("*.yaml"))
    assert parallel.split(paths, cards) is None  # a few kB: not worth a fork
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    assert parallel.split(paths, cards) is not None
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel.split(paths, cards) is None
    finally:
        stop.set()
        other.join()
