"""PDF to text: the text layer of each page, pages separated by a blank line.

A PDF without a text layer (a scan) or with a password is refused with advice; a broken one is an
:class:`~lexcheck.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import InputError


def read_pdf(raw: bytes, path: Path) -> str:
    """The text of a PDF with a text layer."""
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
