"""The engine's mechanisms on drafted clauses (the readings themselves are data: tests/cases/drafted-*.yaml).

Evidence offsets, explanations, parameter outcomes, where evidence comes from, and determinism.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import case_texts, load_case

import lexcheck

CIS = "drafted-cis-style-aggravating-parts"


def test_every_element_has_evidence_with_offsets_into_the_text(case_result):
    text = case_texts(load_case(CIS))[0]
    elements = case_result(CIS).finding("PAL-3a-acts").elements
    assert any(el.evidence for el in elements)
    for el in elements:
        for ev in el.evidence:
            assert ev.document == "doc1"
            assert ev.eid.startswith("art_129-1")
            assert text[ev.start : ev.end] == ev.quote


@pytest.mark.parametrize(
    ("case", "rid", "fragment"),
    [
        (
            "drafted-uk-style-offence-without-means",
            "PAL-3a-means",
            "broader",
        ),  # no means: broader than Art. 3(a)
        (CIS, "PAL-3a-acts", "receipt"),  # the missing act is named
    ],
)
def test_explanation_names_the_reason(case_result, case, rid, fragment):
    assert fragment in case_result(case).finding(rid).explanation.lower()


@pytest.mark.parametrize(
    ("case", "ok"), [("drafted-child-under-eighteen", True), ("drafted-child-under-sixteen", False)]
)
def test_a_figure_is_checked_against_its_rule(case_result, case, ok):
    assert case_result(case).finding("PAL-3d-child-u18").parameters[0].ok is ok


def test_evidence_of_a_defined_term_comes_from_the_defining_document(case_result):
    finding = case_result("drafted-definition-in-another-document").finding("PAL-3a-exploitation-forms")
    assert {ev.document for e in finding.elements for ev in e.evidence} == {"doc1"}


def test_results_are_deterministic_byte_for_byte(case_result):
    first = case_result(CIS)
    again = lexcheck.analyze(*(Path(d.path) for d in first.documents))
    assert first.to_json() == again.to_json()
