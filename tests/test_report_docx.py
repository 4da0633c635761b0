"""The recommendation report (.docx): opened with python-docx and checked for content."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from test_report_fixtures import CATALOGUE, RECOMMENDATION_ACTS, REVIEW_NOTE, SPECIAL_QUOTE, make_result

from lexcheck.errors import InputError, OutputError
from lexcheck.report import render, render_docx
from lexcheck.report.docx_report import default_template, has_jinja


def _all_text(doc) -> str:
    """Every text of the body, tables included, one paragraph a line."""
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx") / "report.docx"
    render_docx(make_result(), out, date="2025-03-10")
    return out


def test_template_is_shipped_and_tagged():
    path = default_template()
    assert path.is_file()
    assert has_jinja(path.read_bytes())
    doc = Document(str(path))
    names = {s.name for s in doc.styles}
    for name in (
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Caption",
        "Lexcheck Table",
        "Table Text",
        "Model Wording",
    ):
        assert name in names


def test_structure_and_headings(report):
    doc = Document(str(report))
    h1 = _headings(doc, 1)
    for title in (
        "Executive summary",
        "Method",
        "Findings by thematic area",
        "Gender and age sensitivity",
        "Priority recommendations",
        "Annex A. Concordance table",
        "Annex B. Documents analysed",
    ):
        assert title in h1
    h2 = _headings(doc, 2)
    # human-readable area and actor names, not keys
    assert "Definition and criminalisation" in h2
    assert "Assistance and protection of victims" in h2
    assert "Legislature" in h2 and "Social services" in h2
    assert not any("_" in h for h in h2)
    h3 = _headings(doc, 3)
    assert h3.index("Mandatory obligations") < h3.index("Conditional obligations")


def test_cover_toc_and_footer(report):
    doc = Document(str(report))
    text = _all_text(doc)
    assert "Republic of Arcadia" in text and "2025-03-10" in text and "2026.11.0" in text
    assert "Law on Countering Trafficking in Human Beings" in text
    body = doc.element.xml
    assert 'TOC \\o "1-3" \\h' in body
    assert "Update Field" in text  # the instruction to update fields
    assert doc.settings.element.find(qn("w:updateFields")) is not None
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml
    assert doc.sections[0].different_first_page_header_footer  # no header/footer on the cover
    assert not any(s.different_first_page_header_footer for s in doc.sections[1:])


def test_landscape_sections(report):
    doc = Document(str(report))
    orientations = [s.orientation for s in doc.sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[0] == WD_ORIENT.PORTRAIT
    for s in doc.sections:
        assert (s.page_width > s.page_height) == (s.orientation == WD_ORIENT.LANDSCAPE)


def test_findings_tables_content(report):
    doc = Document(str(report))
    text = _all_text(doc)
    assert RECOMMENDATION_ACTS in text
    assert SPECIAL_QUOTE in text  # & < > and quotes intact
    assert REVIEW_NOTE in text  # reviewer's note shown
    assert "Reviewed by A. Lawyer on 2025-03-01." in text
    assert "Machine assessment: Needs review." in text
    assert "Partially covered · Reviewed" in text
    assert "Missing: transfer; receipt." in text
    # model wording in the priority recommendations
    assert CATALOGUE.get("PAL-3b-consent").model_wording in text
    # status cells are shaded with the status colour
    xml = doc.element.xml
    assert 'w:fill="F7E2B3"' in xml and 'w:fill="F2CFB3"' in xml and 'w:fill="B3E2D5"' in xml
    # findings tables use the template's table style and repeat their header row
    tables = doc.tables
    assert len(tables) >= 10
    assert tables[2].style.name == "Lexcheck Table"
    assert "w:tblHeader" in tables[2]._tbl.xml
    header = [c.text for c in tables[2].rows[0].cells]
    assert header == [
        "Standard and article",
        "Requirement",
        "National provision",
        "Assessment",
        "Recommendation",
    ]
    # sha256 of the documents in annex B
    r = make_result()
    assert r.documents[0].sha256 in text
    # captions are real caption paragraphs with SEQ fields
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions and "SEQ Table" in doc.element.xml


def test_chart_is_embedded(report):
    with zipfile.ZipFile(report) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert media
        png = z.read(media[0])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 20_000


def test_priority_order_mandatory_first(report):
    doc = Document(str(report))
    paras = [p.text for p in doc.paragraphs]
    start = next(
        i
        for i, p in enumerate(doc.paragraphs)
        if p.style.name == "Heading 1" and p.text == "Priority recommendations"
    )
    legislature = paras[start:]
    mand = legislature.index("Mandatory obligations")
    cond = legislature.index("Conditional obligations")
    consent, attempt = (
        next(i for i, t in enumerate(legislature) if CATALOGUE.get(rid).title in t and t.startswith("R"))
        for rid in ("PAL-3b-consent", "PAL-5-2a-attempt")
    )
    assert mand < consent < cond < attempt


def test_autoescape_of_context_values(tmp_path):
    r = make_result()
    r.country = 'Bosnia & Herzegovina <draft> "A"'
    r.profile = "full & more"
    out = tmp_path / "r.docx"
    render_docx(r, out, date="2025-01-01")
    text = _all_text(Document(str(out)))
    assert 'Bosnia & Herzegovina <draft> "A"' in text
    assert "full & more" in text


def test_russian_report(tmp_path):
    ru_titles = {"PAL-3a-acts": "Деяния, составляющие торговлю людьми"}

    def texts(rid, field):
        return ru_titles.get(rid) if field == "title" else None

    out = tmp_path / "ru.docx"
    render_docx(make_result(), out, lang="ru", texts=texts, date="2025-03-10")
    doc = Document(str(out))
    h1 = _headings(doc, 1)
    assert "Резюме" in h1 and "Методология" in h1 and "Приоритетные рекомендации" in h1
    text = _all_text(doc)
    assert "Частично соответствует" in text
    assert "Деяния, составляющие торговлю людьми" in text
    assert "Определение и криминализация" in _headings(doc, 2)
    assert RECOMMENDATION_ACTS in text  # no translation given: English
    assert 'w:val="ru-RU"' in doc.styles.element.xml


def test_user_template_with_tags(tmp_path):
    tpl = Document(str(default_template()))
    tpl.styles["Heading 1"].font.size = 28 * 12700
    tpl.paragraphs[0].add_run("ACME Ministry of Justice — {{ country }}")
    path = tmp_path / "acme.docx"
    tpl.save(str(path))
    out = tmp_path / "out.docx"
    render_docx(make_result(), out, template=path, date="2025-03-10")
    doc = Document(str(out))
    assert "ACME Ministry of Justice — Republic of Arcadia" in _all_text(doc)
    assert doc.styles["Heading 1"].font.size == 28 * 12700
    assert RECOMMENDATION_ACTS in _all_text(doc)


def test_branded_template_without_tags(tmp_path):
    brand = Document()
    brand.sections[0].header.paragraphs[0].text = "ACME Ministry of Justice"
    brand.styles["Normal"].font.name = "Georgia"
    brand.add_paragraph("Letterhead body text that the report replaces")
    path = tmp_path / "brand.docx"
    brand.save(str(path))
    out = tmp_path / "out.docx"
    render_docx(make_result(), out, template=path, date="2025-03-10")
    doc = Document(str(out))
    text = _all_text(doc)
    assert "Letterhead body text" not in text
    assert RECOMMENDATION_ACTS in text and "Executive summary" in _headings(doc, 1)
    assert doc.styles["Normal"].font.name == "Georgia"
    assert "ACME Ministry of Justice" in doc.sections[0].header.paragraphs[0].text
    assert "PAGE" in doc.sections[0].footer._element.xml
    assert any(s.orientation == WD_ORIENT.LANDSCAPE for s in doc.sections)
    assert doc.tables[2].style.name == "Lexcheck Table"


def test_bad_template_and_overwrite(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a docx")
    with pytest.raises(InputError):
        render_docx(make_result(), tmp_path / "x.docx", template=bad)
    with pytest.raises(InputError):
        render_docx(make_result(), tmp_path / "x.docx", template=tmp_path / "missing.docx")
    r = make_result()
    law = tmp_path / "law.txt"
    law.write_text("law")
    r.documents[0].path = str(law)
    with pytest.raises(OutputError):
        render_docx(r, law)
    assert law.read_text() == "law"


def test_from_json_roundtrip_renders(tmp_path):
    import json

    from lexcheck.analysis.model import GapAnalysis

    r = GapAnalysis.from_dict(json.loads(make_result().to_json()))
    out = tmp_path / "j.docx"
    render(r, "docx", out)
    assert REVIEW_NOTE in _all_text(Document(str(out)))


def test_empty_result(tmp_path):
    r = make_result()
    r.findings = []
    out = tmp_path / "empty.docx"
    render_docx(r, out)
    text = _all_text(Document(str(out)))
    assert "No gap was found" in text


def test_300_findings_fast(tmp_path):
    r = make_result(300)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    render_docx(r, tmp_path / "big.docx", date="2025-03-10")
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"render_docx 300 findings: {cpu:.2f} s CPU, {wall:.2f} s wall")
    assert cpu < 5  # CPU time: a loaded test machine must not make this flaky
    doc = Document(io.BytesIO((tmp_path / "big.docx").read_bytes()))
    assert len(re.findall(r"R\d+\. ", _all_text(doc))) > 200


def test_catalogue_texts_and_translations(tmp_path):
    """With the catalogue attached to the result, statements and instrument names come from it, and
    its Russian translations are used in a Russian report."""
    from lexcheck.catalogue.model import Catalogue, Instrument, Requirement

    req = Requirement(
        id="PAL-3a-acts",
        instrument="PAL",
        cite="Art. 3(a)",
        title="Acts of trafficking",
        area="definition_criminalisation",
        strength="mandatory",
        statement="The definition of trafficking covers all five acts.",
        verification="verified_primary",
        translations={
            "ru": {"title": "Деяния торговли людьми", "statement": "Определение охватывает все пять деяний."}
        },
    )
    inst = Instrument(id="PAL", title="Protocol ...", short="UN Trafficking Protocol", kind="treaty")
    r = make_result()
    r.catalogue = Catalogue(version="test", instruments={"PAL": inst}, requirements=[req], profiles={})
    out = tmp_path / "en.docx"
    render_docx(r, out)
    text = _all_text(Document(str(out)))
    assert "The definition of trafficking covers all five acts." in text
    assert "UN Trafficking Protocol, Art. 3(a)" in text
    out = tmp_path / "ru.docx"
    render_docx(r, out, lang="ru")
    text = _all_text(Document(str(out)))
    assert "Деяния торговли людьми" in text and "Определение охватывает все пять деяний." in text
    assert "Палермский протокол, Art. 3(a)" in text
