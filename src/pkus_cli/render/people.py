"""People: the list, and one person with every event, card and decade that names them."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from pkus_cli.render.common import COUNTRY_LABEL, indented, literature_lines, sources_block
from pkus_cli.render.terms import cards_and_corrections, event_lines
from pkus_cli.views.lookups import PeopleView, PersonView


def render_list(view: PeopleView) -> RenderableType:
    # A block per person: name, country and events; the id whole on its own line (a
    # user types it); the roles below, wrapping under themselves.
    parts: list[RenderableType] = []
    for p in view.people:
        head = Text(p.name, style="bold")
        n = view.event_counts.get(p.id, 0)
        head.append(f"  {COUNTRY_LABEL[p.country.value]}, {n} event{'s' if n != 1 else ''}")
        ident = Text("  ")
        ident.append(p.id, style="dim")
        ident.no_wrap = True  # never broken at its hyphens
        roles = "; ".join(f"{r.title} ({r.years})" for r in p.roles)
        parts += [head, ident, Padding(Text(roles), (0, 0, 0, 2))]
    n = len(view.people)
    parts.append(
        Text(f"\n{n} {'person' if n == 1 else 'people'}. One in full: pkus people ID", style="dim")
    )
    return Group(*parts)


def render(view: PersonView) -> RenderableType:
    p = view.person
    body = Text(COUNTRY_LABEL[p.country.value], style="bold")
    for r in p.roles:
        body.append(f"\n{r.title}  ", style="")
        body.append(r.years, style="green")
    body.append(f"\n\n{p.summary}")
    head = Text(p.name, style="bold")
    head.append(f"  {p.id}", style="dim")
    parts: list[RenderableType] = [Panel(body, title=head, title_align="left", box=box.ROUNDED)]
    if view.leader_of:
        parts.append(Text("Leader in", style="bold underline"))
        for d, ld in view.leader_of:
            parts.append(indented(Text(f"{d.id} ({d.title}): {ld.role}, {ld.years}")))
    parts += event_lines(view.events)
    parts += literature_lines(view.works, view.quotes)
    parts += cards_and_corrections(view.cards, view.corrections)
    parts += sources_block(view.sources)
    return Group(*parts)
