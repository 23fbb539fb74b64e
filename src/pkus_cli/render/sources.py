"""The bibliography, with how many items cite each source."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from pkus_cli.render.common import Whole
from pkus_cli.views.lookups import CITING_KINDS, SourcesView

_PLURAL = {
    "event": "events",
    "person": "people",
    "term": "terms",
    "decade": "decades",
    "correction": "corrections",
}


def render(view: SourcesView) -> RenderableType:
    # One block per source rather than a table: its URL and id go whole on their own line.
    parts: list[RenderableType] = []
    for s in view.sources:
        head = Text(s.title, style="italic")
        head.append(f", {s.author}")
        if s.year:
            head.append(f", {s.year}")
        per = view.cited_by.get(s.id, {})
        head.append(f"  [{s.kind}]", style="dim")
        parts.append(head)
        ident = Whole("  ")
        ident.append(s.id, style="dim")
        if s.url:
            ident.append("  ")
            ident.append(s.url, style=f"dim link {s.url}")
        parts.append(ident)
        if per:
            detail = ", ".join(
                f"{per[k]} {_PLURAL[k] if per[k] != 1 else k}" for k in CITING_KINDS if k in per
            )
            parts.append(Text(f"  cited by {detail}", style="dim"))
        else:
            parts.append(Text("  cited by nothing", style="red"))
    n = len(view.sources)
    parts.append(Text(f"\n{n} source{'s' if n != 1 else ''}.", style="dim"))
    return Group(*parts)
