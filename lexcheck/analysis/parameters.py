"""Figures in statutes: the age below which a person is a child, a period in days, and terms of
imprisonment ("not more than 20 years", "from four to ten years", "for life").

The wording is data (``age``, ``period`` and ``penalty`` in ``lexcheck/lang/<code>/clauses.yaml``);
a language without its own wording for one of them is read with the English wording. Every
extractor returns :class:`Figure` objects with the character offsets of the words it read, so a
finding can quote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lang import merged_regex, source_language, value
from .numbers import number_pattern, parse_number

LIFE = 99  # life imprisonment, as the machine contract counts it
_F = re.IGNORECASE


@dataclass
class Figure:
    value: float
    start: int
    end: int
    quote: str
    kind: str = ""  # "max", "min", "life" for penalties


def _clause(lang: str, key: str) -> tuple[str, Any]:
    """(the language whose wording is read, the wording) for cue ``key`` in a text in ``lang``."""
    src = source_language(lang, "clauses", key)
    return src, value(src, "clauses", key)


@cache
def _compiled(lang: str, source: str, flags: int = _F) -> re.Pattern[str]:
    """A cue of ``lang`` with its number pattern put in place of ``{number}``."""
    return re.compile(source.replace("{number}", number_pattern(lang)), flags)


def _any(lang: str, sources: list[str] | None) -> re.Pattern[str] | None:
    return _compiled(lang, "|".join(sources)) if sources else None


# ---------- child age ----------


def child_ages(text: str, lang: str = "en", base: int = 0) -> list[Figure]:
    """Ages below which a person counts as a child: 18 in "under the age of eighteen"."""
    src, age = _clause(lang, "age")
    not_after = _any(src, age.get("not_after"))
    look_back = age.get("look_back", 0)
    out: list[Figure] = []
    for source in age["patterns"]:
        for m in _compiled(src, source).finditer(text):
            if not_after is not None and not_after.search(text[max(0, m.start() - look_back) : m.start()]):
                continue  # "a term of not less than ten years" is a penalty, not an age
            if "value" in age:
                out.append(Figure(age["value"], base + m.start(), base + m.end(), m.group(0)))
                continue
            raw = m.group("n")
            v = parse_number(raw, src) if raw else None
            if v is not None and 10 <= v <= 21:
                out.append(Figure(v, base + m.start(), base + m.end(), m.group(0)))
    return sorted(out, key=lambda f: f.start)


# ---------- periods in days ----------


def periods_days(text: str, lang: str = "en", base: int = 0) -> list[Figure]:
    """Periods of time converted to days (a month counts as 30, a week as 7)."""
    src, period = _clause(lang, "period")
    one = merged_regex("clauses", "period.one", flags=0)
    units = period.get("units", {})
    out = []
    for m in _compiled(src, period["pattern"]).finditer(text):
        raw = m.group("n")
        v = parse_number(raw, src) if raw else None
        unit = m.group("u").lower()
        days = next((n for prefix, n in units.items() if unit.startswith(prefix)), 1)
        if v is None:
            if days == 30 and one.search(text[: m.start()]):  # a month
                v = 1  # "one month", "a month"
            else:
                continue
        out.append(Figure(v * days, base + m.start(), base + m.end(), m.group(0)))
    return out


# ---------- imprisonment ----------


def _penalty_figures(text: str, folded: str, lang: str, base: int) -> list[Figure]:
    """Terms of imprisonment in ``folded`` (``text`` with letters folded, same length), quoted from ``text``."""
    out: list[Figure] = []
    for term in value(lang, "clauses", "penalty.terms"):
        kind = term["kind"]
        for m in _compiled(lang, term["pattern"]).finditer(folded):
            quote = text[m.start() : m.end()]
            if kind == "life":
                out.append(Figure(LIFE, base + m.start(), base + m.end(), quote, "life"))
                continue
            b = m.groupdict().get("b")
            a = m.groupdict().get("a")
            if b:
                v = parse_number(b, lang)
                if v is not None and 0 < v <= 60:
                    out.append(Figure(v, base + m.start(), base + m.end(), quote, "max"))
            elif a:
                v = parse_number(a, lang)
                if v is not None and 0 < v <= 60:
                    out.append(Figure(v, base + m.start(), base + m.end(), quote, "min"))
    # drop figures nested in a longer one of the same kind
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    for f in out:
        if any(k.start <= f.start and f.end <= k.end and k.kind == f.kind for k in kept):
            continue
        kept.append(f)
    return kept


def imprisonment() -> re.Pattern[str]:
    """Words of every language that make a penalty imprisonment."""
    return merged_regex("clauses", "penalty.imprisonment")


def _fold(text: str, lang: str) -> str:
    for a, b in (value(lang, "clauses", "penalty.fold") or {}).items():
        text = text.replace(a, b)
    return text


def _sanction_terms(text: str, folded: str, lang: str, base: int) -> list[Figure]:
    """The term of each sanction of a language that names the sanction before its term (Russian
    "deprivation of liberty for up to ...") or after it (Kazakh "... up to seven years deprivation
    of liberty"): the nearest term after (or before) the sanction words."""
    after = value(lang, "clauses", "penalty.after_sanction")
    before = value(lang, "clauses", "penalty.before_sanction")
    figures = []
    for m in _compiled(lang, value(lang, "clauses", "penalty.sanction")).finditer(folded):
        if m.group("life"):
            figures.append(Figure(LIFE, base + m.start(), base + m.end(), text[m.start() : m.end()], "life"))
            continue
        s, e = (m.end(), m.end() + after) if after else (max(0, m.start() - before), m.start())
        terms = _penalty_figures(text[s:e], folded[s:e], lang, base + s)
        if terms:  # the term of this sanction, not of the next one in the sentence
            figures.append(terms[0] if after else max(terms, key=lambda f: f.start))
    return figures


def max_imprisonment(text: str, lang: str = "en", base: int = 0) -> Figure | None:
    """The longest term of imprisonment a sanction clause allows (life = 99), or None.

    Only figures in a clause that speaks of imprisonment count; "fine not exceeding 5,000" does not.
    """
    if not imprisonment().search(text):
        return None
    src = source_language(lang, "clauses", "penalty.terms")
    folded = _fold(text, src)
    if value(src, "clauses", "penalty.sanction"):
        figures = _sanction_terms(text, folded, src, base)
    else:
        figures = _penalty_figures(text, folded, src, base)
    maxima = [f for f in figures if f.kind in ("max", "life")]
    if not maxima:
        return None
    return max(maxima, key=lambda f: (f.value, -f.start))


def fine_alternative(text: str, lang: str = "en") -> re.Match | None:
    """Wording that lets a fine replace imprisonment ("or with fine", "fined ... or imprisoned", "or both")."""
    src, cue = _clause(lang, "penalty.fine_instead")
    return _compiled(src, "|".join(cue)).search(text)
