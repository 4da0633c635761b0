"""Reading each file format, and refusing bad input with a one-line InputError that names the file."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from lexcheck.errors import InputError
from lexcheck.law import read_document, read_framework
from lexcheck.law.formats import load

RU = (
    "Статья 127.1. Торговля людьми\n\n"
    "1. Купля-продажа человека, иные сделки в отношении человека, а равно совершенные в целях его "
    "эксплуатации вербовка, перевозка, передача, укрывательство или получение -\n"
    "наказываются лишением свободы на срок до шести лет.\n"
    "2. Те же деяния, совершенные:\nа) в отношении двух или более лиц;\nб) в отношении несовершеннолетнего;\n"
)
EN = (
    "Article 1. Definitions\n\nIn this Law:\n"
    '1) "child" means a person under eighteen years of age;\n'
    '2) "exploitation" includes forced labour and slavery.\n\n'
    "Article 2. Trafficking in persons\n\n(1) A person who recruits or transports another person for the "
    "purpose of exploitation commits the offence of trafficking in persons.\n"
)


def bad(path: Path, fragment: str) -> InputError:
    t = time.perf_counter()
    with pytest.raises(InputError) as info:
        read_document(path)
    assert time.perf_counter() - t < 5
    err = info.value
    assert str(path) in str(err) and fragment in str(err)
    assert "\n" not in str(err)
    return err


# --- plain text and encodings -----------------------------------------------------------------------


def test_utf8_with_and_without_bom_utf16_and_cp1251(tmp_path):
    variants = {
        "plain.txt": RU.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + RU.encode("utf-8"),
        "utf16le.txt": b"\xff\xfe" + RU.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + RU.encode("utf-16-be"),
        "legacy.txt": (RU * 3).encode("cp1251"),
        "crlf.md": RU.replace("\n", "\r\n").encode("utf-8"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        d = read_document(tmp_path / name)
        assert d.text.startswith("Статья 127.1."), name
        assert "\r" not in d.text and "\ufeff" not in d.text
        assert d.get("art_127-1__para_2__point_b").num == "б)"
        assert d.language == "ru"
        assert len(d.sha256) == 64


def test_empty_and_whitespace_only(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    bad(tmp_path / "empty.txt", "empty file")
    (tmp_path / "blank.md").write_text(" \n\t\n  \r\n")
    bad(tmp_path / "blank.md", "empty file")


def test_binary_file(tmp_path):
    (tmp_path / "law.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\xff" * 100)
    bad(tmp_path / "law.txt", "binary file, not text")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)))
    bad(tmp_path / "image.txt", "binary file, not text")


def test_undecodable_bytes(tmp_path):
    (tmp_path / "law.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 300)
    bad(tmp_path / "law.txt", "cannot decode")
    (tmp_path / "bad16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3)  # lone surrogates in UTF-16
    bad(tmp_path / "bad16.txt", "cannot decode")


def test_missing_path_directory_and_unsupported(tmp_path):
    bad(tmp_path / "nope.txt", "no such file")
    (tmp_path / "folder").mkdir()
    bad(tmp_path / "folder", "is a directory")
    (tmp_path / "law.exe").write_bytes(b"MZ\x90\x00")
    err = bad(tmp_path / "law.exe", "unsupported file type .exe")
    assert ".docx" in str(err) and ".pdf" in str(err)


def test_file_too_large(tmp_path):
    from lexcheck.law.formats import MAX_BYTES

    with open(tmp_path / "big.txt", "wb") as f:  # sparse: the size is checked before anything is read
        f.truncate(MAX_BYTES + 1)
    mb = MAX_BYTES / 1048576
    bad(tmp_path / "big.txt", f"file too large ({mb:.0f} MB; limit {mb:.0f} MB)")


def test_text_at_the_size_limit_parses_in_seconds(tmp_path):
    from lexcheck.law.formats import MAX_BYTES

    prose = (
        "The Secretary of State must issue guidance to such public authorities and other persons as the Secretary "
        "of State considers appropriate about the sorts of things which indicate that a person may be a victim of "
        "slavery or human trafficking, and about arrangements for providing assistance and support to such persons. "
    )
    section = (
        "{n} Offence of trafficking number {n}\n"
        "(1) A person commits an offence if the person arranges or facilitates the travel of another person with a "
        "view to that person being exploited, whether or not the person consents, in any part of the world. "
        + prose
        * 3
        + "\n(2) A person may in particular arrange or facilitate travel by recruiting, transporting or transferring, "
        "harbouring or receiving, or transferring or exchanging control over the other person, and—\n"
        "(a) the person intends to exploit the other person during or after the travel, or\n"
        "(b) the person knows or ought to know that another person is likely to exploit them.\n"
        "(3) A person guilty of an offence under this section is liable on conviction on indictment to "
        "imprisonment for life, and on summary conviction to imprisonment for a term not exceeding 12 months. "
        + prose * 2
        + "\n\n"
    )
    parts, size, n = [], 0, 0
    while size < MAX_BYTES - 10_000:  # just under the limit: the largest text lexcheck accepts
        n += 1
        block = section.format(n=n)
        parts.append(block)
        size += len(block.encode("utf-8"))
    path = tmp_path / "huge.txt"
    path.write_text("".join(parts), encoding="utf-8")
    cpu, wall = time.process_time(), time.perf_counter()
    d = read_document(path)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert d.get(f"art_{n}") is not None and d.get(f"art_{n}__para_2__point_b") is not None
    assert sum(1 for p in d.provisions() if p.kind == "article") == n
    # linear, a few seconds of CPU on a normal machine (wall time also counts a busy CI machine)
    assert cpu < 15, f"{size / 1048576:.0f} MB took {cpu:.1f} s CPU ({wall:.1f} s wall)"


# --- .docx --------------------------------------------------------------------------------------------


def _numbering_docx(path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Article 1. Definitions")
    document.add_paragraph("In this Law:")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        p = document.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    numbered("“child” means a person under eighteen years of age;", 0)
    numbered("“exploitation” includes—", 0)
    numbered("forced labour;", 1)
    numbered("slavery, or", 1)
    numbered("servitude of any kind, including—", 1)
    numbered("debt bondage;", 2)
    numbered("serfdom.", 2)
    document.add_paragraph("Article 2. Trafficking")
    document.add_paragraph("Any person who recruits another person for exploitation", style="List Number")
    document.add_paragraph("Any person who transports another person for exploitation", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Offence"
    table.cell(0, 1).text = "Penalty"
    table.cell(1, 0).text = "Trafficking"
    table.cell(1, 1).text = "Ten years"
    document.save(str(path))


def test_docx_with_automatic_numbering_and_tables(tmp_path):
    path = tmp_path / "law.docx"
    _numbering_docx(path)
    d = read_document(path)
    assert d.format == "docx"
    assert "(1) “child” means" in d.text and "(b) slavery, or" in d.text and "(ii) serfdom." in d.text
    assert "Trafficking | Ten years" in d.text
    assert d.get("art_1__para_2__point_c__point_ii").text == "(ii) serfdom."
    assert [c.num for c in d.get("art_2").children] == ["1.", "2."]
    assert {"child", "exploitation"} <= {x.term for x in d.definitions}


def test_truncated_and_non_zip_docx(tmp_path):
    good = tmp_path / "good.docx"
    _numbering_docx(good)
    raw = good.read_bytes()
    (tmp_path / "truncated.docx").write_bytes(raw[: len(raw) // 2])
    bad(tmp_path / "truncated.docx", "not a valid .docx (")
    (tmp_path / "text.docx").write_text("this is not a word file")
    bad(tmp_path / "text.docx", "not a valid .docx (not a zip archive)")
    with zipfile.ZipFile(tmp_path / "nodoc.docx", "w") as zf:
        zf.writestr("hello.txt", "hi")
    bad(tmp_path / "nodoc.docx", "not a valid .docx (no word/document.xml)")


# --- HTML ---------------------------------------------------------------------------------------------


def test_html_blocks_lines_and_dropped_script_style_nav(tmp_path):
    html = (
        "<html><head><meta charset='windows-1251'><style>p {color: red}</style>"
        "<script>var a = 'Article 99. Fake';</script></head><body><nav>Home | Статья 5</nav>"
        "<h1>Закон о торговле людьми</h1><h2>Статья 1. Основные понятия</h2>"
        "<p>В настоящем Законе используются следующие основные понятия:</p>"
        "<ol><li>торговля людьми – купля-продажа человека;</li><li>эксплуатация – использование труда;</li></ol>"
        "<h2>Статья 2. Ответственность</h2><p>1. Лицо несёт ответственность<br>по закону.</p>"
        "<table><tr><td>Срок</td><td>10 лет</td></tr></table></body></html>"
    )
    (tmp_path / "law.html").write_bytes(html.encode("cp1251"))
    d = read_document(tmp_path / "law.html")
    assert (
        d.format == "html" and "Article 99" not in d.text and "Home" not in d.text and "color" not in d.text
    )
    assert "1. торговля людьми – купля-продажа человека;" in d.text
    assert [p.eid for p in d.provisions() if p.kind == "article"] == ["art_1", "art_2"]
    assert "торговля людьми" in {x.term for x in d.definitions}
    assert d.language == "ru"


# --- PDF ----------------------------------------------------------------------------------------------


def _text_pdf(lines: list[str]) -> bytes:
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for k, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_with_text_layer(tmp_path):
    path = tmp_path / "law.pdf"
    path.write_bytes(
        _text_pdf(
            [
                "Article 1. Definitions",
                "(1) In this Law, child means a person under 18.",
                "Article 2. Offence",
            ]
        )
    )
    d = read_document(path)
    assert d.format == "pdf" and [p.eid for p in d.provisions() if p.kind == "article"] == ["art_1", "art_2"]
    assert d.get("art_1__para_1") is not None


def test_pdf_without_text_layer_and_broken_pdf(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    with open(tmp_path / "scan.pdf", "wb") as fh:
        writer.write(fh)
    bad(tmp_path / "scan.pdf", "PDF has no text layer (scanned?); run OCR first")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "broken.pdf")
    assert "broken.pdf" in str(info.value)


# --- XML / Akoma Ntoso ------------------------------------------------------------------------------------

AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta><identification source="#x"/></meta>
    <preface><p><docTitle>Counter-Trafficking in Persons Act</docTitle></p></preface>
    <preamble><p>WHEREAS trafficking in persons is a grave crime;</p></preamble>
    <body>
      <part eId="part_I"><num>PART I</num><heading>PRELIMINARY</heading>
        <section eId="sec_2"><num>2.</num><heading>Interpretation</heading>
          <content><p>In this Act, “child” means a person under eighteen years;</p></content></section>
        <section eId="sec_3"><num>3.</num><heading>Trafficking in persons</heading>
          <subsection eId="sec_3__subsec_1"><num>(1)</num>
            <intro><p>A person commits the offence of trafficking in persons if the person—</p></intro>
            <paragraph eId="sec_3__subsec_1__para_a"><num>(a)</num><content><p>recruits, <i>transports</i> or harbours another person;</p></content></paragraph>
            <paragraph eId="sec_3__subsec_1__para_b"><num>(b)</num><content><p>receives another person,</p></content></paragraph>
            <wrapUp><p>for the purpose of exploitation.</p></wrapUp>
          </subsection>
        </section>
      </part>
    </body>
  </act>
</akomaNtoso>
"""


def test_akoma_ntoso_keeps_eids_num_heading_content(tmp_path):
    path = tmp_path / "act.xml"
    path.write_text(AKN, encoding="utf-8")
    d = read_document(path)
    assert d.format == "xml" and d.title == "Counter-Trafficking in Persons Act"
    sec = d.get("sec_3")
    assert sec.kind == "article" and sec.num == "3." and sec.heading == "Trafficking in persons"
    assert sec.parent.eid == "part_I"
    para = d.get("sec_3__subsec_1__para_a")
    assert para.kind == "point" and para.text == "(a)\nrecruits, transports or harbours another person;"
    assert d.text[para.start : para.end] == para.text
    assert d.get("sec_3__subsec_1__wrapup").text == "for the purpose of exploitation."
    assert not d.get("preamble").operative and not d.get("preface").operative
    assert "child" in {x.term for x in d.definitions}
    assert "trafficking in persons" in {x.term for x in d.definitions if x.kind == "offence"}


def test_xml_external_entity_and_billion_laughs_refused(tmp_path):
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<akomaNtoso><act><body><section><num>1</num><content><p>&xxe;</p></content></section></body></act></akomaNtoso>"
    )
    (tmp_path / "xxe.xml").write_text(xxe)
    bad(tmp_path / "xxe.xml", "XML with entity declarations refused")
    lol = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    for k in range(1, 10):
        lol += f'<!ENTITY lol{k} "' + f"&lol{k - 1 if k > 1 else ''};" * 10 + '">\n'
    lol += "]>\n<lolz>&lol9;</lolz>\n"
    (tmp_path / "lol.xml").write_text(lol)
    bad(tmp_path / "lol.xml", "XML with entity declarations refused")
    (tmp_path / "utf16.xml").write_bytes(xxe.replace('encoding="UTF-8"', "").encode("utf-16"))
    bad(tmp_path / "utf16.xml", "XML with entity declarations refused")
    (tmp_path / "broken.xml").write_text("<akomaNtoso><act>")
    bad(tmp_path / "broken.xml", "not well-formed XML")


def test_load_returns_raw_bytes_for_sha256(tmp_path):
    import hashlib

    path = tmp_path / "law.txt"
    path.write_bytes(b"\xef\xbb\xbf" + EN.encode())
    loaded = load(path)
    assert loaded.raw == path.read_bytes()
    d = read_document(path)
    assert d.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_framework_of_mixed_formats(tmp_path):
    (tmp_path / "a.txt").write_text(EN)
    _numbering_docx(tmp_path / "b.docx")
    (tmp_path / "c.xml").write_text(AKN)
    (tmp_path / "notes.exe").write_bytes(b"MZ")
    fw = read_framework([tmp_path])
    assert [Path(x.path).name for x in fw.documents] == ["a.txt", "b.docx", "c.xml"]
    assert [x.id for x in fw.documents] == ["doc1", "doc2", "doc3"]
