"""One line of a national text, classified before context decides what it is.

:func:`classify` looks at a stripped line alone (a few regular expressions, cheapest first) and says what it
could be: an article or section heading (``Article 5``, ``5-bap``, ``Sec. 3``), a part/chapter/division/
schedule heading, a bare number (``12.``, ``279.01``), a list item (``(a)``, ``1)``, a Cyrillic letter), a
note or explanation, a quoted definition, an editorial remark, or plain text. The words come from
:mod:`.cues`; :mod:`.tree` decides with the neighbouring lines.
"""

from __future__ import annotations

import re

from .cues import (
    AMEND,
    ARTICLE_STARTS,
    CHAPTER,
    CHAPTER_PRE,
    DEF_VERB,
    DIVISION,
    EDITORIAL,
    EDITORIAL_NOTE_WORD,
    EXPL,
    FOOTNOTE,
    GAZETTE,
    KW_ART,
    LAW_WORDS,
    NOTE,
    PART,
    PART_PRE,
    SCHEDULE,
    SUFFIX_ART,
)
from .labels import ItemToken, item_token
from .shapes import OPEN_Q, after_ok

# a number with nothing before it: "12. Definitions", "279.01 Trafficking", "5 Offences"
_BARE = re.compile(
    r"(?P<num>\d{1,5}[A-Z]{0,3}(?:\.\d{1,3}[A-Z]{0,2})*)(?P<dot>\.)?"
    r"(?P<sep>(?(dot)\s*[—–-]*\s*|\s+))(?P<after>.*)$"
)
# a number alone on its line: a section number above its heading, or a page number
_LONE_NUM = re.compile(r"\d{1,4}[A-Z]?\.?$")
# bullets and Markdown headings: the line's content starts after them
_BULLET = re.compile(r"[-*•·▪◦]\s+")
_MD_HEAD = re.compile(r"#{1,6}\s+")
# a whole line in [brackets] or (parentheses): editorial matter or amendment history
_BRACKET_LINE = re.compile(r"\[[^\[\]]*\][.;]?$")
_PAREN_LINE = re.compile(r"\((?:[^()]|\([^()]*\))*\)[.;]?$")


class LineClass:
    """What one line looks like, before context decides what it is.

    ``t`` is the class (plain, blank, article, struct, bare, lone, item, note, defcand, remark); ``num`` the
    label as written, ``after`` the text after it (from offset ``aoff``), ``style``/``val`` a list label's
    style and value, ``kind`` a structural unit's kind, ``reason`` why a remark is not law, ``term`` a
    quoted term, ``tok`` the item token."""

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
        self.tok: ItemToken | None = None


PLAIN = LineClass("plain")
BLANK = LineClass("blank")


def classify(s: str) -> LineClass:
    """Classify one stripped, non-empty line."""
    c0 = s[0]
    if c0 == "#":
        m = _MD_HEAD.match(s)
        if m:
            inner = classify(s[m.end() :]) if len(s) > m.end() else PLAIN
            return _shift(inner, m.end())
    if c0 == "*" and s.startswith("**"):
        inner = s.strip("*").strip()
        if inner and inner != s:
            off = s.index(inner[0])
            r = classify(s[off:])
            if r.t != "plain":
                return _shift(r, off)
    if c0 in "-*•·▪◦":
        m = _BULLET.match(s)
        if m and m.end() < len(s):
            inner = classify(s[m.end() :])
            if inner.t == "item":
                return _shift(inner, m.end())
            if inner.t in ("remark",):
                return inner
            c = LineClass("item")
            c.style, c.val, c.aoff, c.after = "bullet", "", m.end(), s[m.end() :]
            return c
    if c0 == "[" and _BRACKET_LINE.match(s):
        c = LineClass("remark")
        c.reason = "amendment history" if AMEND.search(s) or "History" in s else "editorial note"
        return c
    if c0 == "(":
        if len(s) > 8 and _PAREN_LINE.match(s) and AMEND.search(s):
            c = LineClass("remark")
            c.reason = "amendment history"
            return c
        t = item_token(s)
        if t is not None:
            return _item(s, t)
        return PLAIN
    if c0 == "§":
        return _article_kw(s)
    if c0.isdigit():
        return _digit_line(s)
    if c0 in OPEN_Q:
        return _quoted_def(s)
    if c0.isalpha():
        if c0.isupper():
            r = _upper_line(s)
            if r is not None:
                return r
        t = item_token(s)
        if t is not None:
            return _item(s, t)
    return PLAIN


def _shift(c: LineClass, off: int) -> LineClass:
    if c.t in ("plain", "blank"):
        return c
    c.aoff += off
    return c


def _item(s: str, tok: ItemToken) -> LineClass:
    paren, cls, val, end = tok
    c = LineClass("item")
    c.style = f"{paren}-{cls}"
    c.val = val
    c.num = s[:end]
    c.aoff = end
    c.after = s[end:]
    c.tok = tok
    return c


def _article_kw(s: str) -> LineClass:
    m = KW_ART.match(s)
    if not m or not after_ok(m.group("after")):
        return PLAIN
    c = LineClass("article")
    c.num = m.group("num")
    c.after = m.group("after")
    c.aoff = m.start("after")
    c.kw = "kw"
    return c


def _struct(m: re.Match[str], t: str, kind: str) -> LineClass:
    c = LineClass(t)
    c.kind = kind
    c.num = m.group("num") or ""
    c.after = m.group("after")
    c.aoff = m.start("after")
    return c


def _digit_line(s: str) -> LineClass:
    m = SUFFIX_ART.match(s)
    if m and after_ok(m.group("after")):
        c = LineClass("article")
        c.num, c.after, c.aoff, c.kw = m.group("num"), m.group("after"), m.start("after"), "kw"
        return c
    for rx, kind in ((CHAPTER_PRE, "chapter"), (PART_PRE, "part")):
        m = rx.match(s)
        if m and after_ok(m.group("after")):
            return _struct(m, "struct", kind)
    t = item_token(s)
    if t is not None:
        return _item(s, t)
    if _LONE_NUM.match(s):
        c = LineClass("lone")
        c.num = s.rstrip(".")
        return c
    m = _BARE.match(s)
    if m and not (m.group("dot") and m.group("after")[:1].isdigit()):
        c = LineClass("bare")
        c.num = m.group("num")
        c.dot = bool(m.group("dot"))
        c.after = m.group("after")
        c.aoff = m.start("after")
        return c
    return PLAIN


def _upper_line(s: str) -> LineClass | None:
    c0 = s[0]
    if s.startswith(ARTICLE_STARTS):
        r = _article_kw(s)
        if r.t != "plain":
            return r
    for rx, kind in (
        (PART, "part"),
        (CHAPTER, "chapter"),
        (DIVISION, "division"),
        (SCHEDULE, "schedule"),
    ):
        m = rx.match(s)
        if m and after_ok(m.group("after")):
            after = m.group("after")
            if kind == "schedule" and after.lstrip()[:1] == "(":
                continue
            return _struct(m, "struct", kind)
    if c0 in "IVXLC":
        m = CHAPTER_PRE.match(s) or PART_PRE.match(s)
        if m and after_ok(m.group("after")):
            return _struct(m, "struct", "chapter" if CHAPTER_PRE.match(s) else "part")
    m = NOTE.match(s)
    if m:
        after = m.group("after")
        probe = re.sub(r"\([^()]*\)", " ", after)[:160]
        if FOOTNOTE.match(s) or (probe.strip() and AMEND.search(probe)):
            c = LineClass("remark")
            c.reason = "amendment history"
            return c
        editorial = (
            m.group("kw").lower().startswith(EDITORIAL_NOTE_WORD)
            and after.strip()
            and not after.lstrip()[:1].isdigit()
        )
        # "Note: ..." with running text is an editor's note unless it reads as law
        if editorial and not LAW_WORDS.search(after):
            c = LineClass("remark")
            c.reason = "editorial note"
            return c
        c = LineClass("note")
        c.kw = "note"
        c.num = s[: m.end("sep")].strip() if m.group("sep").strip() else m.group("kw")
        c.num = c.num.rstrip(".:—–- ")
        c.after = after
        c.aoff = m.start("after")
        return c
    m = EXPL.match(s)
    if m:
        c = LineClass("note")
        c.kw = "explanation"
        c.num = s[: m.end("sep")].rstrip(".:—–- ")
        c.val = (m.group("n") or "").strip("()")
        c.after = m.group("after")
        c.aoff = m.start("after")
        return c
    if FOOTNOTE.match(s) or EDITORIAL.match(s):
        c = LineClass("remark")
        c.reason = "amendment history" if FOOTNOTE.match(s) else "editorial note"
        return c
    if GAZETTE.match(s) and len(s) < 120:
        c = LineClass("remark")
        c.reason = "gazette header or footer"
        return c
    if c0 in "ICXVL":
        t = item_token(s)
        if t is not None:
            return _item(s, t)
    return None


def _quoted_def(s: str) -> LineClass:
    """``"child" means ...`` / ``‘exploitation’, in relation to ...`` at the start of a line."""
    m = re.match(r"[\"“‘'«„”]\s*([^\"“”‘’'«»„]{1,80}?)\s*[\"”’'»“]", s)
    if not m:
        return PLAIN
    term = m.group(1).strip()
    if not term or len(term.split()) > 10 or term[0] in "(0123456789" or term.endswith((".", ":")):
        return PLAIN
    rest = s[m.end() : m.end() + 200]
    c = LineClass("defcand")
    c.term = term
    c.after = rest
    c.aoff = 0
    c.val = "verb" if DEF_VERB.search(rest[:160]) or re.match(r"\s*(?:[—–-]\s|(?:is|are)\s)", rest) else ""
    return c


class Lines:
    """The lines of a text: stripped strings and the offsets of their non-blank parts."""

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

    def next_nonblank(self, i: int) -> int:
        """The first non-blank line after ``i`` (or the number of lines)."""
        s, n = self.s, len(self.s)
        j = i + 1
        while j < n and not s[j]:
            j += 1
        return j

    def prev_nonblank(self, i: int) -> int:
        """The last non-blank line before ``i`` (or -1)."""
        j = i - 1
        while j >= 0 and not self.s[j]:
            j -= 1
        return j
