"""Which language a national text is written in (two-letter code).

Cheap character statistics over a sample, then a few function words:

- Cyrillic: ``tg`` (its own letters, "Moddai"), ``kk`` (its own letters, with those it shares with Kyrgyz),
  ``ky`` (the letters it shares with Kazakh but none of Kazakh's own; "berene", "zhana", "Myyzam"),
  otherwise ``ru``;
- Latin: ``tk`` (ä ň ş ý ž ... and "madda"), ``uz`` (oʻ gʻ, "modda", "boʻlim"), otherwise ``en``.

The letters and words are ``detect_*`` entries of ``lexcheck/lang/<code>/structure.yaml``.
"""

from __future__ import annotations

import re

from ..lang import alternatives, value

LANGUAGES = ("en", "ru", "kk", "ky", "tk", "uz", "tg")

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")


def _letters(lang: str, key: str = "detect_letters") -> frozenset[str]:
    return frozenset(value(lang, "structure", key) or "")


def _words(lang: str) -> re.Pattern[str]:
    return re.compile(r"\b" + alternatives(value(lang, "structure", "detect_words")) + r"\b", re.I)


_TG = _letters("tg")
_KK = _letters("kk")
_KK_SOFT = _letters("kk", "detect_shared_letters")
_KY = _letters("ky")
_TK = _letters("tk")
_UZ_APOS = re.compile(value("uz", "structure", "detect_marks"))
_KY_WORDS, _KK_WORDS, _TG_WORDS = _words("ky"), _words("kk"), _words("tg")
_TK_WORDS, _UZ_WORDS = _words("tk"), _words("uz")
_UZ_ARTICLE = re.compile(value("uz", "structure", "detect_article"))
_TK_ARTICLE = re.compile(value("tk", "structure", "detect_article"))


def detect(text: str) -> str:
    """Best guess of the language of ``text``: en, ru, kk, ky, tk, uz or tg."""
    sample = text[:100000]
    cyr = len(_CYR.findall(sample))
    lat = len(_LAT.findall(sample))
    tg = sum(sample.count(ch) for ch in _TG)
    kk = sum(sample.count(ch) for ch in _KK)
    kk_soft = sum(sample.count(ch) for ch in _KK_SOFT)
    ky = sum(sample.count(ch) for ch in _KY)
    tk = sum(sample.count(ch) for ch in _TK)
    if cyr == 0 and lat == 0:
        return "en"
    if cyr >= lat:
        floor = max(2, cyr // 1000)
        if tg >= floor or _TG_WORDS.search(sample) and tg:
            return "tg"
        if kk >= floor:
            return "kk"
        if ky >= floor and kk == 0:
            return "ky"
        if ky + kk_soft >= floor:
            return "ky" if _KY_WORDS.search(sample) and not _KK_WORDS.search(sample) else "kk"
        return "ru"
    floor = max(2, lat // 1000)
    uz = len(_UZ_APOS.findall(sample))
    if tk >= floor and (tk > uz or _TK_WORDS.search(sample)):
        return "tk"
    if uz >= floor and _UZ_WORDS.search(sample):
        return "uz"
    if _UZ_WORDS.search(sample) and _UZ_ARTICLE.search(sample):
        return "uz"
    if _TK_ARTICLE.search(sample):
        return "tk"
    return "en"
