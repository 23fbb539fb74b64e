"""The command line: parse options, call the core, print, and map errors to exit codes.

Exit codes: 0 ok, 1 content or user error, 2 usage (unknown names, bad options),
130 interrupted. Heavy modules are imported inside the commands that use them, so
`pkus --help` and `pkus outline` start fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.text import Text
from typer.core import TyperGroup

from pkus_cli import __version__
from pkus_cli import commands as views
from pkus_cli.cli import completion
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
    views.report_error(e)
    raise typer.Exit(e.exit_code) from None


app = typer.Typer(
    cls=PkusGroup,
    rich_markup_mode=None,
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


print_json = views.print_json


# --- outline, decades, validation -----------------------------------------------------------


@app.command()
def outline(
    ctx: typer.Context,
    section: str | None = typer.Option(
        None,
        "--section",
        "-s",
        metavar="SECTION",
        help="Expand one section (number or id) with its events.",
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of a tree."),
) -> None:
    """Show the eight-section outline as a tree.

    \b
    Examples:
      pkus outline
      pkus outline --section 4
      pkus outline --json
    """
    views.outline(env(ctx), section, json_)


@app.command()
def decade(
    ctx: typer.Context,
    name: str | None = typer.Argument(
        None,
        help="A decade: 1990s, 90s, 1990, or any year in it (1998).",
        show_default=False,
        metavar="[DECADE]",
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of panels."),
) -> None:
    """Show a decade: summary, leaders, events, takeaways.

    With no DECADE, list the decades.

    \b
    Examples:
      pkus decade 1990s
      pkus decade 98
      pkus decade
    """
    views.decade(env(ctx), name, json_)


@app.command()
def validate(
    ctx: typer.Context,
    directory: Path | None = typer.Argument(
        None, help="The pack to check (default: --content, or the built-in pack).", metavar="[DIR]"
    ),
    json_: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Check a content pack and print its counts.

    Checks the schema, references, dates and coverage. Exits 0 when the pack is valid, 1
    with every problem listed when it is not.

    \b
    Examples:
      pkus validate
      pkus validate ./my-pack
    """
    from pkus_cli.errors import ContentError
    from pkus_cli.pack import checks
    from pkus_cli.pack.paths import display_path
    from pkus_cli.views import pages as query

    root = directory or env(ctx).content_root()
    try:
        pack = _load_with_progress(root)
    except ContentError as e:
        raise ContentError(e.problems, full=True) from None
    problems = checks.quality_problems(pack)
    if problems:
        raise ContentError(problems, full=True)
    data = query.counts(pack)
    if json_:
        print_json(data.to_dict())
        return
    summary = ", ".join(f"{n} {k}" for k, n in data.counts.items())
    env(ctx).out.print(Text(f"ok: {display_path(root)}: {summary}"))


def _load_with_progress(root: Path) -> Any:
    """Parse a pack from YAML, with a progress bar on a terminal (large packs take seconds)."""
    from pkus_cli.pack import loader
    from pkus_cli.pack.cache import pack_files

    if not sys.stderr.isatty() or not root.is_dir():
        return loader.load(root)
    from rich.progress import Progress

    files = pack_files(root)
    sizes = {p: p.stat().st_size for p in files if p.is_file()}
    with Progress(transient=True, console=env_console_err()) as bar:
        task = bar.add_task(f"checking {root.name}", total=sum(sizes.values()) or 1)

        def advance(path: Path) -> None:
            bar.update(task, advance=sizes.get(path, 0), description=f"reading {path.name}")

        return loader.load(root, on_file=advance)


def env_console_err() -> Any:
    from rich.console import Console

    return Console(stderr=True)


# --- quiz commands (pkus quiz, pkus stats) --------------------------------------------------


@app.command()
def quiz(
    ctx: typer.Context,
    new: int = typer.Option(
        10, "--new", metavar="N", min=0, help="At most this many new questions."
    ),
    count: int = typer.Option(
        20, "--count", "-n", metavar="N", min=1, help="At most this many in all."
    ),
    decade: str | None = typer.Option(
        None, "--decade", "-d", metavar="DECADE", help="Only this decade (1990s, 90s, 1998)."
    ),
    section: str | None = typer.Option(
        None, "--section", "-s", metavar="SECTION", help="Only this outline section (number or id)."
    ),
    tag: str | None = typer.Option(
        None, "--tag", "-t", metavar="TAG", help="Only events with this tag."
    ),
    person: str | None = typer.Option(
        None,
        "--person",
        "-p",
        metavar="PERSON",
        help="Only questions about this person (id or name).",
    ),
    kind: list[str] = typer.Option(
        [],
        "--kind",
        "-k",
        metavar="KIND",
        help="flashcard, typed, year, choice, order or first; repeat or comma-separate "
        "(default: a mix).",
    ),
    cram: bool = typer.Option(
        False, "--cram", help="Study regardless of due dates; the schedule is not changed."
    ),
    leeches: bool = typer.Option(
        False, "--leeches", help="Drill the questions you have failed twice or more."
    ),
    grading_: int = typer.Option(
        4,
        "--grading",
        metavar="N",
        help="Flashcard grades: 4 (Again/Hard/Good/Easy) or 2 (Fail/Pass).",
    ),
    seed: int | None = typer.Option(
        None, "--seed", metavar="N", help="Make the question order reproducible."
    ),
) -> None:
    """Study with spaced repetition (FSRS).

    Due reviews come first, then new questions. In a terminal: Enter reveals, 1-4 grade, u
    undoes, q quits. From a script (stdin not a terminal) each question reads one line.
    Progress is saved after every answer.

    \b
    Examples:
      pkus quiz
      pkus quiz --decade 1990s --kind typed
      pkus quiz --cram --tag nuclear
    """
    import random

    from pkus_cli.errors import UsageError
    from pkus_cli.progress import stats as progress
    from pkus_cli.progress.store import Store
    from pkus_cli.quiz import plan as planner
    from pkus_cli.quiz.loop import Loop, LoopOptions, run_loop
    from pkus_cli.quiz.session import Session
    from pkus_cli.quiz.terminal import is_interactive
    from pkus_cli.render import quiz as view

    if grading_ not in (2, 4):
        raise UsageError("--grading takes 4 (Again/Hard/Good/Easy) or 2 (Fail/Pass)")
    app_env = env(ctx)
    pack = app_env.pack()
    filters = planner.make_filters(pack, decade, section, tag, person, kind)
    rng = random.Random(seed)
    now = app_env.now()
    store = None if cram else Store.open(app_env.database())
    try:
        cards = store.cards() if store is not None else {}
        fails = progress.failures(store) if (leeches and store is not None) else None
        if leeches and store is None:
            raise UsageError("--leeches needs your progress; it cannot be combined with --cram")
        chosen = planner.plan(
            pack, filters, cards, now, rng, new=new, count=count, cram=cram, failures=fails
        )
        out = app_env.out
        if not chosen.questions:
            nxt = store.next_due(None) if store is not None else None
            out.print(
                Text(f"Nothing due for {filters.describe()}. Next review: {view.when(nxt, now)}.")
            )
            out.print(
                Text(
                    "Study anyway: pkus quiz --cram, or add new ones: pkus quiz --new 20",
                    style="dim",
                )
            )
            return
        if not cram:
            out.print(
                Text(f"{chosen.due} due, {chosen.new} new · {filters.describe()}", style="dim")
            )
        session = Session(chosen.questions, cram=cram)
        options = LoopOptions(interactive=is_interactive(), two_grades=grading_ == 2)
        if options.interactive:
            import signal

            # A program started in the background by a non-interactive shell inherits an
            # ignored SIGINT; in the quiz, Ctrl-C must always end the session cleanly.
            signal.signal(signal.SIGINT, signal.default_int_handler)
        loop = Loop(out, pack, session, store, options, app_env.now)
        summary = run_loop(loop)
        out.print(view.summary(summary, interrupted=loop.interrupted))
        if loop.interrupted:
            raise typer.Exit(130)
    finally:
        if store is not None:
            store.close()


@app.command()
def stats(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Show progress, mastery by decade and trouble spots.

    \b
    Examples:
      pkus stats
      pkus stats --json
    """
    from pkus_cli.progress import stats as progress
    from pkus_cli.progress.store import Store
    from pkus_cli.render import stats as view

    app_env = env(ctx)
    pack = app_env.pack()
    with Store.open(app_env.database()) as store:
        data = progress.stats(pack, store, app_env.now())
    if json_:
        print_json(data.to_dict())
    else:
        app_env.out.print(view.render(data))


# --- explore and export commands ------------------------------------------------------------


_JSON = typer.Option(False, "--json", help="Print JSON instead of tables.")


def _decade_opt(help_: str) -> Any:
    return typer.Option(
        None, "--decade", "-d", help=help_, metavar="DECADE", autocompletion=completion.decades
    )


def _section_opt(help_: str) -> Any:
    return typer.Option(
        None, "--section", "-s", help=help_, metavar="N", autocompletion=completion.sections
    )


def _tag_opt(help_: str) -> Any:
    return typer.Option(
        None, "--tag", "-t", help=help_, metavar="TAG", autocompletion=completion.tags
    )


@app.command()
def timeline(
    ctx: typer.Context,
    year_from: int | None = typer.Option(
        None, "--from", metavar="YEAR", help="Only events in or after this year."
    ),
    year_to: int | None = typer.Option(
        None, "--to", metavar="YEAR", help="Only events in or before this year."
    ),
    decade: str | None = _decade_opt("Only this decade (1990s, 90s, 1998)."),
    tag: str | None = _tag_opt("Only events with this tag."),
    person: str | None = typer.Option(
        None,
        "--person",
        "-p",
        metavar="PERSON",
        help="Only events involving this person (id or name).",
        autocompletion=completion.people,
    ),
    section: str | None = _section_opt("Only this outline section (number, id or code like 4B)."),
    json_: bool = typer.Option(False, "--json", help="Print a JSON list of events."),
) -> None:
    """Show every event in date order, grouped by decade.

    \b
    Examples:
      pkus timeline
      pkus timeline --decade 90s
      pkus timeline --from 1979 --to 1989 --tag military-aid
      pkus timeline --person zia-ul-haq --json
    """
    from pkus_cli.render import timeline as view
    from pkus_cli.views import explore

    app_env = env(ctx)
    data = explore.timeline(app_env.pack(), decade, section, tag, person, year_from, year_to)
    if json_:
        print_json(data.to_list())
        return
    for part in view.render(data):  # decade by decade, so long timelines start at once
        app_env.out.print(part)


@app.command()
def event(
    ctx: typer.Context,
    ident: str = typer.Argument(
        ...,
        metavar="ID",
        help="The event's id (see pkus timeline).",
        autocompletion=completion.events,
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of panels."),
) -> None:
    """Show one event in full, with its sources.

    Date, summary, significance, people, terms, its place in the outline and the events just
    before and after.

    \b
    Examples:
      pkus event pressler-cutoff
      pkus event seato --json
    """
    from pkus_cli.render import event as view
    from pkus_cli.views import explore

    data = explore.event(env(ctx).pack(), ident)
    if json_:
        print_json(data.to_dict())
    else:
        env(ctx).out.print(view.render(data))


@app.command()
def search(
    ctx: typer.Context,
    words: list[str] = typer.Argument(..., metavar="TEXT...", help="The words to look for."),
    limit: int = typer.Option(
        20, "--limit", "-n", metavar="N", min=0, help="Show at most N results (0: all)."
    ),
    json_: bool = _JSON,
) -> None:
    """Search events, people, terms, decades and cards.

    Every word must match the start of a word (case and accents ignored); matches in a
    title, name or term rank before matches in the text.

    \b
    Examples:
      pkus search pressler
      pkus search kerry lugar
      pkus search "cut off" --json
    """
    from pkus_cli.render import search as view
    from pkus_cli.views import explore

    data = explore.search(env(ctx).pack(), " ".join(words), limit or None)
    if json_:
        print_json(data.to_dict())
    else:
        env(ctx).out.print(view.render(data))


@app.command()
def people(
    ctx: typer.Context,
    ident: str | None = typer.Argument(
        None,
        metavar="[ID]",
        help="A person's id or name: show everything about them.",
        autocompletion=completion.people,
    ),
    json_: bool = _JSON,
) -> None:
    """List the people, or show one in full.

    One person comes with every event, card and decade that names them.

    \b
    Examples:
      pkus people
      pkus people zia-ul-haq
      pkus people bhutto --json
    """
    from pkus_cli.render import people as view
    from pkus_cli.views import explore

    pack = env(ctx).pack()
    if ident is None:
        listing = explore.people(pack)
        print_json(listing.to_dict()) if json_ else env(ctx).out.print(view.render_list(listing))
        return
    data = explore.person(pack, ident)
    print_json(data.to_dict()) if json_ else env(ctx).out.print(view.render(data))


@app.command()
def terms(
    ctx: typer.Context,
    ident: str | None = typer.Argument(
        None,
        metavar="[ID]",
        help="A term's id, name or alias: show everything about it.",
        autocompletion=completion.terms,
    ),
    json_: bool = _JSON,
) -> None:
    """List the glossary, or show one term in full.

    One term comes with every event, card and correction that uses it.

    \b
    Examples:
      pkus terms
      pkus terms pressler-amendment
      pkus terms SEATO --json
    """
    from pkus_cli.render import terms as view
    from pkus_cli.views import explore

    pack = env(ctx).pack()
    if ident is None:
        listing = explore.terms(pack)
        print_json(listing.to_dict()) if json_ else env(ctx).out.print(view.render_list(listing))
        return
    data = explore.term(pack, ident)
    print_json(data.to_dict()) if json_ else env(ctx).out.print(view.render(data))


@app.command()
def sources(ctx: typer.Context, json_: bool = _JSON) -> None:
    """Show the sources and how often each is cited.

    \b
    Examples:
      pkus sources
      pkus sources --json
    """
    from pkus_cli.render import sources as view
    from pkus_cli.views import explore

    data = explore.sources(env(ctx).pack())
    print_json(data.to_dict()) if json_ else env(ctx).out.print(view.render(data))


@app.command()
def corrections(ctx: typer.Context, json_: bool = _JSON) -> None:
    """Show common errors and what the sources say.

    Claims often met in prep notes and on the web, corrected with sources.

    \b
    Examples:
      pkus corrections
      pkus corrections --json
    """
    from pkus_cli.render import corrections as view
    from pkus_cli.views import explore

    data = explore.corrections(env(ctx).pack())
    print_json(data.to_dict()) if json_ else env(ctx).out.print(view.render(data))


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Argument(
        ...,
        metavar="FORMAT",
        help="anki (.apkg deck), tsv (Anki text import), markdown "
        "(study guide) or json (the whole pack).",
        autocompletion=completion.formats,
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="PATH",
        help="The file to write (default: pkus-PACK.apkg/.tsv/.md/.json here).",
    ),
    decade: str | None = _decade_opt("Only this decade (1990s, 90s, 1998)."),
    tag: str | None = _tag_opt("Only events (and their cards) with this tag."),
    section: str | None = _section_opt("Only this outline section (number, id or code)."),
) -> None:
    """Export to Anki, Anki text, Markdown or JSON.

    Anki notes keep stable ids, so importing a newer export updates your notes and keeps
    their review history. The file is written whole or not at all.

    \b
    Examples:
      pkus export anki -o pkus.apkg
      pkus export markdown --decade 1990s -o 90s.md
    """
    from pkus_cli import export as exporter
    from pkus_cli.pack.paths import display_path

    pack = env(ctx).pack()
    path = output or exporter.default_path(pack, fmt)
    result = exporter.export(pack, fmt, path, decade=decade, section=section, tag=tag)
    counts = ", ".join(f"{k} {n}" for k, n in result.counts.items())
    env(ctx).out.print(Text(f"wrote {display_path(result.path)} ({result.format}: {counts})"))


def main() -> None:
    """Entry point: the fast path for plain outline/decade calls, else this Typer app."""
    from pkus_cli.entry import main as entry_main

    entry_main()
