"""The national texts as lexcheck sees them: a Framework of Documents, each a tree of Provisions.

Identifiers follow Akoma Ntoso conventions: every provision has an ``eid`` such as
``chp_2__art_12__para_3__point_b`` that is unique in its document and stable across runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# Kinds of provision, from the outside in. ``part``/``chapter``/``division`` group articles;
# ``article`` is an article or section; ``paragraph`` a numbered paragraph or subsection "(1)";
# ``point`` a lettered or numbered item "(a)" / "1)" / a Cyrillic letter; ``subpoint`` "(i)".
KINDS = ("document", "part", "chapter", "division", "article", "paragraph", "point", "subpoint", "text")

# AKN eId prefixes for each kind.
EID_PREFIX = {
    "part": "part",
    "chapter": "chp",
    "division": "dvs",
    "article": "art",
    "paragraph": "para",
    "point": "point",
    "subpoint": "point",
    "text": "intro",
}


@dataclass
class Provision:
    """One node of a document tree: a part, chapter, article/section, paragraph or point.

    ``text`` is the provision's *own* text (its heading line and the words before its first child),
    ``start``/``end`` are character offsets of the whole provision (children included) in the
    document's ``text``; ``text_start``/``text_end`` bound its own text.
    ``operative`` is False for preambles, purposes and findings sections, tables of contents,
    gazette noise and editorial notes: text that is not law on its own.
    """

    eid: str
    kind: str
    num: str = ""
    heading: str = ""
    text: str = ""
    start: int = 0
    end: int = 0
    text_start: int = 0
    text_end: int = 0
    operative: bool = True
    non_operative_reason: str = ""
    children: list[Provision] = field(default_factory=list)
    parent: Provision | None = field(default=None, repr=False, compare=False)

    def walk(self) -> Iterator[Provision]:
        """This provision and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self, doc_text: str) -> str:
        """The provision with its children, as it stands in the document."""
        return doc_text[self.start : self.end]

    def ancestors(self) -> list[Provision]:
        """Enclosing provisions, innermost first."""
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    @property
    def label(self) -> str:
        """A short human citation, e.g. ``Art. 129/1(2)(b)`` or ``s. 2(3)``."""
        return self.eid


@dataclass
class Definition:
    """A defined term: ``"exploitation" means ...`` or Russian ``torgovlya lyud'mi – ...``."""

    term: str
    text: str
    eid: str
    document: str
    start: int
    end: int
    # "definition" (a defined term), or "offence": the name the law gives an offence it creates
    # ("commits the offence of trafficking"); ``text`` is then the whole provision creating it.
    kind: str = "definition"


@dataclass
class Document:
    """One national text: its source, its full text and its tree of provisions."""

    id: str
    path: str
    text: str
    title: str = ""
    language: str = "en"
    sha256: str = ""
    format: str = "txt"
    meta: dict = field(default_factory=dict)
    root: Provision | None = None
    definitions: list[Definition] = field(default_factory=list)

    def provisions(self) -> Iterator[Provision]:
        """All provisions in document order (the root excluded)."""
        if self.root is None:
            return iter(())
        it = self.root.walk()
        next(it)
        return it

    def get(self, eid: str) -> Provision | None:
        """The first provision (in document order) with ``eid``, through an eid index built once.

        The index is rebuilt when the tree may have changed since (a new root, or a look-up that
        misses or finds a provision whose eid has changed), so a miss costs one walk of the tree."""
        found = self._eid_index(rebuild=False).get(eid)
        if found is None or found.eid != eid:
            found = self._eid_index(rebuild=True).get(eid)
        return found

    def _eid_index(self, rebuild: bool) -> dict[str, Provision]:
        cached = self.__dict__.get("_eids")  # not a field: no part of equality, repr or asdict
        if rebuild or cached is None or cached[0] is not self.root:
            index: dict[str, Provision] = {}
            for p in self.provisions():
                index.setdefault(p.eid, p)
            cached = self.__dict__["_eids"] = (self.root, index)
        return cached[1]


@dataclass
class Framework:
    """The national texts analysed together; a requirement is met if any document provides it."""

    documents: list[Document]
    country: str = ""
    title: str = ""
    meta: dict = field(default_factory=dict)

    def glossary(self) -> list[Definition]:
        return [d for doc in self.documents for d in doc.definitions]
