"""Comparing two analyses: a law before and after amendment, or two countries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .statuses import GAP_STATUSES, gap_size

if TYPE_CHECKING:  # the results model imports this module for GapAnalysis.compare
    from .model import GapAnalysis


@dataclass
class Change:
    requirement_id: str
    title: str
    old_status: str
    new_status: str
    kind: str  # closed | narrowed | opened | widened | unchanged
    elements_gained: list[str] = field(default_factory=list)
    elements_lost: list[str] = field(default_factory=list)
    old_provisions: list[str] = field(default_factory=list)
    new_provisions: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    """What changed between ``old`` and ``new``, requirement by requirement."""

    old: GapAnalysis
    new: GapAnalysis
    changes: list[Change]

    def by_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def closed(self) -> list[Change]:
        return self.by_kind("closed")

    @property
    def opened(self) -> list[Change]:
        return self.by_kind("opened")

    @property
    def unchanged(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "unchanged" and c.new_status in GAP_STATUSES]

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return {
            "old": [d.path for d in self.old.documents],
            "new": [d.path for d in self.new.documents],
            "summary": {
                k: len(self.by_kind(k)) for k in ("closed", "narrowed", "opened", "widened", "unchanged")
            },
            "changes": [asdict(c) for c in self.changes],
        }

    def to_dataframe(self):
        from dataclasses import asdict

        import pandas as pd

        return pd.DataFrame([asdict(c) for c in self.changes])


def compare(old: GapAnalysis, new: GapAnalysis) -> Comparison:
    """Requirement by requirement: gaps closed (missing/partial -> covered), narrowed
    (missing -> partial), opened, widened, or unchanged; element by element."""
    new_by_id = {f.requirement_id: f for f in new.findings}
    changes = []
    for f in old.findings:
        g = new_by_id.get(f.requirement_id)
        if g is None:
            continue
        a, b = gap_size(f.status), gap_size(g.status)
        if b < a:
            kind = "closed" if b == 0 else "narrowed"
        elif b > a:
            kind = "opened" if a == 0 else "widened"
        else:
            kind = "unchanged"
        old_found = {e.key for e in f.elements if e.status != "missing"}
        new_found = {e.key for e in g.elements if e.status != "missing"}
        changes.append(
            Change(
                requirement_id=f.requirement_id,
                title=f.title,
                old_status=f.status,
                new_status=g.status,
                kind=kind,
                elements_gained=sorted(new_found - old_found),
                elements_lost=sorted(old_found - new_found),
                old_provisions=list(dict.fromkeys(e.label or e.eid for e in f.evidence)),
                new_provisions=list(dict.fromkeys(e.label or e.eid for e in g.evidence)),
            )
        )
    return Comparison(old, new, changes)
