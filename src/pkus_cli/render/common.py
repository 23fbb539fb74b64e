"""Small pieces shared by the views."""

from __future__ import annotations

from rich.text import Text

from pkus_cli.pack.items import Source

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
