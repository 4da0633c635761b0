"""Text to a tree of provisions: the builder's pass over the classified lines.

One pass over the lines (:func:`lexcheck.law.lines.classify` has said what each could be) builds the tree
with a stack of open provisions. Every non-blank character of the text ends up in exactly one provision's
*own* text: cross-headings go to the provision they precede (:mod:`.crossheadings`), text after a list
(``shall be punishable ...``) becomes a ``text`` node (eid ``wrapup``), editorial and gazette lines become
``text`` nodes (eid ``remark``), text before the first provision becomes ``preamble``.
"""

from __future__ import annotations

import re

from .building import STRUCT_LEVEL, Node
from .crossheadings import CrossHeadings
from .cues import DASH_DEF, GROUPING_STARTS, LIST_ITEM_ENDINGS, UNQUOTED_DEF, WRAP_END_WORDS, WRAP_START
from .eids import assign_eids, eid_token
from .labels import YEAR, item_token, num_value
from .lines import BLANK, LineClass, Lines, classify
from .lists import Lists
from .lost import LostNumbers
from .model import Provision
from .shapes import (
    article_heading,
    ends_with_reference,
    heading_like,
    heading_text,
    prose,
    rstrip_end,
    strong_decimal,
)
from .toc import find_toc, merge_toc_runs

# eId prefixes of the structural units
_EID_STRUCT = {"part": "part", "chapter": "chp", "division": "dvs", "article": "art"}


class Builder(CrossHeadings, Lists, LostNumbers):
    """Builds the provision tree of one text: ``Builder(text).run()``."""

    def __init__(self, text: str):
        self.text = text
        self.L = Lines(text)
        n = len(self.L.s)
        self.n = n
        self.cls: list[LineClass] = [BLANK if not s else classify(s) for s in self.L.s]
        root = Provision(eid="", kind="document", start=0, end=len(text), text_start=0, text_end=0)
        self.root = Node(root, "")
        self.stack: list[Node] = [self.root]
        self.cur_text: Node | None = None
        self.pending: list[int] = []  # line indexes of cross-headings waiting for their provision
        self.structure_seen = False
        self.first_line = next((i for i in range(n) if self.L.s[i]), 0)
        self.toc = find_toc(self.L, self.cls)
        self.lost = self._lost_mode()
        self.last_art_num = 0.0
        self.wrapped = self._hard_wrapped()
        self.cyr_seen = False

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

    def open_struct(self, i: int, c: LineClass) -> None:
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
        heading = heading_text(c.after)
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

    def open_article(
        self, i: int, num: str, after: str, aoff: int, kw: bool = True, dot: bool = False
    ) -> Node:
        self.close_text()
        if self.pending and not self.structure_seen and not self._pending_adjacent(i):
            self.flush_pending()
        self.pop_to_level(4)
        parent = self.top()
        local = f"art_{eid_token(num) or 'x'}"
        start = self.L.start[i]
        heading = ""
        rest = after
        h = heading_text(after)
        if h and not (self.pending and dot) and not (h[0] == "(" and item_token(h)):
            nxt = i + 1
            wrapped = nxt < self.n and self.L.s[nxt][:1].islower()
            ok = (
                article_heading(h)
                if kw
                else heading_like(h, 15) or article_heading(h) and len(h.split()) <= 12
            )
            if ok and not wrapped:
                heading = re.sub(r"\s*\.$", "", h)
        b = self.new_node(parent, "article", local, start, num, heading)
        b.kw = kw
        self.take_pending(b)
        self.stack.append(b)
        self.structure_seen = True
        v = num_value(num) if num else 0.0
        if v:
            self.last_art_num = v
        # chained paragraph "1. (1) ..." / "3.—(1) ..." / "Heading (1) ..."
        h = heading_text(rest)
        lead = len(rest) - len(h)
        tok = item_token(h) if h[:1] == "(" else None
        if tok is not None and tok[1] == "num":
            cut = self.L.start[i] + aoff + lead
            b.p.text_end = rstrip_end(self.text, b.p.text_start, cut)
            b.lines += 1
            self.open_item(i, tok, cut, h)
            return b
        self.extend(b, i, b.p.text_start)
        if heading or not h:
            b.lines = 0  # a heading line: the body is still to come
        if not heading and not after.strip():
            self.heading_from_next(b, i)
        return b

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

    def is_wrapup(self, top: Node, s: str) -> bool:
        c0 = s[0]
        if s.rstrip(".;,").endswith(WRAP_END_WORDS) and not item_token(s):
            return True
        if not (c0.islower() or c0 in "–—-"):
            return False
        if WRAP_START.match(s):
            return not self.wrapped or top.last_line[-1:] in ",;:—–-)"
        last = top.last_line
        if last.endswith(("—", "–", " -", ":-")):
            return True
        if last.endswith(",") and top.prev_same is not None and not self.wrapped:
            prev = top.prev_same.last_line
            if prev.endswith(LIST_ITEM_ENDINGS):
                return not s.rstrip().endswith((";", "; or", "; and", ","))
        return False

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

    def line(self, i: int, c: LineClass) -> None:
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
                    c2 = LineClass("defcand")
                    m = UNQUOTED_DEF.match(s) or DASH_DEF.match(s)
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
                and not prose(s_j)
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
            p = self.L.prev_nonblank(i)
            if p == i - 1 and p >= 0 and ends_with_reference(self.L.s[p]):
                self.flush_pending()
                self.plain(i)
                return
            self.restart_article(i, c)
            lead = c.aoff - len(c.num)
            self.open_item(i, c.tok or item_token(s[lead:]), self.L.start[i], s, lead)
            return
        if t == "note":
            self.open_note(i, c)
            return
        self.flush_pending()
        self.plain(i)

    def bare(self, i: int, c: LineClass) -> None:
        s = self.L.s[i]
        num = c.num
        after = c.after
        h = heading_text(after)
        art = self.current_article()
        # "1. Interpretation." followed by "1.— In this Act—": the same section, its body
        if art is not None and art.p.num.rstrip(".") == num and art.lines <= 0 and not art.p.children:
            self.flush_pending()
            if h.startswith("("):
                tok = item_token(h)
                if tok is not None and tok[1] == "num":
                    lead = len(after) - len(h)
                    cut = self.L.start[i] + c.aoff + lead
                    self.extend(art, i)
                    art.p.text_end = rstrip_end(self.text, art.p.text_start, cut)
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

    def bare_is_article(self, c: LineClass, art: Node | None, h: str) -> bool:
        num = c.num
        if h.startswith("("):
            tok = item_token(h)
            if tok is not None and tok[1] == "num" and tok[2] in ("1", "1A"):
                return True
        if self.kw_context():
            return strong_decimal(num) and heading_like(h, 20)
        if (
            YEAR.match(num)
            and not c.dot
            and not (self.last_art_num and int(num_value(num)) == int(self.last_art_num) + 1)
        ):
            return False  # "2015 CHAPTER 30", not section 2015 (unless it follows section 2014)
        a0 = h[:1]
        if not a0 or not (a0.isupper() or a0 in "(“\"'«‘"):
            return False
        if h.startswith(GROUPING_STARTS):
            return False
        v = num_value(num)
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
            av = num_value(art.p.num) if art.p.num else self.last_art_num
            if av and v < av and not (art.lines <= 0 and not art.p.children and heading_like(h, 15)):
                return False  # (a heading-only section followed by "1. Heading": a table of contents ended)
            if heading_like(h, 15):
                return True
            return bool(av) and int(v) == int(av) + 1
        top = self.top()
        if top.is_item:
            return heading_like(h, 15) and v > 1
        return c.dot or heading_like(h, 15)

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
        merge_toc_runs(root, text)
        _fix_offsets(root, text)
        assign_eids(root)
        return root


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
