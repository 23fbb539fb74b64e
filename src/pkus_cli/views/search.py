"""Search: every item where each word of the query starts a word, best matches first."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pkus_cli.errors import UsageError
from pkus_cli.views import subjects
from pkus_cli.views.find import Selection

if TYPE_CHECKING:
    from pkus_cli.pack.model import Pack
    from pkus_cli.views import search_index
from pkus_cli.views.text import fold, has_word, highlights, squash, word_pattern


@dataclass(frozen=True, slots=True)
class _Doc:
    kind: str
    id: str
    title: str
    names: tuple[str, ...]  # title-like fields: a match here ranks first
    body: tuple[tuple[str, str], ...]  # (field name, text)


# On equal matches a glossary entry or a person outranks an event that mentions it: "kerry
# lugar" should open the act itself first.
KIND_ORDER = ("term", "person", "event", "work", "quote", "decade", "card")


def _documents(sel: Selection) -> list[_Doc]:
    docs: list[_Doc] = []
    for e in sel.events:
        body = [("summary", e.summary), ("significance", e.significance)]
        if e.note:
            body.append(("note", e.note))
        body.append(("date", f"{e.date} {e.display_date}"))  # "pressler 1990" finds the cut-off
        body.append(("id", e.id.replace("-", " ")))
        docs.append(_Doc("event", e.id, e.title, (e.title,), tuple(body)))
    for t in sel.terms:
        docs.append(
            _Doc("term", t.id, t.term, (t.term, *t.aliases), (("definition", t.definition),))
        )
    for p in sel.people:
        roles = "; ".join(f"{r.title} ({r.years})" for r in p.roles)
        docs.append(
            _Doc("person", p.id, p.name, (p.name,), (("summary", p.summary), ("roles", roles)))
        )
    for d in sel.decades:
        body = [("summary", d.summary), *(("takeaway", t) for t in d.takeaways)]
        title = f"{d.id}: {d.title}"
        docs.append(_Doc("decade", d.id, title, (title,), tuple(body)))
    docs += _literature(sel)
    about = subjects.Index(sel.pack) if sel.cards else None
    for c in sel.cards:
        answers = "; ".join((c.answer, *c.accept))
        body = [("answer", answers)]
        if about is not None:  # "pressler" finds the cards about the Pressler cut-off too
            body.append(("about", about.about(c).title))
        docs.append(_Doc("card", c.id, c.question, (c.question,), tuple(body)))
    return docs


def _literature(sel: Selection) -> list[_Doc]:
    """Works and quotations; with a filter, those tied to its events or people."""
    events = {e.id for e in sel.events}
    people = {p.id for p in sel.people}
    docs: list[_Doc] = []
    for w in sel.pack.works():
        if sel.filtered and not (events & set(w.events) or people & set(w.people)):
            continue
        names = (w.title, *w.authors)
        body = (("about", w.about), ("edition", f"{w.publisher} {w.year}"))
        docs.append(_Doc("work", w.id, f"{w.title} ({w.byline}, {w.year})", names, body))
    for q in sel.pack.quotes():
        if sel.filtered and q.event not in events and q.person not in people:
            continue
        body = (("text", q.text), ("occasion", f"{q.occasion}; {q.place}"))
        docs.append(_Doc("quote", q.id, f"{q.speaker}, {q.date}", (q.speaker,), body))
    return docs


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: str
    id: str
    title: str
    title_highlights: tuple[tuple[int, int], ...]
    field: str  # where the snippet comes from
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # offsets into the snippet
    match: str  # "title" when every word matched the title or a name, else "body"
    rank: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "title_highlights": [list(h) for h in self.title_highlights],
            "field": self.field,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "match": self.match,
        }


@dataclass(frozen=True, slots=True)
class SearchView:
    query: str
    words: tuple[str, ...]
    total: int
    results: tuple[SearchResult, ...]
    corrected: tuple[str, ...] = ()  # the words searched for instead, when none matched

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "corrected": " ".join(self.corrected) or None,
            "total": self.total,
            "results": [r.to_dict() for r in self.results],
        }


SNIPPET = 160


def snippet(
    text: str, words: Iterable[str], width: int = SNIPPET
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around its first match, with the matches' offsets in the window."""
    spans = highlights(text, words)
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    lead = "…" if start else ""
    out = lead + text[start:end].strip() + ("…" if end < len(text) else "")
    shift = len(lead) - start
    kept = tuple((s + shift, min(e, end) + shift) for s, e in spans if s >= start and s < end)
    return out, kept


def search(sel: Selection, text: str, limit: int | None = 20) -> SearchView:
    """Items where every word of `text` starts a word somewhere in them, best matches first.

    Ranks: the exact name, the phrase in a title or name, every word in one title or name,
    some words in a title, then body-only matches; ties by kind (events, terms, people,
    decades, cards) and pack order.
    """
    words = _words(text)
    docs = _prepared(_documents(sel))
    results = _ranked(enumerate(docs), words)
    corrected: tuple[str, ...] = ()
    if not results:
        # Nothing found: read each word as the nearest word of the pack ("presler" ->
        # "pressler", "liaqat" -> "liaquat") and say so.
        fixed = _nearest(_vocabulary(docs), words)
        if fixed != words:
            corrected, words = fixed, fixed
            results = _ranked(enumerate(docs), words)
    return _view(text, words, results, limit, corrected)


def search_pack(pack: Pack, text: str, limit: int | None = 20) -> SearchView:
    """`search` over the whole pack, through its full-text index when the pack is compiled
    (same results, reading only the documents that hold the words)."""
    from pkus_cli.views import find, search_index

    words = _words(text)
    path = pack.parts.scratch(f"search-{search_index.INDEX_RULES}.sqlite")
    index = None
    if path is not None:
        rows = lambda: _rows(find.select(pack, find.NO_FILTER))  # noqa: E731
        index = search_index.open_index(path, rows, KIND_ORDER)
    if index is None:
        return search(find.select(pack, find.NO_FILTER), text, limit)
    try:
        view = _indexed(index, text, words, limit)
        if view.total == 0:
            # Nothing found: read each word as the nearest word of the pack, and say so.
            fixed = _nearest(index.vocabulary(), words)
            if fixed != words:
                view = replace(_indexed(index, text, fixed, limit), corrected=fixed)
    except sqlite3.Error:  # a damaged index: drop it, and scan this once
        index.close()
        with contextlib.suppress(OSError):
            path.unlink()  # type: ignore[union-attr]
        return search(find.select(pack, find.NO_FILTER), text, limit)
    index.close()
    return view


def _indexed(
    index: search_index.Index, text: str, words: tuple[str, ...], limit: int | None
) -> SearchView:
    if limit is None or not index.narrows(words):
        # Every candidate, ranked here: what a full list or a word the index cannot
        # narrow by ("aq", "u2") needs.
        return _view(text, words, _ranked(_from_rows(index.candidates(words)), words), limit, ())
    # Matches in a name (and the id) rank first and are few: rank them all. The rest rank
    # by kind and pack order alone, which the index orders itself: read only those shown.
    heads, by_id = index.named(words)
    # Ranked by their names alone where every word is in one (the index keeps them folded);
    # the others need their bodies.
    patterns = [word_pattern(w) for w in words]
    whole = index.rows(
        [n for n, h in heads if not all(any(p.search(x) for x in h[3]) for p in patterns)]
    )
    light: list[tuple[int, _Prepared]] = [
        (n, (_Doc(k, i, t, tuple(names), ()), names, [], "")) for n, (k, i, t, names) in heads
    ]
    docs = [(n, p) for n, p in light if n not in whole] + _from_rows(sorted(whole.items()))
    named = sorted(_ranked(docs, words), key=lambda hit: hit[0])
    seen = {n for n, _ in heads}
    shown = named[:limit]
    # Those shown need their bodies, for the snippet.
    bodies = index.rows([hit[0][-1] for hit in shown if hit[0][-1] not in whole])
    if bodies:
        full = dict(_from_rows(list(bodies.items())))
        shown = [(rank, full.get(rank[-1], doc)) for rank, doc in shown]
    skip = 0
    while len(shown) < limit:
        batch = index.plain(words, skip, limit)
        if not batch:
            break
        skip += len(batch)
        fresh = [(n, row) for n, row in batch if n not in seen]
        shown += sorted(_ranked(_from_rows(fresh), words), key=lambda hit: hit[0])
    shown = shown[:limit]
    # A document found by its id and holding the words in no name is also a plain match.
    twice = sum(1 for hit in named if hit[0][-1] in by_id)
    total = len(named) + index.count_plain(words) - twice
    found = tuple(_result(hit, words) for hit in shown)
    return SearchView(text, words, total, found, ())


def _words(text: str) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(re.findall(r"\w+", squash(fold(text)))))
    if not words:
        raise UsageError("search needs at least one word, e.g. pkus search pressler")
    return words


def _view(
    text: str,
    words: tuple[str, ...],
    results: list[_Hit],
    limit: int | None,
    corrected: tuple[str, ...],
) -> SearchView:
    results.sort(key=lambda hit: hit[0])
    shown = results if limit is None else results[:limit]
    found = tuple(_result(hit, words) for hit in shown)
    return SearchView(text, words, len(results), found, corrected)


def _rows(sel: Selection) -> Iterator[search_index.Row]:
    for d in _documents(sel):
        yield (d.kind, d.id, d.title, list(d.names), [list(b) for b in d.body])


def _from_rows(rows: list[tuple[int, search_index.Row]]) -> list[tuple[int, _Prepared]]:
    docs = [(n, _Doc(k, i, t, tuple(names), tuple((f, b) for f, b in body)))
            for n, (k, i, t, names, body) in rows]  # fmt: skip
    prepared = _prepared([d for _, d in docs])
    return [(n, p) for (n, _), p in zip(docs, prepared, strict=True)]


_Prepared = tuple[_Doc, list[str], list[str], str]  # doc, names, body fields, body joined


def _prepared(documents: list[_Doc]) -> list[_Prepared]:
    """Each document with its names folded and squashed, its body fields folded, and the
    body fields joined (by NULs, which no pack text holds) for a first test per word."""
    out = []
    for doc in documents:
        names = [squash(fold(n)) for n in doc.names]
        body = [fold(t) for _, t in doc.body]
        out.append((doc, names, body, "\x00".join(body)))
    return out


def _vocabulary(docs: list[_Prepared]) -> set[str]:
    every = "\x00".join(t for _, names, _, body in docs for t in (*names, body))
    return set(re.findall(r"\w{4,}", every))


def _nearest(vocabulary: set[str], words: tuple[str, ...]) -> tuple[str, ...]:
    from rapidfuzz import fuzz, process

    out = []
    for w in words:
        if len(w) < 4 or any(v.startswith(w) for v in vocabulary):
            out.append(w)
            continue
        best = process.extractOne(w, vocabulary, scorer=fuzz.ratio, score_cutoff=80)
        out.append(best[0] if best else w)
    return tuple(out)


_Hit = tuple[tuple[int, ...], _Prepared]  # a match's rank, and the document


def _ranked(docs: Iterable[tuple[int, _Prepared]], words: tuple[str, ...]) -> list[_Hit]:
    """Every document that matches, with its rank; the snippets come later, for those shown.
    Each document comes with its position in the pack, which breaks ties."""
    phrase = " ".join(words)
    pattern = {w: word_pattern(w) for w in words}
    hits: list[_Hit] = []
    for order, prepared in docs:
        doc, names, _, whole = prepared
        in_names = [w for w in words if any(pattern[w].search(n) for n in names)]
        rest = [w for w in words if w not in in_names]
        if rest and not all(pattern[w].search(whole) for w in rest):
            continue
        squashed = [" ".join(re.findall(r"\w+", n)) for n in names]
        if "-".join(words) == doc.id:
            tier = -1  # the id itself, as a user copies it from another screen
        elif phrase in squashed:
            tier = 0
        elif any(has_word(n, phrase) for n in squashed):
            tier = 1
        elif any(all(pattern[w].search(n) for w in words) for n in names):
            tier = 2
        elif in_names:
            tier = 3
        else:
            tier = 4
        # On a tie, the shortest name that holds the words: "Pressler Amendment" before
        # "Brown amendment to the Pressler law".
        fits = [len(n) for n in names if all(pattern[w].search(n) for w in in_names)] or [999]
        rank = (tier, -len(in_names), KIND_ORDER.index(doc.kind), min(fits), order)
        hits.append((rank, prepared))
    return hits


def _result(hit: _Hit, words: tuple[str, ...]) -> SearchResult:
    rank, (doc, _, body, _) = hit
    pattern = {w: word_pattern(w) for w in words}
    # The snippet: the body field with the most matching words (first one on ties).
    counts = [sum(pattern[w].search(b) is not None for w in words) for b in body]
    best = max(range(len(body)), key=lambda i: counts[i]) if body else -1
    field_name, field_text = doc.body[best] if best >= 0 else ("", "")
    if field_name in ("id", "date"):  # no snippet: show the summary instead
        field_name, field_text = doc.body[0]
    snip, spans = snippet(field_text, words)
    return SearchResult(
        doc.kind,
        doc.id,
        doc.title,
        highlights(doc.title, words),
        field_name,
        snip,
        spans,
        "title" if rank[0] <= 2 else "body",
        rank,
    )
