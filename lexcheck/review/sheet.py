"""The review sheet: one row per finding for a lawyer to confirm or correct, and its columns.

``write_review_sheet(result, "review.xlsx")`` writes one row per finding (requirement, machine status,
evidence, empty reviewer columns). The adviser fills ``reviewer_status`` (covered, partial, missing,
needs_review, not_applicable), ``note``, ``reviewer`` and ``date``. lexcheck never writes over an
existing review file (unless forced).

The columns are defined here once: :data:`REVIEWER_COLUMNS` (what the reviewer fills) and
:data:`DECISION_COLUMNS` (those and the evidence hash: what :mod:`lexcheck.review.load` reads back
beside ``requirement_id`` and ``machine_status``). The ``Findings`` sheet of the .xlsx report
(:mod:`lexcheck.report.tables`) ends with the same columns, so that it can be returned as a review
sheet too.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis.model import Finding, GapAnalysis
from ..analysis.statuses import STATUSES
from ..errors import OutputError
from ..files.cells import workbook_bytes
from ..files.outputs import forced, write_atomic
from .evidence import evidence_hash

#: The columns a reviewer fills (empty for a new finding, the decision already applied otherwise).
REVIEWER_COLUMNS = ("reviewer_status", "note", "reviewer", "date")
#: The last columns of every sheet a review can be returned on: the evidence hash, then the reviewer's.
DECISION_COLUMNS = ("evidence_hash", *REVIEWER_COLUMNS)
#: The columns of the review sheet written by ``lexcheck review init``.
COLUMNS = [
    "requirement_id",
    "title",
    "cite",
    "machine_status",
    "confidence",
    "provisions",
    "explanation",
    *DECISION_COLUMNS,
]


def decision_cells(finding: Finding) -> dict:
    """The :data:`DECISION_COLUMNS` of ``finding``'s row: its evidence hash and the review applied to it."""
    r = finding.review
    return {
        "evidence_hash": evidence_hash(finding),
        "reviewer_status": r.status if r else "",
        "note": r.note if r else "",
        "reviewer": r.reviewer if r else "",
        "date": r.date if r else "",
    }


def review_rows(result: GapAnalysis) -> list[dict]:
    rows = []
    for f in result.findings:
        rows.append(
            {
                "requirement_id": f.requirement_id,
                "title": f.title,
                "cite": f"{f.instrument} {f.cite}",
                "machine_status": f.machine_status or f.status,
                "confidence": f.confidence,
                "provisions": ", ".join(dict.fromkeys(e.label or e.eid for e in f.evidence)),
                "explanation": f.explanation,
                **decision_cells(f),
            }
        )
    return rows


def check_new_review_path(path: Path) -> None:
    """Refuse a review file name that exists (unless forced: :func:`lexcheck.files.outputs.forcing`)."""
    if path.exists() and not forced():
        raise OutputError(
            "exists; lexcheck never overwrites a file with a new review file (choose a new name, or "
            "give --force)",
            path,
        )


def write_review_sheet(result: GapAnalysis, out: str | Path, inputs=()) -> Path:
    """Write a new review sheet (.xlsx or .yaml); refuses to replace an existing file unless forced
    (:func:`lexcheck.files.outputs.forcing`, ``--force``)."""
    path = Path(out)
    check_new_review_path(path)
    rows = review_rows(result)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        import yaml

        doc = {
            "lexcheck_review": 1,
            "documents": [{"id": d.id, "path": d.path, "sha256": d.sha256} for d in result.documents],
            "decisions": rows,
        }
        write_atomic(
            path, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110), inputs, kind="review"
        )
    elif suffix == ".xlsx":
        write_atomic(path, _xlsx(rows), inputs, kind="review")
    else:
        raise OutputError("a review file must be .xlsx or .yaml", path)
    return path


def _xlsx(rows: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Review"
    ws.append(COLUMNS)
    for row in rows:
        ws.append([row[c] for c in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for col_idx, name in enumerate(COLUMNS, start=1):
        if name in REVIEWER_COLUMNS:
            for r in range(1, len(rows) + 2):
                ws.cell(row=r, column=col_idx).fill = fill
    letter = {name: ws.cell(row=1, column=i).column_letter for i, name in enumerate(COLUMNS, start=1)}
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"{letter['reviewer_status']}2:{letter['reviewer_status']}{len(rows) + 1}")
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    widths = {"requirement_id": 30, "title": 32, "explanation": 60, "note": 40, "provisions": 24}
    for name, width in widths.items():
        ws.column_dimensions[letter[name]].width = width
    return workbook_bytes(wb)
