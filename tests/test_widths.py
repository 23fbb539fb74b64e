"""Nothing a user copies is ever cut: every id and URL a view shows at a wide terminal is
there, whole, at 60, 80 and 120 columns."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from pkus_cli.pack import cache
from pkus_cli.pack.paths import builtin_content_dir

VIEWS = [
    ["outline", "--section", "4"], ["decade", "1990s"], ["timeline", "--decade", "1990s"],
    ["event", "pressler-cutoff"], ["people"], ["people", "zia-ul-haq"], ["terms"],
    ["terms", "pressler-amendment"], ["sources"], ["corrections"], ["books"], ["quotes"],
    ["papers"], ["paper", "css-2024-ca-4"], ["search", "pressler"], ["figures"],
]  # fmt: skip
URL = re.compile(r"https?://[^\s\"'<>)]+")


def shown(args: list[str], width: int) -> str:
    env = {**os.environ, "COLUMNS": str(width), "NO_COLOR": "1"}
    r = subprocess.run([sys.executable, "-m", "pkus_cli", *args], capture_output=True,
                       text=True, env=env, timeout=120, check=True)  # fmt: skip
    return r.stdout


@pytest.mark.slow
@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(v) for v in VIEWS])
def test_ids_and_urls_are_whole_at_every_width(args: list[str]) -> None:
    pack = cache.load(builtin_content_dir())
    known = {e.id for e in pack.events()} | {p.id for p in pack.people()}
    known |= {t.id for t in pack.terms()} | {s.id for s in pack.sources()}
    known |= {w.id for w in pack.works()} | {q.id for q in pack.quotes()}
    known |= {q.id for q in pack.papers()} | {c.id for c in pack.corrections()}
    wide = shown(args, 400)
    ids = {w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", wide) if w in known}
    urls = set(URL.findall(wide))
    assert ids or urls, "the view shows no id or URL"
    for width in (60, 80, 120):
        text = shown(args, width)
        cut = sorted(i for i in ids if not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))
        cut += sorted(u for u in urls if u not in text)
        assert cut == [], f"{' '.join(args)} at {width} columns cuts {cut[:5]}"


COMMAND = re.compile(r"pkus [a-z]+(?: (?:--?[a-z-]+|[a-z0-9][\w-]*))*")


@pytest.mark.slow
@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(v) for v in VIEWS])
def test_commands_in_hints_are_never_broken(args: list[str]) -> None:
    """A command a screen tells the user to type ("pkus quiz --event pressler-cutoff") is on
    one line at every width, as it is at a wide one, and indented where it wraps."""
    wide = shown(args, 400)
    commands = {m.group(0) for m in COMMAND.finditer(wide) if "ID" not in m.group(0)}
    for width in (60, 80, 120):
        text = shown(args, width)
        broken = sorted(c for c in commands if c not in text)
        assert broken == [], f"{' '.join(args)} at {width} columns breaks {broken[:3]}"
