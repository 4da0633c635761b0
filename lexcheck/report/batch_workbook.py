"""The comparison workbook of a batch (``lexcheck batch``): sheets Matrix, Summary and Errors.

Matrix has one row per framework and one column per requirement, coloured by status; Summary the
counts by status and the share covered, overall and in each thematic area; Errors the frameworks that
could not be analysed. The numbers come from :class:`lexcheck.batch.BatchResult`; this module only
lays them out (status tints and cleaned text as in the other reports, cells kept text by
:mod:`lexcheck.files.cells`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.statuses import STATUSES
from ..files.cells import workbook_bytes
from .common import STATUS_TINTS, clean
from .i18n import label

if TYPE_CHECKING:  # pragma: no cover
    from ..batch.result import BatchResult


def batch_xlsx(batch: BatchResult) -> bytes:
    """The comparison workbook: sheets Matrix, Summary and Errors."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3864")
    fills = {s: PatternFill("solid", fgColor=c) for s, c in STATUS_TINTS.items()}
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center")

    def header(ws, row: int) -> None:
        for cell in ws[row]:
            cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap_top

    wb = Workbook()
    # --- Matrix: one row per framework, one column per requirement
    ws = wb.active
    ws.title = "Matrix"
    reqs = batch.requirements
    ws.append(["Framework", "Country", *[r["id"] for r in reqs]])
    header(ws, 1)
    for cell, r in zip(ws[1][2:], reqs):  # the requirement's title and citation on hover
        cell.comment = Comment(clean(f"{r['title']}\n{r['instrument']} {r['cite']}".strip()), "lexcheck")
    for row in batch.rows:
        ws.append([row["name"], clean(row["country"]), *[row["statuses"].get(r["id"], "") for r in reqs]])
        for cell in ws[ws.max_row][2:]:
            fill = fills.get(cell.value)
            if fill is not None:
                cell.fill = fill
                cell.alignment = centre
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 24
    for j in range(3, len(reqs) + 3):
        ws.column_dimensions[get_column_letter(j)].width = 15
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(reqs) + 2)}{ws.max_row}"

    # --- Summary: counts by status, % covered overall and by area
    ws = wb.create_sheet("Summary")
    areas = batch.areas()
    status_heads = [label("status", s) for s in STATUSES]
    area_heads = [f"% covered: {label('area', a)}" for a in areas]
    ws.append(
        ["Framework", "Country", "Title", "Documents", *status_heads, "Total", "% covered", *area_heads]
    )
    header(ws, 1)
    ws.row_dimensions[1].height = 48
    first_pct = 5 + len(STATUSES) + 1  # column of "% covered"
    for s in batch.summary_rows():
        values = [s["framework"], clean(s["country"]), clean(s["title"]), s["documents"]]
        values += [s[k] for k in STATUSES] + [s["total"], _frac(s["% covered"])]
        values += [_frac(s[f"% covered: {a}"]) for a in areas]
        ws.append(values)
        for cell in ws[ws.max_row][first_pct - 1 :]:
            cell.number_format = "0%"
    for j, status in enumerate(STATUSES, start=5):
        ws.cell(row=1, column=j).fill = PatternFill("solid", fgColor=STATUS_TINTS[status])
        ws.cell(row=1, column=j).font = Font(bold=True)
    widths = {1: 30, 2: 24, 3: 40, 4: 11}
    for j in range(1, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(j, 13)
    if batch.rows:
        last = get_column_letter(ws.max_column)
        ws.conditional_formatting.add(
            f"{get_column_letter(first_pct)}2:{last}{ws.max_row}",
            ColorScaleRule(start_type="num", start_value=0, start_color="F2CFB3",
                           end_type="num", end_value=1, end_color="B3E2D5"),
        )  # fmt: skip
    ws.freeze_panes = "B2"

    # --- Errors: the frameworks that could not be analysed
    ws = wb.create_sheet("Errors")
    ws.append(["Framework", "Error", "Paths"])
    header(ws, 1)
    for e in batch.errors:
        ws.append([e.name, clean(e.error), clean("; ".join(e.paths))])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap_top
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    ws.column_dimensions["C"].width = 60
    ws.freeze_panes = "A2"
    return workbook_bytes(wb)


def _frac(pct: float | None) -> float | None:
    return None if pct is None else round(pct / 100.0, 4)
