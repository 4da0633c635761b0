"""Which language a national text is written in (two-letter code).

Cheap character statistics over a sample, then a few function words:

- Cyrillic: ``tg`` (ӣ ӯ ҳ ҷ, "Моддаи"), ``kk`` (ә ұ і һ, with ғ қ ң ө ү), ``ky`` (ң ө ү but none of ә ғ қ ұ һ і;
  "берене", "жана", "Мыйзам"), otherwise ``ru``;
- Latin: ``tk`` (ä ň ş ý ž ... and "madda"), ``uz`` (oʻ gʻ, "modda", "boʻlim"), otherwise ``en``.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru", "kk", "ky", "tk", "uz", "tg")

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")
_TG = set("ӣӯҳҷӢӮҲҶ")
_KK = set("әұһіӘҰҺІ")
_KK_SOFT = set("ғқҒҚ")
_KY = set("ңөүҢӨҮ")
_TK = set("äňşýžÄŇŞÝŽ")
_UZ_APOS = re.compile(r"[oOgG][ʻ‘’'`ʼ]")
_KY_WORDS = re.compile(r"\b(?:берене|жана|мыйзам\w*|Кыргыз\w*|боюнча|тартуу|ушул)\b", re.I)
_KK_WORDS = re.compile(r"\b(?:бап|және|Қазақстан\w*|осы|туралы|немесе)\b", re.I)
_TG_WORDS = re.compile(r"\b(?:Моддаи|Қонуни|мазкур|ва|дар|бо)\b", re.I)
_RU_WORDS = re.compile(r"\b(?:и|в|не|на|с|по|или|статья|настоящего|закона|лиц\w*)\b", re.I)
_TK_WORDS = re.compile(r"\b(?:madda|we|bilen|hem|Türkmenistan\w*|kanun\w*)\b", re.I)
_UZ_WORDS = re.compile(r"\b(?:modda|moddasi|va|yoki|bilan|qonun\w*|boʻlim|bob)\b", re.I)


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
    if _UZ_WORDS.search(sample) and re.search(r"\b\d+-modda\b", sample):
        return "uz"
    if re.search(r"\b\d+-[a-zäöüý]{1,5} madda\b", sample):
        return "tk"
    return "en"
