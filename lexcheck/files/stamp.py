"""lexcheck's stamp on the Word and Excel files it writes: to tell its own output from a person's work.

A .docx or .xlsx is a ZIP of parts. :func:`add_stamp` adds one small part, ``lexcheck/stamp.xml``,
holding the SHA-256 of all the other parts (names and contents) and the kind of file (``report``
or ``review``). Word, Excel and LibreOffice ignore the part, and drop it when a person saves the file;
any change to a part changes the digest. So :func:`read_stamp` on an existing file says:

- ``"report"`` / ``"review"``: written by lexcheck and untouched since;
- ``None``: no stamp or a digest that does not match: edited by a person, or not lexcheck's file.

The stamp is a fingerprint, not a signature: it tells lexcheck's own untouched output apart from a
person's work; it does not prove who wrote a file.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

STAMP_PART = "lexcheck/stamp.xml"
KINDS = ("report", "review")
_STAMP = re.compile(rb'<lexcheck xmlns="urn:lexcheck:stamp" kind="(\w+)" sha256="([0-9a-f]{64})"/>')


def _digest(zf: zipfile.ZipFile, read) -> str:
    h = hashlib.sha256()
    for info in zf.infolist():
        if info.filename == STAMP_PART:
            continue
        data = read(info.filename)
        h.update(info.filename.encode("utf-8") + b"\0" + len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def add_stamp(data: bytes, kind: str = "report") -> bytes:
    """``data`` (the bytes of a .docx/.xlsx) with lexcheck's stamp added (replacing an older one)."""
    if kind not in KINDS:
        raise ValueError(f"unknown stamp kind {kind!r}")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if STAMP_PART in zf.namelist():  # rebuilt without the old stamp
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
                for info in zf.infolist():
                    if info.filename != STAMP_PART:
                        out.writestr(info, zf.read(info.filename))
            data = buf.getvalue()
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a") as zf:
        digest = _digest(zf, zf.read)
        part = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<lexcheck xmlns="urn:lexcheck:stamp" kind="{kind}" sha256="{digest}"/>\n'
        )
        info = zipfile.ZipInfo(STAMP_PART, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, part)
    return buf.getvalue()


def read_stamp(data: bytes, path: str | Path) -> str | None:
    """The kind of an untouched lexcheck file (``report``/``review``), else ``None`` (see above).

    The container is opened within :mod:`lexcheck.files.safezip`'s bounds; a file that fails them is
    ``None`` too (not lexcheck's)."""
    from ..errors import InputError
    from .safezip import open_ooxml, read_part

    try:
        with open_ooxml(data, path, what="file") as zf:
            if STAMP_PART not in zf.namelist():
                return None
            found = _STAMP.search(read_part(zf, STAMP_PART, path, limit=4096))
            if found is None or found.group(1).decode() not in KINDS:
                return None
            digest = _digest(zf, lambda name: read_part(zf, name, path))
    except (InputError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    return found.group(1).decode() if digest == found.group(2).decode() else None
