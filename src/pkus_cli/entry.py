"""The `pkus` script: try the fast path, else hand the arguments to the Typer app."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from pkus_cli.cli import fast

        code = fast.run(sys.argv[1:])
        if code is None:
            from pkus_cli.cli.app import app

            app()
            return
        sys.stdout.flush()
    except BrokenPipeError:
        # `pkus timeline | head`: the reader left; exit quietly like other Unix tools.
        sys.stderr.close()
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        raise SystemExit(130) from None
    raise SystemExit(code)
