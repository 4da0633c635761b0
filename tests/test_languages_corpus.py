"""The Russian, Kazakh, Kyrgyz and Turkmen texts of ../shared/corpus: language, structure and the definition.

Every text is parsed and analysed once per module. Three checks a regional user relies on:
the language is detected (ru/kk/ky/tk) and the articles and points are read; the acts of Art. 3(a) are
found wherever the text holds a definition of trafficking; and the three official texts of Art. 1 of
the Kazakh law of 2024 (en, ru, kk) give the same element statuses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import lexcheck

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")

# file: (language, article numbers, at least this many points, holds a definition of trafficking)
TEXTS = {
    "ru-criminal-code-127-1/law.ru.txt": ("ru", ["127.1", "127.2"], 17, True),
    "kz-criminal-code-128-135/law.ru.txt": ("ru", ["128", "135"], 29, True),
    "kz-criminal-code-128-135/law.kk.txt": ("kk", ["128", "135"], 29, True),
    "kz-law-2024/law.ru.txt": ("ru", ["1"], 2, True),
    "kz-law-2024/law.kk.txt": ("kk", ["1"], 2, True),
    "tm-law-2016-tk/law.tk.txt": ("tk", ["1"], 3, True),
    # excerpts: the preamble and the first entries of the alphabetical glossary of Art. 1 ("вербовка",
    # "тартуу", ...), cut before the definition of trafficking itself (see kg-law-2005/meta.yaml)
    "kg-law-2005/law.ru.txt": ("ru", ["1"], 3, False),
    "kg-law-2005/law.ky.txt": ("ky", ["1"], 1, False),
    # Arts. 1-2 only (purpose and legislation): no definition
    "uz-law-2008-2020/law-2020.ru.txt": ("ru", ["1", "2"], 0, False),
}
KZ_LAW = ("kz-law-2024/law.en.txt", "kz-law-2024/law.ru.txt", "kz-law-2024/law.kk.txt")
DEFINITION_REQS = (
    "PAL-3a-acts",
    "PAL-3a-means",
    "PAL-3a-purpose",
    "PAL-3a-exploitation-forms",
    "PAL-3c-child-no-means",
    "PAL-3d-child-u18",
)
ACTS = {"recruitment", "transportation", "transfer", "harbouring", "receipt"}


@pytest.fixture(scope="module")
def analysed():
    """Each corpus text analysed on its own, once."""
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = lexcheck.analyze(CORPUS / name)
        return cache[name]

    return get


def statuses(result, rid: str):
    f = result.finding(rid)
    return f.status, {e.key: e.status for e in f.elements}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_language_articles_and_points(name):
    lang, articles, min_points, _ = TEXTS[name]
    fw = lexcheck.read_framework([CORPUS / name])
    doc = fw.documents[0]
    assert doc.language == lang
    provisions = list(doc.provisions())
    assert [p.num.rstrip(".") for p in provisions if p.kind == "article"] == articles
    kinds = Counter(p.kind for p in provisions)
    assert kinds["point"] >= min_points
    for p in provisions:
        if p.kind == "point":  # numbered points, or the unnumbered entries of a glossary
            assert p.eid.isascii() and p.eid.startswith("art_"), p.eid
            assert "__point_" in p.eid or "__def_" in p.eid, p.eid


def test_cyrillic_point_letters_become_ascii_eids():
    doc = lexcheck.read_framework([CORPUS / "ru-criminal-code-127-1" / "law.ru.txt"]).documents[0]
    points = [p.eid for p in doc.provisions() if p.eid.startswith("art_127-1__para_2__point_")]
    assert [e.rsplit("_", 1)[-1] for e in points] == ["a", "b", "v", "g", "d", "e", "zh", "z", "i"]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_acts_found_where_the_text_defines_trafficking(analysed, name):
    lang, _, _, has_definition = TEXTS[name]
    result = analysed(name)
    assert result.documents[0].language == lang
    found = {e.key for e in result.finding("PAL-3a-acts").elements if e.status == "found"}
    if has_definition:
        assert found == ACTS, found
        assert result.finding("PAL-3a-acts").status == "covered"
        assert result.finding("PAL-3a-purpose").status == "covered"
    else:
        assert result.finding("PAL-3a-acts").status != "covered"
        assert len(found) <= 1, found  # at most "вербовка"/"тартуу", defined in the glossary


def test_russian_criminal_code_reads_like_a_lawyer(analysed):
    r = analysed("ru-criminal-code-127-1/law.ru.txt")
    assert statuses(r, "PAL-3a-means")[0] == "covered"
    assert set(statuses(r, "PAL-3a-means")[1].values()) == {"not_required"}
    assert statuses(r, "PAL-3c-child-no-means")[0] == "covered"
    assert statuses(r, "COE-26-non-punishment")[0] in ("missing", "needs_review")
    assert "perpetrator_exemption" in {q.key for q in r.finding("COE-26-non-punishment").qualifiers}
    basic = next(p for p in r.finding("EU-4-1-penalty-5y").parameters if p.name == "max_imprisonment_basic")
    assert (
        basic.value == 6
    )  # "принудительными работами на срок до пяти лет либо лишением свободы на срок до шести лет"


def test_kazakh_law_2024_gives_the_same_elements_in_english_russian_and_kazakh(analysed):
    results = {name.rsplit(".", 2)[-2]: analysed(name) for name in KZ_LAW}
    assert {lang: r.documents[0].language for lang, r in results.items()} == {
        "en": "en",
        "ru": "ru",
        "kk": "kk",
    }
    for rid in DEFINITION_REQS:
        seen = {lang: statuses(r, rid) for lang, r in results.items()}
        assert seen["en"] == seen["ru"] == seen["kk"], (rid, seen)
    assert statuses(results["ru"], "PAL-3a-acts") == ("covered", dict.fromkeys(ACTS, "found"))


def test_kazakh_criminal_code_gives_the_same_definition_elements_as_its_russian_text(analysed):
    """Regression: the Kazakh aggravated part "2. Мынадай: ... жасалған дәл сол іс-әрекеттер" was read as part
    of the basic offence (PAL-3a-means partial in kk, covered in ru; PAL-3c missing in kk, covered in ru)."""
    ru = analysed("kz-criminal-code-128-135/law.ru.txt")
    kk = analysed("kz-criminal-code-128-135/law.kk.txt")
    for rid in ("PAL-3a-acts", "PAL-3a-means", "PAL-3a-purpose", "PAL-3c-child-no-means"):
        assert statuses(ru, rid) == statuses(kk, rid), rid


def test_kazakh_criminal_code_penalty_is_read(analysed):
    """Regression: 'төрт жылдан жеті жылға дейiнгi мерзiмге бас бостандығынан айыруға' was not read at all."""
    kk = analysed("kz-criminal-code-128-135/law.kk.txt")
    basic = next(p for p in kk.finding("EU-4-1-penalty-5y").parameters if p.name == "max_imprisonment_basic")
    assert basic.value == 7
    assert kk.finding("EU-4-1-penalty-5y").status == "covered"


def test_turkmen_law_through_the_command_line(tmp_path):
    """`lexcheck analyze` on the Turkmen law: JSON with the language and the five acts found."""
    script = Path(sys.executable).with_name("lexcheck")
    cmd = (
        [str(script)] if script.exists() else ([shutil.which("lexcheck")] if shutil.which("lexcheck") else [])
    )
    cmd = cmd or [sys.executable, "-m", "lexcheck"]
    out = tmp_path / "tm.json"
    proc = subprocess.run(
        [*cmd, "analyze", str(CORPUS / "tm-law-2016-tk" / "law.tk.txt"), "-f", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    acts = next(f for f in data["findings"] if f["requirement_id"] == "PAL-3a-acts")
    assert {e["key"] for e in acts["elements"] if e["status"] == "found"} == ACTS
    means = next(f for f in data["findings"] if f["requirement_id"] == "PAL-3a-means")
    assert {e["key"]: e["status"] for e in means["elements"]}[
        "abduction"
    ] == "missing"  # not in the Turkmen list


def test_kazakh_criminal_code_in_russian_defines_no_age(analysed):
    """Regression: the penalty 'на срок от двенадцати до восемнадцати лет' of Art. 135(4) was read as the age."""
    r = analysed("kz-criminal-code-128-135/law.ru.txt")
    age = next(p for p in r.finding("PAL-3d-child-u18").parameters if p.name == "child_age")
    assert age.value is None, age.quote
    assert r.finding("PAL-3d-child-u18").status != "covered"
