"""List labels and numbers: ``(a)``, ``1)``, ``(iv)``, Cyrillic letters, and the order they run in.

A label has a *style* (its brackets and its class: number, letter, roman numeral, Cyrillic letter) and an
*ordinal*; the tree builder nests items by style and uses ordinals to tell a next item from a new list.
"""

from __future__ import annotations

import re

from .cues import CYR_LOWER, CYR_SEQ, TRANSLIT_ORDER

# (paren-style, class, value, end): paren "p" for "(a)", "c" for "a)", "d" for "1."
ItemToken = tuple[str, str, str, int]

# A list label at the start of a line: (1) (a) (A) (iv) 1) a) A) and Cyrillic letters in both styles.
ITEM = re.compile(
    r"(?:\((?P<pnum>\d{1,3}[A-Za-z]{0,2}(?:\.\d{1,3})?)\)"
    r"|\((?P<plow>[a-z]{1,4})\)"
    r"|\((?P<pup>[A-Z]{1,4})\)"
    rf"|\((?P<pcyr>[{CYR_LOWER}])\)"
    r"|(?P<cnum>\d{1,3})\)"
    r"|(?P<clow>[a-z]{1,4})\)"
    rf"|(?P<ccyr>[{CYR_LOWER}])\)"
    r"|(?P<cup>[A-Z])\)"
    r")(?=\s|$|[—–-])"
)
ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")
"""A lower-case roman numeral up to 39 (i, iv, xii)."""
ROMAN_UP = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
"""An upper-case roman numeral up to 39 (I, IV, XII)."""
YEAR = re.compile(r"(?:18|19|20)\d\d$")
"""A bare number that is a year ("2015 CHAPTER 30"), not a section."""
_NUM_VALUE = re.compile(r"\d+(?:\.\d+)?")


def item_token(s: str, pos: int = 0) -> ItemToken | None:
    """(paren-style, class, value, end) of a list label at ``pos``, or None."""
    m = ITEM.match(s, pos)
    if not m:
        return None
    g = m.lastgroup
    v = m.group(g)
    if g in ("plow", "clow"):
        paren = "p" if g == "plow" else "c"
        if len(v) == 1 or ROMAN.match(v):
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
        if len(v) > 1 and not ROMAN_UP.match(v):
            if len(set(v)) == 1:
                return paren, "DBL", v, m.end()
            return None
        return paren, "up", v, m.end()
    if g in ("pnum", "cnum"):
        return ("p" if g == "pnum" else "c"), "num", v, m.end()
    return ("p" if g == "pcyr" else "c"), "cyr", v, m.end()


def roman_value(s: str) -> int:
    """``"iv"`` -> 4."""
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


def num_value(num: str) -> float:
    """``"12"`` -> 12.0, ``"4.11"`` -> 4.11, ``"12A"`` -> 12.5 (an inserted section sorts after 12)."""
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


def ord_info(style: str, val: str) -> tuple[float, bool]:
    """(ordinal, is_first) of a list label for sibling / restart decisions."""
    cls = style.split("-", 1)[-1]
    if cls == "num":
        v = num_value(val)
        return v, v == 1
    if cls in ("rom", "ROM"):
        r = roman_value(val)
        return r, r == 1
    if cls in ("low", "up", "dbl", "DBL"):
        ch = val[0].lower()
        r = ord(ch) - 96 if "a" <= ch <= "z" else 0
        return r, r == 1
    if cls == "cyr":
        i = CYR_SEQ.find(val)
        return i + 1, i == 0
    return 0, False


def is_successor(prev_num: str, style_cls: str, val: str) -> bool:
    """Does label ``val`` come right after the label ``prev_num`` in a list of class ``style_cls``?"""
    pv = prev_num.strip("()").rstrip(".)")
    if style_cls in ("low", "up"):
        a, b = pv.lower()[:1], val.lower()[:1]
        if not a or not b or len(pv) > 1 and len(set(pv)) > 1:
            return False
        if ord(b) - ord(a) == 1:
            return True
        ta, tb = TRANSLIT_ORDER.get(a), TRANSLIT_ORDER.get(b)
        return bool(ta and tb and tb - ta == 1)
    if style_cls in ("rom", "ROM"):
        return roman_value(val) - roman_value(pv) == 1
    if style_cls == "cyr":
        a, b = CYR_SEQ.find(pv[:1]), CYR_SEQ.find(val[:1])
        return a >= 0 and b - a == 1
    return False
