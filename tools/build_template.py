"""Build ``reports/recommendation-report.docx``, the default template of the lexcheck recommendation report.

    python tools/build_template.py [OUT.docx]

A developer script, not part of the installed package (it lives outside ``lexcheck/`` and
``reports/``, whose files are installed as package data).

The template is an ordinary Word document made with python-docx: real styles (Heading 1-3, Title,
Caption, TOC 1-3, a table style "Lexcheck Table" and a few paragraph styles for tables, quotations and
model wording), A4 pages with portrait and landscape sections, a header and a footer with PAGE and
NUMPAGES fields. Its text is jinja for docxtpl (``{{ t.method }}``, ``{%p for d in documents %}``);
``{{ blocks.NAME }}`` paragraphs are placeholders that lexcheck replaces with tables, the chart and the
table of contents (see ``lexcheck/report/docx_report.py`` for the names and the context).

To brand the report, copy the template, change its styles, header, footer and cover in Word, and pass
it as ``template=``. A .docx without any jinja tag is used for its styles, page setup, header and footer
only, with this template's layout.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from a checkout
from lexcheck.report import docx_util as du  # noqa: E402 - after the path it needs

NAVY = RGBColor(0x1F, 0x38, 0x64)
BLUE = RGBColor(0x2E, 0x55, 0x97)
GREY = RGBColor(0x59, 0x59, 0x59)
FONT = "Calibri"
MONO = "Consolas"


# ----------------------------------------------------------------------------- helpers
def _font(style, name=FONT, size=None, bold=None, italic=None, color=None):
    """Set an explicit font on a style (and drop theme fonts, which LibreOffice maps differently)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    f = style.font
    if size is not None:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if color is not None:
        f.color.rgb = color
        # drop a theme colour that would override the RGB value
        c = rpr.find(qn("w:color"))
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            if c is not None and c.get(qn(attr)) is not None:
                del c.attrib[qn(attr)]


def _spacing(style, before=None, after=None, line=None, keep_next=None):
    pf = style.paragraph_format
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line
    if keep_next is not None:
        pf.keep_with_next = keep_next


def _ppr_child(style, tag, attrs):
    """Replace (or add) the pPr child ``tag`` of a style, at its schema position."""
    ppr = style.element.get_or_add_pPr()
    old = ppr.find(qn(tag))
    if old is not None:
        ppr.remove(old)
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k), v)
    name = tag.split(":")[1]
    return du.insert_ordered(ppr, el, du.PPR_ORDER[du.PPR_ORDER.index(name) + 1 :])


def _border(el, side, sz="4", color="A6A6A6", val="single", space="0"):
    b = OxmlElement(f"w:{side}")
    for k, v in (("w:val", val), ("w:sz", sz), ("w:space", space), ("w:color", color)):
        b.set(qn(k), v)
    el.append(b)


def _para_style(doc, style_name, base="Normal", **font):
    styles = doc.styles
    try:
        st = styles[style_name]
    except KeyError:
        st = styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles[base]
    st.quick_style = True
    _font(st, **font)
    return st


def _page_setup(section, landscape=False, cover=False):
    # add_section() copies the previous section: only the cover's section has a different first page
    section.different_first_page_header_footer = cover
    w, h = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (h, w) if landscape else (w, h)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = Cm(2.0)
    section.bottom_margin = Cm(1.8)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(0.9)


# ----------------------------------------------------------------------------- styles
def define_styles(doc):
    st = doc.styles
    normal = st["Normal"]
    _font(normal, size=10.5)
    _spacing(normal, after=6, line=1.1)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    rpr.append(lang)

    for level, size, before, after, color in (
        (1, 16, 18, 8, NAVY),
        (2, 13, 14, 6, BLUE),
        (3, 11, 10, 4, BLUE),
    ):
        h = st[f"Heading {level}"]
        _font(h, size=size, bold=True, italic=False, color=color)
        _spacing(h, before=before, after=after, keep_next=True, line=1.0)

    title = st["Title"]
    _font(title, size=26, bold=True, color=NAVY)
    _spacing(title, before=0, after=14, line=1.0)
    _ppr_child(title, "w:pBdr", {})  # no rule under the title: the cover draws its own
    sub = st["Subtitle"]
    _font(sub, size=16, italic=False, color=BLUE)
    _spacing(sub, before=0, after=6)

    cap = st["Caption"]
    _font(cap, size=9, bold=True, italic=False, color=GREY)
    _spacing(cap, before=6, after=6, keep_next=True)

    toc_h = st["TOC Heading"]
    _font(toc_h, size=16, bold=True, color=NAVY)
    _spacing(toc_h, before=0, after=10)
    for level in (1, 2, 3):
        try:
            toc = st[f"toc {level}"]
        except KeyError:
            toc = st.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.quick_style = False
        _font(toc, size=10.5 if level == 1 else 10, bold=level == 1)
        _spacing(toc, before=6 if level == 1 else 0, after=2)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        tabs = _ppr_child(toc, "w:tabs", {})
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "right")
        tab.set(qn("w:leader"), "dot")
        tab.set(qn("w:pos"), "9060")
        tabs.append(tab)

    for name in ("Header", "Footer"):
        s = st[name]
        _font(s, size=8, color=GREY)
        _spacing(s, after=0)

    s = _para_style(doc, "Table Text", size=9)
    _spacing(s, before=0, after=2, line=1.0)
    s = _para_style(
        doc, "Table Heading", base="Table Text", size=9, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF)
    )
    s.paragraph_format.keep_with_next = True
    s = _para_style(
        doc, "Quote Text", base="Table Text", size=8.5, italic=True, color=RGBColor(0x33, 0x33, 0x33)
    )
    s.paragraph_format.left_indent = Cm(0.15)
    s = _para_style(doc, "Small Text", base="Table Text", size=8, color=GREY)
    s = _para_style(doc, "Code Text", base="Table Text", name=MONO, size=7.5)

    s = _para_style(doc, "Notice", size=9.5, color=RGBColor(0x40, 0x40, 0x40))
    _spacing(s, before=12, after=12)
    bdr = _ppr_child(s, "w:pBdr", {})
    for side in ("top", "left", "bottom", "right"):
        _border(bdr, side, sz="6", color="E69F00", space="6")
    _ppr_child(s, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "FFF6E6"})

    s = _para_style(doc, "Model Wording", size=10)
    _spacing(s, before=2, after=10, line=1.1)
    s.paragraph_format.left_indent = Cm(0.5)
    bdr = _ppr_child(s, "w:pBdr", {})
    _border(bdr, "left", sz="18", color="2E5597", space="8")
    _ppr_child(s, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "EEF2F8"})

    s = _para_style(doc, "Recommendation Heading", size=10.5, bold=True, color=NAVY)
    _spacing(s, before=10, after=3, keep_next=True)

    s = _para_style(doc, "Cover Label", size=10, bold=True, color=GREY)
    _spacing(s, before=2, after=2, line=1.0)
    s = _para_style(doc, "Cover Text", size=10.5)
    _spacing(s, before=2, after=2, line=1.0)

    _table_style(doc)
    _plain_table_style(doc)


def _table_style(doc):
    """``Lexcheck Table``: thin grey grid, navy header row with white bold text, comfortable padding."""
    st = doc.styles.add_style("Lexcheck Table", WD_STYLE_TYPE.TABLE)
    st.base_style = doc.styles["Normal Table"]
    el = st.element
    ppr = OxmlElement("w:pPr")
    sp = OxmlElement("w:spacing")
    sp.set(qn("w:after"), "0")
    sp.set(qn("w:line"), "240")
    sp.set(qn("w:lineRule"), "auto")
    ppr.append(sp)
    el.append(ppr)
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "18")
    rpr.append(sz)
    el.append(rpr)
    tblpr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _border(borders, side, sz="4", color="A6A6A6")
    tblpr.append(borders)
    mar = OxmlElement("w:tblCellMar")
    for side, w in (("top", "45"), ("left", "85"), ("bottom", "45"), ("right", "85")):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), w)
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tblpr.append(mar)
    el.append(tblpr)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    frpr = OxmlElement("w:rPr")
    frpr.append(OxmlElement("w:b"))
    col = OxmlElement("w:color")
    col.set(qn("w:val"), "FFFFFF")
    frpr.append(col)
    first.append(frpr)
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:tblHeader"))
    first.append(trpr)
    tcpr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    for k, v in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "1F3864")):
        shd.set(qn(k), v)
    tcpr.append(shd)
    first.append(tcpr)
    el.append(first)


def _plain_table_style(doc):
    """``Lexcheck Plain Table``: no borders (the cover's metadata block)."""
    st = doc.styles.add_style("Lexcheck Plain Table", WD_STYLE_TYPE.TABLE)
    st.base_style = doc.styles["Normal Table"]
    tblpr = OxmlElement("w:tblPr")
    mar = OxmlElement("w:tblCellMar")
    for side, w in (("top", "30"), ("left", "0"), ("bottom", "30"), ("right", "115")):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), w)
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    tblpr.append(mar)
    st.element.append(tblpr)


# ----------------------------------------------------------------------------- body
def _p(doc, text="", style=None, bold_prefix=None, align=None, page_break_before=False):
    p = doc.add_paragraph(style=style)
    if bold_prefix:
        p.add_run(bold_prefix).bold = True
    if text:
        p.add_run(text)
    if align is not None:
        p.alignment = align
    if page_break_before:
        p.paragraph_format.page_break_before = True
    return p


def _page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def build(out: Path) -> None:
    doc = Document()
    define_styles(doc)
    first = doc.sections[0]
    _page_setup(first, cover=True)

    # ---- cover
    spacer = _p(doc)
    spacer.paragraph_format.space_before = Pt(90)
    _p(doc, "{{ t.report_title }}", "Title")
    _p(doc, "{{ cover_heading }}", "Subtitle")
    rule = _p(doc, "{{ t.report_subtitle }}", "Subtitle")
    rule.paragraph_format.space_after = Pt(30)
    bdr = OxmlElement("w:pBdr")
    _border(bdr, "bottom", sz="12", color="1F3864", space="8")
    du.insert_ordered(rule._p.get_or_add_pPr(), bdr, du.PPR_ORDER[du.PPR_ORDER.index("pBdr") + 1 :])

    rows = [
        ("{{ t.country }}", ["{{ country }}"]),
        (
            "{{ t.documents }}",
            [
                "{%p for d in documents %}",
                "{{ d.title }}{% if d.file %} ({{ d.file }}){% endif %}",
                "{%p endfor %}",
            ],
        ),
        ("{{ t.date }}", ["{{ date }}"]),
        ("{{ t.profile }}", ["{{ profile }}"]),
        ("{{ t.catalogue_version }}", ["{{ catalogue_version }}"]),
        ("{{ t.lexcheck_version }}", ["{{ lexcheck_version }}"]),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Lexcheck Plain Table"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for i, (label, lines) in enumerate(rows):
        cells = table.rows[i].cells
        cells[0].width, cells[1].width = Cm(4.5), Cm(12.4)
        cells[0].paragraphs[0].style = doc.styles["Cover Label"]
        cells[0].paragraphs[0].add_run(label)
        first_p = cells[1].paragraphs[0]
        for j, line in enumerate(lines):
            p = first_p if j == 0 else cells[1].add_paragraph()
            p.style = doc.styles["Cover Text"]
            p.add_run(line)
    for col, w in zip(table.columns, (Cm(4.5), Cm(12.4))):
        col.width = w
    notice = _p(doc, "{{ t.draft_notice }}", "Notice")
    notice.paragraph_format.space_before = Pt(36)
    _page_break(doc)

    # ---- contents
    _p(doc, "{{ t.contents }}", "TOC Heading")
    _p(doc, "{{ blocks.toc }}")
    _p(doc, "{{ t.toc_hint }}", "Small Text").paragraph_format.space_before = Pt(12)
    _page_break(doc)

    # ---- executive summary
    _p(doc, "{{ t.executive_summary }}", "Heading 1")
    _p(doc, "{%p for para in summary %}")
    _p(doc, "{{ para }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{{ t.key_figures }}", "Heading 3")
    _p(doc, "{{ blocks.key_figures }}")
    _p(doc, "{{ blocks.chart }}")

    # ---- method
    _p(doc, "{{ t.method }}", "Heading 1", page_break_before=True)
    _p(doc, "{{ method_compared }}")
    _p(doc, "{{ t.method_elements }}")
    _p(doc, "{{ t.method_statuses }}")
    _p(doc, "{%p for s in statuses %}")
    p = doc.add_paragraph(style="List Bullet")
    p.add_run("{{ s.label }}").bold = True
    p.add_run(": {{ s.description }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{{ t.method_confidence }}")
    _p(doc, "{{ t.method_limits_title }}", "Heading 2")
    limits = _p(doc, "{{ t.method_limits }}")
    limits.runs[0].bold = True
    _p(doc, "{{ t.method_review }}")

    # ---- findings (landscape)
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(sec, landscape=True)
    _p(doc, "{{ t.findings_by_area }}", "Heading 1")
    _p(doc, "{{ t.findings_intro }}")
    _p(doc, "{{ blocks.findings }}")

    # ---- lenses and priorities (portrait)
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(sec)
    _p(doc, "{{ t.lens_section }}", "Heading 1")
    _p(doc, "{{ t.lens_intro }}")
    _p(doc, "{{ blocks.lenses }}")
    _p(doc, "{{ t.priority }}", "Heading 1", page_break_before=True)
    _p(doc, "{{ t.priority_intro }}")
    _p(doc, "{{ blocks.priority }}")

    # ---- annexes (landscape)
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(sec, landscape=True)
    _p(doc, "{{ t.annex_concordance }}", "Heading 1")
    _p(doc, "{{ t.annex_concordance_intro }}")
    _p(doc, "{{ blocks.concordance }}")
    _p(doc, "{{ t.annex_documents }}", "Heading 1", page_break_before=True)
    _p(doc, "{{ t.annex_documents_intro }}")
    _p(doc, "{{ blocks.documents }}")

    # ---- header and footer (shared by all sections; the cover page has none)
    header = first.header.paragraphs[0]
    header.text = "{{ header_text }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = first.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ t.page }} ")
    du.add_field(footer, "PAGE", "1")
    footer.add_run(" {{ t.of }} ")
    du.add_field(footer, "NUMPAGES", "1")

    du.ensure_update_fields(doc)  # Word updates the fields (TOC, page references) when the report is opened

    cp = doc.core_properties
    cp.title = "lexcheck recommendation report"
    cp.author = "lexcheck"
    cp.last_modified_by = "lexcheck"
    cp.comments = "Template for docxtpl; rebuild with tools/build_template.py"
    cp.revision = 1
    cp.created = cp.modified = datetime(2025, 1, 1, tzinfo=timezone.utc)
    doc.save(str(out))


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "reports" / "recommendation-report.docx"
    )
    build(target)
    print(f"wrote {target}")
