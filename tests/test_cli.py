"""The command line as a user meets it: help, version, errors, outputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lexcheck.resources import samples_dir

UK = samples_dir() / "uk-modern-slavery-act-2015"
_SCRIPT = Path(sys.executable).with_name("lexcheck")
EXE = str(_SCRIPT) if _SCRIPT.exists() else (shutil.which("lexcheck") or "")


def lexcheck(*args, cwd=None, timeout=120):
    cmd = [EXE] if EXE else [sys.executable, "-m", "lexcheck"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [*cmd, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env
    )


def test_version_and_help_are_written_for_lawyers():
    out = lexcheck("--version")
    assert out.returncode == 0 and "lexcheck" in out.stdout
    helptext = lexcheck("--help").stdout
    for word in ("analyze", "parse", "standards", "report", "annotate", "compare"):
        assert word in helptext
    assert "international standards" in helptext
    analyze_help = lexcheck("analyze", "--help").stdout
    assert "--profile" in analyze_help and "framework" in analyze_help


def test_analyze_sample_to_json_file(tmp_path):
    out = tmp_path / "result.json"
    proc = lexcheck("analyze", UK, "-f", "json", "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profile"] == "full"
    ids = [f["requirement_id"] for f in data["findings"]]
    assert len(ids) == len(set(ids)) >= 150
    acts = next(f for f in data["findings"] if f["requirement_id"] == "PAL-3a-acts")
    assert acts["status"] == "covered"
    assert "covered" in proc.stderr  # the one-line summary


def test_json_to_stdout_is_deterministic(tmp_path):
    a = lexcheck("analyze", UK, "-f", "json", "-o", "-", "--profile", "palermo", cwd=tmp_path)
    b = lexcheck("analyze", UK, "-f", "json", "-o", "-", "--profile", "palermo", cwd=tmp_path)
    assert a.returncode == 0 and a.stdout == b.stdout
    assert json.loads(a.stdout)["profile"] == "palermo"


def _is_one_line_error(proc, needle):
    lines = proc.stderr.strip().splitlines()
    return (
        proc.returncode == 2
        and len(lines) == 1
        and lines[0].startswith("lexcheck: error:")
        and needle in lines[0]
    )


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda d: d / "missing.txt", "missing.txt"),
        (lambda d: (d / "empty.txt").write_text("") and d / "empty.txt" or d / "empty.txt", "empty"),
        (
            lambda d: (d / "bin.txt").write_bytes(bytes(range(256)) * 40) and d / "bin.txt" or d / "bin.txt",
            "bin.txt",
        ),
        (
            lambda d: (
                (d / "bad.docx").write_bytes(b"PK\x03\x04 truncated") and d / "bad.docx" or d / "bad.docx"
            ),
            "bad.docx",
        ),
        (lambda d: (d / "law.exe").write_bytes(b"MZ") and d / "law.exe" or d / "law.exe", "law.exe"),
        (
            lambda d: (
                (d / "xxe.xml").write_text(
                    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><akomaNtoso>&x;</akomaNtoso>'
                )
                and d / "xxe.xml"
                or d / "xxe.xml"
            ),
            "xxe.xml",
        ),
    ],
    ids=["missing", "empty", "binary", "bad-docx", "unsupported", "xxe"],
)
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, make, needle):
    path = make(tmp_path)
    out = tmp_path / "out.json"
    proc = lexcheck("analyze", path, "-o", out)
    assert _is_one_line_error(proc, needle), proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.json")]


def test_debug_shows_the_traceback(tmp_path):
    proc = lexcheck("--debug", "analyze", tmp_path / "missing.txt")
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_output_equal_to_input_is_refused(tmp_path):
    law = tmp_path / "law.txt"
    shutil.copy(UK / "law.txt", law)
    before = law.read_bytes()
    proc = lexcheck("analyze", law, "-f", "json", "-o", law)
    assert _is_one_line_error(proc, "overwrite")
    assert law.read_bytes() == before


def test_unknown_profile_is_a_usage_error(tmp_path):
    proc = lexcheck("analyze", UK, "--profile", "nope", "-o", tmp_path / "r.json")
    assert _is_one_line_error(proc, "nope")


def test_broken_user_catalogue_names_file_and_line(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "instrument:\n  id: MINE\n  title: x\n  short: x\n  kind: treaty\nrequirements:\n  - id: [unclosed\n"
    )
    proc = lexcheck("standards", "validate", bad)
    assert _is_one_line_error(proc, "mine.yaml") and "line" in proc.stderr


def test_standards_list_json_has_every_field():
    proc = lexcheck("standards", "list", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    reqs = data["requirements"]
    assert len(reqs) >= 150 and len({r["instrument"] for r in reqs}) >= 8
    for field in ("id", "instrument", "cite", "title", "area", "strength", "lenses", "actors", "statement",
                  "verification", "elements", "recommendation", "model_wording", "related"):  # fmt: skip
        assert field in reqs[0]


def test_standards_show_prints_crosswalk():
    proc = lexcheck("standards", "show", "PAL-3a-acts")
    assert proc.returncode == 0
    assert "Art. 3(a)" in proc.stdout and "recruitment" in proc.stdout


def test_parse_shows_tree_and_glossary():
    proc = lexcheck("parse", UK / "law.txt")
    assert proc.returncode == 0, proc.stderr
    assert "art_2" in proc.stdout
    js = lexcheck("parse", UK / "law.txt", "--format", "json")
    data = json.loads(js.stdout)
    eids = [p["eid"] for d in data["documents"] for p in d["provisions"]]
    assert "art_2__para_3" in eids


def test_samples_lists_the_bundled_frameworks():
    proc = lexcheck("samples")
    assert "uk-modern-slavery-act-2015" in proc.stdout and "us-federal" in proc.stdout


def test_installed_package_finds_its_data_outside_the_repo(tmp_path):
    """No code path may depend on the current directory being the repo."""
    proc = lexcheck("standards", "validate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert Path(tmp_path).exists()


def test_outputs_get_ordinary_file_permissions(tmp_path):
    out = tmp_path / "r.json"
    proc = lexcheck("analyze", UK, "--profile", "palermo", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_mode & 0o044  # readable by group/others as the umask allows, not 0600
