"""Applying a reviewer's decisions to an analysis, and flagging those that may be out of date.

``apply_review(result, path)`` puts the decisions on top of the machine findings: the finding's status
becomes the reviewer's, the machine status is kept beside it, and a decision whose requirement or
evidence changed since the review is flagged as stale (a :class:`ReviewWarning`).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from ..analysis.model import GapAnalysis, Review
from .evidence import evidence_hash
from .load import load_review


class ReviewWarning(UserWarning):
    """A review decision that may no longer fit the finding it was made on."""


def apply_review(result: GapAnalysis, path: str | Path) -> list[str]:
    """Apply the reviewer's decisions to ``result``; returns warnings (also issued as ReviewWarning)."""
    decisions = load_review(path)
    by_id = {f.requirement_id: f for f in result.findings}
    notes = []
    for d in decisions:
        rid = d["requirement_id"]
        f = by_id.get(rid)
        if f is None:
            notes.append(f"{rid}: reviewed, but not in this analysis (profile or catalogue changed)")
            continue
        machine = f.machine_status or f.status
        stale, reason = False, ""
        old_machine = str(d.get("machine_status") or "").strip()
        old_hash = str(d.get("evidence_hash") or "").strip()
        if old_hash and old_hash != evidence_hash(f):
            stale, reason = True, "the evidence changed since the review"
        elif old_machine and old_machine != machine:
            stale, reason = True, f"the machine status changed from {old_machine} to {machine}"
        f.review = Review(
            status=d["reviewer_status"],
            note=str(d.get("note") or ""),
            reviewer=str(d.get("reviewer") or ""),
            date=str(d.get("date") or ""),
            machine_status=machine,
            stale=stale,
            stale_reason=reason,
        )
        f.machine_status = machine
        f.status = d["reviewer_status"]
        if stale:
            notes.append(f"{rid}: review may be out of date: {reason}")
    for n in notes:
        warnings.warn(n, ReviewWarning, stacklevel=2)
    return notes
