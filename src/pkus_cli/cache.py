"""A compiled copy of each content pack, so a warm start reads JSON and never parses YAML.

The cache file is keyed by every pack file's path, size and modification time, the
schema version and the pkus version; anything that changes them makes a new key, and
the pack is loaded (and checked) from YAML again. Files are written atomically, and a
cache that cannot be read or written is simply bypassed: it is never a reason to fail.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from pkus_cli import __version__, model
from pkus_cli.model import Pack

SCHEMA_VERSION = 1  # the content schema the loader reads (see loader.SCHEMA_VERSION)
FORMAT = 1  # the layout of the cache file itself


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("pkus", appauthor=False) / "packs"


def pack_files(root: Path) -> list[Path]:
    """Every file the loader may read, in a stable order."""
    files = [root / name for name in ("pack.yaml", "outline.yaml", "tags.yaml")]
    for sub in ("decades", "cards", "people", "terms", "sources", "corrections"):
        folder = root / sub
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    files += sorted(p for p in root.glob("*.y*ml") if p.name not in {f.name for f in files[:3]})
    return files


def key_of(root: Path) -> str:
    h = hashlib.sha256(f"{FORMAT}|{SCHEMA_VERSION}|{__version__}|{root.resolve()}".encode())
    for path in pack_files(root):
        try:
            st = path.stat()
        except OSError:
            h.update(f"|{path.name}:missing".encode())
            continue
        h.update(f"|{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def _root_tag(root: Path) -> str:
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]


def load(root: Path, build: Callable[[Path], Pack] | None = None) -> Pack:
    """The pack in `root`, from the cache when it is current, else built and cached."""
    if os.environ.get("PKUS_NO_CACHE"):
        return _build(root, build)
    try:
        path = cache_dir() / f"{_root_tag(root)}-{key_of(root)}.json"
    except OSError:
        return _build(root, build)
    try:
        with path.open("rb") as fh:
            return decode_pack(json.load(fh))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # unreadable, or written by another format: rebuild it below
    pack = _build(root, build)
    with contextlib.suppress(OSError):
        _write(path, encode(pack))
    return pack


def _build(root: Path, build: Callable[[Path], Pack] | None) -> Pack:
    if build is not None:
        return build(root)
    from pkus_cli.loader import load as load_yaml

    return load_yaml(root)


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    # Older compilations of the same pack are dead weight now.
    prefix = path.name.split("-", 1)[0] + "-"
    for old in path.parent.glob(prefix + "*.json"):
        if old != path:
            old.unlink(missing_ok=True)


# --- encoding the model --------------------------------------------------------------------


def encode(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (tuple, list)):
        return [encode(x) for x in obj]
    if isinstance(obj, dict):
        return {k: encode(v) for k, v in obj.items()}
    return obj


Decoder = Callable[[Any], Any]
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
    elif t.startswith("dict[str, ") and t.endswith("]"):
        value = _decoder(t[len("dict[str, ") : -1])
        dec = lambda v: {k: value(x) for k, x in v.items()}  # noqa: E731
    elif t in ("str", "int", "float", "bool"):
        dec = lambda v: v  # noqa: E731
    else:
        cls = getattr(model, t)
        if isinstance(cls, type) and issubclass(cls, Enum):
            dec = cls
        else:
            fields = [(f.name, _decoder(str(f.type))) for f in dataclasses.fields(cls)]
            dec = lambda v: cls(**{n: d(v[n]) for n, d in fields})  # noqa: E731
    _decoders[t] = dec
    return dec


def decode_pack(data: Any) -> Pack:
    pack = _decoder("Pack")(data)
    assert isinstance(pack, Pack)
    return pack
