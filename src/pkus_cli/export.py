"""Exports: an Anki deck, Anki's text format, a Markdown study guide, and JSON.

The only module that writes export files. Every export goes to a temporary file in the
target's folder and is renamed over the target once complete, so a failed or interrupted
export never leaves a half-written file. genanki is imported only by the Anki exporter.
"""

from __future__ import annotations

import contextlib
import csv
import html
import json
import os
import random
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pkus_cli import __version__
from pkus_cli.errors import ExportError, UsageError
from pkus_cli.pack.basics import format_date
from pkus_cli.pack.items import Event, Source
from pkus_cli.pack.model import Pack
from pkus_cli.views import find, subjects
from pkus_cli.views.literature import literature_of
from pkus_cli.views.pages import DecadeView, OutlineView, sources_of
from pkus_cli.views.serialize import card_dict, event_dict, person_dict, source_dict, term_dict
from pkus_cli.views.subjects import Kind

FORMATS = {"anki": ".apkg", "tsv": ".tsv", "markdown": ".md", "json": ".json", "html": ".html"}
ALIASES = {"apkg": "anki", "md": "markdown", "txt": "tsv", "htm": "html"}
COUNTRY = {"us": "United States", "pakistan": "Pakistan", "other": "Other"}
FIELDS = ("Question", "Answer", "Date", "Context", "Source")

# Anki recognises a note type and a deck by these ids: they must never change, or
# re-importing a new export would create a second note type and deck.
MODEL_ID = 1_739_452_061
DECK_ID = 1_739_452_062


def resolve_format(name: str) -> str:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in FORMATS:
        raise UsageError(f"unknown export format '{name}': choose one of {', '.join(FORMATS)}")
    return key


def default_path(pack: Pack, fmt: str) -> Path:
    return Path(f"pkus-{pack.id}{FORMATS[resolve_format(fmt)]}")


# --- the questions an Anki deck holds ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Note:
    id: str  # the question id, as the quiz keys it: card:ID or year:EVENT
    question: str
    answer: str
    date: str
    context: str
    sources: tuple[Source, ...]
    tags: tuple[str, ...]


def _tags(decade: str, events: tuple[Event, ...]) -> tuple[str, ...]:
    topics = sorted({t for e in events for t in e.tags})
    return (f"pkus::decade::{decade}", *(f"pkus::topic::{t}" for t in topics))


def notes(sel: find.Selection) -> list[Note]:
    """One note per hand-written card, then a year question per event that asks one.

    Note ids are the quiz's question ids (`views.subjects`), so an Anki note and a quiz
    question about the same thing share one identity.
    """
    pack = sel.pack
    about = subjects.Index(pack)
    out: list[Note] = []
    for c in sel.cards:
        subject = about.about(c)
        evs = tuple(about.events[i] for i in about.card_events(c))
        answer = c.answer + (f" (also: {', '.join(c.accept)})" if c.accept else "")
        date = format_date(subject.date) if subject.date else ""
        out.append(
            Note(
                f"card:{c.id}", c.question, answer, date, subject.context,
                sources_of(pack, subject.sources), _tags(c.decade, evs),
            )
        )  # fmt: skip
    for e in sel.events:
        if not subjects.asks_year(e):
            continue
        out.append(
            Note(
                f"year:{e.id}", f"In what year: {e.title}?", str(e.year), e.display_date,
                e.significance, sources_of(pack, e.sources), _tags(e.decade, (e,)),
            )
        )  # fmt: skip
    # Who wrote it and who said it, under the quiz's own question ids.
    from pkus_cli.quiz import literature

    works, quotes = literature_of(sel)
    for w in works:
        decade = about.work_decade.get(w.id)
        if decade is None:
            continue
        q = literature.who_wrote(w, decade)
        evs = tuple(about.events[i] for i in w.events if i in about.events)
        out.append(
            Note(q.item_id, q.prompt, q.answer, str(w.year), w.about,
                 sources_of(pack, w.sources), _tags(decade, evs))
        )  # fmt: skip
    for quote in quotes:
        decade = about.quote_decade.get(quote.id)
        if decade is None:
            continue
        q = literature.who_said(about, random.Random(0), quote, decade, Kind.TYPED)
        evs = tuple(about.events[i] for i in ((quote.event,) if quote.event else ()))
        out.append(
            Note(q.item_id, q.prompt, q.answer, format_date(quote.date), q.context,
                 sources_of(pack, quote.sources), _tags(decade, evs))
        )  # fmt: skip
    return out


# --- writing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    path: Path
    counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "path": str(self.path), **self.counts}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: Path, force: bool) -> tuple[Path, int | None]:
    """Where to write, and the mode to keep: only a new name or, with --force, a regular
    file (or a link to one) that may be written. Never a device, a FIFO or a folder."""
    target = path.expanduser()
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return target, None
    except OSError as e:  # a name too long for the file system, a path through a file, ...
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from None
    if stat.S_ISLNK(st.st_mode):
        if not force:
            raise ExportError(f"{path} is a symbolic link; use --force to write through it")
        try:
            target = target.resolve(strict=True)
            st = os.stat(target)
        except (OSError, RuntimeError):
            raise ExportError(f"{path} is a symbolic link that leads nowhere") from None
    if stat.S_ISDIR(st.st_mode):
        raise ExportError(f"cannot write {path}: it is a folder (give a file name)")
    if not stat.S_ISREG(st.st_mode):
        raise ExportError(f"{path} is not a regular file (a device or FIFO); not written")
    if not force:
        raise ExportError(f"{path} exists; use --force to replace it")
    if not os.access(target, os.W_OK):
        raise ExportError(f"{path} is read-only; not written")
    return target, stat.S_IMODE(st.st_mode)


def _atomic(path: Path, write: Callable[[Path], None], force: bool = False) -> None:
    """Run `write(tmp)` on a temporary file beside `path`, then rename it over `path`.

    On any failure the temporary file is removed and `path` is left as it was.
    """
    target, keep_mode = _target(path, force)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: folder '{folder}' does not exist")
    # An export killed outright (SIGKILL) leaves its hidden part file: swept on the next.
    import time

    for old in folder.glob(f".{target.name}.*.part"):
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > 600:
                old.unlink()
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        # mkstemp makes it private; an export is an ordinary file, or keeps the old one's mode
        os.chmod(tmp, keep_mode if keep_mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _text(write: Callable[[TextIO], object]) -> Callable[[Path], None]:
    def run(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as f:
            write(f)

    return run


def export(
    pack: Pack,
    fmt: str,
    path: Path,
    f: find.Filter = find.NO_FILTER,
    force: bool = False,
) -> ExportResult:
    """Write the pack (or the slice the filters select) to `path` in format `fmt`.

    `path` "-" is standard output. Otherwise the file is written whole or not at all."""
    fmt = resolve_format(fmt)
    sel = find.select(pack, f)
    if str(path) == "-":
        return _to_stdout(pack, fmt, sel)

    def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
        _atomic(target, write, force)

    counts = {"events": len(sel.events), "cards": len(sel.cards)}
    if fmt in ("anki", "tsv"):
        items = notes(sel)
        counts = {"notes": len(items), **counts}
        if fmt == "anki":
            atomic_write(path, lambda tmp: write_apkg(pack, items, tmp))
        else:
            atomic_write(path, _text(lambda f: write_tsv(pack, items, f)))
    elif fmt == "markdown":
        atomic_write(path, _text(lambda f: f.write(markdown(sel))))
    elif fmt == "html":
        from pkus_cli.guide_html import guide

        atomic_write(path, _text(lambda f: f.write(guide(sel))))
    else:
        counts = {**counts, "people": len(sel.people), "terms": len(sel.terms)}
        atomic_write(path, _text(lambda f: f.write(_json(sel))))
    return ExportResult(fmt, path, counts)


def _to_stdout(pack: Pack, fmt: str, sel: find.Selection) -> ExportResult:
    import sys

    counts = {"events": len(sel.events), "cards": len(sel.cards)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export"
        if fmt in ("anki", "tsv"):
            items = notes(sel)
            counts = {"notes": len(items), **counts}
            if fmt == "anki":
                write_apkg(pack, items, path)
            else:
                _text(lambda f: write_tsv(pack, items, f))(path)
        elif fmt == "markdown":
            _text(lambda f: f.write(markdown(sel)))(path)
        elif fmt == "html":
            from pkus_cli.guide_html import guide

            _text(lambda f: f.write(guide(sel)))(path)
        else:
            _text(lambda f: f.write(_json(sel)))(path)
        sys.stdout.flush()
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.buffer.flush()
    return ExportResult(fmt, Path("-"), counts)


# --- anki ----------------------------------------------------------------------------------

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.date { color: #2a7f3f; } .context { font-size: 16px; } .source { font-size: 13px; color: #777; }"""

_BACK = (
    "{{FrontSide}}<hr id=answer><b>{{Answer}}</b>"
    "{{#Date}}<div class=date>{{Date}}</div>{{/Date}}"
    "{{#Context}}<p class=context>{{Context}}</p>{{/Context}}"
    "{{#Source}}<p class=source>{{Source}}</p>{{/Source}}"
)


def _source_html(sources: tuple[Source, ...]) -> str:
    parts = []
    for s in sources:
        title = html.escape(s.title)
        if s.url:
            parts.append(f'<a href="{html.escape(s.url, quote=True)}">{title}</a>')
        else:
            parts.append(title)
    return "; ".join(parts)


def write_apkg(pack: Pack, items: list[Note], path: Path) -> None:
    """An Anki package; each note's GUID comes from its question id, so re-importing an
    updated deck updates the notes already there instead of adding copies."""
    import genanki

    model = genanki.Model(
        MODEL_ID,
        "pkus question",
        fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(DECK_ID, pack.title)
    for n in items:
        fields = [html.escape(v) for v in (n.question, n.answer, n.date, n.context)]
        fields.append(_source_html(n.sources))
        deck.add_note(
            genanki.Note(model=model, fields=fields, tags=list(n.tags), guid=genanki.guid_for(n.id))
        )
    genanki.Package(deck).write_to_file(str(path))


# --- tsv -----------------------------------------------------------------------------------

# The GUID goes last: Anki reads a line starting with `#` as a comment, and GUIDs may.
TSV_COLUMNS = (*FIELDS, "Tags", "GUID")


def _source_text(sources: tuple[Source, ...]) -> str:
    return "; ".join(s.title + (f" <{s.url}>" if s.url else "") for s in sources)


def write_tsv(pack: Pack, items: list[Note], f: TextIO) -> None:
    """Anki's text import: `#` header lines, then one tab-separated note per line."""
    import genanki  # for guid_for: the same GUIDs as the .apkg, so either import updates

    f.write("#separator:tab\n#html:false\n")
    f.write(f"#tags column:{TSV_COLUMNS.index('Tags') + 1}\n")
    f.write(f"#guid column:{TSV_COLUMNS.index('GUID') + 1}\n")
    f.write(f"#deck:{pack.title}\n")
    f.write("#columns:" + "\t".join(TSV_COLUMNS) + "\n")
    out = csv.writer(f, delimiter="\t", lineterminator="\n")
    for n in items:
        out.writerow(
            [
                n.question,
                n.answer,
                n.date,
                n.context,
                _source_text(n.sources),
                " ".join(n.tags),
                genanki.guid_for(n.id),
            ]
        )


# --- markdown ------------------------------------------------------------------------------


def _cell(s: str) -> str:
    return " ".join(s.split()).replace("|", "\\|")


def markdown(sel: find.Selection) -> str:
    """A printable study guide: outline, decades with their events, people, terms, sources."""
    pack = sel.pack
    out: list[str] = [f"# {pack.title}", ""]
    if pack.description:
        out += [pack.description, ""]
    if sel.filtered:
        out += ["_A selection of the pack; see `pkus export --help` for the filters._", ""]
    out += ["## Outline", ""]
    for s in sel.sections:
        decades = f" ({', '.join(s.decades)})" if s.decades else ""
        out.append(f"{s.number}. **{s.title}**{decades}")
        out += [f"   - {sub.letter}. {sub.title}: {sub.summary}" for sub in s.subsections]
    out.append("")
    events_of: dict[str, list[Event]] = {}
    for e in sel.events:
        events_of.setdefault(e.decade, []).append(e)
    people = {p.id: p for p in pack.people()}
    for d in sel.decades:
        out += [f"## {d.id}: {d.title} ({d.years})", "", d.summary, ""]
        # Tables only for what is tabular (leaders, figures); events as paragraphs.
        if d.leaders:
            out += ["**Leaders**", "", "| Country | Role | Name | Years |", "|---|---|---|---|"]
            out += [
                f"| {COUNTRY[ld.country.value]} | {_cell(ld.role)} | {_cell(ld.name)} "
                f"| {ld.years} |"
                for ld in d.leaders
            ]
            out.append("")
        if d.figures:
            out += ["**Key figures**", "", "| Figure | Amount | Year |", "|---|---|---|"]
            out += [f"| {_cell(f.label)} | {_cell(f.value)} | {f.year} |" for f in d.figures]
            out.append("")
        if d.takeaways:
            out += ["**Takeaways**", ""]
            out += [f"{i}. {t}" for i, t in enumerate(d.takeaways, 1)]
            out.append("")
        evs = events_of.get(d.id, [])
        if evs:
            out += [f"### Events of the {d.id}", ""]
            for e in evs:
                who = ", ".join(people[p].name if p in people else p for p in e.people)
                out += [f"#### {e.display_date}: {e.title}", ""]
                out += [e.summary, "", f"*Why it matters:* {e.significance}", ""]
                people_line = f"*People:* {who}. " if who else ""
                out += [f"{people_line}`{e.id}`", ""]
    if sel.people:
        out += ["## People", ""]
        for p in sel.people:
            roles = "; ".join(f"{r.title} {r.years}" for r in p.roles)
            out.append(f"- **{p.name}** ({COUNTRY[p.country.value]}; {roles}): {p.summary}")
        out.append("")
    if sel.terms:
        out += ["## Terms", ""]
        for t in sel.terms:
            also = f"; also {', '.join(t.aliases)}" if t.aliases else ""
            out.append(f"- **{t.term}** ({t.year}{also}): {t.definition}")
        out.append("")
    works, quotes = literature_of(sel)
    if works:
        out += ["## Books, memoirs and reports", ""]
        for w in works:
            note = f" *Note:* {w.note}" if w.note else ""
            out.append(f"- *{w.title}*, {w.byline} ({w.publisher}, {w.year}): {w.about}{note}")
        out.append("")
    if quotes:
        out += ["## Speeches and quotations", ""]
        for q in quotes:
            reported = " (reported speech)" if q.reported else ""
            out.append(
                f"- \u201c{q.text}\u201d{reported} {q.speaker}, {q.role}, {format_date(q.date)};"
                f" {q.occasion}; {q.place}."
            )
        out.append("")
    if sel.corrections:
        out += ["## Common errors", ""]
        for c in sel.corrections:
            out.append(f"- *Claim:* {c.claim} *The sources:* {c.correction}")
        out.append("")
    if sel.sources:
        out += ["## Sources", ""]
        for src in sel.sources:
            year = f" ({src.year})" if src.year else ""
            url = f" <{src.url}>" if src.url else ""
            out.append(f"- {src.author}, *{src.title}*{year}.{url} `{src.id}`")
        out.append("")
    return "\n".join(out)


# --- json ----------------------------------------------------------------------------------


def document(sel: find.Selection) -> dict[str, Any]:
    """The pack (or the selection) as one JSON-ready document."""
    pack = sel.pack
    decades = []
    for d in sel.decades:
        entry = DecadeView(d, (), (), {}).to_dict()
        del entry["events"], entry["sections"]
        decades.append(entry)
    outline = OutlineView(pack.title, sel.sections, None, {}).to_dict()
    return {
        "format": "pkus-pack",
        "exported_by": f"pkus {__version__}",
        "pack": {"id": pack.id, "title": pack.title, "description": pack.description},
        "filtered": sel.filtered,
        "outline": outline["sections"],
        "tags": [{"id": t.id, "label": t.label} for t in pack.tags],
        "decades": decades,
        "events": [event_dict(e) for e in sel.events],
        "people": [person_dict(p) for p in sel.people],
        "terms": [term_dict(t) for t in sel.terms],
        "cards": [card_dict(c) for c in sel.cards],
        "corrections": [
            {
                "id": c.id,
                "claim": c.claim,
                "correction": c.correction,
                "found_in": c.found_in,
                "about": str(c.about) if c.about else None,
                "sources": list(c.sources),
            }
            for c in sel.corrections
        ],
        "sources": [source_dict(s) for s in sel.sources],
    }


def _json(sel: find.Selection) -> str:
    return json.dumps(document(sel), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
