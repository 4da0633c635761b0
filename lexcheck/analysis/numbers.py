"""Numbers written in digits or words, in English and Russian statutes ("thirty (30)", "восемнадцати")."""

from __future__ import annotations

import re

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Russian numerals by stem, so every case form ("четырёх", "десяти", "восемнадцатилетнего") is read.
_RU_STEMS = [
    ("восемнадцат", 18), ("семнадцат", 17), ("шестнадцат", 16), ("пятнадцат", 15), ("четырнадцат", 14),
    ("тринадцат", 13), ("двенадцат", 12), ("одиннадцат", 11), ("девятнадцат", 19),
    ("двадцат", 20), ("тридцат", 30), ("сорок", 40), ("пятидесят", 50), ("пятьдесят", 50),
    ("девят", 9), ("восьм", 8), ("восем", 8), ("сем", 7), ("шест", 6), ("пят", 5), ("четыр", 4),
    ("четвер", 4), ("тр", 3), ("дв", 2), ("одн", 1), ("один", 1), ("десят", 10),
]  # fmt: skip
_RU_WORD = re.compile(r"^[а-яё]+$")

EN_NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b(?:\s*\(\s*\d+\s*\))?"
)
_RU_NUM_WORD = (
    r"(?:одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат"
    r"|двадцат|тридцат|сорок|пятьдесят|пятидесят|один|одн|два|две|двух|трех|трём|три|четыр|пят|шест|сем|восем|восьм"
    r"|девят|десят)[а-яё]*"
)
RU_NUMBER = rf"(?:\d+|(?<![а-яё]){_RU_NUM_WORD}(?:\s+{_RU_NUM_WORD})?)"


def parse_en(text: str) -> int | float | None:
    """``"thirty (30)"`` -> 30, ``"twenty-five"`` -> 25, ``"18"`` -> 18."""
    t = text.strip().lower()
    m = re.search(r"\(\s*(\d+)\s*\)", t)
    if m:
        return int(m.group(1))
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    parts = re.split(r"[\s-]+", t)
    total = 0
    for p in parts:
        if p in _EN_UNITS:
            total += _EN_UNITS[p]
        elif p in _EN_TENS:
            total += _EN_TENS[p]
        else:
            return None
    return total if parts else None


def _ru_word(word: str) -> int | None:
    w = word.lower().replace("ё", "е")
    if not _RU_WORD.match(w):
        return None
    if w.startswith(("десят",)):
        return 10
    for stem, value in _RU_STEMS:
        if w.startswith(stem):
            # guard short stems against ordinary words
            if stem in ("тр", "дв", "сем", "пят", "шест") and not re.match(
                r"^(три|трех|трем|тремя|два|двух|двум|двумя|две|семи|семь|пяти|пять|шести|шесть)", w
            ):
                continue
            if stem == "одн" and not w.startswith(("одного", "одной", "одну", "одним")):
                continue
            return value
    return None


def parse_ru(text: str) -> int | None:
    """``"восьми"`` -> 8, ``"двадцати пяти"`` -> 25, ``"18"`` -> 18."""
    t = text.strip()
    if re.fullmatch(r"\d+", t):
        return int(t)
    total, seen = 0, False
    for word in t.split():
        v = _ru_word(word)
        if v is None:
            break
        if seen and (v >= 10 or total % 10):
            break
        total += v
        seen = True
    return total if seen else None


_KK_UNITS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9}
_KK_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50}
KK_NUMBER = r"(?:\d+|(?:(?:он|жиырма|отыз|қырық|елу)(?:\s+(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз))?|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз))"


def parse_kk(text: str) -> int | None:
    """Kazakh numerals: ``"он екі"`` -> 12, ``"жеті"`` -> 7 (Latin ``i`` in Cyrillic text is folded)."""
    t = text.strip().lower().replace("i", "і")
    if t.isdigit():
        return int(t)
    total = 0
    for word in t.split():
        if word in _KK_TENS:
            total += _KK_TENS[word]
        elif word in _KK_UNITS:
            total += _KK_UNITS[word]
        else:
            return None
    return total or None
