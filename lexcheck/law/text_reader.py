"""Bytes of a plain-text law (.txt, .md) to text: byte-order mark, then UTF-8, then a legacy encoding;
and :func:`normalise`, which every reader's text goes through.

Binary files (images, executables, Word or PDF files renamed to .txt) are refused rather than read as
garbage. Every problem is an :class:`~lexcheck.errors.InputError` naming the file.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import InputError

#: Characters that show nothing but split a word for pattern matching (``traf\u200bficking``):
#: zero-width space, non-joiner and joiner, word joiner, BOM / zero-width no-break space, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{INVISIBLE}\x00]")

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


def normalise(text: str) -> str:
    """One newline convention, no invisible characters (:data:`INVISIBLE`, NUL) and NFC, so offsets and
    patterns behave the same for every source. Evidence offsets point into this text, which is the text
    lexcheck shows."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
