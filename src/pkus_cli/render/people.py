"""People: the list, and one person with every event, card and decade that names them."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pkus_cli.render.common import COUNTRY_LABEL, literature_lines, sources_block
from pkus_cli.render.terms import cards_and_corrections, event_lines
from pkus_cli.views.lookups import PeopleView, PersonView


def render_list(view: PeopleView) -> RenderableType:
    # The id sits under the name rather than in a column of its own, so the roles keep
    # room to wrap in an 80-column terminal.
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    widest = max((len(p.id) for p in view.people), default=10)  # an id is never cut
    table.add_column("Name", ratio=2, overflow="fold", min_width=widest)
    table.add_column("Country", no_wrap=True)
    table.add_column("Roles", ratio=3)
    table.add_column("Events", justify="right", no_wrap=True)
    for p in view.people:
        name = Text(p.name, style="bold")
        name.append(f"\n{p.id}", style="dim")
        roles = "; ".join(f"{r.title} ({r.years})" for r in p.roles)
        table.add_row(
            name, COUNTRY_LABEL[p.country.value], Text(roles), str(view.event_counts.get(p.id, 0))
        )
    n = len(view.people)
    hint = Text(
        f"\n{n} {'person' if n == 1 else 'people'}. One in full: pkus people ID", style="dim"
    )
    return Group(table, hint)


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
            parts.append(Text(f"  {d.id} ({d.title}): {ld.role}, {ld.years}"))
    parts += event_lines(view.events)
    parts += literature_lines(view.works, view.quotes)
    parts += cards_and_corrections(view.cards, view.corrections)
    parts += sources_block(view.sources)
    return Group(*parts)
