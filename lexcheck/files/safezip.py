"""Opening Word and Excel files (ZIP containers) that come from someone else, within fixed bounds.

A .docx or .xlsx may be a *zip bomb* (a few MB that unpack to GBs), may carry XML with a DOCTYPE (entity
expansion, external entities), or may be truncated. :func:`open_ooxml` checks the container *before*
python-docx, docxtpl or openpyxl read it: it refuses a file whose parts, as the ZIP's central directory
declares them, are too many, too large, or compressed beyond any real document's ratio, and any XML part
(``.xml`` and ``.rels``) with a document type declaration anywhere in it. Python's ``zipfile`` never
returns more bytes for a part than the directory declares (a lying entry fails its CRC), so the declared
sizes bound the memory that reading the file can take.

Every problem is an :class:`~lexcheck.errors.InputError` naming the file: one line, exit code 2.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import InputError

#: At most this many parts in one container (real reports and laws have well under 500).
MAX_PARTS = 5000
#: At most this many bytes in one part once unpacked.
MAX_PART_BYTES = 100 * 1024 * 1024
#: At most this many bytes for all parts together once unpacked.
MAX_TOTAL_BYTES = 300 * 1024 * 1024
#: A part larger than 1 MB may not unpack to more than this many times its packed size (XML packs to ~1/10-1/30).
MAX_RATIO = 200

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.I)
_CHUNK = 1 << 20


def _mb(n: int) -> str:
    return f"{n / 1048576:.0f} MB"


def check_container(zf: zipfile.ZipFile, path: str | Path, what: str = "Word file") -> None:
    """Refuse a container that would unpack beyond the bounds above (see the module docstring)."""
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise InputError(f"not a valid {what} ({len(infos)} parts; at most {MAX_PARTS})", path)
    total = packed = 0
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:  # readers differ on which copy they take: refuse rather than guess
            raise InputError(f"not a valid {what} (part {info.filename!r} appears twice)", path)
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise InputError(f"not a valid {what} (encrypted part {info.filename!r})", path)
        size = info.file_size
        if size > MAX_PART_BYTES:
            raise InputError(
                f"not a valid {what} (part {info.filename!r} unpacks to {_mb(size)}; at most "
                f"{_mb(MAX_PART_BYTES)}: a zip bomb?)",
                path,
            )
        if size > _CHUNK and size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"not a valid {what} (part {info.filename!r} is compressed {size // max(info.compress_size, 1)}"
                f" times: a zip bomb?)",
                path,
            )
        total += size
        packed += info.compress_size
    if total > _CHUNK and total > MAX_RATIO * max(packed, 1):  # many small parts, each below the 1 MB check
        raise InputError(
            f"not a valid {what} (compressed {total // max(packed, 1)} times overall: a zip bomb?)", path
        )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"not a valid {what} (unpacks to {_mb(total)}; at most {_mb(MAX_TOTAL_BYTES)}: a zip bomb?)",
            path,
        )


def read_part(
    zf: zipfile.ZipFile, name: str | zipfile.ZipInfo, path: str | Path, limit: int = MAX_PART_BYTES
) -> bytes:
    """One part's bytes (by name or directory entry), read in chunks and never more than ``limit``."""
    out = bytearray()
    with zf.open(name) as fh:
        while chunk := fh.read(_CHUNK):
            out += chunk
            if len(out) > limit:
                shown = name.filename if isinstance(name, zipfile.ZipInfo) else name
                raise InputError(f"part {shown!r} is larger than {_mb(limit)}", path)
    return bytes(out)


def has_dtd(data: bytes) -> bool:
    """True when XML bytes (UTF-8 or UTF-16) declare a DOCTYPE, ENTITY, ELEMENT or ATTLIST anywhere."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return True  # undecodable UTF-16 XML: refuse rather than guess
    return _DTD.search(data) is not None


def check_xml_parts(zf: zipfile.ZipFile, path: str | Path) -> None:
    """Refuse any ``.xml`` or ``.rels`` part that declares a DOCTYPE (entity expansion, XXE)."""
    for info in zf.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")) and has_dtd(read_part(zf, info, path)):
            raise InputError(
                f"XML with a document type declaration refused in part {info.filename!r} "
                "(possible entity expansion or external entity)",
                path,
            )


def open_ooxml(data: bytes, path: str | Path, what: str = "Word file") -> zipfile.ZipFile:
    """A checked ``ZipFile`` over ``data`` (a .docx/.dotx/.xlsx), or :class:`InputError` naming ``path``.

    The caller closes it (use it in a ``with`` block)."""
    if not data.startswith(b"PK"):
        raise InputError(f"not a valid {what} (not a zip archive)", path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(f"not a valid {what} (truncated or corrupt zip: {exc})", path) from None
    try:
        check_container(zf, path, what)
        check_xml_parts(zf, path)
    except InputError:
        zf.close()
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        zf.close()
        raise InputError(f"not a valid {what} (corrupt part: {exc})", path) from None
    return zf


def check_ooxml(data: bytes, path: str | Path, what: str = "Word file") -> None:
    """Check ``data`` as :func:`open_ooxml` does, for callers that hand the bytes to another library."""
    with open_ooxml(data, path, what):
        pass
