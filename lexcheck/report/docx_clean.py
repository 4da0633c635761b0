"""Remove active content and external references from a Word file that came from someone else.

A template or a law in .docx may carry things that act when Word opens the result: macros
(``vbaProject.bin``), ActiveX controls, OLE embeddings, embedded documents (``altChunk``), a remote
``attachedTemplate`` that Word fetches, linked images, ``file://`` links, mail-merge data sources, and
fields that fetch or run things (``DDEAUTO``, ``INCLUDETEXT``, ``INCLUDEPICTURE``, ``LINK`` ...). No
lexcheck output may pass them on, so every .docx that lexcheck copies from is cleaned first:

- parts that hold code or foreign objects are dropped, with their relationships and content types;
- every relationship with ``TargetMode="External"`` is dropped; an external hyperlink becomes plain text
  (its runs are kept), a linked picture or object is removed, any other referring element is removed;
- dangerous fields lose their field code and keep their last displayed text;
- a macro-enabled document or template (.docm, .dotm) or a template (.dotx) becomes a plain document.

:func:`clean_docx` returns the bytes unchanged when there is nothing to remove.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..files.safezip import open_ooxml, read_part

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_O = "urn:schemas-microsoft-com:office:office"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
# Parts that are code or foreign objects, whatever points at them.
_ACTIVE_PART = re.compile(
    r"(^|/)(vbaProject|vbaData|attachedToolbars|keyMapCustomizations)[^/]*$|(^|/)(activeX|embeddings|customUI)/"
    r"|\.bin$",
    re.I,
)
# Relationship types that bring in code or foreign content, even when the target is inside the file.
_ACTIVE_TYPE = re.compile(
    r"/(vbaProject|vbaData|oleObject|control|activeXControl|package|aFChunk|subDocument|attachedTemplate|"
    r"frame|mailMergeSource|mailMergeHeaderSource|recipientData|keyMapCustomizations|attachedToolbars|"
    r"ui/extensibility|wordVbaData)$",
    re.I,
)
# Field codes that fetch, link, import or run something.
_ACTIVE_FIELD = re.compile(
    r"^\s*(DDE|DDEAUTO|INCLUDE|INCLUDETEXT|INCLUDEPICTURE|LINK|IMPORT|DATABASE|RD|PRINT|MACROBUTTON|"
    r"AUTOTEXTLIST|HYPERLINK(?!\s+\\l))\b",
    re.I,
)
_FIELD_WORD = re.compile(rb"(?i)DDE|INCLUDE|LINK|IMPORT|DATABASE|\bRD\b|PRINT|MACROBUTTON|AUTOTEXTLIST")
_INSTR_OPEN = re.compile(rb"<(?:[\w.-]+:)?instrText\b")
_INSTR_TEXT = re.compile(rb"<(?:[\w.-]+:)?instrText\b[^>]*>([^<]*)</(?:[\w.-]+:)?instrText>")
_INSTR_ATTR = re.compile(rb"\binstr\s*=\s*(\"[^\"]*\"|'[^']*')")
_VML_FILL = re.compile(rb"<[\w.-]+:fill[\s/>]")
_CONTAINERS = {_W + "drawing", _W + "pict", _W + "object"}
# Elements in settings.xml that name outside data or code, dropped outright.
_SETTINGS_DROP = (_W + "attachedTemplate", _W + "mailMerge")
_REF_NS = (f"{{{_R}}}", f"{{{_O}}}")
_O_HREF = f"{{{_O}}}href"
_VML_LINKED = ("{urn:schemas-microsoft-com:vml}imagedata", "{urn:schemas-microsoft-com:vml}fill")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def clean_docx(data: bytes, path: str | Path, what: str = "Word file") -> bytes:
    """``data`` (a .docx/.docm/.dotx/.dotm) checked by :mod:`lexcheck.files.safezip` and cleaned (see above)."""
    with open_ooxml(data, path, what) as zf:
        names = [i.filename for i in zf.infolist()]
        if "[Content_Types].xml" not in names:
            raise InputError(f"not a {what} (no [Content_Types].xml)", path)
        parts = {name: read_part(zf, name, path) for name in names}
    dropped = {n for n in names if _ACTIVE_PART.search(n)}
    removed_ids: dict[str, set[str]] = {}
    targets: set[str] = set()  # parts that only an active relationship pointed at
    for name in names:
        if name in dropped or not name.endswith(".rels"):
            continue
        new, ids, inside = _clean_rels(parts[name], name, {n.lower() for n in dropped}, path)
        if ids:
            parts[name] = new
            removed_ids[_source_of(name)] = ids
            targets |= inside
    dropped |= {n for n in names if n.lower() in targets and n != "[Content_Types].xml"}
    dropped |= {n for n in names if n.endswith(".rels") and _source_of(n) in dropped}
    changed = bool(dropped or removed_ids)
    for name in names:
        if name in dropped or not name.lower().endswith(".xml") or name == "[Content_Types].xml":
            continue
        raw = parts[name]
        ids = removed_ids.get(name, set())
        if not ids and not _may_be_active(raw, name):
            continue
        new = _clean_xml(raw, name, ids, path)
        if new is not None:
            parts[name] = new
            changed = True
    types = _clean_types(parts["[Content_Types].xml"], dropped)
    if _DOCUMENT_MAIN not in types:
        raise InputError(f"not a {what} (no Word document inside: an Excel or PowerPoint file?)", path)
    if types != parts["[Content_Types].xml"]:
        parts["[Content_Types].xml"] = types
        changed = True
    if not changed:
        return data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            if name not in dropped:
                out.writestr(name, parts[name])
    return buf.getvalue()


def _parse(raw: bytes, name: str, path):
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"not a usable Word file (part {name!r} is not well-formed XML: {exc})", path
        ) from None


def _source_of(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml`` (``_rels/.rels`` -> ``""``)."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]).lstrip("/")


def _clean_rels(raw: bytes, name: str, dropped: set[str], path) -> tuple[bytes, set[str], set[str]]:
    """The relationships part without external, active or dropped targets: (bytes, removed ids, the
    lower-cased names of the parts inside the file that the removed ones pointed at)."""
    root = _parse(raw, name, path)
    base = posixpath.dirname(_source_of(name))
    ids, inside = set(), set()
    for rel in list(root):
        target = rel.get("Target") or ""
        external = (rel.get("TargetMode") or "").lower() == "external"
        part = posixpath.normpath(
            target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        )
        if external or _ACTIVE_TYPE.search(rel.get("Type") or "") or part.lower() in dropped:
            ids.add(rel.get("Id"))
            root.remove(rel)
            if not external:
                inside.add(part.lower())
    return (_serialise(root) if ids else raw), ids, inside


def _may_be_active(raw: bytes, name: str) -> bool:
    """A cheap look before parsing: fields, settings that name outside data, VML links."""
    if name.endswith("settings.xml") and (b"attachedTemplate" in raw or b"mailMerge" in raw):
        return True
    if b"imagedata" in raw or _VML_FILL.search(raw):
        return True
    if b"instrText" not in raw and b"fldSimple" not in raw:
        return False
    # All field codes of the part, joined: each field's code is a substring of it, whatever its runs.
    pieces = _INSTR_TEXT.findall(raw)
    if len(pieces) != len(_INSTR_OPEN.findall(raw)):  # markup inside a code, or an odd form: read it all
        return True
    code = b"".join([*pieces, *(a[1:-1] for a in _INSTR_ATTR.findall(raw))])
    return b"&" in code or _FIELD_WORD.search(code) is not None


def _clean_xml(raw: bytes, name: str, ids: set[str], path) -> bytes | None:
    """The part without references to ``ids`` and without active fields; None if nothing changed."""
    root = _parse(raw, name, path)
    changed = False
    if name.endswith("settings.xml"):
        for el in list(root.iter(*_SETTINGS_DROP)):
            _drop(el)
            changed = True
    if ids:
        for el in list(root.iter()):
            if isinstance(el.tag, str):
                refs = [k for k, v in el.attrib.items() if v in ids and k.startswith(_REF_NS)]
                if refs:
                    _remove_reference(el, refs)
                    changed = True
    for el in list(root.iter(*_VML_LINKED)):
        if el.get(_O_HREF) or re.match(r"(?i)[a-z]{2,}:|\\\\", el.get("src") or ""):
            _remove_reference(el, [_O_HREF, "src"])
            changed = True
    changed |= _defuse_fields(root)
    return _serialise(root) if changed else None


def _drop(el) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el) -> None:
    """Replace ``el`` by its children (an external hyperlink keeps its text)."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for i, child in enumerate(list(el)):
        parent.insert(at + i, child)
    parent.remove(el)


def _remove_reference(el, attrs: list[str]) -> None:
    if el.getparent() is None:
        return
    if el.tag == _W + "hyperlink":
        _unwrap(el)
        return
    node = el
    while node is not None and node.tag not in _CONTAINERS:
        node = node.getparent()
    if node is not None and node.getparent() is not None:
        _drop(node)
    elif el.tag.startswith(_W) or el.tag.endswith("}hlinkClick"):
        _drop(el)
    else:
        for attr in attrs:
            el.attrib.pop(attr, None)


def _defuse_fields(root) -> bool:
    """Drop the code of every field that fetches or runs something, keeping its displayed result."""
    changed = False
    for simple in list(root.iter(_W + "fldSimple")):
        if _ACTIVE_FIELD.match(simple.get(_W + "instr") or ""):
            _unwrap(simple)
            changed = True
    stack: list[list] = []  # open complex fields: [elements of the code, code text, past separate]
    for el in list(root.iter(_W + "fldChar", _W + "instrText")):
        kind = el.get(_W + "fldCharType") if el.tag == _W + "fldChar" else "instr"
        if kind == "begin":
            stack.append([[el], "", False])
        elif not stack:
            continue
        elif kind == "instr" and not stack[-1][2]:
            stack[-1][0].append(el)
            stack[-1][1] += el.xpath("string()")
        elif kind == "separate":
            stack[-1][0].append(el)
            stack[-1][2] = True
        elif kind == "end":
            code, text, _ = stack.pop()
            if _ACTIVE_FIELD.match(text):
                for part in [*code, el]:
                    _drop(part)
                changed = True
    return changed


def _clean_types(raw: bytes, dropped: set[str]) -> bytes:
    """Content types without the dropped parts, and a plain document as the main part."""
    out = raw
    for main in _OTHER_MAINS:
        out = out.replace(main, _DOCUMENT_MAIN)
    if not dropped and not re.search(rb"vbaProject|activeX|oleObject", out):
        return out
    dropped = {n.lower() for n in dropped}
    root = etree.fromstring(out, _PARSER)
    for el in list(root):
        part = (el.get("PartName") or "").lstrip("/").lower()
        ext = (el.get("Extension") or "").lower()
        ctype = el.get("ContentType") or ""
        if (
            part in dropped
            or (ext == "bin" and not el.get("PartName"))
            or re.search(r"vbaProject|activeX", ctype)
        ):
            root.remove(el)
    return _serialise(root)


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def active_content(data: bytes) -> list[str]:
    """What in a .docx would still act or reach outside when opened (empty for a clean file).

    For tests and for checking outputs: dropped-kind parts, external or active relationships, macro
    content types, dangerous fields and settings."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            raw = zf.read(name)
            if _ACTIVE_PART.search(name):
                found.append(f"part {name}")
            if name.endswith(".rels"):
                for rel in etree.fromstring(raw, _PARSER):
                    if (rel.get("TargetMode") or "").lower() == "external" or _ACTIVE_TYPE.search(
                        rel.get("Type") or ""
                    ):
                        found.append(f"relationship {rel.get('Target')} in {name}")
            elif name == "[Content_Types].xml":
                if any(m in raw for m in _OTHER_MAINS) or re.search(rb"vbaProject|activeX|oleObject", raw):
                    found.append("macro or object content type")
            elif name.endswith(".xml"):
                root = etree.fromstring(raw, _PARSER)
                if _defuse_fields(root):  # (a throwaway tree) it would drop a field code
                    found.append(f"field that fetches or runs something in {name}")
                if name.endswith("settings.xml"):
                    found += [f"setting {el.tag} in {name}" for el in root.iter(*_SETTINGS_DROP)]
                found += [f"link {v} in {name}" for el in root.iter(*_VML_LINKED) for v in _links(el)]
    return found


def _links(el) -> list[str]:
    """Addresses that a VML picture or fill fetches."""
    if el.tag not in _VML_LINKED:
        return []
    return [v for v in (el.get(_O_HREF), el.get("src")) if v and re.match(r"(?i)[a-z]{2,}:|\\\\", v)]
