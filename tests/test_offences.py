"""The offence model (lexcheck.offences): expected records as data, tests/offences/<case>.yaml,
written from the statute texts (each record cites its provision in ``why``).

A record is found by its citation and form (``nth`` picks the n-th aggravated form when OCR lost
the numbering); every field given must match: scalars exactly, ``*_include`` lists as subsets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import CORPUS

import lexcheck
from lexcheck.offences import OffenceModel, Penalty, read_offences

EXPECTED = sorted((Path(__file__).parent / "offences").glob("*.yaml"))
_MODELS: dict[str, OffenceModel] = {}


def _model(case: str) -> OffenceModel:
    if case not in _MODELS:
        _MODELS[case] = read_offences(lexcheck.read_framework([CORPUS / case]))
    return _MODELS[case]


def _records():
    for path in EXPECTED:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, rec in enumerate(data.get("offences", [])):
            yield pytest.param(
                data["case"], rec, id=f"{data['case']}-{rec.get('citation', '')}-{rec['form']}-{i}"
            )


def _summaries():
    for path in EXPECTED:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, want in (data.get("summary") or {}).items():
            yield pytest.param(data["case"], name, want["value"], id=f"{data['case']}-{name}")


def _facts():
    for path in EXPECTED:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for fact in data.get("facts_include", []):
            yield pytest.param(data["case"], fact, id=f"{data['case']}-{fact['kind']}-{fact['citation']}")


def _find(model: OffenceModel, rec: dict):
    forms = [o for o in model.offences if o.form == rec["form"]]
    if "citation" in rec:
        forms = [o for o in forms if o.citation == rec["citation"]]
    if "nth" in rec:
        return forms[rec["nth"] - 1] if len(forms) >= rec["nth"] else None
    return forms[0] if forms else None


@pytest.mark.corpus
@pytest.mark.parametrize("case,rec", list(_records()))
def test_offence_record(case, rec):
    model = _model(case)
    o = _find(model, rec)
    assert o is not None, (
        f"no {rec['form']} offence {rec.get('citation')}: {[x.citation for x in model.offences]}"
    )
    for key in ("kind", "means_required", "child_means_required", "within_basic_maximum"):
        if key in rec:
            assert getattr(o, key) == rec[key], f"{key}: {rec['why']}"
    if "victims" in rec:
        assert sorted(o.victims) == sorted(rec["victims"]), rec["why"]
    for key in ("acts", "means", "purposes", "victims", "circumstances"):
        if f"{key}_include" in rec:
            missing = set(rec[f"{key}_include"]) - set(getattr(o, key))
            assert not missing, f"{key} lacks {sorted(missing)}: {rec['why']}"
    if "basic_of" in rec:
        base = model.get(o.basic_of)
        assert base is not None and base.citation == rec["basic_of"], rec["why"]
    if "penalty" in rec:
        assert o.penalty is not None, rec["why"]
        for key, want in rec["penalty"].items():
            got = o.penalty.source if key == "source" else getattr(o.penalty, key)
            assert got == want, f"penalty {key}: {got!r} != {want!r}: {rec['why']}"


@pytest.mark.corpus
@pytest.mark.parametrize("case,name,value", list(_summaries()))
def test_penalty_summary(case, name, value):
    assert getattr(_model(case), name)() == value


@pytest.mark.corpus
@pytest.mark.parametrize("case,fact", list(_facts()))
def test_framework_fact(case, fact):
    facts = [(f.kind, f.place.citation) for f in _model(case).facts]
    assert (fact["kind"], fact["citation"]) in facts, fact["why"]


@pytest.mark.corpus
def test_outputs_are_deterministic_and_serialisable():
    a = read_offences(lexcheck.read_framework([CORPUS / "sg-phta-2014"]))
    b = _model("sg-phta-2014")
    assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)
    df = b.to_dataframe()
    assert len(df) == len(b.offences) and {"citation", "kind", "form", "max_years"} <= set(df.columns)
    table = b.to_text()
    assert table.splitlines()[0].split(" | ")[0].strip() == "citation" and "s. 4(1)(b)" in table


def test_penalty_description():
    assert Penalty(min_years=2, max_years=10, fine="instead").describe() == "2–10 y or fine"
    assert Penalty(min_years=15, life=True).describe() == "15 y–life"
    assert Penalty(max_years=7, fine="in_addition").describe() == "≤7 y + fine"
    assert Penalty(fine="alone").describe() == "fine only"
    assert Penalty(life=True).maximum == 99


def test_expected_files_cover_eight_frameworks():
    cases = {yaml.safe_load(p.read_text(encoding="utf-8"))["case"] for p in EXPECTED}
    assert len(cases) >= 8


def test_offences_command_and_result_attribute(cli, tmp_path):
    sample = Path(lexcheck.samples()["us-federal"])
    code, out, err = cli("offences", sample)
    assert code == 0, err
    assert out.splitlines()[0].startswith("citation") and "§ 1591" in out
    code, _, err = cli("offences", sample, "-f", "json", "-o", tmp_path / "o.json")
    assert code == 0, err
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert any(o["citation"].startswith("§ 1591") and o["kind"] == "trafficking" for o in data["offences"])
    code, out, _ = cli("offences", sample, "-f", "csv")
    assert code == 0 and out.splitlines()[0].startswith("citation,")
    result = lexcheck.analyze(sample)
    assert result.offences.to_dict() == data
    saved = tmp_path / "r.json"
    saved.write_text(result.to_json(), encoding="utf-8")
    with pytest.raises(ValueError):
        _ = lexcheck.GapAnalysis.read_json(saved).offences  # a saved result has no texts to read
