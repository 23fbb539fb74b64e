"""Small pieces shared by the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

if TYPE_CHECKING:  # annotations only: a chart or an outline need not build these classes
    from pkus_cli.pack.items import Source
    from pkus_cli.pack.study import Quote, Work

COUNTRY_LABEL = {"us": "United States", "pakistan": "Pakistan", "other": "Other"}


def source_line(src: Source) -> Text:
    t = Text()
    t.append(src.title, style="italic")
    t.append(f", {src.author}")
    if src.year:
        t.append(f", {src.year}")
    if src.url:
        t.append(f". {src.url}", style="dim")
    return t


def sources_block(sources: tuple[Source, ...]) -> list[Text]:
    """A "Sources" heading and one line per source; nothing when there are none."""
    if not sources:
        return []
    return [Text("Sources", style="bold underline")] + [
        Text.assemble("  ", source_line(s)) for s in sources
    ]


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
