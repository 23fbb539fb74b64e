"""Command bodies shared by the Typer commands and the fast path: load, query, render, print.

Each takes the resolved AppContext and plain values, so `pkus outline` behaves the same
whether Typer parsed its arguments or the fast path did.
"""

from __future__ import annotations

import sys
from typing import Any

from pkus_cli.context import AppContext
from pkus_cli.errors import PkusError


def print_json(data: Any) -> None:
    """JSON to stdout as-is: sorted keys, real Unicode, no Rich wrapping or markup."""
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def report_error(e: PkusError) -> None:
    """One clear message on stderr; the caller exits with e.exit_code."""
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(f"error: {e}"))


def outline(env: AppContext, section: str | None, json_: bool) -> None:
    from pkus_cli.render import outline as view
    from pkus_cli.views import pages as query

    data = query.outline(env.pack(), section)
    if json_:
        print_json(data.to_dict())
    else:
        env.out.print(view.render(data))


def decade(env: AppContext, name: str | None, json_: bool) -> None:
    from pkus_cli.render import decade as view
    from pkus_cli.views import pages as query

    pack = env.pack()
    if name is None:
        listing = query.decade_list(pack)
        if json_:
            print_json(listing.to_dict())
        else:
            env.out.print(view.render_list(listing))
        return
    data = query.decade(pack, name)
    if json_:
        print_json(data.to_dict())
    else:
        env.out.print(view.render(data))
