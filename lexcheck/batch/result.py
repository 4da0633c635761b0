"""What a batch produced: the per-framework results, the failures, and the tables that compare them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis.statuses import STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis.model import GapAnalysis


@dataclass
class BatchError:
    """A framework that could not be analysed: its name and a one-line reason."""

    name: str
    error: str
    paths: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.name}: {self.error}"


@dataclass
class BatchResult:
    """What a batch produced: the workbook, the per-framework JSON results, and the failures."""

    out: Path
    results_dir: Path
    profile: str
    requirements: list[dict]  # id, instrument, cite, title, area (the columns of the matrix)
    rows: list[dict]  # name, country, title, documents, statuses, result (one per analysed framework)
    errors: list[BatchError]
    seconds: float = 0.0

    @property
    def names(self) -> list[str]:
        """Names of the frameworks analysed, in source order."""
        return [r["name"] for r in self.rows]

    def matrix(self):
        """One row per framework (index ``framework``), one column per requirement id, the status as
        value (pandas DataFrame)."""
        import pandas as pd

        ids = [r["id"] for r in self.requirements]
        data = [[row["statuses"].get(rid, "") for rid in ids] for row in self.rows]
        df = pd.DataFrame(data, index=pd.Index(self.names, name="framework"), columns=ids)
        df.columns.name = "requirement_id"
        return df

    def summaries(self):
        """One row per framework: country, counts by status, ``% covered`` overall and by area."""
        import pandas as pd

        return pd.DataFrame(self.summary_rows()).set_index("framework") if self.rows else pd.DataFrame()

    def result(self, name: str) -> GapAnalysis:
        """The full result of one framework, read back from its JSON file."""
        from ..analysis.model import GapAnalysis

        row = next((r for r in self.rows if r["name"] == name), None)
        if row is None:
            raise KeyError(name)
        return GapAnalysis.read_json(row["result"])

    def summary_line(self) -> str:
        n = len(self.rows) + len(self.errors)
        failed = f", {len(self.errors)} failed" if self.errors else ""
        return (
            f"lexcheck: batch of {n} frameworks ({self.profile}): {len(self.rows)} analysed{failed} "
            f"in {self.seconds:.0f} s -> {self.out} (results in {self.results_dir}{os.sep})"
        )

    def __repr__(self) -> str:
        return f"<BatchResult {len(self.rows)} analysed, {len(self.errors)} failed -> {self.out}>"

    # ----- summary table -----
    def areas(self) -> list[str]:
        """The thematic areas of the requirements, in the catalogue's order of areas."""
        from ..catalogue import area_order

        present = list(dict.fromkeys(r["area"] for r in self.requirements if r["area"]))
        rank = {a: i for i, a in enumerate(area_order())}
        return sorted(present, key=lambda a: (rank.get(a, len(rank)), present.index(a)))

    def summary_rows(self) -> list[dict]:
        area_of = {r["id"]: r["area"] for r in self.requirements}
        areas = self.areas()
        out = []
        for row in self.rows:
            counts = dict.fromkeys(STATUSES, 0)
            by_area: dict[str, list[int]] = {a: [0, 0] for a in areas}  # covered, applicable
            for rid, status in row["statuses"].items():
                counts[status] = counts.get(status, 0) + 1
                cell = by_area.get(area_of.get(rid, ""))
                if cell is not None and status != "not_applicable":
                    cell[1] += 1
                    cell[0] += status == "covered"
            applicable = sum(counts.values()) - counts["not_applicable"]
            summary = {
                "framework": row["name"],
                "country": row["country"],
                "title": row["title"],
                "documents": row["documents"],
                **counts,
                "total": sum(counts.values()),
                "% covered": _pct(counts["covered"], applicable),
            }
            for a in areas:
                summary[f"% covered: {a}"] = _pct(*by_area[a])
            out.append(summary)
        return out


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def load_results(batch: BatchResult) -> Iterator[GapAnalysis]:
    """Each framework's full result, read back one at a time from the results folder."""
    for row in batch.rows:
        yield batch.result(row["name"])
