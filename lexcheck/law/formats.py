"""Bytes to text, one reader per file format.

``load(path)`` checks the path, reads the bytes and returns a :class:`Loaded`: the document text
(newlines normalised to ``\\n``, NFC), the format name, the raw bytes (for the sha256) and, for
structured XML (Akoma Ntoso), a ready-made provision tree whose offsets point into that text.
Every problem with the input is an :class:`~lexcheck.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .model import Provision

MAX_BYTES = 50 * 1024 * 1024

TEXT_EXT = {".txt": "txt", ".md": "md", ".text": "txt", ".markdown": "md"}
EXTENSIONS = {**TEXT_EXT, ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf", ".xml": "xml"}
SUPPORTED = ".txt, .md, .docx, .html/.htm, .pdf, .xml (Akoma Ntoso)"


@dataclass
class Loaded:
    text: str
    format: str
    raw: bytes
    root: Provision | None = None  # a provision tree when the format carries its own structure (AKN)
    title: str = ""


def format_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def check_path(path: Path) -> str:
    """Validate ``path`` before reading; returns the format name."""
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError("is a directory", path)
    fmt = format_of(path)
    if fmt is None:
        ext = path.suffix or "(no extension)"
        raise InputError(f"unsupported file type {ext}; supported: {SUPPORTED}", path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"file too large ({size / 1048576:.0f} MB; limit 50 MB)", path)
    return fmt


def load(path: str | Path) -> Loaded:
    path = Path(path)
    fmt = check_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", path) from None
    if len(raw) > MAX_BYTES:  # grew since stat
        raise InputError(f"file too large ({len(raw) / 1048576:.0f} MB; limit 50 MB)", path)
    if not raw.strip():
        raise InputError("empty file", path)
    reader = {"txt": _read_text, "md": _read_text, "docx": _read_docx, "html": _read_html, "pdf": _read_pdf}
    if fmt == "xml":
        loaded = _read_xml(raw, path)
    else:
        loaded = Loaded(normalise(reader[fmt](raw, path)), fmt, raw)
    if not loaded.text.strip():
        raise InputError("empty file" if fmt in ("txt", "md") else "no text in document (empty file)", path)
    return loaded


def normalise(text: str) -> str:
    """One newline convention and NFC, so offsets and patterns behave the same for every source."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\ufeff", "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --- plain text -------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_MAGIC = (
    b"PK\x03\x04",
    b"%PDF",
    b"\x7fELF",
    b"MZ",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\xd0\xcf\x11\xe0",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(raw: bytes, path: Path | str) -> str:
    """Decode a text file: BOM, then UTF-8, then a legacy encoding found by charset-normalizer."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError:
                raise InputError(f"cannot decode text ({enc} byte-order mark, invalid bytes)", path) from None
    head = raw[:65536]
    if b"\x00" in head or any(raw.startswith(m) for m in _MAGIC):
        raise InputError("binary file, not text", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _legacy(raw, path)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError("binary file, not text", path)
    return text


def _legacy(raw: bytes, path: Path | str) -> str:
    from charset_normalizer import from_bytes

    # charset-normalizer samples the bytes itself (steps x chunk_size), so this stays fast on big files
    best = from_bytes(raw[: 4 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise InputError("cannot decode text (not UTF-8 and no known encoding fits)", path)
    try:
        text = raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"cannot decode text (bytes invalid in {best.encoding})", path) from None
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    spaces = sum(ch.isspace() for ch in sample)
    if letters < len(sample) * 0.3 or (len(sample) > 200 and spaces < len(sample) / 400):
        raise InputError(f"cannot decode text (bytes make no sense as {best.encoding} or UTF-8)", path)
    return text


def _read_text(raw: bytes, path: Path) -> str:
    return decode_bytes(raw, path)


# --- .docx ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(raw: bytes, path: Path) -> str:
    if not raw.startswith(b"PK"):
        raise InputError("not a valid .docx (not a zip archive)", path)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise InputError("not a valid .docx (no word/document.xml)", path)
            if sum(info.file_size for info in zf.infolist()) > 10 * MAX_BYTES:
                raise InputError("not a valid .docx (unpacks to more than 500 MB; zip bomb?)", path)
            bad = zf.testzip()
            if bad is not None:
                raise InputError(f"not a valid .docx (corrupt member {bad})", path)
            for name in names:
                if name.endswith(".xml") and _has_dtd(zf.read(name)[:4096]):
                    raise InputError(
                        "XML with entity declarations refused (possible XXE / entity expansion)", path
                    )
    except zipfile.BadZipFile as exc:
        raise InputError(f"not a valid .docx (truncated or corrupt zip: {exc})", path) from None
    except (EOFError, zipfile.LargeZipFile, OSError) as exc:
        raise InputError(f"not a valid .docx (truncated: {exc})", path) from None
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
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
    if fmt == "russianLower":
        return "абвгдежзиклмнопрстуфхцчшщэюя"[(n - 1) % 28]
    if fmt == "russianUpper":
        return "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"[(n - 1) % 28]
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out += sym
            n -= value
    return out


# --- HTML -------------------------------------------------------------------------------------

_BLOCK = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote",
    "pre", "dd", "dt", "dl", "ul", "ol", "br", "hr", "header", "footer", "main", "aside", "figure",
    "figcaption", "caption", "address", "body", "center", "form", "fieldset", "legend",
}  # fmt: skip
_DROP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "button",
    "select",
    "option",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _read_html(raw: bytes, path: Path) -> str:
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    text = None
    m = _META_CHARSET.search(raw[:4096])
    if m and not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            text = raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(raw, path)
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as exc:
        raise InputError(f"not valid HTML ({exc})", path) from None
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buf).split())
        if line:
            lines.append(line)
        buf.clear()

    def walk(node, ol_counter: list[int] | None = None) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _DROP:
                continue
            if name == "br":
                flush()
                continue
            if name in ("td", "th"):
                buf.append(" ")
                walk(child)
                buf.append(" ")
                continue
            block = name in _BLOCK
            if block:
                flush()
            if name == "ol":
                start = child.get("start")
                counter = [int(start) - 1 if start and str(start).isdigit() else 0]
                walk(child, counter)
            elif name == "li" and ol_counter is not None:
                ol_counter[0] += 1
                first = child.get_text(" ", strip=True)
                if not re.match(r"^\(?[\w\d]{1,4}[.)]\s", first):
                    buf.append(f"{ol_counter[0]}. ")
                walk(child)
            else:
                walk(child, None if name in ("ul",) else ol_counter if name not in _BLOCK else None)
            if block:
                flush()
                if name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table"):
                    lines.append("")

    walk(soup)
    flush()
    out: list[str] = []
    for line in lines:  # collapse runs of blank lines
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


# --- PDF --------------------------------------------------------------------------------------


def _read_pdf(raw: bytes, path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not raw.lstrip()[:1024].find(b"%PDF") >= 0:
        raise InputError("not a valid PDF (no %PDF header)", path)
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError("encrypted PDF; remove the password first", path)
            except InputError:
                raise
            except Exception:
                raise InputError("encrypted PDF; remove the password first", path) from None
        pages = []
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError) as exc:
        raise InputError(f"not a valid PDF ({type(exc).__name__}: {str(exc)[:80]})", path) from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise InputError("PDF has no text layer (scanned?); run OCR first", path)
    return text


# --- XML (Akoma Ntoso) ------------------------------------------------------------------------

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.I)


def _has_dtd(head: bytes) -> bool:
    probe = head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4].count(b"\x00") >= 1:
        try:
            probe = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            probe = head.replace(b"\x00", b"")
    return bool(_DTD.search(probe))


def _read_xml(raw: bytes, path: Path) -> Loaded:
    if _has_dtd(raw):
        raise InputError("XML with entity declarations refused (possible XXE / entity expansion)", path)
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        root = DET.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(
            "XML with entity declarations refused (possible XXE / entity expansion)", path
        ) from None
    except Exception as exc:  # xml.etree.ElementTree.ParseError and friends
        raise InputError(f"not well-formed XML ({str(exc)[:100]})", path) from None
    text, tree, title = _Akn().build(root)
    if not text.strip():
        raise InputError("no text in XML document (empty file)", path)
    return Loaded(text, "xml", raw, tree, title)


_AKN_KIND = {
    "part": "part", "book": "part", "tome": "part", "title": "part",
    "chapter": "chapter",
    "division": "division", "subdivision": "division", "subchapter": "division", "subpart": "division",
    "subtitle": "division", "level": "division", "hcontainer": "division", "subsection_group": "division",
    "article": "article", "section": "article", "rule": "article", "regulation": "article",
    "paragraph": "paragraph", "subsection": "paragraph",
    "subparagraph": "point", "point": "point", "item": "point", "clause": "point", "indent": "point",
    "alinea": "point", "list": "point",
    "subclause": "subpoint", "subpoint": "subpoint", "subitem": "subpoint",
}  # fmt: skip
_AKN_SKIP = {"meta", "num", "heading", "subheading", "componentRef", "authorialNote", "noteRef", "toc"}
_AKN_WRAP = {"wrapUp", "wrapup", "wrap"}
_AKN_TEXT_NODES = {
    "preface": "preface (title block)",
    "preamble": "preamble",
    "conclusions": "conclusions (signatures)",
    "coverPage": "cover page",
}
_AKN_BLOCKS = {"p", "blockList", "item", "listIntroduction", "listWrapUp", "tr", "table", "block", "longTitle",
               "docTitle", "formula", "recital", "citation", "container", "tblock", "li", "ul", "ol", "div"}  # fmt: skip


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


class _Akn:
    """Akoma Ntoso (or similar structured legislative XML) to text plus a provision tree with its eIds."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.used: set[str] = set()

    def emit(self, line: str) -> tuple[int, int]:
        line = " ".join(line.split())
        if not line:
            return self.pos, self.pos
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        self.parts.append(line)
        self.pos += len(line)
        return start, self.pos

    def build(self, root) -> tuple[str, Provision, str]:
        doc_root = Provision(eid="", kind="document")
        top = root
        if _local(root.tag) == "akomaNtoso":
            kids = [c for c in root if _local(c.tag) not in ("meta",)]
            top = kids[0] if kids else root
        title = ""
        for el in root.iter():
            name = _local(el.tag)
            if name in ("docTitle", "shortTitle"):
                title = " ".join("".join(el.itertext()).split())
                break
        if not title:
            for el in root.iter():
                if _local(el.tag) == "FRBRalias" or (_local(el.tag) == "FRBRname" and el.get("value")):
                    title = el.get("value") or ""
                    if title:
                        break
        self.walk_container(top, doc_root, top_level=True)
        text = "".join(self.parts)
        _finish_tree(doc_root, text)
        return text, doc_root, title

    def walk_container(self, el, parent: Provision, top_level: bool = False) -> None:
        """Children of a non-hierarchical wrapper (body, mainBody, act ...)."""
        for child in el:
            name = _local(child.tag)
            if name in _AKN_SKIP:
                continue
            if name in _AKN_TEXT_NODES and top_level:
                self.text_node(child, parent, name, operative=False, reason=_AKN_TEXT_NODES[name])
            elif name in _AKN_KIND:
                self.hier(child, parent)
            elif name in ("body", "mainBody", "attachments", "attachment", "components", "component", "doc",
                          "act", "bill", "judgment", "portion", "portionBody", "documentCollection", "collectionBody",
                          "interstitial", "subFlow", "embeddedStructure", "quotedStructure", "main"):  # fmt: skip
                self.walk_container(child, parent, top_level=top_level)
            else:
                self.text_node(child, parent, "intro" if not parent.children else "wrapup")

    def text_node(self, el, parent: Provision, key: str, operative: bool = True, reason: str = "") -> None:
        lines = list(_akn_lines(el))
        if not any(line.strip() for line in lines):
            return
        start = end = None
        for line in lines:
            s, e = self.emit(line)
            if e > s:
                start = s if start is None else start
                end = e
        if start is None:
            return
        eid = self.unique(f"{parent.eid}__{key}" if parent.eid else key)
        node = Provision(eid=eid, kind="text", start=start, end=end, text_start=start, text_end=end,
                         operative=operative, non_operative_reason=reason, parent=parent)  # fmt: skip
        parent.children.append(node)

    def unique(self, eid: str) -> str:
        base, k = eid, 2
        while eid in self.used:
            eid = f"{base}_{k}"
            k += 1
        self.used.add(eid)
        return eid

    def hier(self, el, parent: Provision) -> None:
        kind = _AKN_KIND[_local(el.tag)]
        if kind == "paragraph" and parent.kind in ("paragraph", "point", "subpoint"):
            kind = "point"  # section > subsection > paragraph (a): our article > paragraph > point
        elif kind == "point" and parent.kind in ("point", "subpoint"):
            kind = "subpoint"
        num = heading = ""
        for child in el:
            name = _local(child.tag)
            if name == "num" and not num:
                num = " ".join("".join(child.itertext()).split())
            elif name == "heading" and not heading:
                heading = " ".join("".join(child.itertext()).split())
        eid = el.get("eId") or el.get("eid") or el.get("id") or ""
        if not eid or eid in self.used:
            from .structure import eid_token

            prefix = {
                "part": "part",
                "chapter": "chp",
                "division": "dvs",
                "article": "art",
                "paragraph": "para",
            }
            token = eid_token(num) or str(len(parent.children) + 1)
            local = f"{prefix.get(kind, 'point')}_{token}"
            eid = f"{parent.eid}__{local}" if parent.eid and kind not in ("article",) else local
        eid = self.unique(eid)
        node = Provision(eid=eid, kind=kind, num=num, heading=heading, parent=parent)
        parent.children.append(node)
        s, e = self.emit(f"{num} {heading}")
        node.text_start, node.text_end = s, e
        own_open = True
        for child in el:
            name = _local(child.tag)
            if name in _AKN_SKIP:
                continue
            if name in _AKN_KIND:
                own_open = False
                self.hier(child, node)
            elif name in _AKN_WRAP or not own_open:
                own_open = False
                self.text_node(child, node, "wrapup")
            else:
                for line in _akn_lines(child):
                    s2, e2 = self.emit(line)
                    if e2 > s2:
                        if node.text_end == node.text_start:
                            node.text_start = s2
                        node.text_end = e2


def _akn_lines(el):
    """Text lines of a content element: one per block, inline markup flattened."""
    if _local(el.tag) in _AKN_SKIP:
        if el.tail and el.tail.strip():
            yield el.tail
        return
    has_block = any(_local(c.tag) in _AKN_BLOCKS or _local(c.tag) in _AKN_KIND for c in el)
    if not has_block:
        text = "".join(t for t in _itertext_skip(el))
        if text.strip():
            yield text
        return
    if el.text and el.text.strip():
        yield el.text
    for child in el:
        if _local(child.tag) in _AKN_BLOCKS or _local(child.tag) in _AKN_KIND:
            yield from _akn_lines(child)
            if child.tail and child.tail.strip():
                yield child.tail
        else:
            text = "".join(_itertext_skip(child)) + (child.tail or "")
            if text.strip():
                yield text


def _itertext_skip(el):
    if _local(el.tag) in ("authorialNote", "noteRef", "meta"):
        return
    if el.text:
        yield el.text
    for child in el:
        yield from _itertext_skip(child)
        if child.tail:
            yield child.tail


def _finish_tree(root: Provision, text: str) -> None:
    """Whole-subtree offsets for a tree whose own-text offsets are set."""

    def fix(node: Provision) -> None:
        for child in node.children:
            fix(child)
        if node.kind == "document":
            node.start, node.end = 0, len(text)
            node.text_start = node.text_end = 0
            return
        ends = [c.end for c in node.children] + [node.text_end]
        starts = [c.start for c in node.children] + (
            [node.text_start] if node.text_end > node.text_start else []
        )
        node.start = min(starts) if starts else node.text_start
        node.end = max(ends)
        node.text = text[node.text_start : node.text_end]

    fix(root)
