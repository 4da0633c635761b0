"""Which instruments bind the country: the dated participation table and its reading."""

from __future__ import annotations

import json

import pytest

import lexcheck
from lexcheck.catalogue.participation import BOUND, NOT_BOUND, binding, load_participation

TABLE = load_participation()


@pytest.mark.parametrize(
    "country, instrument, strength, expected",
    [
        (
            "Pakistan",
            "COE",
            "mandatory",
            False,
        ),  # CETS 197: a Council of Europe treaty Pakistan is not party to
        ("Pakistan", "EU", "mandatory", False),  # not an EU member
        ("United Kingdom (England and Wales)", "PAL", "mandatory", True),
        ("United Kingdom (Northern Ireland)", "COE", "mandatory", True),
        ("United Kingdom", "EU", "mandatory", False),  # left the Union in 2020
        ("Russian Federation", "PAL", "mandatory", True),
        ("Russian Federation", "COE", "mandatory", False),
        ("Ireland", "EU", "mandatory", True),
        ("GB", "PAL", "conditional", True),  # "shall consider" is still an obligation of the treaty
        ("United Kingdom", "OHCHR", "good_practice", False),  # soft law binds nobody
        ("United Kingdom", "PAL", "good_practice", False),
        ("Atlantis", "PAL", "mandatory", None),  # a country the table does not know
        ("", "PAL", "mandatory", None),
        (None, "COE", "mandatory", None),
    ],
)
def test_binding(country, instrument, strength, expected):
    assert binding(country, instrument, strength) is expected


def test_every_entry_is_sourced_and_dated_as_the_source_gives_it():
    assert TABLE.data_date and TABLE.compiled
    for (state, instrument), entry in TABLE.entries.items():
        assert len(state) == 2 and state.isupper(), state
        assert entry.status in (*BOUND, *NOT_BOUND, "unverified"), (state, instrument, entry.status)
        for key in entry.source:
            assert key in TABLE.sources, f"{state} {instrument}: source {key} is not described under sources:"
        if entry.status in BOUND:
            assert entry.source, f"{state} {instrument}: a party entry cites its source"
        if entry.date:
            assert len(entry.date) == 10 and entry.date[4] == "-" and entry.date[7] == "-", (
                state,
                entry.date,
            )


def test_every_corpus_country_is_in_the_table():
    for name in ("Canada", "Ghana", "India", "Ireland", "Kazakhstan", "Kenya", "Kyrgyzstan", "Nigeria", "Pakistan",
                 "Philippines", "Russian Federation", "Singapore", "South Africa", "Sri Lanka", "Tajikistan",
                 "Turkmenistan", "United States", "Uzbekistan"):  # fmt: skip
        assert TABLE.state_code(name), name


def test_findings_say_whether_they_bind_the_country(cli, tmp_path):
    sample = lexcheck.samples()["uk-modern-slavery-act-2015"]
    result = lexcheck.analyze(sample)
    by_instrument = {f.instrument: f.binding for f in result.findings if f.strength == "mandatory"}
    assert by_instrument["COE"] is True and by_instrument["PAL"] is True and by_instrument["EU"] is False
    assert all(f.binding is False for f in result.findings if f.strength == "good_practice")
    saved = tmp_path / "r.json"
    saved.write_text(result.to_json(), encoding="utf-8")
    assert [f.binding for f in lexcheck.GapAnalysis.read_json(saved).findings] == [
        f.binding for f in result.findings
    ]
    # the adviser's own list of binding instruments replaces the table
    code, _, err = cli("analyze", sample, "--binding", "pal,untoc", "-o", tmp_path / "b.json")
    assert code == 0, err
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert {f["instrument"] for f in data["findings"] if f["binding"]} == {"PAL", "UNTOC"}
    code, _, err = cli("analyze", sample, "--binding", "PAL,XYZ", "-o", tmp_path / "c.json")
    assert code == 2 and "unknown instrument XYZ" in err and not (tmp_path / "c.json").exists()
    # a country the table does not know: binding unknown, and the report counts mandatory obligations
    unknown = lexcheck.analyze(sample, country="Atlantis")
    assert unknown.country == "Atlantis" and all(f.binding in (None, False) for f in unknown.findings)


def test_report_counts_the_obligations_that_bind_the_country():
    from lexcheck.report.common import ReportData

    result = lexcheck.analyze(lexcheck.samples()["uk-modern-slavery-act-2015"])
    bound = [f for f in result.findings if f.binding]
    label, value = ReportData(result, "en", None).key_figures()[-2]
    assert label == "Obligations binding on United Kingdom (England and Wales) not fully met"
    assert value == f"{sum(1 for f in bound if f.is_gap)} / {len(bound)}"
    no_country = lexcheck.analyze(lexcheck.samples()["uk-modern-slavery-act-2015"], binding=[])
    no_country.country = ""
    assert ReportData(no_country, "en", None).key_figures()[-2][0] == "Mandatory obligations not fully met"
