"""Hostile state (issue 15): a planted cache entry, catalogue, review file or output must never run code,
exhaust memory, hang, or destroy a person's work. Each hostile file is built here, in tmp_path; each
case ends in a result or in one line ``lexcheck: error: ...`` with exit code 2, within seconds, with no
partial output and no input or review file overwritten."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import pickle
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

import lexcheck
from lexcheck.files import cache
from lexcheck.resources import samples_dir, standards_dir

UK = samples_dir() / "uk-modern-slavery-act-2015"
PROFILE = "palermo"
REPO = Path(__file__).resolve().parents[1]


def one_line_error(code, err, needle="") -> bool:
    lines = err.strip().splitlines()
    return code == 2 and len(lines) == 1 and lines[0].startswith("lexcheck: error:") and needle in lines[0]


def no_leftovers(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def result_text() -> str:
    return lexcheck.analyze(UK, profile=PROFILE).to_json()


@pytest.fixture
def result_json(tmp_path, result_text) -> Path:
    path = tmp_path / "result.json"
    path.write_text(result_text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- cache
class _Exploit:
    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('pwned')",))


@pytest.fixture
def private_cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(folder))
    return folder


def test_cache_folder_and_key_are_created_private(private_cache):
    assert cache.cached("thing", "k", lambda: [1]) == [1]
    assert private_cache.stat().st_mode & 0o777 == 0o700
    assert (private_cache / "key").stat().st_mode & 0o777 == 0o600
    assert cache.cached("thing", "k", lambda: "rebuilt") == [1]  # authenticated entry: used


@pytest.mark.parametrize(
    "planted",
    [
        "pickle",  # a plain pickle that would run code
        "forged",  # the right header, a made-up MAC
        "garbage",
    ],
)
def test_a_planted_cache_entry_never_runs_and_is_rebuilt(private_cache, tmp_path, planted):
    marker = tmp_path / "pwned"
    cache.cached("thing", "k", lambda: [1])  # folder and key exist
    payload = pickle.dumps(_Exploit(marker))
    data = {
        "pickle": payload,
        "forged": b"lexcheck-cache-1\n" + b"\0" * 32 + payload,
        "garbage": b"\x80\x05not a pickle",
    }[planted]
    (private_cache / "thing-k.pickle").write_bytes(data)
    assert cache.cached("thing", "k", lambda: ["fresh"]) == ["fresh"]
    assert not marker.exists()
    assert cache.cached("thing", "k", lambda: "again") == ["fresh"]  # the rebuilt entry is used


def test_a_cache_entry_of_another_type_is_rebuilt(private_cache):
    cache.cached("thing", "k", lambda: "a text")
    assert cache.cached("thing", "k", lambda: {"a": 1}, expect=dict) == {"a": 1}
    assert cache.cached("thing", "k", lambda: {}, expect=lambda v: v == {"a": 1}) == {"a": 1}


@pytest.mark.parametrize("what", ["folder-open", "key-open", "folder-foreign", "key-symlink"])
def test_an_untrusted_cache_folder_or_key_is_not_used(tmp_path, monkeypatch, what):
    folder = tmp_path / "shared"
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(folder))
    cache.cached("thing", "k", lambda: "mine")
    marker = tmp_path / "pwned"
    (folder / "thing-k.pickle").write_bytes(pickle.dumps(_Exploit(marker)))
    if what == "folder-open":
        folder.chmod(0o777)
    elif what == "key-open":
        (folder / "key").chmod(0o644)
    elif what == "folder-foreign":
        if os.getuid() != 0:
            pytest.skip("needs root to give the folder to another user")
        os.chown(folder, 65534, 65534)
    else:
        (tmp_path / "other-key").write_bytes(b"k" * 32)
        (tmp_path / "other-key").chmod(0o600)
        (folder / "key").unlink()
        (folder / "key").symlink_to(tmp_path / "other-key")
    calls = []
    assert cache.cached("thing", "k", lambda: calls.append(1) or "built") == "built"
    assert cache.cached("thing", "k", lambda: calls.append(1) or "built") == "built"
    assert len(calls) == 2 and not marker.exists()  # no cache at all, silently


def test_the_default_folder_of_an_older_version_is_tightened(tmp_path, monkeypatch):
    monkeypatch.delenv("LEXCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "lexcheck").mkdir(mode=0o755)
    (tmp_path / "lexcheck").chmod(0o755)
    assert cache.cached("thing", "k", lambda: [1]) == [1]
    assert (tmp_path / "lexcheck").stat().st_mode & 0o777 == 0o700
    assert cache.cached("thing", "k", lambda: "rebuilt") == [1]


def test_planted_entries_for_the_real_catalogue_do_not_run_in_the_cli(tmp_path):
    folder = tmp_path / "cache"
    env = {**os.environ, "LEXCHECK_CACHE_DIR": str(folder), "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "lexcheck", "standards", "validate"]
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
    entries = list(folder.glob("*.pickle"))
    assert entries
    marker = tmp_path / "pwned"
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Exploit(marker)))
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists()


# ----------------------------------------------------------------------------- YAML bombs
def _lol(top: str = "") -> str:
    lines = [top, 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(line for line in lines if line) + "\n"


def test_yaml_alias_bomb_in_a_catalogue_is_refused_at_once(tmp_path, capsys):
    bomb = tmp_path / "lol.yaml"
    bomb.write_text(_lol(), encoding="utf-8")
    assert bomb.stat().st_size < 1024
    started = time.perf_counter()
    code, _, err = run_cli(capsys, "standards", "validate", bomb)
    assert one_line_error(code, err, "lol.yaml"), err
    assert "anchors and aliases" in err and time.perf_counter() - started < 10


def test_yaml_alias_bomb_in_a_review_file_is_refused(tmp_path, capsys):
    review = tmp_path / "review.yaml"
    review.write_text(_lol("lexcheck_review: 1\ndecisions: []"), encoding="utf-8")
    out = tmp_path / "out.json"
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "--review", review, "-o", out)
    assert one_line_error(code, err, "anchors and aliases"), err
    assert not out.exists()


def test_yaml_alias_bomb_in_meta_yaml_is_refused(tmp_path, capsys):
    folder = tmp_path / "law"
    folder.mkdir()
    (folder / "law.txt").write_text((UK / "law.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "meta.yaml").write_text(_lol("country: X"), encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", folder, "-o", tmp_path / "r.json")
    assert one_line_error(code, err, "anchors and aliases"), err


# ----------------------------------------------------------------------------- REGEX patterns
def _catalogue_with(tmp_path: Path, pattern) -> Path:
    raw = yaml.safe_load((standards_dir() / "pal.yaml").read_text(encoding="utf-8"))
    req = dict(raw["requirements"][0], id="MINE-1")
    req.pop("related", None)
    req["elements"] = [{**req["elements"][0], "patterns": {"en": ["prevent trafficking", pattern]}}]
    doc = {"instrument": {**raw["instrument"], "id": "MINE", "short": "Mine"}, "requirements": [req]}
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("regex", "needle"),
    [
        ("^(a+)+$", "exponential"),
        ("^(a|aa)*$", "exponential"),
        ("^(x)\\1$", "back-references"),
        ("^" + "a" * 1200 + "$", "characters long"),
    ],
    ids=["nested", "alternatives", "backref", "overlong"],
)
def test_dangerous_regex_in_a_user_catalogue_is_refused(tmp_path, capsys, regex, needle):
    path = _catalogue_with(tmp_path, [{"LOWER": {"REGEX": regex}}])
    code, _, err = run_cli(capsys, "standards", "validate", path)
    assert one_line_error(code, err, "mine.yaml"), err
    assert "MINE-1" in err and needle in err


def test_a_plain_regex_and_the_builtin_catalogue_still_load(tmp_path, capsys):
    path = _catalogue_with(tmp_path, [{"LOWER": {"REGEX": "^traffick(?:ing|ed)?$"}}])
    code, out, err = run_cli(capsys, "standards", "validate", path)
    assert code == 0, err
    from lexcheck.catalogue.safe_regex import regex_problem, regexes_in

    builtin = [
        yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for p in standards_dir().glob("*.yaml")
    ]
    regexes = regexes_in(builtin)
    assert regexes and not [r for r in regexes if regex_problem(r)]  # the built-in raw patterns pass


# ----------------------------------------------------------------------------- never destroy work
def _fill_review_xlsx(path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("reviewer_status") + 1, value="missing")
    ws.cell(row=2, column=header.index("note") + 1, value="three days of an adviser's work")
    wb.save(path)


def _no_analysis(*_args, **_kw):
    """Stands in for lexcheck.analyze where an output must be refused before the work."""
    raise AssertionError("the analysis ran before the output was checked")


@pytest.mark.parametrize("out_name", ["review.xlsx", "review.csv"])
def test_a_filled_review_sheet_is_not_overwritten_by_analyze(
    tmp_path, capsys, result_json, out_name, monkeypatch
):
    review = tmp_path / "review.xlsx"
    assert run_cli(capsys, "review", "init", result_json, "-o", review)[0] == 0
    _fill_review_xlsx(review)
    if out_name != "review.xlsx":  # the same work under another name
        review = review.rename(tmp_path / out_name)
    before = review.read_bytes()
    with monkeypatch.context() as m:
        m.setattr(lexcheck, "analyze", _no_analysis)
        code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "-o", review, "-f", "xlsx")
    assert one_line_error(code, err, "--force"), err
    assert review.read_bytes() == before and no_leftovers(tmp_path)
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "-o", review, "-f", "xlsx", "--force")
    assert code == 0, err
    assert review.read_bytes() != before


def test_an_untouched_review_init_sheet_is_still_a_review_file(tmp_path, capsys, result_json):
    review = tmp_path / "review.xlsx"
    assert run_cli(capsys, "review", "init", result_json, "-o", review)[0] == 0
    code, _, err = run_cli(capsys, "report", result_json, "-o", review)
    assert one_line_error(code, err, "review file"), err


@pytest.mark.parametrize("out_name", ["review.yaml", "notes.md", "other.json"])
def test_a_yaml_review_file_is_not_overwritten_by_report(tmp_path, capsys, result_json, out_name):
    review = tmp_path / "review.yaml"
    assert run_cli(capsys, "review", "init", result_json, "-o", review)[0] == 0
    text = review.read_text(encoding="utf-8").replace("reviewer_status: ''", "reviewer_status: partial", 1)
    target = tmp_path / out_name
    review.unlink()
    target.write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, "report", result_json, "-o", target, "-f", "md")
    assert one_line_error(code, err, "review file"), err
    assert target.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_own_untouched_outputs_are_replaced_edited_ones_are_not(tmp_path, capsys, result_json, fmt):
    out = tmp_path / f"report.{fmt}"
    for _ in range(2):  # lexcheck's own untouched output: replaced as before
        code, _, err = run_cli(capsys, "report", result_json, "-o", out, "-f", fmt)
        assert code == 0, err
    if fmt == "docx":
        import docx

        doc = docx.Document(str(out))
        doc.add_paragraph("The drafter's comments on the recommendations.")
        doc.save(str(out))
    else:
        _fill_review_xlsx(out)
    before = out.read_bytes()
    code, _, err = run_cli(capsys, "report", result_json, "-o", out)
    assert one_line_error(code, err, "changed since lexcheck wrote it"), err
    assert out.read_bytes() == before
    if fmt == "xlsx":
        code, _, err = run_cli(capsys, "report", result_json, "-o", out, "--force")
        assert code == 0, err


def test_the_stamp_is_deterministic_and_notices_any_change(tmp_path):
    from lexcheck.files.stamp import add_stamp, read_stamp

    data = _xlsx_with({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    stamped = add_stamp(data)
    assert add_stamp(data) == stamped and add_stamp(stamped) == stamped
    assert read_stamp(stamped, "x.xlsx") == "report"
    assert read_stamp(add_stamp(data, "review"), "x.xlsx") == "review"
    assert read_stamp(data, "x.xlsx") is None
    with zipfile.ZipFile(io.BytesIO(stamped)) as zf:  # one part edited, the old stamp kept
        parts = {n: zf.read(n) for n in zf.namelist()}
    edited = _xlsx_with({**parts, "xl/workbook.xml": b"<workbook><sheet/></workbook>"})
    assert b"lexcheck/stamp.xml" in edited and read_stamp(edited, "x.xlsx") is None


def test_library_writers_protect_work_too(tmp_path):
    from lexcheck.errors import OutputError
    from lexcheck.files.outputs import forcing, write_atomic

    sheet = tmp_path / "mine.xlsx"
    sheet.write_bytes(_xlsx_with({"xl/workbook.xml": b"<workbook/>"}))
    with pytest.raises(OutputError, match="--force"):
        write_atomic(sheet, _xlsx_with({"a.xml": b"<a/>"}))
    with forcing():
        write_atomic(sheet, _xlsx_with({"a.xml": b"<a/>"}))
    write_atomic(sheet, _xlsx_with({"b.xml": b"<b/>"}))  # now lexcheck's own, untouched: replaced


def test_a_persons_docx_is_not_overwritten_by_any_writer(tmp_path, capsys):
    import docx

    mine = tmp_path / "memo.docx"
    doc = docx.Document()
    doc.add_paragraph("A memo that lexcheck did not write.")
    doc.save(str(mine))
    before = mine.read_bytes()
    for args in (
        ("annotate", UK / "law.txt", "-p", PROFILE, "-o", mine),
        ("analyze", UK, "-p", PROFILE, "-o", mine),
        ("compare", UK, "--to", UK, "-p", PROFILE, "-o", mine),
    ):
        code, _, err = run_cli(capsys, *args)
        assert one_line_error(code, err, "memo.docx"), (args, err)
        assert mine.read_bytes() == before


def test_review_init_and_batch_take_force(tmp_path, capsys, result_json):
    review = tmp_path / "review.yaml"
    review.write_text("not yet", encoding="utf-8")
    code, _, err = run_cli(capsys, "review", "init", result_json, "-o", review)
    assert one_line_error(code, err, "--force"), err
    assert run_cli(capsys, "review", "init", result_json, "-o", review, "--force")[0] == 0
    src = tmp_path / "frameworks"
    (src / "uk").mkdir(parents=True)
    for f in UK.iterdir():
        (src / "uk" / f.name).write_bytes(f.read_bytes())
    book = tmp_path / "comparison.xlsx"
    book.write_bytes(b"PK\x03\x04 a person's workbook")
    code, _, err = run_cli(capsys, "batch", src, "-o", book, "-j", "1", "--no-progress")
    assert one_line_error(code, err, "comparison.xlsx"), err
    assert book.read_bytes() == b"PK\x03\x04 a person's workbook"


# ----------------------------------------------------------------------------- formula injection
EVIL = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _evil_result(tmp_path: Path, result_text: str) -> Path:
    data = json.loads(result_text)
    data["framework"]["country"] = EVIL[0]
    data["framework"]["title"] = EVIL[1]
    for i, f in enumerate(data["findings"]):
        f["explanation"] = EVIL[i % len(EVIL)]
        f["title"] = EVIL[(i + 1) % len(EVIL)]
        for ev in f["evidence"]:
            ev["quote"] = EVIL[(i + 2) % len(EVIL)]
            ev["label"] = EVIL[(i + 3) % len(EVIL)]
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _xlsx_has_no_formula(path: Path) -> None:
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name
    wb = load_workbook(path)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                seen += isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))
    assert seen, "the hostile texts should be in the workbook, as text"


def test_no_csv_or_xlsx_cell_starts_a_formula(tmp_path, capsys, result_text):
    evil = _evil_result(tmp_path, result_text)
    csv_out, xlsx_out, review = tmp_path / "r.csv", tmp_path / "r.xlsx", tmp_path / "review.xlsx"
    for args in (("report", evil, "-o", csv_out), ("report", evil, "-o", xlsx_out)):
        code, _, err = run_cli(capsys, *args)
        assert code == 0, err
    assert run_cli(capsys, "review", "init", evil, "-o", review)[0] == 0
    rows = list(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) > 1
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert any(v.startswith("'=HYPERLINK") for row in rows for v in row)
    _xlsx_has_no_formula(xlsx_out)
    _xlsx_has_no_formula(review)


def test_a_user_catalogue_title_is_not_a_formula_in_standards_list_csv(tmp_path, capsys):
    path = _catalogue_with(tmp_path, "prevent ~3 trafficking")
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Purposes of the law", f"title: '{EVIL[0]}'")
    )
    code, out, err = run_cli(capsys, "standards", "list", "-s", path, "-f", "csv", "-p", "full")
    assert code == 0, err
    cells = [v for row in csv.reader(io.StringIO(out)) for v in row]
    assert "'" + EVIL[0] in cells
    assert not [v for v in cells if v.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_batch_matrix_and_summary_keep_a_hostile_country_as_text(tmp_path, capsys):
    src = tmp_path / "frameworks"
    (src / "uk").mkdir(parents=True)
    (src / "uk" / "law.txt").write_bytes((UK / "law.txt").read_bytes())
    (src / "uk" / "meta.yaml").write_text(
        f"country: '{EVIL[0]}'\ntitle: '@SUM(1)'\ndocuments:\n  - file: law.txt\n    language: en\n",
        encoding="utf-8",
    )
    book = tmp_path / "comparison.xlsx"
    code, _, err = run_cli(capsys, "batch", src, "-o", book, "-p", PROFILE, "-j", "1", "--no-progress")
    assert code == 0, err
    _xlsx_has_no_formula(book)


# ----------------------------------------------------------------------------- write failures, bad input
def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, capsys, monkeypatch):
    def full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    out = tmp_path / "r.json"
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "-o", out)
    assert one_line_error(code, err, "No space left"), err
    assert "r.json" in err and not out.exists() and no_leftovers(tmp_path)


@pytest.mark.parametrize("out", ["/proc/lexcheck-r.json", "/proc/self/lexcheck/r.json"])
def test_an_unwritable_output_fails_before_the_work(capsys, monkeypatch, out):
    if not Path("/proc/self").exists():
        pytest.skip("needs /proc")
    monkeypatch.setattr(lexcheck, "analyze", _no_analysis)
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "-o", out)
    assert one_line_error(code, err, out), err


def _xlsx_with(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "parts",
    [
        {"[Content_Types].xml": b"<Types", "xl/workbook.xml": b"<workbook><sheets>"},
        {"[Content_Types].xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><Types/>'},
        {"hello.txt": b"not a workbook at all"},
    ],
    ids=["malformed-parts", "dtd", "no-workbook"],
)
def test_malformed_review_xlsx_is_one_line(tmp_path, capsys, parts):
    review = tmp_path / "review.xlsx"
    review.write_bytes(_xlsx_with(parts))
    out = tmp_path / "out.json"
    code, _, err = run_cli(capsys, "analyze", UK, "-p", PROFILE, "--review", review, "-o", out)
    assert one_line_error(code, err, "review.xlsx"), err
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("analyze",), "Missing argument"),
        (("analyze", UK, "--bogus"), "--bogus"),
        (("analyze", UK, "--lang", "xx"), "'en', 'ru'"),
        (("analyze", UK, "--report-lang", "xx"), "en, ru"),
        (("nonsense",), "nonsense"),
    ],
    ids=["missing-path", "unknown-option", "lang", "report-lang", "unknown-command"],
)
def test_usage_errors_are_one_line(capsys, args, needle):
    code, _, err = run_cli(capsys, *args)
    assert one_line_error(code, err, needle), err


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda d: d["findings"][0].update(status="done"), "unknown status 'done'"),
        (lambda d: d["findings"][0].update(status=["covered"]), "findings[0].status"),
        (lambda d: d["findings"][1].update(requirement_id=d["findings"][0]["requirement_id"]), "twice"),
        (lambda d: d["findings"][0].pop("requirement_id"), "requirement_id"),
        (lambda d: d["findings"][0].update(confidence="high"), "confidence"),
        (lambda d: d["findings"][0].update(review={"status": "ok"}), "review.status"),
        (lambda d: d["findings"][0]["elements"][0].update(status="?"), "elements[0].status"),
        (lambda d: d.update(framework=[]), "malformed"),
        (lambda d: d.update(findings="all covered"), "findings"),
    ],
    ids=["status", "status-type", "duplicate", "no-id", "confidence", "review", "element", "framework",
         "findings"],
)  # fmt: skip
def test_a_malformed_result_json_is_one_line(tmp_path, capsys, result_text, edit, needle):
    data = json.loads(result_text)
    edit(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", bad, "-o", out)
    assert one_line_error(code, err, needle), err
    assert not out.exists()
