"""How element results combine into a status: one function per rule a requirement may name.

Every rule is registered with ``@rule(name)`` and is called as ``rule(req, run, finding, hits)``
with the finding's elements already searched (``hits`` are the element hits used). A rule sets
``finding.status`` and may mark elements ``not_required`` (the law is broader than the standard),
add evidence to them, and add qualifiers; it changes nothing else.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..catalogue.model import Requirement
from ..lang import merged_regex, merged_source
from ..law.citation import citation
from .matching import Hit
from .model import ElementResult, Evidence, Finding, Qualifier
from .parameters import fine_alternative, imprisonment
from .registry import RULES, rule
from .run import Run, sentence_text, span_evidence
from .scopes import Scope

__all__ = ["ADULT", "CHILD", "RULES", "SEXUAL", "sanction_sentences"]

# cues looked for in every text, whatever its language (lexcheck/lang/<code>/clauses.yaml)
# the sentence concerns children; adults or anyone; sexual exploitation; "including"; "within borders"
CHILD, ADULT, SEXUAL, _INCLUDING, _WITHIN = (
    merged_regex("clauses", key)
    for key in ("person.child", "person.adult", "sexual", "including", "within_borders")
)
# "... by force, fraud or coercion, or [where] the person has not attained the age of 18 years"
_CHILD_LIMB = re.compile(
    f"(?:{merged_source('clauses', 'person.child_limb_lead')})(?:{merged_source('clauses', 'person.child_limb')})",
    re.I,
)


def _required(finding: Finding, req: Requirement) -> list[ElementResult]:
    optional = {e.key for e in req.elements if e.optional}
    return [e for e in finding.elements if e.key not in optional]


@rule("all")
def _rule_all(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """Covered when every element is found, partial when some are."""
    required = _required(finding, req) or finding.elements
    found = [e for e in required if e.status == "found"]
    if found and len(found) == len(required):
        finding.status = "covered"
    elif found:
        finding.status = "partial"
    else:
        # optional elements alone (e.g. "humanitarian grounds") do not provide the requirement
        finding.status = "missing"


@rule("any")
def _rule_any(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """Covered when any element is found."""
    finding.status = "covered" if any(e.status == "found" for e in finding.elements) else "missing"


def _not_required(finding: Finding, note: str, label: str, only_missing: bool = True) -> None:
    """The law is broader than the standard: the elements it does not need are not required."""
    for e in finding.elements:
        if e.status == "missing" or not only_missing:
            e.status = "not_required"
            e.note = note
    finding.status = "covered"
    finding.qualifiers.append(Qualifier("broader", label, "covered"))


@rule("means")
def _rule_means(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """As "all", but every element is not_required when the offence needs no means at all."""
    if not run.anchors.trafficking_units and not run.has_trafficking_definition():
        finding.status = "missing"
        return
    if not any(e.status == "found" for e in finding.elements):
        _not_required(
            finding,
            "the offence requires no means at all",
            "broader than the standard: the offence needs no means",
            only_missing=False,
        )
        return
    # means listed only as examples ("including by means of ...") are not required either
    if hits and all(_illustrative(run, h) for h in hits):
        _not_required(
            finding,
            "means are listed as examples only ('including')",
            "broader than the standard: means are listed as examples only",
        )
        return
    _rule_all(req, run, finding, hits)


def _illustrative(run: Run, hit: Hit) -> bool:
    """The hit follows "including", "in particular" ... in its sentence: an example, not a condition."""
    text = run.ctx(hit.doc).document.text
    before = text[max(0, hit.start - 200) : hit.start]
    before = re.split(r"[.;]", before)[-1]
    return bool(_INCLUDING.search(before))


@rule("criminalised")
def _rule_criminalised(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """Covered when an operative article makes trafficking an offence."""
    units = run.anchors.trafficking_units or run.anchors.loose_units
    if not units:
        finding.status = "missing"
        return
    finding.status = "covered"
    node, text = units[0].node, units[0].doc.document.text
    end = min(node.end, node.start + 200)
    for e in finding.elements:
        if e.status == "missing":
            e.status = "found"
            e.evidence = [
                Evidence(
                    units[0].doc.document.id,
                    node.eid,
                    text[node.start : end].strip(),
                    node.start,
                    end,
                    citation(node, text),
                )
            ]


@rule("child_no_means")
def _rule_child_no_means(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """Covered when child trafficking needs no means (also when no offence needs means)."""
    if not (run.anchors.trafficking_units or run.has_trafficking_definition()):
        finding.status = "missing"
        return
    definition = run.anchors.scopes["trafficking_definition"]
    means_found = [
        h for h in run.anchors.role_hits(run.hits, "means") if definition.contains(h.doc, h.start, h.end)
    ]
    if not means_found or all(_illustrative(run, h) for h in means_found):
        finding.status = "covered"
        for e in finding.elements:
            e.status = "not_required" if e.status == "missing" else e.status
            e.note = e.note or "no means are required for any victim, so none for children"
        finding.qualifiers.append(
            Qualifier("broader", "no means are required for any victim, children included", "covered")
        )
        return
    # structure instead of words: a separate child offence, or a limb of the offence for children,
    # with acts but no means ("(c) recruits ... a child ... for the purpose of ..."); or "... by force,
    # fraud or coercion, or [where] the person has not attained the age of 18 years"
    for finder in (_child_offence_without_means, _child_limb):
        limb = None if any(e.status == "found" for e in finding.elements) else finder(run, means_found)
        if limb is not None:
            hit, quote = limb
            for e in finding.elements:
                e.status, e.evidence = "found", [run.evidence(hit, quote)]
            hits = [hit]
    if any(e.status == "found" for e in finding.elements):
        sentences = [run.sentence(h)[0] for h in hits]
        if sentences and all(SEXUAL.search(s) for s in sentences):
            finding.status = "partial"
            finding.qualifiers.append(
                Qualifier(
                    "only_sexual", "child trafficking without means only for sexual exploitation", "partial"
                )
            )
        else:
            finding.status = "covered"
        return
    finding.status = "missing"


def _child_offence_without_means(run: Run, means_hits: list[Hit]) -> tuple[Hit, str] | None:
    """A trafficking article, or a paragraph/point of one, about children, with acts and no means."""
    acts = _starts_by_doc(run.anchors.role_hits(run.hits, "acts"))
    means = _starts_by_doc(means_hits)
    for unit in run.anchors.trafficking_units:
        doc, text = unit.doc.document.id, unit.doc.document.text
        nodes = [unit.node] + [n for c in unit.node.children for n in (c, *c.children)]
        for node in nodes:
            head = (node.heading or "") + " " + text[node.text_start : node.text_start + 300]
            if not CHILD.search(head):
                continue
            inside = _any_start_in(means, doc, node.start, node.end)
            has_act = node is unit.node or _any_start_in(acts, doc, node.start, node.end)
            if not inside and has_act:
                start = node.start
                hit = Hit("", "", False, doc, start, min(node.end, start + 1), "")
                return hit, text[start : min(node.end, start + 300)].strip()
    return None


def _starts_by_doc(hits: list[Hit]) -> dict[str, list[int]]:
    """The start offsets of ``hits``, sorted, per document."""
    out: dict[str, list[int]] = {}
    for h in hits:
        out.setdefault(h.doc, []).append(h.start)
    for starts in out.values():
        starts.sort()
    return out


def _any_start_in(starts: dict[str, list[int]], doc: str, start: int, end: int) -> bool:
    """Some hit of ``doc`` starts in ``[start, end)``."""
    found = starts.get(doc, [])
    i = bisect_left(found, start)
    return i < len(found) and found[i] < end


def _child_limb(run: Run, means_hits: list[Hit]) -> tuple[Hit, str] | None:
    """A means list followed by "or ... has not attained 18" in the same sentence: an alternative
    limb for children that needs no means."""
    for h in means_hits:
        text = run.ctx(h.doc).document.text
        sentence, s, e = run.sentence(h, limit=1200)
        m = _CHILD_LIMB.search(text[h.end : e])
        if m:
            hit = Hit(h.requirement, h.key, False, h.doc, h.end + m.start(), h.end + m.end(), m.group(0))
            return hit, sentence
    return None


@rule("no_transnationality")
def _rule_no_transnationality(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """Covered when the basic offence needs no border crossing or organised group."""
    units = run.anchors.trafficking_units or run.anchors.loose_units
    if units:
        basic = Scope()
        for u in units:
            for s, e in u.spans(basic_only=True):
                basic.add(u.doc.document.id, s, e)
        basic.finish()
    elif run.has_trafficking_definition():
        basic = run.anchors.scopes["trafficking_definition"]  # a definition without an offence
    else:
        finding.status = "missing"
        return
    express = _starts_by_doc([h for e in req.elements for h in run.hits.get((req.id, e.key, False), [])])
    flags = []
    for neg in req.negative:
        for h in run.hits.get((req.id, neg.key, True), []):
            if not basic.contains(h.doc, h.start, h.end):
                continue
            sentence, s, e = run.sentence(h)
            # "within or across the borders" covers both: not a requirement of a border crossing
            if _WITHIN.search(sentence) or _any_start_in(express, h.doc, s, e):
                continue
            flags.append((neg, h))
    # drop the generic catalogue qualifiers; this rule judges red flags in the basic offence only
    finding.qualifiers = [
        Qualifier(n.key, n.label, "missing", [run.evidence(h, run.sentence(h)[0])]) for n, h in flags[:2]
    ]
    finding.status = "missing" if flags else "covered"
    if not flags:
        for e in finding.elements:
            if e.status == "missing":
                e.status = "not_required"
                e.note = "the basic offence needs no border crossing or organised group"


def sanction_sentences(run: Run) -> list[tuple]:
    """Basic-offence sentences of the trafficking offences that impose imprisonment (with or
    without a figure): (ctx, start, end)."""
    out = []
    for unit, seg in run.anchors.sanction_segments:
        ctx = unit.doc
        if not seg.aggravated and imprisonment().search(ctx.document.text[seg.start : seg.end]):
            out.append((ctx, seg.start, seg.end))
    return out


@rule("gravity")
def _rule_gravity(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """Covered when imprisonment is the penalty and a fine cannot replace it."""
    sanctions = sanction_sentences(run)
    if not sanctions:
        finding.status = "missing"
        return
    fines = []
    for ctx, s, e in sanctions:
        m = fine_alternative(ctx.document.text[s:e], ctx.lang)
        if m:
            fines.append((ctx, s + m.start(), s + m.end()))
    first = sanctions[0]
    for el in finding.elements:
        if el.status == "missing":
            el.status = "found"
            el.evidence = [span_evidence(*first)]
    if not fines:
        finding.status = "covered"
        return
    finding.status = "partial"
    ctx, s, e = fines[0]
    finding.qualifiers.append(
        Qualifier(
            "fine_alternative",
            "a fine may be imposed instead of imprisonment",
            "partial",
            [span_evidence(ctx, s, e, sentence_text(ctx, s))],
        )
    )


@rule("consent")
def _rule_consent(req: Requirement, run: Run, finding: Finding, hits: list[Hit]) -> None:
    """As "all", partial when consent is made irrelevant only for children."""
    _rule_all(req, run, finding, hits)
    if finding.status != "covered" or not hits:
        return
    sentences = [run.sentence(h)[0] for h in hits]
    if all(CHILD.search(s) and not ADULT.search(s) for s in sentences):
        finding.status = "partial"
        finding.qualifiers.append(
            Qualifier("only_children", "consent is made irrelevant only for child victims", "partial")
        )
