"""Figures in statutes: the age below which a person is a child, a reflection period in days, and
terms of imprisonment ("not more than 20 years", "from four to ten years", "for life",
"лишением свободы на срок от восьми до пятнадцати лет").

Every extractor returns :class:`Figure` objects with the character offsets of the words it read,
so a finding can quote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import EN_NUMBER, KK_NUMBER, RU_NUMBER, parse_en, parse_kk, parse_ru

LIFE = 99  # life imprisonment, as the machine contract counts it


@dataclass
class Figure:
    value: float
    start: int
    end: int
    quote: str
    kind: str = ""  # "max", "min", "life" for penalties


_F = re.IGNORECASE

# ---------- child age ----------
_AGE_EN = [
    re.compile(
        rf"\b(?:under|below|(?<!not )(?<!no )less than|younger than|not attained|has not attained|not reached|has not reached|"
        rf"not yet attained|not completed|has not completed)\s+(?:the\s+)?(?:full\s+)?(?:age\s+of\s+)?"
        rf"(?P<n>{EN_NUMBER})(?:\s*years)?",
        _F,
    ),
    re.compile(rf"\b(?:aged|age of)\s+(?:less than|under|below)\s+(?P<n>{EN_NUMBER})", _F),
    re.compile(rf"\b(?P<n>{EN_NUMBER})\s+years\s+of\s+age\b", _F),
]
_AGE_RU = [
    re.compile(
        rf"не\s+достигш\w*\s+(?:возраста\s+)?(?P<n>{RU_NUMBER})?(?:-?\s*летнего)?\s*(?:возраста|лет)",
        _F,
    ),
    re.compile(r"(?P<n>\d+|восемнадцат\w*|шестнадцат\w*|четырнадцат\w*)\s*-?\s*летн\w+\s+возраст", _F),
    re.compile(r"до\s+(?P<n>\d+|восемнадцати)\s+лет", _F),
]
# Kazakh "он сегіз жасқа толмаған", Kyrgyz "он сегиз жашка толо элек", Turkmen "on sekiz ýaşyna ýetmedik"
_AGE_TURKIC = [
    re.compile(r"(?:он\s+сег[іи]з|18)\s+(?:жасқа|жашка|жасқа\s+толмаған|жаш\w*)", _F),
    re.compile(r"(?:on\s+sekiz|18)\s+ýaş\w*", _F),
]


def child_ages(text: str, lang: str = "en", base: int = 0) -> list[Figure]:
    """Ages below which a person counts as a child: 18 in "under the age of eighteen"."""
    out: list[Figure] = []
    if lang == "ru":
        for rx in _AGE_RU:
            for m in rx.finditer(text):
                before = text[max(0, m.start() - 60) : m.start()]
                if re.search(r"срок|лишени|свобод|от\s+\w+\s*$", before, _F):
                    continue  # "на срок от двенадцати до восемнадцати лет" is a penalty, not an age
                raw = m.group("n")
                v = parse_ru(raw) if raw else None
                if v is None and "восемнадцат" in m.group(0).lower():
                    v = 18
                if v and 10 <= v <= 21:
                    out.append(Figure(v, base + m.start(), base + m.end(), m.group(0)))
    elif lang in ("kk", "ky", "tk", "uz", "tg"):
        for rx in _AGE_TURKIC:
            for m in rx.finditer(text):
                out.append(Figure(18, base + m.start(), base + m.end(), m.group(0)))
    else:
        for rx in _AGE_EN:
            for m in rx.finditer(text):
                before = text[max(0, m.start() - 80) : m.start()]
                if re.search(r"\b(?:not|no)\s+(?:be\s+)?$", before, _F) or re.search(
                    r"(?:term|imprisonment|sentence|period)\b[^.;]{0,40}$", before, _F
                ):
                    continue  # "a term of not less than ten years" is a penalty, not an age
                v = parse_en(m.group("n"))
                if v is not None and 10 <= v <= 21:
                    out.append(Figure(v, base + m.start(), base + m.end(), m.group(0)))
    return sorted(out, key=lambda f: f.start)


# ---------- periods in days ----------
_DAYS_EN = re.compile(rf"(?P<n>{EN_NUMBER})\s*(?P<u>days?|months?|weeks?)\b", _F)
_DAYS_RU = re.compile(rf"(?P<n>{RU_NUMBER})?\s*(?P<u>дн(?:я|ей|ям)\b|день|месяц\w*|сут\w*)", _F)


def periods_days(text: str, lang: str = "en", base: int = 0) -> list[Figure]:
    """Periods of time converted to days (a month counts as 30, a week as 7)."""
    out = []
    rx = _DAYS_RU if lang == "ru" else _DAYS_EN
    for m in rx.finditer(text):
        raw = m.group("n")
        v = (parse_ru(raw) if lang == "ru" else parse_en(raw)) if raw else None
        unit = m.group("u").lower()
        if v is None:
            if unit.startswith(("month", "месяц")) and re.search(
                r"\b(?:one|a)\s*$|один\s*$", text[: m.start()]
            ):
                v = 1
            else:
                continue
        if unit.startswith(("month", "месяц")):
            v *= 30
        elif unit.startswith("week"):
            v *= 7
        out.append(Figure(v, base + m.start(), base + m.end(), m.group(0)))
    return out


# ---------- imprisonment ----------
_N = EN_NUMBER
_PEN_EN = [
    # "from four to ten years", "between 5 and 15 years"
    (
        re.compile(
            rf"\b(?:from|between)\s+(?P<a>{_N})\s*(?:years?\s*)?(?:to|and|up to)\s+(?P<b>{_N})\s*years?", _F
        ),
        "range",
    ),
    # "not more than 20 years", "not exceeding seven years", "may extend to seven years", "up to 10 years"
    (
        re.compile(
            rf"\b(?:not more than|not exceeding|no more than|may extend to|extend to|up to|maximum of|maximum term of|a term not exceeding|for a term of up to|which may be)\s+(?P<b>{_N})\s*years?",
            _F,
        ),
        "max",
    ),
    (re.compile(rf"\b(?P<b>{_N})\s*years?(?:'|’)?\s*(?:imprisonment|maximum)", _F), "max"),
    (
        re.compile(
            rf"\bimprisonment\s+for\s+(?:a\s+(?:term|period)\s+of\s+)?(?P<b>{_N})\s*years?\b(?!\s*(?:or more|and (?:not|no)))",
            _F,
        ),
        "max",
    ),
    # "not less than 15 years", "minimum punishment of imprisonment for a term of five years"
    (
        re.compile(
            rf"\b(?:not less than|no less than|at least|minimum (?:punishment of imprisonment for a term of|term of|of))\s+(?P<a>{_N})\s*years?",
            _F,
        ),
        "min",
    ),
    (
        re.compile(
            r"\b(?:for\s+life|life\s+imprisonment|imprisonment\s+for\s+life|any term of years or (?:for )?life|imprisoned for life)\b",
            _F,
        ),
        "life",
    ),
]
_PEN_RU = [
    (re.compile(rf"от\s+(?P<a>{RU_NUMBER})\s+до\s+(?P<b>{RU_NUMBER})\s+лет", _F), "range"),
    (re.compile(rf"(?:на\s+срок\s+)?до\s+(?P<b>{RU_NUMBER})\s+лет", _F), "max"),
    (re.compile(r"пожизненн\w+\s+лишени\w+\s+свободы|пожизненным", _F), "life"),
]


def _penalty_figures(text: str, lang: str, base: int) -> list[Figure]:
    out: list[Figure] = []
    table = _PEN_RU if lang == "ru" else _PEN_EN
    parse = parse_ru if lang == "ru" else parse_en
    for rx, kind in table:
        for m in rx.finditer(text):
            if kind == "life":
                out.append(Figure(LIFE, base + m.start(), base + m.end(), m.group(0), "life"))
                continue
            b = m.groupdict().get("b")
            a = m.groupdict().get("a")
            if b:
                v = parse(b)
                if v is not None and 0 < v <= 60:
                    out.append(Figure(v, base + m.start(), base + m.end(), m.group(0), "max"))
            elif a:
                v = parse(a)
                if v is not None and 0 < v <= 60:
                    out.append(Figure(v, base + m.start(), base + m.end(), m.group(0), "min"))
    # drop figures nested in a longer one of the same kind
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Figure] = []
    for f in out:
        if any(k.start <= f.start and f.end <= k.end and k.kind == f.kind for k in kept):
            continue
        kept.append(f)
    return kept


IMPRISON = re.compile(
    r"бас\s+бостандығынан\s+айыр|imprison|deprivation of liberty|custodial|jail|лишени\w+\s+свободы|лишением свободы|penal servitude",
    _F,
)


def max_imprisonment(text: str, lang: str = "en", base: int = 0) -> Figure | None:
    """The longest term of imprisonment a sanction clause allows (life = 99), or None.

    Only figures in a clause that speaks of imprisonment count; "fine not exceeding 5,000" does not.
    """
    if not IMPRISON.search(text):
        return None
    if lang == "kk":
        # Kazakh puts the term before the sanction: "төрт жылдан жеті жылға дейiнгi мерзiмге бас
        # бостандығынан айыруға жазаланады"
        folded = text.replace("i", "і")
        figures = []
        for m in re.finditer(r"(өмір бойы\s+)?бас\s+бостандығынан\s+айыр", folded, _F):
            if m.group(1):
                figures.append(
                    Figure(LIFE, base + m.start(), base + m.end(), text[m.start() : m.end()], "life")
                )
                continue
            start = max(0, m.start() - 90)
            window = folded[start : m.start()]
            terms = list(
                re.finditer(
                    rf"(?:(?P<a>{KK_NUMBER})\s+жылдан\s+)?(?P<b>{KK_NUMBER})\s+жылға\s+дейін", window, _F
                )
            )
            hit = terms[-1] if terms else None  # the term nearest the sanction
            if hit is not None and parse_kk(hit.group("b")):
                s0, e0 = base + start + hit.start(), base + start + hit.end()
                figures.append(
                    Figure(
                        parse_kk(hit.group("b")), s0, e0, text[start + hit.start() : start + hit.end()], "max"
                    )
                )
        maxima = [f for f in figures if f.kind in ("max", "life")]
        return max(maxima, key=lambda f: (f.value, -f.start)) if maxima else None
    if lang == "ru":
        # only the term that follows "лишением свободы": not forced work, disqualification or
        # restriction of liberty ("с лишением права занимать должности ... на срок до пятнадцати лет")
        figures = []
        for m in re.finditer(r"(пожизненн\w+\s+)?лишени\w+\s+свободы", text, _F):
            if m.group(1):
                figures.append(Figure(LIFE, base + m.start(), base + m.end(), m.group(0), "life"))
                continue
            window = text[m.end() : m.end() + 70]
            first = sorted(_penalty_figures(window, lang, base + m.end()), key=lambda f: f.start)[:1]
            figures += first  # the term of this sanction, not of the next one in the sentence
    else:
        figures = _penalty_figures(text, lang, base)
    maxima = [f for f in figures if f.kind in ("max", "life")]
    if not maxima:
        return None
    return max(maxima, key=lambda f: (f.value, -f.start))


_FINE_ALT_EN = re.compile(
    r"\bor\s+(?:with\s+|to\s+|by\s+)?(?:a\s+)?fine\b|\bfined\b[^.;]{0,80}?\bor\s+imprisoned\b(?![^.;]{0,120}\band\b)"
    r"|\bor\s+both\b|\bfine\s+or\s+(?:to\s+)?imprisonment\b|\bliable to a fine\b(?![^.;]{0,60}\band\b)",
    _F,
)
_FINE_ALT_RU = re.compile(r"наказыва\w+\s+штрафом|штрафом\s+в\s+размере[^.;]{0,120}?либо|либо\s+штрафом", _F)


def fine_alternative(text: str, lang: str = "en") -> re.Match | None:
    """Wording that lets a fine replace imprisonment ("or with fine", "fined ... or imprisoned", "or both")."""
    rx = _FINE_ALT_RU if lang == "ru" else _FINE_ALT_EN
    return rx.search(text)
