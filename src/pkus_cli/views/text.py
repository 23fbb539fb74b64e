"""Text matching shared by the resolver and search: folding case and accents, word starts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Text for matching: lower case, accents removed ('Pérez' -> 'perez')."""
    if text.isascii():
        return text.lower()
    return "".join(fold_chars(text)[0])


def fold_chars(text: str) -> tuple[list[str], list[int]]:
    """Folded characters, and for each the index of the character it came from."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(c):
                continue
            for f in c.casefold():
                chars.append(f)
                index.append(i)
    return chars, index


_INITIALS = re.compile(r"\b(?:[a-z]\.\s?){2,}|\b(?:[a-z]\s){1,}[a-z]\b(?=\s|$)")
_JOINED = re.compile(r"\b([a-z])-(?=\d)")


def squash(folded: str) -> str:
    """Folded text with initials joined and "U-2" as "u2", so that "A.Q. Khan", "A. Q. Khan"
    and "AQ Khan" read the same, and "U-2" is one word rather than "u" and "2"."""
    out = _INITIALS.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", folded)
    return _JOINED.sub(r"\1", out)


_LETTER_DIGITS = re.compile(r"([a-z])(\d+)")


def word_pattern(word: str) -> re.Pattern[str]:
    """`word` (folded and squashed) at the start of a word of folded text that is *not*
    squashed: "aq" also finds "a.q." and "a. q.", "u2" also "u-2". Search reads a query
    this way rather than squashing every text of the pack, which took longer than the
    rest of a search together."""
    start = r"(?<!\w)"
    forms = [re.escape(word)]
    if word.isalpha() and 2 <= len(word) <= 4:  # initials, as squash joins them
        forms.append(r"(?:\.\s?|\s)".join(rf"{c}(?!\w)" for c in word))
    elif m := _LETTER_DIGITS.fullmatch(word):
        forms.append(rf"{m.group(1)}-{m.group(2)}")
    return re.compile(start + "(?:" + "|".join(forms) + ")")


def has_word(folded: str, word: str) -> bool:
    """True when a word of `folded` starts with `word`."""
    return re.search(r"(?<!\w)" + re.escape(word), folded) is not None


def highlights(text: str, words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where in `text` (original offsets) words start that begin with any of `words`."""
    if text.isascii():
        folded, index = text.lower(), list(range(len(text)))
    else:
        chars, index = fold_chars(text)
        folded = "".join(chars)
    spans: list[tuple[int, int]] = []
    for w in words:
        for m in re.finditer(r"(?<!\w)" + re.escape(w), folded):
            start, end = index[m.start()], index[m.end() - 1] + 1
            spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)
