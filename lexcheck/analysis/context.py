"""What the engine knows about each provision before it evaluates any requirement.

For every document: one spaCy ``Doc`` over the whole text (one tokenizer pass), a map from a
character offset to the innermost provision, and for every *unit* (an article or section, or a
top-level provision where a text has no articles) the facts that decide where requirements are
looked for: is it operative, does it create an offence, does it concern trafficking, which of its
paragraphs are aggravated forms, is it addressed to other countries, is it a heading without text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..lang import merged_regex, merged_source
from ..law.model import Document, Framework, Provision
from ..law.sentences import split_sentences
from ..nlp import pipeline

_F = re.IGNORECASE


def _cue(key: str) -> re.Pattern[str]:
    """A cue of ``clauses.yaml`` looked for in every text, whatever its language."""
    return merged_regex("clauses", key)


#: The text concerns trafficking in persons.
TRAFFICKING = _cue("offence.names_trafficking")
#: The text creates an offence or sets a penalty.
OFFENCE = _cue("offence.creates_offence")
#: A sentence states an aggravated form (a space in a cue matches any run of whitespace: hard-wrapped text).
AGGRAVATED = re.compile(merged_source("clauses", "offence.aggravated").replace(" ", r"\s+"), _F)
#: Words that make a sentence an aggravated form only when they open it.
AGGRAVATED_LEAD = _cue("offence.aggravated_lead")
#: A sentence that returns to the basic offence ("in any other case").
_OTHER_CASE = _cue("offence.other_case")
#: Criteria addressed to other countries (foreign-assistance laws).
FOREIGN = _cue("provision.foreign")
_ADVISORY = _cue("provision.advisory")
#: An amending section that replaces a purposes/policy section: '"SEC. 2. Declaration of Policy. - ...'
_QUOTED_PURPOSE = _cue("provision.quoted_purpose")
_PURPOSE_HEADING = re.compile(rf"^\W*(?:{merged_source('clauses', 'provision.purpose_heading')})\b", _F)
_REPEALED = re.compile(rf"\W*\[?\s*(?:{merged_source('clauses', 'provision.repealed')})\W*", _F)


@dataclass
class Segment:
    """A sentence-sized piece of a provision's own text, classified as basic or aggravated."""

    node: Provision
    start: int
    end: int
    aggravated: bool


@dataclass
class Unit:
    """An article/section (or top-level provision) and the facts the engine uses about it."""

    doc: DocContext
    node: Provision
    operative: bool
    trafficking: bool = False
    offence: bool = False
    foreign: bool = False
    heading_only: bool = False
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.document.text[self.node.start : self.node.end]

    @property
    def heading(self) -> str:
        return self.node.heading or ""

    def spans(self, basic_only: bool = False) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.segments if not (basic_only and s.aggravated)]


@dataclass
class DocContext:
    """One document with its spaCy Doc and provision index."""

    document: Document
    spacy_doc: object
    lang: str
    _starts: list[int] = field(default_factory=list)
    _nodes: list[Provision] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    unit_of: dict[str, Unit] = field(default_factory=dict)

    def provision_at(self, offset: int) -> Provision | None:
        """The innermost provision whose own text holds ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            node = self._nodes[i]
            if node.text_start <= offset < max(node.text_end, node.text_start + 1):
                return node
            if node.start <= offset < node.end:
                # offset lies in a child's gap; find the deepest enclosing node
                return _deepest(node, offset)
            i -= 1
        return None

    def unit_for(self, node: Provision | None) -> Unit | None:
        while node is not None:
            unit = self.unit_of.get(node.eid)
            if unit is not None:
                return unit
            node = node.parent
        return None


def _deepest(node: Provision, offset: int) -> Provision:
    for child in node.children:
        if child.start <= offset < child.end:
            return _deepest(child, offset)
    return node


def _is_unit(node: Provision) -> bool:
    return node.kind == "article"


def _collect_units(root: Provision) -> list[Provision]:
    """Articles/sections; where a branch has none, its top-level provisions."""
    units: list[Provision] = []

    def visit(node: Provision) -> None:
        if _is_unit(node):
            units.append(node)
            return
        if not any(_is_unit(d) for d in node.walk() if d is not node):
            if node.kind != "document":
                units.append(node)
                return
            for child in node.children:
                units.append(child)
            return
        for child in node.children:
            visit(child)

    visit(root)
    return units


def _body(node: Provision, text: str) -> str:
    """A provision's text without its heading line."""
    full = text[node.start : node.end]
    if node.heading and node.heading in full:
        full = full.split(node.heading, 1)[1]
    return full


def _operative(node: Provision) -> bool:
    if not node.operative:
        return False
    return all(a.operative for a in node.ancestors() if a.kind != "document")


def build_context(framework: Framework) -> list[DocContext]:
    """Tokenise every document once and compute the unit facts."""
    out = []
    for doc in framework.documents:
        lang = doc.language or "en"
        nlp = pipeline(lang)
        sdoc = nlp(doc.text)
        nodes = sorted(doc.provisions(), key=lambda p: (p.text_start, -p.end))
        ctx = DocContext(doc, sdoc, lang, [n.text_start for n in nodes], nodes)
        if doc.root is not None:
            for node in _collect_units(doc.root):
                ctx.units.append(_unit(ctx, node))
            for unit in ctx.units:
                ctx.unit_of[unit.node.eid] = unit
        out.append(ctx)
    return out


def _unit(ctx: DocContext, node: Provision) -> Unit:
    text = ctx.document.text
    full = text[node.start : node.end]
    heading = node.heading or ""
    operative = (
        _operative(node) and not _PURPOSE_HEADING.match(heading) and not _QUOTED_PURPOSE.search(full[:300])
    )
    body = _body(node, text).strip()
    unit = Unit(ctx, node, operative=operative)
    unit.heading_only = _letters_below(body, 15) or bool(_REPEALED.fullmatch(body))
    unit.trafficking = bool(TRAFFICKING.search(full))
    unit.offence = bool(OFFENCE.search(full))
    unit.foreign = bool(FOREIGN.search(full) and _ADVISORY.search(full))
    unit.segments = list(_segments(node, text, inherited=False))
    return unit


_LETTERS = re.compile(r"[^\W\d_]+")


def _letters_below(text: str, n: int) -> bool:
    """``text`` has fewer than ``n`` letters (counted until there are ``n``, not over the whole text)."""
    count = 0
    for m in _LETTERS.finditer(text):
        count += m.end() - m.start()
        if count >= n:
            return False
    return True


def _segments(node: Provision, text: str, inherited: bool):
    """Own-text sentences of ``node`` and its descendants; a lead-in like "The same act committed:"
    makes everything under it aggravated."""
    own = text[node.text_start : node.text_end]
    lead_aggr = inherited
    pos = node.text_start
    pieces = split_sentences(own)
    cursor = 0
    for piece in pieces:
        at = own.find(piece, cursor)
        cursor = at + len(piece)
        aggravated = bool(AGGRAVATED.search(piece) or AGGRAVATED_LEAD.search(piece))  # searched once
        aggr = inherited or aggravated
        if aggr and _OTHER_CASE.search(piece):
            aggr = False
        if aggravated:
            lead_aggr = True  # "2. The same acts, committed:" makes the points below aggravated
        if piece.strip():
            yield Segment(node, pos + at, pos + at + len(piece), aggr)
    for child in node.children:
        yield from _segments(child, text, lead_aggr)
