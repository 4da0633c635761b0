"""HTML as users save it keeps the structure and the findings of the plain text it came from.

Each corpus text (../shared/corpus) is turned, by the small converters below, into the HTML forms laws
are found in: preformatted text (LibreOffice's "save as HTML" of a .txt: one ``<pre>``), line breaks
(``<br>``), one paragraph per line, and a table of sections (rows ``number | text``). Each must give the
same provisions (eIds) and the same finding statuses, with evidence in the same provisions, as the .txt.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from lexcheck.analysis import analyze_framework
from lexcheck.law import read_framework

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
TEXTS = [
    "uk-ni-hte-act-2015/law.txt",
    "ru-criminal-code-127-1/law.ru.txt",
    "uk-modern-slavery-act-2015/law.txt",
]
_HEAD = (
    '<!DOCTYPE html>\n<html>\n<head>\n\t<meta http-equiv="content-type" content="text/html; charset=utf-8"/>\n'
    "\t<title></title>\n\t<style>p { margin-bottom: 0.1in } pre { font-family: monospace }</style>\n</head>\n"
)
_LABEL = re.compile(r"^(\(?[0-9]+[A-Za-z]?[.)]?|\([a-z]{1,4}\)|[a-zа-я]\))\s+(.*)$")


def as_pre(text: str) -> str:
    """LibreOffice 7's "save as HTML" of a .txt file: the whole text in one ``<pre>``."""
    return f'{_HEAD}<body lang="en-US" dir="ltr"><pre>{html.escape(text.rstrip())}</pre>\n</body>\n</html>\n'


def as_br(text: str) -> str:
    """One block with a ``<br>`` at each line end (two for a blank line)."""
    lines = [html.escape(line) for line in text.rstrip().split("\n")]
    return f"{_HEAD}<body><div>" + "<br>\n".join(lines) + "</div></body></html>\n"


def as_paragraphs(text: str) -> str:
    """One ``<p>`` per line, blank lines dropped (HTML written by hand or by a content system)."""
    paras = [f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip()]
    return f"{_HEAD}<body>\n" + "\n".join(paras) + "\n</body></html>\n"


def as_word_paragraphs(text: str) -> str:
    """A word processor's export: one ``<p>`` per line, an empty paragraph for each blank line."""
    paras = [
        f'<p class="western">{html.escape(line)}</p>' if line.strip() else "<p><br/>\n</p>"
        for line in text.split("\n")
    ]
    return f"{_HEAD}<body>\n" + "\n".join(paras) + "\n</body></html>\n"


def as_table(text: str) -> str:
    """A table of sections: a row per line, ``number | text``, the text in a paragraph of its cell."""
    rows = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        m = _LABEL.match(line.strip())
        num, rest = (m.group(1), m.group(2)) if m else ("", line.strip())
        rows.append(f"<tr><td><p>{html.escape(num)}</p></td><td><p>{html.escape(rest)}</p></td></tr>")
    return f"{_HEAD}<body><table>\n" + "\n".join(rows) + "\n</table></body></html>\n"


FORMS: dict[str, Callable[[str], str]] = {
    "pre": as_pre,
    "br": as_br,
    "paragraphs": as_paragraphs,
    "word": as_word_paragraphs,
    "table": as_table,
}


def reading(path: Path, catalogue) -> tuple[list[str], list[tuple[str, str, tuple[str, ...]]]]:
    """What a lawyer would compare: the provisions read, and each finding's status and cited provisions."""
    framework = read_framework([path])
    eids = [p.eid for d in framework.documents for p in d.provisions()]
    result = analyze_framework(framework, catalogue, profile="full")
    findings = [
        (f.requirement_id, f.status, tuple(sorted({e.eid for e in f.evidence}))) for f in result.findings
    ]
    return eids, findings


@pytest.fixture(scope="module")
def plain(tmp_path_factory, catalogue) -> dict[str, tuple[Path, tuple]]:
    """Each corpus text copied alone (no meta.yaml) and read as .txt."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    out = {}
    for rel in TEXTS:
        folder = tmp_path_factory.mktemp(rel.split("/")[0])
        path = folder / "law.txt"
        path.write_bytes((CORPUS / rel).read_bytes())
        out[rel] = (path, reading(path, catalogue))
    return out


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("rel", TEXTS)
def test_html_form_reads_like_its_text(form, rel, plain, catalogue):
    txt_path, (eids, findings) = plain[rel]
    page = txt_path.with_name(f"law-{form}.html")
    page.write_text(FORMS[form](txt_path.read_text(encoding="utf-8")), encoding="utf-8")
    html_eids, html_findings = reading(page, catalogue)
    assert html_eids == eids
    assert sum(1 for f in findings if f[1] == "covered") > 0  # the comparison means something
    changed = [(a, b) for a, b in zip(findings, html_findings, strict=True) if a != b]
    assert not changed, f"{form} of {rel}: {len(changed)} findings differ, e.g. {changed[:3]}"
