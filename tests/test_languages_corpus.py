"""The Russian, Kazakh, Kyrgyz and Turkmen texts of ../shared/corpus: language, structure, and equal readings.

The language is detected (ru/kk/ky/tk) and the articles and points are read; the official texts of one
law in several languages give the same element statuses; the command line gives the readings of
tests/cases/tm-law-2016-tk.yaml. What each text gives is data: tests/cases/<corpus folder>*.yaml.
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
from conftest import CORPUS, disagreements, load_case

import lexcheck

pytestmark = pytest.mark.corpus

# file: (language, article numbers, at least this many points)
TEXTS = {
    "ru-criminal-code-127-1/law.ru.txt": ("ru", ["127.1", "127.2"], 17),
    "kz-criminal-code-128-135/law.ru.txt": ("ru", ["128", "135"], 29),
    "kz-criminal-code-128-135/law.kk.txt": ("kk", ["128", "135"], 29),
    "kz-law-2024/law.ru.txt": ("ru", ["1"], 2),
    "kz-law-2024/law.kk.txt": ("kk", ["1"], 2),
    "tm-law-2016-tk/law.tk.txt": ("tk", ["1"], 3),
    # excerpts: the preamble and the first entries of the alphabetical glossary of Art. 1 ("вербовка",
    # "тартуу", ...), cut before the definition of trafficking itself (see kg-law-2005/meta.yaml)
    "kg-law-2005/law.ru.txt": ("ru", ["1"], 3),
    "kg-law-2005/law.ky.txt": ("ky", ["1"], 1),
    # Arts. 1-2 only (purpose and legislation): no definition
    "uz-law-2008-2020/law-2020.ru.txt": ("ru", ["1", "2"], 0),
}
DEFINITION_REQS = (
    "PAL-3a-acts",
    "PAL-3a-means",
    "PAL-3a-purpose",
    "PAL-3a-exploitation-forms",
    "PAL-3c-child-no-means",
    "PAL-3d-child-u18",
)


def statuses(result, rid: str):
    f = result.finding(rid)
    return f.status, {e.key: e.status for e in f.elements}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_language_articles_and_points(name):
    lang, articles, min_points = TEXTS[name]
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


@pytest.mark.parametrize(
    ("cases", "reqs"),
    [
        (("kz-law-2024.en", "kz-law-2024.ru", "kz-law-2024.kk"), DEFINITION_REQS),
        # regression: the Kazakh aggravated part "2. Мынадай: ... жасалған дәл сол іс-әрекеттер" was read as
        # part of the basic offence (PAL-3a-means partial in kk, covered in ru; PAL-3c missing in kk)
        (
            ("kz-criminal-code-128-135.ru", "kz-criminal-code-128-135.kk"),
            ("PAL-3a-acts", "PAL-3a-means", "PAL-3a-purpose", "PAL-3c-child-no-means"),
        ),
    ],
    ids=["kz-law-2024", "kz-criminal-code-128-135"],
)
def test_official_texts_in_several_languages_give_the_same_elements(case_result, cases, reqs):
    results = {name: case_result(name) for name in cases}
    assert [r.documents[0].language for r in results.values()] == [n.rsplit(".", 1)[1] for n in cases]
    for rid in reqs:
        seen = {name: statuses(r, rid) for name, r in results.items()}
        first = seen[cases[0]]
        assert all(v == first for v in seen.values()), (rid, seen)


def test_turkmen_law_through_the_command_line(tmp_path):
    """`lexcheck analyze` on the Turkmen law: JSON with the language and the readings of the case."""
    script = Path(sys.executable).with_name("lexcheck")
    cmd = (
        [str(script)] if script.exists() else ([shutil.which("lexcheck")] if shutil.which("lexcheck") else [])
    )
    cmd = cmd or [sys.executable, "-m", "lexcheck"]
    case = load_case("tm-law-2016-tk")
    out = tmp_path / "tm.json"
    docs = [str(CORPUS / case["case"] / d) for d in case["documents"]]
    proc = subprocess.run(
        [*cmd, "analyze", *docs, "-f", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["language"] for d in data["framework"]["documents"]] == ["tk"]
    assert disagreements(data["findings"], case["labels"]) == []
