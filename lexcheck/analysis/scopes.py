"""Where each requirement is looked for (its anchors), as character intervals per document.

- ``trafficking_definition``: the provisions that define trafficking (glossary definitions of
  "trafficking in persons" and the like) and the *basic* (not aggravated) sentences of the articles
  that criminalise it, plus the definitions of terms those provisions use ("coercion"), except
  definitions of exploitation, which belong to the purpose, not to the means.
- ``exploitation``: the above, all sentences of the trafficking articles, and the definitions of
  exploitation they use (including sections headed "Meaning of exploitation").
- ``offence``: the trafficking offences and the offence articles that refer to them (attempt,
  aggravation, penalties).
- ``operative``: every operative provision.
- internal: ``criminal`` (any article that creates an offence) and ``glossary`` (definitions), which
  the decision uses to set text aside.

Each scope is built by a function registered with ``@scope(name)``, in the order written here (a
scope may use the ones built before it). The trafficking offences are recognised by the hits of the
requirements whose catalogue ``anchor`` is ``acts`` or ``purpose``. Text that is not operative
(preambles, purposes and findings, tables of contents, editorial notes) and criteria addressed to
other countries are never in scope.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..lang import merged_regex, merged_source
from ..law.model import Definition
from .context import OFFENCE, TRAFFICKING, DocContext, Segment, Unit
from .registry import SCOPES, scope

_F = re.IGNORECASE
EXPLOIT = merged_regex("clauses", "offence.exploitation")
#: The subject of an offence opening an article: "Whoever ...", "Any person who ...".
_OFFENDER = re.compile(
    rf"(?:^|\n)\W*(?:\d+[\w.]*\s*)?(?:\(1\)\s*)?(?:{merged_source('clauses', 'offence.offender')})\b", _F
)
_QUOTED_DEFINITIONS = merged_regex("clauses", "provision.definitions_section")
_MEANING = merged_regex("clauses", "offence.meaning")
#: A defined term that is the verb of the offence ("traffics"): the definition supplies its acts.
_ACT_TERMS = merged_regex("clauses", "offence.trafficking_verb")
_EXPLOITATION_HEADING = merged_regex("clauses", "offence.exploitation_heading")
#: "A person guilty of an offence under section 1 or 2 is liable", "who contravenes section 118":
#: the penalty of that offence (not another offence that merely mentions it).
_PENALTY_OF = merged_regex("clauses", "offence.penalty_of")
_REFERENCE = re.compile(
    rf"(?:{merged_source('clauses', 'reference.article_words')})\s*"
    rf"((?:\d[\w./-]*(?:\(\w+\))*(?:,?\s*(?:{merged_source('clauses', 'reference.conjunctions')}|,)\s*)?)+)",
    _F,
)


@dataclass
class Scope:
    """Character intervals per document id, with the units they come from."""

    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, doc: str, start: int, end: int) -> None:
        if end > start:
            self.spans.setdefault(doc, []).append((start, end))

    def finish(self) -> Scope:
        for doc, spans in self.spans.items():
            spans.sort()
            merged: list[tuple[int, int]] = []
            for s, e in spans:
                if merged and s <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], e))
                else:
                    merged.append((s, e))
            self.spans[doc] = merged
        self._starts = {d: [s for s, _ in v] for d, v in self.spans.items()}
        return self

    def _covers(self, doc: str, offset: int) -> bool:
        spans = self.spans[doc]
        i = bisect_right(self._starts[doc], offset) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1] + 1

    def contains(self, doc: str, start: int, end: int) -> bool:
        """Both ends of the span lie in scope (a phrase may run from a paragraph into its point)."""
        if not self.spans.get(doc):
            return False
        return self._covers(doc, start) and self._covers(doc, max(start, end - 1))

    def __bool__(self) -> bool:
        return any(self.spans.values())


@dataclass
class Anchors:
    """The scopes of one analysis and the trafficking units they come from."""

    scopes: dict[str, Scope]
    trafficking_units: list[Unit]  # articles that criminalise trafficking (basic definition present)
    loose_units: list[Unit]  # articles that name trafficking and create an offence
    definitions: list[tuple[DocContext, Definition]]
    # sentences that set the penalty of a trafficking offence: in the offence article itself, or in
    # a paragraph elsewhere that refers to it ("A person guilty of an offence under section 2 is liable")
    sanction_segments: list[tuple[Unit, Segment]] = field(default_factory=list)
    # the requirements that anchor the offence (catalogue field ``anchor``): role -> requirement ids
    roles: dict[str, frozenset[str]] = field(default_factory=dict)

    def role_hits(self, hits, role: str) -> list:
        """The hits (not red flags) of the requirements with anchor ``role`` ("acts", "means", "purpose")."""
        ids = self.roles.get(role, frozenset())
        return [h for (rid, _key, neg), items in hits.items() if rid in ids and not neg for h in items]


class _HitIndex:
    """The element hits (not red flags) of each document, sorted by start: ``(starts, (rid, key))``."""

    def __init__(self, hits):
        by_doc: dict[str, list[tuple[int, str, str]]] = {}
        for (r, key, neg), items in hits.items():
            if not neg:
                for h in items:
                    by_doc.setdefault(h.doc, []).append((h.start, r, key))
        self.docs: dict[str, tuple[list[int], list[tuple[str, str]]]] = {}
        for doc, entries in by_doc.items():
            entries.sort()
            self.docs[doc] = ([s for s, _, _ in entries], [(r, k) for _, r, k in entries])

    def within(self, doc: str, start: int, end: int) -> list[tuple[str, str]]:
        """``(rid, key)`` of the hits that start in ``[start, end)`` of ``doc``."""
        starts, keys = self.docs.get(doc, ((), ()))
        return keys[bisect_left(starts, start) : bisect_left(starts, end)]  # type: ignore[index]


def _count_distinct(index: _HitIndex, ids: frozenset[str], unit: Unit) -> int:
    """How many different elements of the requirements ``ids`` are found in ``unit``."""
    found = index.within(unit.doc.document.id, unit.node.start, unit.node.end)
    return len({(r, key) for r, key in found if r in ids})


def _usable(unit: Unit) -> bool:
    return unit.operative and not unit.foreign


@dataclass
class _Facts:
    """What the scopes are built from: the usable units, the trafficking offences, the definitions."""

    contexts: list[DocContext]
    units: list[Unit]
    loose: list[Unit]
    core: list[Unit]
    defs: list[tuple[DocContext, Definition]]
    related: list[Unit]
    core_nums: set[str]
    used: list[tuple[DocContext, Definition]] = field(default_factory=list)


def _facts(contexts: list[DocContext], hits, roles: dict[str, frozenset[str]]) -> _Facts:
    acts, purpose = roles.get("acts", frozenset()), roles.get("purpose", frozenset())
    units = [u for ctx in contexts for u in ctx.units if _usable(u)]
    loose = [u for u in units if u.offence and u.trafficking and not u.heading_only]
    index = _HitIndex(hits)
    strict = [u for u in loose if _count_distinct(index, acts, u) >= 2]
    in_strict = {id(u) for u in strict}
    acts_and_purpose = [
        u
        for u in units
        if u.offence
        and not u.heading_only
        and id(u) not in in_strict
        and _count_distinct(index, acts, u) >= 2
        and _count_distinct(index, purpose, u) >= 1
    ]
    defs = [
        (ctx, d)
        for ctx in contexts
        for d in ctx.document.definitions
        if getattr(d, "kind", "definition") == "definition" and _definition_usable(ctx, d)
    ]
    # an offence written with a defined verb ("who trafficks another person ... if the trafficker
    # coerced ...") is a trafficking offence: the definition supplies its acts
    terms = {
        t
        for t in (d.term.lower().strip(" \"'“”") for _, d in defs if TRAFFICKING.search(d.term))
        if _ACT_TERMS.match(t)
    }
    uses_term = [
        u
        for u in loose
        if id(u) not in in_strict and any(re.search(rf"\b{re.escape(t)}\b", u.text, _F) for t in terms if t)
    ]
    core = strict + acts_and_purpose + uses_term or loose
    core_nums = set().union(*(_nums(u) for u in core)) if core else set()
    # offences: the trafficking offences and the offence articles that refer to them (attempt,
    # aggravation, penalties)
    related = _trafficking_related(units, core + loose)
    return _Facts(contexts, units, loose, core, defs, related, core_nums)


@scope("trafficking_definition")
def _definition_scope(f: _Facts, built: dict[str, Scope]) -> Scope:
    """Provisions that define or criminalise trafficking (acts, means, consent): the basic sentences
    of the offences, the definitions of trafficking and the definitions they use, except those of
    exploitation."""
    definition = Scope()
    for unit in f.core:
        for s, e in unit.spans(basic_only=True):
            definition.add(unit.doc.document.id, s, e)
    for _, d in f.defs:
        if TRAFFICKING.search(d.term):
            definition.add(d.document, d.start, d.end)
    for unit in f.units:
        if _MEANING.search(unit.heading) and TRAFFICKING.search(unit.heading) and not unit.heading_only:
            for s, e in unit.spans(basic_only=True):
                definition.add(unit.doc.document.id, s, e)
    # definitions made "for the purposes of section 4(1)" of a trafficking article
    for c, d in f.defs:
        text = c.document.text
        head = text[text.rfind("\n", 0, d.start) + 1 : d.start + 160]
        if _refs(head) & f.core_nums and not EXPLOIT.search(d.term):
            definition.add(d.document, d.start, d.end)
    # defined terms used by the definition provisions (one level), except exploitation terms
    f.used = _used_definitions(f.contexts, definition, f.defs)
    for _, d in f.used:
        if not EXPLOIT.search(d.term):
            definition.add(d.document, d.start, d.end)
    return definition


@scope("exploitation")
def _exploitation_scope(f: _Facts, built: dict[str, Scope]) -> Scope:
    """The trafficking definition scope, all sentences of the trafficking offences, and the
    definitions of exploitation they use (including sections headed "Meaning of exploitation")."""
    exploitation = Scope()
    for doc, spans in built["trafficking_definition"].spans.items():
        for s, e in spans:
            exploitation.add(doc, s, e)
    for unit in f.core:
        for s, e in unit.spans():
            exploitation.add(unit.doc.document.id, s, e)
    for _, d in [(c, d) for c, d in f.defs if EXPLOIT.search(d.term)] + f.used:
        exploitation.add(d.document, d.start, d.end)
    for unit in f.units:
        # a section headed "Exploitation" or "Meaning of exploitation" defines it
        if (
            EXPLOIT.search(unit.heading)
            and not unit.offence
            or EXPLOIT.search(unit.heading)
            and _MEANING.search(unit.heading)
            or _EXPLOITATION_HEADING.match(unit.heading)
        ):
            exploitation.add(unit.doc.document.id, unit.node.start, unit.node.end)
    return exploitation


@scope("offence")
def _offence_scope(f: _Facts, built: dict[str, Scope]) -> Scope:
    """The trafficking offences, their aggravated forms and penalties, paragraph by paragraph: a
    passing "guilty of an offense" in a long assistance article does not make it criminal law, and a
    smuggling offence is not trafficking."""
    offence = Scope()
    core = {id(u) for u in f.core}
    for unit in f.related:
        if not unit.offence or unit.heading_only:
            continue
        doc_id, text = unit.doc.document.id, unit.doc.document.text
        parts = unit.node.children or [unit.node]
        marked = [p for p in parts if _creates_offence(p, text)]
        lead = OFFENCE.search(text[unit.node.start : unit.node.text_end])
        if lead or len(marked) >= 2 or len(marked) * 2 >= len(parts) or id(unit) in core:
            marked = parts  # a criminal-law article: all of it
        for p in marked:
            offence.add(doc_id, p.start, p.end)
        offence.add(doc_id, unit.node.start, unit.node.text_end)
    return offence


@scope("operative")
def _operative_scope(f: _Facts, built: dict[str, Scope]) -> Scope:
    """Every operative provision."""
    operative = Scope()
    for unit in f.units:
        for node in unit.node.walk():
            if node.operative:
                operative.add(unit.doc.document.id, node.text_start, node.text_end)
    return operative


@scope("criminal", internal=True)
def _criminal_scope(f: _Facts, built: dict[str, Scope]) -> Scope:
    """The paragraphs of any article that creates an offence or sets a penalty."""
    criminal = Scope()
    for unit in f.units:
        if unit.offence:
            text = unit.doc.document.text
            if _OFFENDER.search(text[unit.node.text_start : unit.node.text_end + 120]):
                criminal.add(unit.doc.document.id, unit.node.start, unit.node.end)  # "Whoever ... shall be"
                continue
            for part in unit.node.children or [unit.node]:
                if _creates_offence(part, text):
                    criminal.add(unit.doc.document.id, part.start, part.end)
    return criminal


@scope("glossary", internal=True)
def _glossary_scope(f: _Facts, built: dict[str, Scope]) -> Scope:
    """Definitions, and whole "Definitions"/"Interpretation" articles."""
    glossary = Scope()
    for _, d in f.defs:
        glossary.add(d.document, d.start, d.end)
    for unit in f.units:
        if _MEANING.search(unit.heading) or _QUOTED_DEFINITIONS.search(unit.text[:300]):
            glossary.add(unit.doc.document.id, unit.node.start, unit.node.end)
    return glossary


def _sanction_segments(f: _Facts) -> list[tuple[Unit, Segment]]:
    """The sentences of the trafficking offences, and the penalty paragraphs that refer to them."""
    sanctions = [(u, seg) for u in f.core for seg in u.segments]
    core = {id(u) for u in f.core}
    for unit in f.related:
        if id(unit) in core or not unit.offence:
            continue
        text = unit.doc.document.text
        for part in unit.node.children or [unit.node]:
            m = _PENALTY_OF.search(text[part.start : part.end])
            if m and _refs(m.group(0)) & f.core_nums:
                sanctions += [(unit, seg) for seg in unit.segments if part.start <= seg.start < part.end]
    return sanctions


def compute_anchors(contexts: list[DocContext], hits, roles: dict[str, frozenset[str]]) -> Anchors:
    """Every registered scope of one framework, built in registration order (a scope may use the
    ones built before it). ``roles`` names the requirements that anchor the offence (acts, purpose)."""
    f = _facts(contexts, hits, roles)
    built: dict[str, Scope] = {}
    for name, build in SCOPES.items():
        built[name] = build(f, built).finish()
    return Anchors(built, f.core, f.loose, f.defs, _sanction_segments(f), roles)


def _creates_offence(part, text: str) -> bool:
    """The offence wording is the paragraph's own (or its closing words), not a passing mention
    deep inside a long assistance provision."""
    return any(OFFENCE.search(text[n.text_start : n.text_end]) for n in (part, *part.children[-1:]))


def _refs(text: str) -> set[str]:
    """Article numbers a text refers to: "under section 1 or 2" -> {"1", "2"}."""
    return {n for m in _REFERENCE.finditer(text) for n in re.findall(r"\d[\w./-]*\w|\d", m.group(1))}


def _nums(unit: Unit) -> set[str]:
    num = (unit.node.num or "").strip().rstrip(".")
    return {num} if num else set()


def _trafficking_related(units: list[Unit], seeds: list[Unit]) -> list[Unit]:
    """Units that name trafficking, or refer (directly or through another such unit) to an article
    that does: "Whoever attempts to violate section 1590", "A person who contravenes section 118"."""
    related = {id(u) for u in seeds} | {id(u) for u in units if u.trafficking}
    for _ in range(3):
        known = set().union(*(_nums(u) for u in units if id(u) in related)) if related else set()
        grew = False
        for u in units:
            if id(u) in related:
                continue
            if _refs(u.text) & known:
                related.add(id(u))
                grew = True
        if not grew:
            break
    return [u for u in units if id(u) in related]


def _definition_usable(ctx: DocContext, d: Definition) -> bool:
    node = ctx.document.get(d.eid)
    unit = ctx.unit_for(node) if node else None
    return unit is None or _usable(unit)


def _used_definitions(contexts, scope: Scope, defs):
    """Definitions whose term appears in the text covered by ``scope`` (one level of expansion)."""
    texts = []
    by_id = {ctx.document.id: ctx for ctx in contexts}
    scope.finish()
    for doc, spans in scope.spans.items():
        text = by_id[doc].document.text
        texts.extend(text[s:e].lower() for s, e in spans)
    blob = "\n".join(texts)
    # the first four letters of every word of the blob: a stem (four letters or more) that begins
    # with a letter can only be found where one of them begins (a necessary test before re.search)
    heads = {blob[m.start() : m.start() + 4] for m in re.finditer(r"\b\w", blob)}
    seen: dict[str, bool] = {}
    out = []
    for ctx, d in defs:
        term = d.term.lower().strip(" \"'“”«»")
        if len(term) < 4:
            continue
        stem = term if " " in term else term[: max(4, len(term) - 2)]
        if stem not in seen:
            possible = not re.match(r"\w", stem) or stem[:4] in heads
            seen[stem] = possible and bool(re.search(r"\b" + re.escape(stem), blob))
        if seen[stem]:
            out.append((ctx, d))
    return out
