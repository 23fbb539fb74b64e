"""Judging a response: pure functions from a question and what the student typed to a verdict."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pkus_cli.progress.srs import Grade
from pkus_cli.quiz.questions import LETTERS, Kind, Question

_ARTICLES = {"a", "an", "the"}
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
FUZZY_MIN = 85  # rapidfuzz ratio (0-100) from which a longer answer counts as a misspelling


@dataclass(frozen=True, slots=True)
class Verdict:
    valid: bool  # False: the response was not an answer at all (e.g. "abc" to a year question)
    correct: bool
    grade: Grade
    note: str = ""  # e.g. "off by one year", "close enough: check the spelling"


INVALID = Verdict(False, False, Grade.AGAIN)


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, no articles, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("&", " and ").replace("-", " ")
    words = _PUNCT.sub(" ", bare).split()
    # Drop a leading article ("the Pressler Amendment"), but only before a word: the "A"
    # of "A-7" or "A 4" is part of the name.
    if len(words) > 1 and words[0] in _ARTICLES and words[1].isalpha():
        words = words[1:]
    return " ".join(words)


def _fuzzy(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


_PAREN = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def _forms(answers: tuple[str, ...]) -> list[str]:
    """Each answer, plus both halves of "Name (gloss)": "Pressler Amendment (1985)"."""
    out = []
    for a in answers:
        out.append(a)
        m = _PAREN.match(a)
        if m and m.group(1).strip():
            out += [m.group(1), m.group(2)]
    return out


def judge_typed(q: Question, response: str) -> Verdict:
    given = normalise(response)
    if not given:
        return Verdict(True, False, Grade.AGAIN, "no answer")
    targets = [normalise(t) for t in _forms((q.answer, *q.accept))]
    if given in targets:
        return Verdict(True, True, Grade.GOOD)
    for t in targets:
        # Numbers and very short answers must be exact: 1965 is not "close to" 1956.
        if any(ch.isdigit() for ch in t) or len(t) < 5:
            continue
        if _fuzzy(given, t) >= FUZZY_MIN:
            return Verdict(True, True, Grade.GOOD, "accepted with a small misspelling")
    return Verdict(True, False, Grade.AGAIN)


def judge_year(q: Question, response: str) -> Verdict:
    text = response.strip()
    if not re.fullmatch(r"\d{4}", text):
        return INVALID
    off = abs(int(text) - int(q.key))
    if off == 0:
        return Verdict(True, True, Grade.GOOD)
    if off == 1:
        return Verdict(True, False, Grade.HARD, "off by one year")
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
