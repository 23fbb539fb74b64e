"""Reading YAML nodes with their lines: the files, records and cross-references of a pack.

`loader` reads the core collections with these, and the loaders of the exam material
(`study_loader`) read theirs, so every problem names file, line and field the same way.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pkus_cli.errors import Problem
from pkus_cli.pack import safe
from pkus_cli.pack.basics import ID_RE, ItemKind, real_date
from pkus_cli.pack.items import Ref
from pkus_cli.pack.model import Location
from pkus_cli.pack.paths import display_path

try:  # libyaml is about ten times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]


class _Loader(_YamlLoader):
    """The safe loader with a shortcut through tag resolution, which it asks for on every
    node: a plain scalar whose first character starts none of YAML's implicit types (a
    digit, a sign, "~", "null", "true", ...) is text, and quoted ones are always text. Any
    other node is resolved exactly as the safe loader resolves it."""

    _FIRST = frozenset(_YamlLoader.yaml_implicit_resolvers)
    _STR = "tag:yaml.org,2002:str"

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and value and not (implicit[0] and value[0] in self._FIRST):
            return self._STR
        return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]


_YEARS = re.compile(r"^[0-9]{4}(?:-(?:[0-9]{4})?)?$")  # "2024-": still in office
_NULL_TAG = "tag:yaml.org,2002:null"


# --- reading files and nodes -------------------------------------------------------------


@dataclass
class File:
    path: Path
    shown: str
    problems: list[Problem]
    # Problems that do not stop the pack from loading (its text is cleaned), but that
    # `pkus validate` reports and fails on.
    notices: list[Problem] = field(default_factory=list)
    root: Path | None = None  # the pack folder: nothing outside it is read

    def problem(self, line: int, message: str) -> None:
        # A message may quote the pack's own words: never its control characters.
        self.problems.append(Problem(self.shown, line, safe.clean(message)))


def node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


MAX_FILE_BYTES = 4_000_000  # a decade of 10,000 events is about 3 MB; more is refused unread
# The standard tags a plain YAML document resolves to by itself. Any other (!!python/...,
# !custom) is a request to build an object: refused, and never acted on.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq",
                                       "timestamp")
)  # fmt: skip


def readable(f: File) -> bool:
    """Only regular files inside the pack are read: a link out of the pack, a device, a FIFO
    or a link loop is refused by name, without opening it; so is a file over the size limit."""
    try:
        st = os.lstat(f.path)
        if stat.S_ISLNK(st.st_mode):
            target = f.path.resolve(strict=True)
            root = (f.root or f.path.parent).resolve()
            if not target.is_relative_to(root):
                f.problem(1, "a symbolic link to a file outside the pack; refused (not read)")
                return False
            st = os.stat(target)
    except RuntimeError:
        f.problem(1, "a symbolic link that loops; refused")
        return False
    except OSError as e:
        f.problem(1, f"cannot read the file ({e.strerror or e})")
        return False
    if not stat.S_ISREG(st.st_mode):
        f.problem(1, "not a regular file (a device, FIFO or socket); refused (not read)")
        return False
    if st.st_size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1_000_000
        f.problem(1, f"larger than {limit} MB ({st.st_size:,} bytes); refused (not read)")
        return False
    return True


def _checked(f: File, node: yaml.Node) -> bool:
    """No anchors and aliases (one alias can multiply a file a thousandfold) and no tags."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            f.problem(node_line(n), "YAML anchors and aliases are not allowed in a pack")
            return False
        seen.add(id(n))
        if n.tag not in _PLAIN_TAGS:
            shown = n.tag.replace("tag:yaml.org,2002:", "!!")
            f.problem(node_line(n), f"YAML tags are not allowed ('{shown}'); it was not acted on")
            return False
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack += [k, v]
        elif isinstance(n, yaml.SequenceNode):
            stack += n.value
    return True


def compose(f: File) -> yaml.Node | None:
    if not readable(f):
        return None
    try:
        data = f.path.read_bytes()
    except OSError as e:
        f.problem(1, f"cannot read the file ({e.strerror or e})")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        f.problem(line, f"not UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8")
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = e.problem or "malformed YAML"
        context = f" ({e.context})" if e.context else ""
        f.problem(line, " ".join(f"YAML syntax error: {what}{context}".split()))
        return None
    except yaml.reader.ReaderError as e:  # a character YAML forbids, e.g. NUL
        line = text.count("\n", 0, max(0, e.position)) + 1
        f.problem(line, f"YAML error: character {e.character!r} is not allowed in YAML text")
        return None
    except yaml.YAMLError as e:
        f.problem(1, "YAML error: " + " ".join(str(e).split()))
        return None
    except (ValueError, RecursionError) as e:  # anything else the parser refuses outright
        f.problem(1, "unreadable YAML: " + " ".join(str(e).split()))
        return None
    if node is None:
        f.problem(1, "the file is empty")
        return None
    # Anchors, aliases and tags each need their indicator ("&", "*", "!"): a file with none
    # of the three has none of them, and need not be walked node by node.
    if any(mark in text for mark in "&*!") and not _checked(f, node):
        return None
    return node


@dataclass
class Rec:
    """One YAML mapping being read as a record, with its label for messages."""

    f: File
    node: yaml.MappingNode
    label: str
    keys: dict[str, tuple[yaml.Node, yaml.Node]] = field(default_factory=dict)

    @classmethod
    def of(cls, f: File, node: yaml.Node, label: str, allowed: tuple[str, ...]) -> Rec | None:
        if not isinstance(node, yaml.MappingNode):
            f.problem(node_line(node), f"{label}: expected a mapping of fields")
            return None
        for k, v in node.value:
            # Name the item by its id from the start, so even a bad key says whose it is.
            if (
                isinstance(k, yaml.ScalarNode)
                and k.value == "id"
                and isinstance(v, yaml.ScalarNode)
            ):
                if v.value and " " not in label:
                    label = f"{label} '{v.value}'"
                break
        rec = cls(f, node, label)
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode):
                f.problem(node_line(k), f"{label}: a key must be plain text")
                continue
            if k.value in rec.keys:
                f.problem(node_line(k), f"{label}: field '{k.value}' is given twice")
                continue
            if k.value not in allowed:
                hint = difflib.get_close_matches(k.value, allowed, n=1)
                tip = f" (did you mean '{hint[0]}'?)" if hint else ""
                f.problem(node_line(k), f"{label}: unknown field '{k.value}'{tip}")
                continue
            rec.keys[k.value] = (k, v)
        return rec

    @property
    def line(self) -> int:
        return node_line(self.node)

    def line_of(self, key: str) -> int:
        return node_line(self.keys[key][1]) if key in self.keys else self.line

    def relabel(self, label: str) -> None:
        self.label = label

    def err(self, key: str, message: str) -> None:
        self.f.problem(self.line_of(key), f"{self.label}: field '{key}': {message}")

    def _value(self, key: str, required: bool) -> yaml.Node | None:
        if key not in self.keys or is_null(self.keys[key][1]):
            if required:
                self.f.problem(self.line, f"{self.label}: missing required field '{key}'")
            return None
        return self.keys[key][1]

    def text(self, key: str, required: bool = True) -> str | None:
        node = self._value(key, required)
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.err(key, "expected text")
            return None
        value = self._clean(key, str(node.value)).strip()
        if not value:
            self.err(key, "must not be empty")
            return None
        return value

    def _clean(self, key: str, value: str) -> str:
        """The value without control characters; each found is reported (see `safe`)."""
        if safe.CONTROL.search(value):
            message = f"{self.label}: field '{key}': control characters removed: "
            self.f.notices.append(
                Problem(self.f.shown, self.line_of(key), message + safe.describe(value))
            )
            return safe.clean(value)
        return value

    def integer(self, key: str, required: bool = True) -> int | None:
        raw = self.text(key, required)
        if raw is None:
            return None
        if not raw.isdigit():
            self.err(key, f"expected a whole number, got '{raw}'")
            return None
        return int(raw)

    def pattern(
        self, key: str, check: Callable[[str], bool], want: str, required: bool = True
    ) -> str | None:
        raw = self.text(key, required)
        if raw is not None and not check(raw):
            self.err(key, f"expected {want}, got '{raw}'")
            return None
        return raw

    def ident(self, key: str = "id") -> str | None:
        return self.pattern(key, lambda s: bool(ID_RE.match(s)), "an id like 'pressler-cutoff'")

    def nodes(self, key: str, required: bool = False) -> list[yaml.Node]:
        node = self._value(key, required)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.err(key, "expected a list")
            return []
        if required and not node.value:
            self.err(key, "must list at least one item")
        return list(node.value)

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.nodes(key, required):
            if not isinstance(item, yaml.ScalarNode) or is_null(item):
                self.f.problem(node_line(item), f"{self.label}: field '{key}': items must be text")
                continue
            value = self._clean(key, str(item.value)).strip()
            if not value:
                self.f.problem(node_line(item), f"{self.label}: field '{key}': empty item")
                continue
            out.append(value)
        return tuple(out)

    def ids(self, key: str, required: bool = False) -> tuple[str, ...]:
        good = []
        for value in self.texts(key, required):
            if ID_RE.match(value):
                # One copy of each id: a large pack names the same sources, people and
                # tags hundreds of thousands of times.
                good.append(sys.intern(value))
            else:
                self.err(key, f"'{value}' is not an id (lower-case words joined by hyphens)")
        return tuple(good)

    def choice(self, key: str, options: tuple[str, ...], required: bool = True) -> str | None:
        raw = self.text(key, required)
        if raw is not None and raw not in options:
            self.err(key, f"'{raw}' is not one of {', '.join(options)}")
            return None
        return raw


def is_date(s: str) -> bool:
    return real_date(s)


def is_years(s: str) -> bool:
    if not _YEARS.match(s):
        return False
    parts = s.split("-")
    return len(parts) == 1 or not parts[1] or parts[0] <= parts[1]


YEARS_WANT = "a year or range like 1988, 1988-1990, or 2024- for one still in office"


def parse_ref(raw: str) -> Ref | None:
    kind, _, ident = raw.partition(":")
    try:
        item_kind = ItemKind(kind)
    except ValueError:
        return None
    return Ref(item_kind, ident) if ID_RE.match(ident) else None


# --- the pack ------------------------------------------------------------------------------


@dataclass(slots=True)
class Pending:
    """A reference to check once every file is read."""

    f: File
    line: int
    label: str
    namespace: str  # "source", "person", "term", "event", "tag", "section"
    target: str


class Builder:
    def __init__(self, root: Path, on_file: Callable[[Path], None] | None = None) -> None:
        self.root = root
        self.on_file = on_file
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.pending: list[Pending] = []
        self.defined: dict[str, dict[str, Location]] = {}
        self.locations: dict[str, Location] = {}

    def file(self, path: Path) -> File:
        if self.on_file is not None:
            self.on_file(path)
        return File(path, display_path(path), self.problems, self.notices, self.root)

    def files(self, sub: str) -> Iterator[File]:
        folder = self.root / sub
        if not folder.is_dir():
            return
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
        except OSError as e:  # a folder without read permission is not skipped silently
            self.file(folder).problem(1, f"cannot read the folder ({e.strerror or e})")
            return
        for path in paths:
            yield self.file(path)

    def top(self, f: File, allowed: tuple[str, ...]) -> Rec | None:
        node = compose(f)
        if node is None:
            return None
        return Rec.of(f, node, "file", allowed)

    def define(self, namespace: str, ident: str, f: File, line: int) -> bool:
        seen = self.defined.setdefault(namespace, {})
        if ident in seen:
            first = seen[ident]
            what = namespace if namespace.endswith("title") else f"{namespace} id"
            f.problem(
                line, f"duplicate {what} '{ident}' (first defined at {first.path}:{first.line})"
            )
            return False
        seen[ident] = Location(f.shown, line)
        self.locations[f"{namespace}:{ident}"] = seen[ident]
        return True

    def refer(self, rec: Rec, key: str, namespace: str, targets: tuple[str, ...]) -> None:
        for t in targets:
            self.pending.append(Pending(rec.f, rec.line_of(key), rec.label, namespace, t))

    def resolve(self) -> None:
        for p in self.pending:
            known = self.defined.get(p.namespace, {})
            if p.target in known:
                continue
            hint = difflib.get_close_matches(p.target, list(known), n=1)
            tip = f" (did you mean '{hint[0]}'?)" if hint else ""
            p.f.problem(p.line, f"{p.label}: unknown {p.namespace} '{p.target}'{tip}")
