"""Reading a typed answer the way an examiner would: words, dates and numbers as values.

Pure functions, no pack and no screen. `grading` uses them to compare what a student
typed with a card's answer: "15/10/2009", "Oct 15, 2009" and "15th October 2009" are one
date; "seven", "7" and "7th" one number; "$1.5bn" and "1.5 billion dollars" one amount.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_OF = {**MONTHS, **_MONTH_ABBR}
MONTH_NAMES = {v: k.title() for k, v in MONTHS.items()}

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12,
    "dozen": 12, "half": 0.5,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# Words that carry no meaning of their own in a short answer: dropped before words are
# compared, once numbers (which must match exactly) have been taken out.
STOP = _set(
    "a an the of for over in on per each and to by at as is was were be it its that this "
    "with from than some about around roughly approximately nearly almost up fiscal year"
)
# Words that frame a name without changing who or what it is: "Senator Lugar",
# "Pakistan's ISI", "General Zia". They may be added to a right answer, never replace it.
CONTEXT = _set(
    "senator sen president pres general gen field marshal prime minister pm mr mrs ms dr "
    "secretary state ambassador admiral adm lt lieutenant colonel col chief justice judge "
    "governor foreign army us usa american america americans united states pakistan "
    "pakistani pakistans government envoy deputy assistant special representative former "
    "then mohtarma quaid azam shaheed amir commander representative congressman "
    "congresswoman rep un unsc nations security council"
)
# Generic heads of a name that an examiner lets a candidate drop: "Pressler" for
# "the Pressler Amendment", "Neptune Spear" for "Operation Neptune Spear".
GENERIC = _set("amendment act agreement treaty operation pact accord")
_YEAR_WORDS = {"a year": "annually", "per year": "annually", "each year": "annually"}


_POSSESSIVE = re.compile(r"(\w)'s\b")


def fold(text: str) -> str:
    """Lower case without accents; "&" as "and"; possessive 's dropped."""
    if text.isascii():
        bare = text.lower()  # the same as below for ASCII, without a pass per character
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        bare = bare.replace("\u2019", "'")
    return _POSSESSIVE.sub(r"\1", bare.replace("&", " and "))


# --- dates ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartDate:
    """A date to the precision it was given: 1990; October 1990; 1 October 1990."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def fields(self) -> int:
        # (Asked several times a card by validate: no generator for three fields.)
        return (self.year is not None) + (self.month is not None) + (self.day is not None)


_DATE_FILLER = _set("on in the of night date by around about early late mid during")


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if m is None or not 1 <= d <= 31:
            return False
        if d > (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
            return False
    return y is None or 1000 <= y <= 2999


def parse_dates(text: str) -> list[PartDate]:
    """Every reading of `text` as a date, or [] when it is not only a date (see `_dates`)."""
    return list(_cached_dates(text))


@functools.lru_cache(maxsize=4096)  # the grader reads the expected answer for every try
def _cached_dates(text: str) -> tuple[PartDate, ...]:
    return tuple(_dates(text))


def _dates(text: str) -> list[PartDate]:
    """Every reading of `text` as a date, or [] when it is not only a date.

    A numeric day and month ("11/9/1948") are read both ways, day first (as Pakistan and
    Britain write them) and month first; the grader takes whichever matches.
    """
    t = fold(text).strip().rstrip(".")
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    t = re.sub(r"^(?:(?:on|in|the|night|of|date|by)\s+)+", "", t)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", t):
        y, mo, d = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
        return [PartDate(y, mo, d)] if _valid(y, mo, d) else []
    if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", t):
        return [PartDate(int(m[2]), int(m[1]))] if _valid(int(m[2]), int(m[1]), None) else []
    if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?", t):
        a, b = int(m[1]), int(m[2])
        year = _full_year(m[3]) if m[3] else None
        readings = {PartDate(year, b, a), PartDate(year, a, b)}
        return sorted((r for r in readings if _valid(r.year, r.month, r.day)), key=_order)
    if m := re.fullmatch(r"(\d{1,2})\s*(?:-|\u2013|to|and)\s*(\d{1,2})\s+([a-z]+)(.*)", t):
        # a night or span of days, "25-26 March 1971": either day is right
        return [*parse_dates(f"{m[1]} {m[3]}{m[4]}"), *parse_dates(f"{m[2]} {m[3]}{m[4]}")]
    if m := re.fullmatch(r"([a-z]+)\s+(\d{1,2})\s*(?:-|\u2013|to|and)\s*(\d{1,2})(.*)", t):
        return [*parse_dates(f"{m[1]} {m[2]}{m[4]}"), *parse_dates(f"{m[1]} {m[3]}{m[4]}")]
    tokens = [w for w in re.split(r"[\s,./-]+", t) if w and w not in _DATE_FILLER]
    if not tokens or len(tokens) > 3:
        return []
    year = month = day = None
    numbers: list[int] = []
    for w in tokens:
        if w in MONTH_OF and month is None:
            month = MONTH_OF[w]
        elif re.fullmatch(r"\d{4}", w) and year is None:
            year = int(w)
        elif re.fullmatch(r"\d{1,2}", w):
            numbers.append(int(w))
        elif w.rstrip("s").isdigit() and len(w) == 5 and year is None:  # "1990s" is not a date
            return []
        else:
            return []
    if len(numbers) > 1 or (numbers and month is None):
        return []
    day = numbers[0] if numbers else None
    if year is None and month is None:
        return []
    return [PartDate(year, month, day)] if _valid(year, month, day) else []


def _full_year(s: str) -> int:
    y = int(s)
    return y if len(s) == 4 else (1900 + y if y >= 40 else 2000 + y)


def _order(d: PartDate) -> tuple[int, int, int]:
    return (d.year or 0, d.month or 0, d.day or 0)


def describe_miss(given: PartDate, truth: PartDate) -> str:
    """What was off, in the words a teacher would use."""
    right = [
        name
        for name, a, b in (("day", given.day, truth.day), ("month", given.month, truth.month))
        if a is not None and a == b
    ]
    wrong = [
        name
        for name, a, b in (
            ("day", given.day, truth.day),
            ("month", given.month, truth.month),
            ("year", given.year, truth.year),
        )
        if a is not None and b is not None and a != b
    ]
    if given.year is not None and given.year == truth.year:
        right.append("year")
    if wrong == ["year"] and given.year is not None and truth.year is not None:
        off = abs(given.year - truth.year)
        years = "one year" if off == 1 else f"{off} years"
        if not right:
            return f"off by {years}"
        return f"right {_and(right)}, wrong year (off by {years})"
    if not wrong:
        return ""
    lead = f"right {_and(right)}, " if right else ""
    return f"{lead}wrong {_and(wrong)}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# --- numbers -------------------------------------------------------------------------------

_DROP = frozenset({"usd", "dollars", "dollar", "us$", "$", "percent", "%", ""})
_DIGITS = re.compile(r"(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)?")


def _word_number(tokens: list[str], i: int) -> tuple[float | None, int]:
    """A run of number words from tokens[i]: "one hundred seventy four" -> (174, 4 words)."""
    total = current = 0.0
    j = i
    seen = False
    while j < len(tokens):
        w = tokens[j]
        if w in _UNITS and w != "half":
            v = float(_UNITS[w])
            if w == "hundred":
                current = (current or 1) * 100
            else:
                current += v
        elif w in ("thousand", "million", "billion", "trillion") and seen:
            total += (current or 1) * _SCALES[w]
            current = 0
        elif w == "and" and seen and j + 1 < len(tokens) and tokens[j + 1] in _UNITS:
            pass  # "one hundred and seventy-four"
        else:
            break
        seen = True
        j += 1
    return (total + current, j - i) if seen else (None, 0)


def split_numbers(tokens: list[str]) -> tuple[list[float], list[str]]:
    """Pull every number out of a list of words: "seven" = 7; "$1.5bn" = 1.5e9; "25%" = 25.

    Returns the numbers in order and the words left over. Scale words (million, bn) join
    the number before them ("a million" is one); currency marks and "dollars" are
    dropped, since an answer about aid is in dollars whether or not the student says so.
    """
    numbers: list[float] = []
    rest: list[str] = []
    i = 0
    while i < len(tokens):
        w = tokens[i].strip("$").replace(",", "").removeprefix("us$").rstrip("%")
        value: float | None = None
        if m := _DIGITS.fullmatch(w):
            value = float(m[1]) * (_SCALES[m[2]] if m[2] else 1)
            i += 1
        elif w in _UNITS:
            value, used = _word_number(tokens, i)
            i += used
        elif w in ("million", "billion", "thousand", "trillion") and rest[-1:] == ["a"]:
            rest.pop()  # "a million tons"
            value = _SCALES[w]
            i += 1
        if value is None:
            if w == "cent" and rest[-1:] == ["per"]:
                rest.pop()
            elif w not in _DROP:
                rest.append(tokens[i])
            i += 1
            continue
        while i < len(tokens) and tokens[i] in _SCALES and len(tokens[i]) > 1:
            value *= _SCALES[tokens[i]]
            i += 1
        numbers.append(round(value, 6))
    return numbers, rest


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SPACED_THOUSANDS = re.compile(r"\b(\d{1,3}) (\d{3})\b")  # "30 000"
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")  # "27th" is 27
_FISCAL = re.compile(r"\bfy ?(\d{2,4})\b")
_DESIGNATION = re.compile(r"\b([a-z]{1,2})-?(\d+)(s?)\b")  # "F-16", "A7", "M-11s"
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_PUNCTUATION = re.compile(r"[^\w\s.$%]")


def number_words(text: str) -> list[str]:
    """Words ready for splitting: "$1.5bn" stays one token; "twenty-eight" two."""
    t = fold(text)
    t = _THOUSANDS.sub("", t)
    t = _SPACED_THOUSANDS.sub(r"\1\2", t)
    t = _ORDINAL.sub(r"\1", t)
    t = _FISCAL.sub(r"fiscal \1", t)
    t = _DESIGNATION.sub(r"\1\2\3", t)
    t = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), t)
    t = _LONE_DOT.sub(" ", t)
    t = _PUNCTUATION.sub(" ", t).replace("%", " % ")
    return words_keep_numbers(t)


def words_keep_numbers(t: str) -> list[str]:
    out: list[str] = []
    run: list[str] = []
    for w in t.split():
        if len(w) == 1 and w.isalpha() and w not in ("m", "b", "k"):
            run.append(w)
            continue
        out.append("".join(run)) if len(run) > 1 else out.extend(run)
        run = []
        out.append(w)
    out.append("".join(run)) if len(run) > 1 else out.extend(run)
    return out


@dataclass(frozen=True, slots=True)
class Reading:
    """An answer as values: its numbers (in order) and its meaningful words."""

    numbers: tuple[float, ...]
    words: tuple[str, ...]  # STOP words gone
    all_words: tuple[str, ...]  # every non-number word, for names

    @property
    def text(self) -> str:
        return " ".join(self.words)


@functools.lru_cache(maxsize=4096)  # a Reading is immutable; the same answers recur
def read(text: str) -> Reading:
    tokens = number_words(text)
    joined = " ".join(tokens)
    for phrase, same in _YEAR_WORDS.items():
        joined = joined.replace(phrase, same)
    numbers, rest = split_numbers(joined.split())
    rest = [_singular(w) for w in rest]
    kept = tuple(w for w in rest if w not in STOP)
    return Reading(tuple(numbers), kept, tuple(rest))


def _singular(w: str) -> str:
    """ "demands" = "demand", "F-16s" = "F-16": plurals do not make an answer wrong."""
    if not w.endswith("s") or w.endswith(("ss", "us")):
        return w
    return w[:-1] if len(w) > 4 or (len(w) > 2 and w[-2].isdigit()) else w


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def years_in(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}
