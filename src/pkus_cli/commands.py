"""Every command body: load the pack, query a view, render it, emit it.

The Typer adapters (`cli.app`) and the fast path (`cli.fast`) both call these with an
AppContext and plain values, so a command behaves the same whichever parsed it. Output
goes through the context's consoles only. Heavy modules are imported inside the bodies
that need them, so `pkus --help` and `pkus outline` start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from pkus_cli.context import AppContext

if TYPE_CHECKING:
    from rich.console import RenderableType

    from pkus_cli.pack.model import Pack


def load(env: AppContext) -> Pack:
    """The pack in use, from the compiled cache when it is current (ContentError if broken)."""
    from pkus_cli.pack import cache

    return cache.load(env.content_dir)


def emit(env: AppContext, view: Any, json_: bool, draw: Callable[[Any], RenderableType]) -> None:
    """Print a view as JSON (its `to_dict()`) or as the screen `draw` makes of it."""
    if json_:
        env.print_json(view.to_dict())
    else:
        _print(env, draw(view))


def _print(env: AppContext, r: RenderableType) -> None:
    """Print a screen in one call (one call per part costs time) and uncropped: every part
    but a `Whole` line (a URL, an id) is laid out to the width already, and a `Whole` line
    must reach the terminal whole."""
    env.out.print(r, crop=False)


# --- outline, decades, validation -------------------------------------------------------------


def outline(env: AppContext, section: str | None, json_: bool) -> None:
    from pkus_cli.render import outline as screen
    from pkus_cli.views import pages

    emit(env, pages.outline(load(env), section), json_, screen.render)


def decade(env: AppContext, name: str | None, json_: bool) -> None:
    from pkus_cli.render import decade as screen
    from pkus_cli.views import pages

    pack = load(env)
    if name is None:
        emit(env, pages.decade_list(pack), json_, screen.render_list)
    else:
        emit(env, pages.decade(pack, name), json_, screen.render)


def validate(env: AppContext, directory: Path | None, json_: bool) -> None:
    from pkus_cli.errors import ContentError
    from pkus_cli.pack import checks, collector
    from pkus_cli.pack.paths import display_path
    from pkus_cli.quiz import audit
    from pkus_cli.views import pages

    root = directory or env.content_dir
    try:
        pack = _load_with_progress(env, root)
    except ContentError as e:
        raise ContentError(e.problems, full=True) from None
    with collector.paused():  # the checks build a question for every card
        problems = [*pack.notices, *checks.quality_problems(pack), *audit.grading_problems(pack)]
    if problems:
        raise ContentError(problems, full=True)
    data = pages.counts(pack)
    cards = audit.kinds_of_cards(pack)
    if json_:
        env.print_json({**data.to_dict(), "card_kinds": cards})
        return
    summary = ", ".join(f"{n} {k}" for k, n in data.counts.items())
    env.out.print(Text(f"ok: {display_path(root)}: {summary}"))
    env.out.print(
        Text(
            f"cards: {cards['typed']} typed (marked by the quiz), {cards['flashcard_only']} "
            "flashcard-only (explanations you grade yourself)"
        )
    )


def _load_with_progress(env: AppContext, root: Path) -> Pack:
    """Parse a pack from YAML, with a progress bar on a terminal (large packs take seconds)."""
    from pkus_cli.pack import loader
    from pkus_cli.pack.cache import pack_files

    if not sys.stderr.isatty() or not root.is_dir():
        return loader.load(root)
    from rich.progress import Progress

    files = pack_files(root)
    sizes = {p: p.stat().st_size for p in files if p.is_file()}
    # Redrawn as each file is reached, not by a timer: a timer is a thread, and beside a
    # thread the loader cannot hand half of a large pack to a second process.
    with Progress(transient=True, console=env.err, auto_refresh=False) as bar:
        task = bar.add_task(f"checking {root.name}", total=sum(sizes.values()) or 1)

        def advance(path: Path) -> None:
            bar.update(task, advance=sizes.get(path, 0), description=f"reading {path.name}")
            bar.refresh()

        return loader.load(root, on_file=advance)


# --- quiz and stats ---------------------------------------------------------------------------


def quiz(
    env: AppContext,
    *,
    decade: str | None,
    section: str | None,
    tag: str | None,
    person: str | None,
    kinds: list[str],
    event: str | None = None,
    new: int | None,
    count: int,
    cram: bool,
    leeches: bool,
    grading: int,
    seed: int | None,
) -> None:
    import random

    from pkus_cli.errors import Interrupted, UsageError
    from pkus_cli.progress import stats as progress
    from pkus_cli.quiz import plan as planner
    from pkus_cli.quiz.loop import Loop, LoopOptions, run_loop
    from pkus_cli.quiz.session import Session
    from pkus_cli.quiz.terminal import is_interactive
    from pkus_cli.render import quiz as screen

    if grading not in (2, 4):
        raise UsageError("--grading takes 4 (Again/Hard/Good/Easy) or 2 (Fail/Pass)")
    if leeches and cram:
        raise UsageError("--leeches needs your progress; it cannot be combined with --cram")
    pack = load(env)
    scope = planner.make_filters(pack, decade, section, tag, person, kinds, event)
    now = env.now()
    store = None if cram else env.open_store(writing=True)
    try:
        schedules = store.schedules() if store is not None else {}
        today, retention, parameters = _planned(env, pack, store, now, schedules)
        if new is None:  # an explicit --new wins over the plan
            new = max(0, today.new_target - today.new_done) if today is not None else 10
        fails = progress.failures(store) if (leeches and store is not None) else None
        chosen = planner.plan(
            pack, scope, schedules, now, random.Random(seed), new=new, count=count, cram=cram,
            failures=fails,
        )  # fmt: skip
        out = env.out
        what = scope.describe()
        among = f" among the questions for {what}" if what else ""
        if not chosen.questions and leeches:
            out.print(Text(f"No trouble spots{among}: no question has been failed twice yet."))
            out.print(Text("Keep studying: pkus quiz", style="dim"))
            return
        if not chosen.questions:
            nxt = store.next_due() if store is not None else None
            out.print(Text(f"Nothing is due{among}. Next review: {screen.when(nxt, now)}."))
            tip = "Study anyway: pkus quiz --cram, or add new ones: pkus quiz --new 20"
            out.print(Text(tip, style="dim"))
            return
        if not cram:
            head = f"{chosen.due} due, {chosen.new} new" + (f" · {what}" if what else "")
            out.print(Text(head, style="dim"))
        if today is not None and not cram:
            out.print(Text(f"Plan: {today.line()}", style="dim"))
        options = LoopOptions(
            interactive=is_interactive(), two_grades=grading == 2, retention=retention,
            parameters=parameters,
        )  # fmt: skip
        if options.interactive:
            import signal

            # A program started in the background by a non-interactive shell inherits an
            # ignored SIGINT; in the quiz, Ctrl-C must always end the session cleanly.
            signal.signal(signal.SIGINT, signal.default_int_handler)
        session = Session(chosen.questions, cram=cram)
        loop = Loop(out, pack, session, store, options, env.now, screen)
        summary = run_loop(loop)
        out.print(screen.summary(summary, interrupted=loop.interrupted, stopped=loop.stopped))
        if today is not None and store is not None and summary.answered:
            after, _, _ = _planned(env, pack, store, env.now(), store.schedules())
            if after is not None:
                out.print(Text(f"Plan: {after.line()}", style="dim"))
        if loop.interrupted:
            raise Interrupted("interrupted")
    finally:
        if store is not None:
            store.close()


def _planned(env: AppContext, pack: Pack, store: Any, now: Any, schedules: Any) -> Any:
    """Where today stands against the study plan (None without one, or once its exam has
    passed), and the retention and FSRS parameters the scheduler is to use."""
    from pkus_cli.errors import UsageError
    from pkus_cli.progress import plan as planning
    from pkus_cli.progress import srs

    row = store.plan() if store is not None else None
    if row is None:
        return None, srs.DEFAULT_RETENTION, None
    try:
        today = planning.standing(pack, store, now, row, schedules).status
    except UsageError as e:
        env.err.print(Text(f"note: {e}"))
        today = None
    return today, row.retention, row.parameters


def stats(
    env: AppContext,
    json_: bool,
    *,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    streak: bool = False,
) -> None:
    from pkus_cli.progress import calendar
    from pkus_cli.progress import stats as progress
    from pkus_cli.render import plan as plan_screen
    from pkus_cli.render import stats as screen
    from pkus_cli.views import find

    pack = load(env)
    f = find.resolve(pack, decade, section, tag, person)
    with env.open_store() as store:
        data = progress.stats(pack, store, env.now(), f)
        extra = calendar.planning_view(pack, store, env.now(), f, streak)
    if json_:
        env.print_json({**data.to_dict(), "planning": extra.to_dict()})
    else:
        from rich.console import Group

        _print(env, Group(screen.render(data), plan_screen.planning(extra)))


def plan(
    env: AppContext,
    *,
    exam: str | None,
    minutes: int | None,
    retention: float | None,
    clear: bool,
    optimize: bool,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    json_: bool = False,
) -> None:
    """Make, show or remove the study plan to the exam date."""
    import dataclasses

    from pkus_cli.errors import UsageError
    from pkus_cli.progress import plan as planning
    from pkus_cli.progress import srs
    from pkus_cli.progress.store import PlanRow
    from pkus_cli.render import plan as screen
    from pkus_cli.views import find
    from pkus_cli.views import plan as view

    changes = exam is not None or minutes is not None or retention is not None
    filters = any(v is not None for v in (decade, section, tag, person))
    if clear and (changes or filters or optimize):
        raise UsageError("--clear removes the plan; it takes no other option")
    # Check every value before anything is read or written.
    day = planning.parse_exam(exam) if exam is not None else None
    if minutes is not None:
        planning.check_minutes(minutes)
    if retention is not None:
        planning.check_retention(retention)
    now = env.now()
    if day is not None:
        planning.check_exam(day, now.date())
    pack = load(env)
    f = find.resolve(pack, decade, section, tag, person)
    with env.open_store(writing=changes or filters or clear or optimize) as store:
        if clear:
            gone = store.clear_plan()
            if json_:
                env.print_json({"plan": None, "removed": gone})
                return
            said = "Removed the study plan" if gone else "There was no study plan"
            env.out.print(Text(f"{said}; your progress is kept."))
            return
        row = store.plan()
        if row is None and day is None:
            if changes or filters or optimize:
                raise view.missing()
            if json_:
                env.print_json({"plan": None})
                return
            env.out.print(Text("No study plan yet. Make one: pkus plan --exam YYYY-MM-DD"))
            return
        if changes or filters or optimize:
            if day is not None:  # a new plan: what is not given takes its default (fitted
                # parameters are kept: they describe the user, not the plan)
                row = PlanRow(
                    day.isoformat(), minutes, retention or srs.DEFAULT_RETENTION, f.values(),
                    row.parameters if row is not None else None, now,
                )  # fmt: skip
            else:  # change the plan: keep what is not given
                assert row is not None
                row = row._replace(
                    minutes=minutes if minutes is not None else row.minutes,
                    retention=retention if retention is not None else row.retention,
                    filters=f.values() if filters else row.filters,
                )
            if optimize:
                row = row._replace(parameters=_fit(store))
            checked = view.check_fits(pack, store, now, row)
            store.save_plan(row)
            note = "Saved the study plan." + (
                " The scheduler now uses parameters fitted to your reviews." if optimize else ""
            )
            shown = dataclasses.replace(checked, note=note)
        else:
            assert row is not None
            shown = view.build(pack, store, now, row)
    emit(env, shown, json_, screen.render)


def _fit(store: Any) -> tuple[float, ...]:
    """FSRS parameters fitted to the user's reviews (fsrs's optional optimizer)."""
    from pkus_cli.errors import PkusError
    from pkus_cli.progress import srs

    logs = store.review_logs()
    usable = srs.reviews_counted_by_optimizer([(x.card_id, x.reviewed_at) for x in logs])
    need = srs.OPTIMIZER_MINIMUM
    if usable < need:
        raise PkusError(
            f"--optimize needs at least {need} reviews made a day or more after the question's "
            f"previous review; you have {usable} ({need - usable} more to go)"
        )
    try:
        return srs.fit_parameters([tuple(x) for x in logs])
    except srs.OptimizerMissing:
        raise PkusError(
            '--optimize needs fsrs\'s optional optimizer: pip install "pkus[optimizer]"'
        ) from None


# --- looking things up ------------------------------------------------------------------------


def timeline(
    env: AppContext,
    *,
    decade: str | None,
    section: str | None,
    tag: str | None,
    person: str | None,
    year_from: int | None,
    year_to: int | None,
    json_: bool,
) -> None:
    from pkus_cli.render import timeline as screen
    from pkus_cli.views import find, lookups

    pack = load(env)
    f = find.resolve(pack, decade, section, tag, person, year_from, year_to)
    if json_:
        env.print_json(lookups.timeline(pack, f).to_list())
        return
    # Decade by decade, each read as it is printed, so a long timeline starts at once.
    for part in screen.render_groups(lookups.timeline_runs(pack, f)):
        env.out.print(part, crop=False)


def event(env: AppContext, ident: str, json_: bool) -> None:
    from pkus_cli.render import event as screen
    from pkus_cli.views import lookups

    emit(env, lookups.event(load(env), ident), json_, screen.render)


def search(
    env: AppContext,
    words: list[str],
    limit: int,
    json_: bool,
    *,
    decade: str | None = None,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
) -> None:
    from pkus_cli.render import search as screen
    from pkus_cli.views import find
    from pkus_cli.views import search as finder

    pack = load(env)
    f = find.resolve(pack, decade, section, tag, person)
    if f.empty:  # the whole pack: through its full-text index
        view = finder.search_pack(pack, " ".join(words), limit or None)
    else:
        view = finder.search(find.select(pack, f), " ".join(words), limit or None)
    emit(env, view, json_, screen.render)


def people(env: AppContext, ident: str | None, json_: bool) -> None:
    from pkus_cli.render import people as screen
    from pkus_cli.views import lookups

    pack = load(env)
    if ident is None:
        emit(env, lookups.people(pack), json_, screen.render_list)
    else:
        emit(env, lookups.person(pack, ident), json_, screen.render)


def terms(env: AppContext, ident: str | None, json_: bool) -> None:
    from pkus_cli.render import terms as screen
    from pkus_cli.views import lookups

    pack = load(env)
    if ident is None:
        emit(env, lookups.terms(pack), json_, screen.render_list)
    else:
        emit(env, lookups.term(pack, ident), json_, screen.render)


def sources(env: AppContext, json_: bool) -> None:
    from pkus_cli.render import sources as screen
    from pkus_cli.views import lookups

    emit(env, lookups.sources(load(env)), json_, screen.render)


def corrections(env: AppContext, json_: bool) -> None:
    from pkus_cli.render import corrections as screen
    from pkus_cli.views import lookups

    emit(env, lookups.corrections(load(env)), json_, screen.render)


def export(
    env: AppContext,
    fmt: str,
    output: Path | None,
    *,
    decade: str | None,
    section: str | None,
    tag: str | None,
    person: str | None,
    force: bool = False,
) -> None:
    from pkus_cli import export as exporter
    from pkus_cli.pack.paths import display_path
    from pkus_cli.views import find

    pack = load(env)
    path = output or exporter.default_path(pack, fmt)
    f = find.resolve(pack, decade, section, tag, person)
    result = exporter.export(pack, fmt, path, f, force)
    if str(path) == "-":
        return  # the export itself is on standard output
    counts = ", ".join(f"{k} {n}" for k, n in result.counts.items())
    env.out.print(Text(f"wrote {display_path(result.path)} ({result.format}: {counts})"))


# --- exam practice ----------------------------------------------------------------------------


def papers(env: AppContext, year: int | None, paper: str | None, json_: bool) -> None:
    from pkus_cli.render import papers as screen
    from pkus_cli.views import papers as view

    emit(env, view.papers(load(env), year, paper), json_, screen.render_list)


def paper(env: AppContext, ident: str, hide_outline: bool, json_: bool) -> None:
    from pkus_cli.render import papers as screen
    from pkus_cli.views import papers as view

    emit(env, view.paper(load(env), ident, hide_outline), json_, screen.render)


def check(env: AppContext, source: str, json_: bool) -> None:
    from pkus_cli.answers_in import read_text
    from pkus_cli.errors import Findings
    from pkus_cli.factcheck.check import check as run
    from pkus_cli.render import check as screen

    body, name = read_text(source)
    pack = load(env)
    report = run(pack, body, name)
    if json_:
        env.print_json(report.to_dict())
    else:
        for part, soft in screen.render(report, pack):
            env.out.print(part, soft_wrap=soft)
    if report.findings:
        raise Findings(len(report.findings))


def practice(
    env: AppContext, ident: str, minutes: int, file: str | None, *, question: Any = None
) -> None:
    """Show a question, take a written answer, grade it against the model outline, save it."""
    import json
    import time
    from datetime import timedelta

    from pkus_cli.errors import UsageError
    from pkus_cli.practice import coverage, writing
    from pkus_cli.progress.store import AttemptRow
    from pkus_cli.render import practice as screen
    from pkus_cli.views import papers

    if not 1 <= minutes <= 180:
        raise UsageError("--minutes takes 1 to 180")
    pack = load(env)
    q = question or papers.paper_of(pack, ident)
    started = env.now()
    until = (started + timedelta(minutes=minutes)).astimezone().strftime("%H:%M")
    # Open the store first: a store that cannot be written is refused before any writing.
    with env.open_store(writing=True) as store:
        env.out.print(screen.question(q, minutes, until))
        clock = time.monotonic()
        if file is not None:
            body, _ = read_answer(file)
        elif not writing.interactive():
            body = writing.from_stdin()
        else:
            path = writing.draft_path(env.db_path, q, started)
            env.out.print(Text(f"Opening your editor on {path} ...", style="dim"))
            body = writing.from_editor(path, q, minutes)
        if not body.strip():
            raise UsageError("the answer is empty: nothing to grade")
        seconds = int(time.monotonic() - clock)
        result = coverage.grade(pack, q, body)
        history = [
            100 * a.score // max(1, a.out_of)
            for a in store.attempts("practice")
            if a.question_id == q.id
        ]
        detail = json.dumps(result.to_dict(), ensure_ascii=False)
        row = AttemptRow(
            0, "practice", q.id, started, seconds, minutes, result.covered, len(result.points),
            result.words, len(result.findings),
        )  # fmt: skip
        store.record_attempt(row, detail)
    env.out.print(screen.render(result, pack, seconds, minutes, history))


def read_answer(file: str) -> tuple[str, str]:
    from pkus_cli.answers_in import read_text
    from pkus_cli.practice.writing import strip_template

    body, name = read_text(file)
    return strip_template(body), name


def mock(env: AppContext, part: int | None, seed: int | None, mcq_minutes: int) -> None:
    """The mock paper: Part I, timed MCQs; Part II, one of four past questions, written."""
    import random

    from pkus_cli.errors import UsageError

    if part not in (None, 1, 2):
        raise UsageError("--part takes 1 (MCQs) or 2 (a written answer)")
    if not 1 <= mcq_minutes <= 180:
        raise UsageError("--mcq-minutes takes 1 to 180")
    pack = load(env)
    rng = random.Random(seed)
    if part in (None, 1):
        _mock_mcqs(env, pack, rng, mcq_minutes)
    if part in (None, 2):
        _mock_essay(env, pack, rng)


def _mock_mcqs(env: AppContext, pack: Pack, rng: Any, minutes: int) -> None:
    import json
    import time

    from pkus_cli.practice import mcq
    from pkus_cli.progress.store import AttemptRow
    from pkus_cli.quiz.terminal import EndOfInput, read_line
    from pkus_cli.render import mock as screen

    questions = mcq.draw(pack, rng)
    if not questions:
        from pkus_cli.errors import UsageError

        raise UsageError("this pack has no multiple-choice questions for a mock paper")
    started = env.now()
    with env.open_store(writing=True) as store:
        env.out.print(screen.part_one(len(questions), minutes))
        deadline = time.monotonic() + minutes * 60
        marks = []
        interactive = sys.stdin.isatty()
        for n, q in enumerate(questions, 1):
            left = deadline - time.monotonic()
            if left <= 0:
                marks.append(mcq.mark(q, None))
                continue
            env.out.print(screen.mcq(q, n, len(questions), left))
            try:
                if interactive:
                    line = env.out.input(Text("answer (A-D, Enter to skip) > ", style="bold"))
                else:
                    line = read_line()
            except (EOFError, EndOfInput):
                line = None
            if line is None:
                marks += [mcq.mark(x, None) for x in questions[n - 1 :]]
                break
            in_time = time.monotonic() <= deadline
            marks.append(mcq.mark(q, line if in_time and line.strip() else None))
        seconds = int(minutes * 60 - max(0.0, deadline - time.monotonic()))
        score = sum(m.right for m in marks)
        detail = json.dumps(
            [{"id": m.question.item_id, "response": m.response, "right": m.right} for m in marks]
        )
        row = AttemptRow(0, "mock", None, started, seconds, minutes, score, len(marks), 0, 0)
        store.record_attempt(row, detail)
    env.out.print(screen.review(marks, pack, seconds))


def _mock_essay(env: AppContext, pack: Pack, rng: Any) -> None:
    from pkus_cli.errors import UsageError
    from pkus_cli.quiz.terminal import EndOfInput, read_line
    from pkus_cli.render import mock as screen

    past = [q for q in pack.papers() if q.past]
    if len(past) < 1:
        raise UsageError("this pack has no past-paper questions for Part II")
    choices = rng.sample(past, min(4, len(past)))
    env.out.print(screen.part_two(choices))
    valid = [str(i) for i in range(1, len(choices) + 1)]
    while True:
        try:
            if sys.stdin.isatty():
                line = env.out.input(Text(f"choose {valid[0]}-{valid[-1]} > ", style="bold"))
            else:
                line = read_line()
        except (EOFError, EndOfInput):
            raise UsageError("Part II: no question was chosen") from None
        if line.strip() in valid:
            break
        if not sys.stdin.isatty():
            raise UsageError(f"Part II: choose {valid[0]}-{valid[-1]}, got '{line.strip()}'")
        env.out.print(Text(f"Please type {valid[0]}-{valid[-1]}.", style="yellow"))
    q = choices[int(line) - 1]
    practice(env, q.id, 35, None, question=q)


# --- the literature and the words --------------------------------------------------------------


def books(env: AppContext, decade: str | None, person: str | None, json_: bool) -> None:
    from pkus_cli.render import literature as screen
    from pkus_cli.views import literature as view

    emit(env, view.books(load(env), decade, person), json_, screen.render_books)


def quotes(env: AppContext, decade: str | None, person: str | None, json_: bool) -> None:
    from pkus_cli.render import literature as screen
    from pkus_cli.views import literature as view

    emit(env, view.quotes(load(env), decade, person), json_, screen.render_quotes)


def figures(
    env: AppContext,
    measure: str,
    year_from: int | None,
    year_to: int | None,
    constant: bool,
    json_: bool,
    csv: bool,
) -> None:
    from pkus_cli.render import figures as screen
    from pkus_cli.views import figures as view

    data = view.figures(load(env), measure, year_from, year_to, constant)
    if csv:
        sys.stdout.write(data.to_csv())
        return
    emit(env, data, json_, screen.render)
