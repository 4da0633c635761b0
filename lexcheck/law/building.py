"""The state of a provision tree while it is being built: the stack of open provisions and their text.

:class:`TreeState` is the base of the builder (:mod:`.tree`); the reading of cross-headings
(:mod:`.crossheadings`), of lists (:mod:`.lists`) and of sections whose numbers were lost (:mod:`.lost`)
are mixins on top of it, each holding one kind of decision.
"""

from __future__ import annotations

from .lines import LineClass, Lines
from .model import Provision

# How deep each structural unit sits; list items are below articles.
STRUCT_LEVEL = {"document": 0, "part": 1, "chapter": 2, "division": 3, "article": 4}


class Node:
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

    def __init__(
        self, p: Provision, local: str, style: str = "", ordv: float | None = None, is_item: bool = False
    ):
        self.p = p
        self.style = style
        self.ordv = ordv
        self.last: dict[str, Node] = {}
        self.prev_same: Node | None = None
        self.lines = 0
        self.own_open = True
        self.last_line = ""
        self.local = local
        self.is_item = is_item
        self.kw = False


class TreeState:
    """The builder's state and the operations on its stack that every kind of decision uses.

    The mixins call each other's methods (``plain``, ``open_item``, ``take_pending`` ...): they meet in
    :class:`lexcheck.law.tree.Builder`."""

    text: str
    L: Lines
    n: int
    cls: list[LineClass]
    root: Node
    stack: list[Node]
    cur_text: Node | None
    pending: list[int]  # line indexes of cross-headings waiting for their provision
    structure_seen: bool
    first_line: int
    toc: dict[int, int]
    lost: bool
    last_art_num: float
    wrapped: bool
    cyr_seen: bool
    skip: set[int]

    def top(self) -> Node:
        return self.stack[-1]

    def current_article(self) -> Node | None:
        for b in reversed(self.stack):
            if b.p.kind == "article":
                return b
            if b.p.kind in ("part", "chapter", "division", "document"):
                return None
        return None

    def kw_context(self) -> bool:
        """Inside an article introduced by a keyword (Article, Russian "Stat'ya", §, Kazakh "1-bap" ...)?
        Its "1." lines are then parts of the article."""
        art = self.current_article()
        return art is not None and art.kw

    def new_node(self, parent: Node, kind: str, local: str, start: int, num: str = "", heading: str = "",
                 style: str = "", ordv: float | None = None, is_item: bool = False) -> Node:  # fmt: skip
        p = Provision(eid=local, kind=kind, num=num, heading=heading, start=start, end=start, text_start=start,
                      text_end=start, parent=parent.p)  # fmt: skip
        b = Node(p, local, style, ordv, is_item)
        parent.p.children.append(p)
        parent.own_open = False
        if style:
            b.prev_same = parent.last.get(style)
            parent.last[style] = b
        return b

    def extend(self, b: Node, i: int, start: int | None = None) -> None:
        """Append line ``i`` (from ``start``) to ``b``'s own text."""
        p = b.p
        if p.text_end == p.text_start and start is not None:
            p.text_start = p.start = start
        elif p.text_end == p.text_start:
            p.text_start = p.start = self.L.start[i]
        p.text_end = self.L.end[i]
        b.lines += 1
        b.last_line = self.L.s[i]

    def close_text(self) -> None:
        self.cur_text = None

    def pop_to_level(self, level: int) -> None:
        while len(self.stack) > 1 and STRUCT_LEVEL.get(self.top().p.kind, 9) >= level:
            self.stack.pop()
