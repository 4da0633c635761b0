"""The recommendation report (.docx): docxtpl fills the template's text, python-docx builds the tables.

The template (``reports/recommendation-report.docx``, built by ``tools/build_template.py``) holds the
cover, the headings and the fixed texts as jinja for docxtpl, rendered in a sandbox with bounds and
``autoescape=True`` (see template_env.py) so that ``& < > "`` in law texts stay text and a template from
someone else cannot run code or exhaust the machine. Paragraphs whose whole text is ``{{ blocks.NAME }}`` are then
replaced by content built with python-docx, in the styles of the template:

``key_figures`` ``chart`` ``findings`` ``lenses`` ``priority`` ``concordance`` ``documents`` ``toc``

Context available to a template: ``t`` (all UI strings, see i18n.py), ``country``, ``cover_heading``,
``documents`` (``title``, ``file``, ``id``, ``sha256``), ``date``, ``profile``, ``catalogue_version``,
``lexcheck_version``, ``header_text``, ``summary`` (paragraphs), ``method_compared``, ``statuses``
(``label``, ``description``), ``counts`` (by status), ``blocks``.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from pathlib import Path

from ..analysis.model import Finding, GapAnalysis
from ..errors import InputError
from ..files.outputs import check_output_path, write_atomic
from ..resources import reports_dir
from . import i18n
from .common import STATUS_TINTS, ReportData, TextLookup, clean, quote_lines, truncate

TEMPLATE_NAME = "recommendation-report.docx"
BLOCKS = ("key_figures", "chart", "findings", "lenses", "priority", "concordance", "documents", "toc")
_MARKER = "[[lexcheck:{}]]"
_LANG_TAGS = {"en": "en-GB", "ru": "ru-RU"}
QUOTES_PER_FINDING = 3
QUOTE_CHARS = 300
# The parts of a template that docxtpl renders with jinja.
_RENDERED_PART = re.compile(r"(word/(document|header\d*|footer\d*|footnotes|endnotes)|docProps/core)\.xml$")


def default_template() -> Path:
    return reports_dir() / TEMPLATE_NAME


def render_docx(
    result: GapAnalysis,
    out,
    template=None,
    lang: str = "en",
    *,
    texts: TextLookup | None = None,
    date: str | None = None,
    inputs=(),
) -> None:
    """Write the recommendation report of ``result`` to ``out`` (a path, or ``-`` for stdout).

    ``template``: a .docx with docxtpl tags (a copy of the default one, restyled), or any branded .docx
    whose styles, page setup, header and footer the report then uses. ``lang``: ``en`` or ``ru`` for
    headings and fixed texts; requirement texts come from ``texts(requirement_id, field)`` or the
    catalogue's translations when present, else English. ``date``: the date on the cover (default today).
    """
    protected = [*inputs, *(d.path for d in result.documents if d.path)]
    if template is not None:
        protected.append(template)
    if str(out) != "-":
        check_output_path(out, protected)  # fail before the work, not after
    doc = build_report(result, template=template, lang=lang, texts=texts, date=date)
    from .docx_clean import clean_docx
    from .docx_util import save_bytes

    write_atomic(out, clean_docx(save_bytes(doc), out, "report"), inputs=protected)


def build_report(result: GapAnalysis, template=None, lang: str = "en", *, texts=None, date=None):
    """The report as a python-docx ``Document`` (for callers who want to edit it further).

    The template's tags run in the sandbox of :mod:`.template_env`; a tag that is wrong, tries to leave
    the sandbox or goes beyond its bounds is an :class:`InputError` naming the template."""
    from docxtpl import DocxTemplate

    from . import docx_util as du

    data = ReportData(result, lang, texts)
    tpl = DocxTemplate(io.BytesIO(template_source(template)))
    context = build_context(data, date)
    _render_template(tpl, context, template if template is not None else default_template())
    doc = tpl.docx
    _Builder(doc, data).fill()
    du.ensure_update_fields(doc)
    du.set_language(doc, _LANG_TAGS.get(lang, lang))
    return doc


def _render_template(tpl, context: dict, path) -> None:
    """Fill the template's tags in the sandbox; any failure is one line about the template."""
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError
    from lxml.etree import XMLSyntaxError

    from .template_env import report_environment

    try:
        tpl.render(context, jinja_env=report_environment(), autoescape=True)
    except TemplateSyntaxError as exc:
        raise InputError(f"report template has a tag error: {exc.message}", path) from None
    except SecurityError as exc:
        raise InputError(f"report template refused: {exc.message}", path) from None
    except RecursionError:
        raise InputError("report template refused: its macros call themselves too deeply", path) from None
    except TemplateError as exc:
        raise InputError(f"report template error: {exc.message or type(exc).__name__}", path) from None
    except XMLSyntaxError as exc:
        raise InputError(f"report template does not give valid Word XML once filled: {exc}", path) from None
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        raise InputError(f"report template failed: {type(exc).__name__}: {exc}", path) from None


def template_source(template=None) -> bytes:
    """Bytes of the template to render: the default, the user's tagged copy, or the user's branded
    document with the default layout poured into it. A user's file is checked (zip bombs, DTDs) and
    cleaned of macros, embedded objects and external references before anything else reads it."""
    from .docx_clean import clean_docx

    default = default_template()
    if template is None:
        return default.read_bytes()
    path = Path(template)
    if not path.is_file():
        raise InputError("template not found", path)
    raw = clean_docx(path.read_bytes(), path, "Word template (.docx)")
    _check_source_sizes(raw, path)
    try:
        tagged = has_jinja(raw)
    except KeyError:
        raise InputError("template is not a Word document (no word/document.xml)", path) from None
    if tagged:
        return raw
    from .branding import adopt_branding

    return adopt_branding(raw, default.read_bytes())


def _check_source_sizes(docx_bytes: bytes, path: Path) -> None:
    """Refuse a template whose parts that jinja compiles are too large to compile safely."""
    from .template_env import MAX_SOURCE_BYTES

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        for info in z.infolist():
            if _RENDERED_PART.match(info.filename) and info.file_size > MAX_SOURCE_BYTES:
                raise InputError(
                    f"report template refused: part {info.filename!r} has {info.file_size} bytes "
                    f"(at most {MAX_SOURCE_BYTES} in a template)",
                    path,
                )


def has_jinja(docx_bytes: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        xml = z.read("word/document.xml").decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", "", xml)
    return "{{" in text or "{%" in text


def build_context(data: ReportData, date: str | None = None) -> dict:
    r, t = data.result, data.t
    docs = [
        {
            "id": d.id,
            "title": clean(d.title or Path(d.path).name or d.id),
            "file": clean(Path(d.path).name) if d.path and Path(d.path).name != d.title else "",
            "sha256": d.sha256,
        }
        for d in r.documents
    ]
    country = clean(r.country)
    heading = country or clean(r.title) or t["national_framework"]
    instruments = "; ".join(f"{data.instrument(code)} ({n})" for code, n in data.instruments_used())
    return {
        "t": t,
        "country": country or "—",
        "cover_heading": heading,
        "documents": docs,
        "date": date or _dt.date.today().isoformat(),
        "profile": r.profile or "—",
        "catalogue_version": r.catalogue_version or "—",
        "lexcheck_version": r.lexcheck_version or "—",
        "header_text": f"{heading} · {t['report_short']} · {t['draft']}",
        "summary": [clean(s) for s in data.summary_paragraphs()],
        "method_compared": t["method_compared"].format(
            ndocs=len(r.documents),
            nreq=len(r.findings),
            catalogue=r.catalogue_version or "—",
            profile=r.profile or "—",
            instruments=instruments or "—",
        ),
        "statuses": [
            {"key": s, "label": data.status(s), "description": i18n.label("status_description", s, data.lang)}
            for s in i18n.STATUS_ORDER
        ],
        "counts": data.counts(),
        "blocks": {name: _MARKER.format(name) for name in BLOCKS},
    }


class _Writer:
    """Adds paragraphs and tables just before a placeholder paragraph."""

    def __init__(self, builder: _Builder, anchor):
        from . import docx_util as du

        self.b = builder
        self.anchor = anchor
        self.width = du.section_text_width(anchor)

    def p(self, text: str = "", style: str = "Normal", bold: bool = False, italic: bool = False):
        from docx.text.paragraph import Paragraph

        from . import docx_util as du

        el = du.w_el("p")
        self.anchor.addprevious(el)
        p = Paragraph(el, self.b.doc._body)
        du.set_pstyle(p, self.b.styles.id(style))
        if text:
            du.add_run(p, text, bold=bold, italic=italic)
        return p

    def table(self, titles: list[str] | None, fractions: list[float], nrows: int, width: int | None = None):
        """A table of ``nrows`` rows under a repeated header row (none if ``titles`` is None)."""
        from . import docx_util as du

        total = sum(fractions)
        widths = [int((width or self.width) * f / total) for f in fractions]
        head = 1 if titles is not None else 0
        table, rows = du.new_table(
            self.b.doc, nrows + head, widths, self.b.styles.id("Lexcheck Table"), head=head
        )
        self.anchor.addprevious(table._tbl)
        if titles is not None:
            du.header_row(table, rows[0], titles, self.b.styles.id("Table Heading"))
        return table, rows[head:]


class _Builder:
    def __init__(self, doc, data: ReportData):
        from . import docx_util as du

        self.doc = doc
        self.data = data
        self.t = data.t
        self.styles = du.Styles(doc)
        self.table_no = 0
        self.figure_no = 0

    # ----- driver -----
    def fill(self) -> None:
        from docx.oxml.ns import qn

        markers = {}
        for p in self.doc.element.body.iter(qn("w:p")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            for name in BLOCKS:
                if text == _MARKER.format(name):
                    markers.setdefault(name, []).append(p)
        for name in BLOCKS:
            for anchor in markers.get(name, []):
                getattr(self, f"block_{name}")(_Writer(self, anchor))
                if anchor.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                    for run in anchor.findall(qn("w:r")):  # keep a section break, drop the tag's text
                        anchor.remove(run)
                else:
                    anchor.getparent().remove(anchor)

    # ----- cell helpers -----
    def lines(self, cell, items) -> None:
        """Fill a cell with paragraphs: items are ``(text, style, bold, italic)`` tuples or strings;
        ``text`` may be a list of runs ``[(text, bold, italic), ...]``."""
        from . import docx_util as du

        paragraphs = []
        for item in items:
            if isinstance(item, str):
                item = (item, "Table Text", False, False)
            text, style, bold, italic = item
            runs = text if isinstance(text, list) else [(text, bold, italic)]
            # bold True sets bold; anything else inherits the paragraph style's weight
            runs = [(rt, True if rb else None, ri) for rt, rb, ri in runs]
            paragraphs.append(du.fast_paragraph(self.styles.id(style), runs))
        du.fill_cell(cell, paragraphs)

    def status_cell(self, cell, f: Finding, extra=()) -> None:
        from . import docx_util as du

        du.shade(cell, STATUS_TINTS.get(f.status, "FFFFFF"))
        label = self.data.status(f.status)
        if f.review is not None:
            label += f" · {self.t['reviewed']}"
        self.lines(cell, [(label, "Table Text", True, False), *extra])

    def caption(self, w: _Writer, kind: str, text: str):
        from . import docx_util as du

        if kind == "Table":
            self.table_no += 1
            n = self.table_no
        else:
            self.figure_no += 1
            n = self.figure_no
        p = w.p("", "Caption")
        du.add_run(p, f"{self.t['table' if kind == 'Table' else 'figure']} ")
        du.add_field(p, f"SEQ {kind} \\* ARABIC", str(n))
        du.add_run(p, f": {text}")
        return p

    # ----- blocks -----
    def block_key_figures(self, w: _Writer) -> None:
        from . import docx_util as du

        rows_data = self.data.key_figures()
        _, rows = w.table(None, [0.72, 0.28], len(rows_data), width=min(w.width, 6500))
        status_by_label = {self.data.status(s): s for s in i18n.STATUS_ORDER}
        for cells, (label, value) in zip(rows, rows_data):
            self.lines(cells[0], [label])
            self.lines(cells[1], [(value, "Table Text", True, False)])
            if label in status_by_label:
                du.shade(cells[1], STATUS_TINTS[status_by_label[label]])
        w.p("")

    def block_chart(self, w: _Writer) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Emu

        from .chart import coverage_chart

        png = coverage_chart(self.data, dpi=170)
        width_twips = min(w.width, 8800)
        p = w.p("", "Normal")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(png), width=Emu(width_twips * 635))
        self.caption(w, "Figure", self.t["chart_caption"])

    def _provision_items(self, f: Finding, limit: int = QUOTES_PER_FINDING):
        d = self.data
        evs = d.provision_groups(f)
        if not evs:
            return [(self.t["no_provision"], "Table Text", False, True)]
        several = len(d.result.documents) > 1
        items = []
        for ev in evs[:limit]:
            runs = [(d.provision_label(ev), True, False)]
            if several:
                runs.append((f" · {d.document_name(ev.document)}", False, False))
            items.append((runs, "Table Text", False, False))
            if ev.quote:
                items.append(
                    (f"“{truncate(quote_lines(ev.quote), QUOTE_CHARS)}”", "Quote Text", False, False)
                )
        if len(evs) > limit:
            items.append((self.t["more_quotes"].format(n=len(evs) - limit), "Small Text", False, False))
        return items

    def _assessment_items(self, f: Finding):
        d = self.data
        items = []
        expl = d.text(f, "explanation")
        if expl:
            items.append(expl)
        items += [(x, "Small Text", False, False) for x in d.element_lines(f) + d.parameter_lines(f)]
        items += [(x, "Small Text", False, False) for x in d.qualifier_lines(f)]
        review = d.review_lines(f)
        if review:
            items.append((review[0], "Table Text", True, True))
            items += [(x, "Table Text", False, True) for x in review[1:]]
        items.append((f"{self.t['confidence']}: {f.confidence:.2f}", "Small Text", False, False))
        return items

    def _recommendation_items(self, f: Finding):
        rec = self.data.recommendation(f)
        num = self.data.rec_number.get(f.requirement_id)
        if num:
            return [([(f"R{num}. ", True, False), (rec, False, False)], "Table Text", False, False)]
        return [rec]

    def block_findings(self, w: _Writer) -> None:
        d, t = self.data, self.t
        titles = [
            t["col_standard"],
            t["col_requirement"],
            t["col_provision"],
            t["col_assessment"],
            t["col_recommendation"],
        ]
        for area, findings in d.by_area():
            w.p(d.area(area), "Heading 2")
            self.caption(w, "Table", d.area(area))
            _, rows = w.table(titles, [0.13, 0.19, 0.25, 0.22, 0.21], len(findings))
            for cells, f in zip(rows, findings):
                strength = i18n.label("strength_short", f.strength, d.lang) if f.strength else ""
                self.lines(
                    cells[0],
                    [
                        (d.standard(f), "Table Text", True, False),
                        (f.requirement_id, "Small Text", False, False),
                        (strength, "Small Text", False, False),
                    ],
                )
                req = [(d.title(f), "Table Text", True, False)]
                statement = d.text(f, "statement")
                if statement:
                    req.append(statement)
                if f.lenses:
                    req.append((", ".join(d.lens(x) for x in f.lenses), "Small Text", False, True))
                self.lines(cells[1], req)
                self.lines(cells[2], self._provision_items(f))
                self.status_cell(cells[3], f, self._assessment_items(f))
                self.lines(cells[4], self._recommendation_items(f))
            w.p("")

    def block_lenses(self, w: _Writer) -> None:
        d, t = self.data, self.t
        titles = [t["col_requirement"], t["col_status"], t["col_lenses"], t["col_recommendation"]]
        for lens, heading in (("gender", "lens_gender"), ("child", "lens_child")):
            w.p(t[heading], "Heading 2")
            findings = d.with_lens(lens)
            if not findings:
                w.p(t["lens_none"])
                continue
            self.caption(w, "Table", t[heading])
            _, rows = w.table(titles, [0.33, 0.17, 0.14, 0.36], len(findings))
            for cells, f in zip(rows, findings):
                self.lines(
                    cells[0],
                    [
                        (d.title(f), "Table Text", True, False),
                        (f"{d.standard(f)} · {f.requirement_id}", "Small Text", False, False),
                    ],
                )
                review = d.review_lines(f)
                self.status_cell(cells[1], f, [(x, "Small Text", False, True) for x in review[1:2]])
                self.lines(cells[2], [", ".join(d.lens(x) for x in f.lenses)])
                self.lines(cells[3], self._recommendation_items(f))
            w.p("")

    def block_priority(self, w: _Writer) -> None:
        from . import docx_util as du

        d, t = self.data, self.t
        groups = d.priorities_grouped()
        if not groups:
            w.p(t["priority_none"])
            return
        for actor, by_strength in groups:
            w.p(d.actor(actor), "Heading 2")
            for strength, items in by_strength:
                w.p(d.strength(strength) if strength else "—", "Heading 3")
                for item in items:
                    f = item.finding
                    p = w.p("", "Recommendation Heading")
                    du.add_run(p, f"R{item.number}. {d.title(f)}")
                    tail = du.add_run(p, f" — {d.standard(f)} · {d.status(f.status)}")
                    tail.bold = False
                    wording = d.text(f, "model_wording")
                    rec = w.p(d.recommendation(f))
                    rec.paragraph_format.keep_with_next = bool(wording or item.other_actors)
                    if item.other_actors:
                        also = w.p(
                            f"{t['also_concerns']}: {', '.join(d.actor(a) for a in item.other_actors)}.",
                            "Small Text",
                        )
                        also.paragraph_format.keep_with_next = bool(wording)
                    if wording:
                        p = w.p("", "Model Wording")
                        du.add_run(p, f"{t['model_wording']}: ", bold=True)
                        du.add_run(p, " ".join(wording.split()))

    def block_concordance(self, w: _Writer) -> None:
        d, t = self.data, self.t
        findings = d.result.findings
        titles = [
            t["col_requirement"],
            t["col_standard"],
            t["col_status"],
            t["col_provisions"],
            t["col_elements"],
        ]
        self.caption(w, "Table", t["annex_concordance"])
        _, rows = w.table(titles, [0.22, 0.17, 0.12, 0.29, 0.20], len(findings))
        for cells, f in zip(rows, findings):
            self.lines(
                cells[0],
                [(f.requirement_id, "Table Text", True, False), (d.title(f), "Small Text", False, False)],
            )
            self.lines(cells[1], [d.standard(f)])
            self.status_cell(cells[2], f)
            provs = d.provisions(f)
            self.lines(cells[3], provs or [(t["no_provision"], "Small Text", False, True)])
            self.lines(cells[4], [(x, "Small Text", False, False) for x in d.element_lines(f)] or ["—"])

    def block_documents(self, w: _Writer) -> None:
        t = self.t
        docs = self.data.result.documents
        titles = [
            t["col_id"],
            t["col_title"],
            t["col_file"],
            t["col_format"],
            t["col_language"],
            t["col_sha256"],
        ]
        self.caption(w, "Table", t["annex_documents"])
        _, rows = w.table(titles, [0.05, 0.23, 0.17, 0.06, 0.07, 0.42], len(docs))
        for cells, doc in zip(rows, docs):
            self.lines(cells[0], [doc.id])
            self.lines(cells[1], [doc.title or "—"])
            self.lines(cells[2], [(doc.path or "—", "Small Text", False, False)])
            self.lines(cells[3], [doc.format])
            self.lines(cells[4], [doc.language])
            self.lines(cells[5], [(doc.sha256 or "—", "Code Text", False, False)])

    def block_toc(self, w: _Writer) -> None:
        """A TOC field whose cached result lists the headings (hyperlinks to bookmarks), so the contents
        read well before the first field update, which adds the page numbers."""
        from docx.oxml.ns import qn

        from . import docx_util as du

        levels = {}
        for lvl in (1, 2, 3):
            sid = self.styles.id(f"Heading {lvl}")
            if sid:
                levels[sid] = lvl
        headings = []
        for p in self.doc.element.body.iterchildren(qn("w:p")):
            ppr = p.find(qn("w:pPr"))
            ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
            lvl = levels.get(ps.get(qn("w:val"))) if ps is not None else None
            text = "".join(x.text or "" for x in p.iter(qn("w:t"))).strip()
            if lvl and text:
                headings.append((lvl, text, p))
        entries = []
        for n, (lvl, text, p) in enumerate(headings):
            name = f"_Toc{90000000 + n}"
            du.add_bookmark(p, name, 90000 + n)
            entries.append((lvl, text, name))
        instr = 'TOC \\o "1-3" \\h \\z \\u'
        if not entries:
            p = w.p("", "toc 1")
            p._p.append(du.fld_run("begin"))
            p._p.append(du.fld_run("", instr))
            p._p.append(du.fld_run("separate"))
            p._p.append(du.text_run(self.t["toc_hint"]))
            p._p.append(du.fld_run("end"))
            return
        for i, (lvl, text, name) in enumerate(entries):
            p = w.p("", f"toc {lvl}")
            if i == 0:
                p._p.append(du.fld_run("begin"))
                p._p.append(du.fld_run("", instr))
                p._p.append(du.fld_run("separate"))
            # page numbers are left to the first field update (Word: F9; LibreOffice: Update All)
            link = du.w_el("hyperlink", anchor=name, history="1")
            link.append(du.text_run(text))
            p._p.append(link)
            if i == len(entries) - 1:
                p._p.append(du.fld_run("end"))
