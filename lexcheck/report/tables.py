"""Tables for researchers and reviewers: .xlsx (with a review sheet), .csv and Markdown.

The first sheet of the workbook (``Findings``) is also a review sheet that :mod:`lexcheck.review` reads:
its last columns are the review sheet's (:data:`lexcheck.review.sheet.DECISION_COLUMNS`): the evidence
hash, and ``reviewer_status``, ``note``, ``reviewer`` and ``date``, empty for the reviewer to fill or
holding the decision already applied to the finding, so that a returned sheet keeps earlier decisions.
"""

from __future__ import annotations

import csv
import io
import re

from ..analysis.model import GapAnalysis
from ..files.cells import csv_text, workbook_bytes
from ..files.outputs import write_atomic
from ..review.sheet import DECISION_COLUMNS, REVIEWER_COLUMNS, decision_cells
from . import i18n
from .common import STATUS_TINTS, ReportData, TextLookup, clean

FINDING_COLUMNS = [
    "requirement_id",
    "instrument",
    "standard",
    "cite",
    "title",
    "area",
    "area_label",
    "strength",
    "lenses",
    "actors",
    "status",
    "machine_status",
    "confidence",
    "elements_found",
    "elements_missing",
    "provisions",
    "quotes",
    "explanation",
    "recommendation",
    "model_wording",
    *DECISION_COLUMNS,
]
ELEMENT_COLUMNS = ["requirement_id", "element", "label", "status", "provisions", "quote"]
EVIDENCE_COLUMNS = ["requirement_id", "source", "document", "eid", "provision", "start", "end", "quote"]


def finding_rows(data: ReportData) -> list[dict]:
    """One row per finding, with human labels beside the machine keys."""
    rows = []
    for f in data.result.findings:
        evs = data.provision_groups(f)
        r = f.review
        rows.append(
            {
                "requirement_id": f.requirement_id,
                "instrument": f.instrument,
                "standard": data.standard(f),
                "cite": f.cite,
                "title": data.title(f),
                "area": f.area,
                "area_label": data.area(f.area) if f.area else "",
                "strength": f.strength,
                "lenses": ", ".join(f.lenses),
                "actors": ", ".join(f.actors),
                "status": f.status,
                "machine_status": f.machine_status or (r.machine_status if r else "") or f.status,
                "confidence": round(f.confidence, 2),
                "elements_found": ", ".join(e.key for e in f.elements if e.status == "found"),
                "elements_missing": ", ".join(e.key for e in f.elements if e.status == "missing"),
                "provisions": "; ".join(data.provisions(f, with_document=True)),
                "quotes": " | ".join(" ".join(ev.quote.split()) for ev in evs[:5]),
                "explanation": data.text(f, "explanation"),
                "recommendation": data.text(f, "recommendation") if f.is_gap else "",
                "model_wording": " ".join(data.text(f, "model_wording").split()) if f.is_gap else "",
                **decision_cells(f),
            }
        )
    return rows


def element_rows(data: ReportData) -> list[dict]:
    return [
        {
            "requirement_id": f.requirement_id,
            "element": e.key,
            "label": e.label,
            "status": e.status,
            "provisions": "; ".join(dict.fromkeys(data.provision(v, True) for v in e.evidence)),
            "quote": " | ".join(" ".join(v.quote.split()) for v in e.evidence[:3]),
        }
        for f in data.result.findings
        for e in f.elements
    ]


def evidence_rows(data: ReportData) -> list[dict]:
    rows = []
    for f in data.result.findings:
        sources = [("requirement", ev) for ev in f.evidence]
        sources += [(f"element:{e.key}", ev) for e in f.elements for ev in e.evidence]
        sources += [(f"parameter:{p.name}", ev) for p in f.parameters for ev in p.evidence]
        sources += [(f"qualifier:{q.key}", ev) for q in f.qualifiers for ev in q.evidence]
        for source, ev in sources:
            rows.append(
                {
                    "requirement_id": f.requirement_id,
                    "source": source,
                    "document": ev.document,
                    "eid": ev.eid,
                    "provision": data.provision(ev, True),
                    "start": ev.start,
                    "end": ev.end,
                    "quote": ev.quote,
                }
            )
    return rows


# ----------------------------------------------------------------------------- CSV
def render_csv(
    result: GapAnalysis, out=None, lang: str = "en", *, texts: TextLookup | None = None, inputs=()
) -> str:
    """One row per finding (UTF-8, comma separated, header row); written to ``out`` if given."""
    data = ReportData(result, lang, texts)
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=FINDING_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in finding_rows(data):
        writer.writerow({k: csv_text(v) for k, v in row.items()})
    text = buf.getvalue()
    if out is not None:
        write_atomic(out, text, inputs=[*inputs, *(d.path for d in result.documents if d.path)])
    return text


# ----------------------------------------------------------------------------- XLSX
def render_xlsx(
    result: GapAnalysis, out, lang: str = "en", *, texts: TextLookup | None = None, inputs=()
) -> None:
    """Workbook with sheets Findings (review sheet), Elements, Evidence and Summary."""
    data = ReportData(result, lang, texts)
    write_atomic(out, xlsx_bytes(data), inputs=[*inputs, *(d.path for d in result.documents if d.path)])


_WIDTHS = {
    "requirement_id": 26,
    "standard": 26,
    "title": 28,
    "area_label": 24,
    "provisions": 30,
    "quotes": 50,
    "explanation": 50,
    "recommendation": 50,
    "model_wording": 40,
    "note": 40,
    "quote": 60,
    "provision": 28,
    "label": 24,
}
_WRAP = {
    "title",
    "provisions",
    "quotes",
    "explanation",
    "recommendation",
    "model_wording",
    "note",
    "quote",
    "label",
}


def xlsx_bytes(data: ReportData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3864")
    review_fill = PatternFill("solid", fgColor="FFF6E6")
    fills = {s: PatternFill("solid", fgColor=c) for s, c in STATUS_TINTS.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    def sheet(ws, columns, rows, status_cols=("status",)):
        ws.append(columns)
        for cell in ws[1]:
            cell.font, cell.fill = header_font, header_fill
        for row in rows:
            ws.append([_cell_value(row.get(c)) for c in columns])
        for i, name in enumerate(columns, start=1):
            letter = ws.cell(row=1, column=i).column_letter
            ws.column_dimensions[letter].width = _WIDTHS.get(name, 14)
            align = wrap if name in _WRAP else top
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = align
                if name in status_cols and cell.value in fills:
                    cell.fill = fills[cell.value]
                elif name in REVIEWER_COLUMNS:
                    cell.fill = review_fill
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = ws.dimensions

    wb = Workbook()
    ws = wb.active
    ws.title = "Findings"
    rows = finding_rows(data)
    sheet(ws, FINDING_COLUMNS, rows, status_cols=("status", "machine_status", "reviewer_status"))
    letter = {name: ws.cell(row=1, column=i).column_letter for i, name in enumerate(FINDING_COLUMNS, start=1)}
    dv = DataValidation(type="list", formula1='"' + ",".join(i18n.STATUS_ORDER) + '"', allow_blank=True)
    dv.error = "Choose one of: " + ", ".join(i18n.STATUS_ORDER)
    dv.prompt = "Your decision: " + ", ".join(i18n.STATUS_ORDER)
    ws.add_data_validation(dv)
    dv.add(f"{letter['reviewer_status']}2:{letter['reviewer_status']}{max(len(rows), 1) + 1}")

    sheet(wb.create_sheet("Elements"), ELEMENT_COLUMNS, element_rows(data), status_cols=())
    sheet(wb.create_sheet("Evidence"), EVIDENCE_COLUMNS, evidence_rows(data), status_cols=())
    _summary_sheet(wb.create_sheet("Summary"), data, header_font, header_fill, fills)
    return workbook_bytes(wb)


def _cell_value(value):
    if isinstance(value, str):
        return clean(value)
    return value


def _summary_sheet(ws, data: ReportData, header_font, header_fill, fills) -> None:
    r, t = data.result, data.t
    ws.append([t["report_short"]])
    from openpyxl.styles import Font

    ws["A1"].font = Font(bold=True, color="1F3864", size=13)
    meta = [
        (t["country"], r.country or r.title),
        (t["profile"], r.profile),
        (t["catalogue_version"], r.catalogue_version),
        (t["lexcheck_version"], r.lexcheck_version),
        (t["documents"], "; ".join(f"{d.title or d.path} ({d.sha256[:12]})" for d in r.documents)),
    ]
    for k, v in meta:
        ws.append([k, clean(v)])
    ws.append([])
    for k, v in data.key_figures():
        ws.append([k, v])
    statuses = list(i18n.STATUS_ORDER)

    def matrix(title, groups):
        ws.append([])
        ws.append([title, *[data.status(s) for s in statuses], "total"])
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = header_font, header_fill
        for name, findings in groups:
            counts = [sum(1 for f in findings if f.status == s) for s in statuses]
            ws.append([name, *counts, sum(counts)])
            for s, cell in zip(statuses, ws[ws.max_row][1:]):
                if cell.value:
                    cell.fill = fills[s]

    matrix(t["chart_by_area"], [(data.area(a), fs) for a, fs in data.by_area()])
    by_inst: dict[str, list] = {}
    for f in r.findings:
        by_inst.setdefault(f.instrument, []).append(f)
    matrix(t["chart_by_instrument"], [(data.instrument(k), v) for k, v in by_inst.items()])
    ws.column_dimensions["A"].width = 46
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 16


# ----------------------------------------------------------------------------- Markdown
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md_escape(text) -> str:
    """Text for a Markdown table cell: one line, Markdown and HTML specials backslash-escaped."""
    text = " ".join(clean(text).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _ENTITY.sub(r"\\&", text)


def render_md(
    result: GapAnalysis, out=None, lang: str = "en", *, texts: TextLookup | None = None, inputs=()
) -> str:
    """A readable summary and the findings table in Markdown; written to ``out`` if given."""
    data = ReportData(result, lang, texts)
    t, r = data.t, result
    heading = r.country or r.title or t["national_framework"]
    lines = [f"# {md_escape(t['report_short'])}: {md_escape(heading)}", ""]
    meta = [
        (t["profile"], r.profile),
        (t["catalogue_version"], r.catalogue_version),
        (t["lexcheck_version"], r.lexcheck_version),
    ]
    lines += [f"- **{md_escape(k)}**: {md_escape(v or '—')}" for k, v in meta]
    lines.append(
        f"- **{md_escape(t['documents'])}**: " + "; ".join(md_escape(d.title or d.path) for d in r.documents)
    )
    lines += ["", f"## {md_escape(t['executive_summary'])}", ""]
    for para in data.summary_paragraphs():
        lines += [md_escape(para), ""]
    lines += [f"| {md_escape(t['key_figures'])} | |", "|---|---:|"]
    lines += [f"| {md_escape(k)} | {md_escape(v)} |" for k, v in data.key_figures()]
    lines += ["", f"> {md_escape(t['method_limits'])}", "", f"## {md_escape(t['findings_by_area'])}", ""]
    head = [
        t["col_requirement"],
        t["col_standard"],
        t["col_status"],
        t["col_provisions"],
        t["col_assessment"],
        t["col_recommendation"],
    ]
    for area, findings in data.by_area():
        lines += [f"### {md_escape(data.area(area))}", ""]
        lines.append("| " + " | ".join(md_escape(h) for h in head) + " |")
        lines.append("|" + "---|" * len(head))
        for f in findings:
            status = data.status(f.status)
            review = data.review_lines(f)
            if review:
                status += " — " + " ".join(review)
            num = data.rec_number.get(f.requirement_id)
            rec = data.recommendation(f)
            cells = [
                f"**{md_escape(data.title(f))}** ({md_escape(f.requirement_id)})",
                md_escape(data.standard(f)),
                md_escape(status),
                md_escape("; ".join(data.provisions(f)) or "—"),
                md_escape(" ".join([data.text(f, "explanation"), *data.element_lines(f)]).strip() or "—"),
                (f"R{num}. " if num else "") + md_escape(rec),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    text = "\n".join(lines).rstrip() + "\n"
    if out is not None:
        write_atomic(out, text, inputs=[*inputs, *(d.path for d in result.documents if d.path)])
    return text
