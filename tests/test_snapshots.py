"""Golden files: views rendered at 80 columns without colour, compared with tests/snapshots/.

After an intended change to a view, refresh them with PKUS_UPDATE_SNAPSHOTS=1 pytest.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console, Group, RenderableType

from pkus_cli.pack import loader
from pkus_cli.pack.model import Pack
from pkus_cli.render import decade, event, outline, timeline
from pkus_cli.views import find, pages

from .conftest import TINY

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return loader.load(TINY)


def text_of(renderable: RenderableType) -> str:
    out = io.StringIO()
    Console(file=out, width=80, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue()


def check(name: str, renderable: RenderableType) -> None:
    got = text_of(renderable)
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("PKUS_UPDATE_SNAPSHOTS"):
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}: run with PKUS_UPDATE_SNAPSHOTS=1 and review it"
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; see {path}"


def test_outline_tree(pack: Pack) -> None:
    check("outline", outline.render(pages.outline(pack)))


def test_outline_section(pack: Pack) -> None:
    check("outline-section-2", outline.render(pages.outline(pack, "2")))


def test_decade_page(pack: Pack) -> None:
    check("decade-1950s", decade.render(pages.decade(pack, "1950s")))


def test_decade_list(pack: Pack) -> None:
    check("decade-list", decade.render_list(pages.decade_list(pack)))


def test_event_page(pack: Pack) -> None:
    check("event-pressler-cutoff", event.render(pages.event(pack, "pressler-cutoff")))


def test_timeline(pack: Pack) -> None:
    check("timeline", Group(*timeline.render(pages.timeline(pack, find.NO_FILTER))))
