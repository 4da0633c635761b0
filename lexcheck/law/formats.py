"""Bytes to text, one reader per file format.

``load(path)`` checks the path, reads the bytes and returns a :class:`Loaded`: the document text
(newlines normalised to ``\\n``, invisible characters removed, NFC), the format name, the raw bytes (for
the sha256) and, for structured XML (Akoma Ntoso), a ready-made provision tree whose offsets point into
that text. The readers are :mod:`.text_reader`, :mod:`.docx_reader`, :mod:`.html_reader`,
:mod:`.pdf_reader` and :mod:`.xml_reader`. Every problem with the input is an
:class:`~lexcheck.errors.InputError` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..errors import InputError
from .docx_reader import read_docx
from .html_reader import read_html
from .model import Provision
from .pdf_reader import read_pdf
from .text_reader import decode_bytes, normalise
from .xml_reader import read_xml

#: No national text (of any format) may be larger than this; a .docx's main part may not unpack to more.
#: Analysis costs a few seconds and about 100 MB of memory per MB of text (issue 14): a law of 25 MB
#: takes about two minutes and 2.5 GB; a larger one is refused at once, with how to split it.
MAX_BYTES = 25 * 1024 * 1024

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


def _too_large(size: int, path: Path) -> InputError:
    limit = MAX_BYTES / 1048576
    return InputError(
        f"file too large ({size / 1048576:.0f} MB; limit {limit:.0f} MB): split it into files of at most "
        f"{limit:.0f} MB (for example one per part or chapter) in one folder, and analyse the folder",
        path,
    )


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
        raise _too_large(size, path)
    return fmt


def load(path: str | Path) -> Loaded:
    path = Path(path)
    fmt = check_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", path) from None
    if len(raw) > MAX_BYTES:  # grew since stat
        raise _too_large(len(raw), path)
    if not raw.strip():
        raise InputError("empty file", path)
    if fmt == "xml":
        text, root, title = read_xml(raw, path)  # already normalised line by line: the tree's offsets fit it
        loaded = Loaded(text, fmt, raw, root, title)
    else:
        readers = {"txt": decode_bytes, "md": decode_bytes, "html": read_html, "pdf": read_pdf,
                   "docx": partial(read_docx, max_document=MAX_BYTES)}  # fmt: skip
        loaded = Loaded(normalise(readers[fmt](raw, path)), fmt, raw)
    if not loaded.text.strip():
        raise InputError("empty file" if fmt in ("txt", "md") else "no text in document (empty file)", path)
    return loaded
