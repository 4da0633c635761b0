"""Tables (.xlsx, .csv), Markdown, HTML and the format dispatcher, each read back with its own reader."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from test_report_fixtures import CATALOGUE, RECOMMENDATION_ACTS, REVIEW_NOTE, SPECIAL_QUOTE, make_result

from lexcheck.analysis.model import GapAnalysis
from lexcheck.errors import LexcheckError
from lexcheck.report import FORMATS, render, render_csv, render_html, render_md, render_xlsx
from lexcheck.report.tables import FINDING_COLUMNS, md_escape


def _hostile():
    r = make_result()
    f = r.finding("PAL-3b-consent")
    f.explanation = "<script>alert('x')</script> & \"quoted\" | piped"
    f.recommendation = '=HYPERLINK("http://evil")'
    return r


def test_xlsx(tmp_path):
    out = tmp_path / "r.xlsx"
    render_xlsx(_hostile(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Findings", "Elements", "Evidence", "Summary"]
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    assert header == FINDING_COLUMNS
    for col in ("reviewer_status", "note", "reviewer", "date"):
        assert col in header
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 18
    acts = rows["PAL-3a-acts"]
    assert acts["status"] == "partial" and acts["recommendation"] == RECOMMENDATION_ACTS
    assert acts["reviewer_status"] is None and acts["note"] is None  # empty, for the reviewer
    reviewed = rows["COE-26-non-punishment"]
    assert reviewed["note"] == REVIEW_NOTE and reviewed["reviewer_status"] == "partial"
    assert reviewed["machine_status"] == "needs_review"
    assert SPECIAL_QUOTE in rows["PAL-3a-exploitation-forms"]["quotes"]
    consent = rows["PAL-3b-consent"]
    assert consent["recommendation"] == '=HYPERLINK("http://evil")'  # text, not a formula
    status_col = header.index("status") + 1
    cell = next(
        c
        for c in ws.iter_cols(min_col=status_col, max_col=status_col, min_row=2)
        for c in c
        if c.value == "missing"
    )
    assert cell.fill.fgColor.rgb.endswith("F2CFB3")
    assert ws.data_validations.dataValidation  # dropdown for reviewer_status
    ev = wb["Evidence"]
    ev_rows = list(ev.iter_rows(min_row=2, values_only=True))
    assert any(r[1] == "qualifier:conditional_on_cooperation" for r in ev_rows)
    el = list(wb["Elements"].iter_rows(min_row=2, values_only=True))
    assert ("PAL-3a-acts", "receipt") in {(r[0], r[1]) for r in el}
    summary = [r for r in wb["Summary"].iter_rows(values_only=True)]
    assert any(r[0] == "Definition and criminalisation" for r in summary)


def test_xlsx_is_a_review_sheet(tmp_path):
    """The Findings sheet is what lexcheck.review reads: a filled decision comes back."""
    review = pytest.importorskip("lexcheck.review")
    out = tmp_path / "r.xlsx"
    render_xlsx(make_result(), out)
    wb = load_workbook(out)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "PAL-3a-acts":
            row[header.index("reviewer_status")].value = "missing"
            row[header.index("note")].value = "checked"
    wb.save(out)
    r = make_result()
    review.apply_review(r, out)
    assert r.finding("PAL-3a-acts").status == "missing"
    assert r.finding("PAL-3a-acts").review.note == "checked"
    assert r.finding("COE-26-non-punishment").review.note == REVIEW_NOTE


def test_csv(tmp_path):
    out = tmp_path / "r.csv"
    text = render_csv(_hostile(), out)
    assert out.read_bytes().decode("utf-8") == text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 18 and list(rows[0]) == FINDING_COLUMNS
    by_id = {r["requirement_id"]: r for r in rows}
    assert SPECIAL_QUOTE in by_id["PAL-3a-exploitation-forms"]["quotes"]
    assert by_id["PAL-3b-consent"]["explanation"].startswith("<script>")
    assert by_id["COE-26-non-punishment"]["note"] == REVIEW_NOTE
    assert by_id["PAL-3a-acts"]["area_label"] == "Definition and criminalisation"


def test_markdown(tmp_path):
    text = render_md(_hostile(), tmp_path / "r.md")
    assert text.startswith("# Gap analysis and recommendations: Republic of Arcadia")
    assert "## Executive summary" in text and "### Definition and criminalisation" in text
    assert re.search(r"\bR\d+\. " + re.escape(RECOMMENDATION_ACTS), text)
    assert "\\<script\\>" in text and "\\| piped" in text
    for line in text.splitlines():
        if line.startswith("| **"):
            assert line.count(" | ") == 5  # six cells, no cell broken by a pipe
    assert md_escape("a|b <c> [d] *e* &amp;") == "a\\|b \\<c\\> \\[d\\] \\*e\\* \\&amp;"
    assert "Reviewed by A. Lawyer" in text


def test_html(tmp_path):
    text = render_html(_hostile(), tmp_path / "r.html")
    soup = BeautifulSoup(text, "html.parser")
    assert soup.find("h1").get_text() == "Anti-trafficking legislation: gap analysis and recommendations"
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].get_text()
    img = soup.find("img", class_="chart")
    assert img["src"].startswith("data:image/png;base64,") and len(img["src"]) > 10_000
    rows = soup.select("#findings tbody tr")
    assert len(rows) == 18
    consent = soup.find("tr", id="req-PAL-3b-consent")
    assert "<script>alert('x')</script> & \"quoted\" | piped" in consent.get_text()
    assert consent["data-status"] == "missing" and consent["data-area"] == "definition_criminalisation"
    child = soup.find("tr", id="req-COE-10-4a-guardian")
    assert child["data-lenses"] == " ".join(CATALOGUE.get("COE-10-4a-guardian").lenses)
    assert SPECIAL_QUOTE in soup.find("tr", id="req-PAL-3a-exploitation-forms").get_text()
    assert REVIEW_NOTE in soup.find("tr", id="req-COE-26-non-punishment").get_text()
    selects = {s["id"]: [o["value"] for o in s.find_all("option")] for s in soup.select(".filters select")}
    assert set(selects) == {"f-status", "f-area", "f-lens"}
    assert "gender" in selects["f-lens"] and "needs_review" in selects["f-status"]
    assert RECOMMENDATION_ACTS in text
    assert "http" not in "".join(t.get("src", "")[:30] for t in soup.find_all(["img", "script", "link"]))


def test_dispatcher(tmp_path, capsys):
    r = make_result()
    for fmt in FORMATS:
        out = tmp_path / f"r.{fmt}"
        render(r, fmt, out)
        assert out.stat().st_size > 100
    back = GapAnalysis.from_dict(json.loads((tmp_path / "r.json").read_text()))
    assert back.to_json() == r.to_json()
    render(r, "md", "-")
    assert "# Gap analysis" in capsys.readouterr().out
    with pytest.raises(LexcheckError):
        render(r, "pdf", tmp_path / "r.pdf")
    with pytest.raises(LexcheckError):
        render(r, "md", tmp_path / "r2.md", lang="xx")


def test_russian_tables():
    r = make_result()
    md = render_md(r, lang="ru")
    assert "## Резюме" in md and "Частично соответствует" in md
    html = render_html(r, lang="ru", chart=False)
    assert '<html lang="ru">' in html and "Отсутствует" in html
