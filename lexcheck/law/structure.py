"""Text to a tree of provisions: parts, chapters, articles/sections, paragraphs, points.

One pass over the lines (a few regular expressions per line, linear in the text) classifies each line;
a second pass builds the tree with a stack of open provisions. List items nest by their *style*: an item
whose style (``(a)``, ``1)``, ``(i)``, ``а)`` ...) is already open becomes its sibling, a new style opens a
nested list. Ambiguous labels are settled by their neighbours: ``(i)`` after ``(h)`` is a letter,
after ``(a)`` a roman numeral; ``v)`` after ``b)`` is the Cyrillic-order letter ``в``.

Every non-blank character of the text belongs to exactly one provision's *own* text: cross-headings go
to the provision they precede, text after a list (``shall be punishable ...``) becomes a ``text`` node
(eid ``wrapup``), editorial and gazette lines become ``text`` nodes (eid ``remark``) that
:mod:`lexcheck.law.operative` marks not operative, text before the first provision becomes ``preamble``.

eIds (Akoma Ntoso style, unique in the document, stable for the same text):

- ``part_1``, ``part_1__chp_2``, ``chp_2``, ``dvs_a``, ``sched_1`` (schedule/annex)
- ``art_<num>`` for every article or section, never prefixed by its part or chapter (``art_129-1``,
  ``art_1589``, ``art_279-01``); articles inside a schedule are prefixed: ``sched_1__art_3``
- items under their parent: ``art_2__para_3__point_b__point_i``. ``(1)``/``1.`` directly under an
  article is a ``paragraph`` (``para_1``); letters and ``1)`` are ``point``; roman numerals ``subpoint``
  (eid prefix ``point``). A numbered item nested in a point is a ``point`` too (``point_q__point_1``).
- Cyrillic labels are transliterated (а→a б→b в→v г→g д→d е→e ж→zh з→z и→i к→k ...), so
  ``б)`` is ``point_b`` and ``в)`` is ``point_v``; ``/``, ``.`` and other separators become ``-``.
- notes to an article (``Примечание``/``Notes``/``Ескерту``) are paragraphs ``para_note``; an
  ``Explanation 1`` is ``para_explanation-1``; quoted definitions in a definitions list are ``def_<term>``
  (``art_2__def_exploitation``); unnumbered bullets are ``point_1``, ``point_2`` in order.
- text nodes: ``preamble``, ``toc``, ``remark``, ``wrapup``, ``intro``/``body`` (a text with no articles).
- a section whose number was lost (OCR) gets ``art_<previous number + 1>`` and an empty ``num``.
- duplicates get ``_2``, ``_3`` ... in document order.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager

from .model import Provision

__all__ = ["parse_structure", "eid_token", "heading_like"]

# --- vocabulary ----------------------------------------------------------------------------------

_CYR_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіӣӯҳҷ"
_CYR_SEQ = "абвгдежзиклмнопрстуфхцчшщэюя"
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i", "ӣ": "i", "ӯ": "u", "ҳ": "h", "ҷ": "j",
}  # fmt: skip
# Latin letters in the order of a transliterated Cyrillic list (Uzbek a) b) v) g) d) e) j) z) i) k) ...)
_TRANSLIT_ORDER = {c: i + 1 for i, c in enumerate("abvgdejzi")} | {
    "k": 10, "l": 11, "m": 12, "n": 13, "o": 14, "p": 15, "r": 16, "s": 17, "t": 18, "u": 19, "f": 20,
    "x": 21, "h": 21, "c": 22,
}  # fmt: skip

_OPEN_Q = "\"“‘'«„”"

_KW_ART = re.compile(
    r"(?:Article|ARTICLE|Art\.|ART\.|Artikel|Artículo|Articolo|Статья|СТАТЬЯ|Ст\.|Моддаи|МОДДАИ|Модда|МОДДА|"
    r"Madde|MADDE|Section|SECTION|Sect\.|Sec\.|SEC\.|§§?)"
    r"\s*(?P<num>\d+(?:[./-]\d+)*[A-Za-z]{0,3}(?:[./]\d+[A-Za-z]?)*(?:\(\d+(?:\.\d+)?[A-Za-z]?\))?)"
    r"(?P<after>.*)$"
)
_SUFFIX_ART = re.compile(
    r"(?P<num>\d+(?:[./]\d+)*)\s*-\s*(?:бап|берене|статья|модда|modda|moddasi|[a-zäöüýňşç]{1,6}\s+madda|"
    r"[a-zäöüýňşç]{1,6}\s+модда)(?![\w])\.?(?P<after>.*)$",
    re.I,
)
_PART = re.compile(
    r"(?P<kw>PART|Part|РАЗДЕЛ|Раздел|БӨЛІМ|Бөлім|BÖLÜM|Bölüm|QISM|Qism|БАХШИ|Бахши|BOOK|Book|TITLE)"
    r"\s+(?P<num>[IVXLC]+|\d+[A-Z]?|[A-Z])(?![\w])(?P<after>.*)$"
)
_PART_PRE = re.compile(
    r"(?P<num>\d+|[IVXLC]+)\s*-?\s*(?:бөлім|раздел|bo[ʻ'‘’]?lim|bölüm)(?![\w])(?P<after>.*)$", re.I
)
_CHAPTER = re.compile(
    r"(?P<kw>CHAPTER|Chapter|Chap\.|ГЛАВА|Глава|БОБИ|Боби|BOB|Bob|BAP|Bap|Тарау|ТАРАУ)"
    r"\s+(?P<num>\d+[A-Z]?|[IVXLC]+)(?![\w])(?P<after>.*)$"
)
_CHAPTER_PRE = re.compile(
    r"(?P<num>\d+|[IVXLC]+)\s*-?\s*(?:тарау|глава|bap|bob|боб|бөлүм|бап)(?![\w])(?P<after>.*)$", re.I
)
_DIVISION = re.compile(
    r"(?P<kw>SUBCHAPTER|Subchapter|DIVISION|Division|SUBPART|Subpart|SUBDIVISION|Subdivision|Параграф|ПАРАГРАФ)"
    r"\s+(?P<num>\d+[A-Z]?|[IVXLC]+|[A-Z])(?![\w])(?P<after>.*)$"
)
_SCHEDULE = re.compile(
    r"(?P<kw>SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|ПРИЛОЖЕНИЕ|Приложение)"
    r"(?:\s+(?P<num>\d+[A-Z]?|[IVXLC]+|[A-Z]))?(?![\w])(?P<after>.*)$"
)
_BARE = re.compile(
    r"(?P<num>\d{1,5}[A-Z]{0,3}(?:\.\d{1,3}[A-Z]{0,2})*)(?P<dot>\.)?"
    r"(?P<sep>(?(dot)\s*[—–-]*\s*|\s+))(?P<after>.*)$"
)
_LONE_NUM = re.compile(r"\d{1,4}[A-Z]?\.?$")
_ITEM = re.compile(
    r"(?:\((?P<pnum>\d{1,3}[A-Za-z]{0,2}(?:\.\d{1,3})?)\)"
    r"|\((?P<plow>[a-z]{1,4})\)"
    r"|\((?P<pup>[A-Z]{1,4})\)"
    rf"|\((?P<pcyr>[{_CYR_LOWER}])\)"
    r"|(?P<cnum>\d{1,3})\)"
    r"|(?P<clow>[a-z]{1,4})\)"
    rf"|(?P<ccyr>[{_CYR_LOWER}])\)"
    r"|(?P<cup>[A-Z])\)"
    r")(?=\s|$|[—–-])"
)
_ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")
_ROMAN_UP = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
_BULLET = re.compile(r"[-*•·▪◦]\s+")
_MD_HEAD = re.compile(r"#{1,6}\s+")
_NOTE = re.compile(
    r"(?P<kw>Notes?|NOTES?|Примечани[еяй]|ПРИМЕЧАНИ[ЕЯ]|Ескерту|ЕСКЕРТУ|Eskertme|ESKERTME|Izoh|IZOH|Изоҳ|Эскертүү|Эзоҳ)"
    r"\s*(?P<n>\d+)?(?P<sep>\s*[.:]|\s*[—–-]+|\s*$)(?P<after>.*)$"
)
_EXPL = re.compile(
    r"(?P<kw>Explanation|EXPLANATION|Пояснение)\s*(?P<n>\d+|\([0-9IVX]+\)|[IVX]+)?"
    r"(?P<sep>\s*[.:]?\s*[—–-]+|\s*[.:])(?P<after>.*)$"
)
_LAW_WORDS = re.compile(r"\b(?:shall|means|is|are|may|must)\b")
_FOOTNOTE = re.compile(r"(?:Сноска|СНОСКА|Footnote)\s*[.:]")
_AMEND = re.compile(
    r"amend|insert|substitut|repeal|renumber|omitted|editor|translat|consolidat|not part of|in force|"
    r"изменени|изменен|дополнени|дополнен|редакци|внесен|утратил|исключ|өзгеріс|енгізіл|толықтыр|"
    r"күшін жой|redaksiya|o[ʻ'‘]zgartish",
    re.I,
)
_BRACKET_LINE = re.compile(r"\[[^\[\]]*\][.;]?$")
_PAREN_LINE = re.compile(r"\((?:[^()]|\([^()]*\))*\)[.;]?$")
_EDITORIAL = re.compile(r"(?:Editorial|EDITORIAL|Editor['’]s note|EDITOR['’]S NOTE|Ed\. note)\b")
_GAZETTE = re.compile(
    r"(?:THE\s+)?[A-Z][A-Z .,'’-]*\bGAZETTE\b|(?:PRINTED|PUBLISHED)\s+BY\b|Price\s*[:.]?\s*(?:Rs\.?|\$|€|£|N)?\s*\d"
    r"|Page\s+\d+(?:\s+of\s+\d+)?$|[-–—]\s*\d{1,4}\s*[-–—]$|\d{1,4}\s*/\s*\d{1,4}$"
)
_YEAR = re.compile(r"(?:18|19|20)\d\d$")
_REF_WORD = re.compile(
    r"(?:paragraphs?|subsections?|sub-sections?|sections?|sub-paragraphs?|subparagraphs?|articles?|clauses?|"
    r"items?|points?|parts?|chapters?|schedules?|regulations?|rules?|пункт\w*|част\w*|стать\w*|подпункт\w*)",
    re.I,
)


def _ends_with_reference(line: str) -> bool:
    """``... under paragraph`` + ``(a) of subsection (1)`` on the next line is a cross-reference, not an item."""
    if not line or not line[-1].isalpha():
        return False
    last = line.rsplit(None, 1)[-1]
    return len(last) < 16 and bool(_REF_WORD.fullmatch(last))


_WRAP_START = re.compile(
    r"(?:shall\b|commits?\b|is\s+guilty|are\s+guilty|is\s+liable|are\s+liable|is\s+punishable|are\s+punishable|"
    r"is\s+to\s+be\s+(?:punished|liable)|be\s+liable|be\s+punished|is\s+an?\s+offen|the\s+offender\s+shall|"
    r"наказыва|карает|жазалан|jazolan|jeza|ҷазо)",
    re.I,
)
_WRAP_END_WORDS = ("жазаланады", "jazolanadi", "жазаланат", "jezalandyrylýar", "дода мешавад", "наказывается",
                   "наказываются")  # fmt: skip
_FUNCTION_WORDS = frozenset(
    [
        "or",
        "and",
        "the",
        "a",
        "an",
        "any",
        "by",
        "of",
        "to",
        "in",
        "for",
        "with",
        "that",
        "which",
        "such",
        "this",
        "these",
        "from",
        "on",
        "at",
        "as",
        "but",
        "if",
        "not",
        "no",
        "nor",
        "или",
        "и",
        "а",
        "в",
        "на",
        "по",
        "для",
        "от",
        "с",
        "к",
        "из",
        "при",
        "что",
        "которые",
    ]
)
_SENTENCE_WORDS = frozenset(
    [
        "shall",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "means",
        "includes",
        "include",
        "may",
        "must",
        "will",
        "would",
        "should",
        "can",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "if",
        "where",
        "when",
        "whereas",
        "hereby",
        "finds",
        "has",
        "have",
        "does",
        "do",
        "not",
        "it",
        "its",
        "such",
    ]
)
_LEAD_PRONOUNS = frozenset(
    [
        "It",
        "He",
        "She",
        "They",
        "We",
        "There",
        "This",
        "These",
        "Those",
        "Such",
        "Any",
        "Every",
        "No",
        "A",
        "An",
        "Where",
        "If",
        "When",
    ]
)
_TOC_TITLE = re.compile(
    r"(?:ARRANGEMENT OF (?:SECTIONS|CLAUSES|ARTICLES|REGULATIONS|PROVISIONS)|Arrangement of [Ss]ections|"
    r"TABLE OF CONTENTS|Table of [Cc]ontents|CONTENTS|Contents|ОГЛАВЛЕНИЕ|Оглавление|СОДЕРЖАНИЕ|Содержание|"
    r"МАЗМҰНЫ|Мазмұны|MAZMUNY|Mazmuny|MUNDARIJA|Mundarija|Мундариҷа|МУНДАРИҶА)(?![\w])"
)
_DEF_VERB = re.compile(
    r"\b(?:means|mean|includes|include|shall\s+mean|shall\s+include|has\s+the\s+(?:same\s+)?meaning|"
    r"have\s+the\s+(?:same\s+)?meanings?|refers?\s+to|is\s+defined|shall\s+have\s+the\s+meaning|"
    r"in\s+relation\s+to|for\s+(?:the\s+)?purposes?\s+of|shall\s+be\s+construed)\b",
    re.I,
)
_DEF_CONTEXT = re.compile(
    r"(?:definition|interpretation|meaning of terms|terms used|basic concepts|concepts|glossary|"
    r"понятия|термины|основные понятия|ұғымдар|түшүнүктөр|мафҳумҳо|düşünjeler|tushunchalar|atamalar)",
    re.I,
)
_DEF_INTRO = re.compile(
    r"(?:In this (?:Act|Law|Part|Chapter|section|subsection|Code|Schedule|Article|Regulation)s?\b[^.]{0,80}|"
    r"(?:following|these) (?:meanings|definitions|terms|concepts)[^.]{0,40}|unless the context[^.]{0,60}|"
    r"понятия[^.]{0,80}|значени\w*)\s*[:—–-]?\s*$",
    re.I,
)
_UNQUOTED_DEF = re.compile(
    r"([a-z][\w’'-]*(?:\s+[\w’'()-]+){0,6}?)\s+(?:means|includes|has the same meaning|shall mean|shall include)\b"
)
_DASH_DEF = re.compile(rf"([{_CYR_LOWER}a-zäöüýňşçʻ‘’'][^\s—–-]*(?:\s+[^\s—–-]+){{0,8}}?)\s+[—–-]\s+\S")

STRUCT_LEVEL = {"document": 0, "part": 1, "chapter": 2, "division": 3, "article": 4}
_EID_STRUCT = {"part": "part", "chapter": "chp", "division": "dvs", "article": "art"}


# --- small helpers -------------------------------------------------------------------------------


def eid_token(num: str) -> str:
    """``"129/1"`` -> ``129-1``, ``"(4.11)"`` -> ``4-11``, ``"б)"`` -> ``b``; case kept for Latin letters."""
    if num.isascii() and num.isalnum():
        return num
    out = []
    for ch in num.strip():
        low = ch.lower()
        if low in _TRANSLIT:
            t = _TRANSLIT[low]
            out.append(t.upper() if ch != low and t else t)
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    token = re.sub(r"-+", "-", "".join(out)).strip("-")
    return token


def _slug(term: str, limit: int = 40) -> str:
    token = eid_token(term.lower())
    if len(token) > limit:
        token = token[:limit].rsplit("-", 1)[0] or token[:limit]
    return token


def _words(s: str) -> list[str]:
    return s.split()


def heading_like(s: str, max_words: int = 12) -> bool:
    """A short title line: ``Sexual exploitation``, ``Short title.``, ``Definitions``."""
    if not s or len(s) > 200:
        return False
    first = s[0]
    if not (first.isupper() or first in '«“"' and len(s) > 1 and s[1].isupper()):
        return False
    words = s.split()
    if len(words) > max_words:
        return False
    last = s[-1]
    if last in ",;—–-(" or s.endswith((" or", " and", " и", " или")):
        return False
    lowered = {w.strip(".,:;()").lower() for w in words}
    if last == ":":
        return len(words) <= 8 and not (lowered & _SENTENCE_WORDS) and not s.startswith(("In ", "For "))
    if last == "." and not s.endswith(" ."):
        if words[0] in _LEAD_PRONOUNS or lowered & _SENTENCE_WORDS:
            return False
    elif len(words) > 6 and lowered & {"shall", "is", "are", "means", "may", "must", "will"}:
        return False
    return True


def _prose(s: str) -> bool:
    words = s.split()
    if len(words) >= 8:
        letters = [c for c in s if c.isalpha()]
        return not letters or sum(c.islower() for c in letters) > len(letters) * 0.3
    return len(words) >= 4 and s[-1:] in ".;:" and any(c.islower() for c in s)


def _all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _after_ok(after: str) -> bool:
    """What follows a structural number: a separator, a heading, or nothing; not running text."""
    if not after or not after.strip():
        return True
    c0 = after[0]
    if c0 in ".:)—–":
        return True
    a = after.lstrip()
    if a[0] in "—–-":
        return True
    if c0 not in " \t\u00a0":
        return False
    ch = a[0]
    return ch.isupper() or ch in "[«“\"'‘(" or ch.isdigit()


def _heading_text(after: str) -> str:
    return re.sub(r"^[\s.:)]*(?:[—–-]+\s*)?", "", after).strip()


def _roman_value(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    s = s.lower()
    total = 0
    for i, ch in enumerate(s):
        v = vals.get(ch, 0)
        if i + 1 < len(s) and vals.get(s[i + 1], 0) > v:
            total -= v
        else:
            total += v
    return total


_NUM_VALUE = re.compile(r"\d+(?:\.\d+)?")


def _num_value(num: str) -> float:
    if num.isdigit():
        return float(num)
    m = _NUM_VALUE.match(num)
    if not m:
        return 0.0
    try:
        base = float(m.group(0))
    except ValueError:
        return 0.0
    return base + (0.5 if num[-1:].isascii() and num[-1:].isalpha() else 0.0)


# --- line classification (context free) ---------------------------------------------------------


class _C:
    """What one line looks like, before context decides what it is."""

    __slots__ = ("t", "num", "after", "aoff", "style", "val", "kind", "dot", "reason", "kw", "term", "tok")

    def __init__(self, t: str):
        self.t = t
        self.num = ""
        self.after = ""
        self.aoff = 0
        self.style = ""
        self.val = ""
        self.kind = ""
        self.dot = False
        self.reason = ""
        self.kw = ""
        self.term = ""
        self.tok = None


_PLAIN = _C("plain")
_BLANK = _C("blank")


def _item_token(s: str, pos: int = 0):
    """(style-class, value, end) of a list label at ``pos``, or None."""
    m = _ITEM.match(s, pos)
    if not m:
        return None
    g = m.lastgroup
    v = m.group(g)
    if g in ("plow", "clow"):
        paren = "p" if g == "plow" else "c"
        if len(v) == 1 or _ROMAN.match(v):
            cls = "low"
        elif len(set(v)) == 1:
            cls = "dbl"
        elif len(v) == 2 and v[1] in "abcdefgh":
            cls = "low"  # inserted item (ja), (ab)
        else:
            return None
        return paren, cls, v, m.end()
    if g in ("pup", "cup"):
        paren = "p" if g == "pup" else "c"
        if len(v) > 1 and not _ROMAN_UP.match(v):
            if len(set(v)) == 1:
                return paren, "DBL", v, m.end()
            return None
        return paren, "up", v, m.end()
    if g in ("pnum", "cnum"):
        return ("p" if g == "pnum" else "c"), "num", v, m.end()
    return ("p" if g == "pcyr" else "c"), "cyr", v, m.end()


def _classify(s: str) -> _C:
    """Classify one stripped, non-empty line."""
    c0 = s[0]
    if c0 == "#":
        m = _MD_HEAD.match(s)
        if m:
            inner = _classify(s[m.end() :]) if len(s) > m.end() else _PLAIN
            return _shift(inner, m.end())
    if c0 == "*" and s.startswith("**"):
        inner = s.strip("*").strip()
        if inner and inner != s:
            off = s.index(inner[0])
            r = _classify(s[off:])
            if r.t != "plain":
                return _shift(r, off)
    if c0 in "-*•·▪◦":
        m = _BULLET.match(s)
        if m and m.end() < len(s):
            inner = _classify(s[m.end() :])
            if inner.t == "item":
                return _shift(inner, m.end())
            if inner.t in ("remark",):
                return inner
            c = _C("item")
            c.style, c.val, c.aoff, c.after = "bullet", "", m.end(), s[m.end() :]
            return c
    if c0 == "[" and _BRACKET_LINE.match(s):
        c = _C("remark")
        c.reason = "amendment history" if _AMEND.search(s) or "History" in s else "editorial note"
        return c
    if c0 == "(":
        if len(s) > 8 and _PAREN_LINE.match(s) and _AMEND.search(s):
            c = _C("remark")
            c.reason = "amendment history"
            return c
        t = _item_token(s)
        if t is not None:
            return _item(s, t)
        return _PLAIN
    if c0 == "§":
        return _article_kw(s)
    if c0.isdigit():
        return _digit_line(s)
    if c0 in _OPEN_Q:
        return _quoted_def(s)
    if c0.isalpha():
        if c0.isupper():
            r = _upper_line(s)
            if r is not None:
                return r
        t = _item_token(s)
        if t is not None:
            return _item(s, t)
    return _PLAIN


def _shift(c: _C, off: int) -> _C:
    if c.t in ("plain", "blank"):
        return c
    c.aoff += off
    return c


def _item(s: str, tok) -> _C:
    paren, cls, val, end = tok
    c = _C("item")
    c.style = f"{paren}-{cls}"
    c.val = val
    c.num = s[:end]
    c.aoff = end
    c.after = s[end:]
    c.tok = tok
    return c


def _article_kw(s: str) -> _C:
    m = _KW_ART.match(s)
    if not m or not _after_ok(m.group("after")):
        return _PLAIN
    c = _C("article")
    c.num = m.group("num")
    c.after = m.group("after")
    c.aoff = m.start("after")
    c.kw = "kw"
    return c


def _struct(m: re.Match, t: str, kind: str) -> _C:
    c = _C(t)
    c.kind = kind
    c.num = m.group("num") or ""
    c.after = m.group("after")
    c.aoff = m.start("after")
    return c


def _digit_line(s: str) -> _C:
    m = _SUFFIX_ART.match(s)
    if m and _after_ok(m.group("after")):
        c = _C("article")
        c.num, c.after, c.aoff, c.kw = m.group("num"), m.group("after"), m.start("after"), "kw"
        return c
    for rx, kind in ((_CHAPTER_PRE, "chapter"), (_PART_PRE, "part")):
        m = rx.match(s)
        if m and _after_ok(m.group("after")):
            return _struct(m, "struct", kind)
    t = _item_token(s)
    if t is not None:
        return _item(s, t)
    if _LONE_NUM.match(s):
        c = _C("lone")
        c.num = s.rstrip(".")
        return c
    m = _BARE.match(s)
    if m and not (m.group("dot") and m.group("after")[:1].isdigit()):
        c = _C("bare")
        c.num = m.group("num")
        c.dot = bool(m.group("dot"))
        c.after = m.group("after")
        c.aoff = m.start("after")
        return c
    return _PLAIN


def _upper_line(s: str) -> _C | None:
    c0 = s[0]
    if c0 in "ASМMСCРRЅ" and (
        s.startswith(("Art", "ART", "Sec", "SEC", "Ст", "СТ", "Мод", "МОД", "Mad", "MAD"))
    ):
        r = _article_kw(s)
        if r.t != "plain":
            return r
    for rx, kind in (
        (_PART, "part"),
        (_CHAPTER, "chapter"),
        (_DIVISION, "division"),
        (_SCHEDULE, "schedule"),
    ):
        m = rx.match(s)
        if m and _after_ok(m.group("after")):
            after = m.group("after")
            if kind == "schedule" and after.lstrip()[:1] == "(":
                continue
            return _struct(m, "struct", kind)
    if c0 in "IVXLC":
        m = _CHAPTER_PRE.match(s) or _PART_PRE.match(s)
        if m and _after_ok(m.group("after")):
            return _struct(m, "struct", "chapter" if _CHAPTER_PRE.match(s) else "part")
    m = _NOTE.match(s)
    if m:
        after = m.group("after")
        probe = re.sub(r"\([^()]*\)", " ", after)[:160]
        if _FOOTNOTE.match(s) or (probe.strip() and _AMEND.search(probe)):
            c = _C("remark")
            c.reason = "amendment history"
            return c
        editorial = (
            m.group("kw").lower().startswith("note") and after.strip() and not after.lstrip()[:1].isdigit()
        )
        # "Note: ..." with running text is an editor's note unless it reads as law
        if editorial and not _LAW_WORDS.search(after):
            c = _C("remark")
            c.reason = "editorial note"
            return c
        c = _C("note")
        c.kw = "note"
        c.num = s[: m.end("sep")].strip() if m.group("sep").strip() else m.group("kw")
        c.num = c.num.rstrip(".:—–- ")
        c.after = after
        c.aoff = m.start("after")
        return c
    m = _EXPL.match(s)
    if m:
        c = _C("note")
        c.kw = "explanation"
        c.num = s[: m.end("sep")].rstrip(".:—–- ")
        c.val = (m.group("n") or "").strip("()")
        c.after = m.group("after")
        c.aoff = m.start("after")
        return c
    if _FOOTNOTE.match(s) or _EDITORIAL.match(s):
        c = _C("remark")
        c.reason = "amendment history" if _FOOTNOTE.match(s) else "editorial note"
        return c
    if _GAZETTE.match(s) and len(s) < 120:
        c = _C("remark")
        c.reason = "gazette header or footer"
        return c
    if c0 in "ICXVL":
        t = _item_token(s)
        if t is not None:
            return _item(s, t)
    return None


def _quoted_def(s: str) -> _C:
    """``"child" means ...`` / ``‘exploitation’, in relation to ...`` at the start of a line."""
    m = re.match(r"[\"“‘'«„”]\s*([^\"“”‘’'«»„]{1,80}?)\s*[\"”’'»“]", s)
    if not m:
        return _PLAIN
    term = m.group(1).strip()
    if not term or len(term.split()) > 10 or term[0] in "(0123456789" or term.endswith((".", ":")):
        return _PLAIN
    rest = s[m.end() : m.end() + 200]
    c = _C("defcand")
    c.term = term
    c.after = rest
    c.aoff = 0
    c.val = "verb" if _DEF_VERB.search(rest[:160]) or re.match(r"\s*(?:[—–-]\s|(?:is|are)\s)", rest) else ""
    return c


# --- tree building -------------------------------------------------------------------------------


class _B:
    """A provision while the tree is being built."""

    __slots__ = (
        "p",
        "style",
        "ordv",
        "last",
        "prev_same",
        "lines",
        "own_open",
        "last_line",
        "local",
        "is_item",
        "kw",
    )

    def __init__(self, p: Provision, local: str, style: str = "", ordv=None, is_item: bool = False):
        self.p = p
        self.style = style
        self.ordv = ordv
        self.last: dict[str, _B] = {}
        self.prev_same: _B | None = None
        self.lines = 0
        self.own_open = True
        self.last_line = ""
        self.local = local
        self.is_item = is_item
        self.kw = False


class _Lines:
    __slots__ = ("start", "end", "s")

    def __init__(self, text: str):
        starts, ends, strs = [], [], []
        pos = 0
        for raw in text.split("\n"):
            n = len(raw)
            stripped = raw.strip()
            if stripped:
                lead = n - len(raw.lstrip())
                starts.append(pos + lead)
                ends.append(pos + lead + len(stripped))
            else:
                starts.append(pos)
                ends.append(pos)
            strs.append(stripped)
            pos += n + 1
        self.start, self.end, self.s = starts, ends, strs


def _ord_info(style: str, val: str):
    """(ordinal, is_first) of a list label for sibling / restart decisions."""
    cls = style.split("-", 1)[-1]
    if cls == "num":
        v = _num_value(val)
        return v, v == 1
    if cls in ("rom", "ROM"):
        v = _roman_value(val)
        return v, v == 1
    if cls in ("low", "up", "dbl", "DBL"):
        ch = val[0].lower()
        v = ord(ch) - 96 if "a" <= ch <= "z" else 0
        return v, v == 1
    if cls == "cyr":
        i = _CYR_SEQ.find(val)
        return i + 1, i == 0
    return 0, False


_LAT2CYR = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "y": "у", "k": "к", "b": "б"}
_CYR2LAT = {"а": "a", "е": "e", "о": "o", "с": "c", "р": "p", "х": "x", "у": "y", "к": "k", "в": "v"}


def _is_successor(prev: _B, style_cls: str, val: str) -> bool:
    pv = prev.p.num.strip("()").rstrip(".)")
    if style_cls in ("low", "up"):
        a, b = pv.lower()[:1], val.lower()[:1]
        if not a or not b or len(pv) > 1 and len(set(pv)) > 1:
            return False
        if ord(b) - ord(a) == 1:
            return True
        ta, tb = _TRANSLIT_ORDER.get(a), _TRANSLIT_ORDER.get(b)
        return bool(ta and tb and tb - ta == 1)
    if style_cls in ("rom", "ROM"):
        return _roman_value(val) - _roman_value(pv) == 1
    if style_cls == "cyr":
        a, b = _CYR_SEQ.find(pv[:1]), _CYR_SEQ.find(val[:1])
        return a >= 0 and b - a == 1
    return False


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.L = _Lines(text)
        n = len(self.L.s)
        self.n = n
        self.cls: list[_C] = [_BLANK if not s else _classify(s) for s in self.L.s]
        root = Provision(eid="", kind="document", start=0, end=len(text), text_start=0, text_end=0)
        self.root = _B(root, "")
        self.stack: list[_B] = [self.root]
        self.cur_text: _B | None = None
        self.pending: list[int] = []  # line indexes of cross-headings waiting for their provision
        self.structure_seen = False
        self.first_line = next((i for i in range(n) if self.L.s[i]), 0)
        self.toc = self._find_toc()
        self.lost = self._lost_mode()
        self.last_art_num = 0.0
        self.wrapped = self._hard_wrapped()
        self.cyr_seen = False

    # -- document-level facts --------------------------------------------------------------------

    def _next_nonblank(self, i: int) -> int:
        s = self.L.s
        j = i + 1
        while j < self.n and not s[j]:
            j += 1
        return j

    def _prev_nonblank(self, i: int) -> int:
        j = i - 1
        while j >= 0 and not self.L.s[j]:
            j -= 1
        return j

    def _find_toc(self) -> dict[int, int]:
        out: dict[int, int] = {}
        limit = min(self.n, max(3000, self.n // 3))
        s = self.L.s
        for i in range(limit):
            if s[i] and _TOC_TITLE.match(s[i]) and len(s[i]) < 2000:
                end = self._toc_end(i)
                out[i] = end
                break
        return out

    def _toc_end(self, i0: int) -> int:
        s, cls = self.L.s, self.cls
        seen: set[tuple[str, str]] = set()
        j = i0 + 1
        while j < self.n:
            if not s[j]:
                j += 1
                continue
            c = cls[j]
            if c.t in ("struct", "article", "bare", "lone"):
                kind = c.kind if c.t == "struct" else "article"
                key = (kind, c.num.lower().rstrip("."))
                if key in seen:
                    return self._toc_backup(j, i0)
                seen.add(key)
                if kind == "article":
                    nxt = self._next_nonblank(j)
                    long_after = len(c.after.split()) > 12 or _heading_text(c.after).startswith("(")
                    if long_after or (nxt < self.n and cls[nxt].t == "item" and cls[nxt].style == "p-num"):
                        return self._toc_backup(j, i0)
            elif c.t == "plain":
                if _prose(s[j]) and not _all_caps(s[j]):
                    return j
            elif c.t in ("item", "defcand", "note"):
                return j
            j += 1
        return self.n

    def _toc_backup(self, j: int, i0: int) -> int:
        k = j
        for _ in range(2):
            p = self._prev_nonblank(k)
            if p <= i0 or self.cls[p].t != "plain" or not heading_like(self.L.s[p], 20):
                break
            k = p
        return k

    def _hard_wrapped(self) -> bool:
        """Lines broken inside sentences (PDF extraction, print layout)?"""
        s = self.L.s
        cnt = tot = 0
        for i in range(min(self.n - 1, 5000)):
            if len(s[i]) > 30:
                tot += 1
                if s[i][-1] not in ".;:,—–-)" and s[i + 1][:1].islower():
                    cnt += 1
        return bool(tot) and cnt / tot > 0.15

    def _lost_mode(self) -> bool:
        if any(c.t in ("article",) for c in self.cls):
            return False
        bare = sum(1 for c in self.cls if c.t == "bare" and c.after[:1].isupper())
        if bare >= 2:
            return False
        s, cls = self.L.s, self.cls
        for i in range(self.n):
            if cls[i].t == "plain" and heading_like(s[i], 8):
                j = self._next_nonblank(i)
                if j < self.n and cls[j].t == "item" and cls[j].style == "p-num" and cls[j].val == "1":
                    return True
        return False

    # -- stack helpers ---------------------------------------------------------------------------

    def top(self) -> _B:
        return self.stack[-1]

    def current_article(self) -> _B | None:
        for b in reversed(self.stack):
            if b.p.kind == "article":
                return b
            if b.p.kind in ("part", "chapter", "division", "document"):
                return None
        return None

    def kw_context(self) -> bool:
        """Inside an article introduced by a keyword (Article, Статья, §, 1-бап ...): its "1." lines are parts."""
        art = self.current_article()
        return art is not None and art.kw

    def new_node(self, parent: _B, kind: str, local: str, start: int, num: str = "", heading: str = "",
                 style: str = "", ordv=None, is_item: bool = False) -> _B:  # fmt: skip
        p = Provision(eid=local, kind=kind, num=num, heading=heading, start=start, end=start, text_start=start,
                      text_end=start, parent=parent.p)  # fmt: skip
        b = _B(p, local, style, ordv, is_item)
        parent.p.children.append(p)
        parent.own_open = False
        if style:
            b.prev_same = parent.last.get(style)
            parent.last[style] = b
        return b

    def extend(self, b: _B, i: int, start: int | None = None) -> None:
        """Append line ``i`` (from ``start``) to ``b``'s own text."""
        p = b.p
        if p.text_end == p.text_start and start is not None:
            p.text_start = p.start = start
        elif p.text_end == p.text_start:
            p.text_start = p.start = self.L.start[i]
        p.text_end = self.L.end[i]
        b.lines += 1
        b.last_line = self.L.s[i]

    def take_pending(self, b: _B) -> None:
        """Cross-headings waiting before ``b`` become the start of its own text (and its heading)."""
        if not self.pending:
            return
        first = self.pending[0]
        b.p.start = b.p.text_start = self.L.start[first]
        if not b.p.heading:
            last = self.pending[-1]
            heading = self.L.s[last]
            if heading[:1].islower() and len(self.pending) > 1:
                heading = f"{self.L.s[self.pending[-2]]} {heading}"
            b.p.heading = re.sub(r"\s*\.$", "", heading.rstrip(":").rstrip())
        self.pending = []

    def flush_pending(self) -> None:
        lines, self.pending = self.pending, []
        for i in lines:
            self.plain(i)

    def close_text(self) -> None:
        self.cur_text = None

    def pop_to_level(self, level: int) -> None:
        while len(self.stack) > 1 and STRUCT_LEVEL.get(self.top().p.kind, 9) >= level:
            self.stack.pop()

    # -- events ----------------------------------------------------------------------------------

    def open_struct(self, i: int, c: _C) -> None:
        kind = c.kind
        level = 1 if kind == "schedule" else STRUCT_LEVEL[kind]
        self.close_text()
        if self.pending and not self.structure_seen:
            self.flush_pending()
        self.pop_to_level(level)
        parent = self.top()
        num = c.num
        if kind == "schedule":
            local = f"sched_{eid_token(num)}" if num else "sched"
            pkind = "part"
        else:
            local = f"{_EID_STRUCT[kind]}_{eid_token(num) or 'x'}"
            pkind = kind
        start = self.L.start[i]
        heading = _heading_text(c.after)
        if kind == "schedule":
            num = self.L.s[i][: c.aoff].strip()
        b = self.new_node(parent, pkind, local, start, num, heading)
        self.take_pending(b)
        self.extend(b, i, b.p.text_start)
        b.lines = 0
        self.stack.append(b)
        self.structure_seen = True
        if not heading:
            self.heading_from_next(b, i)

    def heading_from_next(self, b: _B, i: int) -> None:
        j = i + 1
        if j < self.n and self.L.s[j] and self.cls[j].t == "plain" and heading_like(self.L.s[j], 14):
            if _prose(self.L.s[j]) and not _all_caps(self.L.s[j]):
                return
            b.p.heading = self.L.s[j].rstrip(".:").strip()
            self.extend(b, j)
            b.lines -= 1
            self.skip.add(j)

    def open_article(self, i: int, num: str, after: str, aoff: int, kw: bool = True, dot: bool = False) -> _B:
        self.close_text()
        if self.pending and not self.structure_seen and not self._pending_adjacent(i):
            self.flush_pending()
        self.pop_to_level(4)
        parent = self.top()
        local = f"art_{eid_token(num) or 'x'}"
        start = self.L.start[i]
        heading = ""
        rest = after
        h = _heading_text(after)
        if h and not (self.pending and dot) and not (h[0] == "(" and _item_token(h)):
            nxt = i + 1
            wrapped = nxt < self.n and self.L.s[nxt][:1].islower()
            ok = (
                _article_heading(h)
                if kw
                else heading_like(h, 15) or _article_heading(h) and len(h.split()) <= 12
            )
            if ok and not wrapped:
                heading = re.sub(r"\s*\.$", "", h)
        b = self.new_node(parent, "article", local, start, num, heading)
        b.kw = kw
        self.take_pending(b)
        self.stack.append(b)
        self.structure_seen = True
        v = _num_value(num) if num else 0.0
        if v:
            self.last_art_num = v
        # chained paragraph "1. (1) ..." / "3.—(1) ..." / "Heading (1) ..."
        h = _heading_text(rest)
        lead = len(rest) - len(h)
        tok = _item_token(h) if h[:1] == "(" else None
        if tok is not None and tok[1] == "num":
            cut = self.L.start[i] + aoff + lead
            b.p.text_end = _rstrip_end(self.text, b.p.text_start, cut)
            b.lines += 1
            self.open_item(i, tok, cut, h)
            return b
        self.extend(b, i, b.p.text_start)
        if heading or not h:
            b.lines = 0  # a heading line: the body is still to come
        if not heading and not after.strip():
            self.heading_from_next(b, i)
        return b

    def _pending_adjacent(self, i: int) -> bool:
        return bool(self.pending) and self.pending[0] != self.first_line

    def open_item(self, i: int, tok, start: int, s_from: str, lead: int = 0) -> None:
        """A list label ``tok`` at ``s_from[lead:]``; the item's text starts at offset ``start`` (which is
        where ``s_from`` starts: a bullet ``- (a)`` stays in the item's text)."""
        paren, cls, val, end = tok
        end += lead
        self.cur_text = None
        if cls == "num":
            style_cls = "num"
            style = "dot-num" if paren == "d" else f"{paren}-num"
            ordv = float(val) if val.isdigit() else _num_value(val)
            first = ordv == 1
        else:
            style_cls = self.resolve_class(paren, cls, val)
            style = f"{paren}-{style_cls}"
            oval = _LAT2CYR.get(val, val) if style_cls == "cyr" and cls == "low" else val
            if style_cls == "low" and cls == "cyr":
                oval = _CYR2LAT.get(val, val)
            ordv, first = _ord_info(style, oval)
        parent_idx = self.find_parent(style, ordv, first)
        del self.stack[parent_idx + 1 :]
        parent = self.top()
        parent_is_item = parent.is_item and parent.p.kind in ("point", "subpoint")
        if style_cls in ("rom", "ROM"):
            kind = "subpoint"
        elif style in ("p-num", "dot-num") and not parent_is_item:
            kind = "paragraph"
        else:
            kind = "point"
        prefix = "para" if kind == "paragraph" else "point"
        num = s_from[lead:end]
        b = self.new_node(
            parent, kind, f"{prefix}_{eid_token(val)}", start, num, style=style, ordv=ordv, is_item=True
        )
        self.take_pending(b)
        self.stack.append(b)
        rest = s_from[end:]
        h = rest.lstrip()
        lead = len(rest) - len(h)
        tok2 = _item_token(h) if h[:1] == "(" else None
        if tok2 is not None and tok2[1] != cls and paren != "d" and len(h) > tok2[3] + 1:
            cut = start + end + lead
            b.p.text_end = _rstrip_end(self.text, b.p.text_start, cut)
            b.lines += 1
            self.open_item(i, tok2, cut, h)
            return
        self.extend(b, i, b.p.text_start)
        # "(a) In General ." followed by a body paragraph: a heading
        if (
            h
            and len(h) < 120
            and h[-1] not in ",;:"
            and len(h.split()) <= 10
            and heading_like(h.rstrip(" ."), 10)
        ):
            j = self._next_nonblank(i)
            if (
                j < self.n
                and self.cls[j].t == "plain"
                and (self.L.s[j][0].isupper() or self.L.s[j][0] in _OPEN_Q)
            ):
                b.p.heading = re.sub(r"\s*\.$", "", h).strip()

    def resolve_class(self, paren: str, cls: str, val: str) -> str:
        """Letter or roman numeral? ``(i)`` after ``(h)`` is a letter; after ``(a)`` or alone a numeral.
        A Latin ``e)`` typed in a Cyrillic list ``а) б) ... д)`` continues that list (and vice versa)."""
        if cls == "cyr":
            self.cyr_seen = True
            if val in _CYR2LAT and self._continues(f"{paren}-low", "low", _CYR2LAT[val]):
                return "low"
            return "cyr"
        if (
            cls == "low"
            and self.cyr_seen
            and val in _LAT2CYR
            and self._continues(f"{paren}-cyr", "cyr", _LAT2CYR[val])
        ):
            return "cyr"
        if cls == "low":
            if len(val) > 1:
                return "rom" if _ROMAN.match(val) else "low"
            if val not in "ivx":
                return "low"
            rom, let = "rom", "low"
        elif cls == "up":
            if len(val) > 1:
                return "ROM"
            if val not in "IVX":
                return "up"
            rom, let = "ROM", "up"
        else:
            return cls
        rom_style, let_style = f"{paren}-{rom}", f"{paren}-{let}"
        for b in reversed(self.stack):
            last = b.last.get(rom_style)
            if last is not None and _is_successor(last, rom, val):
                return rom
            last = b.last.get(let_style)
            if last is not None and _is_successor(last, let, val):
                return let
            if b.p.kind in STRUCT_LEVEL:
                break
        return rom if val.lower() == "i" else let

    def _continues(self, style: str, cls: str, val: str) -> bool:
        for b in reversed(self.stack):
            last = b.last.get(style)
            if last is not None:
                return _is_successor(last, cls, val)
            if b.p.kind in STRUCT_LEVEL:
                break
        return False

    def find_parent(self, style: str, ordv, first: bool) -> int:
        """Index in the stack of the node the new item belongs to."""
        for idx in range(len(self.stack) - 1, -1, -1):
            b = self.stack[idx]
            last = b.last.get(style)
            if last is not None:
                if style in ("def", "bullet") or not first or not (last.ordv and last.ordv > 1):
                    return idx
                return len(self.stack) - 1  # a list that starts again: nested in the current item
            if b.p.kind in STRUCT_LEVEL:
                break
        return len(self.stack) - 1

    def open_note(self, i: int, c: _C) -> None:
        self.close_text()
        self.flush_pending()
        # notes belong to the article (or to whatever holds the text when there is none)
        while len(self.stack) > 1 and self.top().p.kind not in STRUCT_LEVEL:
            self.stack.pop()
        parent = self.top()
        if c.kw == "explanation":
            local = "para_explanation" + (f"-{eid_token(c.val)}" if c.val else "")
        else:
            local = "para_note"
        b = self.new_node(parent, "paragraph", local, self.L.start[i], c.num, style="note", is_item=True)
        self.stack.append(b)
        h = c.after.lstrip()
        lead = len(c.after) - len(h)
        tok = _item_token(h) if h else None
        if tok is None and h[:1].isdigit():
            m = re.match(r"(\d{1,3})\.\s", h)
            if m:
                tok = ("d", "num", m.group(1), len(m.group(1)) + 1)
        if tok is not None:
            cut = self.L.start[i] + c.aoff + lead
            b.p.text_end = _rstrip_end(self.text, b.p.text_start, cut)
            b.lines += 1
            self.open_item(i, tok, cut, h)
            return
        self.extend(b, i, b.p.text_start)

    def open_def(self, i: int, c: _C) -> None:
        self.close_text()
        self.flush_pending()
        idx = self.find_parent("def", None, False)
        del self.stack[idx + 1 :]
        parent = self.top()
        local = f"def_{_slug(c.term) or 'x'}"
        b = self.new_node(parent, "point", local, self.L.start[i], "", style="def", is_item=True)
        self.stack.append(b)
        self.extend(b, i, b.p.text_start)

    def open_bullet(self, i: int, c: _C) -> None:
        self.close_text()
        self.flush_pending()
        idx = self.find_parent("bullet", None, False)
        del self.stack[idx + 1 :]
        parent = self.top()
        k = 1 + sum(
            1 for ch in parent.p.children if ch.kind == "point" and not ch.num and ch.eid.startswith("point_")
        )
        b = self.new_node(parent, "point", f"point_{k}", self.L.start[i], "", style="bullet", is_item=True)
        self.stack.append(b)
        self.extend(b, i, b.p.text_start)

    def remark(self, i: int, reason: str) -> None:
        top = self.top()
        if top is self.root and not self.structure_seen:
            self.flush_pending()
            self.plain(i)
            return
        self.close_text()
        self.flush_pending()
        b = self.new_node(top, "text", "remark", self.L.start[i])
        b.p.operative = False
        b.p.non_operative_reason = reason
        self.extend(b, i, b.p.text_start)

    def plain(self, i: int) -> None:
        if self.pending and self.pending[0] < i:
            self.flush_pending()  # never let text overtake a waiting heading
        s = self.L.s[i]
        if self.cur_text is not None:
            self.extend(self.cur_text, i)
            return
        top = self.top()
        listed = top.is_item and top.p.kind in ("point", "subpoint") and top.style not in ("def", "bullet")
        if listed and self.is_wrapup(top, s):
            self.stack.pop()
            parent = self.top()
            b = self.new_node(parent, "text", "wrapup", self.L.start[i])
            self.extend(b, i, b.p.text_start)
            self.cur_text = b
            return
        if top.own_open:
            self.extend(top, i)
            return
        local = "preamble" if top is self.root and not self.structure_seen else "wrapup"
        b = self.new_node(top, "text", local, self.L.start[i])
        self.extend(b, i, b.p.text_start)
        self.cur_text = b

    def is_wrapup(self, top: _B, s: str) -> bool:
        c0 = s[0]
        if s.rstrip(".;,").endswith(_WRAP_END_WORDS) and not _item_token(s):
            return True
        if not (c0.islower() or c0 in "–—-"):
            return False
        if _WRAP_START.match(s):
            return not self.wrapped or top.last_line[-1:] in ",;:—–-)"
        last = top.last_line
        if last.endswith(("—", "–", " -", ":-")):
            return True
        if last.endswith(",") and top.prev_same is not None and not self.wrapped:
            prev = top.prev_same.last_line
            if prev.endswith(
                (";", "; or", "; and", " or", " and", ";or", ";and", "или", " и", "; yoki", "yoxud")
            ):
                return not s.rstrip().endswith((";", "; or", "; and", ","))
        return False

    # -- the pass --------------------------------------------------------------------------------

    def run(self) -> Provision:
        s, cls = self.L.s, self.cls
        self.skip: set[int] = set()
        i = 0
        n = self.n
        while i < n:
            if not s[i] or i in self.skip:
                i += 1
                continue
            if i in self.toc:
                end = self.toc[i]
                self.open_toc(i, end)
                i = end
                continue
            self.line(i, cls[i])
            i += 1
        self.flush_pending()
        return self.finish()

    def open_toc(self, i0: int, i1: int) -> None:
        self.close_text()
        self.flush_pending()
        top = self.top()
        b = self.new_node(top, "text", "toc", self.L.start[i0])
        b.p.operative = False
        b.p.non_operative_reason = "table of contents"
        for k in range(i0, i1):
            if self.L.s[k]:
                self.extend(b, k)

    def line(self, i: int, c: _C) -> None:
        t = c.t
        s = self.L.s[i]
        if t == "plain" or t == "defcand":
            if t == "defcand" and self.def_entry(i, c):
                self.open_def(i, c)
                return
            if t == "plain":
                if self.lost_article(i):
                    return
                if self.unquoted_def(i, s):
                    c2 = _C("defcand")
                    m = _UNQUOTED_DEF.match(s) or _DASH_DEF.match(s)
                    c2.term = m.group(1) if m else s.split()[0]
                    self.open_def(i, c2)
                    return
            if self.maybe_pending(i):
                return
            self.flush_pending()
            self.plain(i)
            return
        if t == "remark":
            self.remark(i, c.reason)
            return
        if t == "struct":
            if self.pending and not self.structure_seen:
                self.flush_pending()
            self.open_struct(i, c)
            return
        if t == "article":
            self.open_article(i, c.num, c.after, c.aoff)
            return
        if t == "bare":
            self.bare(i, c)
            return
        if t == "lone":
            j = i + 1
            if (
                not self.kw_context()
                and j < self.n
                and self.cls[j].t == "plain"
                and heading_like(s_j := self.L.s[j], 14)
                and not _prose(s_j)
            ):
                b = self.open_article(i, c.num, "", len(s), kw=False)
                if not b.p.heading:
                    b.p.heading = s_j.rstrip(".")
                    if j not in self.skip:
                        self.extend(b, j)
                        self.skip.add(j)
                return
            self.remark(i, "page number")
            return
        if t == "item":
            if c.style == "bullet":
                self.flush_pending()
                self.open_bullet(i, c)
                return
            p = self._prev_nonblank(i)
            if p == i - 1 and p >= 0 and _ends_with_reference(self.L.s[p]):
                self.flush_pending()
                self.plain(i)
                return
            self.restart_article(i, c)
            lead = c.aoff - len(c.num)
            self.open_item(i, c.tok or _item_token(s[lead:]), self.L.start[i], s, lead)
            return
        if t == "note":
            self.open_note(i, c)
            return
        self.flush_pending()
        self.plain(i)

    def restart_article(self, i: int, c: _C) -> None:
        """A heading line followed by ``(1)`` where the section already had a ``(1)``: a section whose
        number was lost."""
        if not self.pending or c.style != "p-num" or c.val != "1":
            return
        art = self.current_article()
        if self.lost or art is None or "p-num" in art.last:
            if not self.structure_seen and self.pending[0] == self.first_line:
                return
            heading_line = self.pending[-1]
            self.pending = self.pending[:-1]
            self.flush_pending()
            self.pending = [heading_line]
            self.open_unnumbered(heading_line)

    def open_unnumbered(self, i: int) -> _B:
        inferred = str(int(self.last_art_num) + 1) if self.last_art_num else str(self._count_articles() + 1)
        self.pending = [i]
        self.close_text()
        self.pop_to_level(4)
        parent = self.top()
        b = self.new_node(parent, "article", f"art_{inferred}", self.L.start[i], "", "")
        self.take_pending(b)
        b.p.text_end = self.L.end[i]
        b.last_line = self.L.s[i]
        self.stack.append(b)
        self.structure_seen = True
        self.last_art_num = float(inferred)
        return b

    def _count_articles(self) -> int:
        return sum(1 for p in self.root.p.walk() if p.kind == "article")

    def lost_article(self, i: int) -> bool:
        """In a text whose section numbers were lost (OCR), a short heading line starts a section."""
        if not self.lost:
            return False
        s = self.L.s[i]
        if i == self.first_line:
            return False
        m = re.match(r"([A-Z][A-Za-z ,'’-]{2,70}?)\s+\((1)\)\s+\S", s)
        if m and _lost_heading(m.group(1)):
            self.flush_pending()
            b = self.open_unnumbered(i)
            b.p.heading = m.group(1).strip()
            cut = self.L.start[i] + m.start(2) - 1
            b.p.text_end = _rstrip_end(self.text, b.p.text_start, cut)
            s_from = s[m.start(2) - 1 :]
            self.open_item(i, _item_token(s_from), cut, s_from)
            return True
        m = re.match(r"([A-Z][A-Za-z ,'’-]{2,70}?)\s+[-–—]\s+([A-Z].*)$", s)
        if m and _lost_heading(m.group(1)):
            self.flush_pending()
            b = self.open_unnumbered(i)
            b.p.heading = m.group(1).strip()
            return True
        if not _lost_heading(s):
            return False
        p = self._prev_nonblank(i)
        if p == i - 1 and p >= 0:
            return False
        j = self._next_nonblank(i)
        if j >= self.n:
            return False
        cj = self.cls[j]
        ok = (cj.t == "item" and cj.style == "p-num" and cj.val == "1") or (
            cj.t == "plain" and _prose(self.L.s[j]) and self.L.s[j][0].isupper()
        )
        if not ok:
            return False
        self.flush_pending()
        b = self.open_unnumbered(i)
        b.p.heading = s.rstrip(":").strip()
        return True

    def unquoted_def(self, i: int, s: str) -> bool:
        """``debt bondage means ...`` / ``вербовка - наем ...`` inside a definitions list."""
        c0 = s[0]
        if not c0.islower():
            return False
        m = _UNQUOTED_DEF.match(s) or _DASH_DEF.match(s)
        if not m or m.group(1).split()[0].lower() in _FUNCTION_WORDS:
            return False
        p = self._prev_nonblank(i)
        if p >= 0:
            prev = self.L.s[p]
            if (
                prev[-1:] not in ".;:—–-,"
                and not _DEF_INTRO.search(prev[-120:])
                and self.cls[p].t != "article"
            ):
                return False
        return self.in_def_context()

    def in_def_context(self) -> bool:
        for b in reversed(self.stack):
            if "def" in b.last:
                return True
            if b.p.kind in ("article", "part", "chapter", "division", "document"):
                if b.p.heading and _DEF_CONTEXT.search(b.p.heading):
                    return True
                break
        top = self.top()
        return bool(top.own_open and top.last_line and _DEF_INTRO.search(top.last_line[-120:]))

    def def_entry(self, i: int, c: _C) -> bool:
        if c.val == "verb":
            return True
        s = self.L.s[i]
        if s.rstrip().endswith((",", "an", "the", "a")) or len(s) < 80:
            j = i + 1
            if j < self.n and self.L.s[j] and _DEF_VERB.search(self.L.s[j][:120]):
                return True
        return False

    def maybe_pending(self, i: int) -> bool:
        """A cross-heading or marginal note: keep it for the provision that follows."""
        s = self.L.s[i]
        if i == self.first_line or not heading_like(s, 20):
            return False
        top = self.top()
        if top.p.kind == "article" and top.lines <= 0 and not top.p.children:
            return False  # the first line under a heading is its body, not the next provision's heading
        p = self._prev_nonblank(i)
        if p >= 0 and p == i - 1 and not self.pending:
            prev = self.L.s[p]
            if prev[-1:] not in ".;:)]" and self.cls[p].t not in (
                "struct",
                "article",
                "remark",
                "bare",
                "lone",
            ):
                return False
        j = self._next_nonblank(i)
        if j >= self.n:
            return False
        cj = self.cls[j]
        words = len(s.split())
        target = self.starts_provision(j)
        if target is None:
            # two heading lines in a row before a provision ("Cross-heading" / "Marginal note"), or a
            # marginal note that runs onto a second line
            sj = self.L.s[j]
            if cj.t == "plain" and not self.pending:
                k = self._next_nonblank(j)
                if k < self.n and self.starts_provision(k) == "article":
                    if heading_like(sj, 20):
                        self.pending.append(i)
                        return True
                    if j == i + 1 and sj[0].islower() and len(sj.split()) <= 8 and sj[-1] not in ",;:":
                        self.pending.extend((i, j))
                        self.skip.add(j)
                        return True
            return False
        if target == "item" and (words > 12 or s.endswith(".") and words > 6):
            return False
        if target in ("struct",) and not self.structure_seen:
            return False
        if not self.structure_seen and target != "article":
            return False
        self.pending.append(i)
        return True

    def starts_provision(self, j: int) -> str | None:
        c = self.cls[j]
        if c.t == "struct":
            return "struct"
        if c.t == "article":
            return "article"
        if c.t == "bare":
            if self.kw_context() and not _strong_decimal(c.num):
                h = _heading_text(c.after)
                return "article" if h.startswith("(") else ("item" if c.dot else None)
            if _YEAR.match(c.num) and not c.dot and int(_num_value(c.num)) != int(self.last_art_num) + 1:
                return None
            a = c.after.lstrip()
            if a[:1].isupper() or a[:1] in "(“\"'«" or not a:
                return "article"
            return None
        if c.t == "lone":
            k = j + 1
            ok = (
                k < self.n
                and self.cls[k].t == "plain"
                and heading_like(self.L.s[k], 14)
                and not _prose(self.L.s[k])
            )
            return "article" if ok and not self.kw_context() else None
        if c.t == "item" and c.style == "p-num":
            return "item"
        return None

    def bare(self, i: int, c: _C) -> None:
        s = self.L.s[i]
        num = c.num
        after = c.after
        h = _heading_text(after)
        art = self.current_article()
        # "1. Interpretation." followed by "1.— In this Act—": the same section, its body
        if art is not None and art.p.num.rstrip(".") == num and art.lines <= 0 and not art.p.children:
            self.flush_pending()
            if h.startswith("("):
                tok = _item_token(h)
                if tok is not None and tok[1] == "num":
                    lead = len(after) - len(h)
                    cut = self.L.start[i] + c.aoff + lead
                    self.extend(art, i)
                    art.p.text_end = _rstrip_end(self.text, art.p.text_start, cut)
                    self.open_item(i, tok, cut, h)
                    return
            self.extend(art, i)
            return
        is_art = self.bare_is_article(c, art, h)
        if is_art:
            self.open_article(i, num, after, c.aoff, kw=False, dot=c.dot)
            return
        if c.dot:
            # "1." paragraphs share the list machinery with "(1)"
            self.open_item(i, ("d", "num", num, len(num) + 1), self.L.start[i], s)
            return
        self.flush_pending()
        self.plain(i)

    def bare_is_article(self, c: _C, art: _B | None, h: str) -> bool:
        num = c.num
        if h.startswith("("):
            tok = _item_token(h)
            if tok is not None and tok[1] == "num" and tok[2] in ("1", "1A"):
                return True
        if self.kw_context():
            return _strong_decimal(num) and heading_like(h, 20)
        if (
            _YEAR.match(num)
            and not c.dot
            and not (self.last_art_num and int(_num_value(num)) == int(self.last_art_num) + 1)
        ):
            return False  # "2015 CHAPTER 30", not section 2015 (unless it follows section 2014)
        a0 = h[:1]
        if not a0 or not (a0.isupper() or a0 in "(“\"'«‘"):
            return False
        if h.startswith(("CHAPTER", "PART", "Chapter", "Part")):
            return False
        v = _num_value(num)
        if self.pending:
            return True
        if art is not None:
            dot_last = None
            for b in reversed(self.stack):
                if "dot-num" in b.last:
                    dot_last = b.last["dot-num"]
                    break
                if b is art:
                    break
            if c.dot and dot_last is not None and dot_last.ordv is not None and v - dot_last.ordv <= 1:
                return False
            av = _num_value(art.p.num) if art.p.num else self.last_art_num
            if av and v < av and not (art.lines <= 0 and not art.p.children and heading_like(h, 15)):
                return False  # (a heading-only section followed by "1. Heading": a table of contents ended)
            if heading_like(h, 15):
                return True
            return bool(av) and int(v) == int(av) + 1
        top = self.top()
        if top.is_item:
            return heading_like(h, 15) and v > 1
        return c.dot or heading_like(h, 15)

    # -- finishing -------------------------------------------------------------------------------

    def finish(self) -> Provision:
        root = self.root.p
        text = self.text
        # text before the first provision
        if root.text_end > root.text_start:
            has_structure = any(p.kind in ("part", "chapter", "division", "article") for p in root.walk())
            local = "preamble" if has_structure else ("body" if not root.children else "intro")
            node = Provision(eid=local, kind="text", start=root.text_start, end=root.text_end,
                             text_start=root.text_start, text_end=root.text_end, parent=root)  # fmt: skip
            root.children.insert(0, node)
            root.text_start = root.text_end = 0
        else:
            root.text_start = root.text_end = 0
        if not any(p.kind in ("part", "chapter", "division", "article") for p in root.walk()):
            for ch in root.children:
                if ch.kind == "text" and ch.eid == "preamble":
                    ch.eid = "intro"
        _merge_toc_runs(root, text)
        _fix_offsets(root, text)
        _assign_eids(root)
        return root


def _article_heading(h: str) -> bool:
    """Is the text after an article number its heading (not the first sentence of its body)?"""
    if len(h) > 250 or h.endswith((":", ";", ",")):
        return False
    words = h.split()
    if len(words) > 30:
        return False
    lowered = {w.strip(".,:;()").lower() for w in words}
    if lowered & {"shall", "hereby", "is", "are", "means", "may", "must"}:
        return False
    return h[:1] not in _OPEN_Q


def _lost_heading(s: str) -> bool:
    s = s.strip()
    if not s or not s[0].isupper() or _all_caps(s) or re.search(r"\d", s):
        return False
    if s[-1] in ".;,—–-" or ";" in s:
        return False
    words = s.split()
    if len(words) > 8:
        return False
    lowered = {w.strip(".,:;()").lower() for w in words}
    return not lowered & _SENTENCE_WORDS


def _strong_decimal(num: str) -> bool:
    m = re.match(r"(\d+)\.(\d+)", num)
    return bool(m) and len(m.group(1)) >= 3


def _rstrip_end(text: str, lo: int, end: int) -> int:
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def _merge_toc_runs(root: Provision, text: str) -> None:
    """Three or more heading-only sections in a row, repeated later as real sections: a table of contents."""
    kids = root.children
    first_body = None
    for idx, ch in enumerate(kids):
        if ch.kind == "article" and (ch.children or "\n" in text[ch.text_start : ch.text_end].strip()):
            first_body = idx
            break
    if first_body is None:
        return
    run: list[int] = []
    for idx in range(first_body):
        ch = kids[idx]
        if ch.kind == "article" and not ch.children and "\n" not in text[ch.text_start : ch.text_end]:
            run.append(idx)
        else:
            run = [] if len(run) < 3 else run
            if len(run) >= 3:
                break
    if len(run) < 3:
        return
    later = {ch.num for ch in kids[run[-1] + 1 :] if ch.kind == "article"}
    if kids[run[0]].num not in later:
        return
    a, b = kids[run[0]], kids[run[-1]]
    node = Provision(eid="toc", kind="text", start=a.start, end=b.end, text_start=a.text_start,
                     text_end=b.text_end, operative=False, non_operative_reason="table of contents",
                     parent=root)  # fmt: skip
    root.children[run[0] : run[-1] + 1] = [node]


def _fix_offsets(root: Provision, text: str) -> None:
    def fix(node: Provision) -> None:
        for ch in node.children:
            fix(ch)
        if node.kind == "document":
            node.start, node.end = 0, len(text)
            node.text = ""
            return
        node.text = text[node.text_start : node.text_end]
        start = node.text_start
        end = node.text_end
        if node.children:
            start = (
                min(start, node.children[0].start)
                if node.text_end > node.text_start
                else node.children[0].start
            )
            end = max(end, node.children[-1].end)
        node.start, node.end = start, end

    fix(root)


def _assign_eids(root: Provision) -> None:
    used: set[str] = set()
    next_suffix: dict[str, int] = {}

    def visit(node: Provision, prefix: str, in_sched: bool) -> None:
        for ch in node.children:
            local = ch.eid
            if ch.kind == "article" and not in_sched or ch.kind == "part" or not prefix:
                eid = local
            else:
                eid = f"{prefix}__{local}"
            if eid in used:
                base = eid
                k = next_suffix.get(base, 2)
                while f"{base}_{k}" in used:
                    k += 1
                eid = f"{base}_{k}"
                next_suffix[base] = k + 1
            used.add(eid)
            ch.eid = eid
            visit(ch, eid, in_sched or local.startswith("sched"))

    visit(root, "", False)


@contextmanager
def no_gc():
    """Build big trees without the cyclic garbage collector re-scanning them (parents point to children
    and back): up to 40% of the time on a 40 MB text. Restores the previous state."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse_structure(text: str) -> Provision:
    """The provision tree of ``text`` (root of kind ``document``)."""
    with no_gc():
        return _Builder(text).run()
