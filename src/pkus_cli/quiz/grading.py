"""Judging a response: pure functions from a question and what the student typed to a verdict."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pkus_cli.progress.srs import Grade
from pkus_cli.quiz import answers
from pkus_cli.quiz.questions import LETTERS, Kind, Question

FUZZY_MIN = 85  # rapidfuzz ratio (0-100) from which a longer answer counts as a misspelling
CLOSE = "close"  # the note's first word when an answer was near but wrong (one year off)


@dataclass(frozen=True, slots=True)
class Verdict:
    valid: bool  # False: the response was not an answer at all (e.g. "abc" to a year question)
    correct: bool
    grade: Grade
    note: str = ""  # e.g. "close: off by one year", "accepted with a small misspelling"


INVALID = Verdict(False, False, Grade.AGAIN)
QUIT_KEYS = frozenset({"q", ":q", "quit"})


def is_quit(response: str) -> bool:
    """ "q" ends a session from any prompt; the validator keeps it from being an answer."""
    return response.strip().lower() in QUIT_KEYS


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, no articles or filler, single spaces."""
    r = answers.read(text)
    nums = " ".join(f"{n:g}" for n in r.numbers)
    return " ".join(x for x in (r.text, nums) if x)


def _fuzzy(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


_PAREN = re.compile(r"^(.*?)\s+\(([^()]+)\)\s*$")  # "Name (gloss)", not "620E(e)"


def _forms(answers_: tuple[str, ...]) -> list[str]:
    """Each answer, plus both halves of "Name (gloss)": "Pressler Amendment (1985)"."""
    out = []
    for a in answers_:
        out.append(a)
        m = _PAREN.match(a)
        if m and m.group(1).strip():
            out += [m.group(1), m.group(2)]
    return out


# --- dates ---------------------------------------------------------------------------------


def _judge_date(q: Question, response: str, forms: list[str]) -> Verdict | None:
    """A date answer compared as a date; None when the card's answer is not a date."""
    truths = [d for f in forms for d in answers.parse_dates(f)]
    if not truths:
        return None
    # The least precise form the card accepts sets what must be given ("June 2003" when
    # the card lists it beside "26 June 2003"); whatever more is given must be right.
    precision = [d.fields for d in truths]
    need, best = min(precision), max(precision)
    exact = [d for d, p in zip(truths, precision, strict=True) if p == best]
    readings = answers.parse_dates(response)
    if not readings:
        return None  # not a date: let the words be compared (e.g. "the night of the crackdown")
    misses: list[str] = []
    for given in readings:
        if given.year is None and exact[0].year in answers.years_in(q.prompt):
            given = answers.PartDate(exact[0].year, given.month, given.day)  # the year is asked
        for truth in exact:
            clash = [
                name
                for name, a, b in (
                    ("year", given.year, truth.year),
                    ("month", given.month, truth.month),
                    ("day", given.day, truth.day),
                )
                if a is not None and b is not None and a != b
            ]
            if not clash and given.fields >= need:
                return Verdict(True, True, Grade.GOOD)
            if clash:
                misses.append(answers.describe_miss(given, truth))
            else:
                missing = [n for n in ("day", "month") if getattr(truth, n) is not None]
                missing = [n for n in missing if getattr(given, n) is None]
                if given.year is None:
                    missing.append("year")
                misses.append(f"right so far, but the {' and '.join(missing)} was asked")
    note = min(misses, key=len) if misses else ""
    if "off by one year" in note:
        note = f"{CLOSE}: {note}"
    return Verdict(True, False, Grade.AGAIN, note)


# --- words and numbers ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a right answer may add: the question's own words and numbers, and the words of
    the card's other accepted forms ("Mi-24 helicopters" for "Mi-24")."""

    words: frozenset[str]
    numbers: frozenset[float]


_NO_FRAME = _Frame(frozenset(), frozenset())


def _same(given: answers.Reading, target: answers.Reading, frame: _Frame | None = None) -> bool:
    """Numbers equal as values, words equal once framing words are set aside.

    `frame`: what a right answer may add without changing it (none for a rival's name).
    """
    frame = frame or _NO_FRAME
    want = Counter(target.numbers)
    have = Counter(given.numbers)
    if want - have:
        return False
    extra_numbers = have - want
    if any(n not in frame.numbers for n in extra_numbers):
        return False
    g, t = set(given.words), set(target.words)
    if g == t:
        return bool(g) or bool(want)
    framing = answers.CONTEXT | frame.words
    initials = {w for w in g - t if len(w) == 1}  # "Richard G. Lugar"
    if t <= g and g - t - initials <= framing and (t or want):
        return True
    # A generic head or a title left off: "Pressler" for "the Pressler Amendment", "27th"
    # for "the 27th Amendment"; never a bare "Amendment".
    droppable = answers.GENERIC | answers.CONTEXT
    if not g < t or not t - g <= droppable:
        return False
    return bool(want) or not g <= droppable


def _close(given: answers.Reading, target: answers.Reading) -> bool:
    """A misspelling of a long enough answer: the same numbers, codes and word count."""
    if given.numbers != target.numbers or len(target.text) < 5:
        return False
    if len(given.words) != len(target.words):
        return False  # a misspelling does not drop or add a word

    def exact(r: answers.Reading) -> set[str]:
        return {w for w in r.words if len(w) <= 2 or any(ch.isdigit() for ch in w)}

    if exact(given) != exact(target):
        return False  # "620E" is not "620E(e)"; "F-15" is not "F-16"
    return _fuzzy(given.text, target.text) >= FUZZY_MIN


def has_keywords(q: Question, given: answers.Reading) -> bool:
    """An explanation card is right when every key word (or one of its alternatives) is in it."""
    have = set(given.words) | set(given.all_words)
    for group in q.keywords:
        if not any(_has_all(answers.read(alt), have, given) for alt in group.split("|")):
            return False
    return True


def _has_all(k: answers.Reading, have: set[str], given: answers.Reading) -> bool:
    if Counter(k.numbers) - Counter(given.numbers):
        return False
    for w in k.words:
        if w in have:
            continue
        if len(w) < 5 or not any(_fuzzy(w, h) >= FUZZY_MIN for h in have):
            return False
    return True


def _frame(q: Question, targets: list[answers.Reading]) -> _Frame:
    prompt = answers.read(q.prompt)
    found = set(prompt.words)
    for t in targets:
        found.update(t.words)
    return _Frame(frozenset(found), frozenset(prompt.numbers))


def judge_typed(q: Question, response: str) -> Verdict:
    if not response.strip():
        return Verdict(True, False, Grade.AGAIN, "no answer")
    forms = _forms((q.answer, *q.accept))
    dated = _judge_date(q, response, forms)
    if dated is not None and (dated.correct or dated.note):
        return dated
    given = answers.read(response)
    rivals = [answers.read(r) for r in q.rivals]
    if any(_same(given, r) for r in rivals):
        return Verdict(True, False, Grade.AGAIN, "that is someone else")
    targets = [answers.read(f) for f in forms]
    frame = _frame(q, targets)
    if any(_same(given, t, frame) for t in targets):
        return Verdict(True, True, Grade.GOOD)
    if q.keywords and has_keywords(q, given):
        return Verdict(True, True, Grade.GOOD)
    for t in targets:
        if _close(given, t) and not any(
            _fuzzy(given.text, r.text) >= _fuzzy(given.text, t.text) for r in rivals
        ):
            return Verdict(True, True, Grade.GOOD, "accepted with a small misspelling")
    return Verdict(True, False, Grade.AGAIN, dated.note if dated else "")


def judge_year(q: Question, response: str) -> Verdict:
    text = response.strip()
    if not re.fullmatch(r"\d{4}", text):
        return INVALID
    off = abs(int(text) - int(q.key))
    if off == 0:
        return Verdict(True, True, Grade.GOOD)
    if off == 1:
        return Verdict(True, False, Grade.AGAIN, f"{CLOSE}: off by one year")
    return Verdict(True, False, Grade.AGAIN, f"off by {off} years")


def judge_letters(q: Question, response: str) -> Verdict:
    """Choice and first: one letter; order: every letter once, in order ("CABD")."""
    letters = re.sub(r"[\s,>-]", "", response).upper()
    valid = LETTERS[: len(q.options)]
    if q.kind is Kind.ORDER:
        if sorted(letters) != sorted(valid):
            return INVALID
    elif len(letters) != 1 or letters not in valid:
        return INVALID
    if letters == q.key:
        return Verdict(True, True, Grade.GOOD)
    return Verdict(True, False, Grade.AGAIN)


def judge_flashcard(response: str, two_grades: bool) -> Verdict:
    """The student's own grade: 1-4 (Again, Hard, Good, Easy) or 1-2 (Fail, Pass)."""
    text = response.strip()
    two = {"1": Grade.AGAIN, "2": Grade.GOOD}
    mapping = two if two_grades else {str(int(g)): g for g in Grade}
    if text not in mapping:
        return INVALID
    grade = mapping[text]
    return Verdict(True, grade is not Grade.AGAIN, grade)


def judge(q: Question, response: str, two_grades: bool = False) -> Verdict:
    if q.kind is Kind.FLASHCARD:
        return judge_flashcard(response, two_grades)
    if q.kind is Kind.TYPED:
        return judge_typed(q, response)
    if q.kind is Kind.YEAR:
        return judge_year(q, response)
    return judge_letters(q, response)


def expected_input(q: Question, two_grades: bool = False) -> str:
    """What to type, for prompts and for the message after an invalid response."""
    if q.kind is Kind.FLASHCARD:
        return "1 Fail · 2 Pass" if two_grades else "1 Again · 2 Hard · 3 Good · 4 Easy"
    if q.kind is Kind.YEAR:
        return "a year, e.g. 1965"
    if q.kind is Kind.ORDER:
        return f"the letters in order, e.g. {LETTERS[: len(q.options)][::-1]}"
    if q.kind in (Kind.CHOICE, Kind.FIRST):
        return f"a letter {LETTERS[0]}-{LETTERS[len(q.options) - 1]}"
    return "your answer"
