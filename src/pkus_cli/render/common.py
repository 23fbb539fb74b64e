"""Small pieces shared by the views."""

from __future__ import annotations

from rich.text import Text

from pkus_cli.pack.items import Source
from pkus_cli.pack.model import Pack

COUNTRY_LABEL = {"us": "United States", "pakistan": "Pakistan", "other": "Other"}


def plain(s: str, style: str = "") -> Text:
    """Content text as-is: square brackets in YAML must never be read as Rich markup."""
    return Text(s, style=style)


def source_line(src: Source) -> Text:
    t = Text()
    t.append(src.title, style="italic")
    t.append(f", {src.author}")
    if src.year:
        t.append(f", {src.year}")
    if src.url:
        t.append(f". {src.url}", style="dim")
    return t


def source_titles(pack: Pack, ids: tuple[str, ...]) -> str:
    by_id = {s.id: s for s in pack.sources}
    return "; ".join(by_id[i].title if i in by_id else i for i in ids)


def sources_block(sources: tuple[Source, ...]) -> list[Text]:
    """A "Sources" heading and one line per source; nothing when there are none."""
    if not sources:
        return []
    return [Text("Sources", style="bold underline")] + [
        Text.assemble("  ", source_line(s)) for s in sources
    ]
