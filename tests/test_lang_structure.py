"""The drafting vocabulary of lexcheck/lang/<code>/structure.yaml, as the law side reads it.

Table-driven: (line, expected class / kind / number) rows per language, each language's article word,
the non-operative headings, definition headings, language detection, eId transliteration, and the
loader on hostile data files built in tmp_path.
"""

from __future__ import annotations

import re

import pytest

import lexcheck.lang as lang
from lexcheck.law import cues, definitions, operative
from lexcheck.law.language import detect
from lexcheck.law.lines import classify
from lexcheck.law.structure import eid_token, parse_structure

CODES = ("en", "ru", "kk", "ky", "tk", "uz", "tg")

# (language, line, class, kind, num)
LINES = [
    ("en", "Article 5. Scope", "article", "", "5"),
    ("en", "ARTICLE 12", "article", "", "12"),
    ("en", "Art. 7 - Offences", "article", "", "7"),
    ("en", "Section 12 Definitions", "article", "", "12"),
    ("en", "Sec. 3. Penalties", "article", "", "3"),
    ("en", "§ 232a Human trafficking", "article", "", "232a"),
    ("en", "Artículo 177. Trata de seres humanos", "article", "", "177"),
    ("en", "PART II GENERAL PROVISIONS", "struct", "part", "II"),
    ("en", "Book 1", "struct", "part", "1"),
    ("en", "CHAPTER 4", "struct", "chapter", "4"),
    ("en", "Chap. 2 Offences", "struct", "chapter", "2"),
    ("en", "SUBPART B", "struct", "division", "B"),
    ("en", "SCHEDULE 1", "struct", "schedule", "1"),
    ("en", "Annex", "struct", "schedule", ""),
    ("en", "Note 1. A person shall be liable", "note", "", "Note 1"),
    ("en", "Note: This Act was amended in 2010.", "remark", "", ""),
    ("en", "Explanation 1.— For the purposes", "note", "", "Explanation 1"),
    ("en", "[Amended by Act 5 of 2010]", "remark", "", ""),
    ("en", "Editorial note: text", "remark", "", ""),
    ("en", "THE KENYA GAZETTE", "remark", "", ""),
    ("en", "Page 3 of 10", "remark", "", ""),
    ("en", "Articles of association", "plain", "", ""),
    ("en", "Section headings are not law.", "plain", "", ""),
    ("ru", "Статья 127-1. Торговля людьми", "article", "", "127-1"),
    ("ru", "СТАТЬЯ 5", "article", "", "5"),
    ("ru", "Ст. 5. Цели", "article", "", "5"),
    ("ru", "5-статья. Понятия", "article", "", "5"),
    ("ru", "Раздел II", "struct", "part", "II"),
    ("ru", "2-раздел", "struct", "part", "2"),
    ("ru", "Глава 3. Общие положения", "struct", "chapter", "3"),
    ("ru", "3-глава", "struct", "chapter", "3"),
    ("ru", "Параграф 2", "struct", "division", "2"),
    ("ru", "Приложение 1", "struct", "schedule", "1"),
    ("ru", "Примечание. 1. Лицо", "note", "", "Примечание"),
    ("ru", "Примечания:", "note", "", "Примечания"),
    ("ru", "Сноска. Внесены изменения", "remark", "", ""),
    ("ru", "Пояснение 1. Текст", "note", "", "Пояснение 1"),
    ("ru", "а) вербовка", "item", "", "а)"),
    ("ru", "Статьи настоящего закона", "plain", "", ""),
    ("kk", "128-бап. Адам саудасы", "article", "", "128"),
    ("kk", "1-тарау. Жалпы ережелер", "struct", "chapter", "1"),
    ("kk", "ТАРАУ 2", "struct", "chapter", "2"),
    ("kk", "2-бөлім", "struct", "part", "2"),
    ("kk", "Бөлім 3", "struct", "part", "3"),
    ("kk", "Ескерту. Осы бапта", "note", "", "Ескерту"),
    ("kk", "ә) мәжбүрлеу", "item", "", "ә)"),
    ("ky", "5-берене. Адам сатуу", "article", "", "5"),
    ("ky", "2-бөлүм. Жалпы жоболор", "struct", "chapter", "2"),
    ("ky", "Эскертүү. Ушул беренеде", "note", "", "Эскертүү"),
    ("ky", "ү) тартуу", "item", "", "ү)"),
    ("tk", "5-nji madda. Adam söwdasy", "article", "", "5"),
    ("tk", "Bap 2", "struct", "chapter", "2"),
    ("tk", "Bölüm 1", "struct", "part", "1"),
    ("tk", "2-bölüm", "struct", "part", "2"),
    ("tk", "Eskertme. Şu maddada", "note", "", "Eskertme"),
    ("uz", "5-modda. Odam savdosi", "article", "", "5"),
    ("uz", "12-moddasi", "article", "", "12"),
    ("uz", "135-модда. Одам савдоси", "article", "", "135"),
    ("uz", "2-bob. Umumiy qoidalar", "struct", "chapter", "2"),
    ("uz", "1-bo'lim", "struct", "part", "1"),
    ("uz", "QISM 1", "struct", "part", "1"),
    ("uz", "Izoh. Ushbu moddada", "note", "", "Izoh"),
    ("tg", "Моддаи 130.1. Савдои одамон", "article", "", "130.1"),
    ("tg", "Модда 5", "article", "", "5"),
    ("tg", "БОБИ 2", "struct", "chapter", "2"),
    ("tg", "Бахши 1", "struct", "part", "1"),
    ("tg", "Эзоҳ. Дар ин модда", "note", "", "Эзоҳ"),
    ("tg", "ҷ) ҳамлу нақл", "item", "", "ҷ)"),
]


@pytest.mark.parametrize(
    ("code", "line", "t", "kind", "num"), LINES, ids=[f"{r[0]}:{r[1][:24]}" for r in LINES]
)
def test_line_classes(code: str, line: str, t: str, kind: str, num: str) -> None:
    c = classify(line)
    assert (c.t, c.kind, c.num) == (t, kind, num)


def test_every_language_has_an_article_row() -> None:
    assert {r[0] for r in LINES if r[2] == "article"} == set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_an_article_word(code: str) -> None:
    data = lang.vocabulary(code, "structure")
    assert data, f"lexcheck/lang/{code}/structure.yaml is missing or empty"
    assert data.get("article_words") or data.get("article_suffixes")


@pytest.mark.parametrize("code", CODES)
def test_every_entry_is_a_valid_cue(code: str) -> None:
    """Lists are alternatives of regular expressions; mappings map one letter to text; strings compile."""
    for key, entry in lang.vocabulary(code, "structure").items():
        if isinstance(entry, dict):
            assert all(isinstance(k, str) and len(k) == 1 for k in entry), key
        elif isinstance(entry, list):
            assert entry and all(isinstance(e, str) for e in entry), key
            re.compile(lang.alternatives(entry))
        else:
            assert isinstance(entry, str), key
            re.compile(entry)


# (heading, purposes/findings/policy heading?)
PURPOSES = [
    ("Purposes and findings", True),
    ("Declaration of Policy", True),
    ("Objects of the Act", True),
    ("Sense of Congress", True),
    ("Цели настоящего Закона", True),
    ("Осы Заңның мақсаттары", True),
    ("Мақсади Қонуни мазкур", True),
    ("Ushbu qonunning maqsadi", True),
    ("Kanunyň maksady", True),
    ("Мыйзамдын максаты", True),
    ("Purposes of sentencing in trafficking cases", False),
    ("Trafficking in persons", False),
    ("Торговля людьми", False),
]


@pytest.mark.parametrize(("heading", "expected"), PURPOSES)
def test_purpose_headings(heading: str, expected: bool) -> None:
    assert bool(cues.PURPOSE_HEADING.match(heading)) is expected


# (heading, heading of a definitions article?)
DEFINITION_HEADINGS = [
    ("Definitions", True),
    ("Interpretation", True),
    ("Meaning of certain terms", True),
    ("Основные понятия", True),
    ("Термины и определения", True),
    ("Негізгі ұғымдар", True),
    ("Негизги түшүнүктөр", True),
    ("Мафҳумҳои асосӣ", True),
    ("Esasy düşünjeler", True),
    ("Asosiy tushunchalar", True),
    ("Offences", False),
    ("Наказание", False),
]


@pytest.mark.parametrize(("heading", "expected"), DEFINITION_HEADINGS)
def test_definition_headings(heading: str, expected: bool) -> None:
    assert bool(cues.DEF_CONTEXT.search(heading)) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [("ARRANGEMENT OF SECTIONS", True), ("Table of Contents", True), ("Оглавление", True), ("Мазмұны", True),
     ("Mundarija", True), ("Мундариҷа", True), ("Contentsof", False), ("Arrangements", False)],
)  # fmt: skip
def test_toc_titles(title: str, expected: bool) -> None:
    assert bool(cues.TOC_TITLE.match(title)) is expected


def test_one_definition_of_each_cue() -> None:
    """The law modules read the cues of lexcheck.law.cues, not copies of their own."""
    assert operative.PURPOSE_HEADING is cues.PURPOSE_HEADING
    assert definitions.DEF_CONTEXT is cues.DEF_CONTEXT


# (text, language)
SAMPLES = [
    ("Article 1. Any person who recruits another person shall be liable.", "en"),
    ("Статья 1. Торговля людьми, то есть купля-продажа человека, наказывается лишением свободы.", "ru"),
    ("1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар және адам саудасы туралы.", "kk"),
    ("1-берене. Ушул Мыйзамда колдонулуучу негизги түшүнүктөр жана адам сатуу боюнча.", "ky"),
    ("1-nji madda. Şu Kanunda ulanylýan esasy düşünjeler we adam söwdasy bilen baglanyşykly.", "tk"),
    ("1-modda. Ushbu qonunda qoʻllaniladigan asosiy tushunchalar va odam savdosi boʻyicha.", "uz"),
    ("Моддаи 1. Мафҳумҳои асосӣ дар Қонуни мазкур ва хариду фурӯши одамон.", "tg"),
]


@pytest.mark.parametrize(("text", "code"), SAMPLES, ids=[s[1] for s in SAMPLES])
def test_language_detection(text: str, code: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize(
    ("num", "token"),
    [("б)", "b"), ("ж)", "zh"), ("щ", "shch"), ("Щ", "SHCH"), ("ә)", "a"), ("ң", "ng"), ("ҷ)", "j"),
     ("ӯ", "u"), ("ъ", ""), ("129/1", "129-1"), ("(4.11)", "4-11")],
)  # fmt: skip
def test_transliteration(num: str, token: str) -> None:
    assert eid_token(num) == token


@pytest.mark.parametrize(
    ("text", "eids"),
    [
        ("Статья 1. Понятия\n1) вербовка - наем лица;\nа) первое;\nб) второе.\n",
         ["art_1", "art_1__point_1", "art_1__point_1__point_a", "art_1__point_1__point_b"]),
        ("5-бап. Адам саудасы\n1. Мәтін.\nЕскерту. Осы бапта.\n",
         ["art_5", "art_5__para_1", "art_5__para_note"]),
        ("Моддаи 2. Мафҳумҳо\nҷ) ҳамлу нақл;\n", ["art_2", "art_2__point_j"]),
    ],
    ids=["ru", "kk", "tg"],
)  # fmt: skip
def test_trees_in_other_languages(text: str, eids: list[str]) -> None:
    assert [p.eid for p in parse_structure(text).walk()][1:] == eids


# --- the loader on data files built here ------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """lexcheck.lang reading tmp_path instead of its own folder (caches cleared before and after)."""
    cached = (lang.vocabulary, lang.regex, lang.merged_regex, lang.merged_list, lang.merged_mapping,
              lang.merged_letters)  # fmt: skip

    def clear() -> None:
        for f in cached:
            f.cache_clear()

    clear()
    monkeypatch.setattr(lang, "_HERE", tmp_path)
    yield tmp_path
    monkeypatch.undo()
    clear()


def _write(root, code: str, body: str) -> None:
    (root / code).mkdir(exist_ok=True)
    (root / code / "structure.yaml").write_text(body, encoding="utf-8")


def test_loader_merges_languages(data_dir) -> None:
    _write(data_dir, "aa", "words: [x, 'y\\.']\nletters: abc\nmap: {a: one, b: two}\n")
    _write(data_dir, "bb", "words: z\nletters: cde\nmap: {a: other, c: three}\n")
    (data_dir / "_notes").mkdir()
    assert lang.languages() == ("aa", "bb")
    assert lang.merged_list("structure", "words") == ("x", "y\\.", "z")
    assert lang.merged_letters("structure", "letters") == "abcde"
    assert lang.merged_mapping("structure", "map") == {"a": "one", "b": "two", "c": "three"}
    assert lang.merged_regex("structure", "words").fullmatch("y.")
    assert lang.merged_list("structure", "missing") == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [("", {}), ("# only a comment\n", {}), ("key: value\n", {"key": "value"})],
)
def test_loader_empty_and_missing_files(data_dir, body: str, expected: dict) -> None:
    _write(data_dir, "aa", body)
    assert lang.vocabulary("aa", "structure") == expected
    assert lang.vocabulary("zz", "structure") == {}
    assert lang.regex("aa", "structure", "nothing") is None
