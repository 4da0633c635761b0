"""The report survives LibreOffice: it converts to PDF with several pages and its text is there."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from test_report_fixtures import RECOMMENDATION_ACTS, make_result

from lexcheck.report import render_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_report_converts_to_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "report.docx"
    render_docx(make_result(), out, date="2025-03-10")
    # A profile of its own (no clash with a LibreOffice the user is running), kept between runs:
    # creating one takes ~20 s, converting with it ~2 s.
    profile = Path(tempfile.gettempdir()) / f"lexcheck-test-lo-profile-{os.getuid()}"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = pypdf.PdfReader(str(tmp_path / "report.pdf"))
    assert len(reader.pages) > 3
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert " ".join(RECOMMENDATION_ACTS.split()[:6]) in text
    assert "Priority recommendations" in text
    assert "Executive summary" in text
    assert "Page 2 of" in text  # PAGE and NUMPAGES fields evaluated
