"""The outline as a tree: sections, lettered subsections, and in full mode their events."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from pkus_cli.views.pages import OutlineView


def render(view: OutlineView) -> RenderableType:
    tree = Tree(Text(view.title, style="bold"), guide_style="dim")
    for s in view.sections:
        label = Text(f"{s.number}. ", style="bold cyan")
        label.append(s.title, style="bold")
        if s.decades and view.expanded is None:
            label.append(f"  ({', '.join(s.decades)})", style="dim")
        branch = tree.add(label)
        for sub in s.subsections:
            head = Text(f"{sub.letter}. ", style="cyan")
            head.append(sub.title)
            if view.expanded != s.number:
                branch.add(head)
                continue
            node = branch.add(Group(head, Text(sub.summary, style="italic")))
            events = view.events.get(sub.code, ())
            if not events:
                node.add(Text("no events linked yet", style="dim"))
            for e in events:
                line = Text(f"{e.date:<10} ", style="green")
                line.append(e.title)
                if e.sections[0] != sub.code:  # filed under another subsection, listed here too
                    line.append(f"  (also under {e.sections[0]})", style="yellow")
                line.append(f"  [{e.id}]", style="dim")
                node.add(line)
    if view.expanded is None:
        hint = Text("\nExpand a section: pkus outline --section 4", style="dim")
        return Group(tree, hint)
    return tree
