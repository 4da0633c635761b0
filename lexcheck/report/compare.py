"""Rendering a Comparison of two analyses (a law before and after reform, or two countries).

>>> from lexcheck.report.compare import render_comparison
>>> render_comparison(old.compare(new), "md", "changes.md")           # doctest: +SKIP

Formats: ``md`` (readable: summary counts, then one table per kind of change), ``json``
(``Comparison.to_dict()``, deterministic) and ``docx`` (Word, real styles: Title, Heading 1/2, a
table style, repeated header rows). Every output is written atomically and never over an input.

Kinds of change, in the order a reader wants them: gaps **closed** (now covered), **narrowed**
(missing -> partial), **opened** (was covered, now a gap), **widened** (a gap got worse), and gaps
**still open** (same gap status in both). Each row gives the requirement, the standard, the status
old -> new, the elements that changed (element by element) and the provisions relied on old -> new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..analysis.compare import Change, Comparison
from ..analysis.model import Finding, GapAnalysis
from ..errors import LexcheckError
from ..files.outputs import check_output_path, write_atomic
from .common import STATUS_TINTS, ReportData, truncate

FORMATS = ("md", "json", "docx")

# (kind, heading, what it means) in reading order; "still_open" is unchanged with a gap status.
SECTIONS = (
    ("closed", "Gaps closed", "A gap in the old framework that the new one covers."),
    ("narrowed", "Gaps narrowed", "Missing before, now partly provided."),
    ("opened", "Gaps opened", "Covered before, now partly provided or missing: check for a regression."),
    ("widened", "Gaps widened", "Partly provided before, now missing."),
    ("still_open", "Gaps still open", "The same gap in both frameworks."),
)
SUMMARY_ROWS = (
    ("closed", "Gaps closed"),
    ("narrowed", "Gaps narrowed"),
    ("opened", "Gaps opened"),
    ("widened", "Gaps widened"),
    ("still_open", "Gaps still open"),
    ("unchanged_covered", "Covered in both"),
)
_ELEMENT_WORDS = {"found": "found", "missing": "missing", "not_required": "not required", "": "absent"}


@dataclass
class _Row:
    """One change, ready to print."""

    change: Change
    title: str
    standard: str
    old_status: str
    new_status: str
    elements: list[str]
    old_provisions: list[str]
    new_provisions: list[str]


def render_comparison(comparison: Comparison, fmt: str, out, inputs=()) -> None:
    """Write ``comparison`` to ``out`` (a path, or ``-`` for the terminal) as ``md``, ``json`` or ``docx``.

    ``inputs``: paths never to overwrite (the national texts are protected as well).
    """
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise LexcheckError(f"unknown comparison format {fmt!r}; choose one of {', '.join(FORMATS)}")
    protected = [
        *inputs,
        *(d.path for d in comparison.old.documents if d.path),
        *(d.path for d in comparison.new.documents if d.path),
    ]
    if str(out) == "-":
        if fmt == "docx":
            raise LexcheckError("--format docx is binary; give an output file with -o")
    else:
        check_output_path(out, protected)  # fail before the work, not after
    if fmt == "json":
        data = comparison_json(comparison)
    elif fmt == "md":
        data = comparison_md(comparison)
    else:
        from .docx_util import save_bytes

        data = save_bytes(comparison_docx(comparison))
    write_atomic(out, data, inputs=protected)


# ----------------------------------------------------------------------------- shared
def comparison_json(comparison: Comparison) -> str:
    """``Comparison.to_dict()`` as JSON: the same inputs give the same bytes."""
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def side_label(result: GapAnalysis) -> str:
    """How a reader names one side: the framework's title and country, else its files."""
    names = [x for x in (result.title, result.country) if x]
    if result.title and result.country and result.country.lower() in result.title.lower():
        names = [result.title]
    if names:
        return " — ".join(dict.fromkeys(names))
    return "; ".join(Path(d.path).name or d.id for d in result.documents) or "(no documents)"


def documents_line(result: GapAnalysis) -> str:
    """``Title (file.txt); Other title (other.txt)``: the documents of one side."""
    out = []
    for d in result.documents:
        name = Path(d.path).name if d.path else d.id
        out.append(f"{d.title} ({name})" if d.title and d.title != name else name)
    return "; ".join(out) or "—"


def counts(comparison: Comparison) -> dict[str, int]:
    """Number of requirements per kind of change (``still_open`` and ``unchanged_covered`` split the
    unchanged ones)."""
    still = comparison.unchanged
    unchanged = comparison.by_kind("unchanged")
    out = {k: len(comparison.by_kind(k)) for k in ("closed", "narrowed", "opened", "widened")}
    out["still_open"] = len(still)
    out["unchanged_covered"] = len(unchanged) - len(still)
    return out


def sections(comparison: Comparison) -> list[tuple[str, str, str, list[_Row]]]:
    """``[(kind, heading, meaning, rows)]`` for each kind of change, in reading order."""
    old_data, new_data = ReportData(comparison.old), ReportData(comparison.new)
    old_by_id = {f.requirement_id: f for f in comparison.old.findings}
    new_by_id = {f.requirement_id: f for f in comparison.new.findings}

    def row(c: Change) -> _Row:
        f, g = old_by_id.get(c.requirement_id), new_by_id.get(c.requirement_id)
        ref = g or f
        return _Row(
            change=c,
            title=(new_data.title(ref) if ref else "") or c.title or c.requirement_id,
            standard=new_data.standard(ref) if ref else "",
            old_status=old_data.status(c.old_status),
            new_status=new_data.status(c.new_status),
            elements=element_changes(f, g, c),
            old_provisions=old_data.provisions(f) if f else list(c.old_provisions),
            new_provisions=new_data.provisions(g) if g else list(c.new_provisions),
        )

    out = []
    for kind, heading, meaning in SECTIONS:
        changes = comparison.unchanged if kind == "still_open" else comparison.by_kind(kind)
        out.append((kind, heading, meaning, [row(c) for c in changes]))
    return out


def element_changes(old: Finding | None, new: Finding | None, change: Change) -> list[str]:
    """``receipt: found -> missing`` for every element whose status differs, in catalogue order."""
    if old is None or new is None:
        lines = [f"gained: {k}" for k in change.elements_gained]
        return lines + [f"lost: {k}" for k in change.elements_lost]
    before = {e.key: e for e in old.elements}
    after = {e.key: e for e in new.elements}
    lines = []
    for key in dict.fromkeys([*before, *after]):
        a, b = before.get(key), after.get(key)
        sa, sb = (a.status if a else ""), (b.status if b else "")
        if sa == sb:
            continue
        label = (b.label if b else "") or (a.label if a else "") or key.replace("_", " ")
        lines.append(f"{label}: {_ELEMENT_WORDS.get(sa, sa)} → {_ELEMENT_WORDS.get(sb, sb)}")
    return lines


# ----------------------------------------------------------------------------- Markdown
def comparison_md(comparison: Comparison) -> str:
    from .tables import md_escape

    old, new = comparison.old, comparison.new
    lines = ["# What changed between two frameworks", ""]
    lines.append(f"- **Old (A)**: {md_escape(side_label(old))}")
    lines.append(f"  - documents: {md_escape(documents_line(old))}")
    lines.append(f"- **New (B)**: {md_escape(side_label(new))}")
    lines.append(f"  - documents: {md_escape(documents_line(new))}")
    profile = old.profile if old.profile == new.profile else f"{old.profile} / {new.profile}"
    lines.append(f"- **Profile**: {md_escape(profile)}")
    lines.append(f"- **Requirements compared**: {len(comparison.changes)}")
    lines += ["", "## Summary", "", "| Change | Requirements |", "|---|---:|"]
    n = counts(comparison)
    lines += [f"| {label} | {n[key]} |" for key, label in SUMMARY_ROWS]
    lines += [
        "",
        "> A first reading by lexcheck, not a legal opinion: check each change against the texts.",
        "",
    ]
    head = ["Requirement", "Standard", "Status A → B", "Elements that changed", "Provisions A → B"]
    for _kind, heading, meaning, rows in sections(comparison):
        lines += [f"## {heading} ({len(rows)})", "", md_escape(meaning), ""]
        if not rows:
            lines += ["None.", ""]
            continue
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        for r in rows:
            cells = [
                f"**{md_escape(r.title)}** ({md_escape(r.change.requirement_id)})",
                md_escape(r.standard or "—"),
                f"{md_escape(r.old_status)} → {md_escape(r.new_status)}",
                "<br>".join(md_escape(x) for x in r.elements) or "—",
                f"{md_escape(_provisions(r.old_provisions))} → {md_escape(_provisions(r.new_provisions))}",
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _provisions(items: list[str], limit: int = 6) -> str:
    if not items:
        return "none"
    text = "; ".join(items[:limit])
    if len(items) > limit:
        text += f"; and {len(items) - limit} more"
    return text


# ----------------------------------------------------------------------------- Word
def comparison_docx(comparison: Comparison):
    """The comparison as a python-docx ``Document`` (Title, Heading 1/2, ``Table Grid`` tables)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    from . import docx_util as du

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = "What changed between two frameworks"
    doc.core_properties.author = "lexcheck"
    styles = du.Styles(doc)
    table_style = styles.id("Table Grid")

    old, new = comparison.old, comparison.new
    doc.add_paragraph("What changed between two frameworks", style="Title")
    for tag, side in (("Old (A): ", old), ("New (B): ", new)):
        p = doc.add_paragraph()
        du.add_run(p, tag, bold=True)
        du.add_run(p, side_label(side))
        p = doc.add_paragraph(style="List Bullet" if styles.has("List Bullet") else None)
        du.add_run(p, "Documents: " + documents_line(side))
    profile = old.profile if old.profile == new.profile else f"{old.profile} / {new.profile}"
    p = doc.add_paragraph()
    du.add_run(p, "Profile: ", bold=True)
    du.add_run(p, f"{profile}; {len(comparison.changes)} requirements compared.")
    doc.add_paragraph(
        "A first reading by lexcheck, not a legal opinion: check each change against the texts.",
        style="Intense Quote" if styles.has("Intense Quote") else None,
    )

    doc.add_heading("Summary", level=1)
    n = counts(comparison)
    width = int((section.page_width - section.left_margin - section.right_margin) / 635)  # twips
    table, cells = _table(doc, len(SUMMARY_ROWS) + 1, [4800, 1800], table_style)
    du.header_row(table, cells[0], ["Change", "Requirements"], None)
    for i, (key, label) in enumerate(SUMMARY_ROWS, start=1):
        du.fill_cell(cells[i][0], [du.fast_paragraph(None, [(label, None, False)])])
        du.fill_cell(cells[i][1], [du.fast_paragraph(None, [(str(n[key]), True, False)])])

    fractions = [0.22, 0.16, 0.14, 0.24, 0.24]
    widths = [int(width * f) for f in fractions]
    head = ["Requirement", "Standard", "Status A → B", "Elements that changed", "Provisions A → B"]
    for kind, heading, meaning, rows in sections(comparison):
        doc.add_heading(f"{heading} ({len(rows)})", level=1)
        doc.add_paragraph(meaning)
        if not rows:
            doc.add_paragraph("None.")
            continue
        table, cells = _table(doc, len(rows) + 1, widths, table_style)
        du.header_row(table, cells[0], head, None)
        tint = {
            "closed": STATUS_TINTS["covered"],
            "narrowed": STATUS_TINTS["partial"],
            "opened": STATUS_TINTS["missing"],
            "widened": STATUS_TINTS["missing"],
            "still_open": STATUS_TINTS["partial"],
        }[kind]
        for r, row_cells in zip(rows, cells[1:]):
            title = [(truncate(r.title, 160), True, False), (f" ({r.change.requirement_id})", None, False)]
            du.fill_cell(row_cells[0], [du.fast_paragraph(None, title)])
            du.fill_cell(row_cells[1], [du.fast_paragraph(None, [(r.standard or "—", None, False)])])
            status = [(f"{r.old_status} → {r.new_status}", None, False)]
            du.fill_cell(row_cells[2], [du.fast_paragraph(None, status)])
            du.shade(row_cells[2], tint)
            du.fill_cell(
                row_cells[3], [du.fast_paragraph(None, [(x, None, False)]) for x in r.elements or ["—"]]
            )
            prov = [
                du.fast_paragraph(None, [("A: ", True, False), (_provisions(r.old_provisions), None, False)]),
                du.fast_paragraph(None, [("B: ", True, False), (_provisions(r.new_provisions), None, False)]),
            ]
            du.fill_cell(row_cells[4], prov)
    return doc


def _table(doc, nrows: int, widths: list[int], style_id):
    """``docx_util.new_table`` appends after the body's final ``sectPr``; put the table before it so
    that it stays in document order with the paragraphs python-docx adds."""
    from docx.oxml.ns import qn

    from . import docx_util as du

    table, cells = du.new_table(doc, nrows, widths, style_id)
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        body.remove(table._tbl)
        sect.addprevious(table._tbl)
    return table, cells


__all__ = [
    "FORMATS",
    "SECTIONS",
    "comparison_docx",
    "comparison_json",
    "comparison_md",
    "counts",
    "documents_line",
    "render_comparison",
    "sections",
    "side_label",
]
