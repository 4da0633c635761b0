"""Expert labels for requirements outside the core (issue 12, point 4): tests/labels/*.yaml.

Twelve survivor-centred requirements (accommodation, emergency medical care, interpretation, privacy, protection
from retaliation, legal counselling, age presumption, guardian, coordinator, training, compensation from the
offender, safe return) on eight frameworks of different drafting traditions, read from the statutes by two
independent readers who did not see lexcheck's output (96 labels, 95 agreed; the one disagreement is
reconciled as partial, confidence low, and not scored). The format is that of ../shared/eval/labels.

The score is macro-F1 over covered / partial / missing on the labels of high or medium confidence, as
../shared/eval/run_eval.py computes it. FLOOR is the engine's score (it was 0.804 when the labels were
written, 0.789 once the Irish Schedule, which reproduces the OPSC, stopped counting as law: Ireland's
privacy finding had rested on it); it only moves up. The target of issue 12 is 0.90.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import CORPUS

import lexcheck

LABELS = Path(__file__).resolve().parent / "labels"
FILES = sorted(LABELS.glob("*.yaml"))
STATUSES = ("covered", "partial", "missing")
SCORED = {"high", "medium"}
FLOOR = 0.78  # measured 0.789 on 86 scored labels (2026-12-04); issue 12 asks for 0.90


def _spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 of the three statuses over (label, prediction) pairs."""
    scores = []
    for s in STATUSES:
        tp = sum(lab == s and got == s for lab, got in pairs)
        fp = sum(lab != s and got == s for lab, got in pairs)
        fn = sum(lab == s and got != s for lab, got in pairs)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(scores) / len(scores)


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([("covered", "covered"), ("missing", "missing"), ("partial", "partial")], 1.0),
        ([("covered", "missing"), ("missing", "covered")], 0.0),
        ([("covered", "covered"), ("covered", "missing")], (2 / 3 + 0 + 0) / 3),
    ],
)
def test_macro_f1(pairs, expected):
    assert macro_f1(pairs) == pytest.approx(expected)


def test_labels_are_well_formed(catalogue):
    assert len(FILES) >= 6
    total = 0
    for path in FILES:
        spec = _spec(path)
        assert spec["case"] == path.stem and spec["documents"], path.name
        for rid, lab in spec["labels"].items():
            assert rid in catalogue, f"{path.name}: {rid} is not in the catalogue"
            assert lab["status"] in STATUSES and lab["confidence"] in {"high", "medium", "low"}, (
                path.name,
                rid,
            )
            assert lab.get("why"), f"{path.name}: {rid}: a label cites the provision in why"
            total += 1
    assert total >= 60


@pytest.mark.corpus
def test_noncore_labels_score():
    pairs, wrong = [], []
    for path in FILES:
        spec = _spec(path)
        result = lexcheck.analyze(*[CORPUS / spec["case"] / d for d in spec["documents"]], profile="full")
        for rid, lab in spec["labels"].items():
            if lab["confidence"] not in SCORED:
                continue
            got = result.finding(rid).status
            pairs.append((lab["status"], got))
            if got != lab["status"]:
                wrong.append(
                    f"{spec['case']} {rid}: label {lab['status']}, got {got} (why: {lab['why'][:120]})"
                )
    score = macro_f1(pairs)
    print(f"non-core labels: {len(pairs)} scored, macro-F1 {score:.3f}, {len(wrong)} disagreements")
    assert score >= FLOOR, f"macro-F1 {score:.3f} < {FLOOR}:\n  " + "\n  ".join(wrong)
