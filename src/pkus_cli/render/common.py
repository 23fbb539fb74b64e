"""Small pieces shared by the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

if TYPE_CHECKING:  # annotations only: a chart or an outline need not build these classes
    from pkus_cli.pack.items import Source
    from pkus_cli.pack.study import Quote, Work

COUNTRY_LABEL = {"us": "United States", "pakistan": "Pakistan", "other": "Other"}


class Whole(Text):
    """A line pkus never wraps or cuts, because a user copies it: a URL, an id. Screens are
    printed uncropped (see `commands.emit`), so it reaches the terminal as it is, and a
    terminal narrower than it wraps it itself."""

    def __init__(self, text: str = "", style: str = "") -> None:
        super().__init__(text, style=style, no_wrap=True, overflow="ignore")


class Hint:
    """A dim line that ends in commands to type, filled to the width without ever breaking a
    command at its spaces or hyphens: one that does not fit goes to the next line, indented."""

    def __init__(self, text: str, *commands: str, sep: str = " · ") -> None:
        self.text, self.commands, self.sep = text, commands, sep

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = [self.text]
        for n, command in enumerate(self.commands):
            joint = " " if n == 0 else self.sep
            if cell_len(lines[-1]) + cell_len(joint + command) <= width:
                lines[-1] += joint + command
            else:
                lines.append(f"  {command}")
        yield Text(lines[0], style="dim")  # the words before the commands may wrap
        for line in lines[1:]:
            yield Whole(line, style="dim")


def indented(r: RenderableType, n: int = 2) -> Padding:
    """`r` with its wrapped lines kept under its first, `n` columns in."""
    return Padding(r, (0, 0, 0, n))


def source_line(src: Source) -> Text:
    t = Text()
    t.append(src.title, style="italic")
    t.append(f", {src.author}")
    if src.year:
        t.append(f", {src.year}")
    return t


def link(url: str, indent: int = 4) -> Whole:
    """A URL on a line of its own, whole, and a hyperlink where the terminal can follow one."""
    line = Whole(" " * indent)
    line.append(url, style=f"dim link {url}")
    return line


def sources_block(sources: tuple[Source, ...]) -> list[RenderableType]:
    """A "Sources" heading and each source, its URL whole on the line below."""
    if not sources:
        return []
    out: list[RenderableType] = [Text("Sources", style="bold underline")]
    for s in sources:
        out.append(Padding(source_line(s), (0, 0, 0, 2)))
        if s.url:
            out.append(link(s.url))
    return out


def literature_lines(works: tuple[Work, ...], quotes: tuple[Quote, ...]) -> list[RenderableType]:
    """The books ("Read") and quotations ("Said") an event or a person has."""
    from pkus_cli.pack.basics import format_date

    out: list[RenderableType] = []
    if works:
        out.append(Text("Read", style="bold underline"))
        for w in works:
            line = Text(w.title, style="italic")
            line.append(f", {w.byline} ({w.year})")
            line.append(f"  {w.id}", style="dim")
            out.append(Padding(line, (0, 0, 0, 2)))
    if quotes:
        out.append(Text("Said", style="bold underline"))
        for q in quotes:
            line = Text(f"\u201c{q.text}\u201d", style="italic")
            line.append(f" ({q.speaker}, {format_date(q.date)}, {q.place})", style="")
            out.append(Padding(line, (0, 0, 0, 2)))
    return out
