"""The names a catalogue may use are registered once, by the code; the schema and the catalogue
data agree with them; the order in which a finding is decided is written once."""

from __future__ import annotations

import json

import pytest
import yaml

from lexcheck.analysis import decide
from lexcheck.analysis.registry import PARAMETERS, RULES, SCOPES, Registry
from lexcheck.analysis.statuses import STATUS_RANK, gap_size, worse
from lexcheck.catalogue import load_catalogue
from lexcheck.catalogue.model import ANCHORS
from lexcheck.errors import CatalogueError
from lexcheck.resources import standards_dir


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((standards_dir() / "schema.json").read_text(encoding="utf-8"))


def _enum(schema: dict, *path: str) -> list[str]:
    node = schema["$defs"]
    for step in path:
        node = node[step] if step != "properties" else node["properties"]
    return node["enum"]


@pytest.mark.parametrize(
    ("path", "registered"),
    [
        (("requirement", "properties", "rule"), RULES.names()),
        (("requirement", "properties", "scope"), SCOPES.names()),
        (("parameter", "properties", "kind"), PARAMETERS.names()),
        (("requirement", "properties", "anchor"), ANCHORS),
    ],
)
def test_schema_enums_are_the_registered_names(schema, path, registered):
    assert sorted(_enum(schema, *path)) == sorted(registered)


def test_schema_areas_are_the_catalogue_areas(schema):
    meta = yaml.safe_load((standards_dir() / "catalogue.yaml").read_text(encoding="utf-8"))
    assert sorted(_enum(schema, "requirement", "properties", "area")) == sorted(meta["areas"])
    assert load_catalogue().areas == meta["areas"]


def test_the_order_of_areas_is_the_catalogues_everywhere():
    """The reports and the batch workbook show areas in one order: that of catalogue.yaml's areas."""
    from lexcheck.batch import BatchResult
    from lexcheck.catalogue import area_order
    from lexcheck.report.i18n import AREAS

    assert area_order() == tuple(load_catalogue().areas)
    assert set(area_order()) <= set(AREAS["en"])  # every area has a name in the reports
    reqs = [{"id": a, "area": a} for a in reversed(area_order())]
    batch = BatchResult(out=None, results_dir=None, profile="", requirements=reqs, rows=[], errors=[])
    assert batch.areas() == list(area_order())


def test_internal_scopes_are_built_but_not_offered_to_catalogues():
    built = [name for name, _ in SCOPES.items()]
    assert {"glossary", "criminal"} <= set(built)
    assert not {"glossary", "criminal"} & set(SCOPES.names())


def test_every_builtin_requirement_uses_registered_names(catalogue):
    for req in catalogue:
        assert req.rule in RULES, req.id
        assert req.scope in SCOPES.names(), req.id
        assert all(p.kind in PARAMETERS for p in req.parameters), req.id
        assert req.area in catalogue.areas, req.id
        assert req.anchor in ("", *ANCHORS), req.id


def test_each_anchor_role_is_played_by_catalogue_data(catalogue):
    roles = catalogue.anchor_roles()
    assert sorted(roles) == sorted(ANCHORS)
    for role, ids in roles.items():
        assert ids and all(catalogue.get(rid).anchor == role for rid in ids)


def test_a_name_cannot_be_registered_twice():
    reg = Registry("thing")
    reg("a")(len)
    with pytest.raises(ValueError, match="registered twice"):
        reg("a")(len)
    reg("b", internal=True)(len)
    assert reg.names() == ("a",) and "b" in reg and reg["a"] is len


_USER_FILE = """\
instrument: {{id: MINE, title: Mine, short: Mine, kind: treaty}}
requirements:
  - id: MINE-1
    cite: Art. 1
    title: A requirement
    area: {area}
    strength: mandatory
    statement: The law provides something checkable.
    verification: unverified
    rule: {rule}
    anchor: {anchor}
    elements:
      - key: thing
        label: a thing
        patterns: {{en: ["thing"]}}
    recommendation: {{missing: Provide it.}}
"""


@pytest.mark.parametrize(
    ("area", "rule", "anchor", "bad"),
    [
        ("prevention", "all", "acts", None),
        ("prevention", "no_such_rule", "acts", "rule"),
        ("no_such_area", "all", "acts", "area"),
        ("prevention", "all", "no_such_role", "anchor"),
    ],
)
def test_user_catalogue_names_are_checked_against_the_registries(tmp_path, area, rule, anchor, bad):
    path = tmp_path / "mine.yaml"
    path.write_text(_USER_FILE.format(area=area, rule=rule, anchor=anchor), encoding="utf-8")
    if bad is None:
        assert load_catalogue(path).get("MINE-1").anchor == anchor
        return
    with pytest.raises(CatalogueError, match=bad):
        load_catalogue(path)


def test_the_decision_order_is_written_once_and_every_step_says_what_it_changes():
    names = [step.__name__ for step in decide.STEPS]
    assert names == [
        "find_elements",
        "find_red_flags",
        "apply_rule",
        "check_parameters",
        "apply_red_flags",
        "check_headings",
        "choose_evidence",
        "describe",
    ]
    assert all(step.__doc__ and len(step.__doc__) > 40 for step in decide.STEPS)


@pytest.mark.parametrize(
    ("a", "b", "a_worse", "gap_a"),
    [
        ("partial", "covered", True, 1),
        ("needs_review", "partial", True, 1),
        ("missing", "needs_review", True, 2),
        ("covered", "not_applicable", False, 0),
        ("covered", "missing", False, 0),
    ],
)
def test_one_status_ranking(a, b, a_worse, gap_a):
    assert worse(a, b) is a_worse
    assert gap_size(a) == gap_a
    assert set(STATUS_RANK) >= {a, b}
