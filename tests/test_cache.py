"""The compiled content cache: warm starts skip YAML, any change rebuilds, faults are harmless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pkus_cli.pack import cache, loader
from pkus_cli.pack.model import Pack


def no_yaml(root: Path) -> Pack:
    raise AssertionError("the cache should have answered without parsing YAML")


def same(a: Pack, b: Pack) -> None:
    assert a == b  # the small parts
    for name in ("events", "people", "terms", "sources", "cards", "corrections"):
        assert getattr(a, name)() == getattr(b, name)(), name


def test_round_trip_is_exact(tiny: Path) -> None:
    pack = loader.load(tiny)
    cache.load(tiny)
    same(cache.load(tiny, build=no_yaml), pack)


def test_warm_load_does_not_parse_yaml(tiny: Path) -> None:
    first = cache.load(tiny)
    same(cache.load(tiny, build=no_yaml), first)
    assert len(list(cache.cache_dir().iterdir())) == 1


def test_any_change_to_a_file_rebuilds(tiny: Path) -> None:
    cache.load(tiny)
    path = tiny / "decades/1990s.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("More sanctions.", "Even more sanctions."),
        encoding="utf-8",
    )
    pack = cache.load(tiny)
    assert (
        next(e for e in pack.events() if e.id == "coup-1999").significance == "Even more sanctions."
    )
    # the stale compilation of the same pack was removed
    assert len(list(cache.cache_dir().iterdir())) == 1


def test_added_file_and_new_version_rebuild(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load(tiny)
    (tiny / "terms/more.yaml").write_text(
        "terms:\n  - {id: cento, term: CENTO, year: '1959', definition: A pact.,"
        " sources: [src-a]}\n",
        encoding="utf-8",
    )
    assert any(t.id == "cento" for t in cache.load(tiny).terms())
    cache.load(tiny, build=no_yaml)
    monkeypatch.setattr(cache, "__version__", "99.0")
    with pytest.raises(AssertionError):
        cache.load(tiny, build=no_yaml)


def test_corrupt_cache_files_are_rebuilt(tiny: Path) -> None:
    cache.load(tiny)
    (folder,) = cache.cache_dir().iterdir()
    (folder / "core.json").write_text('{"root": ', encoding="utf-8")
    assert cache.load(tiny).id == "tiny"
    (folder / "core.json").write_text('{"unexpected": 1}', encoding="utf-8")
    assert cache.load(tiny).id == "tiny"
    # a damaged part is noticed when it is first read: the answer comes from the YAML
    cache.load(tiny)
    (folder / "events-1990s-0.json").write_text("[{", encoding="utf-8")
    pack = cache.load(tiny, build=None)
    assert next(e.id for e in pack.events_of("1990s")) == "pressler-cutoff"


def test_unwritable_cache_is_bypassed(
    tiny: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocker / "packs")
    assert cache.load(tiny).id == "tiny"


def test_a_broken_pack_is_never_cached(tiny: Path) -> None:
    (tiny / "pack.yaml").write_text("schema: [\n", encoding="utf-8")
    with pytest.raises(loader.ContentError):
        cache.load(tiny)
    assert not cache.cache_dir().exists() or not list(cache.cache_dir().iterdir())


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pkus_cli", *args],
        capture_output=True, text=True, check=False, env={**os.environ},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.slow
def test_warm_outline_imports_nothing_heavy(tiny: Path) -> None:
    imported_modules("--content", str(tiny), "outline")  # warms the cache
    names = imported_modules("--content", str(tiny), "outline")
    heavy = {"yaml", "genanki", "fsrs", "pydantic", "rapidfuzz", "sqlite3"}
    assert not heavy & {n.split(".")[0] for n in names}
    help_names = imported_modules("--help")
    assert "pydantic" not in {n.split(".")[0] for n in help_names}


def test_indexed_lookups_agree_between_memory_and_cache(tiny: Path) -> None:
    memory = loader.load(tiny)
    cache.load(tiny)
    cached = cache.load(tiny, build=no_yaml)
    for p in (memory, cached):
        ids = [e.id for e in p.events()]
        assert sorted(p.event_ids()) == sorted(ids)
        for n, ident in enumerate(ids):
            before, after = p.neighbours(ident)
            assert (before.id if before else None) == (ids[n - 1] if n else None)
            assert (after.id if after else None) == (ids[n + 1] if n + 1 < len(ids) else None)
            assert p.event(ident) == memory.event(ident)
        assert p.event("nope") is None
        assert [c.id for c in p.cards_about("event:seato")] == ["seato-year"]
        assert p.cards_about("event:mdaa") == ()


def test_stale_compilations_of_other_packs_are_swept(tiny: Path) -> None:
    import time as clock

    stale = cache.cache_dir() / "deadbeef-0000"
    stale.mkdir(parents=True)
    (stale / "core.json").write_text("{}", encoding="utf-8")
    recent = cache.cache_dir() / "cafebabe-0000"
    recent.mkdir()
    old = clock.time() - (cache.STALE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    cache.load(tiny)
    assert not stale.exists() and recent.exists()


def test_the_kept_catalogue_is_the_derived_one_and_survives_damage(tiny: Path) -> None:
    from pkus_cli.views.subjects import CATALOGUE_RULES, catalogue

    derived = catalogue(loader.load(tiny))
    cache.load(tiny)
    assert catalogue(cache.load(tiny, build=no_yaml)) == derived  # derived, then kept
    (kept,) = cache.cache_dir().glob(f"*/memo-catalogue-{CATALOGUE_RULES}.json")
    assert catalogue(cache.load(tiny, build=no_yaml)) == derived  # read from the file
    kept.write_text('[["card:x", ["no-such-kind"], "1990s", [], null]]')
    assert catalogue(cache.load(tiny, build=no_yaml)) == derived  # damaged: derived again
    good = json.loads(kept.read_text())
    for damage in ({"kind_sets": [["no-such-kind"]]}, {"kinds": [7] * len(good["ids"])},
                   {"decades": good["decades"][1:]}, {"ids": None}):  # fmt: skip
        kept.write_text(json.dumps({**good, **damage}))
        assert catalogue(cache.load(tiny, build=no_yaml)) == derived, damage
        assert json.loads(kept.read_text())["ids"] == good["ids"]  # and written anew
    kept.write_text("{not json")
    assert catalogue(cache.load(tiny, build=no_yaml)) == derived


def test_events_and_cards_are_read_a_file_at_a_time(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files of two: every lookup must agree with the YAML, reading only the file it needs.
    monkeypatch.setattr(cache, "BLOCK", 2)
    memory = loader.load(tiny)
    cache.load(tiny)
    cached = cache.load(tiny, build=no_yaml)
    (folder,) = cache.cache_dir().iterdir()
    assert len(list(folder.glob("events-*.json"))) > len(memory.decades)
    read: list[str] = []
    real = cache.CachedParts._read
    monkeypatch.setattr(
        cache.CachedParts, "_read", lambda self, name, t: read.append(name) or real(self, name, t)
    )
    last = memory.events_of("1950s")[-1]
    assert cached.event(last.id) == last
    assert [n for n in read if n.startswith("events-")] == [
        f"events-1950s-{(len(memory.events_of('1950s')) - 1) // 2}.json"
    ]
    same(cached, memory)
    for e in memory.events():
        assert e in cached.events_near(e.id) and cached.event(e.id) == e
        assert {h.id: (h.date, h.title) for h in cached.event_heads()[e.decade]}[e.id] == (
            e.date, e.title,
        )  # fmt: skip
    for c in memory.cards():
        assert c in cached.cards_near(c.id)
        assert cached.cards_about(str(c.about)) == memory.cards_about(str(c.about))
    assert cached.events_near("nope") == () and cached.cards_near("nope") == ()


def test_a_decade_is_read_run_by_run_as_stored(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The timeline prints a decade a stored file at a time, counted without reading any.
    monkeypatch.setattr(cache, "BLOCK", 2)
    memory = loader.load(tiny)
    cache.load(tiny)
    cached = cache.load(tiny, build=no_yaml)
    read: list[str] = []
    real = cache.CachedParts._read
    monkeypatch.setattr(
        cache.CachedParts, "_read", lambda self, name, t: read.append(name) or real(self, name, t)
    )
    for d in memory.decades:
        assert cached.event_count(d.id) == memory.event_count(d.id) == len(memory.events_of(d.id))
    assert read == []  # the counts come with the pack's core
    runs = cached.event_runs("1950s")
    first = next(runs)
    assert read == ["events-1950s-0.json"] and len(first) == 2
    rest = [e for r in runs for e in r]
    assert read == ["events-1950s-0.json", "events-1950s-1.json"]
    assert [*first, *rest] == list(memory.events_of("1950s"))
    assert list(memory.event_runs("1950s")) == [memory.events_of("1950s")]
    assert cached.event_count("1880s") == 0 and list(cached.event_runs("1880s")) == []


def test_a_damaged_run_is_read_from_the_yaml(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "BLOCK", 2)
    memory = loader.load(tiny)
    cache.load(tiny)
    (folder,) = cache.cache_dir().iterdir()
    (folder / "events-1950s-1.json").write_text("[{", encoding="utf-8")
    cached = cache.load(tiny)
    events = [e for r in cached.event_runs("1950s") for e in r]
    assert events == list(memory.events_of("1950s"))
