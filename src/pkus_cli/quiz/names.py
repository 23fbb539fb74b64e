"""Names as people say them: surnames, aliases and the people a name could be taken for.

The quiz widens a typed card's accepted answers with what the pack knows of the person or
term the answer names (an alias such as ISID, a surname no one else in the pack shares),
and lists the rivals a near-miss must not be mistaken for (Zulfikar Ali Bhutto for Benazir
Bhutto). Choice questions use the role and time helpers to pick plausible distractors.
"""

from __future__ import annotations

import functools
import re

from pkus_cli.pack.items import Person
from pkus_cli.pack.model import Pack
from pkus_cli.quiz import answers

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_ROLE_STOP = frozenset(
    ("of", "the", "and", "for", "to", "in", "us", "united", "states", "pakistan", "first", "acting")
)


@functools.lru_cache(maxsize=4096)  # a card's answer is keyed twice as its forms are widened
def key(text: str) -> str:
    """How a name reads once normalised, numbers included ("P.L. 107-57" is not "P.L. 111-73")."""
    r = answers.read(text)
    return " ".join((*r.all_words, *(f"{n:g}" for n in r.numbers)))


def _parts(name: str) -> list[str]:
    return [w for w in answers.read(name).all_words if w not in _SUFFIXES]


class Names:
    """Every person's and term's spoken forms, keyed by how they read once normalised."""

    def __init__(self, pack: Pack) -> None:
        self.forms: dict[str, tuple[str, ...]] = {}
        people = pack.people()
        counts: dict[str, int] = {}
        having: dict[str, list[int]] = {}  # a word of a name -> who has it, in pack order
        for n, p in enumerate(people):
            for w in dict.fromkeys(_parts(p.name)):
                counts[w] = counts.get(w, 0) + 1
                having.setdefault(w, []).append(n)
        self._having = having
        self._names = [p.name for p in people]
        self._words: dict[str, tuple[int, list[str]]] = {}  # a name's key -> (who, words)
        for n, p in enumerate(people):
            parts = _parts(p.name)
            shown = [w for w in p.name.split() if w.rstrip(".,").lower() not in _SUFFIXES]
            spoken = [p.name]
            if len(shown) > 2:  # "Henry A. Kissinger" -> "Henry Kissinger"
                spoken.append(f"{shown[0]} {shown[-1]}")
            if parts and counts.get(parts[-1], 0) == 1 and len(parts[-1]) > 2 and shown:
                spoken.append(shown[-1])  # a surname no one else in the pack has
            self._add(p.name, spoken)
            self._words[key(p.name)] = (n, parts)
        for t in pack.terms():
            self._add(t.term, [t.term, *t.aliases, *_gloss(t.term)])
            for alias in t.aliases:
                self._add(alias, [t.term, *t.aliases, *_gloss(t.term)])

    def _add(self, name: str, spoken: list[str]) -> None:
        k = key(name)
        self.forms[k] = tuple(dict.fromkeys((*self.forms.get(k, ()), *spoken)))

    def kin(self, k: str) -> tuple[str, ...]:
        """Everyone else whose name shares a word of four letters or more with the person
        whose name reads `k`, in pack order (found when a card asks, not for everyone)."""
        if k not in self._words:
            return ()
        who, parts = self._words[k]
        shared = {o for w in parts if len(w) > 3 for o in self._having.get(w, ())} - {who}
        return tuple(self._names[o] for o in sorted(shared))

    def widen(
        self, answer: str, accept: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The card's accepted forms plus the pack's, and the rivals of the person named."""
        out = list(accept)
        rivals: list[str] = []
        for form in (answer, *accept, *_gloss(answer)):
            k = key(form)
            out += self.forms.get(k, ())
            rivals += self.kin(k)
        known = {key(f) for f in (answer, *out)}
        rivals = [r for r in dict.fromkeys(rivals) if key(r) not in known]
        return tuple(dict.fromkeys(f for f in out if f != answer)), tuple(rivals)


_GLOSS = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def _gloss(text: str) -> list[str]:
    """ "Inter-Services Intelligence (ISI)" -> ["Inter-Services Intelligence", "ISI"]."""
    m = _GLOSS.match(text)
    return [m.group(1), m.group(2)] if m and m.group(1).strip() else []


# --- roles and time, for choice distractors --------------------------------------------------


def active_years(p: Person) -> tuple[int, int]:
    years = [int(y) for r in p.roles for y in re.findall(r"\d{4}", r.years)]
    return (min(years), max(years)) if years else (0, 0)


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Years between two spans of office; 0 when they overlap."""
    if not a[0] or not b[0]:
        return 99
    return max(0, b[0] - a[1], a[0] - b[1])


def _role_words(p: Person) -> set[str]:
    return {w for r in p.roles for w in answers.read(r.title).all_words if w not in _ROLE_STOP}


def role_overlap(p: Person, o: Person) -> int:
    return len(_role_words(p) & _role_words(o))
