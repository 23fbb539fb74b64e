"""Common errors students meet in prep notes, and what the sources say instead."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from pkus_cli.explore import CorrectionsView


def render(view: CorrectionsView) -> RenderableType:
    if not view.corrections:
        return Text("This pack has no corrections.", style="dim")
    parts: list[RenderableType] = []
    for i, c in enumerate(view.corrections, 1):
        block = Text(f"{i}. ", style="bold")
        block.append("✗ ", style="bold red")
        block.append(c.claim)
        block.append("\n   ✓ ", style="bold green")
        block.append(c.correction)
        block.append(f"\n   found in: {c.found_in}", style="dim")
        about = view.about[c.id]
        if about:
            block.append(
                f"\n   about: {about['title']} ({about['kind']}:{about['id']})", style="dim"
            )
        srcs = view.sources[c.id]
        if srcs:
            names = "; ".join(s.title + (f" <{s.url}>" if s.url else "") for s in srcs)
            block.append(f"\n   sources: {names}", style="dim")
        block.append(f"\n   {c.id}", style="dim")
        parts += [block, Text("")]
    return Group(*parts)
