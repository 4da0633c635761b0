"""Low-level Word helpers on top of python-docx: styles by name, fixed-width tables, fields, bookmarks.

Imported only by the .docx renderers (it imports python-docx at module level).
"""

from __future__ import annotations

import copy
import io

from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .common import clean

# Word is strict about the order of children in pPr, settings and tcPr.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
SETTINGS_AFTER_UPDATE_FIELDS = [
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]
TCPR_AFTER_SHD = (
    "noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
)

TWIPS_PER_EMU = 1 / 635


def insert_ordered(parent, el, later_tags):
    """Insert ``el`` into ``parent`` before the first child whose local name is in ``later_tags``;
    returns ``el``."""
    later = {qn(f"w:{t}") for t in later_tags}
    for child in parent:
        if child.tag in later:
            child.addprevious(el)
            return el
    parent.append(el)
    return el


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def w_el(tag: str, **attrs):
    """A ``w:`` element (with python-docx's element classes), made faster than ``OxmlElement``."""
    el = oxml_parser.makeelement(_W + tag)
    for k, v in attrs.items():
        el.set(_W + k, str(v))
    return el


class Styles:
    """Style ids of a document, looked up by the name a user sees (``Heading 1``, ``Table Text``).

    A name the document lacks falls back along ``fallbacks`` and finally to no style (Normal).
    """

    FALLBACKS = {
        "Table Text": ["Normal"],
        "Table Heading": ["Table Text", "Normal"],
        "Quote Text": ["Table Text", "Normal"],
        "Small Text": ["Table Text", "Normal"],
        "Code Text": ["Small Text", "Table Text", "Normal"],
        "Model Wording": ["Quote", "Normal"],
        "Recommendation Heading": ["Heading 4", "Normal"],
        "Lexcheck Table": ["Table Grid"],
        "Caption": ["Normal"],
        "List Bullet": ["List Paragraph", "Normal"],
    }

    def __init__(self, doc):
        self.doc = doc
        self._by_name: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for st in doc.styles.element.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            name_el = st.find(qn("w:name"))
            name = name_el.get(qn("w:val")) if name_el is not None else sid
            self._by_name.setdefault(name.lower(), sid)
            self._names[sid] = name
        self._cache: dict[str, str | None] = {}

    def has(self, name: str) -> bool:
        return name.lower() in self._by_name

    def id(self, name: str) -> str | None:
        if name not in self._cache:
            sid = None
            for candidate in [name, *self.FALLBACKS.get(name, [])]:
                if candidate.lower() in self._by_name:
                    sid = self._by_name[candidate.lower()]
                    break
            self._cache[name] = sid
        return self._cache[name]

    def name_of(self, style_id: str) -> str:
        return self._names.get(style_id, style_id)


def set_pstyle(p: Paragraph, style_id: str | None) -> None:
    if style_id:
        p._p.style = style_id


def add_run(p: Paragraph, text: str, bold: bool = False, italic: bool = False, size=None, color=None):
    r = p.add_run(clean(text))
    if bold:
        r.bold = True
    if italic:
        r.italic = True
    if size is not None:
        r.font.size = size
    if color is not None:
        r.font.color.rgb = color
    return r


def shade(cell: _Cell, fill: str) -> None:
    """Background colour of a table cell (hex ``RRGGBB``)."""
    tcpr = cell._tc.get_or_add_tcPr()
    old = tcpr.find(qn("w:shd"))
    if old is not None:
        tcpr.remove(old)
    insert_ordered(tcpr, w_el("shd", val="clear", color="auto", fill=fill), TCPR_AFTER_SHD.split())


def new_table(
    doc, nrows: int, widths: list[int], style_id: str | None, parent=None, head: int = 1
) -> tuple[Table, list[list[_Cell]]]:
    """A table with fixed column ``widths`` (twips), appended to the body; returns it and its cells.
    Rows after the ``head`` first ones do not break across pages (Word still breaks a row taller
    than a page)."""
    tbl = w_el("tbl")
    tblpr = w_el("tblPr")
    if style_id:
        tblpr.append(w_el("tblStyle", val=style_id))
    look = {"firstRow": "1" if head else "0"}
    tblpr.append(w_el("tblW", w=sum(widths), type="dxa"))
    tblpr.append(w_el("tblLayout", type="fixed"))
    tblpr.append(
        w_el(
            "tblLook",
            val="04A0" if head else "0400",
            firstRow=look["firstRow"],
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        )
    )
    tbl.append(tblpr)
    grid = w_el("tblGrid")
    for w in widths:
        grid.append(w_el("gridCol", w=w))
    tbl.append(grid)
    body = doc.element.body
    body.append(tbl)  # moved to its place by the caller
    table = Table(tbl, parent if parent is not None else doc._body)
    rows = []
    for i in range(nrows):
        tr = w_el("tr")
        if i >= head:
            trpr = w_el("trPr")
            trpr.append(w_el("cantSplit"))
            tr.append(trpr)
        tbl.append(tr)
        cells = []
        for w in widths:
            tc = w_el("tc")
            tcpr = w_el("tcPr")
            tcpr.append(w_el("tcW", w=w, type="dxa"))
            tc.append(tcpr)
            tc.append(w_el("p"))
            tr.append(tc)
            cells.append(_Cell(tc, table))
        rows.append(cells)
    return table, rows


def header_row(
    table: Table, cells: list[_Cell], titles: list[str], style_id: str | None, fill="1F3864"
) -> None:
    """First row as a repeated header: direct shading and white bold text (in case a template's table
    style lacks a header format)."""
    tr = table._tbl.tr_lst[0]
    trpr = tr.get_or_add_trPr()
    trpr.append(w_el("cantSplit"))
    trpr.append(w_el("tblHeader"))
    from docx.shared import RGBColor

    for cell, title in zip(cells, titles):
        shade(cell, fill)
        p = cell.paragraphs[0]
        set_pstyle(p, style_id)
        add_run(p, title, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))


def fast_paragraph(style_id: str | None, runs):
    """A ``w:p`` built directly (python-docx's API is ~10x slower for big tables).

    ``runs``: ``[(text, bold, italic), ...]``.
    """
    p = w_el("p")
    if style_id:
        ppr = w_el("pPr")
        ppr.append(w_el("pStyle", val=style_id))
        p.append(ppr)
    for text, bold, italic in runs:
        if not text:
            continue
        r = w_el("r")
        if bold is not None or italic:
            rpr = w_el("rPr")
            if bold is not None:
                rpr.append(w_el("b") if bold else w_el("b", val="0"))
            if italic:
                rpr.append(w_el("i"))
            r.append(rpr)
        t = w_el("t")
        t.text = clean(text)
        if t.text != t.text.strip():
            t.set(qn("xml:space"), "preserve")
        r.append(t)
        p.append(r)
    return p


def fill_cell(cell: _Cell, paragraphs) -> None:
    """Replace the content of a cell by ``paragraphs`` (``w:p`` elements)."""
    tc = cell._tc
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    for p in paragraphs:
        tc.append(p)
    if not len(paragraphs):
        tc.append(w_el("p"))


def add_field(p: Paragraph, instr: str, cached: str = "") -> None:
    """A complex field (``PAGE``, ``SEQ Table \\* ARABIC`` ...) with a cached result."""
    r = p.add_run()
    r._r.append(w_el("fldChar", fldCharType="begin"))
    r = p.add_run()
    it = w_el("instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r._r.append(it)
    r = p.add_run()
    r._r.append(w_el("fldChar", fldCharType="separate"))
    p.add_run(cached)
    r = p.add_run()
    r._r.append(w_el("fldChar", fldCharType="end"))


def fld_run(kind: str, instr: str | None = None):
    """A bare ``w:r`` carrying a fldChar (``begin``/``separate``/``end``) or an instrText."""
    r = w_el("r")
    if instr is not None:
        it = w_el("instrText")
        it.set(qn("xml:space"), "preserve")
        it.text = f" {instr} "
        r.append(it)
    else:
        r.append(w_el("fldChar", fldCharType=kind))
    return r


def text_run(text: str, style_rpr=None):
    r = w_el("r")
    if style_rpr is not None:
        r.append(copy.deepcopy(style_rpr))
    t = w_el("t")
    t.set(qn("xml:space"), "preserve")
    t.text = clean(text)
    r.append(t)
    return r


def add_bookmark(p_el, name: str, bid: int) -> None:
    """Bookmark the whole content of paragraph element ``p_el``."""
    start = w_el("bookmarkStart", id=bid, name=name)
    end = w_el("bookmarkEnd", id=bid)
    ppr = p_el.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p_el.insert(0, start)
    p_el.append(end)


def section_text_width(el) -> int:
    """Text width (twips) of the section that holds block element ``el``: the first sectPr at or after it."""
    node = el
    while node is not None and node.tag != qn("w:body"):
        if node.getparent() is not None and node.getparent().tag == qn("w:body"):
            break
        node = node.getparent()
    sect = None
    cur = node
    while cur is not None:
        if cur.tag == qn("w:sectPr"):
            sect = cur
            break
        if cur.tag == qn("w:p"):
            found = cur.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            if found is not None:
                sect = found
                break
        cur = cur.getnext()
    if sect is None:
        return 9638
    pgsz, mar = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    try:
        width = int(pgsz.get(qn("w:w")))
        left, right = int(mar.get(qn("w:left"))), int(mar.get(qn("w:right")))
        return max(width - left - right, 2880)
    except (AttributeError, TypeError, ValueError):
        return 9638


def ensure_update_fields(doc) -> None:
    """Ask Word to update the fields (TOC, page numbers) when the document is opened."""
    settings = doc.settings.element
    old = settings.find(qn("w:updateFields"))
    if old is not None:
        old.set(qn("w:val"), "true")
        return
    insert_ordered(settings, w_el("updateFields", val="true"), SETTINGS_AFTER_UPDATE_FIELDS)


def set_language(doc, tag: str) -> None:
    """Proofing language of the default text (``en-GB``, ``ru-RU``)."""
    styles = doc.styles.element
    for rpr in styles.iterfind(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"):
        _set_lang(rpr, tag)
    for st in styles.findall(qn("w:style")):
        if st.get(qn("w:styleId")) == "Normal":
            rpr = st.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:lang")) is not None:
                _set_lang(rpr, tag)


def _set_lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = w_el("lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def save_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
