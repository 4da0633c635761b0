"""Human review: a reviewer's decisions kept in a review file and reapplied on every run.

``write_review_sheet(result, "review.xlsx")`` writes one row per finding (requirement, machine status,
evidence, empty reviewer columns). The adviser fills ``reviewer_status`` (covered, partial, missing,
needs_review, not_applicable), ``note``, ``reviewer`` and ``date``. ``apply_review(result, path)``
puts the decisions on top of the machine findings: the finding's status becomes the reviewer's, the
machine status is kept beside it, and a decision whose requirement or evidence changed since the
review is flagged as stale. lexcheck never writes over an existing review file (unless forced).
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

from .analysis.model import Finding, GapAnalysis, Review
from .analysis.statuses import STATUSES
from .cells import workbook_bytes
from .errors import OutputError, ReviewError
from .outputs import forced, write_atomic

COLUMNS = [
    "requirement_id",
    "title",
    "cite",
    "machine_status",
    "confidence",
    "provisions",
    "explanation",
    "evidence_hash",
    "reviewer_status",
    "note",
    "reviewer",
    "date",
]
REVIEWER_COLUMNS = ("reviewer_status", "note", "reviewer", "date")


class ReviewWarning(UserWarning):
    """A review decision that may no longer fit the finding it was made on."""


def evidence_hash(finding: Finding) -> str:
    """A short fingerprint of the evidence a finding relied on, to notice when the law changed."""
    h = hashlib.sha256()
    for ev in finding.evidence:
        h.update(f"{ev.document}|{ev.eid}|{ev.quote}\n".encode())
    for el in finding.elements:
        h.update(f"{el.key}={el.status}\n".encode())
    return h.hexdigest()[:12]


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
                "evidence_hash": evidence_hash(f),
                "reviewer_status": f.review.status if f.review else "",
                "note": f.review.note if f.review else "",
                "reviewer": f.review.reviewer if f.review else "",
                "date": f.review.date if f.review else "",
            }
        )
    return rows


def check_new_review_path(path: Path) -> None:
    """Refuse a review file name that exists (unless forced: :func:`lexcheck.outputs.forcing`)."""
    if path.exists() and not forced():
        raise OutputError(
            "exists; lexcheck never overwrites a file with a new review file (choose a new name, or "
            "give --force)",
            path,
        )


def write_review_sheet(result: GapAnalysis, out: str | Path, inputs=()) -> Path:
    """Write a new review sheet (.xlsx or .yaml); refuses to replace an existing file unless forced
    (:func:`lexcheck.outputs.forcing`, ``--force``)."""
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
    dv = DataValidation(
        type="list", formula1='"covered,partial,missing,needs_review,not_applicable"', allow_blank=True
    )
    ws.add_data_validation(dv)
    dv.add(f"{letter['reviewer_status']}2:{letter['reviewer_status']}{len(rows) + 1}")
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    widths = {"requirement_id": 30, "title": 32, "explanation": 60, "note": 40, "provisions": 24}
    for name, width in widths.items():
        ws.column_dimensions[letter[name]].width = width
    return workbook_bytes(wb)


def load_review(path: str | Path) -> list[dict]:
    """The decisions in a review file (rows with a reviewer_status)."""
    p = Path(path)
    if not p.exists():
        raise ReviewError("no such file", p)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = _load_yaml(p)
    elif suffix == ".xlsx":
        rows = _load_xlsx(p)
    else:
        raise ReviewError("a review file must be .xlsx or .yaml", p)
    decisions = []
    for i, row in enumerate(rows, start=2):
        status = str(row.get("reviewer_status") or "").strip().lower()
        if not status:
            continue
        rid = str(row.get("requirement_id") or "").strip()
        if not rid:
            raise ReviewError(f"row {i}: reviewer_status given but no requirement_id", p)
        if status not in STATUSES:
            raise ReviewError(
                f"row {i} ({rid}): unknown reviewer_status {status!r}; use one of {', '.join(STATUSES)}", p
            )
        decisions.append({**row, "requirement_id": rid, "reviewer_status": status})
    return decisions


def _load_yaml(p: Path) -> list[dict]:
    import yaml

    from . import safe_yaml

    try:
        data = safe_yaml.load(_read_bytes(p).decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None)
        raise ReviewError(
            f"{where}not a valid YAML review file" + (f" ({problem})" if problem else ""), p
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise ReviewError("not a lexcheck review file (no 'decisions' list)", p)
    rows = data["decisions"]
    if not all(isinstance(r, dict) for r in rows):
        raise ReviewError("every decision must be a mapping", p)
    return rows


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise ReviewError(f"cannot read the review file ({exc.strerror or exc})", p) from None


def _load_xlsx(p: Path) -> list[dict]:
    import io

    from openpyxl import load_workbook

    from .errors import InputError
    from .safezip import check_ooxml

    data = _read_bytes(p)
    try:
        check_ooxml(data, p, what="Excel file")
    except InputError as exc:
        raise ReviewError(f"not a valid .xlsx review sheet: {exc.message}", p) from None
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            rows = list(ws.iter_rows(values_only=True))
        finally:
            wb.close()
    except Exception as exc:  # openpyxl raises many types for a malformed part
        raise ReviewError(f"not a valid .xlsx review sheet ({type(exc).__name__})", p) from None
    if not rows:
        raise ReviewError("review sheet is empty", p)
    header = [str(h or "").strip() for h in rows[0]]
    if "requirement_id" not in header or "reviewer_status" not in header:
        raise ReviewError("review sheet needs the columns requirement_id and reviewer_status", p)
    out = []
    for values in rows[1:]:
        row = {h: v for h, v in zip(header, values) if h}
        if row.get("date") is not None and not isinstance(row.get("date"), str):
            row["date"] = str(row["date"])[:10]
        out.append(row)
    return out


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
