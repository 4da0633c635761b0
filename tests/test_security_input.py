"""Hostile national texts and law folders (issue 15): each is built here, fed to the CLI, and must give a
result or the one line ``lexcheck: error: <file>: <problem>`` with exit code 2, within seconds."""

from __future__ import annotations

import json
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lexcheck.law import read_document
from lexcheck.law.text_reader import INVISIBLE, normalise

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
LAW = (
    "Article 1. Trafficking in persons\n\n"
    "(1) A person who recruits, transports, transfers, harbours or receives another person by means of force, "
    "deception or abuse of a position of vulnerability for the purpose of exploitation commits the offence of "
    "trafficking in persons.\n"
    "(2) The consent of the victim to the intended exploitation is irrelevant.\n"
)
_DOC_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)


def one_line_error(cli, *args) -> str:
    """Run the CLI; it must stop with exit 2 and one error line, no traceback, within seconds."""
    start = time.perf_counter()
    code, out, err = cli(*args)
    assert time.perf_counter() - start < 10
    assert code == 2, (code, err)
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("lexcheck: error: "), err
    assert "Traceback" not in err and "BytesIO" not in err
    return lines[0]


def analyze(cli, *paths: Path, out: Path) -> dict:
    code, _, err = cli("analyze", *paths, "-f", "json", "-o", out)
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8"))


# --- .docx containers -----------------------------------------------------------------------------


def _docx(
    path: Path, document: Callable | bytes | None = None, extra: dict | None = None, ct: str = ""
) -> Path:
    """A minimal .docx; ``document`` writes word/document.xml (a function gets the open part to stream into)."""
    main = ct or "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        f'ContentType="{main}"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        **(extra or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(_DOC_XML.encode())
            if callable(document):
                document(fh)
            else:
                fh.write(document or b"<w:p><w:r><w:t>Article 1. Trafficking in persons</w:t></w:r></w:p>")
            fh.write(b"</w:body></w:document>")
    return path


def _repeat(chunk: bytes, total: int) -> Callable:
    def write(fh) -> None:
        block = chunk * (1048576 // len(chunk))
        for _ in range(total // len(block)):
            fh.write(block)

    return write


PARA = b"<w:p><w:r><w:t>trafficking</w:t></w:r></w:p>"
DOCX_CASES = {
    "zip bomb: one part unpacks beyond 100 MB": (lambda p: _docx(p, _repeat(PARA, 110 << 20)), "zip bomb"),
    "part compressed over 200 times": (lambda p: _docx(p, _repeat(PARA, 8 << 20)), "zip bomb"),
    "many small parts, bomb overall": (
        lambda p: _docx(p, extra={f"word/media/f{k}.xml": "<a/>" + " " * 900_000 for k in range(12)}),
        "zip bomb",
    ),
    "DTD in a .rels part": (
        lambda p: _docx(
            p, extra={"word/_rels/x.rels": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r/>'}
        ),
        "document type declaration refused in part 'word/_rels/x.rels'",
    ),
    "macro-enabled .docm saved as .docx": (
        lambda p: _docx(p, ct="application/vnd.ms-word.document.macroEnabled.main+xml"),
        "a macro-enabled Word document (.docm), not a .docx",
    ),
    "not a zip": (lambda p: p.write_bytes(b"PK\x03\x04 truncated") and p, "not a valid .docx"),
}


@pytest.mark.parametrize("case", DOCX_CASES)
def test_hostile_docx_is_refused_in_one_line(case, tmp_path, cli):
    build, fragment = DOCX_CASES[case]
    path = tmp_path / "law.docx"
    build(path)
    line = one_line_error(cli, "analyze", path)
    assert str(path) in line and fragment in line, line


def test_docx_main_part_beyond_the_file_size_limit(tmp_path, cli, monkeypatch):
    from lexcheck.law import formats

    monkeypatch.setattr(formats, "MAX_BYTES", 1 << 20)

    def numbered(fh) -> None:  # 3 MB that packs like a real document (about 10 times)
        for k in range(60_000):
            fh.write(b"<w:p><w:r><w:t>%d trafficking %x</w:t></w:r></w:p>" % (k, k * 7919 % 65521))

    path = _docx(tmp_path / "law.docx", numbered)
    line = one_line_error(cli, "analyze", path)
    assert "word/document.xml unpacks to 3 MB; limit 1 MB" in line


def test_plain_docx_still_reads(tmp_path):
    path = _docx(tmp_path / "law.docx")
    assert read_document(path).text == "Article 1. Trafficking in persons"


# --- XML and HTML: depth and size --------------------------------------------------------------------

DEEP = 100_000
MARKUP_CASES = {
    "XML nested 100k deep": (
        "law.xml",
        "<akomaNtoso><act><body>"
        + "<section>" * DEEP
        + "x"
        + "</section>" * DEEP
        + "</body></act></akomaNtoso>",
        "XML nested too deeply",
    ),
    "XML attribute of 20 MB": (
        "law.xml",
        '<akomaNtoso><act><body><section eId="'
        + "a" * (20 << 20)
        + '"><p>x</p></section></body></act></akomaNtoso>',
        "longer than 10 MB",
    ),
    "XML text of 12 MB": (
        "law.xml",
        "<akomaNtoso><act><body><section><heading>"
        + "a" * (12 << 20)
        + "</heading></section></body></act></akomaNtoso>",
        "longer than 10 MB",
    ),
    "XML comment is not law text": (
        "law.xml",
        "<akomaNtoso><act><body><section eId='sec_1'><num>1</num><!-- Article 9. Fake --><content><p>"
        + LAW.split("\n")[2]
        + "</p></content></section></body></act></akomaNtoso>",
        None,
    ),
    "HTML nested 100k deep": (
        "law.html",
        "<html><body>" + "<div>" * DEEP + LAW + "</div>" * DEEP + "</body></html>",
        None,
    ),
}


@pytest.mark.parametrize("case", MARKUP_CASES)
def test_deep_or_huge_markup_gives_a_result_or_one_line(case, tmp_path, cli):
    name, content, fragment = MARKUP_CASES[case]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    if fragment:
        assert fragment in one_line_error(cli, "analyze", path)
        return
    start = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - start < 10
    assert "trafficking in persons" in doc.text and "Fake" not in doc.text


# --- law folders: documents must stay in the folder -------------------------------------------------------


def _folder(tmp_path: Path, file_line: str | None, links: dict[str, str]) -> Path:
    """``tmp_path/f`` with a ``meta.yaml`` listing ``file_line`` (none when None) and symbolic links
    ``name -> target`` (``SECRET``: a file beside the folder; ``PARENT``: the folder's parent directory)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:SECRET-OUTSIDE-THE-FOLDER:/root:/bin/bash\n" + LAW, encoding="utf-8")
    folder = tmp_path / "f"
    folder.mkdir()
    for name, target in links.items():
        os.symlink({"SECRET": secret, "PARENT": tmp_path}[target], folder / name)
    if file_line is not None:
        file_line = file_line.replace("SECRET", str(secret))
        (folder / "meta.yaml").write_text(f"country: X\ndocuments:\n- file: {file_line}\n", encoding="utf-8")
    return folder


STAY = "meta.yaml: broken meta.yaml: document path must stay in the folder"
FOLDER_CASES = {
    "meta.yaml names a link to a file outside": ("law.txt", {"law.txt": "SECRET"}, f"{STAY} (law.txt)"),
    "meta.yaml names a file through a linked directory": ("up/secret.txt", {"up": "PARENT"}, STAY),
    "meta.yaml names ../": ("../secret.txt", {}, STAY),
    "meta.yaml names an absolute path": ("SECRET", {}, STAY),
    "folder without meta.yaml holds a link out": (
        None,
        {"law.txt": "SECRET"},
        "law.txt: links outside its folder",
    ),
    "meta.yaml itself links out": (
        None,
        {"meta.yaml": "SECRET"},
        "meta.yaml: meta file links outside its folder",
    ),
}


@pytest.mark.parametrize("command", ["analyze", "annotate"])
@pytest.mark.parametrize("case", FOLDER_CASES)
def test_document_outside_the_folder_is_refused(case, command, tmp_path, cli):
    file_line, links, fragment = FOLDER_CASES[case]
    folder = _folder(tmp_path, file_line, links)
    out = tmp_path / "out.docx"
    line = one_line_error(cli, command, folder, "-o", out)
    assert fragment in line, line
    assert "SECRET-OUTSIDE" not in line and not out.exists()


def test_a_path_given_on_the_command_line_may_be_anywhere(tmp_path, cli):
    folder = _folder(tmp_path, None, {"law.txt": "SECRET"})
    result = analyze(cli, folder / "law.txt", out=tmp_path / "r.json")
    assert result["framework"]["documents"][0]["path"] == str(folder / "law.txt")


# --- file names and messages ---------------------------------------------------------------------------


def test_control_characters_in_a_file_name_do_not_split_the_line(tmp_path, cli):
    path = tmp_path / "law\nlexcheck: error: forged\x1b[2J.txt"
    path.write_bytes(b"\x00\x01binary")
    line = one_line_error(cli, "analyze", path)
    assert "law\\nlexcheck: error: forged\\x1b[2J.txt: binary file, not text" in line


# --- invisible characters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, text",
    [
        ("traf\u200bficking", "trafficking"),
        ("traf\u200cfick\u200ding", "trafficking"),
        ("traf\u2060ficking\ufeff", "trafficking"),
        ("traf\u00adficking", "trafficking"),
        ("e\u0301\r\nx\u2028y", "\u00e9\nx\ny"),
        ("plain ascii\x00", "plain ascii"),
    ],
)
def test_normalise_drops_invisible_characters(raw, text):
    assert normalise(raw) == text


@pytest.mark.corpus
@pytest.mark.parametrize("char", list(INVISIBLE))
def test_invisible_characters_inside_words_do_not_change_the_reading(char, tmp_path, cli):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    plain = (CORPUS / "uk-ni-hte-act-2015" / "law.txt").read_text(encoding="utf-8")
    hostile = plain.replace("traffick", f"traf{char}fick").replace("exploit", f"ex{char}ploit")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "law.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "b" / "law.txt").write_text(hostile, encoding="utf-8")
    want = analyze(cli, tmp_path / "a" / "law.txt", out=tmp_path / "a.json")
    got = analyze(cli, tmp_path / "b" / "law.txt", out=tmp_path / "b.json")

    def statuses(result: dict) -> list:
        return [
            (f["requirement_id"], f["status"], [e["eid"] for e in f["evidence"]]) for f in result["findings"]
        ]

    assert statuses(got) == statuses(want)
    assert want["summary"]["by_status"]["covered"] >= 7
    doc = read_document(tmp_path / "b" / "law.txt")
    quotes = [e for f in got["findings"] for e in f["evidence"]]
    assert quotes and all(doc.text[e["start"] : e["end"]].strip() == e["quote"] for e in quotes)
