"""Many countries at once: `lexcheck batch` over a folder of frameworks or a CSV manifest."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import run_cli

from lexcheck.resources import samples_dir

SAMPLES = samples_dir()
THREE = ("uk-modern-slavery-act-2015", "uk-ni-hte-act-2015", "ca-criminal-code-irpa")
PROFILE = "palermo"


@pytest.fixture(scope="module")
def countries(tmp_path_factory):
    """Three real frameworks and a broken one (an empty law file)."""
    root = tmp_path_factory.mktemp("countries")
    for name in THREE:
        shutil.copytree(SAMPLES / name, root / name)
    broken = root / "zz-broken"
    broken.mkdir()
    (broken / "meta.yaml").write_text("country: Nowhere\ndocuments:\n- file: law.txt\n", encoding="utf-8")
    (broken / "law.txt").write_text("", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def batch(countries, catalogue, tmp_path_factory):
    from lexcheck.batch import run_batch

    out = tmp_path_factory.mktemp("out") / "comparison.xlsx"
    return run_batch(countries, out, profile=PROFILE, workers=2, progress=False, catalogue=catalogue)


def test_matrix_has_one_row_per_framework(batch, catalogue):
    m = batch.matrix()
    assert list(m.index) == sorted(THREE)
    ids = [r.id for r in catalogue.select(profile=PROFILE)]
    assert list(m.columns) == ids
    assert set(m.to_numpy().ravel()) <= {"covered", "partial", "missing", "needs_review", "not_applicable"}
    assert m.loc["uk-modern-slavery-act-2015", "PAL-3a-acts"] == "covered"


def test_failure_is_recorded_and_the_rest_go_on(batch):
    assert len(batch.errors) == 1
    err = batch.errors[0]
    assert err.name == "zz-broken" and "empty" in err.error and "\n" not in err.error


def test_summaries_and_per_country_json(batch):
    s = batch.summaries()
    assert list(s.index) == sorted(THREE)
    assert (s["total"] == len(batch.requirements)).all()
    assert s.loc["ca-criminal-code-irpa", "country"] == "Canada"
    assert 0 <= s["% covered"].min() <= s["% covered"].max() <= 100
    assert any(c.startswith("% covered: definition_criminalisation") for c in s.columns)
    files = sorted(p.name for p in batch.results_dir.iterdir())
    assert files == sorted(f"{n}.json" for n in THREE)
    assert batch.results_dir == batch.out.parent / "comparison_results"
    data = json.loads((batch.results_dir / "uk-modern-slavery-act-2015.json").read_text(encoding="utf-8"))
    assert data["profile"] == PROFILE and len(data["findings"]) == len(batch.requirements)
    assert batch.result("uk-modern-slavery-act-2015").finding("PAL-3a-acts").status == "covered"


def test_workbook_sheets(batch):
    from openpyxl import load_workbook

    wb = load_workbook(batch.out)
    assert wb.sheetnames == ["Matrix", "Summary", "Errors"]
    matrix = wb["Matrix"]
    assert matrix.freeze_panes == "C2"
    assert [matrix.cell(r, 1).value for r in range(2, matrix.max_row + 1)] == sorted(THREE)
    assert matrix.cell(1, 3).value == batch.requirements[0]["id"]
    assert batch.requirements[0]["title"] in matrix.cell(1, 3).comment.text
    statuses = [c for c in matrix[2][2:] if c.value]
    assert statuses and all(c.fill.fgColor.rgb not in (None, "00000000") for c in statuses)
    assert wb["Summary"].max_row == 1 + len(THREE)
    import pandas as pd

    again = pd.read_excel(batch.out, sheet_name="Matrix", index_col=0).drop(columns="Country")
    assert list(again.index) == list(batch.matrix().index)
    assert (again.to_numpy() == batch.matrix().to_numpy()).all()
    errors = wb["Errors"]
    assert errors.max_row == 2 and errors["A2"].value == "zz-broken"


def test_cli_manifest_with_a_failing_row(tmp_path, capsys):
    (tmp_path / "texts").mkdir()
    shutil.copy(SAMPLES / "uk-modern-slavery-act-2015" / "law.txt", tmp_path / "texts" / "msa.txt")
    manifest = tmp_path / "countries.csv"
    manifest.write_text(
        "name,paths,country,language\n"
        "uk,texts/msa.txt,United Kingdom,en\n"
        "atlantis,texts/missing.txt,Atlantis,\n",
        encoding="utf-8",
    )
    out = tmp_path / "comparison.xlsx"
    (tmp_path / "comparison_results").mkdir()
    stale = tmp_path / "comparison_results" / "atlantis.json"
    stale.write_text("{}", encoding="utf-8")  # left by an earlier run, when atlantis still worked
    code, _, err = run_cli(capsys, "batch", manifest, "-o", out, "-p", PROFILE, "-j", "1", "--no-progress")
    assert code == 0, err
    lines = err.strip().splitlines()
    assert lines[0].startswith("lexcheck: warning: atlantis:") and "missing.txt" in lines[0]
    assert lines[-1].startswith("lexcheck: batch of 2 frameworks") and "1 failed" in lines[-1]
    data = json.loads((tmp_path / "comparison_results" / "uk.json").read_text(encoding="utf-8"))
    assert data["framework"]["country"] == "United Kingdom"
    assert not stale.exists()


def test_cli_all_failed_or_bad_source_is_exit_2(tmp_path, capsys):
    src = tmp_path / "src"
    (src / "empty").mkdir(parents=True)
    (src / "empty" / "law.txt").write_text("")
    code, _, err = run_cli(capsys, "batch", src, "-o", tmp_path / "c.xlsx", "-p", PROFILE, "--no-progress")
    assert code == 2
    assert err.splitlines()[0].startswith("lexcheck: warning: empty:")
    assert err.strip().splitlines()[-1].startswith("lexcheck: error:")

    for bad in (tmp_path / "nowhere", SAMPLES / "uk-modern-slavery-act-2015"):
        code, _, err = run_cli(capsys, "batch", bad, "-o", tmp_path / "d.xlsx", "--no-progress")
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1 and lines[0].startswith("lexcheck: error:"), err
    code, _, err = run_cli(capsys, "batch", src, "-o", tmp_path / "d.csv")
    assert code == 2 and ".xlsx" in err
    assert not (tmp_path / "d.xlsx").exists()
