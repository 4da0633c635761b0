"""Reading national texts: files to a :class:`~lexcheck.law.model.Framework` of provision trees.

>>> from lexcheck.law import read_framework, format_tree
>>> fw = read_framework(["law.txt", "criminal-code.docx"])          # doctest: +SKIP
>>> print(format_tree(fw))                                          # doctest: +SKIP

``read_document`` reads one file (``.txt`` ``.md`` ``.docx`` ``.html`` ``.pdf`` or Akoma Ntoso ``.xml``),
``read_framework`` several files or folders (a folder with a ``meta.yaml`` lists its documents),
``parse_summary`` / ``format_tree`` show what was read (the ``lexcheck parse`` command).
Bad input raises :class:`~lexcheck.errors.InputError` naming the file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import InputError
from .model import Definition, Document, Framework, Provision

__all__ = [
    "read_document",
    "read_framework",
    "parse_text",
    "parse_summary",
    "format_tree",
    "Document",
    "Framework",
    "Provision",
    "Definition",
]

_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def _check_language(code: str | None, path: str | Path | None) -> str | None:
    if code is None or code == "":
        return None
    code = str(code).strip().lower()
    if not _LANG_CODE.match(code):
        raise InputError(f"unknown language code {code!r} (use en, ru, kk, ky, tk, uz, tg ...)", path)
    return code


def _build(text: str, doc_id: str, path: str, language: str | None, fmt: str = "txt", raw: bytes | None = None,
           root: Provision | None = None, title: str = "", meta: dict | None = None) -> Document:  # fmt: skip
    from . import structure

    with structure.no_gc():
        return _build_tree(text, doc_id, path, language, fmt, raw, root, title, meta)


def _build_tree(text, doc_id, path, language, fmt, raw, root, title, meta) -> Document:
    from . import definitions, operative, structure
    from . import language as lang_mod

    if root is None:
        root = structure.parse_structure(text)
    operative.mark(root, text)
    doc = Document(
        id=doc_id,
        path=path,
        text=text,
        title=title or _first_heading(text, root) or Path(path).stem,
        language=language or lang_mod.detect(text),
        sha256=hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest(),
        format=fmt,
        meta=meta or {},
        root=root,
    )
    doc.definitions = definitions.find_definitions(root, text, doc_id)
    return doc


def parse_text(
    text: str, doc_id: str = "doc1", language: str | None = None, path: str = "<text>"
) -> Document:
    """A :class:`Document` from text already in memory (newlines are normalised first)."""
    from .formats import normalise

    return _build(normalise(text), doc_id, path, _check_language(language, path))


def read_document(path: str | Path, doc_id: str = "doc1", language: str | None = None) -> Document:
    """Read one national text. ``language`` overrides the ``meta.yaml`` entry and detection."""
    from . import formats, meta

    path = Path(path)
    language = _check_language(language, path)
    loaded = formats.load(path)
    folder_meta, entry = meta.meta_for(path) if path.parent.exists() else (None, None)
    entry = entry or {}
    lang = language or _check_language(entry.get("language"), path)
    title = str(entry.get("title") or loaded.title or "")
    if not title and folder_meta and len(folder_meta.get("documents", [])) == 1 and folder_meta.get("title"):
        title = str(folder_meta["title"])
    doc_meta = dict(entry)
    if folder_meta:
        for key in ("country", "title"):
            if folder_meta.get(key) is not None:
                doc_meta.setdefault("framework_" + key if key == "title" else key, folder_meta[key])
    return _build(
        loaded.text, doc_id, str(path), lang, loaded.format, loaded.raw, loaded.root, title, doc_meta
    )


def read_framework(paths, languages: str | Iterable | Mapping | None = None) -> Framework:
    """Read national texts as one framework.

    ``paths``: files, or folders (a folder with a ``meta.yaml`` is read in the order it lists; otherwise
    every supported file in it, by name). Documents get ids ``doc1``, ``doc2`` ... in order. A folder
    comes from someone else: a document it names or holds must resolve, links followed, inside it (a
    file given in ``paths`` itself is the caller's and may be anywhere).
    ``languages``: one code for all documents, a list (one per document, in order), or a mapping from
    file name / path / document id to code.
    """
    from . import formats, meta

    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no national texts given")
    files: list[Path] = []
    fw_meta: dict = {}
    for p in paths:
        if not p.exists():
            raise InputError("no such file", p)
        if p.is_dir():
            meta_path = meta.find_meta(p)
            if meta_path is not None:
                data = meta.load_meta(meta_path)
                listed = [p / e["file"] for e in data["documents"]]
                if not listed:
                    listed = _folder_files(p)
                for f in listed:
                    if not f.is_file():
                        raise InputError(f"listed in {meta_path.name} but missing", f)
                if not fw_meta:
                    fw_meta = data
                files.extend(listed)
            else:
                found = _folder_files(p)
                if not found:
                    raise InputError(f"no readable law texts in folder (supported: {formats.SUPPORTED})", p)
                files.extend(found)
        else:
            files.append(p)
    docs = []
    for k, f in enumerate(files, 1):
        doc_id = f"doc{k}"
        lang = _language_for(languages, f, doc_id, k - 1)
        docs.append(read_document(f, doc_id=doc_id, language=lang))
    if not fw_meta and len(paths) == 1 and paths[0].is_file():
        found_meta, _ = meta.meta_for(paths[0])
        fw_meta = found_meta or {}
    country = str(fw_meta.get("country") or "")
    title = str(fw_meta.get("title") or (docs[0].title if len(docs) == 1 else ""))
    return Framework(documents=docs, country=country, title=title, meta=fw_meta)


def _folder_files(folder: Path) -> list[Path]:
    """The law files of a folder without a ``meta.yaml``, by name; one that links out of it is refused."""
    from .formats import format_of
    from .meta import inside

    found = sorted(
        (
            f
            for f in folder.iterdir()
            if f.is_file() and not f.name.startswith(".") and format_of(f) is not None
        ),
        key=lambda f: f.name,
    )
    for f in found:
        if not inside(folder, f):
            raise InputError("links outside its folder; refused (give the file itself to read it)", f)
    return found


def _language_for(languages, path: Path, doc_id: str, index: int) -> str | None:
    if languages is None:
        return None
    if isinstance(languages, str):
        return languages or None
    if isinstance(languages, Mapping):
        for key in (doc_id, str(path), path.name):
            if key in languages:
                return languages[key]
        return None
    seq = list(languages)
    if index < len(seq):
        return seq[index]
    return None


def _first_heading(text: str, root: Provision) -> str:
    for line in text.split("\n", 50)[:50]:
        line = line.strip().strip("#*").strip()
        if line:
            return line[:200] if len(line) <= 200 else ""
    for p in root.walk():
        if p.heading:
            return p.heading
    return ""


# --- what was read ------------------------------------------------------------------------------


def _first_words(p: Provision, n: int = 12) -> str:
    words = p.text.split()
    out = " ".join(words[:n])
    return out + (" …" if len(words) > n else "")


def _body_words(p: Provision, n: int) -> str:
    """First words of a provision's own text after its heading line (or the heading's line when that is all)."""
    text = p.text
    if p.heading and p.heading in text:
        rest = text.split(p.heading, 1)[1].strip(" .:—–-\n")
        if rest:
            text = rest
        elif p.kind != "text":
            return ""
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _topmost_non_operative(doc: Document) -> list[Provision]:
    out = []
    for p in doc.provisions():
        if not p.operative and (p.parent is None or p.parent.operative or p.parent.kind == "document"):
            out.append(p)
    return out


def parse_summary(framework: Framework) -> dict:
    """What lexcheck read, JSON-ready: per document its provisions, glossary and non-operative parts."""
    docs = []
    for doc in framework.documents:
        provisions = [
            {
                "eid": p.eid,
                "kind": p.kind,
                "num": p.num,
                "heading": p.heading,
                "first_words": _first_words(p),
                "operative": p.operative,
                "reason": p.non_operative_reason,
                "start": p.start,
                "end": p.end,
            }
            for p in doc.provisions()
        ]
        docs.append(
            {
                "id": doc.id,
                "path": doc.path,
                "title": doc.title,
                "language": doc.language,
                "format": doc.format,
                "sha256": doc.sha256,
                "provisions": provisions,
                "glossary": [
                    {"term": d.term, "eid": d.eid, "kind": d.kind, "start": d.start, "end": d.end}
                    for d in doc.definitions
                ],
                "non_operative": [p.eid for p in _topmost_non_operative(doc)],
            }
        )
    return {"country": framework.country, "title": framework.title, "documents": docs}


def format_tree(framework: Framework) -> str:
    """An indented, human-readable view: the provision tree, then the glossary, then what is not operative."""
    lines: list[str] = []
    if framework.title or framework.country:
        lines.append(" — ".join(x for x in (framework.country, framework.title) if x))
        lines.append("")
    for doc in framework.documents:
        count = sum(1 for _ in doc.provisions())
        lines.append(f"{doc.id}  {doc.path}")
        lines.append(
            f"    {doc.title}  [{doc.language}, {doc.format}, {count} provisions, sha256 {doc.sha256[:12]}]"
        )
        lines.append("")

        def visit(node: Provision, depth: int) -> None:
            for ch in node.children:
                mark = "" if ch.operative else "  (not operative)"
                head = f"  {ch.heading}" if ch.heading else ""
                words = _body_words(ch, 10)
                lines.append(f"{'  ' * (depth + 2)}{ch.eid}{head}{'  — ' + words if words else ''}{mark}")
                visit(ch, depth + 1)

        if doc.root is not None:
            visit(doc.root, 0)
        lines.append("")
        lines.append("  Glossary:")
        if doc.definitions:
            for d in doc.definitions:
                tag = " (offence)" if d.kind == "offence" else ""
                lines.append(f"    “{d.term}”{tag} — {d.eid}")
        else:
            lines.append("    (no definitions found)")
        lines.append("  Not operative:")
        non_op = _topmost_non_operative(doc)
        if non_op:
            for p in non_op:
                lines.append(f"    {p.eid} — {p.non_operative_reason}")
        else:
            lines.append("    (none)")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
