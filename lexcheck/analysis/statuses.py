"""The one ranking of finding statuses: how far each is from "the law provides this".

When two steps of the decision disagree (a rule says ``covered``, a red flag says ``partial``), the
status further down this table wins. ``not_applicable`` ranks with ``covered``: neither is a gap.
"""

from __future__ import annotations

#: Every status a finding may have, and those that report a gap.
STATUSES = ("covered", "partial", "missing", "needs_review", "not_applicable")
GAP_STATUSES = ("partial", "missing", "needs_review")

STATUS_RANK = {"covered": 0, "not_applicable": 0, "partial": 1, "needs_review": 2, "missing": 3}


def worse(a: str, b: str) -> bool:
    """``a`` is further from "provided" than ``b``."""
    return STATUS_RANK[a] > STATUS_RANK[b]


def gap_size(status: str) -> int:
    """The size of the gap a status reports, for comparing two analyses: 0 none, 1 part of the
    requirement (or a finding a lawyer has still to judge, counted like a partial one), 2 all of it.
    An unknown status counts as 1."""
    rank = STATUS_RANK.get(status, STATUS_RANK["partial"])
    return 2 if rank == STATUS_RANK["missing"] else min(rank, 1)
