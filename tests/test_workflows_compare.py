"""Reform tracking: the UK Modern Slavery Act excerpt against the same text with s. 45 (the defence
for victims) removed; `lexcheck compare` must show the non-punishment gap it opens, in md/json/docx."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_cli

import lexcheck
from lexcheck.resources import samples_dir

UK = samples_dir() / "uk-modern-slavery-act-2015"
RID = "COE-26-non-punishment"


@pytest.fixture
def without_s45(tmp_path):
    text = (UK / "law.txt").read_text(encoding="utf-8")
    cut = text.index("\nPART 5")
    assert "45 Defence for slavery or trafficking victims" in text[cut:]
    path = tmp_path / "msa-without-s45.txt"
    path.write_text(text[:cut] + "\n", encoding="utf-8")
    return path


def test_removing_s45_opens_the_non_punishment_gap_json(tmp_path, capsys, without_s45):
    out = tmp_path / "changes.json"
    code, _, err = run_cli(capsys, "compare", UK, "--to", without_s45, "-o", out)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["summary"]) == {"closed", "narrowed", "opened", "widened", "unchanged"}
    change = next(c for c in data["changes"] if c["requirement_id"] == RID)
    assert change["new_status"] == "missing"
    assert change["old_status"] != "missing"
    # covered -> missing is "opened"; partial/needs_review -> missing is "widened" (a gap got worse)
    assert change["kind"] == ("opened" if change["old_status"] == "covered" else "widened")
    assert any("45" in p for p in change["old_provisions"]) and change["new_provisions"] == []
    assert change["elements_lost"] and not change["elements_gained"]
    assert data["summary"]["closed"] == 0  # nothing was added

    again = tmp_path / "again.json"
    code, _, _ = run_cli(capsys, "compare", UK, "--to", without_s45, "-o", again)
    assert code == 0 and again.read_bytes() == out.read_bytes()  # deterministic


def test_markdown_shows_the_change_in_its_section(tmp_path, capsys, without_s45):
    out = tmp_path / "changes.md"
    code, _, err = run_cli(capsys, "compare", UK, "--to", without_s45, "-o", out)
    assert code == 0, err
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# What changed between two frameworks")
    assert "| Gaps opened |" in md and "| Gaps still open |" in md
    sections = dict(re.findall(r"^## (Gaps \w+(?: \w+)?) \(\d+\)\n(.*?)(?=^## |\Z)", md, re.M | re.S))
    assert set(sections) == {"Gaps closed", "Gaps narrowed", "Gaps opened", "Gaps widened", "Gaps still open"}
    holder = [name for name, body in sections.items() if RID in body]
    assert holder and holder[0] in ("Gaps opened", "Gaps widened")
    row = next(line for line in sections[holder[0]].splitlines() if RID in line)
    assert "→ Missing" in row and "s. 45" in row and "found → missing" in row


def test_docx_has_headings_and_tables(tmp_path, capsys, without_s45):
    from docx import Document

    out = tmp_path / "changes.docx"
    code, _, err = run_cli(capsys, "compare", UK, "--to", without_s45, "-o", out)
    assert code == 0, err
    doc = Document(str(out))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1"} <= styles
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Summary" and any(h.startswith("Gaps opened") for h in headings)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any(RID in c for c in cells)
    assert any(c.startswith("A: ") and "45" in c for c in cells)
    assert all(t.style is not None and t.style.name == "Table Grid" for t in doc.tables)


def test_library_and_usage_errors(tmp_path, capsys, without_s45):
    from lexcheck.report.compare import render_comparison

    old = lexcheck.analyze(UK, profile="palermo")
    new = lexcheck.analyze(without_s45, profile="palermo")
    diff = old.compare(new)
    text = tmp_path / "c.md"
    render_comparison(diff, "md", text, inputs=[without_s45])
    assert "Gaps still open" in text.read_text(encoding="utf-8")
    with pytest.raises(lexcheck.LexcheckError, match="overwrite"):
        render_comparison(diff, "json", without_s45)
    with pytest.raises(lexcheck.LexcheckError, match="binary"):
        render_comparison(diff, "docx", "-")
    with pytest.raises(lexcheck.LexcheckError, match="format"):
        render_comparison(diff, "pdf", tmp_path / "c.pdf")
    code, out, _ = run_cli(
        capsys, "compare", UK, "--to", without_s45, "-p", "palermo", "-f", "json", "-o", "-"
    )
    assert code == 0 and json.loads(out)["summary"]
