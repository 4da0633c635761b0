"""Use an organisation's own .docx (no jinja tags) as the report's template.

The user's document gives the styles, page size and margins, header and footer; the default template
gives the layout (its tagged body). Styles are matched by name ("heading 1", "Table Text"); those the
user's document lacks are copied from the default template without their fonts, so they follow the
organisation's body font.
"""

from __future__ import annotations

import copy
import io

from docx import Document
from docx.oxml.ns import qn

_STYLE_REFS = ("w:pStyle", "w:rStyle", "w:tblStyle")
_STYLE_LINKS = ("w:basedOn", "w:next", "w:link")
# Styles the report's builder uses by name (besides those in the template's body).
BUILDER_STYLES = (
    "heading 1",
    "heading 2",
    "heading 3",
    "caption",
    "toc 1",
    "toc 2",
    "toc 3",
    "table text",
    "table heading",
    "quote text",
    "small text",
    "code text",
    "model wording",
    "recommendation heading",
    "lexcheck table",
)


def adopt_branding(user_docx: bytes, default_docx: bytes) -> bytes:
    """The default template's body and layout in the user's document; returns .docx bytes."""
    from . import docx_util as du

    theirs = Document(io.BytesIO(user_docx))
    ours = Document(io.BytesIO(default_docx))
    body = theirs.element.body
    final = body.find(qn("w:sectPr"))
    if final is None:
        final = copy.deepcopy(ours.element.body.find(qn("w:sectPr")))
        for ref in final.findall(qn("w:headerReference")) + final.findall(qn("w:footerReference")):
            final.remove(ref)
        body.append(final)
    for child in list(body):
        if child is not final:
            body.remove(child)

    styles = _StyleMapper(ours, theirs)
    wanted = set(BUILDER_STYLES)
    for sid, el in styles.ours.items():
        name = el.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")).lower() in wanted:
            styles.style(sid)
    our_children = [c for c in ours.element.body if c.tag != qn("w:sectPr")]
    para_sects = [c.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for c in our_children if c.tag == qn("w:p")]
    n_sect = sum(1 for s in para_sects if s is not None)
    seen = 0
    for child in our_children:
        el = copy.deepcopy(child)
        styles.remap(el)
        sect = el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is not None:
            new = copy.deepcopy(final)
            _orient_like(new, sect)
            if seen > 0:  # later sections inherit the first one's header and footer
                _strip_headers(new)
            sect.getparent().replace(sect, new)
            seen += 1
        final.addprevious(el)
    if n_sect:
        titlepg = final.find(qn("w:titlePg"))
        if titlepg is not None:
            final.remove(titlepg)
    _orient_like(final, ours.element.body.find(qn("w:sectPr")))
    _ensure_page_number(theirs, du)
    return du.save_bytes(theirs)


def _orient_like(target, model) -> None:
    """Give sectPr ``target`` the orientation of sectPr ``model`` (keeping target's paper size)."""
    tsz, msz = target.find(qn("w:pgSz")), model.find(qn("w:pgSz"))
    if tsz is None or msz is None:
        return
    try:
        mw, mh = int(msz.get(qn("w:w"))), int(msz.get(qn("w:h")))
        tw, th = int(tsz.get(qn("w:w"))), int(tsz.get(qn("w:h")))
    except (TypeError, ValueError):
        return
    landscape = mw > mh
    if (tw > th) != landscape:
        tsz.set(qn("w:w"), str(th))
        tsz.set(qn("w:h"), str(tw))
        mar = target.find(qn("w:pgMar"))
        if mar is not None:  # turn the margins with the page
            top, right, bottom, left = (mar.get(qn(f"w:{s}")) for s in ("top", "right", "bottom", "left"))
            if None not in (top, right, bottom, left):
                if landscape:
                    mar.set(qn("w:top"), left), mar.set(qn("w:right"), top)
                    mar.set(qn("w:bottom"), right), mar.set(qn("w:left"), bottom)
                else:
                    mar.set(qn("w:top"), right), mar.set(qn("w:right"), bottom)
                    mar.set(qn("w:bottom"), left), mar.set(qn("w:left"), top)
    if landscape:
        tsz.set(qn("w:orient"), "landscape")
    elif tsz.get(qn("w:orient")) is not None:
        del tsz.attrib[qn("w:orient")]


def _strip_headers(sect) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for el in sect.findall(qn(tag)):
            sect.remove(el)


def _ensure_page_number(doc, du) -> None:
    """Add a centred PAGE field to the first section's footer when the organisation's footer has none."""
    footer = doc.sections[0].footer
    if any("PAGE" in (t.text or "") for t in footer._element.iter(qn("w:instrText"))):
        return
    for fld in footer._element.iter(qn("w:fldSimple")):
        if "PAGE" in (fld.get(qn("w:instr")) or ""):
            return
    p = footer.add_paragraph()
    p.alignment = 1  # centre
    du.add_field(p, "PAGE", "1")


class _StyleMapper:
    """Rewrites style ids of copied content from the default template's to the user's document's."""

    def __init__(self, ours, theirs):
        self.ours = {s.get(qn("w:styleId")): s for s in ours.styles.element.findall(qn("w:style"))}
        self.their_styles = theirs.styles.element
        self.theirs_by_name = {}
        self.their_ids = set()
        for s in self.their_styles.findall(qn("w:style")):
            name = s.find(qn("w:name"))
            sid = s.get(qn("w:styleId"))
            self.their_ids.add(sid)
            if name is not None:
                self.theirs_by_name.setdefault((s.get(qn("w:type")), name.get(qn("w:val")).lower()), sid)
        self.map: dict[str, str] = {}

    def remap(self, el) -> None:
        for tag in _STYLE_REFS:
            for ref in el.iter(qn(tag)):
                ref.set(qn("w:val"), self.style(ref.get(qn("w:val"))))

    def style(self, our_id: str) -> str:
        if our_id in self.map:
            return self.map[our_id]
        ours = self.ours.get(our_id)
        if ours is None:
            return our_id
        name_el = ours.find(qn("w:name"))
        key = (ours.get(qn("w:type")), (name_el.get(qn("w:val")) if name_el is not None else our_id).lower())
        if key in self.theirs_by_name:
            self.map[our_id] = self.theirs_by_name[key]
            return self.map[our_id]
        new_id = our_id if our_id not in self.their_ids else f"{our_id}Lexcheck"
        self.map[our_id] = new_id
        el = copy.deepcopy(ours)
        el.set(qn("w:styleId"), new_id)
        for rpr in el.iter(qn("w:rPr")):
            for fonts in rpr.findall(qn("w:rFonts")):
                rpr.remove(fonts)
        for numpr in list(el.iter(qn("w:numPr"))):
            numpr.getparent().remove(numpr)
        for tag in _STYLE_LINKS:
            link = el.find(qn(tag))
            if link is not None:
                target = link.get(qn("w:val"))
                if target in self.ours:
                    link.set(qn("w:val"), self.style(target))
                elif target not in self.their_ids:
                    el.remove(link)
        self.their_styles.append(el)
        self.their_ids.add(new_id)
        return new_id
