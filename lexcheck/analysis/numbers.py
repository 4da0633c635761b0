"""Numbers written in digits or words ("thirty (30)", "twenty-five", and their Russian and Kazakh forms).

The words are data: ``numbers`` in ``lexcheck/lang/<code>/clauses.yaml`` gives, per language, the
pattern of a number, its words (``words``: exact words; ``stems``: word beginnings, so that every
case form is read) and letters to fold (a Latin ``i`` typed for the Kazakh letter). A figure is the sum of
its words, a tens word first: "twenty-five" = 20 + 5.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..lang import value

_PARENS = re.compile(r"\(\s*(\d+)\s*\)")
_WORDS = re.compile(r"[\s-]+")


def _numbers(lang: str) -> dict[str, Any]:
    return value(lang, "clauses", "numbers", {})


def number_pattern(lang: str) -> str:
    """The regex source of a number in ``lang`` (digits only for a language without number words)."""
    return _numbers(lang).get("pattern", r"\d+")


def _fold(text: str, lang: str) -> str:
    for a, b in _numbers(lang).get("fold", {}).items():
        text = text.replace(a, b)
    return text


@cache
def _stems(lang: str) -> tuple[tuple[str, int, re.Pattern[str] | None], ...]:
    """(stem, value, the forms a short stem must take) in the order they are tried."""
    data = _numbers(lang)
    forms = data.get("stem_forms", {})
    return tuple((s, v, re.compile(forms[s]) if s in forms else None) for s, v in data.get("stems", []))


@cache
def _letters(lang: str) -> re.Pattern[str] | None:
    source = _numbers(lang).get("letters")
    return re.compile(source) if source else None


def _word_value(word: str, lang: str) -> int | None:
    words = _numbers(lang).get("words", {})
    if word in words:
        return words[word]
    letters = _letters(lang)
    if letters is None or not letters.fullmatch(word):
        return None
    for stem, number, forms in _stems(lang):
        if word.startswith(stem) and (forms is None or forms.match(word)):
            return number
    return None


def parse_number(text: str, lang: str = "en") -> int | float | None:
    """``"thirty (30)"`` -> 30, ``"twenty-five"`` -> 25, ``"18"`` -> 18 (Russian "twenty five" -> 25).

    Words are read until one is not a number word (or would not continue the figure)."""
    t = text.strip().lower()
    m = _PARENS.search(t)
    if m:
        return int(m.group(1))
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    total, seen = 0, False
    for word in _WORDS.split(_fold(t, lang)):
        v = _word_value(word, lang)
        if v is None or (seen and (v >= 10 or total % 10)):
            break
        total += v
        seen = True
    return total if seen else None
