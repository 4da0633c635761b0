"""Reading a returned review file (.xlsx or .yaml) into the reviewer's decisions.

The file comes from someone else: a .xlsx is checked as a container first
(:mod:`lexcheck.files.safezip`), a .yaml is read without anchors and aliases
(:mod:`lexcheck.files.safe_yaml`); every problem is a one-line :class:`~lexcheck.errors.ReviewError`.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis.statuses import STATUSES
from ..errors import ReviewError


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

    from ..files import safe_yaml

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

    from ..errors import InputError
    from ..files.safezip import check_ooxml

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
