"""Akoma Ntoso (or similar structured legislative XML) to text plus a provision tree with its eIds.

The XML comes from someone else: a document type declaration anywhere (entity expansion, external
entities) is refused before parsing, and lxml parses without DTDs, network or entity expansion and with
its resource limits on (``huge_tree`` off: at most 256 levels of nesting, 10 MB in one text or
attribute), so a hostile file gives a one-line :class:`~lexcheck.errors.InputError`, not a crash.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..files.safezip import has_dtd
from .model import Provision
from .text_reader import normalise

_REFUSED_DTD = "XML with entity declarations refused (possible XXE / entity expansion)"


def read_xml(raw: bytes, path: Path) -> tuple[str, Provision, str]:
    """``(text, provision tree, title)`` of an Akoma Ntoso file; the tree's offsets point into the text."""
    if has_dtd(raw):
        raise InputError(_REFUSED_DTD, path)
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)  # fmt: skip
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(_syntax_problem(str(exc)), path) from None
    except (ValueError, MemoryError) as exc:
        raise InputError(f"not well-formed XML ({type(exc).__name__}: {str(exc)[:100]})", path) from None
    if root is None:
        raise InputError("no text in XML document (empty file)", path)
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise InputError(_REFUSED_DTD, path)
    text, tree, title = _Akn().build(root)
    if not text.strip():
        raise InputError("no text in XML document (empty file)", path)
    return text, tree, title


def _syntax_problem(message: str) -> str:
    """libxml2's message in words a reader can act on (its limits name a parser option users cannot set)."""
    if "depth" in message.lower():
        return "XML nested too deeply (more than 256 levels; no real law is): refused"
    if "limit" in message.lower() or "too long" in message.lower():
        return "XML with a text or attribute longer than 10 MB: refused"
    return f"not well-formed XML ({' '.join(message.split())[:100]})"


_AKN_KIND = {
    "part": "part", "book": "part", "tome": "part", "title": "part",
    "chapter": "chapter",
    "division": "division", "subdivision": "division", "subchapter": "division", "subpart": "division",
    "subtitle": "division", "level": "division", "hcontainer": "division", "subsection_group": "division",
    "article": "article", "section": "article", "rule": "article", "regulation": "article",
    "paragraph": "paragraph", "subsection": "paragraph",
    "subparagraph": "point", "point": "point", "item": "point", "clause": "point", "indent": "point",
    "alinea": "point", "list": "point",
    "subclause": "subpoint", "subpoint": "subpoint", "subitem": "subpoint",
}  # fmt: skip
_AKN_SKIP = {"meta", "num", "heading", "subheading", "componentRef", "authorialNote", "noteRef", "toc"}
_AKN_WRAP = {"wrapUp", "wrapup", "wrap"}
_AKN_TEXT_NODES = {
    "preface": "preface (title block)",
    "preamble": "preamble",
    "conclusions": "conclusions (signatures)",
    "coverPage": "cover page",
}
_AKN_BLOCKS = {"p", "blockList", "item", "listIntroduction", "listWrapUp", "tr", "table", "block", "longTitle",
               "docTitle", "formula", "recital", "citation", "container", "tblock", "li", "ul", "ol", "div"}  # fmt: skip


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


class _Akn:
    """Akoma Ntoso (or similar structured legislative XML) to text plus a provision tree with its eIds."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.used: set[str] = set()

    def emit(self, line: str) -> tuple[int, int]:
        line = " ".join(normalise(line).split())
        if not line:
            return self.pos, self.pos
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        self.parts.append(line)
        self.pos += len(line)
        return start, self.pos

    def build(self, root) -> tuple[str, Provision, str]:
        doc_root = Provision(eid="", kind="document")
        top = root
        if _local(root.tag) == "akomaNtoso":
            kids = [c for c in root if _local(c.tag) not in ("meta",)]
            top = kids[0] if kids else root
        title = ""
        for el in root.iter():
            name = _local(el.tag)
            if name in ("docTitle", "shortTitle"):
                title = " ".join("".join(el.itertext()).split())
                break
        if not title:
            for el in root.iter():
                if _local(el.tag) == "FRBRalias" or (_local(el.tag) == "FRBRname" and el.get("value")):
                    title = el.get("value") or ""
                    if title:
                        break
        self.walk_container(top, doc_root, top_level=True)
        text = "".join(self.parts)
        _finish_tree(doc_root, text)
        return text, doc_root, title

    def walk_container(self, el, parent: Provision, top_level: bool = False) -> None:
        """Children of a non-hierarchical wrapper (body, mainBody, act ...)."""
        for child in el:
            name = _local(child.tag)
            if name in _AKN_SKIP:
                continue
            if name in _AKN_TEXT_NODES and top_level:
                self.text_node(child, parent, name, operative=False, reason=_AKN_TEXT_NODES[name])
            elif name in _AKN_KIND:
                self.hier(child, parent)
            elif name in ("body", "mainBody", "attachments", "attachment", "components", "component", "doc",
                          "act", "bill", "judgment", "portion", "portionBody", "documentCollection", "collectionBody",
                          "interstitial", "subFlow", "embeddedStructure", "quotedStructure", "main"):  # fmt: skip
                self.walk_container(child, parent, top_level=top_level)
            else:
                self.text_node(child, parent, "intro" if not parent.children else "wrapup")

    def text_node(self, el, parent: Provision, key: str, operative: bool = True, reason: str = "") -> None:
        lines = list(_akn_lines(el))
        if not any(line.strip() for line in lines):
            return
        start = end = None
        for line in lines:
            s, e = self.emit(line)
            if e > s:
                start = s if start is None else start
                end = e
        if start is None:
            return
        eid = self.unique(f"{parent.eid}__{key}" if parent.eid else key)
        node = Provision(eid=eid, kind="text", start=start, end=end, text_start=start, text_end=end,
                         operative=operative, non_operative_reason=reason, parent=parent)  # fmt: skip
        parent.children.append(node)

    def unique(self, eid: str) -> str:
        base, k = eid, 2
        while eid in self.used:
            eid = f"{base}_{k}"
            k += 1
        self.used.add(eid)
        return eid

    def hier(self, el, parent: Provision) -> None:
        kind = _AKN_KIND[_local(el.tag)]
        if kind == "paragraph" and parent.kind in ("paragraph", "point", "subpoint"):
            kind = "point"  # section > subsection > paragraph (a): our article > paragraph > point
        elif kind == "point" and parent.kind in ("point", "subpoint"):
            kind = "subpoint"
        num = heading = ""
        for child in el:
            name = _local(child.tag)
            if name == "num" and not num:
                num = " ".join("".join(child.itertext()).split())
            elif name == "heading" and not heading:
                heading = " ".join("".join(child.itertext()).split())
        eid = el.get("eId") or el.get("eid") or el.get("id") or ""
        if not eid or eid in self.used:
            from .structure import eid_token

            prefix = {
                "part": "part",
                "chapter": "chp",
                "division": "dvs",
                "article": "art",
                "paragraph": "para",
            }
            token = eid_token(num) or str(len(parent.children) + 1)
            local = f"{prefix.get(kind, 'point')}_{token}"
            eid = f"{parent.eid}__{local}" if parent.eid and kind not in ("article",) else local
        eid = self.unique(eid)
        node = Provision(eid=eid, kind=kind, num=num, heading=heading, parent=parent)
        parent.children.append(node)
        s, e = self.emit(f"{num} {heading}")
        node.text_start, node.text_end = s, e
        own_open = True
        for child in el:
            name = _local(child.tag)
            if name in _AKN_SKIP:
                continue
            if name in _AKN_KIND:
                own_open = False
                self.hier(child, node)
            elif name in _AKN_WRAP or not own_open:
                own_open = False
                self.text_node(child, node, "wrapup")
            else:
                for line in _akn_lines(child):
                    s2, e2 = self.emit(line)
                    if e2 > s2:
                        if node.text_end == node.text_start:
                            node.text_start = s2
                        node.text_end = e2


def _akn_lines(el):
    """Text lines of a content element: one per block, inline markup flattened."""
    if _local(el.tag) in _AKN_SKIP:
        if el.tail and el.tail.strip():
            yield el.tail
        return
    has_block = any(_local(c.tag) in _AKN_BLOCKS or _local(c.tag) in _AKN_KIND for c in el)
    if not has_block:
        text = "".join(t for t in _itertext_skip(el))
        if text.strip():
            yield text
        return
    if el.text and el.text.strip():
        yield el.text
    for child in el:
        if _local(child.tag) in _AKN_BLOCKS or _local(child.tag) in _AKN_KIND:
            yield from _akn_lines(child)
            if child.tail and child.tail.strip():
                yield child.tail
        else:
            text = "".join(_itertext_skip(child)) + (child.tail or "")
            if text.strip():
                yield text


def _itertext_skip(el):
    if _local(el.tag) in ("authorialNote", "noteRef", "meta"):
        return
    if el.text:
        yield el.text
    for child in el:
        yield from _itertext_skip(child)
        if child.tail:
            yield child.tail


def _finish_tree(root: Provision, text: str) -> None:
    """Whole-subtree offsets for a tree whose own-text offsets are set."""

    def fix(node: Provision) -> None:
        for child in node.children:
            fix(child)
        if node.kind == "document":
            node.start, node.end = 0, len(text)
            node.text_start = node.text_end = 0
            return
        ends = [c.end for c in node.children] + [node.text_end]
        starts = [c.start for c in node.children] + (
            [node.text_start] if node.text_end > node.text_start else []
        )
        node.start = min(starts) if starts else node.text_start
        node.end = max(ends)
        node.text = text[node.text_start : node.text_end]

    fix(root)
