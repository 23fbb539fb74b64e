"""Reading a large pack's decade files in two processes at once.

At 50,000 events the YAML takes seconds to read on one core. Where a second core is free,
a forked copy of the loader reads the later decade files while this process reads the
earlier ones and the cards. What the copy found comes back file by file: the events (as
plain tuples, which pickle several times faster than the frozen records), the problems
and notices, and each definition it made, which is replayed here in file order. So the
pack, and the problems found in it (listed sorted), are those of one process reading
every file: an id given in both halves is found in the replay, and a reference from the
cards to an event is checked once every event is known.
"""

from __future__ import annotations

import contextlib
import dataclasses
import operator
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pkus_cli.errors import Problem
from pkus_cli.pack.items import Event
from pkus_cli.pack.model import Decade
from pkus_cli.pack.records import Builder, File

# Below this much YAML (bytes, a card counting twice: it costs twice as much per byte to
# read), one process reads it all: the fork and the pickles would cost more than they save.
MIN_BYTES = 8_000_000
MINE = 0.45  # the share of the work this process keeps: it also takes in the other's

_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
_as_tuple = operator.attrgetter(*_FIELDS)


@dataclass(frozen=True)
class FileRead:
    """One decade file as the other process read it."""

    path: Path
    decade: Decade | None
    events: list[tuple[Any, ...]]  # each event's fields, in order
    problems: list[Problem]
    notices: list[Problem]
    defines: list[tuple[str, str, int]]  # (namespace, id, line), in the order made
    pending: list[tuple[int, str, str, str]]  # (line, label, namespace, target)


@dataclass(frozen=True)
class Split:
    mine: list[Path]  # decade files read here (with every card file)
    theirs: list[Path]  # decade files the other process reads


def split(decades: list[Path], cards: list[Path]) -> Split | None:
    """Who reads which decade files, or None where one process should read everything."""
    if len(decades) < 2 or not _can_fork():
        return None
    size = {p: _size(p) for p in (*decades, *cards)}
    work = sum(size[p] for p in decades) + 2 * sum(size[p] for p in cards)
    if work < MIN_BYTES:
        return None
    done = 2 * sum(size[p] for p in cards)
    mine: list[Path] = []
    for p in decades[:-1]:  # the other process reads at least the last one
        if done + size[p] > MINE * work:
            break
        mine.append(p)
        done += size[p]
    return Split(mine, decades[len(mine) :])


def _can_fork() -> bool:
    # Linux only: elsewhere a fork is unsafe (macOS) or missing (Windows). Not with other
    # threads running: the copy would hold their locks as they were at the fork.
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):  # pragma: no cover - platform-dependent
        return (os.cpu_count() or 1) >= 2


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports it


ReadDecade = Callable[[Builder, File], tuple[Decade | None, list[Event]]]


def _read_each(b: Builder, paths: list[Path], read: ReadDecade, out: IO[bytes]) -> None:
    """In the other process: each file read as this one would, its effects kept apart and
    written out as soon as it is read, so that the copy never holds more than one."""
    b.on_file = None  # the progress display is the parent's
    for path in paths:
        b.problems, b.notices, b.pending, b.journal = [], [], [], []
        decade, events = read(b, b.file(path))
        pending = [(p.line, p.label, p.namespace, p.target) for p in b.pending]
        got = FileRead(
            path, decade, list(map(_as_tuple, events)), b.problems, b.notices, b.journal, pending
        )
        pickle.dump(got, out, protocol=pickle.HIGHEST_PROTOCOL)


def replay(b: Builder, read: FileRead) -> tuple[Decade | None, list[Event]]:
    """What the other process found in one file, as if this one had read it."""
    f = b.file(read.path)
    f.problems.extend(read.problems)
    f.notices.extend(read.notices)
    for namespace, ident, line in read.defines:
        b.define(namespace, ident, f, line)
    for line, label, namespace, target in read.pending:
        b.refer_at(f, line, label, namespace, target)
    return read.decade, [Event(*fields) for fields in read.events]


def start(b: Builder, paths: list[Path], read: ReadDecade) -> Reader | None:
    """The other process, reading `paths`; None where it cannot be started (no room for
    its file, or no process to spare), and this one reads them."""
    try:
        return Reader(b, paths, read)
    except OSError:
        return None


class Reader:
    """The other process, started at once; `results()` waits for what it read."""

    def __init__(self, b: Builder, paths: list[Path], read: ReadDecade) -> None:
        # A file, not a pipe: a pipe would stall the copy until this process reads it.
        self.out: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        # Nothing buffered may be written twice: the copy starts with these buffers too.
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            self.out.close()
            raise
        if pid == 0:  # pragma: no cover - runs in the other process, checked by its results
            code = 1
            try:
                _read_each(b, paths, read, self.out)
                self.out.flush()
                code = 0
            finally:
                os._exit(code)  # no exit handlers, no flushing: they are the parent's
        self.pid = pid
        self.waited = False

    def results(self) -> Iterator[FileRead] | None:
        """What the other process read, file by file, or None if it failed (its files are
        then read here)."""
        status = self._wait()
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        self.out.seek(0)
        return self._reads()

    def _reads(self) -> Iterator[FileRead]:
        while True:
            try:  # written by this program's own copy, just now
                got = pickle.load(self.out)
            except EOFError:
                return
            yield got

    def _wait(self) -> int:
        self.waited = True
        _, status = os.waitpid(self.pid, 0)
        return status

    def close(self) -> None:
        """Stop the other process if its results were never asked for (this one failed)."""
        if not self.waited:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(self.pid, signal.SIGKILL)
                self._wait()
        self.out.close()
