"""Frameworks, meta.yaml, language detection, parse_summary / format_tree, and small structure cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS

from lexcheck.errors import InputError
from lexcheck.law import format_tree, parse_summary, parse_text, read_document, read_framework
from lexcheck.law.language import detect
from lexcheck.law.meta import load_meta
from lexcheck.law.structure import eid_token, parse_structure

EN = (
    "TRAFFICKING IN PERSONS ACT\n\n"
    "Article 1. Definitions\n\nIn this Act:\n"
    '(a) "child" means a person under eighteen years of age;\n'
    '(b) "exploitation" includes forced labour and slavery.\n\n'
    "Article 2. Offence\n\n(1) A person who recruits another person for exploitation commits the offence of "
    "trafficking in persons.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "law.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "code.md").write_text(
        "Статья 127.1. Торговля людьми\n\n1. Купля-продажа человека наказывается.\n"
    )
    (tmp_path / "meta.yaml").write_text(
        "country: Testland\ntitle: Test framework\ndocuments:\n- file: law.txt\n  language: en\n  title: The Act\n"
        "- file: code.md\n  language: ru\nprovenance:\n- made up for tests\n",
        encoding="utf-8",
    )
    return tmp_path


def test_framework_from_folder_with_meta(folder):
    fw = read_framework([folder])
    assert fw.country == "Testland" and fw.title == "Test framework"
    assert [(d.id, Path(d.path).name, d.language) for d in fw.documents] == [
        ("doc1", "law.txt", "en"),
        ("doc2", "code.md", "ru"),
    ]
    assert fw.documents[0].title == "The Act"
    assert {g.term for g in fw.glossary()} >= {"child", "exploitation", "trafficking in persons"}


def test_framework_languages_argument(folder):
    fw = read_framework([folder / "law.txt", folder / "code.md"], languages=["kk", None])
    assert [d.language for d in fw.documents] == ["kk", "ru"]
    fw = read_framework([folder], languages={"code.md": "ky"})
    assert [d.language for d in fw.documents] == ["en", "ky"]
    fw = read_framework(folder / "law.txt", languages="ru")
    assert fw.documents[0].language == "ru" and fw.country == "Testland"
    with pytest.raises(InputError, match="unknown language code"):
        read_document(folder / "law.txt", language="english please")


def test_folder_without_meta_and_empty_folder(tmp_path):
    (tmp_path / "b.txt").write_text(EN)
    (tmp_path / "a.md").write_text(EN)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    fw = read_framework(tmp_path)
    assert [Path(d.path).name for d in fw.documents] == ["a.md", "b.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.exe").write_bytes(b"MZ")
    with pytest.raises(InputError) as info:
        read_framework([empty])
    assert str(empty) in str(info.value) and "no readable law texts" in str(info.value)
    with pytest.raises(InputError, match="no such file"):
        read_framework([tmp_path / "missing"])


def test_broken_meta_yaml(tmp_path):
    (tmp_path / "law.txt").write_text(EN)
    cases = {
        "country: [unclosed\n": "broken meta.yaml",
        "- just\n- a list\n": "expected a mapping",
        "documents: law.txt\n": "'documents' must be a list",
        "documents:\n- language: en\n": "needs a 'file'",
        "documents:\n- file: ../../etc/passwd\n": "must stay in the folder",
    }
    for content, message in cases.items():
        (tmp_path / "meta.yaml").write_text(content)
        with pytest.raises(InputError) as info:
            read_framework([tmp_path])
        assert message in str(info.value) and "meta.yaml" in str(info.value)
    (tmp_path / "meta.yaml").write_text("documents:\n- file: absent.txt\n")
    with pytest.raises(InputError, match="listed in meta.yaml but missing"):
        read_framework([tmp_path])
    (tmp_path / "meta.yaml").write_text("!!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(InputError):
        load_meta(tmp_path / "meta.yaml")


def test_parse_summary_is_json_ready(folder):
    fw = read_framework([folder])
    summary = parse_summary(fw)
    text = json.dumps(summary, ensure_ascii=False)
    assert json.loads(text) == summary
    doc = summary["documents"][0]
    assert set(doc) >= {
        "id",
        "path",
        "title",
        "language",
        "sha256",
        "provisions",
        "glossary",
        "non_operative",
    }
    by_eid = {p["eid"]: p for p in doc["provisions"]}
    assert by_eid["art_2__para_1"]["first_words"].startswith("(1) A person who recruits")
    assert by_eid["art_1"]["heading"] == "Definitions" and by_eid["art_1"]["kind"] == "article"
    assert {"term": "child", "eid": "art_1__point_a"}.items() <= doc["glossary"][0].items()
    assert doc["non_operative"] == ["preamble"]
    assert by_eid["preamble"]["operative"] is False and by_eid["preamble"]["reason"].startswith("preamble")


def test_format_tree_is_readable(folder):
    out = format_tree(read_framework([folder]))
    assert "Testland — Test framework" in out
    assert "\n    art_1  Definitions" in out and '\n      art_1__point_a  — (a) "child" means' in out
    assert "Glossary:" in out and "“child” — art_1__point_a" in out and "(offence)" in out
    assert "Not operative:" in out and "preamble — preamble" in out


# --- language detection ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("A person who recruits, transports or harbours another person commits an offence.", "en"),
        ("Купля-продажа человека, иные сделки в отношении человека наказываются лишением свободы.", "ru"),
        ("Адамды, оның ішінде кәмелетке толмаған адамды сатып алу-сату немесе оған қатысты мәмілелер.", "kk"),
        ("1-берене. Ушул Мыйзамда пайдаланылуучу түшүнүктөр жана адамдарды сатуу боюнча.", "ky"),
        ("Моддаи 1. Мафҳумҳои асосӣ. Хариду фурӯши одамон бо мақсади суиистифода ҷалбкунӣ.", "tg"),
        ("1-nji madda. Şu Kanunda ulanylýan esasy düşünjeler: adam söwdasy – adamy satyn almak.", "tk"),
        (
            "135-modda. Odam savdosi, yaʼni odamni olish-sotish yoxud undan foydalanish maqsadida yollash, oʻgʻirlash.",
            "uz",
        ),
    ],
)
def test_detect_language(text, code):
    assert detect(text * 3) == code


@pytest.mark.corpus
def test_detect_language_on_corpus():
    checked = 0
    for meta_path in CORPUS.glob("*/meta.yaml"):
        for entry in load_meta(meta_path)["documents"]:
            text = (meta_path.parent / entry["file"]).read_text(encoding="utf-8")
            assert detect(text) == entry["language"], entry["file"]
            checked += 1
    assert checked >= 30


# --- structure details ---------------------------------------------------------------------------------


def test_eid_tokens():
    assert eid_token("129/1") == "129-1"
    assert eid_token("(4.11)") == "4-11"
    assert eid_token("б)") == "b"
    assert eid_token("ж)") == "zh"
    assert eid_token("1593A") == "1593A"
    assert eid_token("7(4.11)") == "7-4-11"


@pytest.mark.parametrize(
    "line, num, eid",
    [
        ("Article 129/1. Trafficking", "129/1", "art_129-1"),
        ("Art. 5 Offence", "5", "art_5"),
        ("Статья 1. Основные понятия", "1", "art_1"),
        ("§ 1589. Forced labor", "1589", "art_1589"),
        ("SECTION 1. Short Title", "1", "art_1"),
        ("SEC. 2. Declaration", "2", "art_2"),
        ("Section 3 Definitions", "3", "art_3"),
        ("2 Human trafficking", "2", "art_2"),
        ("279.01 Trafficking in persons", "279.01", "art_279-01"),
        ("7102. Definitions", "7102", "art_7102"),
        ("1-бап. Негізгі ұғымдар", "1", "art_1"),
        ("1-берене. Негизги түшүнүктөр", "1", "art_1"),
        ("1-nji madda. Esasy düşünjeler", "1", "art_1"),
        ("1-nji madda", "1", "art_1"),
        ("1-modda. Asosiy tushunchalar", "1", "art_1"),
        ("Моддаи 1. Мафҳумҳои асосӣ", "1", "art_1"),
    ],
)
def test_article_headings(line, num, eid):
    root = parse_structure(f"{line}\n(1) The text of the provision applies.\n")
    art = next(p for p in root.walk() if p.kind == "article")
    assert art.num == num and art.eid == eid
    assert art.children and art.children[0].eid == f"{eid}__para_1"


@pytest.mark.parametrize(
    "line, kind, eid",
    [
        ("PART 1", "part", "part_1"),
        ("Part I – PRELIMINARY", "part", "part_I"),
        ("Раздел II. Преступления", "part", "part_II"),
        ("CHAPTER 77— PEONAGE, SLAVERY", "chapter", "chp_77"),
        ("Chapter 2", "chapter", "chp_2"),
        ("Глава 1. Общие положения", "chapter", "chp_1"),
        ("Глава I", "chapter", "chp_I"),
        ("1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР", "chapter", "chp_1"),
        ("I BAP. UMUMY DÜZGÜNLER", "chapter", "chp_I"),
        ("БОБИ 1 МУҚАРРАРОТИ УМУМӢ", "chapter", "chp_1"),
    ],
)
def test_part_and_chapter_headings(line, kind, eid):
    root = parse_structure(f"{line}\nArticle 1. Scope\nThis Law applies.\n")
    node = root.children[0]
    assert node.kind == kind and node.eid == eid
    assert node.children[0].eid == "art_1"


def test_points_subpoints_and_markdown_bullets():
    text = (
        "Article 2. Offence\n"
        "(1) A person commits an offence if—\n"
        "- (a) the person recruits, or\n"
        "  - (i) transports, or\n"
        "  - (ii) harbours, another person; or\n"
        "- (b) the person receives another person,\n"
        "for the purpose of exploitation.\n"
        "(2) Consent is irrelevant.\n"
    )
    doc = parse_text(text)
    assert [c.eid for c in doc.get("art_2__para_1").children] == [
        "art_2__para_1__point_a",
        "art_2__para_1__point_b",
        "art_2__para_1__wrapup",
    ]
    assert [c.kind for c in doc.get("art_2__para_1__point_a").children] == ["subpoint", "subpoint"]
    assert doc.get("art_2__para_1__point_a").text.startswith("- (a)")
    assert doc.get("art_2__para_1__wrapup").text == "for the purpose of exploitation."
    assert doc.get("art_2__para_2").text == "(2) Consent is irrelevant."


def test_roman_and_letter_ambiguity():
    text = "Article 1\n(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n(f) six;\n(g) seven;\n(h) eight;\n(i) nine;\n"
    kinds = [c.kind for c in parse_text(text).get("art_1").children]
    assert kinds == ["point"] * 9
    text2 = "Article 1\n(a) one—\n(i) first,\n(ii) second,\n(iii) third,\n(iv) fourth,\n(v) fifth, and\n(b) two.\n"
    d = parse_text(text2)
    assert [c.num for c in d.get("art_1__point_a").children] == ["(i)", "(ii)", "(iii)", "(iv)", "(v)"]
    assert [c.num for c in d.get("art_1").children] == ["(a)", "(b)"]


def test_duplicate_numbers_get_suffixes_and_eids_are_stable():
    text = "Article 1. A\nText.\nArticle 1. A again\nMore text.\n(1) one\n(1) one again\n"
    d1, d2 = parse_text(text), parse_text(text)
    assert [p.eid for p in d1.provisions()] == ["art_1", "art_1_2", "art_1_2__para_1", "art_1_2__para_1_2"]
    assert [p.eid for p in d1.provisions()] == [p.eid for p in d2.provisions()]


def test_unnumbered_sections_lost_by_ocr():
    text = (
        "An Act to prevent trafficking\n\n"
        "Short title and commencement:\n\n(1) This Act may be called the Test Act.\n\nIt extends to the whole country.\n\n"
        "Definitions\n\nIn this Act, unless there is anything repugnant in the subject or context:\n\n"
        '- "child" means a person under eighteen years of age;\n\n'
        "Trafficking in persons\n\n(1) Any person who recruits another person commits an offence.\n\n"
        "(2) If the offence is committed against a child the punishment is doubled.\n"
    )
    d = parse_text(text)
    arts = [p for p in d.provisions() if p.kind == "article"]
    assert [a.heading for a in arts] == [
        "Short title and commencement",
        "Definitions",
        "Trafficking in persons",
    ]
    assert [a.eid for a in arts] == ["art_1", "art_2", "art_3"]
    assert [c.num for c in d.get("art_3").children] == ["(1)", "(2)"]
    assert not d.get("preamble").operative


def test_toc_run_of_heading_only_lines():
    text = (
        "1. Short title\n2. Interpretation\n3. Offence\n4. Penalties\n\n"
        "1. Short title\nThis Act may be cited as the Test Act.\n\n"
        "2. Interpretation\nIn this Act, child means a person under 18.\n\n"
        "3. Offence\nAny person who recruits another commits an offence.\n"
    )
    d = parse_text(text)
    toc = d.get("toc")
    assert toc is not None and not toc.operative and toc.non_operative_reason == "table of contents"
    assert [p.eid for p in d.provisions() if p.kind == "article"] == ["art_1", "art_2", "art_3"]


def test_editorial_and_amendment_lines_not_operative_but_notes_are():
    text = (
        "Article 5. Offence\n"
        "1. Trafficking is punishable.\n"
        "[Editorial note: text as amended in 2012.]\n"
        "(Amended by Act No. 5 of 2012)\n"
        "Note: this section was inserted by Act 3 of 2010.\n"
        "Примечание. Лицо освобождается от ответственности, если оно добровольно освободило потерпевшего.\n"
    )
    d = parse_text(text)
    remarks = [p for p in d.provisions() if p.kind == "text"]
    assert len(remarks) == 3 and all(not p.operative for p in remarks)
    note = d.get("art_5__para_note")
    assert note.operative and note.num == "Примечание"


@pytest.mark.parametrize(
    "heading",
    ["Purposes and findings", "Findings", "Purpose", "Objects of the Act", "Цели", "Цель настоящего Закона"],
)
def test_purposes_sections_not_operative(heading):
    d = parse_text(
        f"Article 1. {heading}\n(1) The purpose is to combat trafficking.\nArticle 2. Offence\nText.\n"
    )
    assert not d.get("art_1").operative and not d.get("art_1__para_1").operative
    assert d.get("art_2").operative


@pytest.mark.parametrize(
    "text, term, eid, body",
    [
        (
            "Article 2. Definitions\nIn this Act, child means a person under 18.\n",
            "child",
            "art_2",
            "a person under 18.",
        ),
        (
            'Article 2\nIn this Act—\n"child" means a person under 18;\n',
            "child",
            "art_2__def_child",
            "a person under 18",
        ),
        (
            'Section 3\n(1) For the purposes of this Act, the term "coercion" means threats of serious harm.\n',
            "coercion",
            "art_3__para_1",
            "threats of serious harm.",
        ),
        (
            "Article 1\nExploitation shall mean the use of a person for prostitution.\n",
            "Exploitation",
            "art_1",
            "the use of a person for prostitution.",
        ),  # fmt: skip
        (
            "Статья 1. Основные понятия\n1) торговля людьми – купля-продажа человека;\n",
            "торговля людьми",
            "art_1__point_1",
            "купля-продажа человека",
        ),  # fmt: skip
        (
            "Статья 3\nТорговля людьми — это купля-продажа человека.\n",
            "Торговля людьми",
            "art_3",
            "купля-продажа человека.",
        ),
        (
            "1-nji madda. Esasy düşünjeler\n1) adam söwdasy – adamy satyn almak;\n",
            "adam söwdasy",
            "art_1__point_1",
            "adamy satyn almak",
        ),  # fmt: skip
        (
            'Article 4\n(2) "Travel" means—\n(a) arriving in any country,\n(b) departing from any country.\n(3) Other.\n',
            "Travel",
            "art_4__para_2",
            "(a) arriving in any country,\n(b) departing from any country.",
        ),  # fmt: skip
        (
            "Статья 5. Понятия\nвербовка - наем лиц для работы;\nжертва - лицо, пострадавшее от торговли.\n",
            "вербовка",
            "art_5__def_verbovka",
            "наем лиц для работы",
        ),  # fmt: skip
        (
            "SEC. 3. Definition of Terms. — As used in this Act:\n(a) Trafficking in Persons — refers to the recruitment "
            "of persons.\n",
            "Trafficking in Persons",
            "art_3__point_a",
            "the recruitment of persons.",
        ),  # fmt: skip
    ],
)
def test_definition_patterns(text, term, eid, body):
    d = parse_text(text)
    found = [x for x in d.definitions if x.term == term]
    assert found, [x.term for x in d.definitions]
    assert found[0].eid == eid
    assert found[0].text == body
    assert d.text[found[0].start : found[0].end] == found[0].text
