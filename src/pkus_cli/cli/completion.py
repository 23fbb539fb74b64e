"""Shell-completion callbacks: decades, sections, tags and ids from the pack in use.

They run while the shell waits, before any command body: each loads the pack quietly
(from --content, PKUS_CONTENT or the built-in pack) and returns nothing rather than raise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from pkus_cli.pack.model import Pack

Choices = list[tuple[str, str]]


def _pack(ctx: typer.Context) -> Pack | None:
    try:
        from pkus_cli.context import content_dir
        from pkus_cli.pack import cache

        raw = ctx.find_root().params.get("content")
        return cache.load(content_dir(Path(raw) if raw else None))
    except Exception:  # a broken pack or a bad path: offer nothing, never a traceback
        return None


def _complete(
    ctx: typer.Context, incomplete: str, options: Callable[[Pack], Choices], words: bool = False
) -> Choices:
    pack = _pack(ctx)
    if pack is None:
        return []
    try:
        key = incomplete.lower()
        # The id's start, or (people, terms) any word of the name: "musha" offers
        # pervez-musharraf, since that is how a user remembers him.
        return [
            (value, help_)
            for value, help_ in options(pack)
            if value.lower().startswith(key)
            or (words and len(key) >= 3 and any(w.startswith(key) for w in help_.lower().split()))
        ]
    except Exception:
        return []


def decades(ctx: typer.Context, incomplete: str) -> Choices:
    return _complete(ctx, incomplete, lambda p: [(d.id, d.title) for d in p.decades])


def sections(ctx: typer.Context, incomplete: str) -> Choices:
    def options(p: Pack) -> Choices:
        out = [(str(s.number), s.title) for s in p.sections]
        out += [(sub.code, sub.title) for s in p.sections for sub in s.subsections]
        return out

    return _complete(ctx, incomplete, options)


def tags(ctx: typer.Context, incomplete: str) -> Choices:
    return _complete(ctx, incomplete, lambda p: [(t.id, t.label) for t in p.tags])


def events(ctx: typer.Context, incomplete: str) -> Choices:
    return _complete(ctx, incomplete, lambda p: [(e.id, e.title) for e in p.events()])


def people(ctx: typer.Context, incomplete: str) -> Choices:
    return _complete(ctx, incomplete, lambda p: [(x.id, x.name) for x in p.people()], words=True)


def terms(ctx: typer.Context, incomplete: str) -> Choices:
    return _complete(ctx, incomplete, lambda p: [(t.id, t.term) for t in p.terms()], words=True)


def papers(ctx: typer.Context, incomplete: str) -> Choices:
    return _complete(ctx, incomplete, lambda p: [(q.id, q.label) for q in p.papers()])


def measures(incomplete: str) -> Choices:
    from pkus_cli.views.figures import MEASURES

    return [(m, "figures measure") for m in MEASURES if m.startswith(incomplete.lower())]


def paper_names(ctx: typer.Context, incomplete: str) -> Choices:
    short = {"Current Affairs": "CA", "Pakistan Affairs": "PA"}
    return _complete(
        ctx, incomplete,
        lambda p: [(short.get(n, n), n) for n in sorted({q.paper for q in p.papers() if q.paper})],
    )  # fmt: skip


def kinds(incomplete: str) -> Choices:
    from pkus_cli.views.subjects import Kind

    return [(k.value, "question kind") for k in Kind if k.value.startswith(incomplete.lower())]


def formats(incomplete: str) -> Choices:
    from pkus_cli.export import FORMATS

    help_ = {
        "anki": "Anki deck (.apkg)",
        "tsv": "Anki text import",
        "markdown": "study guide",
        "json": "the whole pack",
        "html": "printable study guide with charts",
    }
    return [(f, help_[f]) for f in FORMATS if f.startswith(incomplete.lower())]
