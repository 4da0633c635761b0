"""Which provisions are law on their own, and which are not.

Not operative (``operative=False`` with a ``non_operative_reason``):

- the preamble: text before the first provision (title block, ``WHEREAS`` recitals, "It is hereby enacted"),
  and any provision that opens with ``WHEREAS``;
- purposes, objects and findings sections (``Purposes and findings``, ``Findings``, ``Objects of the Act``,
  ``Declaration of policy``, ``Цели``/``Цель настоящего Закона`` ...), with everything under them;
- tables of contents (``ARRANGEMENT OF SECTIONS``, ``Contents``, runs of heading-only lines);
- gazette headers and footers, page numbers, editorial notes in ``[square brackets]`` or starting with
  ``Editorial``/``Note:``, and amendment history (``(Amended by ...)``, ``(В редакции ...)``, ``Сноска.``);
  :mod:`lexcheck.law.structure` puts those lines in their own ``text`` nodes (eids ``remark``/``toc``)
  and sets the reason there;
- provisions whose whole text says they are repealed or omitted (``[Repealed]``, ``. . . .``).

A note to a criminal-code article (``Примечание``/``Note``, a ``paragraph`` with ``num`` "Примечание")
*is* operative law and stays operative.
"""

from __future__ import annotations

import re

from .model import Provision

_F = re.IGNORECASE

PURPOSE_HEADING = re.compile(
    r"^\W*(?:"
    r"(?:purposes?|objects?|objectives?|aims?|goals?)(?:\s+and\s+(?:findings|objectives?|principles|scope|reasons))?"
    r"(?:\s+of\s+(?:the|this)\s+(?:act|law|part|chapter|code|title|subtitle|division))?"
    r"|(?:congressional\s+|legislative\s+)?findings(?:\s+and\s+(?:purposes?|declarations?|policy))?"
    r"|(?:statement|declaration)\s+of\s+(?:purposes?|objects?|policy|principles)"
    r"|sense\s+of\s+(?:congress|parliament)"
    r"|preamble|recitals"
    r"|цел[ьи](?:\s+и\s+задачи)?(?:\s+настоящего\s+(?:закона|кодекса))?|задачи\s+настоящего\s+закона"
    r"|(?:осы\s+заңның\s+)?мақсат(?:ы|тары)(?:\s+мен\s+міндеттері)?|мақсади\s+қонуни\s+мазкур|мақсади\s+қонун"
    r"|(?:ushbu\s+qonunning\s+)?maqsadi|kanunyň\s+maksady|maksatlary|мыйзамдын\s+максаты|максаттары"
    r")\W*$",
    _F,
)
_WHEREAS = re.compile(r"^\W*(?:WHEREAS|Whereas|ПРИНИМАЯ ВО ВНИМАНИЕ|Принимая во внимание)\b")
_ENACTING = re.compile(r"^\W*(?:(?:it\s+is\s+)?hereby\s+enacted|be\s+it\s+enacted|now,?\s+therefore)", _F)
_REPEALED = re.compile(
    r"^\W*(?:\[?\s*(?:repealed|omitted|deleted|spent|expired)\b[^\n]{0,120}|(?:\.\s*){3,}|"
    r"утратил\w*\s+силу[^\n]{0,120}|исключен\w*[^\n]{0,120}|күші\s+жойылды[^\n]{0,120})\W*$",
    _F,
)


def mark(root: Provision, text: str) -> None:
    """Set ``operative`` / ``non_operative_reason`` on every provision of the tree (in place)."""
    has_structure = any(p.kind in ("part", "chapter", "division", "article") for p in root.walk())
    for node in root.children:
        _visit(node, text, has_structure)


def _set(node: Provision, reason: str) -> None:
    for p in node.walk():
        if p.operative:
            p.operative = False
            p.non_operative_reason = reason


def _visit(node: Provision, text: str, has_structure: bool) -> None:
    if not node.operative:  # set while reading (remarks, tables of contents): applies below too
        _set(node, node.non_operative_reason or "not operative")
        return
    local = node.eid.rsplit("__", 1)[-1]
    own = text[node.text_start : node.text_end]
    if node.kind == "text" and local.split("_")[0] == "preamble" and has_structure:
        reason = (
            "preamble (recitals)"
            if "WHEREAS" in own or "Whereas" in own
            else "preamble (before the first provision)"
        )
        _set(node, reason)
        return
    if node.kind == "text" and local.split("_")[0] == "toc":
        _set(node, "table of contents")
        return
    heading = node.heading or ""
    if heading and node.kind != "text" and PURPOSE_HEADING.match(heading):
        if re.search(r"policy|sense of", heading, _F):
            reason = "statement of policy"
        elif re.search(r"preamble|recital", heading, _F):
            reason = "preamble (recitals)"
        else:
            reason = "purposes and findings"
        _set(node, reason)
        return
    whereas = "hereas" in own or "HEREAS" in own or "ПРИНИМАЯ" in own or "Принимая" in own
    if whereas and _WHEREAS.match(_body(node, own)):
        _set(node, "preamble (recitals)")
        return
    if node.kind == "text" and len(own) < 300 and _ENACTING.match(own):
        _set(node, "enacting formula")
        return
    if not node.children and len(own) < 300:
        body = _body(node, own)
        if body and _REPEALED.match(body):
            _set(node, "repealed or omitted")
            return
    for child in node.children:
        _visit(child, text, has_structure)


def _body(node: Provision, own: str) -> str:
    """Own text without its number and heading."""
    body = own
    if node.heading and node.heading in body:
        body = body.split(node.heading, 1)[1]
    elif node.num and body.lstrip().startswith(node.num):
        body = body.lstrip()[len(node.num) :]
    if not body[:1].isalpha():
        body = _LABEL.sub("", body, count=1)
    return body.strip()


_LABEL = re.compile(r"^\W*(?:§|Article|Section|Статья|SEC\.)?\s*[\dA-Za-z./-]{0,12}[.)]?\s*")
