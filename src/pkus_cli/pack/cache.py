"""A compiled copy of each content pack, so a warm start reads JSON and never parses YAML.

The cache file is keyed by every pack file's path, size and modification time, the
schema version and the pkus version; anything that changes them makes a new key, and
the pack is loaded (and checked) from YAML again. Files are written atomically, and a
cache that cannot be read or written is simply bypassed: it is never a reason to fail.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import operator
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pkus_cli import __version__
from pkus_cli.pack import collector, model
from pkus_cli.pack.basics import Heading
from pkus_cli.pack.model import Pack

if TYPE_CHECKING:  # the decoder imports items only when it first decodes one
    from pkus_cli.pack import items

ITEM_FOLDERS = (
    "decades", "cards", "people", "terms", "sources", "corrections", "questions",
    "literature", "quotes", "figures",
)  # fmt: skip
SCHEMA_VERSION = 1  # the content schema the loader reads (see loader.SCHEMA_VERSION)
FORMAT = 8  # the layout of the cache folder itself
# Events and cards are written in files of this many, a decade's in date order: a quiz
# question or an event page reads the file holding its item, never the whole decade.
BLOCK = 400
STALE_DAYS = 60  # compilations not rebuilt or replaced for this long are removed


def cache_dir() -> Path:
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without importing it on every start.
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "pkus" / "packs"
    from platformdirs import user_cache_path

    return user_cache_path("pkus", appauthor=False) / "packs"


def pack_files(root: Path) -> list[Path]:
    """Every file the loader may read, in a stable order."""
    files = [root / name for name in ("pack.yaml", "outline.yaml", "tags.yaml")]
    for sub in ITEM_FOLDERS:
        folder = root / sub
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    files += sorted(p for p in root.glob("*.y*ml") if p.name not in {f.name for f in files[:3]})
    return files


def _digest(text: str) -> str:
    # Two CRCs over the text: enough to tell compilations apart, and zlib is already
    # loaded where hashlib would pull in OpenSSL on every start.
    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def key_of(root: Path) -> str:
    parts = [f"{FORMAT}|{SCHEMA_VERSION}|{__version__}|{root.resolve()}"]
    for path in pack_files(root):
        try:
            st = path.stat()
        except OSError:
            parts.append(f"{path.name}:missing")
            continue
        parts.append(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    return _digest("|".join(parts))


def _root_tag(root: Path) -> str:
    return _digest(str(root.resolve()))[:8]


def load(root: Path, build: Callable[[Path], Pack] | None = None) -> Pack:
    """The pack in `root`, from the cache when it is current, else built and cached."""
    if os.environ.get("PKUS_NO_CACHE"):
        return _build(root, build)
    try:
        folder = cache_dir() / f"{_root_tag(root)}-{key_of(root)}"
    except OSError:
        return _build(root, build)
    try:
        with (folder / "core.json").open("rb") as fh:
            core = json.load(fh)
        if core.get("format") != FORMAT:
            raise ValueError("another cache format")
        return _pack_from(core, CachedParts(folder, root, _counts(core["event_counts"])))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # unreadable, or written by another format: rebuild it below
    pack = _build(root, build)
    with contextlib.suppress(OSError), collector.paused():
        _write(folder, pack)
    return pack


def _build(root: Path, build: Callable[[Path], Pack] | None) -> Pack:
    if build is not None:
        return build(root)
    from pkus_cli.pack.loader import load as load_yaml

    return load_yaml(root)


class CachedParts:
    """A pack's large collections, each read from its own JSON file when first asked for."""

    def __init__(self, folder: Path, root: Path, counts: dict[str, int] | None = None) -> None:
        self.folder = folder
        self.root = root
        self._counts = counts  # events by decade, from core.json
        self._fallback: model.Parts | None = None
        self._blocks: dict[str, tuple[Any, ...]] = {}  # files of events or cards, decoded
        self._id_lists: dict[str, dict[str, tuple[str, ...]]] = {}  # see _ids
        self._headings: dict[str, tuple[Heading, ...]] | None = None

    def _read(self, name: str, type_text: str) -> Any:
        if self._fallback is None:
            try:
                with (self.folder / name).open("rb") as fh, collector.paused():
                    if type_text == "heads":  # 50,000 of them: checked here, not per field
                        return _headings(json.load(fh))
                    return _decoder(type_text)(json.load(fh))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass
            # A damaged cache: drop it and answer from the YAML itself.
            import shutil

            shutil.rmtree(self.folder, ignore_errors=True)
            self._fallback = _build(self.root, None).parts
        return None

    def _ids(self, what: str) -> dict[str, tuple[str, ...]] | None:
        """A decade's event or card ids in file order ("events" or "cards"), by decade."""
        if what not in self._id_lists:
            if what == "events":
                heads = self._heads()
                if heads is None:
                    return None
                got: Any = {d: tuple(h.id for h in hs) for d, hs in heads.items()}
            else:
                got = self._read("card-ids.json", "dict[str, tuple[str, ...]]")
                if not isinstance(got, dict):
                    return None
            self._id_lists[what] = got
        return self._id_lists[what]

    def _heads(self) -> dict[str, tuple[Heading, ...]] | None:
        if self._headings is None:
            got = self._read("event-heads.json", "heads")
            if not isinstance(got, dict):
                return None
            self._headings = got
        return self._headings

    def _block(self, what: str, decade: str, n: int) -> tuple[Any, ...] | None:
        name = f"{what}-{decade}-{n}.json"
        if name not in self._blocks:
            got = self._read(name, f"tuple[{what[:-1].title()}, ...]")
            if not isinstance(got, tuple):
                return None
            self._blocks[name] = got
        return self._blocks[name]

    def _count(self, what: str, decade: str) -> int | None:
        if what == "events" and self._counts is not None:
            return self._counts.get(decade, 0)  # known without reading the headings
        ids = self._ids(what)
        return None if ids is None else len(ids.get(decade, ()))

    def _decade(self, what: str, decade: str) -> tuple[Any, ...] | None:
        count = self._count(what, decade)
        if count is None:
            return None
        out: list[Any] = []
        for n in range((count + BLOCK - 1) // BLOCK):
            block = self._block(what, decade, n)
            if block is None:
                return None
            out.extend(block)
        return tuple(out)

    def event_runs(self, decade: str) -> Iterator[tuple[items.Event, ...]]:
        count = self._count("events", decade)
        if count is None:
            yield self._parts().events_of(decade)
            return
        done = 0
        for n in range((count + BLOCK - 1) // BLOCK):
            block = self._block("events", decade, n)
            if block is None:  # damaged: the rest from the YAML itself
                yield self._parts().events_of(decade)[done:]
                return
            yield block
            done += len(block)

    def event_count(self, decade: str) -> int:
        count = self._count("events", decade)
        return count if count is not None else self._parts().event_count(decade)

    def _near(self, what: str, ident: str) -> tuple[Any, ...] | None:
        ids = self._ids(what)
        if ids is None:
            return None
        # A search of each decade's ids (in C) costs less than a map of 50,000 of them
        # built for the few items a command looks up.
        for decade, group in ids.items():
            if ident in group:
                return self._block(what, decade, group.index(ident) // BLOCK)
        return ()

    def events_of(self, decade: str) -> tuple[items.Event, ...]:
        got = self._decade("events", decade)
        return got if got is not None else self._parts().events_of(decade)

    def events_near(self, ident: str) -> tuple[items.Event, ...]:
        got = self._near("events", ident)
        return got if got is not None else self._parts().events_near(ident)

    def event_heads(self) -> dict[str, tuple[Heading, ...]]:
        got = self._heads()
        return got if got is not None else self._parts().event_heads()

    def cards_about(self, ref: str) -> tuple[items.Card, ...]:
        # card-index.json: item ref -> [decade, position] of each card about it, so only
        # the card files of those decades are read.
        index = self._read("card-index.json", "dict[str, tuple[tuple[str, int], ...]]")
        if index is None:
            return self._parts().cards_about(ref)
        out = []
        for decade, i in index.get(ref, ()):
            block = self._block("cards", decade, i // BLOCK)
            if block is None:
                return self._parts().cards_about(ref)
            out.append(block[i % BLOCK])
        return tuple(out)

    def people(self) -> tuple[items.Person, ...]:
        got = self._read("people.json", "tuple[Person, ...]")
        return got if got is not None else self._parts().people()

    def terms(self) -> tuple[items.Term, ...]:
        got = self._read("terms.json", "tuple[Term, ...]")
        return got if got is not None else self._parts().terms()

    def sources(self) -> tuple[items.Source, ...]:
        got = self._read("sources.json", "tuple[Source, ...]")
        return got if got is not None else self._parts().sources()

    def cards(self) -> tuple[items.Card, ...]:
        ids = self._ids("cards")
        if ids is None:
            return self._parts().cards()
        out: list[items.Card] = []
        for decade in ids:
            got = self._decade("cards", decade)
            if got is None:
                return self._parts().cards()
            out.extend(got)
        return tuple(out)

    def cards_of(self, decade: str) -> tuple[items.Card, ...]:
        got = self._decade("cards", decade)
        return got if got is not None else self._parts().cards_of(decade)

    def cards_near(self, ident: str) -> tuple[items.Card, ...]:
        got = self._near("cards", ident)
        return got if got is not None else self._parts().cards_near(ident)

    def corrections(self) -> tuple[items.Correction, ...]:
        got = self._read("corrections.json", "tuple[Correction, ...]")
        return got if got is not None else self._parts().corrections()

    def collection(self, name: str) -> tuple[Any, ...]:
        got = self._read(f"{name}.json", model.COLLECTIONS[name])
        return got if got is not None else self._parts().collection(name)

    def memo(
        self, name: str, build: Callable[[], Any], use: Callable[[Any], Any] = lambda d: d
    ) -> Any:
        """Plain JSON data that views derive from the whole pack (the question catalogue),
        kept beside the compilation the first time it is asked for, so later starts read
        it instead of decoding every item to derive it again; `use` turns the data into
        what the caller keeps, and a file it refuses (damaged) is derived and written
        anew. It goes when the pack changes, with the rest of the compilation."""
        path = self.folder / f"memo-{name}.json"
        try:
            with path.open("rb") as fh:
                return use(json.load(fh))
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass
        data = build()
        with contextlib.suppress(OSError):
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            _dump(tmp, data)
            os.replace(tmp, path)
        return use(data)

    def scratch(self, name: str) -> Path | None:
        """A file beside the compilation for an index a view builds (search), or None when
        the compilation is gone; it goes with the compilation when the pack changes."""
        return self.folder / name if self._fallback is None and self.folder.is_dir() else None

    def _parts(self) -> model.Parts:
        assert self._fallback is not None
        return self._fallback


def _pack_from(core: dict[str, Any], parts: model.Parts) -> Pack:
    return Pack(
        root=core["root"],
        id=core["id"],
        title=core["title"],
        description=core["description"],
        sections=_decoder("tuple[Section, ...]")(core["sections"]),
        decades=_decoder("tuple[Decade, ...]")(core["decades"]),
        tags=_decoder("tuple[Tag, ...]")(core["tags"]),
        parts=parts,
    )


def _counts(raw: Any) -> dict[str, int]:
    if not (isinstance(raw, dict) and all(type(n) is int and n >= 0 for n in raw.values())):
        raise TypeError("event counts: expected a count by decade")
    return raw


def _headings(raw: dict[str, list[list[str]]]) -> dict[str, tuple[Heading, ...]]:
    out = {d: tuple(map(Heading._make, hs)) for d, hs in raw.items()}
    if not all(type(x) is str for hs in out.values() for h in hs for x in h):
        raise TypeError("event headings: expected three strings each")
    return out


def _dump(path: Path, data: Any) -> None:
    # dumps, not dump: dump streams through the pure-Python encoder, several times slower
    # than the C one that dumps uses.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with path.open("w", encoding="utf-8") as fh:
        fh.write(text)


def _write(folder: Path, pack: Pack) -> None:
    """Write the compiled pack into a new folder, then rename it into place in one step."""
    import shutil
    import tempfile

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
    try:
        heads: dict[str, list[list[str]]] = {}
        for d in pack.decades:
            events = pack.events_of(d.id)
            heads[d.id] = [[e.id, e.date, e.title] for e in events]
            for n in range(0, len(events), BLOCK):
                _dump(tmp / f"events-{d.id}-{n // BLOCK}.json", encode(events[n : n + BLOCK]))
        for name in ("people", "terms", "sources", "corrections"):
            _dump(tmp / f"{name}.json", encode(getattr(pack, name)()))
        for name in model.COLLECTIONS:
            _dump(tmp / f"{name}.json", encode(pack.parts.collection(name)))
        _dump(tmp / "event-heads.json", heads)
        # Cards by the decade file they came from (in that order), and where each item's are.
        by_decade: dict[str, list[items.Card]] = {}
        card_index: dict[str, list[tuple[str, int]]] = {}
        for card in pack.cards():
            group = by_decade.setdefault(card.decade, [])
            card_index.setdefault(str(card.about), []).append((card.decade, len(group)))
            group.append(card)
        for decade, cards in by_decade.items():
            for n in range(0, len(cards), BLOCK):
                _dump(tmp / f"cards-{decade}-{n // BLOCK}.json", encode(cards[n : n + BLOCK]))
        _dump(tmp / "card-ids.json", {d: [c.id for c in cs] for d, cs in by_decade.items()})
        _dump(tmp / "card-index.json", card_index)
        core = {
            "format": FORMAT,
            "root": pack.root,
            "id": pack.id,
            "title": pack.title,
            "description": pack.description,
            "sections": encode(pack.sections),
            "decades": encode(pack.decades),
            "tags": encode(pack.tags),
            "event_counts": {d: len(hs) for d, hs in heads.items()},
        }
        _dump(tmp / "core.json", core)  # last: a folder with core.json is complete
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    # Older compilations of the same pack are dead weight now, and so is anything else
    # here untouched for STALE_DAYS (packs moved or deleted, earlier cache formats).
    prefix = folder.name.split("-", 1)[0] + "-"
    cutoff = time.time() - STALE_DAYS * 86400
    for old in folder.parent.iterdir():
        if old == folder:
            continue
        try:
            age = time.time() - old.stat().st_mtime
            # A compilation killed half-way leaves a ".tmp-" folder: gone after ten minutes
            # (a younger one may be another pkus writing right now).
            stale = (
                old.name.startswith(prefix)
                or old.stat().st_mtime < cutoff
                or (old.name.startswith(".tmp-") and age > 600)
            )
        except OSError:
            continue
        if stale:
            shutil.rmtree(old, ignore_errors=True)


# --- encoding the model --------------------------------------------------------------------


_JSON_TYPES = frozenset((str, int, float, bool, type(None)))


def encode(obj: Any) -> Any:
    """The model as JSON data: a dataclass as a mapping of its fields, an enum as its value."""
    kind = type(obj)
    if kind in _JSON_TYPES:
        return obj
    if kind is tuple or kind is list:
        return [x if type(x) in _JSON_TYPES else encode(x) for x in obj]
    if kind is dict:
        return {k: v if type(v) in _JSON_TYPES else encode(v) for k, v in obj.items()}
    enc = _ENCODERS.get(kind)
    if enc is None:
        enc = _ENCODERS[kind] = _encoder(kind)
    return enc(obj)


# One encoder per class, made once: a call to `dataclasses.fields` per object cost more than
# the rest of the encoding (a compiled pack of 50,000 events is 1.5 million objects).
_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def _encoder(kind: type) -> Callable[[Any], Any]:
    if issubclass(kind, Enum):
        return operator.attrgetter("value")
    if dataclasses.is_dataclass(kind):
        names = tuple(f.name for f in dataclasses.fields(kind))
        get = operator.attrgetter(*names)
        values = get if len(names) > 1 else lambda o: (get(o),)

        def enc(o: Any) -> dict[str, Any]:
            return {
                n: v if type(v) in _JSON_TYPES else encode(v)
                for n, v in zip(names, values(o), strict=True)
            }

        return enc
    if issubclass(kind, (tuple, list)):  # a named tuple, say
        return lambda o: [encode(x) for x in o]
    if issubclass(kind, dict):
        return lambda o: {k: encode(v) for k, v in o.items()}
    return lambda o: o


# Where the classes of the exam material live, so decoding one imports only its module.
_HOMES = {
    **dict.fromkeys(("Series", "Point", "Total", "Span"), "figures"),
    **dict.fromkeys(("PaperQuestion", "Outline", "Argument", "Work", "Quote"), "study"),
    "Source": "source",
}


def _model_class(name: str) -> Any:
    """A class of the content model by name; a module is imported only when a name needs it."""
    import importlib

    from pkus_cli.pack import basics

    for module in (model, basics):
        if hasattr(module, name):
            return getattr(module, name)
    home = importlib.import_module(f"pkus_cli.pack.{_HOMES.get(name, 'items')}")
    return getattr(home, name)


Decoder = Callable[[Any], Any]

# Field types a compiled decoder checks inline; any other is decoded by its own decoder.
_INLINE = {
    "str": "type({x}) is not str",
    "int": "type({x}) is not int",
    "bool": "type({x}) is not bool",
    "float": "type({x}) not in (int, float)",
    "str | None": "{x} is not None and type({x}) is not str",
    "int | None": "{x} is not None and type({x}) is not int",
    "tuple[str, ...]": "type({x}) is not list or not all(type(y) is str for y in {x})",
}


def _compiled(cls: Any) -> Decoder:
    """A decoder for one dataclass written out as Python source and compiled, as
    `dataclasses` itself makes `__init__`: every field read, checked and passed in one
    function, several times faster than a call per field (events, cards at scale)."""
    fields = dataclasses.fields(cls)
    space: dict[str, Any] = {"cls": cls}
    lines = ["def dec(v):"]
    for i, f in enumerate(fields):
        t, x = str(f.type), f"x{i}"
        lines.append(f"    {x} = v[{f.name!r}]")
        if t in _INLINE:
            test = _INLINE[t].format(x=x)
            lines.append(f"    if {test}: raise TypeError('{f.name}: expected {t}')")
            if t == "tuple[str, ...]":
                lines.append(f"    {x} = tuple({x})")
        else:
            space[f"d{i}"] = _decoder(t)
            lines.append(f"    {x} = d{i}({x})")
    lines.append(f"    return cls({', '.join(f'x{i}' for i in range(len(fields)))})")
    exec("\n".join(lines), space)  # the source is made here from field names and types
    return cast(Decoder, space["dec"])


_PLAIN: dict[str, Any] = {"str": str, "int": int, "float": (int, float), "bool": bool}
_decoders: dict[str, Decoder] = {}


def _decoder(type_text: str) -> Decoder:
    """A decoder for a field's annotation, as written in model.py (e.g. 'tuple[Leader, ...]')."""
    t = type_text.strip()
    if t in _decoders:
        return _decoders[t]
    dec: Decoder
    if t.endswith(" | None"):
        inner = _decoder(t[: -len(" | None")])
        dec = lambda v: None if v is None else inner(v)  # noqa: E731
    elif t.startswith("tuple[") and t.endswith(", ...]"):
        item = _decoder(t[len("tuple[") : -len(", ...]")])
        dec = lambda v: tuple(item(x) for x in v)  # noqa: E731
    elif t.startswith("tuple[") and t.endswith("]"):  # a fixed-size tuple: tuple[str, int]
        members = [_decoder(m) for m in t[len("tuple[") : -1].split(", ")]
        dec = lambda v: tuple(d(x) for d, x in zip(members, v, strict=True))  # noqa: E731
    elif t.startswith("dict[str, ") and t.endswith("]"):
        value = _decoder(t[len("dict[str, ") : -1])
        dec = lambda v: {k: value(x) for k, x in v.items()}  # noqa: E731
    elif t in ("str", "int", "float", "bool"):
        # A cache edited or damaged by hand may hold the wrong type ("title": null): refuse
        # it here, so the cache is dropped and rebuilt instead of failing on screen.
        want = {"str": str, "int": int, "float": (int, float), "bool": bool}[t]

        def dec(v: Any, want: Any = want) -> Any:
            if not isinstance(v, want) or (t != "bool" and isinstance(v, bool)):
                raise TypeError(f"expected {t}, got {type(v).__name__}")
            return v
    else:
        cls = _model_class(t)
        if isinstance(cls, type) and issubclass(cls, Enum):
            dec = cls
        else:
            fields = [(f.name, _decoder(str(f.type))) for f in dataclasses.fields(cls)]
            kinds = [_PLAIN.get(str(f.type)) for f in dataclasses.fields(cls)]
            if all(f.init for f in dataclasses.fields(cls)) and not all(kinds):
                dec = _compiled(cls)
            elif all(kinds):
                # Only plain fields (a year and an amount): check them all in one pass and
                # build the object at once, ten times faster than field by field.
                names = [n for n, _ in fields]
                wants = [k for k in kinds if k]

                def dec(v: Any, cls: Any = cls, names: Any = names, wants: Any = wants) -> Any:
                    values = [v[n] for n in names]
                    for x, w in zip(values, wants, strict=True):
                        if not isinstance(x, w) or (isinstance(x, bool) and w is not bool):
                            raise TypeError(f"expected {w}, got {type(x).__name__}")
                    return cls(*values)
            else:
                dec = lambda v: cls(**{n: d(v[n]) for n, d in fields})  # noqa: E731
    _decoders[t] = dec
    return dec
