"""A fast path for the commands opened dozens of times a day, without importing Typer.

`pkus outline`, `pkus decade`, and a plain `pkus timeline` and `pkus figures` are
read-only and take a handful of options. Importing Typer (and building fifteen commands)
costs more than the rest of the run, so `main()` first offers the arguments here. Only
argument lists that are unambiguous and valid are taken; anything else (help, unknown or
repeated options, a file where a folder is expected) returns None and goes through Typer,
which owns every usage message. The command bodies are the same functions the Typer
commands call (`commands`), and the option names come from the same table (`cli.options`).
"""

from __future__ import annotations

import os
from pathlib import Path

from pkus_cli import commands
from pkus_cli.cli import options
from pkus_cli.context import AppContext
from pkus_cli.errors import PkusError
from pkus_cli.exits import exit_code


def _take_value(args: list[str], i: int, names: tuple[str, ...]) -> tuple[str, int] | None:
    """The value of option args[i] (`--x V` or `--x=V`) and the next index; None if malformed."""
    arg = args[i]
    for name in names:
        if arg == name:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                return None
            return args[i + 1], i + 2
        if name.startswith("--") and arg.startswith(name + "="):
            return arg[len(name) + 1 :], i + 1
    return None


SECTION = options.OUTLINE_SECTION.flags


def parse(argv: list[str]) -> tuple[str, Path | None, dict[str, object]] | None:
    """(command, content dir, options) for a call the fast path takes, else None."""
    if os.environ.get("PKUS_NO_FASTPATH") or os.environ.get("_PKUS_COMPLETE"):
        return None
    args = list(argv)
    content: Path | None = None
    i = 0
    while i < len(args) and args[i].startswith("--content"):
        got = _take_value(args, i, ("--content",))
        if got is None or content is not None:
            return None
        content, i = Path(got[0]), got[1]
    if i >= len(args) or args[i] not in ("outline", "decade", "figures", "timeline"):
        return None
    command, rest = args[i], args[i + 1 :]
    opts: dict[str, object] = {"json_": False}
    j = 0
    positional: list[str] = []
    while j < len(rest):
        arg = rest[j]
        if arg in options.JSON.flags and not opts["json_"]:
            opts["json_"] = True
            j += 1
        elif command == "outline" and arg.startswith(SECTION) and "section" not in opts:
            got = _take_value(rest, j, SECTION)
            if got is None:
                return None
            opts["section"], j = got
        elif command in ("figures", "timeline"):
            return None  # only the plain page (and --json) is taken here; filters go to Typer
        elif command == "decade" and not arg.startswith("-") and not positional:
            positional.append(arg)
            j += 1
        else:
            return None
    if command == "outline":
        opts.setdefault("section", None)
    elif command == "decade":
        opts["name"] = positional[0] if positional else None
    return command, content, opts


def run(argv: list[str]) -> int | None:
    """Run a call the fast path takes and return its exit code; None to use Typer."""
    parsed = parse(argv)
    if parsed is None:
        return None
    command, content, opts = parsed
    try:
        env = AppContext.create(content)
        if command == "outline":
            commands.outline(env, opts["section"], bool(opts["json_"]))  # type: ignore[arg-type]
        elif command == "figures":
            commands.figures(env, "total", None, None, False, bool(opts["json_"]), False)
        elif command == "timeline":
            commands.timeline(
                env, decade=None, section=None, tag=None, person=None, year_from=None,
                year_to=None, json_=bool(opts["json_"]),
            )  # fmt: skip
        else:
            commands.decade(env, opts["name"], bool(opts["json_"]))  # type: ignore[arg-type]
    except PkusError as e:
        return exit_code(e)
    return 0
