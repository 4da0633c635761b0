"""The built-in catalogue: schema, core ids, patterns, examples and quotations."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import SHARED

from lexcheck.catalogue.load import load_file
from lexcheck.catalogue.patterns import compile_pattern, find
from lexcheck.resources import standards_dir

FILES = sorted(p for p in standards_dir().glob("*.yaml") if p.name != "catalogue.yaml")


def _all():
    for path in FILES:
        _, reqs = load_file(path)
        yield from reqs


REQS = list(_all())
ELEMENTS = [(r, e) for r in REQS for e in r.elements]


def _ids(items):
    return [f"{r.id}/{e.key}" for r, e in items]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_file_validates_against_the_schema(path):
    instrument, reqs = load_file(path)
    assert reqs, f"{path.name} holds no requirement"
    for req in reqs:
        assert req.recommendation.get("missing"), req.id


def test_ids_are_unique_and_crosswalk_targets_exist():
    ids = [r.id for r in REQS]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    known = set(ids)
    dangling = [(r.id, rel.id) for r in REQS for rel in r.related if rel.id not in known]
    assert not dangling


def test_catalogue_size_and_breadth():
    assert len(REQS) >= 150
    assert len({r.instrument for r in REQS}) >= 8


@pytest.mark.corpus
def test_core_requirements_exist_with_exact_element_keys_and_parameters():
    core = yaml.safe_load((SHARED / "standards" / "core_requirements.yaml").read_text(encoding="utf-8"))
    by_id = {r.id: r for r in REQS}
    for spec in core["requirements"]:
        assert spec["id"] in by_id, spec["id"]
        req = by_id[spec["id"]]
        keys = [e.key for e in req.elements]
        for key in spec.get("elements", []):
            assert key in keys, (spec["id"], key)
        for param in spec.get("parameters", []):
            names = {p.name: p for p in req.parameters}
            assert param["name"] in names, (spec["id"], param["name"])
            assert names[param["name"]].unit == param["unit"]


@pytest.mark.parametrize(("req", "el"), ELEMENTS, ids=_ids(ELEMENTS))
def test_every_element_matches_its_examples_and_not_its_near_misses(req, el):
    assert el.examples, "every element needs at least one realistic example sentence"
    assert el.near_misses, "every element needs at least one near miss"
    for lang in sorted({p.lang for p in el.patterns}):
        sources = [p.source for p in el.patterns if p.lang == lang]
        for source in sources:
            compile_pattern(source, lang)
        if lang != "en":
            continue
        for example in el.examples:
            if _lang_of(example) == "en":
                assert find(example, sources, "en"), f"no pattern matches example {example!r}"
        for miss in el.near_misses:
            if _lang_of(miss) == "en":
                assert not find(miss, sources, "en"), f"near miss {miss!r} matched"
    for example in el.examples + el.near_misses:
        lang = _lang_of(example)
        if lang != "en":
            assert any(p.lang == lang for p in el.patterns), f"example in {lang} but no {lang} patterns"
    for example in el.examples:
        lang = _lang_of(example)
        if lang != "en":
            sources = [p.source for p in el.patterns if p.lang == lang]
            assert find(example, sources, lang), f"no {lang} pattern matches example {example!r}"
    for miss in el.near_misses:
        lang = _lang_of(miss)
        if lang != "en":
            sources = [p.source for p in el.patterns if p.lang == lang]
            assert not find(miss, sources, lang), f"{lang} near miss {miss!r} matched"


def _lang_of(sentence: str) -> str:
    """Examples in other languages are prefixed ``ru: ...``; plain sentences are English."""
    m = re.match(r"^([a-z]{2}): ", sentence)
    return m.group(1) if m else "en"


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'")
    return " ".join(text.split()).lower()


REFERENCE = {"PAL": "palermo-protocol-2000.txt", "COE": "coe-cets-197-2005.txt"}
QUOTED = [r for r in REQS if r.text and r.instrument in REFERENCE]


@pytest.mark.corpus
@pytest.mark.parametrize("req", QUOTED, ids=[r.id for r in QUOTED])
def test_quotations_are_verbatim_in_the_reference_treaty_text(req):
    source = _norm((SHARED / "reference" / REFERENCE[req.instrument]).read_text(encoding="utf-8"))
    for piece in re.split(r"\s*(?:\.\.\.|…)\s*", req.text):
        if piece.strip():
            assert _norm(piece) in source, f"{req.id}: not verbatim: {piece[:80]!r}"


def test_quotations_only_for_verified_texts():
    for req in REQS:
        if req.text:
            assert req.verification == "verified_primary", req.id


def test_strengths_are_consistent_with_instrument_kind():
    soft = {r.id for r in REQS if r.instrument in {"UNODC", "OHCHR", "CEDAW", "UNICEF", "OSCE"}}
    for req in REQS:
        if req.id in soft:
            assert req.strength == "good_practice", req.id
