"""What a line of legislation looks like: a heading, a sentence, capitals, the text after a number.

These are judgements on one string, with no context; the tree builder combines them with what comes
before and after. The words they rely on (sentence words, conjunctions) come from :mod:`.cues`.
"""

from __future__ import annotations

import re

from .cues import (
    BODY_WORDS,
    CONJ_ENDINGS,
    LEAD_PRONOUNS,
    REF_WORD,
    SENTENCE_WORDS,
    STRONG_SENTENCE_WORDS,
)

OPEN_Q = "\"“‘'«„”"
"""Characters that open a quoted term."""


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
    if last in ",;—–-(" or s.endswith(CONJ_ENDINGS):
        return False
    lowered = {w.strip(".,:;()").lower() for w in words}
    if last == ":":
        return len(words) <= 8 and not (lowered & SENTENCE_WORDS) and not s.startswith(("In ", "For "))
    if last == "." and not s.endswith(" ."):
        if words[0] in LEAD_PRONOUNS or lowered & SENTENCE_WORDS:
            return False
    elif len(words) > 6 and lowered & STRONG_SENTENCE_WORDS:
        return False
    return True


def prose(s: str) -> bool:
    """Running text rather than a title: many words, mostly lower case, or a short sentence."""
    words = s.split()
    if len(words) >= 8:
        letters = [c for c in s if c.isalpha()]
        return not letters or sum(c.islower() for c in letters) > len(letters) * 0.3
    return len(words) >= 4 and s[-1:] in ".;:" and any(c.islower() for c in s)


def all_caps(s: str) -> bool:
    """Every letter a capital (``PART II GENERAL PROVISIONS``)."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def after_ok(after: str) -> bool:
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


def heading_text(after: str) -> str:
    """The text after a number without its separator (``". — Definitions"`` -> ``Definitions``)."""
    return re.sub(r"^[\s.:)]*(?:[—–-]+\s*)?", "", after).strip()


def article_heading(h: str) -> bool:
    """Is the text after an article number its heading (not the first sentence of its body)?"""
    if len(h) > 250 or h.endswith((":", ";", ",")):
        return False
    words = h.split()
    if len(words) > 30:
        return False
    lowered = {w.strip(".,:;()").lower() for w in words}
    if lowered & BODY_WORDS:
        return False
    return h[:1] not in OPEN_Q


def lost_heading(s: str) -> bool:
    """A short title in sentence case, no digits: the heading of a section whose number was lost."""
    s = s.strip()
    if not s or not s[0].isupper() or all_caps(s) or re.search(r"\d", s):
        return False
    if s[-1] in ".;,—–-" or ";" in s:
        return False
    words = s.split()
    if len(words) > 8:
        return False
    lowered = {w.strip(".,:;()").lower() for w in words}
    return not lowered & SENTENCE_WORDS


def strong_decimal(num: str) -> bool:
    """``"279.01"``: a decimal section number of a code (three digits before the point)."""
    m = re.match(r"(\d+)\.(\d+)", num)
    return bool(m) and len(m.group(1)) >= 3


def ends_with_reference(line: str) -> bool:
    """``... under paragraph`` + ``(a) of subsection (1)`` on the next line is a cross-reference, not an item."""
    if not line or not line[-1].isalpha():
        return False
    last = line.rsplit(None, 1)[-1]
    return len(last) < 16 and bool(REF_WORD.fullmatch(last))


def rstrip_end(text: str, lo: int, end: int) -> int:
    """``end`` moved back over white space, not before ``lo``."""
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end
