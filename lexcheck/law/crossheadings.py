"""Cross-headings and marginal notes: heading lines kept for the provision that follows them.

A short title line before ``Section 5`` or before ``(1)`` waits in ``pending``; the next provision takes it
as the start of its own text and, if it has none, as its heading.
"""

from __future__ import annotations

import re

from .building import Node, TreeState
from .labels import YEAR, num_value
from .shapes import (
    all_caps,
    heading_like,
    heading_text,
    prose,
    strong_decimal,
)


class CrossHeadings(TreeState):
    """The builder's decisions on heading lines waiting for their provision."""

    def take_pending(self, b: Node) -> None:
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

    def _pending_adjacent(self, i: int) -> bool:
        return bool(self.pending) and self.pending[0] != self.first_line

    def maybe_pending(self, i: int) -> bool:
        """A cross-heading or marginal note: keep it for the provision that follows."""
        s = self.L.s[i]
        if i == self.first_line or not heading_like(s, 20):
            return False
        top = self.top()
        if top.p.kind == "article" and top.lines <= 0 and not top.p.children:
            return False  # the first line under a heading is its body, not the next provision's heading
        p = self.L.prev_nonblank(i)
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
        j = self.L.next_nonblank(i)
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
                k = self.L.next_nonblank(j)
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
            if self.kw_context() and not strong_decimal(c.num):
                h = heading_text(c.after)
                return "article" if h.startswith("(") else ("item" if c.dot else None)
            if YEAR.match(c.num) and not c.dot and int(num_value(c.num)) != int(self.last_art_num) + 1:
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
                and not prose(self.L.s[k])
            )
            return "article" if ok and not self.kw_context() else None
        if c.t == "item" and c.style == "p-num":
            return "item"
        return None

    def heading_from_next(self, b: Node, i: int) -> None:
        j = i + 1
        if j < self.n and self.L.s[j] and self.cls[j].t == "plain" and heading_like(self.L.s[j], 14):
            if prose(self.L.s[j]) and not all_caps(self.L.s[j]):
                return
            b.p.heading = self.L.s[j].rstrip(".:").strip()
            self.extend(b, j)
            b.lines -= 1
            self.skip.add(j)
