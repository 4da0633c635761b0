"""List items, notes, definitions lists and bullets: where each new item goes in the tree.

Items nest by their *style*: an item whose style (``(a)``, ``1)``, ``(i)``, a Cyrillic letter) is already
open becomes its sibling, a new style opens a nested list. Ambiguous labels are settled by their
neighbours: ``(i)`` after ``(h)`` is a letter, after ``(a)`` a roman numeral; ``v)`` after ``b)`` is the
Cyrillic-order letter "ve" of a transliterated list.
"""

from __future__ import annotations

import re

from .building import STRUCT_LEVEL, TreeState
from .cues import (
    CYR2LAT,
    DASH_DEF,
    DEF_CONTEXT,
    DEF_INTRO,
    DEF_VERB,
    FUNCTION_WORDS,
    LAT2CYR,
    UNQUOTED_DEF,
)
from .eids import eid_token, slug
from .labels import ROMAN, is_successor, item_token, num_value, ord_info
from .lines import LineClass
from .shapes import (
    OPEN_Q,
    heading_like,
    rstrip_end,
)


class Lists(TreeState):
    """Where list items, notes, definitions and bullets go: the builder's decisions on lists."""

    def open_item(self, i: int, tok, start: int, s_from: str, lead: int = 0) -> None:
        """A list label ``tok`` at ``s_from[lead:]``; the item's text starts at offset ``start`` (which is
        where ``s_from`` starts: a bullet ``- (a)`` stays in the item's text)."""
        paren, cls, val, end = tok
        end += lead
        self.cur_text = None
        if cls == "num":
            style_cls = "num"
            style = "dot-num" if paren == "d" else f"{paren}-num"
            ordv = float(val) if val.isdigit() else num_value(val)
            first = ordv == 1
        else:
            style_cls = self.resolve_class(paren, cls, val)
            style = f"{paren}-{style_cls}"
            oval = LAT2CYR.get(val, val) if style_cls == "cyr" and cls == "low" else val
            if style_cls == "low" and cls == "cyr":
                oval = CYR2LAT.get(val, val)
            ordv, first = ord_info(style, oval)
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
        tok2 = item_token(h) if h[:1] == "(" else None
        if tok2 is not None and tok2[1] != cls and paren != "d" and len(h) > tok2[3] + 1:
            cut = start + end + lead
            b.p.text_end = rstrip_end(self.text, b.p.text_start, cut)
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
            j = self.L.next_nonblank(i)
            if (
                j < self.n
                and self.cls[j].t == "plain"
                and (self.L.s[j][0].isupper() or self.L.s[j][0] in OPEN_Q)
            ):
                b.p.heading = re.sub(r"\s*\.$", "", h).strip()

    def resolve_class(self, paren: str, cls: str, val: str) -> str:
        """Letter or roman numeral? ``(i)`` after ``(h)`` is a letter; after ``(a)`` or alone a numeral.
        A Latin ``e)`` typed in a Cyrillic list (a) b) ... d) in Cyrillic letters) continues that list (and vice versa)."""
        if cls == "cyr":
            self.cyr_seen = True
            if val in CYR2LAT and self._continues(f"{paren}-low", "low", CYR2LAT[val]):
                return "low"
            return "cyr"
        if (
            cls == "low"
            and self.cyr_seen
            and val in LAT2CYR
            and self._continues(f"{paren}-cyr", "cyr", LAT2CYR[val])
        ):
            return "cyr"
        if cls == "low":
            if len(val) > 1:
                return "rom" if ROMAN.match(val) else "low"
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
            if last is not None and is_successor(last.p.num, rom, val):
                return rom
            last = b.last.get(let_style)
            if last is not None and is_successor(last.p.num, let, val):
                return let
            if b.p.kind in STRUCT_LEVEL:
                break
        return rom if val.lower() == "i" else let

    def _continues(self, style: str, cls: str, val: str) -> bool:
        for b in reversed(self.stack):
            last = b.last.get(style)
            if last is not None:
                return is_successor(last.p.num, cls, val)
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

    def open_note(self, i: int, c: LineClass) -> None:
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
        tok = item_token(h) if h else None
        if tok is None and h[:1].isdigit():
            m = re.match(r"(\d{1,3})\.\s", h)
            if m:
                tok = ("d", "num", m.group(1), len(m.group(1)) + 1)
        if tok is not None:
            cut = self.L.start[i] + c.aoff + lead
            b.p.text_end = rstrip_end(self.text, b.p.text_start, cut)
            b.lines += 1
            self.open_item(i, tok, cut, h)
            return
        self.extend(b, i, b.p.text_start)

    def open_def(self, i: int, c: LineClass) -> None:
        """A definition of a definitions list (``"child" means ...``): eid ``def_<term>``."""
        self._open_unlabelled(i, "def", f"def_{slug(c.term) or 'x'}")

    def open_bullet(self, i: int, c: LineClass) -> None:
        """An unnumbered bullet (``- ...``): eids ``point_1``, ``point_2`` ... in order."""
        self._open_unlabelled(i, "bullet", "")

    def _open_unlabelled(self, i: int, style: str, local: str) -> None:
        self.close_text()
        self.flush_pending()
        idx = self.find_parent(style, None, False)
        del self.stack[idx + 1 :]
        parent = self.top()
        if not local:
            k = 1 + sum(
                1
                for ch in parent.p.children
                if ch.kind == "point" and not ch.num and ch.eid.startswith("point_")
            )
            local = f"point_{k}"
        b = self.new_node(parent, "point", local, self.L.start[i], "", style=style, is_item=True)
        self.stack.append(b)
        self.extend(b, i, b.p.text_start)

    def unquoted_def(self, i: int, s: str) -> bool:
        """``debt bondage means ...`` / Russian ``verbovka - naem ...`` inside a definitions list."""
        c0 = s[0]
        if not c0.islower():
            return False
        m = UNQUOTED_DEF.match(s) or DASH_DEF.match(s)
        if not m or m.group(1).split()[0].lower() in FUNCTION_WORDS:
            return False
        p = self.L.prev_nonblank(i)
        if p >= 0:
            prev = self.L.s[p]
            if (
                prev[-1:] not in ".;:—–-,"
                and not DEF_INTRO.search(prev[-120:])
                and self.cls[p].t != "article"
            ):
                return False
        return self.in_def_context()

    def in_def_context(self) -> bool:
        for b in reversed(self.stack):
            if "def" in b.last:
                return True
            if b.p.kind in ("article", "part", "chapter", "division", "document"):
                if b.p.heading and DEF_CONTEXT.search(b.p.heading):
                    return True
                break
        top = self.top()
        return bool(top.own_open and top.last_line and DEF_INTRO.search(top.last_line[-120:]))

    def def_entry(self, i: int, c: LineClass) -> bool:
        if c.val == "verb":
            return True
        s = self.L.s[i]
        if s.rstrip().endswith((",", "an", "the", "a")) or len(s) < 80:
            j = i + 1
            if j < self.n and self.L.s[j] and DEF_VERB.search(self.L.s[j][:120]):
                return True
        return False
