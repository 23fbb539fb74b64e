"""The `pkus` script: the fast path for plain outline/decade calls, else the Typer app."""

from __future__ import annotations

import sys

from pkus_cli.exits import exit_code


def _plain_terminal() -> None:
    """On a terminal that is not UTF-8 (PYTHONIOENCODING=latin-1), replace what it cannot
    show rather than fail: the text degrades, the command still works."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding and not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main() -> None:
    _plain_terminal()
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
