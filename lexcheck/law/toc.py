"""Tables of contents: found while reading (a title such as ``ARRANGEMENT OF SECTIONS``) or after the
tree is built (a run of heading-only sections repeated later as real sections).

Either way the lines become one ``text`` node (eid ``toc``) that is not operative.
"""

from __future__ import annotations

from .cues import TOC_TITLE
from .lines import LineClass, Lines
from .model import Provision
from .shapes import all_caps, heading_like, heading_text, prose


def find_toc(lines: Lines, cls: list[LineClass]) -> dict[int, int]:
    """{first line: line after the end} of the table of contents near the start of the text, if any."""
    out: dict[int, int] = {}
    n = len(lines.s)
    limit = min(n, max(3000, n // 3))
    s = lines.s
    for i in range(limit):
        if s[i] and TOC_TITLE.match(s[i]) and len(s[i]) < 2000:
            out[i] = _toc_end(lines, cls, i)
            break
    return out


def _toc_end(lines: Lines, cls: list[LineClass], i0: int) -> int:
    """The table ends at running text, at an item, or where a number repeats (the body begins)."""
    s = lines.s
    n = len(s)
    seen: set[tuple[str, str]] = set()
    j = i0 + 1
    while j < n:
        if not s[j]:
            j += 1
            continue
        c = cls[j]
        if c.t in ("struct", "article", "bare", "lone"):
            kind = c.kind if c.t == "struct" else "article"
            key = (kind, c.num.lower().rstrip("."))
            if key in seen:
                return _toc_backup(lines, cls, j, i0)
            seen.add(key)
            if kind == "article":
                nxt = lines.next_nonblank(j)
                long_after = len(c.after.split()) > 12 or heading_text(c.after).startswith("(")
                if long_after or (nxt < n and cls[nxt].t == "item" and cls[nxt].style == "p-num"):
                    return _toc_backup(lines, cls, j, i0)
        elif c.t == "plain":
            if prose(s[j]) and not all_caps(s[j]):
                return j
        elif c.t in ("item", "defcand", "note"):
            return j
        j += 1
    return n


def _toc_backup(lines: Lines, cls: list[LineClass], j: int, i0: int) -> int:
    """Up to two heading lines before the first real provision belong to it, not to the table."""
    k = j
    for _ in range(2):
        p = lines.prev_nonblank(k)
        if p <= i0 or cls[p].t != "plain" or not heading_like(lines.s[p], 20):
            break
        k = p
    return k


def merge_toc_runs(root: Provision, text: str) -> None:
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
