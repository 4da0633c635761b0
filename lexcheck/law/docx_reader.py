"""Word (.docx) to text: paragraphs one per line, Word's automatic numbering written out, table rows as
``cell | cell``.

The file comes from someone else, so the container is checked by :mod:`lexcheck.files.safezip` (sizes, ratio,
DTDs in every XML part) *before* python-docx sees a byte, and the main document may not unpack to more
than the caller's limit. Every problem is an :class:`~lexcheck.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .. import lang
from ..errors import InputError
from ..files.safezip import open_ooxml

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN = "word/document.xml"
_OTHER_WORD_FILES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "macro-enabled Word document (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "Word template (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "macro-enabled Word template (.dotm)",
}


def read_docx(raw: bytes, path: Path, max_document: int) -> str:
    """The text of a .docx none of whose XML parts unpacks to more than ``max_document`` bytes (python-docx
    parses them whole: a law's main part is its text with markup, every other XML part is far smaller)."""
    with open_ooxml(raw, path, ".docx") as zf:
        if _MAIN not in zf.namelist():
            raise InputError(f"not a valid .docx (no {_MAIN})", path)
        for info in zf.infolist():
            if info.file_size > max_document and info.filename.lower().endswith((".xml", ".rels")):
                raise InputError(
                    f"not a valid .docx ({info.filename} unpacks to {info.file_size / 1048576:.0f} MB; "
                    f"limit {max_document / 1048576:.0f} MB)",
                    path,
                )
    try:
        from docx.opc.constants import CONTENT_TYPE
        from docx.package import Package

        part = Package.open(io.BytesIO(raw)).main_document_part
        if part.content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:
            kind = _OTHER_WORD_FILES.get(part.content_type)
            if kind:
                raise InputError(f"a {kind}, not a .docx; save it in Word as Word Document (.docx)", path)
            raise InputError(f"not a valid .docx (main part is {part.content_type!r})", path)
        document = part.document
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many kinds of error for broken packages
        raise InputError(f"not a valid .docx ({type(exc).__name__}: {str(exc)[:80]})", path) from None
    return "\n".join(_docx_lines(document))


def _docx_lines(document) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            para = Paragraph(child, document)
            text = para.text
            label = numbering.label(para)
            if label and text.strip():
                text = f"{label} {text.lstrip()}"
            lines.append(text)
        elif tag == _W + "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat
                        cells.append(value)
                if cells:
                    lines.append(" | ".join(cells))
            lines.append("")
    return lines


class _Numbering:
    """Best-effort reconstruction of Word's automatic list numbering (numPr / ilvl)."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except Exception:  # no numbering part
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(_W + "abstractNum"):
            aid = an.get(_W + "abstractNumId")
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                fmt = _val(lvl.find(_W + "numFmt"), "decimal")
                text = _val(lvl.find(_W + "lvlText"), "")
                start = int(_val(lvl.find(_W + "start"), "1") or 1)
                lv[ilvl] = (fmt, text, start)
            abstract[aid] = lv
        for num in root.findall(_W + "num"):
            nid = num.get(_W + "numId")
            ref = num.find(_W + "abstractNumId")
            lv = dict(abstract.get(_val(ref, ""), {}))
            for ov in num.findall(_W + "lvlOverride"):
                ilvl = int(ov.get(_W + "ilvl", "0"))
                so = ov.find(_W + "startOverride")
                if so is not None and ilvl in lv:
                    fmt, text, _ = lv[ilvl]
                    lv[ilvl] = (fmt, text, int(_val(so, "1") or 1))
            self.levels[nid] = lv
        try:
            for style in document.styles:
                ppr = style.element.find(_W + "pPr")
                numpr = ppr.find(_W + "numPr") if ppr is not None else None
                if numpr is not None:
                    nid = _val(numpr.find(_W + "numId"), "")
                    ilvl = int(_val(numpr.find(_W + "ilvl"), "0") or 0)
                    self.style_num[style.style_id] = (nid, ilvl)
        except Exception:
            pass

    def label(self, para) -> str:
        if not self.levels:
            return ""
        ppr = para._p.pPr
        nid, ilvl = "", 0
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        if numpr is not None:
            nid = _val(numpr.find(_W + "numId"), "")
            ilvl = int(_val(numpr.find(_W + "ilvl"), "0") or 0)
        else:
            sid = ppr.find(_W + "pStyle") if ppr is not None else None
            if sid is not None and _val(sid, "") in self.style_num:
                nid, ilvl = self.style_num[_val(sid, "")]
        if not nid or nid == "0" or nid not in self.levels:
            return ""
        lv = self.levels[nid]
        if ilvl not in lv:
            return ""
        counters = self.counters.setdefault(nid, [0] * 10)
        ilvl = min(ilvl, 9)
        fmt, text, start = lv[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""

        def repl(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k not in lv:
                return ""
            value = counters[k] or lv[k][2]
            return _format_number(value, lv[k][0])

        return re.sub(r"%(\d)", repl, text).strip()


def _val(el, default: str) -> str:
    if el is None:
        return default
    return el.get(_W + "val", default)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt in ("russianLower", "russianUpper"):  # Word's Cyrillic list numbering: the ru list alphabet
        letters = lang.value("ru", "structure", "list_letters")
        letter = letters[(n - 1) % len(letters)]
        return letter.upper() if fmt == "russianUpper" else letter
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out += sym
            n -= value
    return out
