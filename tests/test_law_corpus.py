"""lexcheck.law on real national texts (../shared/corpus): structure, eids, definitions, operative marking."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS

from lexcheck.law import read_document, read_framework
from lexcheck.law.model import Document

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus() -> Path:
    return CORPUS


@cache
def _doc(rel: str) -> Document:
    return read_document(CORPUS / rel)


def doc(corpus: Path, rel: str) -> Document:
    return _doc(rel)


def eids(d: Document) -> list[str]:
    return [p.eid for p in d.provisions()]


def terms(d: Document, kind: str = "definition") -> set[str]:
    return {x.term.lower() for x in d.definitions if x.kind == kind}


def check_invariants(d: Document) -> None:
    text = d.text
    owners = [0] * len(text)
    seen = set()
    for p in d.root.walk():
        assert 0 <= p.start <= p.text_start <= p.text_end <= p.end <= len(text) or p.kind == "document"
        for k in range(p.text_start, p.text_end):
            owners[k] += 1
        if p.kind != "document":
            assert p.eid not in seen, p.eid
            seen.add(p.eid)
            assert re.fullmatch(r"[A-Za-z0-9_.-]+", p.eid), p.eid
        end = p.text_end if p.text_end > p.text_start else p.start
        for c in p.children:
            assert p.start <= c.start <= c.end <= p.end
            assert c.start >= end
            end = c.end
    assert all(owners[k] == 1 for k, ch in enumerate(text) if not ch.isspace())


# --- every text of the corpus --------------------------------------------------------------------


def all_corpus_files():
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("rel", all_corpus_files())
def test_every_corpus_text_parses(corpus, rel):
    d = doc(corpus, rel)
    check_invariants(d)
    assert any(p.kind == "article" for p in d.provisions()) or rel.startswith("uz-law-2008-2020/definition")
    meta_lang = d.meta.get("language")
    if meta_lang:
        from lexcheck.law.language import detect

        assert detect(d.text) == meta_lang


def test_every_corpus_folder_reads_as_framework(corpus):
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        fw = read_framework([folder])
        assert [x.id for x in fw.documents] == [f"doc{k}" for k in range(1, len(fw.documents) + 1)]
        assert fw.country


# --- United States ------------------------------------------------------------------------------


def test_18_usc_ch77_sections(corpus):
    d = doc(corpus, "us-federal/18-usc-ch77.txt")
    # §§ 1581-1597 plus the inserted §§ 1593A and 1595A: 19 section headings in the text
    assert len(re.findall(r"(?m)^§ \d+A?\. ", d.text)) == 19
    arts = [p for p in d.provisions() if p.kind == "article"]
    assert len(arts) == 19
    assert [p.num for p in arts][:3] == ["1581", "1582", "1583"]
    assert {"art_1593A", "art_1595A", "art_1597"} <= {p.eid for p in arts}
    chapter = d.get("chp_77")
    assert chapter.kind == "chapter" and chapter.heading.startswith("PEONAGE")
    assert all(p.parent is chapter for p in arts)
    s1589 = d.get("art_1589")
    assert s1589.heading == "Forced labor"
    assert [c.num for c in s1589.children] == ["(a)", "(b)", "(c)", "(d)"]
    assert [c.num for c in d.get("art_1589__point_a").children] == ["(1)", "(2)", "(3)", "(4)"]
    assert [c.num for c in d.get("art_1591__point_e__point_2").children] == ["(A)", "(B)", "(C)"]
    assert d.get("art_1595A__point_a").heading == "In General"


def test_18_usc_definitions(corpus):
    d = doc(corpus, "us-federal/18-usc-ch77.txt")
    coercion = [x for x in d.definitions if x.term == "coercion"]
    assert coercion and coercion[0].eid == "art_1591__point_e__point_2"
    assert "(A) threats of serious harm" in coercion[0].text and "(C) the abuse" in coercion[0].text
    assert {"serious harm", "commercial sex act", "venture"} <= terms(d)


def test_22_usc_7101_purposes_and_findings_not_operative(corpus):
    d = doc(corpus, "us-federal/22-usc-ch78.txt")
    s7101 = d.get("art_7101")
    assert s7101.heading == "Purposes and findings"
    assert not s7101.operative and s7101.non_operative_reason == "purposes and findings"
    assert all(not p.operative for p in s7101.walk())
    assert d.get("art_7101__point_b").heading == "Findings"
    s7102 = d.get("art_7102")
    assert s7102.operative and all(p.operative for p in s7102.walk())
    severe = [x for x in d.definitions if x.term == "severe forms of trafficking in persons"]
    assert severe and severe[0].eid == "art_7102__para_11"
    assert "(A) sex trafficking" in severe[0].text and "(B) the recruitment" in severe[0].text


# --- Turkmenistan Art. 129/1 -----------------------------------------------------------------------


def test_tm_129_1_paragraphs_and_cyrillic_points(corpus):
    d = doc(corpus, "tm-criminal-code-129-1/law.txt")
    art = d.get("art_129-1")
    assert art.num == "129/1" and art.heading == "Trafficking in human beings"
    paras = [c for c in art.children if c.kind == "paragraph"]
    assert [p.eid for p in paras] == [
        "art_129-1__para_1",
        "art_129-1__para_2",
        "art_129-1__para_3",
        "art_129-1__para_note",
    ]
    p2 = d.get("art_129-1__para_2")
    points = [c for c in p2.children if c.kind == "point"]
    # а) б) в) г) д) in Cyrillic, then a Latin "e)": one list, letters transliterated in the eid
    assert [c.num for c in points] == ["а)", "б)", "в)", "г)", "д)", "e)"]
    assert [c.eid.rsplit("_", 1)[1] for c in points] == ["a", "b", "v", "g", "d", "e"]
    b = d.get("art_129-1__para_2__point_b")
    assert b.num == "б)" and "minor" in b.text
    wrap = d.get("art_129-1__para_2__wrapup")
    assert (
        wrap.kind == "text"
        and wrap.text.startswith("shall be punishable")
        and "eight to fifteen" in wrap.text
    )
    assert [c.num for c in d.get("art_129-1__para_3").children if c.kind == "point"] == ["а)", "б)", "в)"]
    note = d.get("art_129-1__para_note")
    assert note.kind == "paragraph" and note.num == "Notes" and note.operative
    assert [c.num for c in note.children] == ["1.", "2."]
    expl = [x for x in d.definitions if x.term == "exploitation of a person"]
    assert expl and expl[0].eid == "art_129-1__para_note__para_2"


# --- United Kingdom --------------------------------------------------------------------------------


def test_uk_msa_sections_subsections_points_and_cross_headings(corpus):
    d = doc(corpus, "uk-modern-slavery-act-2015/law.txt")
    arts = {p.eid: p for p in d.provisions() if p.kind == "article"}
    assert list(arts) == ["art_1", "art_2", "art_3", "art_45"]
    assert arts["art_2"].heading == "Human trafficking"
    assert arts["art_45"].parent.eid == "part_5" and arts["art_1"].parent.eid == "part_1"
    assert [c.num for c in arts["art_1"].children] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert [c.num for c in d.get("art_1__para_1").children] == ["(a)", "(b)"]
    # cross-headings inside s. 3 become the heading of the subsection they precede, and stay in its text
    expected = {
        "art_3__para_2": "Slavery, servitude and forced or compulsory labour",
        "art_3__para_3": "Sexual exploitation",
        "art_3__para_4": "Removal of organs etc",
        "art_3__para_5": "Securing services etc by force, threats or deception",
        "art_3__para_6": "Securing services etc from children and vulnerable persons",
    }
    for eid, heading in expected.items():
        p = d.get(eid)
        assert p.heading == heading and p.text.startswith(heading)
    sub = d.get("art_3__para_3__point_a")
    assert [c.eid for c in sub.children] == [
        "art_3__para_3__point_a__point_i",
        "art_3__para_3__point_a__point_ii",
    ]
    assert sub.children[0].kind == "subpoint"
    assert [c.num for c in d.get("art_45__para_1").children] == ["(a)", "(b)", "(c)", "(d)"]
    travel = [x for x in d.definitions if x.term == "Travel"]
    assert (
        travel and travel[0].eid == "art_2__para_5" and "(c) travelling within any country" in travel[0].text
    )
    assert "relevant characteristics" in terms(d)


def test_uk_msa_full_text_and_schedules(corpus):
    d = doc(corpus, "uk-modern-slavery-act-2015-full/law.txt")
    arts = [
        p for p in d.provisions() if p.kind == "article" and p.parent.kind != "part" or p.kind == "article"
    ]
    main = [p for p in arts if not p.eid.startswith("sched")]
    assert [p.num for p in main[:5]] == ["1", "2", "3", "4", "5"]
    assert d.get("art_1").heading == "Slavery, servitude and forced or compulsory labour"
    assert d.get("art_62").heading == "Short title"
    assert d.get("sched_1").kind == "part" and d.get("sched_1__art_1") is not None
    assert d.get("preamble") is not None and not d.get("preamble").operative


# --- Pakistan (OCR, section numbers lost) --------------------------------------------------------------


def test_pk_sections_separate_without_numbers(corpus):
    d = doc(corpus, "pk-ptpa-2018/law.txt")
    arts = [p for p in d.provisions() if p.kind == "article"]
    headings = [p.heading for p in arts]
    assert headings[:4] == ["Short title, extent and commencement", "Definitions", "Trafficking in persons",
                            "Abetment and criminal conspiracy"]  # fmt: skip
    assert {"Investigating agency", "Cognizance", "Repeal", "Power to Make Rules"} <= set(headings)
    assert all(p.num == "" for p in arts) and arts[0].eid == "art_1"
    assert [c.num for c in d.get("art_1").children] == ["(1)"]


def test_pk_definitions(corpus):
    d = doc(corpus, "pk-ptpa-2018/law.txt")
    t = terms(d)
    assert {
        "child",
        "code",
        "government",
        "victim",
        "coercion",
        "compelled labour",
        "organized criminal group",
    } <= t
    assert "trafficking in persons" in terms(d, "offence")
    child = next(x for x in d.definitions if x.term == "child")
    assert child.text == "a person under eighteen years of age" and child.eid.startswith("art_2")
    assert d.text[child.start : child.end] == child.text


def test_pk_preamble_and_gazette_noise_not_operative(corpus):
    d = doc(corpus, "pk-ptpa-2018/law.txt")
    pre = d.get("preamble")
    assert not pre.operative and pre.non_operative_reason.startswith("preamble")
    assert "WHEREAS" in pre.text and "It is hereby enacted" in pre.text
    noise = [p for p in d.provisions() if p.kind == "text" and p.text.startswith("THE GAZETTE")]
    assert noise and all(not p.operative and "gazette" in p.non_operative_reason for p in noise)
    printed = [p for p in d.provisions() if p.text.startswith("PRINTED BY")]
    assert printed and not printed[0].operative
    assert d.get("art_3").operative


# --- Central Asia: definitions lists -------------------------------------------------------------------


@pytest.mark.parametrize(
    "rel, term",
    [
        ("kz-law-2024/law.en.txt", "human trafficking"),
        ("kz-law-2024/law.ru.txt", "торговля людьми"),
        ("kz-law-2024/law.kk.txt", "адам саудасы"),
    ],
)
def test_kz_law_article_1_definitions(corpus, rel, term):
    d = doc(corpus, rel)
    art = d.get("art_1")
    assert art is not None and art.parent.eid == "chp_1"
    first = d.definitions[0]
    assert first.term == term and first.eid == "art_1__point_1"
    assert d.get("art_1__point_1").num == "1)"
    assert d.get("preamble") is not None and not d.get("preamble").operative
    assert len(d.definitions) >= 2


def test_tm_tk_and_tj_and_kg_definitions(corpus):
    tk = doc(corpus, "tm-law-2016-tk/law.tk.txt")
    assert "adam söwdasy" in terms(tk) and tk.get("art_1").num == "1"
    tg = doc(corpus, "tj-law-2004/law.tg.txt")
    assert "хариду фурӯши одамон" in terms(tg) and tg.get("art_1__point_a").num == "а)"
    ru = doc(corpus, "kg-law-2005/law.ru.txt")
    assert {"вербовка", "государство назначения"} <= terms(ru)
    assert ru.get("art_1__def_verbovka") is not None
    ky = doc(corpus, "kg-law-2005/law.ky.txt")
    assert "тартуу" in terms(ky)
    uz = doc(corpus, "uz-criminal-code-135/law.uz.txt")
    assert [c.num for c in uz.get("art_135").children if c.kind == "point"][:10] == [
        "a)", "b)", "v)", "g)", "d)", "e)", "j)", "z)", "i)", "k)"
    ]  # fmt: skip
    assert uz.get("art_135__point_i").kind == "point"  # i) after z) is a letter, not a roman numeral
    assert "odamlardan foydalanish" in terms(uz)


def test_ru_criminal_code_note_is_operative_and_amendment_lines_are_not(corpus):
    d = doc(corpus, "ru-criminal-code-127-1/law.ru.txt")
    art = d.get("art_127-1")
    assert [c.num for c in art.children if c.kind == "paragraph"] == ["1.", "2.", "3.", "Примечания"]
    note = d.get("art_127-1__para_note")
    assert note.operative and [c.num for c in note.children if c.kind == "paragraph"] == ["1.", "2."]
    assert [c.eid for c in d.get("art_127-1__para_2").children if c.kind == "point"][
        -1
    ] == "art_127-1__para_2__point_i"
    history = [p for p in d.provisions() if p.eid.rsplit("__", 1)[-1].startswith("remark")]
    assert history and all(not p.operative and p.non_operative_reason == "amendment history" for p in history)
    assert "эксплуатацией человека" in terms(d)


def test_kz_criminal_code_footnotes(corpus):
    for rel in ("kz-criminal-code-128-135/law.ru.txt", "kz-criminal-code-128-135/law.kk.txt"):
        d = doc(corpus, rel)
        notes = [p for p in d.provisions() if p.text.startswith(("Сноска", "Ескерту"))]
        assert len(notes) == 2 and all(not p.operative for p in notes)
        assert [c.num for c in d.get("art_128__para_2").children if c.kind == "point"][-1] == "12)"
        wrap = d.get("art_128__para_2__wrapup")
        assert wrap is not None and "лишени" in wrap.text or "бас бостандығынан" in wrap.text


# --- other layouts ------------------------------------------------------------------------------------


def test_canada_cross_headings_history_and_bullets(corpus):
    d = doc(corpus, "ca-criminal-code-irpa/criminal-code.txt")
    assert d.get("art_279-01").heading == "Trafficking in persons"
    assert d.get("art_279-01__para_2").heading == "Consent"
    assert [c.num for c in d.get("art_279-01__para_1").children] == ["(a)", "(b)"]
    hist = [p for p in d.provisions() if p.text.startswith("[History")]
    assert len(hist) == 9 and all(not p.operative for p in hist)
    irpa = doc(corpus, "ca-criminal-code-irpa/irpa.txt")
    assert [c.num for c in irpa.get("art_117__para_3-1__point_a").children] == ["(i)", "(ii)"]
    assert irpa.get("art_121-1").num == "121.1"


def test_singapore_toc_marginal_notes_and_definitions(corpus):
    d = doc(corpus, "sg-phta-2014/law.txt")
    toc = d.get("toc")
    assert toc is not None and not toc.operative and "24. Rules" in toc.text
    arts = [p for p in d.provisions() if p.kind == "article"]
    assert [p.num for p in arts] == [str(k) for k in range(1, 25)]
    assert d.get("art_3").heading == "Trafficking in persons"
    assert (
        d.get("art_6").heading
        == "Persons who receive payments in connection with exploitation of trafficked victims"
    )
    assert [c.num for c in d.get("art_3__para_1").children] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert {
        "exploitation",
        "coercion",
        "debt bondage",
        "servitude",
        "abuse of the position of vulnerability",
    } <= terms(d)
    assert d.get("art_2__def_exploitation") is not None


def test_ghana_kenya_nigeria_south_africa_india(corpus):
    gh = doc(corpus, "gh-human-trafficking-act-2005/law.txt")
    assert not gh.get("toc").operative and gh.get("art_1").heading == "Meaning of trafficking"
    assert {"human trafficking", "exploitation"} <= terms(gh)
    ke = doc(corpus, "ke-counter-trafficking-act-2010/law.txt")
    assert not ke.get("toc").operative and ke.get("part_I").heading == "PRELIMINARY"
    expl = ke.get("art_2__def_exploitation")
    assert [c.num for c in expl.children][-2:] == ["(i)", "(j)"]  # (i) after (h) is a letter
    ng = doc(corpus, "ng-tippea-2015/law.txt")
    assert [c.num for c in ng.get("art_13__para_2").children] == ["(i)", "(ii)"]
    assert [c.num for c in ng.get("art_13__para_2__point_i").children if c.kind == "point"] == [
        "(a)",
        "(b)",
        "(c)",
    ]
    za = doc(corpus, "za-pacotip-2013/law.txt")
    assert za.get("art_4__para_1__wrapup").text.startswith("aimed at")
    assert "trafficking in persons" in terms(za, "offence")
    ind = doc(corpus, "in-bns-2023/law.txt")
    assert ind.get("art_143").heading == "Trafficking of person"
    assert ind.get("art_143__para_explanation-1").operative
    assert [c.num for c in ind.get("art_143").children if c.kind == "paragraph"][:4] == [
        "(1)", "Explanation 1", "Explanation 2", "(2)"
    ]  # fmt: skip
    assert ind.get("art_143__para_1__wrapup").text.startswith("commits the offence of trafficking")


def test_ireland_repeated_section_numbers_and_parts(corpus):
    d = doc(corpus, "ie-human-trafficking-framework/chta-2008.txt")
    art1 = d.get("art_1")
    assert art1.heading == "Interpretation" and d.get("art_1_2") is None
    assert {"exploitation", "labour exploitation", "trafficks", "forced labour"} <= terms(d)
    d2 = doc(corpus, "ie-human-trafficking-framework/closhta-2024.txt")
    assert d2.get("art_20").parent.eid == "part_3__chp_1"
    assert d2.get("art_26").heading.startswith("Presumption of age")


def test_sri_lanka_inserted_sections(corpus):
    d = doc(corpus, "lk-penal-code-amendment-2006/law.txt")
    assert d.get("art_360C").heading == "Trafficking"
    assert d.get("art_358A__para_3__def_debt-bondage") is not None
    assert "trafficking" in terms(d, "offence")
    assert {"debt bondage", "serfdom", "slavery", "child"} <= terms(d)
