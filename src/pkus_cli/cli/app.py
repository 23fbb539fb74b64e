"""The Typer app: one thin adapter per command, handing plain values to `commands`.

Shared options come from `cli.options`, so a flag reads, helps and completes the same on
every command; errors become exit codes in `exits` alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError as ClickUsageError  # Typer's own Click
from typer.core import TyperArgument, TyperGroup

from pkus_cli import __version__, commands
from pkus_cli.cli import completion, options
from pkus_cli.context import AppContext
from pkus_cli.errors import PkusError, UsageError
from pkus_cli.exits import exit_code


class PkusGroup(TyperGroup):
    """Turn every PkusError (and Ctrl-C) into one line on stderr and its exit code, and
    every usage error too: one line, not Click's Usage / Try / blank / Error block."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except ClickUsageError as e:
            raise typer.Exit(_usage(e)) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (PkusError, KeyboardInterrupt) as e:
            raise typer.Exit(exit_code(e)) from None
        except ClickUsageError as e:
            raise typer.Exit(_usage(e)) from None


def _usage(e: ClickUsageError) -> int:
    """One line on stderr, with where to look: "error: ... (pkus quiz -h)"."""
    where = e.ctx.command_path if e.ctx is not None else "pkus"
    message = " ".join(e.format_message().split())
    return exit_code(UsageError(f"{message} (see {where} -h)"))


def _plain_metavar(self: TyperArgument, ctx: Any, *, usage: bool = False) -> str:
    """Typer writes a required argument as {ID} in usage lines: show ID, as a user types it."""
    shown = _typer_metavar(self, ctx, usage=usage)
    return shown[1:-1] if shown.startswith("{") and shown.endswith("}") else shown


_typer_metavar = TyperArgument.make_metavar
TyperArgument.make_metavar = _plain_metavar  # type: ignore[method-assign]


def option(spec: options.Spec, **extra: Any) -> Any:
    complete = getattr(completion, spec.complete) if spec.complete else None
    return typer.Option(
        *spec.flags, metavar=spec.metavar or None, help=spec.help, autocompletion=complete, **extra
    )


Decade = Annotated[str | None, option(options.DECADE)]
Section = Annotated[str | None, option(options.SECTION)]
Tag = Annotated[str | None, option(options.TAG)]
Person = Annotated[str | None, option(options.PERSON)]
Json = Annotated[bool, option(options.JSON)]

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
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            help="Use the content pack in DIR instead of the built-in one (env: PKUS_CONTENT).",
            metavar="DIR",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Keep quiz progress in this SQLite file (env: PKUS_DB; default: your user "
            "data folder).",
            metavar="PATH",
            dir_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    try:
        ctx.obj = AppContext.create(content, db)
    except PkusError as e:
        raise typer.Exit(exit_code(e)) from None


def env(ctx: typer.Context) -> AppContext:
    obj = ctx.find_root().obj
    assert isinstance(obj, AppContext)
    return obj


# --- outline, decades, validation -------------------------------------------------------------


@app.command()
def outline(
    ctx: typer.Context,
    section: Annotated[str | None, option(options.OUTLINE_SECTION)] = None,
    json_: Json = False,
) -> None:
    """Show the eight-section outline as a tree.

    \b
    Examples:
      pkus outline
      pkus outline --section 4
      pkus outline --section 4B --json
    """
    commands.outline(env(ctx), section, json_)


@app.command()
def decade(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="A decade: 1990s, 90s, 1990, or any year in it (1998, 98).",
            show_default=False,
            metavar="[DECADE]",
            autocompletion=completion.decades,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Show a decade: summary, leaders, events, takeaways.

    With no DECADE, list the decades.

    \b
    Examples:
      pkus decade 1990s
      pkus decade 98
      pkus decade
    """
    commands.decade(env(ctx), name, json_)


@app.command()
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The pack to check (default: --content, or the built-in pack).", metavar="[DIR]"
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Check a content pack and print its counts.

    Checks the schema, references, dates and coverage. Exits 0 when the pack is valid, 1
    with every problem listed when it is not.

    \b
    Examples:
      pkus validate
      pkus validate ./my-pack
    """
    commands.validate(env(ctx), directory, json_)


# --- quiz and stats ---------------------------------------------------------------------------


@app.command()
def quiz(
    ctx: typer.Context,
    new: Annotated[
        int | None,
        typer.Option(
            "--new",
            metavar="N",
            min=0,
            help="At most this many new questions (default: the plan's for today, else 10).",
            show_default=False,
        ),
    ] = None,
    count: Annotated[
        int, typer.Option("--count", "-n", metavar="N", min=1, help="At most this many in all.")
    ] = 20,
    decade: Decade = None,
    section: Section = None,
    tag: Tag = None,
    person: Person = None,
    event: Annotated[str | None, option(options.EVENT)] = None,
    kind: Annotated[list[str] | None, option(options.KIND)] = None,
    cram: Annotated[
        bool,
        typer.Option("--cram", help="Study regardless of due dates; the schedule is not changed."),
    ] = False,
    leeches: Annotated[
        bool, typer.Option("--leeches", help="Drill the questions you have failed twice or more.")
    ] = False,
    grading: Annotated[
        int,
        typer.Option(
            "--grading", metavar="N", help="Flashcard grades: 4 (Again/Hard/Good/Easy) or 2."
        ),
    ] = 4,
    seed: Annotated[
        int | None,
        typer.Option("--seed", metavar="N", help="Make the question order reproducible."),
    ] = None,
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
      pkus quiz --event pressler-cutoff --cram
    """
    commands.quiz(
        env(ctx), decade=decade, section=section, tag=tag, person=person, kinds=kind or [],
        event=event,
        new=new, count=count, cram=cram, leeches=leeches, grading=grading, seed=seed,
    )  # fmt: skip


@app.command()
def stats(
    ctx: typer.Context,
    decade: Decade = None,
    section: Section = None,
    tag: Tag = None,
    person: Person = None,
    streak: Annotated[
        bool, typer.Option("--streak", help="Also count the days in a row you have studied.")
    ] = False,
    json_: Json = False,
) -> None:
    """Show progress, mastery by decade and section, forecast and trouble spots.

    The filters narrow it to the questions a quiz with the same filters would ask. With a
    study plan: days left and today's target. Reviews due per day for 30 days (simulated),
    the last 12 weeks of study, and mastery by outline section, weakest first.

    \b
    Examples:
      pkus stats
      pkus stats --section 4 --json
      pkus stats --streak
    """
    commands.stats(
        env(ctx), json_, decade=decade, section=section, tag=tag, person=person, streak=streak
    )


@app.command()
def plan(
    ctx: typer.Context,
    exam: Annotated[
        str | None,
        typer.Option("--exam", metavar="DATE", help="The exam date, YYYY-MM-DD: make a new plan."),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option("--minutes", "-m", metavar="M", help="Minutes a day you can study."),
    ] = None,
    retention: Annotated[
        float | None,
        typer.Option(
            "--retention",
            metavar="R",
            help="Desired retention, 0.70-0.99 (default 0.9): the share of questions the "
            "scheduler aims for you to recall.",
        ),
    ] = None,
    decade: Decade = None,
    section: Section = None,
    tag: Tag = None,
    person: Person = None,
    optimize: Annotated[
        bool,
        typer.Option(
            "--optimize",
            help='Fit the scheduler to your own reviews (needs pip install "pkus[optimizer]").',
        ),
    ] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the plan.")] = False,
    json_: Json = False,
) -> None:
    """Plan your study to the exam date: new questions a day, reviews, minutes, recall.

    Every question in the filters is introduced at least two weeks before the exam. The
    reviews each day brings are simulated with FSRS over your own cards; the minutes use
    your measured pace. Without options, shows the plan; the quiz then follows it.

    \b
    Examples:
      pkus plan --exam 2027-02-14
      pkus plan --exam 2027-02-14 --minutes 45 --retention 0.85
      pkus plan --exam 2027-02-14 --decade 1990s --json
      pkus plan
      pkus plan --clear
    """
    commands.plan(
        env(ctx), exam=exam, minutes=minutes, retention=retention, clear=clear,
        optimize=optimize, decade=decade, section=section, tag=tag, person=person, json_=json_,
    )  # fmt: skip


# --- looking things up ------------------------------------------------------------------------


@app.command()
def timeline(
    ctx: typer.Context,
    year_from: Annotated[int | None, option(options.YEAR_FROM)] = None,
    year_to: Annotated[int | None, option(options.YEAR_TO)] = None,
    decade: Decade = None,
    tag: Tag = None,
    person: Person = None,
    section: Section = None,
    json_: Json = False,
) -> None:
    """Show every event in date order, grouped by decade.

    \b
    Examples:
      pkus timeline
      pkus timeline --decade 90s
      pkus timeline --from 1979 --to 1989 --tag military-aid
      pkus timeline --person zia-ul-haq --json
    """
    commands.timeline(
        env(ctx), decade=decade, section=section, tag=tag, person=person,
        year_from=year_from, year_to=year_to, json_=json_,
    )  # fmt: skip


@app.command()
def event(
    ctx: typer.Context,
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The event's id (see pkus timeline).",
            autocompletion=completion.events,
        ),
    ],
    json_: Json = False,
) -> None:
    """Show one event in full, with its sources.

    Date, summary, significance, people, terms, its place in the outline and the events just
    before and after.

    \b
    Examples:
      pkus event pressler-cutoff
      pkus event seato-1954 --json
    """
    commands.event(env(ctx), ident, json_)


@app.command()
def search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(metavar="TEXT...", help="The words to look for.")],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", metavar="N", min=0, help="Show at most N results (0: all)."),
    ] = 20,
    decade: Decade = None,
    section: Section = None,
    tag: Tag = None,
    person: Person = None,
    json_: Json = False,
) -> None:
    """Search events, people, terms, decades and cards.

    Every word must match the start of a word (case and accents ignored); matches in a
    title, name or term rank before matches in the text. The filters keep the events that
    pass them and what those events touch.

    \b
    Examples:
      pkus search pressler
      pkus search kerry lugar
      pkus search aid --decade 1980s --json
    """
    commands.search(
        env(ctx), words, limit, json_, decade=decade, section=section, tag=tag, person=person
    )


@app.command()
def people(
    ctx: typer.Context,
    ident: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="A person's id or name: show everything about them.",
            autocompletion=completion.people,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """List the people, or show one in full.

    One person comes with every event, card and decade that names them.

    \b
    Examples:
      pkus people
      pkus people zia-ul-haq
      pkus people "benazir bhutto" --json
    """
    commands.people(env(ctx), ident, json_)


@app.command()
def terms(
    ctx: typer.Context,
    ident: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="A term's id, name or alias: show everything about it.",
            autocompletion=completion.terms,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """List the glossary, or show one term in full.

    One term comes with every event, card and correction that uses it.

    \b
    Examples:
      pkus terms
      pkus terms pressler-amendment
      pkus terms SEATO --json
    """
    commands.terms(env(ctx), ident, json_)


@app.command()
def sources(ctx: typer.Context, json_: Json = False) -> None:
    """Show the sources and how often each is cited.

    \b
    Examples:
      pkus sources
      pkus sources --json
    """
    commands.sources(env(ctx), json_)


@app.command()
def corrections(ctx: typer.Context, json_: Json = False) -> None:
    """Show common errors and what the sources say.

    Claims often met in prep notes and on the web, corrected with sources.

    \b
    Examples:
      pkus corrections
      pkus corrections --json
    """
    commands.corrections(env(ctx), json_)


# --- the literature and the words --------------------------------------------------------------


@app.command()
def books(
    ctx: typer.Context, decade: Decade = None, person: Person = None, json_: Json = False
) -> None:
    """List the books, memoirs and reports of the relationship, with their first editions.

    A work belongs to the decades of the events it bears on; --person finds its authors
    and the people it is about.

    \b
    Examples:
      pkus books
      pkus books --decade 1980s
      pkus books --person musharraf --json
    """
    commands.books(env(ctx), decade, person, json_)


@app.command()
def quotes(
    ctx: typer.Context, decade: Decade = None, person: Person = None, json_: Json = False
) -> None:
    """List speeches and quotations, verbatim, with speaker, date, occasion and place.

    \b
    Examples:
      pkus quotes
      pkus quotes --decade 2000s
      pkus quotes --person "ayub khan"
    """
    commands.quotes(env(ctx), decade, person, json_)


@app.command()
def figures(
    ctx: typer.Context,
    measure: Annotated[
        str,
        typer.Option(
            "--measure",
            "-m",
            metavar="MEASURE",
            help="economic, military or total aid; exports or imports of goods.",
            autocompletion=completion.measures,
        ),
    ] = "total",
    year_from: Annotated[int | None, option(options.YEAR_FROM)] = None,
    year_to: Annotated[int | None, option(options.YEAR_TO)] = None,
    constant: Annotated[
        bool, typer.Option("--constant", help="Constant dollars (base year as the source has it).")
    ] = False,
    json_: Json = False,
    csv: Annotated[
        bool, typer.Option("--csv", help="Print CSV: year, amounts, unit, spans.")
    ] = False,
) -> None:
    """Chart US aid to Pakistan (or trade) by year, with alliances and sanctions marked.

    Each series is as its source measures it (Greenbook obligations by fiscal year; Census
    trade by calendar year), never mixed; the sources are listed under the chart.

    \b
    Examples:
      pkus figures
      pkus figures --measure military --from 1980 --to 1995
      pkus figures --measure exports --csv
    """
    commands.figures(env(ctx), measure, year_from, year_to, constant, json_, csv)


# --- exam practice ----------------------------------------------------------------------------


@app.command()
def papers(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option("--year", "-y", metavar="YEAR", help="Only this exam year.")
    ] = None,
    paper: Annotated[
        str | None,
        typer.Option(
            "--paper",
            metavar="PAPER",
            help="Only this paper: Current Affairs (CA), Pakistan Affairs (PA), "
            "International Relations (IR).",
            autocompletion=completion.paper_names,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """List past-paper questions on Pakistan-US relations, and the themes that recur.

    Each past question is as printed in the paper, with where its text was read. Likely
    questions written by pkus follow, labelled as such.

    \b
    Examples:
      pkus papers
      pkus papers --paper CA
      pkus papers --year 2022 --json
    """
    commands.papers(env(ctx), year, paper, json_)


@app.command()
def paper(
    ctx: typer.Context,
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A question id from pkus papers.", autocompletion=completion.papers
        ),
    ],
    hide_outline: Annotated[
        bool, typer.Option("--hide-outline", help="Show the question only, to outline it yourself.")
    ] = False,
    json_: Json = False,
) -> None:
    """Show one past-paper question and its model outline.

    The outline: a thesis, four to seven arguments each backed by dated events of the
    pack, the counter-view, a way forward, a conclusion and the key dates to quote.

    \b
    Examples:
      pkus paper css-2024-ca-4
      pkus paper css-2022-pa-8 --hide-outline
    """
    commands.paper(env(ctx), ident, hide_outline, json_)


@app.command()
def practice(
    ctx: typer.Context,
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A question id from pkus papers.", autocompletion=completion.papers
        ),
    ],
    minutes: Annotated[
        int, typer.Option("--minutes", "-m", metavar="N", help="Time allowed (default 35).")
    ] = 35,
    file: Annotated[
        str | None,
        typer.Option("--file", "-f", metavar="FILE", help="Grade this answer (- for stdin)."),
    ] = None,
) -> None:
    """Write a timed answer to a past-paper question and have it graded.

    The answer is written in $EDITOR (or read from --file, or from standard input when it
    is not a terminal), then graded: the outline points it covers, the key dates it leaves
    out, its structure, and a fact check. Each attempt is saved; pkus stats shows them.

    \b
    Examples:
      pkus practice css-2022-pa-8
      pkus practice css-2024-ca-4 --file answer.md
      pkus practice css-2021-ca-7 --minutes 20
    """
    commands.practice(env(ctx), ident, minutes, file)


@app.command()
def mock(
    ctx: typer.Context,
    part: Annotated[
        int | None,
        typer.Option("--part", metavar="N", help="Only Part I (MCQs) or Part II (an essay)."),
    ] = None,
    mcq_minutes: Annotated[
        int, typer.Option("--mcq-minutes", metavar="N", help="Time for Part I (default 30).")
    ] = 30,
    seed: Annotated[
        int | None, typer.Option("--seed", metavar="N", help="Make the paper reproducible.")
    ] = None,
) -> None:
    """Sit a mock paper: 20 timed MCQs, then one of four past questions to write.

    Part I's clock runs for the whole part; unanswered questions score nothing; a review
    with sources follows. Part II is the pkus practice flow on the question you choose.
    From a script, each MCQ reads one line, then the choice, then the answer to the end.

    \b
    Examples:
      pkus mock
      pkus mock --part 1
      pkus mock --part 2 --seed 7
    """
    commands.mock(env(ctx), part, seed, mcq_minutes)


@app.command()
def check(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(metavar="FILE", help="A text file (essay, answer, notes), or - for stdin."),
    ],
    json_: Json = False,
) -> None:
    """Fact-check a text against the pack: wrong years, offices, periods, known errors.

    Each sentence that contradicts the pack is shown as FILE:LINE with the wrong words,
    the sourced fact and its source. Exit 0 when nothing is found, 1 when something is.

    \b
    Examples:
      pkus check answer.md
      cat notes.txt | pkus check -
      pkus check essay.md --json
    """
    commands.check(env(ctx), source, json_)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="anki (.apkg deck), tsv (Anki text import), markdown (study guide), html "
            "(printable guide with charts) or json (the whole pack).",
            autocompletion=completion.formats,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The file to write (default: pkus-PACK.apkg/.tsv/.md/.json here).",
        ),
    ] = None,
    decade: Decade = None,
    section: Section = None,
    tag: Tag = None,
    person: Person = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing file (or write through a link).")
    ] = False,
) -> None:
    """Export to Anki, Anki text, Markdown or JSON.

    Anki notes keep stable ids, so importing a newer export updates your notes and keeps
    their review history. The file is written whole or not at all.

    \b
    Examples:
      pkus export anki -o pkus.apkg
      pkus export markdown --decade 1990s -o 90s.md
      pkus export html -o guide.html
    """
    commands.export(
        env(ctx), fmt, output, decade=decade, section=section, tag=tag, person=person, force=force
    )
