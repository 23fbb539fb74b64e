"""Reading YAML nodes with their lines: the files, records and cross-references of a pack.

`loader` reads the core collections with these, and the loaders of the exam material
(`study_loader`) read theirs, so every problem names file, line and field the same way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pkus_cli.errors import Problem
from pkus_cli.pack.basics import DATE_RE, ID_RE, ItemKind
from pkus_cli.pack.items import Ref
from pkus_cli.pack.model import Location
from pkus_cli.pack.paths import display_path

try:  # libyaml is about ten times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

_YEARS = re.compile(r"^\d{4}(?:-\d{4})?$")
_NULL_TAG = "tag:yaml.org,2002:null"


# --- reading files and nodes -------------------------------------------------------------


@dataclass
class File:
    path: Path
    shown: str
    problems: list[Problem]

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, message))


def node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


def compose(f: File) -> yaml.Node | None:
    try:
        text = f.path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        f.problem(1, f"not UTF-8 text ({e.reason} at byte {e.start})")
        return None
    except OSError as e:
        f.problem(1, f"cannot read the file ({e.strerror or e})")
        return None
    try:
        node = yaml.compose(text, Loader=_YamlLoader)
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
        value = str(node.value).strip()
        if not value:
            self.err(key, "must not be empty")
            return None
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
            value = str(item.value).strip()
            if not value:
                self.f.problem(node_line(item), f"{self.label}: field '{key}': empty item")
                continue
            out.append(value)
        return tuple(out)

    def ids(self, key: str, required: bool = False) -> tuple[str, ...]:
        good = []
        for value in self.texts(key, required):
            if ID_RE.match(value):
                good.append(value)
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
    return bool(DATE_RE.match(s))


def is_years(s: str) -> bool:
    if not _YEARS.match(s):
        return False
    parts = s.split("-")
    return len(parts) == 1 or parts[0] <= parts[1]


YEARS_WANT = "a year or range like 1988 or 1988-1990"


def parse_ref(raw: str) -> Ref | None:
    kind, _, ident = raw.partition(":")
    try:
        item_kind = ItemKind(kind)
    except ValueError:
        return None
    return Ref(item_kind, ident) if ID_RE.match(ident) else None


# --- the pack ------------------------------------------------------------------------------


@dataclass
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
        self.pending: list[Pending] = []
        self.defined: dict[str, dict[str, Location]] = {}
        self.locations: dict[str, Location] = {}

    def file(self, path: Path) -> File:
        if self.on_file is not None:
            self.on_file(path)
        return File(path, display_path(path), self.problems)

    def files(self, sub: str) -> Iterator[File]:
        folder = self.root / sub
        if folder.is_dir():
            for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
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
