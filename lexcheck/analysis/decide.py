"""From hits, scopes and figures to one Finding per requirement: status, elements, evidence,
parameters, qualifiers, confidence and an explanation a lawyer can check in one read.

A finding is decided in :data:`STEPS`, applied in the order written there. Each step is a small
function ``step(req, run, draft)`` that may change only what its docstring says; the order matters
(a red flag can only narrow a status a rule has set; the evidence is chosen once the status is
final), and this list is the one place it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..catalogue.model import Requirement
from .explain import confidence, explain, recommendation
from .matching import Hit
from .model import ElementResult, Evidence, Finding, Qualifier
from .parameter_checks import PARAMETERS  # filled by the @parameter checks there
from .rules import RULES  # filled by the @rule functions there
from .run import Run, in_scope
from .statuses import worse

MAX_EVIDENCE = 3


@dataclass
class Draft:
    """A finding being decided, with what the steps learn about it on the way."""

    finding: Finding
    found_hits: list[Hit] = field(default_factory=list)  # the element hits used as evidence
    heading_only: bool = True  # every element was found only in headings without text


def _hits(run: Run, req: Requirement, key: str, negative: bool = False) -> list[Hit]:
    return run.hits.get((req.id, key, negative), [])


def _first_per_provision(run: Run, hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        key = run.node_key(h)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def _area(run: Run, req: Requirement) -> dict:
    return (run.areas or {}).get(req.area) or {}


def find_elements(req: Requirement, run: Run, draft: Draft) -> None:
    """Each element: found (with up to three pieces of evidence, one per provision) or missing.

    Only hits in the requirement's scope count. For requirements looked for anywhere operative, a
    definition does not by itself oblige anyone to act (unless the area says definitions provide
    it), and for areas whose requirements the wording of an offence cannot provide (services,
    residence, prevention, institutions: "procures children from hospitals, shelters ..." is not a
    shelter for victims) offence paragraphs do not count. Text under a heading is preferred to the
    heading alone."""
    scopes = run.anchors.scopes
    scope = scopes.get(req.scope, scopes["operative"])
    area = _area(run, req)
    operative = req.scope == "operative"
    glossary = scopes["glossary"] if operative and not area.get("definitions_provide", False) else None
    offences = scopes["criminal"] if operative and not area.get("offence_wording_provides", True) else None
    for el in req.elements:
        hits = in_scope(scope, _hits(run, req, el.key))
        if glossary:
            hits = [h for h in hits if not glossary.contains(h.doc, h.start, h.end)]
        if offences:
            hits = [h for h in hits if not offences.contains(h.doc, h.start, h.end)]
        body_hits = [h for h in hits if not run.heading_only(h)]
        if body_hits:
            draft.heading_only = False
        use = body_hits or hits
        draft.finding.elements.append(
            ElementResult(
                key=el.key,
                status="found" if use else "missing",
                label=el.label,
                evidence=[run.evidence(h) for h in _first_per_provision(run, use)[:MAX_EVIDENCE]],
            )
        )
        draft.found_hits.extend(use[:MAX_EVIDENCE])


def find_red_flags(req: Requirement, run: Run, draft: Draft) -> None:
    """The requirement's red flags found in scope, as qualifiers (the status is not changed yet).

    A red flag narrows the requirement only where it is provided: a restriction (``partial``) in the
    same article as the evidence, a contradiction in the very provision that was found (an exemption
    for a perpetrator in note 1 does not undo the victims' exemption in note 2)."""
    scope = run.anchors.scopes.get(req.scope, run.anchors.scopes["operative"])
    found_units = {run.unit_key(h) for h in draft.found_hits}
    found_nodes = {run.node_key(h) for h in draft.found_hits}
    for neg in req.negative:
        nh = in_scope(scope, _hits(run, req, neg.key, True))
        if found_units and neg.effect == "partial":
            nh = [h for h in nh if run.unit_key(h) in found_units]
        elif found_units:
            nh = [h for h in nh if run.node_key(h) in found_nodes]
        if nh:
            draft.finding.qualifiers.append(
                Qualifier(
                    neg.key, neg.label, neg.effect, [run.evidence(h, run.sentence(h)[0]) for h in nh[:2]]
                )
            )


def apply_rule(req: Requirement, run: Run, draft: Draft) -> None:
    """The requirement's rule (``lexcheck.analysis.rules``) sets the first status; it may also mark
    elements not required, add evidence to them and add qualifiers."""
    RULES[req.rule if req.rule in RULES else "all"](req, run, draft.finding, draft.found_hits)


def check_parameters(req: Requirement, run: Run, draft: Draft) -> None:
    """Each figure the standard sets (``lexcheck.analysis.parameter_checks``) is read and checked;
    a figure can confirm, narrow or (when none can be read) undo the rule's status."""
    for p in req.parameters:
        PARAMETERS[p.kind](req, run, draft.finding, p)


def apply_red_flags(req: Requirement, run: Run, draft: Draft) -> None:
    """A red flag lowers a covered or partial status to its effect, if that is worse; it never
    raises a status and never touches a missing one."""
    finding = draft.finding
    for q in finding.qualifiers:
        restricts = q.effect in ("partial", "needs_review", "missing") and finding.status in (
            "covered",
            "partial",
        )
        if restricts and worse(q.effect, finding.status):
            finding.status = q.effect


def check_headings(req: Requirement, run: Run, draft: Draft) -> None:
    """Elements found only in headings with no operative text under them: needs_review (for the
    rules that read the elements' words: all, any, consent)."""
    finding = draft.finding
    if (
        finding.status in ("covered", "partial")
        and draft.heading_only
        and draft.found_hits
        and req.rule in ("all", "any", "consent")
    ):
        finding.status = "needs_review"
        finding.qualifiers.append(
            Qualifier("heading_only", "only a heading, with no operative text under it", "needs_review")
        )


def choose_evidence(req: Requirement, run: Run, draft: Draft) -> None:
    """The finding's evidence: the sentences of its element hits (one per sentence, at most three),
    the figures that decided it first; the status is not changed."""
    finding = draft.finding
    finding.evidence = _sentences(run, finding, draft.found_hits)
    figures = [ev for p in finding.parameters for ev in p.evidence]
    if figures:  # the figure that decided the finding comes first
        seen = {(ev.document, ev.eid) for ev in figures}
        finding.evidence = (figures + [e for e in finding.evidence if (e.document, e.eid) not in seen])[
            :MAX_EVIDENCE
        ]


def describe(req: Requirement, run: Run, draft: Draft) -> None:
    """Confidence, explanation, recommendation and model wording for the final status, which is
    recorded as the machine's status (a reviewer may later override ``status``, not this)."""
    finding = draft.finding
    finding.confidence = confidence(req, finding, draft.found_hits)
    finding.explanation = explain(req, finding)
    finding.recommendation = recommendation(req, finding.status)
    finding.model_wording = (
        req.model_wording if finding.status in ("partial", "missing", "needs_review") else ""
    )
    finding.machine_status = finding.status


Step = Callable[[Requirement, Run, Draft], None]

#: The order in which a finding is decided.
STEPS: tuple[Step, ...] = (
    find_elements,
    find_red_flags,
    apply_rule,
    check_parameters,
    apply_red_flags,
    check_headings,
    choose_evidence,
    describe,
)


def evaluate(req: Requirement, run: Run) -> Finding:
    """Evaluate one requirement against the framework: :data:`STEPS` applied in order."""
    draft = Draft(
        Finding(
            requirement_id=req.id,
            instrument=req.instrument,
            status="missing",
            confidence=0.0,
            cite=req.cite,
            title=req.title,
            area=req.area,
            strength=req.strength,
            lenses=list(req.lenses),
            actors=list(req.actors),
        )
    )
    for step in STEPS:
        step(req, run, draft)
    return draft.finding


def _sentences(run: Run, finding: Finding, hits: list[Hit]) -> list[Evidence]:
    out, seen = [], set()
    for h in sorted(hits, key=lambda h: (h.doc, h.start)):
        quote, s, e = run.sentence(h)
        if (h.doc, s) in seen:
            continue
        seen.add((h.doc, s))
        ev = run.evidence(h, quote)
        ev.start, ev.end = s, e
        out.append(ev)
        if len(out) >= MAX_EVIDENCE:
            break
    if not out:
        for el in finding.elements:
            out.extend(el.evidence[:1])
        out = out[:MAX_EVIDENCE]
    return out
