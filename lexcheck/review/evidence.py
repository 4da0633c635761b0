"""The evidence hash: a short fingerprint of what a finding relied on, written beside each review decision.

A decision made on one version of a law may not fit the next. The review sheet (and the ``Findings``
sheet of the .xlsx report) carries the hash of the finding's evidence; when the decision is applied
again, a different hash means the law changed since the review and the decision is flagged as stale.
"""

from __future__ import annotations

import hashlib

from ..analysis.model import Finding


def evidence_hash(finding: Finding) -> str:
    """A short fingerprint of the evidence a finding relied on, to notice when the law changed."""
    h = hashlib.sha256()
    for ev in finding.evidence:
        h.update(f"{ev.document}|{ev.eid}|{ev.quote}\n".encode())
    for el in finding.elements:
        h.update(f"{el.key}={el.status}\n".encode())
    return h.hexdigest()[:12]
