"""The `pkus` script: the fast path for plain outline/decade calls, else the Typer app."""

from __future__ import annotations

import sys

from pkus_cli.exits import exit_code


def main() -> None:
    try:
        from pkus_cli.cli import fast

        code = fast.run(sys.argv[1:])
        if code is None:
            from pkus_cli.cli.app import app

            app()
            return
        sys.stdout.flush()
    except (BrokenPipeError, KeyboardInterrupt) as e:
        code = exit_code(e)
    raise SystemExit(code)
