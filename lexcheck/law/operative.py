"""Which provisions are law on their own, and which are not.

Not operative (``operative=False`` with a ``non_operative_reason``):

- the preamble: text before the first provision (title block, ``WHEREAS`` recitals, "It is hereby enacted"),
  and any provision that opens with ``WHEREAS``;
- purposes, objects and findings sections (``Purposes and findings``, ``Findings``, ``Objects of the Act``,
  ``Declaration of policy``, Russian "Tseli" / "Tsel' nastoyashchego Zakona" ...), with everything under
  them (the headings are ``purpose_headings`` in ``lexcheck/lang/*/structure.yaml``);
- tables of contents (``ARRANGEMENT OF SECTIONS``, ``Contents``, runs of heading-only lines);
- gazette headers and footers, page numbers, editorial notes in ``[square brackets]`` or starting with
  ``Editorial``/``Note:``, and amendment history (``(Amended by ...)``, Russian "(V redaktsii ...)",
  "Snoska.");
  :mod:`lexcheck.law.structure` puts those lines in their own ``text`` nodes (eids ``remark``/``toc``)
  and sets the reason there;
- provisions whose whole text says they are repealed or omitted (``[Repealed]``, ``. . . .``);
- a schedule or annex that reproduces a treaty: at least two of its articles, and a third of them, speak to
  the treaty's parties ("Each State Party shall", "States Parties", ``treaty_parties`` in
  ``lexcheck/lang/*/structure.yaml``). An act that gives effect to a convention often prints it; the
  convention binds the State but is not the act's own provision.

A note to a criminal-code article (``Note``, Russian "Primechanie": a ``paragraph`` with that ``num``)
*is* operative law and stays operative.
"""

from __future__ import annotations

from .cues import (
    EN_RECITALS,
    ENACTING,
    LABEL,
    POLICY_HEADING,
    PURPOSE_HEADING,
    RECITAL_HEADING,
    RECITALS,
    REPEALED,
    TREATY_PARTIES,
    WHEREAS,
)
from .model import Provision

__all__ = ["mark", "PURPOSE_HEADING"]


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
            if any(w in own for w in EN_RECITALS)
            else "preamble (before the first provision)"
        )
        _set(node, reason)
        return
    if node.kind == "text" and local.split("_")[0] == "toc":
        _set(node, "table of contents")
        return
    heading = node.heading or ""
    if heading and node.kind != "text" and PURPOSE_HEADING.match(heading):
        if POLICY_HEADING.search(heading):
            reason = "statement of policy"
        elif RECITAL_HEADING.search(heading):
            reason = "preamble (recitals)"
        else:
            reason = "purposes and findings"
        _set(node, reason)
        return
    if any(w in own for w in RECITALS) and WHEREAS.match(_body(node, own)):
        _set(node, "preamble (recitals)")
        return
    if node.kind == "text" and len(own) < 300 and ENACTING.match(own):
        _set(node, "enacting formula")
        return
    if local.startswith("sched") and _reproduces_treaty(node, text):
        _set(node, "schedule reproducing a treaty")
        return
    if not node.children and len(own) < 300:
        body = _body(node, own)
        if body and REPEALED.match(body):
            _set(node, "repealed or omitted")
            return
    for child in node.children:
        _visit(child, text, has_structure)


def _reproduces_treaty(schedule: Provision, text: str) -> bool:
    """At least two of the schedule's articles, and a third of them, address the treaty's parties."""
    articles = [p for p in schedule.walk() if p.kind == "article"] or list(schedule.children)
    speaking = sum(1 for a in articles if TREATY_PARTIES.search(text, a.start, a.end))
    return speaking >= 2 and 3 * speaking >= len(articles)


def _body(node: Provision, own: str) -> str:
    """Own text without its number and heading."""
    body = own
    if node.heading and node.heading in body:
        body = body.split(node.heading, 1)[1]
    elif node.num and body.lstrip().startswith(node.num):
        body = body.lstrip()[len(node.num) :]
    if not body[:1].isalpha():
        body = LABEL.sub("", body, count=1)
    return body.strip()
