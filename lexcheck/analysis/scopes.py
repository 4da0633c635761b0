"""Where each requirement is looked for (its anchors), as character intervals per document.

- ``trafficking_definition``: the provisions that define trafficking (glossary definitions of
  "trafficking in persons" and the like) and the *basic* (not aggravated) sentences of the articles
  that criminalise it, plus the definitions of terms those provisions use ("coercion"), except
  definitions of exploitation, which belong to the purpose, not to the means.
- ``exploitation``: the above, all sentences of the trafficking articles, and the definitions of
  exploitation they use (including sections headed "Meaning of exploitation").
- ``offence``: every operative article that creates an offence or sets a penalty.
- ``operative``: every operative provision.

Text that is not operative (preambles, purposes and findings, tables of contents, editorial notes)
and criteria addressed to other countries are never in scope.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..law.model import Definition
from .context import OFFENCE, TRAFFICKING, DocContext, Segment, Unit

_F = re.IGNORECASE
EXPLOIT = re.compile(r"exploit|эксплуатац|пайдалан|ekspluat|istismor", _F)
# the subject of an offence opening an article: "Whoever ...", "Any person who ...", "Лицо, которое ..."
_OFFENDER = re.compile(
    r"(?:^|\n)\W*(?:\d+[\w.]*\s*)?(?:\(1\)\s*)?(?:whoever|any person who|a person who|every person who|everyone who)\b",
    _F,
)
_QUOTED_DEFINITIONS = re.compile(
    r"^[^\n]*\n?\W*(?:SEC(?:TION)?\.?\s*\d+[A-Z-]*\.\s*)?(?:Definitions?|Interpretation)\b", _F
)
_MEANING = re.compile(r"meaning of|definition|interpretation|понят|определен|terms used", _F)

ACT_REQ = "PAL-3a-acts"
PURPOSE_REQ = "PAL-3a-purpose"


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


def _count_distinct(hits, rid: str, unit: Unit) -> int:
    keys = set()
    for (r, key, neg), items in hits.items():
        if r != rid or neg:
            continue
        for h in items:
            if h.doc == unit.doc.document.id and unit.node.start <= h.start < unit.node.end:
                keys.add(key)
                break
    return len(keys)


def _usable(unit: Unit) -> bool:
    return unit.operative and not unit.foreign


def compute_anchors(contexts: list[DocContext], hits) -> Anchors:
    units = [u for ctx in contexts for u in ctx.units if _usable(u)]
    loose = [u for u in units if u.offence and u.trafficking and not u.heading_only]
    strict = [u for u in loose if _count_distinct(hits, ACT_REQ, u) >= 2]
    acts_and_purpose = [
        u
        for u in units
        if u.offence
        and not u.heading_only
        and u not in strict
        and _count_distinct(hits, ACT_REQ, u) >= 2
        and _count_distinct(hits, PURPOSE_REQ, u) >= 1
    ]
    defs = [
        (ctx, d)
        for ctx in contexts
        for d in ctx.document.definitions
        if getattr(d, "kind", "definition") == "definition" and _definition_usable(ctx, d)
    ]
    traf_defs = [(c, d) for c, d in defs if TRAFFICKING.search(d.term)]
    # an offence written with a defined verb ("who trafficks another person ... if the trafficker
    # coerced ...") is a trafficking offence: the definition supplies its acts
    act_terms = re.compile(
        r"^(?:traffics?|trafficks|trafficking(?: in (?:persons|human beings))?|human trafficking)$", _F
    )
    terms = {t for t in (d.term.lower().strip(" \"'“”") for _, d in traf_defs) if act_terms.match(t)}
    uses_term = [
        u
        for u in loose
        if u not in strict and any(re.search(rf"\b{re.escape(t)}\b", u.text, _F) for t in terms if t)
    ]
    core = strict + acts_and_purpose + uses_term or loose
    exploit_defs = [(c, d) for c, d in defs if EXPLOIT.search(d.term)]

    definition = Scope()
    for unit in core:
        for s, e in unit.spans(basic_only=True):
            definition.add(unit.doc.document.id, s, e)
    for _, d in traf_defs:
        definition.add(d.document, d.start, d.end)
    for unit in units:
        if _MEANING.search(unit.heading) and TRAFFICKING.search(unit.heading) and not unit.heading_only:
            for s, e in unit.spans(basic_only=True):
                definition.add(unit.doc.document.id, s, e)
    # definitions made "for the purposes of section 4(1)" of a trafficking article
    core_nums = set().union(*(_nums(u) for u in core)) if core else set()
    for c, d in defs:
        text = c.document.text
        head = text[text.rfind("\n", 0, d.start) + 1 : d.start + 160]
        if _refs(head) & core_nums and not EXPLOIT.search(d.term):
            definition.add(d.document, d.start, d.end)
    # defined terms used by the definition provisions (one level), except exploitation terms
    used = _used_definitions(contexts, definition, defs)
    for _, d in used:
        if not EXPLOIT.search(d.term):
            definition.add(d.document, d.start, d.end)

    exploitation = Scope()
    for doc, spans in definition.spans.items():
        for s, e in spans:
            exploitation.add(doc, s, e)
    for unit in core:
        for s, e in unit.spans():
            exploitation.add(unit.doc.document.id, s, e)
    for _, d in exploit_defs + used:
        exploitation.add(d.document, d.start, d.end)
    for unit in units:
        # a section headed "Exploitation" or "Meaning of exploitation" defines it
        if (
            EXPLOIT.search(unit.heading)
            and not unit.offence
            or EXPLOIT.search(unit.heading)
            and _MEANING.search(unit.heading)
            or re.match(r"\W*exploitation\W*$", unit.heading, _F)
        ):
            exploitation.add(unit.doc.document.id, unit.node.start, unit.node.end)

    # offences: the trafficking offences and the offence articles that refer to them (attempt,
    # aggravation, penalties), paragraph by paragraph: a passing "guilty of an offense" in a long
    # assistance article does not make it criminal law, and a smuggling offence is not trafficking
    related = _trafficking_related(units, core + loose)
    offence = Scope()
    for unit in related:
        if not unit.offence or unit.heading_only:
            continue
        doc_id, text = unit.doc.document.id, unit.doc.document.text
        parts = unit.node.children or [unit.node]
        marked = [p for p in parts if _creates_offence(p, text)]
        lead = OFFENCE.search(text[unit.node.start : unit.node.text_end])
        if lead or len(marked) >= 2 or len(marked) * 2 >= len(parts) or unit in core:
            marked = parts  # a criminal-law article: all of it
        for p in marked:
            offence.add(doc_id, p.start, p.end)
        offence.add(doc_id, unit.node.start, unit.node.text_end)

    operative = Scope()
    for unit in units:
        for node in unit.node.walk():
            if node.operative:
                operative.add(unit.doc.document.id, node.text_start, node.text_end)

    sanctions = [(u, seg) for u in core for seg in u.segments]
    for unit in related:
        if unit in core or not unit.offence:
            continue
        text = unit.doc.document.text
        for part in unit.node.children or [unit.node]:
            m = _PENALTY_OF.search(text[part.start : part.end])
            if m and _refs(m.group(0)) & core_nums:
                sanctions += [(unit, seg) for seg in unit.segments if part.start <= seg.start < part.end]

    criminal = Scope()  # the paragraphs of any article that creates an offence or sets a penalty
    for unit in units:
        if unit.offence:
            text = unit.doc.document.text
            if _OFFENDER.search(text[unit.node.text_start : unit.node.text_end + 120]):
                criminal.add(unit.doc.document.id, unit.node.start, unit.node.end)  # "Whoever ... shall be"
                continue
            for part in unit.node.children or [unit.node]:
                if _creates_offence(part, text):
                    criminal.add(unit.doc.document.id, part.start, part.end)

    glossary = Scope()  # definitions, and whole "Definitions"/"Interpretation" articles
    for _, d in defs:
        glossary.add(d.document, d.start, d.end)
    for unit in units:
        if _MEANING.search(unit.heading) or _QUOTED_DEFINITIONS.search(unit.text[:300]):
            glossary.add(unit.doc.document.id, unit.node.start, unit.node.end)

    scopes = {
        "glossary": glossary.finish(),
        "criminal": criminal.finish(),
        "trafficking_definition": definition.finish(),
        "exploitation": exploitation.finish(),
        "offence": offence.finish(),
        "operative": operative.finish(),
    }
    return Anchors(scopes, core, loose, defs, sanctions)


_REFERENCE = re.compile(
    r"(?:sections?|articles?|ss?\.|§§?|стать\w*|ст\.|subsections?)\s*((?:\d[\w./-]*(?:\(\w+\))*(?:,?\s*(?:and|or|to|и|или|,)\s*)?)+)",
    _F,
)


# "A person guilty of an offence under section 1 or 2 is liable", "who contravenes section 118":
# the penalty of that offence (not another offence that merely mentions it)
_PENALTY_OF = re.compile(
    r"(?:guilty of|convicted of|punishment for|penalty for|sentence for|who contravenes|who commits)\s+"
    r"(?:(?:an|the|any)\s+)?(?:offen[cs]es?\s+(?:under|against)\s+)?(?:sub)?(?:sections?|articles?|ss?\.|§)\s*"
    r"[\d\w./()-]+(?:(?:,|\s+or|\s+and|\s+to)\s+[\d\w./()-]+)*",
    _F,
)


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
            refs = {
                n for m in _REFERENCE.finditer(u.text) for n in re.findall(r"\d[\w./-]*\w|\d", m.group(1))
            }
            if refs & known:
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
    out = []
    for ctx, d in defs:
        term = d.term.lower().strip(" \"'“”«»")
        if len(term) < 4:
            continue
        stem = term if " " in term else term[: max(4, len(term) - 2)]
        if re.search(r"\b" + re.escape(stem), blob):
            out.append((ctx, d))
    return out
