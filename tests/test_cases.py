"""Engine readings as data: every tests/cases/*.yaml, in the label format of ../shared/eval.

One test per case: the case is analysed once and every label is compared; a failure lists each
disagreement (requirement, expected, got, why). The format is in tests/cases/README.md.
"""

from __future__ import annotations

import pytest
from conftest import CASES, disagreements, load_case, result_findings

NAMES = sorted(p.stem for p in CASES.glob("*.yaml"))
LABEL_KEYS = {"status", "found", "missing", "not_required", "parameters", "qualifiers", "why", "trap"}


def _param(name: str):
    return pytest.param(name, marks=[] if "text" in load_case(name) else [pytest.mark.corpus])


@pytest.mark.parametrize("name", [_param(n) for n in NAMES])
def test_case(case_result, name):
    labels = load_case(name)["labels"]
    problems = disagreements(result_findings(case_result(name)), labels)
    if problems:
        pytest.fail(f"{name}: {len(problems)} disagreement(s)\n  " + "\n  ".join(problems), pytrace=False)


def test_every_case_is_well_formed():
    """A misspelt key would silently check nothing."""
    for name in NAMES:
        spec = load_case(name)
        assert ("text" in spec) != ("case" in spec), (
            f"{name}: either drafted (text) or from the corpus (case)"
        )
        assert "case" not in spec or spec["documents"], f"{name}: a corpus case lists its documents"
        assert set(spec) <= {"case", "documents", "text", "note", "labels"}, name
        assert spec["labels"], f"{name}: no labels"
        for rid, lab in spec["labels"].items():
            assert set(lab) <= LABEL_KEYS, (name, rid, set(lab) - LABEL_KEYS)
            assert lab.get("why") or lab.get("trap"), f"{name}: {rid}: cite the provision in why (or trap)"
