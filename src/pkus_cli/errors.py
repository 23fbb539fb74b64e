"""The project's exceptions: each carries what went wrong, where, and the exit code to use."""

from __future__ import annotations

from typing import NamedTuple


class PkusError(Exception):
    """Base class for every error pkus reports to the user as one clear message."""

    exit_code = 1


class Problem(NamedTuple):
    """One thing wrong in a content pack, located by file and line (1-based)."""

    # A NamedTuple rather than a dataclass: errors is imported on every start.

    path: str
    line: int
    message: str
    # The file could not be read at all (a syntax error, not UTF-8, refused): what it
    # defines is missing, and other problems may follow from that alone.
    unread: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(PkusError):
    """A content pack that cannot be used; lists every problem found, not only the first."""

    SHOWN = 12  # outside `pkus validate`, list this many and point to it for the rest

    def __init__(self, problems: list[Problem], full: bool = False) -> None:
        # Files that could not be read come first: the unknown ids elsewhere that follow
        # from one syntax error would otherwise bury it.
        self.problems = sorted(problems, key=lambda p: (not p.unread, p.path, p.line, p.message))
        self.full = full
        super().__init__(self._summary())

    def _summary(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems in the content pack:"]
        shown = self.problems if self.full else self.problems[: self.SHOWN]
        lines += [f"  {p}" for p in shown]
        if len(shown) < len(self.problems):
            rest = len(self.problems) - len(shown)
            lines.append(f"  ... and {rest} more: `pkus validate` lists them all")
        return "\n".join(lines)


class UsageError(PkusError):
    """A request that names something that does not exist (decade, id, filter value)."""

    exit_code = 2


class StoreError(PkusError):
    """The progress database cannot be opened, read or written."""


class ExportError(PkusError):
    """An export that cannot be written."""


class Interrupted(PkusError):
    """Ctrl-C ended a quiz; what was answered is saved and the summary is on screen."""

    exit_code = 130


class Findings(PkusError):
    """`pkus check` found sentences that contradict the pack; the report is on screen.

    Exit 1, like a linter with findings, so scripts can tell a clean text from one to fix;
    nothing more is printed."""

    quiet = True

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} finding(s)")
