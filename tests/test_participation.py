"""Which instruments bind the country: the dated participation table and its reading."""

from __future__ import annotations

import pytest

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
