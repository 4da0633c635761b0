"""Sections whose numbers were lost (OCR, copied web pages): a heading line starts a new section.

Such a section gets ``art_<previous number + 1>`` and an empty ``num``.
"""

from __future__ import annotations

import re

from .building import Node, TreeState
from .labels import item_token
from .lines import LineClass
from .shapes import (
    heading_like,
    lost_heading,
    prose,
    rstrip_end,
)

# "Heading (1) Text ..." and "Heading - Text ..." on one line
_HEADING_AND_PARA = re.compile(r"([A-Z][A-Za-z ,'’-]{2,70}?)\s+\((1)\)\s+\S")
_HEADING_AND_DASH = re.compile(r"([A-Z][A-Za-z ,'’-]{2,70}?)\s+[-–—]\s+([A-Z].*)$")


class LostNumbers(TreeState):
    """The builder's decisions on sections whose numbers were lost."""

    def _lost_mode(self) -> bool:
        if any(c.t in ("article",) for c in self.cls):
            return False
        bare = sum(1 for c in self.cls if c.t == "bare" and c.after[:1].isupper())
        if bare >= 2:
            return False
        s, cls = self.L.s, self.cls
        for i in range(self.n):
            if cls[i].t == "plain" and heading_like(s[i], 8):
                j = self.L.next_nonblank(i)
                if j < self.n and cls[j].t == "item" and cls[j].style == "p-num" and cls[j].val == "1":
                    return True
        return False

    def restart_article(self, i: int, c: LineClass) -> None:
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

    def open_unnumbered(self, i: int) -> Node:
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
        for rx in (_HEADING_AND_PARA, _HEADING_AND_DASH):
            m = rx.match(s)
            if m and lost_heading(m.group(1)):
                self.flush_pending()
                b = self.open_unnumbered(i)
                b.p.heading = m.group(1).strip()
                if rx is _HEADING_AND_PARA:  # "Heading (1) Text": the heading, then paragraph (1)
                    cut = self.L.start[i] + m.start(2) - 1
                    b.p.text_end = rstrip_end(self.text, b.p.text_start, cut)
                    s_from = s[m.start(2) - 1 :]
                    self.open_item(i, item_token(s_from), cut, s_from)
                return True
        if not lost_heading(s):
            return False
        p = self.L.prev_nonblank(i)
        if p == i - 1 and p >= 0:
            return False
        j = self.L.next_nonblank(i)
        if j >= self.n:
            return False
        cj = self.cls[j]
        ok = (cj.t == "item" and cj.style == "p-num" and cj.val == "1") or (
            cj.t == "plain" and prose(self.L.s[j]) and self.L.s[j][0].isupper()
        )
        if not ok:
            return False
        self.flush_pending()
        b = self.open_unnumbered(i)
        b.p.heading = s.rstrip(":").strip()
        return True
