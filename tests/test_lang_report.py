"""The report texts as data (issue 10): lexcheck/lang/<code>/report.yaml, read by lexcheck/report/i18n.py."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from lexcheck.lang import vocabulary
from lexcheck.report import i18n
from lexcheck.report.common import eid_label

SECTIONS = (
    "ui",
    "status",
    "status_description",
    "area",
    "actor",
    "lens",
    "strength",
    "strength_short",
    "instrument",
    "annotate",
    "citation",
)
REPORT_DIR = Path(i18n.__file__).resolve().parent
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("name", SECTIONS)
def test_every_language_has_every_text_with_the_same_placeholders(lang, name):
    english = i18n.section("en", name)
    theirs = i18n.section(lang, name)
    assert english, f"en/report.yaml has no section {name!r}"
    assert set(theirs) == set(english), set(theirs) ^ set(english)
    for key, text in theirs.items():
        assert isinstance(text, str) and text.strip(), (name, key)
        assert _fields(text) == _fields(english[key]), (lang, name, key)


@pytest.mark.parametrize(
    "lang,name,key,expected",
    [
        ("ru", "status", "partial", "Частично соответствует"),
        ("en", "area", "", "Other requirements"),
        ("ru", "annotate", "covered", "Соответствует {rid} ({title})"),
        ("ru", "citation", "art", "Ст. {}"),
        ("en", "ui", "percent", "{n}%"),
    ],
)
def test_texts_come_from_the_data_files(lang, name, key, expected):
    assert vocabulary(lang, "report")[name][key] == expected
    assert i18n.texts(lang, name)[key] == expected


@pytest.mark.parametrize(
    "call,expected",
    [
        (lambda: i18n.texts("xx", "ui")["contents"], "Contents"),  # unknown language: English
        (lambda: i18n.label("area", "brand_new_area", "ru"), "Brand new area"),  # unknown key: humanised
        (lambda: i18n.label("instrument", "XYZ", "ru"), "XYZ"),
        (lambda: i18n.strings("ru")["contents"], "Содержание"),
        (lambda: eid_label("art_12__para_3", "ru"), "Ст. 12(3)"),
        (lambda: eid_label("sec_4__subsec_2", "en"), "s. 4 subsec 2"),
    ],
)
def test_fallbacks_and_labels(call, expected):
    assert call() == expected


def test_orders_follow_the_english_file():
    assert list(i18n.ACTORS["en"])[:3] == ["legislature", "police", "prosecution"]
    assert list(i18n.LENSES["en"]) == [
        "gender",
        "child",
        "survivor_centred",
        "trauma_informed",
        "vulnerability",
    ]


def test_no_report_texts_left_in_python():
    lines = [
        f"{path.name}: {line.strip()}"
        for path in sorted(REPORT_DIR.glob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if CYRILLIC.search(line)
    ]
    assert len(lines) <= 2, lines
