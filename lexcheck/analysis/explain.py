"""The words of a finding: its confidence, its explanation and the recommendation for its status."""

from __future__ import annotations

from ..catalogue.model import Requirement
from .matching import Hit
from .model import Finding
from .parameters import LIFE


def confidence(req: Requirement, finding: Finding, hits: list[Hit]) -> float:
    base = {"covered": 0.8, "partial": 0.7, "missing": 0.75, "needs_review": 0.4, "not_applicable": 1.0}[
        finding.status
    ]
    if req.scope in ("trafficking_definition", "exploitation", "offence") or req.rule not in ("all", "any"):
        base += 0.1
    if (
        finding.status == "covered"
        and len({(h.doc, h.start) for h in hits}) == 1
        and req.rule in ("all", "any")
    ):
        base -= 0.1
    if any(q.effect in ("partial", "needs_review") for q in finding.qualifiers):
        base -= 0.1
    return round(max(0.05, min(0.95, base)), 2)


def _names(items) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def explain(req: Requirement, finding: Finding) -> str:
    """One or two sentences a lawyer can check against the quoted provisions."""
    found = [e for e in finding.elements if e.status == "found"]
    missing = [e for e in finding.elements if e.status == "missing"]
    not_req = [e for e in finding.elements if e.status == "not_required"]
    figures = [ev for p in finding.parameters for ev in p.evidence]
    cited = figures or [ev for e in found for ev in e.evidence]
    where = _names(list(dict.fromkeys(ev.label or ev.eid for ev in cited if ev.eid))[:4])
    parts = []
    if finding.status == "covered":
        if not_req and not found:
            why = next((q.label for q in finding.qualifiers if q.key == "broader"), "") or not_req[0].note
            parts.append(
                f"Covered, more broadly than the standard: {why or 'the elements are not required'}."
            )
        elif len(finding.elements) > 1:
            parts.append(f"Covered: {where or 'the law'} provides {_names([e.label for e in found])}.")
        else:
            parts.append(f"Covered by {where or 'the law'}.")
    elif finding.status == "partial":
        if found:
            parts.append(f"Partly covered: {where or 'the law'} provides {_names([e.label for e in found])}")
            parts[-1] += f", but not {_names([e.label for e in missing])}." if missing else "."
        else:
            parts.append("Partly covered.")
    elif finding.status == "missing":
        blocking = [q for q in finding.qualifiers if q.effect == "missing"]
        if blocking:
            parts.append(f"Not provided: {blocking[0].label}.")
        elif found:
            required = [e.label for e in missing] or [e.label for e in finding.elements]
            parts.append(
                f"Not provided: no operative provision provides {_names(required[:4])}"
                f" (only {_names([e.label for e in found])}, which is not enough on its own)."
            )
        else:
            parts.append("No operative provision of the supplied texts provides this.")
    elif finding.status == "needs_review":
        parts.append("Needs review: the evidence is weak or contradictory.")
    for q in finding.qualifiers:
        if q.key == "broader" or (finding.status == "missing" and q.effect == "missing"):
            continue
        where_q = f" ({q.evidence[0].label or q.evidence[0].eid})" if q.evidence else ""
        parts.append(f"Restriction{where_q}: {q.label}.")
    for p in finding.parameters:
        if p.value is not None:
            verdict = "meets" if p.ok else "does not meet"
            shown = "life" if p.value == LIFE and p.unit == "years" else f"{p.value} {p.unit}"
            parts.append(
                f"{p.name.replace('_', ' ').capitalize()}: {shown}, which {verdict} the standard ({p.rule})."
            )
    return " ".join(parts)


def recommendation(req: Requirement, status: str) -> str:
    if status == "partial":
        return req.recommendation.get("partial") or req.recommendation.get("missing", "")
    if status == "missing":
        return req.recommendation.get("missing", "")
    if status == "needs_review":
        return (
            req.recommendation.get("needs_review")
            or req.recommendation.get("partial")
            or req.recommendation.get("missing", "")
        )
    return ""
