"""The command line: parse options, call the core, print, and map errors to exit codes.

Exit codes: 0 ok, 1 content or user error, 2 usage (unknown names, bad options),
130 interrupted. Heavy modules are imported inside the commands that use them, so
`pkus --help` and `pkus outline` start fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.text import Text
from typer.core import TyperGroup

from pkus_cli import __version__
from pkus_cli.context import AppContext
from pkus_cli.errors import PkusError


class PkusGroup(TyperGroup):
    """Translate every PkusError into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PkusError as e:
            _fail(e)
        except KeyboardInterrupt:
            sys.stderr.write("\ninterrupted\n")
            raise typer.Exit(130) from None


def _fail(e: PkusError) -> NoReturn:
    from rich.console import Console

    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(f"error: {e}"))
    raise typer.Exit(e.exit_code) from None


app = typer.Typer(
    cls=PkusGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Study Pakistan-US relations, 1947 to today: outline, decades, timeline, "
        "search and spaced-repetition quizzes.\n\n"
        "Start with: pkus outline, then pkus decade 1990s, then pkus quiz."
    ),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pkus {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    content: Path | None = typer.Option(
        None,
        "--content",
        envvar="PKUS_CONTENT",
        help="Use the content pack in DIR instead of the built-in one.",
        metavar="DIR",
        file_okay=False,
    ),
    db: Path | None = typer.Option(
        None,
        "--db",
        envvar="PKUS_DB",
        help="Keep quiz progress in this SQLite file (default: your user data folder).",
        metavar="PATH",
        dir_okay=False,
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    ctx.obj = AppContext(content_dir=content, db_path=db)


def env(ctx: typer.Context) -> AppContext:
    obj = ctx.find_root().obj
    assert isinstance(obj, AppContext)
    return obj


def print_json(data: Any) -> None:
    """JSON to stdout as-is: sorted keys, real Unicode, no Rich wrapping or markup."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


# --- outline, decades, validation -----------------------------------------------------------


@app.command()
def outline(
    ctx: typer.Context,
    section: str | None = typer.Option(
        None, "--section", "-s", help="Expand one section (number or id) with its events."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of a tree."),
) -> None:
    """Show the topic's eight-section outline as a tree.

    Examples: pkus outline · pkus outline --section 4 · pkus outline --json
    """
    from pkus_cli import query
    from pkus_cli.render import outline as view

    data = query.outline(env(ctx).pack(), section)
    if json_:
        print_json(data.to_dict())
    else:
        env(ctx).out.print(view.render(data))


@app.command()
def decade(
    ctx: typer.Context,
    name: str | None = typer.Argument(
        None, help="A decade: 1990s, 90s, 1990, or any year in it (1998).", show_default=False
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of panels."),
) -> None:
    """Show one decade: summary, leaders, key events, figures and takeaways.

    With no DECADE, list the decades. Examples: pkus decade 1990s · pkus decade 98 · pkus decade
    """
    from pkus_cli import query
    from pkus_cli.render import decade as view

    pack = env(ctx).pack()
    if name is None:
        listing = query.decade_list(pack)
        if json_:
            print_json(listing.to_dict())
        else:
            env(ctx).out.print(view.render_list(listing))
        return
    data = query.decade(pack, name)
    if json_:
        print_json(data.to_dict())
    else:
        env(ctx).out.print(view.render(data))


@app.command()
def validate(
    ctx: typer.Context,
    directory: Path | None = typer.Argument(
        None, help="The pack to check (default: --content, or the built-in pack).", metavar="[DIR]"
    ),
    json_: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Check a content pack: schema, references, dates and coverage; print its counts.

    Exits 0 when the pack is valid, 1 with every problem listed when it is not.
    Examples: pkus validate · pkus validate ./my-pack
    """
    from pkus_cli import checks, loader, query
    from pkus_cli.errors import ContentError

    root = directory or env(ctx).content_root()
    pack = loader.load(root)
    problems = checks.quality_problems(pack)
    if problems:
        raise ContentError(problems)
    data = query.counts(pack)
    if json_:
        print_json(data.to_dict())
        return
    summary = ", ".join(f"{n} {k}" for k, n in data.counts.items())
    env(ctx).out.print(Text(f"ok: {loader.display_path(root)}: {summary}"))


# --- quiz commands (pkus quiz, pkus stats) --------------------------------------------------


# --- explore and export commands ------------------------------------------------------------


def main() -> None:
    """Entry point of the `pkus` script."""
    try:
        app()
    except BrokenPipeError:
        # `pkus timeline | head`: the reader left; exit quietly like other Unix tools.
        sys.stderr.close()
        raise SystemExit(1) from None
