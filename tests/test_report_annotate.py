"""The annotated law: Word comments on the provisions, in a new document or in the source .docx."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_report_fixtures import SPECIAL_QUOTE, make_framework, make_result

from lexcheck.report import annotate_docx
from lexcheck.report.annotate import collect_notes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _comments(path) -> dict[int, str]:
    doc = Document(str(path))
    return {c.comment_id: c.text for c in doc.comments}


def _anchored(path) -> dict[int, str]:
    """Comment id -> the text of the paragraph(s) its range covers."""
    doc = Document(str(path))
    out: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for p in doc.element.body.iter(qn("w:p")):
        for el in p.iter():
            if el.tag == qn("w:commentRangeStart"):
                open_ids.add(int(el.get(qn("w:id"))))
            elif el.tag == qn("w:commentRangeEnd"):
                open_ids.discard(int(el.get(qn("w:id"))))
            elif el.tag == qn("w:t"):
                for cid in open_ids:
                    out.setdefault(cid, []).append(el.text or "")
    return {k: "".join(v) for k, v in out.items()}


def test_notes_per_provision():
    fw = make_framework()
    notes = collect_notes(make_result(fw=fw))
    defn = notes.by_provision[("doc1", "chp_1__art_1__para_1")]
    assert any(
        n.startswith("Partly satisfies PAL-3a-acts") and "recruitment, transportation, harbouring" in n
        for n in defn
    )
    assert any("Missing: transfer; receipt" in n for n in defn)
    assert any("abuse of a position of vulnerability" in n for n in defn)
    assert any("child age: 18 years" in n for n in notes.by_provision[("doc1", "chp_1__art_1__para_3")])
    assert any("PAL-3b-consent" in n for n in notes.unprovided)
    assert not any("NRM-legal-basis" in n for n in notes.unprovided)  # not applicable


def test_new_document_with_comments(tmp_path):
    fw = make_framework()
    out = tmp_path / "annotated.docx"
    annotate_docx(fw, make_result(fw=fw), out)
    with zipfile.ZipFile(out) as z:
        assert "word/comments.xml" in z.namelist()
        comments_xml = z.read("word/comments.xml").decode()
    assert "Satisfies PAL-3a-exploitation-forms" in comments_xml
    comments = _comments(out)
    anchored = _anchored(out)
    by_text = {comments[cid]: anchored.get(cid, "") for cid in comments}
    acts = next(c for c in by_text if c.startswith("Partly satisfies PAL-3a-acts"))
    assert "trafficking in human beings" in by_text[acts] and "recruitment" in by_text[acts]
    top = next(c for c in by_text if "no provision" in c)
    assert "PAL-3b-consent" in top and "UNTOC-10-1-legal-persons" in top
    restriction = next(c for c in by_text if "COE-12-6-unconditional" in c)
    assert "cooperate with the investigation" in by_text[restriction]
    reviewed = next(c for c in by_text if "COE-26-non-punishment" in c)
    assert "Reviewed by A. Lawyer" in reviewed
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert SPECIAL_QUOTE in text
    assert any(p.style.name == "Heading 3" and p.text.startswith("Article 2.") for p in doc.paragraphs)
    assert any(p.style.name == "Heading 2" and p.text.startswith("Chapter 1.") for p in doc.paragraphs)
    assert {c.author for c in doc.comments} == {"lexcheck"}


def test_source_docx_keeps_formatting(tmp_path):
    fw = make_framework(tmp_path)
    law = fw.documents[0]
    src = Document()
    src.add_paragraph("REPUBLIC OF ARCADIA — OFFICIAL GAZETTE")
    for line in law.text.splitlines():
        if line.startswith(("Chapter", "Article")):
            p = src.add_paragraph()
            p.add_run(line).bold = True
        else:  # split in several runs, with some formatting, as Word does
            p = src.add_paragraph()
            half = len(line) // 2
            p.add_run(line[:half])
            p.add_run(line[half:]).italic = True
    path = tmp_path / "law.docx"
    src.save(str(path))
    law.path, law.format = str(path), "docx"
    result = make_result(fw=fw)
    fw.documents = [law]
    out = tmp_path / "law-annotated.docx"
    annotate_docx(fw, result, out)
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "REPUBLIC OF ARCADIA — OFFICIAL GAZETTE"
    assert [p.text for p in doc.paragraphs] == [p.text for p in src.paragraphs]
    assert any(r.bold for p in doc.paragraphs for r in p.runs if r.text.startswith("Article 1"))
    assert any(r.italic for p in doc.paragraphs for r in p.runs)
    comments = _comments(out)
    anchored = _anchored(out)
    acts = next(cid for cid, c in comments.items() if c.startswith("Partly satisfies PAL-3a-acts"))
    assert anchored[acts].startswith("(1) “trafficking in human beings” means")
    child = next(cid for cid, c in comments.items() if "PAL-3d-child-u18" in c)
    assert "under the age of eighteen" in anchored[child]
    top = next(cid for cid, c in comments.items() if "no provision" in c)
    assert anchored[top] == "REPUBLIC OF ARCADIA — OFFICIAL GAZETTE"


def test_annotate_one_document_and_refuse_overwrite(tmp_path):
    fw = make_framework(tmp_path)
    r = make_result(fw=fw)
    out = tmp_path / "code.docx"
    annotate_docx(fw, r, out, document="doc2")
    comments = list(_comments(out).values())
    assert any("PAL-5-2a-attempt" in c and "Restriction" in c for c in comments)
    assert not any("PAL-3a-acts" in c for c in comments)
    with pytest.raises(ValueError):
        annotate_docx(fw, r, tmp_path / "x.docx", document="nope")
    from lexcheck.errors import OutputError

    src = tmp_path / "arcadia-ctip-law.txt"
    src.write_text("law")
    with pytest.raises(OutputError):
        annotate_docx(fw, r, src)


def test_russian_comments(tmp_path):
    fw = make_framework()
    out = tmp_path / "ru.docx"
    annotate_docx(fw, make_result(fw=fw), out, lang="ru")
    comments = list(_comments(out).values())
    assert any(c.startswith("Частично соответствует PAL-3a-acts") for c in comments)
    assert any("Отсутствует: transfer; receipt" in c for c in comments)
