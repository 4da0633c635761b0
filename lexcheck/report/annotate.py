"""The annotated law (.docx): the national text with a Word comment on each provision that carries a
finding, saying which requirements it satisfies (fully or partly) and which gaps concern it.

When the framework is one .docx document that still exists on disk, that document is annotated in
place (its text and formatting kept; provisions are matched to its paragraphs by text). Otherwise a new
document is written: one heading per document, one paragraph per provision, headings styled.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis.model import GapAnalysis
from ..files.outputs import check_output_path, write_atomic
from . import i18n
from .common import ReportData, TextLookup, clean, truncate

AUTHOR = "lexcheck"
INITIALS = "LC"


@dataclass
class _Notes:
    """Comment lines per provision (document id, eid), and the requirements with no provision."""

    by_provision: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    unprovided: list[str] = field(default_factory=list)

    def add(self, key: tuple[str, str], line: str) -> None:
        lines = self.by_provision.setdefault(key, [])
        if line not in lines:
            lines.append(line)


def collect_notes(result: GapAnalysis, lang: str = "en", texts: TextLookup | None = None) -> _Notes:
    """What to say about each provision, from the findings' evidence, elements and qualifiers."""
    data = ReportData(result, lang, texts)
    words = i18n.texts(lang, "annotate")
    notes = _Notes()
    for f in result.findings:
        if f.status == "not_applicable":
            continue
        evs = data.evidence(f)
        if not evs:
            if f.status in ("missing", "partial", "needs_review"):
                notes.unprovided.append(
                    f"{f.requirement_id} — {data.title(f)} ({data.standard(f)}): {data.status(f.status)}"
                )
            continue
        head = words.get(f.status, words["missing"]).format(rid=f.requirement_id, title=data.title(f))
        found_at: dict[tuple[str, str], list[str]] = {}
        for e in f.elements:
            if e.status == "found":
                for ev in e.evidence:
                    found_at.setdefault((ev.document, ev.eid), []).append(e.label or e.key.replace("_", " "))
        missing = [e.label or e.key.replace("_", " ") for e in f.elements if e.status == "missing"]
        anchors = {(ev.document, ev.eid) for ev in f.evidence} or set(found_at)
        qualified = {(ev.document, ev.eid) for q in f.qualifiers for ev in q.evidence}
        review = ""
        if f.review is not None:
            review = words["reviewed"].format(reviewer=f.review.reviewer or "?", status=data.status(f.status))
            if f.review.note:
                review += f". {truncate(f.review.note, 240)}"
        params_at: dict[tuple[str, str], list[str]] = {}
        for prm, text in zip(f.parameters, data.parameter_lines(f)):
            for key in {(ev.document, ev.eid) for ev in prm.evidence} or anchors:
                params_at.setdefault(key, []).append(text.rstrip("."))
        for key in dict.fromkeys([*((ev.document, ev.eid) for ev in evs)]):
            elems = list(dict.fromkeys(found_at.get(key, [])))
            line = head + (": " + ", ".join(elems) if elems and f.status != "missing" else "")
            if params_at.get(key):
                line += ". " + "; ".join(params_at[key])
            if f.status in ("needs_review", "missing") and f.explanation and key not in qualified:
                line += f". {truncate(data.text(f, 'explanation'), 200)}"
            if f.status == "partial" and missing and key in anchors:
                line += f". {words['gaps']}: {'; '.join(missing)}"
            if review and key in anchors:
                line += f". [{review}]"
            notes.add(key, line)
        for q in f.qualifiers:
            for ev in q.evidence:
                notes.add(
                    (ev.document, ev.eid),
                    f"{words['restriction'].format(rid=f.requirement_id)}: {q.label or q.key}",
                )
    return notes


def annotate_docx(
    framework,
    result: GapAnalysis,
    out,
    *,
    lang: str = "en",
    texts: TextLookup | None = None,
    document: str | None = None,
    author: str = AUTHOR,
    inputs=(),
) -> None:
    """Write the national text of ``framework`` with Word comments from ``result`` to ``out``.

    ``document``: annotate only the document with this id. A .docx source (``format == "docx"``, file
    present) is annotated in place when it is the only document annotated; otherwise a new document is
    built from the provisions.
    """
    protected = [*inputs, *(d.path for d in framework.documents if d.path)]
    if str(out) != "-":
        check_output_path(out, protected)
    doc = build_annotated(framework, result, lang=lang, texts=texts, document=document, author=author)
    from .docx_clean import clean_docx
    from .docx_util import save_bytes

    write_atomic(out, clean_docx(save_bytes(doc), out, "annotated text"), inputs=protected)


def build_annotated(framework, result, *, lang="en", texts=None, document=None, author=AUTHOR):
    """The annotated law as a python-docx ``Document``."""
    notes = collect_notes(result, lang, texts)
    docs = [d for d in framework.documents if document is None or d.id == document]
    if document is not None and not docs:
        raise ValueError(f"no document {document!r} in the framework")
    words = i18n.texts(lang, "annotate")
    if len(docs) == 1 and docs[0].format == "docx" and docs[0].path and Path(docs[0].path).is_file():
        return _annotate_source(docs[0], notes, words, author)
    return _annotate_new(framework, docs, notes, words, author)


# ----------------------------------------------------------------------------- new document
def _own_text(doc, p) -> str:
    if 0 <= p.text_start < p.text_end <= len(doc.text):
        return doc.text[p.text_start : p.text_end]
    return p.text or ""


def _annotate_new(framework, docs, notes: _Notes, words, author):
    from docx import Document
    from docx.shared import Cm, Pt

    out = Document()
    normal = out.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    title = out.add_paragraph(clean(framework.title or framework.country or words["title"]), style="Title")
    intro = out.add_paragraph(words["intro"])
    intro.runs[0].italic = True
    unplaced: list[str] = []
    heading_for = {
        "part": "Heading 2",
        "chapter": "Heading 2",
        "division": "Heading 2",
        "article": "Heading 3",
    }
    for d in docs:
        out.add_paragraph(clean(d.title or Path(d.path).name or d.id), style="Heading 1")
        pending: list[str] = []  # notes of provisions with no text of their own, passed to the next one
        for p in d.provisions():
            lines = [*pending, *notes.by_provision.get((d.id, p.eid), [])]
            text = _own_text(d, p).strip()
            if not text:
                if p.heading or p.num:
                    text = f"{p.num} {p.heading}".strip()
                else:
                    pending = lines
                    continue
            pending = []
            parts = [x.strip() for x in text.split("\n") if x.strip()]
            paragraphs = []
            style = heading_for.get(p.kind)
            if style and (len(parts) > 1 or p.kind != "article" or len(parts[0]) < 200):
                paragraphs.append(out.add_paragraph(clean(parts[0]), style=style))
                parts = parts[1:]
            depth = sum(1 for a in p.ancestors() if a.kind in ("article", "paragraph", "point"))
            for part in parts:
                para = out.add_paragraph(clean(part))
                if p.kind in ("paragraph", "point", "subpoint"):
                    para.paragraph_format.left_indent = Cm(0.6 * max(depth - 1, 0))
                paragraphs.append(para)
            if lines:
                runs = [r for para in paragraphs for r in para.runs]
                _comment(out, runs, lines, author)
        if pending:
            unplaced += pending
    top = list(notes.unprovided)
    if top or unplaced:
        lines = [words["top"] + ":", *top] if top else []
        if unplaced:
            lines += [words["unplaced"] + ":", *unplaced]
        _comment(out, title.runs, lines, author)
    return out


def _comment(doc, runs, lines: list[str], author: str) -> None:
    if not runs:
        return
    comment = doc.add_comment(runs, text=clean(lines[0]), author=author, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(clean(line))


# ----------------------------------------------------------------------------- source .docx
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _norm(text: str) -> str:
    return _SPACE.sub(" ", (text or "").translate(_QUOTES)).strip().lower()


def _annotate_source(d, notes: _Notes, words, author):
    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    from .docx_clean import clean_docx

    # checked (zip bomb, DTD) and cleaned (macros, objects, external links) before python-docx reads it
    out = Document(io.BytesIO(clean_docx(Path(d.path).read_bytes(), d.path)))
    body = out.element.body
    paras = [Paragraph(p, out._body) for p in body.iter(qn("w:p"))]
    normed = [_norm(p.text) for p in paras]
    cursor = 0
    unplaced: list[str] = []

    def find(key: str, start: int) -> int | None:
        if not key:
            return None
        for rng in (range(start, len(paras)), range(0, start)):
            for i in rng:
                t = normed[i]
                if t and (t.startswith(key) or key.startswith(t[:80]) and len(t) >= 12 or key in t):
                    return i
        return None

    for p in d.provisions():
        lines = notes.by_provision.get((d.id, p.eid))
        text_lines = [x for x in (_norm(x) for x in _own_text(d, p).split("\n")) if x]
        if not text_lines:
            if lines:
                unplaced += [f"{p.eid}: {x}" for x in lines]
            continue
        i = find(text_lines[0][:80], cursor)
        if i is None:
            if lines:
                unplaced += [f"{p.eid}: {x}" for x in lines]
            continue
        j = i
        if len(text_lines) > 1:
            last = find(text_lines[-1][:80], i)
            j = last if last is not None and last >= i else i
        cursor = i
        if not lines:
            continue
        runs = [r for k in range(i, j + 1) for r in paras[k].runs]
        if not runs:
            runs = [paras[i].add_run("")]
        _comment(out, runs, lines, author)
    top = list(notes.unprovided)
    if top or unplaced:
        first = next((p for p, t in zip(paras, normed) if t and p.runs), None)
        if first is None:
            first = out.paragraphs[0] if out.paragraphs else out.add_paragraph("")
            if not first.runs:
                first.add_run("")
        lines = [words["top"] + ":", *top] if top else []
        if unplaced:
            lines += [words["unplaced"] + ":", *unplaced]
        _comment(out, first.runs, lines, author)
    return out


def comments_of(docx_bytes_or_path) -> list[str]:
    """The texts of all comments of a .docx (for tests and checks)."""
    from docx import Document

    from ..files.safezip import check_ooxml

    src = docx_bytes_or_path
    data = bytes(src) if isinstance(src, bytes | bytearray) else Path(src).read_bytes()
    check_ooxml(data, "<bytes>" if isinstance(src, bytes | bytearray) else src)
    doc = Document(io.BytesIO(data))
    return [c.text for c in doc.comments]
