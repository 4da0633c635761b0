"""The review round as an adviser lives it: review init -> fill the sheet -> analyze --review.

The commands run in this process (``lexcheck.cli.main``) with the catalogue loaded once for the
module, so that the whole round takes seconds rather than a catalogue load per command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

import lexcheck
from lexcheck.resources import samples_dir

UK = samples_dir() / "uk-modern-slavery-act-2015"
PROFILE = "palermo"
TARGET = "PAL-3a-acts"  # covered by the UK excerpt (s. 2(3)); the reviewer downgrades it


def one_line_error(code, err, needle) -> bool:
    lines = err.strip().splitlines()
    return code == 2 and len(lines) == 1 and lines[0].startswith("lexcheck: error:") and needle in lines[0]


@pytest.fixture
def result_json(tmp_path, capsys) -> Path:
    out = tmp_path / "result.json"
    code, _, err = run_cli(capsys, "analyze", UK, "--profile", PROFILE, "-f", "json", "-o", out)
    assert code == 0, err
    return out


def finding(path: Path, rid: str) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return next(f for f in data["findings"] if f["requirement_id"] == rid)


def test_xlsx_review_round_trip(tmp_path, capsys, result_json):
    from openpyxl import load_workbook

    review = tmp_path / "review.xlsx"
    code, _, err = run_cli(capsys, "review", "init", result_json, "-o", review)
    assert code == 0, err
    assert "review.xlsx" in err

    wb = load_workbook(review)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in header}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["requirement_id"]).value == TARGET)
    assert ws.cell(row, col["machine_status"]).value == "covered"
    ws.cell(row, col["reviewer_status"]).value = "partial"
    ws.cell(row, col["note"]).value = "receipt is only implied by 'harbouring or receiving'"
    ws.cell(row, col["reviewer"]).value = "A. Adviser"
    ws.cell(row, col["date"]).value = "2025-03-01"
    wb.save(review)

    out = tmp_path / "reviewed.json"
    code, _, err = run_cli(capsys, "analyze", UK, "--profile", PROFILE, "--review", review, "-o", out)
    assert code == 0, err
    f = finding(out, TARGET)
    assert f["status"] == "partial"
    assert f["machine_status"] == "covered"
    assert f["review"]["status"] == "partial" and f["review"]["reviewer"] == "A. Adviser"
    assert f["review"]["stale"] is False
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["reviewed"] == 1
    others = [g for g in data["findings"] if g["requirement_id"] != TARGET]
    assert all(g["review"] is None for g in others)


def _yaml_review(tmp_path, capsys, result_json) -> tuple[Path, dict]:
    review = tmp_path / "review.yaml"
    code, _, err = run_cli(capsys, "review", "init", result_json, "-o", review)
    assert code == 0, err
    return review, yaml.safe_load(review.read_text(encoding="utf-8"))


def _decide(doc: dict, rid: str, **values) -> None:
    row = next(d for d in doc["decisions"] if d["requirement_id"] == rid)
    row.update(values)


def test_yaml_review_round_trip(tmp_path, capsys, result_json):
    review, doc = _yaml_review(tmp_path, capsys, result_json)
    _decide(doc, TARGET, reviewer_status="needs_review", note="check s. 2(3) with the drafter", reviewer="B")
    review.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    out = tmp_path / "reviewed.json"
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "--review", review, "-f", "json", "-o", out)
    assert code == 0, err
    f = finding(out, TARGET)
    assert (f["status"], f["machine_status"]) == ("needs_review", "covered")
    assert f["review"]["note"] == "check s. 2(3) with the drafter"
    assert "lexcheck: warning" not in err  # nothing stale


@pytest.mark.filterwarnings("ignore::lexcheck.review.ReviewWarning")  # until the cli turns them into lines
def test_stale_decision_warns(tmp_path, capsys, result_json):
    """A decision made on other evidence (the law was amended since) is applied but flagged."""
    review, doc = _yaml_review(tmp_path, capsys, result_json)
    _decide(doc, TARGET, reviewer_status="covered", evidence_hash="000000000000")
    review.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")

    # the library helper that the command line uses
    from lexcheck.cli.messages import review_warnings

    with review_warnings():
        result = lexcheck.analyze(UK, profile=PROFILE, review=review)
    err = capsys.readouterr().err
    assert result.finding(TARGET).review.stale
    warning_lines = [x for x in err.splitlines() if x.startswith("lexcheck: warning:")]
    assert len(warning_lines) == 1 and TARGET in warning_lines[0] and "out of date" in warning_lines[0]

    # the command line: the JSON records it, stderr says it
    out = tmp_path / "reviewed.json"
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "--review", review, "-o", out)
    assert code == 0, err
    assert finding(out, TARGET)["review"]["stale"] is True
    assert any(x.startswith("lexcheck: warning:") and TARGET in x for x in err.splitlines()), err


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("garbage.xlsx", b"\x00\xffnot a workbook\x13" * 64, "not a valid .xlsx"),
        ("broken.yaml", b"decisions:\n  - {requirement_id: PAL-3a-acts, reviewer_status: [\n", "YAML"),
        (
            "unknown.yaml",
            b"lexcheck_review: 1\ndecisions:\n  - requirement_id: PAL-3a-acts\n    reviewer_status: kinda\n",
            "unknown reviewer_status",
        ),
    ],
    ids=["garbage-xlsx", "yaml-syntax", "unknown-status"],
)
def test_malformed_review_file_is_one_line_exit_2(tmp_path, capsys, name, content, needle):
    review = tmp_path / name
    review.write_bytes(content)
    out = tmp_path / "out.json"
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "--review", review, "-o", out)
    assert one_line_error(code, err, needle), err
    assert name in err and "Traceback" not in err
    assert not out.exists()


def test_review_init_never_overwrites(tmp_path, capsys, result_json):
    for name in ("review.xlsx", "review.yaml"):
        review = tmp_path / name
        review.write_bytes(b"the adviser's work")
        code, _, err = run_cli(capsys, "review", "init", result_json, "-o", review)
        assert one_line_error(code, err, "never overwrites"), err
        assert review.read_bytes() == b"the adviser's work"


def test_review_init_usage_errors(tmp_path, capsys, result_json):
    code, _, err = run_cli(capsys, "review", "init", result_json, "-o", tmp_path / "review.docx")
    assert one_line_error(code, err, ".xlsx or .yaml"), err
    code, _, err = run_cli(capsys, "review", "init", tmp_path / "nope.json", "-o", tmp_path / "r.xlsx")
    assert one_line_error(code, err, "nope.json"), err
    assert not (tmp_path / "r.xlsx").exists()
    code, out, _ = run_cli(capsys, "review", "--help")
    assert code == 0 and "review init" in out and "reviewer_status" in out
