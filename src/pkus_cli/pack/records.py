"""Reading YAML nodes with their lines: the files, records and cross-references of a pack.

`loader` reads the core collections with these, and the loaders of the exam material
(`study_loader`) read theirs, so every problem names file, line and field the same way.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import operator
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from pkus_cli.errors import Problem
from pkus_cli.pack import safe
from pkus_cli.pack.basics import ID_RE, ItemKind, real_date
from pkus_cli.pack.items import Ref
from pkus_cli.pack.model import Location, Locations
from pkus_cli.pack.paths import display_path

try:  # libyaml is about ten times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]


_T = TypeVar("_T")


class _Loader(_YamlLoader):
    """The safe loader, with tag resolution cut to what a pack needs: it is asked for on
    every node (two million times at 50,000 events).

    The loader reads every scalar as text (an unquoted 1990 or 1990-10-01 is the text
    written), so the only implicit type that matters is null: a plain scalar that YAML
    reads as null (empty, "~", "null", "Null", "NULL") is tagged null, as the safe loader
    tags it; every other scalar is tagged text. Explicit tags are not resolved here and
    are refused by `_checked`. The path resolvers, which a pack never uses, are skipped:
    the composer calls them around every node."""

    _NULLS = frozenset(("", "~", "null", "Null", "NULL"))
    _STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
    _SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return self._NULL if implicit[0] and value in self._NULLS else self._STR
        return self._SEQ if kind is yaml.SequenceNode else self._MAP

    # Called with (parent, index) and with nothing; builtins that take those and do
    # nothing cost less than a Python method that returns at once.
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


_NULL_TAG = "tag:yaml.org,2002:null"
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_WORDS = frozenset(("~", "null", "Null", "NULL"))


_YEARS = re.compile(r"^[0-9]{4}(?:-(?:[0-9]{4})?)?$")  # "2024-": still in office


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
    # The file's text has no control character and no escape that could write one: its
    # values need no search for them (see `Rec._clean`).
    clean: bool = False

    def problem(self, line: int, message: str, unread: bool = False) -> None:
        # A message may quote the pack's own words: never its control characters.
        self.problems.append(Problem(self.shown, line, safe.clean(message), unread))


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
                f.problem(
                    1, "a symbolic link to a file outside the pack; refused (not read)", unread=True
                )
                return False
            st = os.stat(target)
    except RuntimeError:
        f.problem(1, "a symbolic link that loops; refused", unread=True)
        return False
    except OSError as e:
        f.problem(1, f"cannot read the file ({e.strerror or e})", unread=True)
        return False
    if not stat.S_ISREG(st.st_mode):
        f.problem(
            1, "not a regular file (a device, FIFO or socket); refused (not read)", unread=True
        )
        return False
    if st.st_size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1_000_000
        f.problem(
            1, f"larger than {limit} MB ({st.st_size:,} bytes); refused (not read)", unread=True
        )
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


def _read_text(f: File) -> str | None:
    if not readable(f):
        return None
    try:
        data = f.path.read_bytes()
    except OSError as e:
        f.problem(1, f"cannot read the file ({e.strerror or e})", unread=True)
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        f.problem(
            line, f"not UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8", unread=True
        )
        return None


def compose(f: File, stream: str | None = None) -> yaml.Node | None:
    """The file's YAML as nodes, or None with the problem reported. In a large file the list
    under the top-level key `stream` is composed as it is read (see `Streamed`)."""
    text = _read_text(f)
    if text is None:
        return None
    f.clean = "\\" not in text and not safe.CONTROL.search(text)
    if stream is not None and len(text) >= STREAM_CHARS:
        node = _compose_streamed(f, text, stream)
        if node is not None:
            return node
    return _compose_text(f, text)


def _compose_text(f: File, text: str) -> yaml.Node | None:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = e.problem or "malformed YAML"
        context = f" ({e.context})" if e.context else ""
        f.problem(line, " ".join(f"YAML syntax error: {what}{context}".split()), unread=True)
        return None
    except yaml.reader.ReaderError as e:  # a character YAML forbids, e.g. NUL
        line = text.count("\n", 0, max(0, e.position)) + 1
        f.problem(
            line, f"YAML error: character {e.character!r} is not allowed in YAML text", unread=True
        )
        return None
    except yaml.YAMLError as e:
        f.problem(1, "YAML error: " + " ".join(str(e).split()), unread=True)
        return None
    except (ValueError, RecursionError) as e:  # anything else the parser refuses outright
        f.problem(1, "unreadable YAML: " + " ".join(str(e).split()), unread=True)
        return None
    if node is None:
        f.problem(1, "the file is empty", unread=True)
        return None
    # Anchors, aliases and tags each need their indicator ("&", "*", "!"): a file with none
    # of the three has none of them, and need not be walked node by node.
    if any(mark in text for mark in "&*!") and not _checked(f, node):
        return None
    return node


# --- composing a long list in parts ----------------------------------------------------------

STREAM_CHARS = 1_000_000  # smaller files are composed whole (the shipped decades are ~40 kB)
PART_CHARS = 500_000  # about how much of the list is composed at a time (~800 events)


class Streamed(yaml.SequenceNode):
    """A long top-level block list, composed a part at a time as it is read.

    Composed whole, a decade of 6,000 events is 65 MiB of nodes alive at once; in parts,
    only the part being read is. Each part is the file's text from one item's "-" to the
    next part's, after as many newlines as come before it, so every node keeps its line.

    The cut is made only where it cannot change the reading: at a line that starts a new
    item of this list at its own indentation (a quoted or flow text running over the cut
    would leave its part unreadable, and block texts are indented deeper), in a list that
    runs to the end of the file, in a file with no anchors, aliases or tags. A syntax error
    in a part is reported at its line and ends the list, as it would end the file."""

    def __init__(self, f: File, text: str, cuts: list[int], first_line: int, key: str) -> None:
        mark = yaml.error.Mark(f.shown, cuts[0], first_line, 0, None, None)  # type: ignore[arg-type]
        super().__init__("tag:yaml.org,2002:seq", [], mark, mark)
        self.f, self.text, self.cuts, self.key = f, text, cuts, key

    def items(self) -> Iterator[yaml.Node]:
        return itertools.chain.from_iterable(self._parts())

    def _parts(self) -> Iterator[list[yaml.Node]]:
        text, cuts = self.text, self.cuts
        line, done = self.start_mark.line, 0
        for at, end in itertools.pairwise(cuts):
            scratch = File(self.f.path, self.f.shown, [], [], self.f.root, clean=self.f.clean)
            part = _compose_text(scratch, "\n" * line + text[at:end])
            if not isinstance(part, yaml.SequenceNode) or scratch.problems:
                # A part that does not read on its own (a quoted text running over the
                # cut, or a real error): the file is read whole from here, so what is
                # read, and any error, is as if it had never been cut.
                yield self._rest_of_whole(done)
                return
            yield part.value
            done += len(part.value)
            line += text.count("\n", at, end)

    def _rest_of_whole(self, done: int) -> list[yaml.Node]:
        whole = _compose_text(self.f, self.text)
        if isinstance(whole, yaml.MappingNode):
            for k, v in whole.value:
                if isinstance(k, yaml.ScalarNode) and k.value == self.key:
                    return list(v.value[done:]) if isinstance(v, yaml.SequenceNode) else []
        return []


def _compose_streamed(f: File, text: str, key: str) -> yaml.Node | None:
    """The file with its `key:` list as a `Streamed` node, or None where the file must be
    composed whole (the cut is not certain to be safe, or the head does not read)."""
    if any(mark in text for mark in "&*!"):
        return None
    found = re.search(rf"^{re.escape(key)}:[ ]*(?:#[^\n]*)?\n", text, re.M)
    if found is None:
        return None
    first = re.compile(r"^( *)-(?=[ \n])", re.M).search(text, found.end())
    between = text[found.end() : first.start()] if first else ""
    if first is None or (between.strip(" \n") and not _only_comments(between)):
        return None
    indent = len(first.group(1))
    # The list must run to the end of the file: no content line less indented than its
    # items (or, at column 0, one that is not an item) may follow.
    # (Searched as "a newline, then": a search for "^" tries every character.)
    out = rf"\n {{0,{indent - 1}}}[^ \n#]" if indent else r"\n(?:[^ \n#-]|-[^ \n])"
    if re.compile(out).search(text, first.start()):
        return None
    item = re.compile(rf"^ {{{indent}}}-(?=[ \n])", re.M)
    cuts = [first.start()]
    while (found_cut := item.search(text, cuts[-1] + PART_CHARS)) is not None:
        cuts.append(found_cut.start())
    cuts.append(len(text))
    scratch = File(f.path, f.shown, [], [], f.root)
    head = _compose_text(scratch, text[: found.end()])
    if not isinstance(head, yaml.MappingNode) or scratch.problems or scratch.notices:
        return None
    key_line = text.count("\n", 0, found.start())
    for i, (k, v) in enumerate(head.value):
        if isinstance(k, yaml.ScalarNode) and k.value == key and k.start_mark.line == key_line:
            if not is_null(v):
                return None
            first_line = text.count("\n", 0, first.start())
            head.value[i] = (k, Streamed(f, text, cuts, first_line, key))
            return head
    return None


@functools.lru_cache(maxsize=64)
def _allowed(fields: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fields)


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n"))


@dataclass(slots=True)
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
        # The common case in one pass: plain keys, each once, each allowed. A key that is
        # not text has a list as its value, which cannot be a dict key.
        try:
            keys = {k.value: (k, v) for k, v in node.value}
        except TypeError:
            keys = {}
        if len(keys) == len(node.value) and keys.keys() <= _allowed(allowed):
            if " " not in label and "id" in keys:
                v = keys["id"][1]
                if isinstance(v, yaml.ScalarNode) and v.value:
                    label = f"{label} '{v.value}'"
            return cls(f, node, label, keys)
        return cls._checked_of(f, node, label, allowed)

    @classmethod
    def _checked_of(
        cls, f: File, node: yaml.MappingNode, label: str, allowed: tuple[str, ...]
    ) -> Rec:
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
        found = self.keys.get(key)
        if found is None or is_null(found[1]):
            if required:
                self.f.problem(self.line, f"{self.label}: missing required field '{key}'")
            return None
        return found[1]

    def text(self, key: str, required: bool = True) -> str | None:
        # The common case first, without a call per step: a text field of a clean file
        # (600,000 of them at 50,000 events).
        found = self.keys.get(key)
        if found is not None and self.f.clean:
            node = found[1]
            if type(node) is yaml.ScalarNode and node.tag == _STR_TAG:
                value: str = node.value.strip()
                if value:
                    return value
        return self._text(key, required)

    def _text(self, key: str, required: bool) -> str | None:
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
        if not self.f.clean and safe.CONTROL.search(value):
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

    def nodes(self, key: str, required: bool = False) -> Iterable[yaml.Node]:
        node = self._value(key, required)
        if node is None:
            return []
        if isinstance(node, Streamed):  # never empty: it starts at its first item
            return node.items()
        if not isinstance(node, yaml.SequenceNode):
            self.err(key, "expected a list")
            return []
        if required and not node.value:
            self.err(key, "must list at least one item")
        return list(node.value)

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        found = self.keys.get(key)
        if found is not None and self.f.clean:  # the common case, as in `text`
            node = found[1]
            if type(node) is yaml.SequenceNode and (node.value or not required):
                try:  # an item that is a list or a mapping has no text to strip
                    values = tuple([n.value.strip() for n in node.value])
                except AttributeError:
                    values = ("",)
                # Words YAML reads as null are left to `_texts`, quoted or not.
                if all(values) and _NULL_WORDS.isdisjoint(values):
                    return values
        return self._texts(key, required)

    def _texts(self, key: str, required: bool) -> tuple[str, ...]:
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
        values = self.texts(key, required)
        # One copy of each id: a large pack names the same sources, people and tags
        # hundreds of thousands of times.
        if all(map(ID_RE.match, values)):
            return tuple(map(sys.intern, values))
        good = []
        for value in values:
            if ID_RE.match(value):
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
        # Kinds whose every definition has been read: a reference to one is checked on the
        # spot. The loader reads sources, people and terms before the events that name
        # them, so a large pack keeps few references waiting (a pending one is ~100 bytes,
        # and 50,000 events make 300,000 of them).
        self.closed: set[str] = set()
        self._shared: dict[Any, Any] = {}
        # When set, each definition made is noted here as (namespace, id, line), for a
        # file read in another process and replayed here (see `pack.twofold`).
        self.journal: list[tuple[str, str, int]] | None = None

    def file(self, path: Path) -> File:
        if self.on_file is not None:
            self.on_file(path)
        return File(path, display_path(path), self.problems, self.notices, self.root)

    def files(self, sub: str) -> Iterator[File]:
        for path in self.paths(sub):
            yield self.file(path)

    def paths(self, sub: str) -> list[Path]:
        """The YAML files of a folder of the pack, in name order."""
        folder = self.root / sub
        if not folder.is_dir():
            return []
        try:
            return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
        except OSError as e:  # a folder without read permission is not skipped silently
            self.file(folder).problem(1, f"cannot read the folder ({e.strerror or e})")
            return []

    def top(self, f: File, allowed: tuple[str, ...], stream: str | None = None) -> Rec | None:
        """The file's top-level mapping; its list under `stream`, if large, read in parts."""
        node = compose(f, stream)
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
        if self.journal is not None:
            self.journal.append((namespace, ident, line))
        return True

    def share(self, value: _T) -> _T:
        """One copy of each equal value (a date, a card's kind, a tuple of section ids):
        items repeat them, and every copy read from YAML is an object of its own."""
        return self._shared.setdefault(value, value)  # type: ignore[no-any-return]

    def forget(self, namespace: str) -> None:
        """Drop definitions kept only to find one given twice (event titles), once read."""
        self.defined.pop(namespace, None)

    def close(self, *namespaces: str) -> None:
        """Every item of these kinds has been defined: check references to them at once."""
        self.closed.update(namespaces)

    def refer(self, rec: Rec, key: str, namespace: str, targets: tuple[str, ...]) -> None:
        if namespace in self.closed:
            known = self.defined.get(namespace, {})
            for t in targets:
                if t not in known:
                    self._unknown(rec.f, rec.line_of(key), rec.label, namespace, t)
            return
        for t in targets:
            self.pending.append(Pending(rec.f, rec.line_of(key), rec.label, namespace, t))

    def refer_at(self, f: File, line: int, label: str, namespace: str, target: str) -> None:
        """One reference, checked now if its kind is complete, else when all is read."""
        if namespace in self.closed:
            if target not in self.defined.get(namespace, {}):
                self._unknown(f, line, label, namespace, target)
        else:
            self.pending.append(Pending(f, line, label, namespace, target))

    def resolve(self) -> None:
        for p in self.pending:
            if p.target not in self.defined.get(p.namespace, {}):
                self._unknown(p.f, p.line, p.label, p.namespace, p.target)
        self.pending.clear()

    def _unknown(self, f: File, line: int, label: str, namespace: str, target: str) -> None:
        known = self.defined.get(namespace, {})
        hint = difflib.get_close_matches(target, list(known), n=1)
        tip = f" (did you mean '{hint[0]}'?)" if hint else ""
        f.problem(line, f"{label}: unknown {namespace} '{target}'{tip}")

    def locations(self) -> Locations:
        """Where each item was defined, for checks made after loading."""
        return Locations(dict(self.defined))
