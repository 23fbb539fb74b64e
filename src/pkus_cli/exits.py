"""The one place where an outcome becomes an exit code, and an expected failure one line.

0 ok · 1 content, progress or file error · 2 usage · 130 interrupted. Real bugs are not
caught here: they keep their traceback.
"""

from __future__ import annotations

import sys

from pkus_cli.errors import Interrupted, PkusError

OK, ERROR, USAGE, INTERRUPTED = 0, 1, 2, 130


def exit_code(e: BaseException) -> int:
    """Report `e` on stderr as the user should see it and return the exit code it means."""
    if isinstance(e, Interrupted):
        return INTERRUPTED  # the quiz printed its summary already
    if isinstance(e, KeyboardInterrupt):
        sys.stderr.write("\ninterrupted\n")
        return INTERRUPTED
    if isinstance(e, BrokenPipeError):
        # `pkus timeline | head`: the reader left; exit quietly like other Unix tools.
        sys.stderr.close()
        return ERROR
    if isinstance(e, PkusError) and getattr(e, "quiet", False):
        return e.exit_code  # what went wrong is already on screen
    if isinstance(e, PkusError):
        from rich.console import Console
        from rich.text import Text

        from pkus_cli.pack.safe import clean

        console = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)
        console.print(Text(f"error: {clean(str(e))}"))
        return e.exit_code
    raise e
