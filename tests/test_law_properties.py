"""Property-based checks of the provision tree: offsets, nesting, and that no text is lost or doubled."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexcheck.law import parse_text
from lexcheck.law.structure import parse_structure

LINES = [
    "PART 1",
    "Part II – GENERAL",
    "CHAPTER 77— PEONAGE",
    "Глава 1. Общие положения",
    "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР",
    "I BAP. UMUMY",
    "Article 129/1. Trafficking in human beings",
    "Art. 5",
    "Статья 127.1. Торговля людьми",
    "§ 1589. Forced labor",
    "SEC. 2. Declaration of Policy.",
    "Section 3",
    "2 Human trafficking",
    "279.01 Trafficking in persons",
    "7102. Definitions",
    "1-бап. Негізгі ұғымдар",
    "1-берене.",
    "1-nji madda. Esasy düşünjeler",
    "135-modda. Odam savdosi",
    "Моддаи 1. Мафҳумҳои асосӣ",
    "(1) A person commits an offence if—",
    "(2)",
    "1. Купля-продажа человека —",
    "2. Те же деяния, совершенные:",
    "(a) the person holds another person in slavery, or",
    "(b) the person requires forced labour.",
    "a) against two or more persons;",
    "а) в отношении двух лиц;",
    "б) несовершеннолетнего;",
    "e) for the purpose of organs",
    "1) human trafficking – the purchase and sale of a person;",
    "- (a) to imprisonment for life",
    "  - (i) for a first offence",
    "(i) section 1(1)(a), or",
    "(ii) Part 1 of the Act",
    "(h) sexual exploitation;",
    "(I) constitutes an offence",
    "shall be punishable by deprivation of liberty.",
    "наказываются лишением свободы.",
    "Sexual exploitation",
    "Short title, extent and commencement:",
    "Definitions",
    '"child" means a person under eighteen years of age;',
    "“exploitation” includes—",
    "вербовка - наем лиц;",
    "Notes:",
    "Примечания. 1. Лицо освобождается.",
    "Explanation 1.—The expression “exploitation” shall include any act.",
    "[History: 2005, c. 43, s. 3]",
    "(В редакции Федерального закона от 25.11.2008 № 218-ФЗ)",
    "Сноска. Статья 128 с изменениями, внесенными Законом РК.",
    "THE GAZETTE OF PAKISTAN EXTRA, JUNE 2, 2018",
    "Price 5.00",
    "ARRANGEMENT OF SECTIONS",
    "WHEREAS it is necessary to provide for effective measures;",
    "12",
    "SCHEDULE 1 — Offences",
    "Abetment and criminal conspiracy (1) Any person who participates",
    "The Task Force shall be chaired by the Secretary of State.",
    "",
    "",
    "   ",
]

line_text = st.one_of(
    st.sampled_from(LINES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40),
    st.text(alphabet="()[]-—–.:;,\"“”'1234567890abcivxаб §\t ", min_size=0, max_size=12),
)
documents = st.lists(line_text, min_size=0, max_size=40).map("\n".join)


def check_tree(text: str) -> None:
    root = parse_structure(text)
    n = len(text)
    owners = [0] * n
    eids = set()
    for p in root.walk():
        assert 0 <= p.start <= p.end <= n, (p.eid, p.start, p.end)
        assert 0 <= p.text_start <= p.text_end <= n, p.eid
        if p.kind != "document":
            assert p.start <= p.text_start and p.text_end <= p.end, p.eid
            assert p.eid and p.eid not in eids, p.eid
            eids.add(p.eid)
            assert p.text == text[p.text_start : p.text_end]
        for k in range(p.text_start, p.text_end):
            owners[k] += 1
        prev_end = p.text_end if p.text_end > p.text_start else p.start
        for child in p.children:
            assert child.parent is p
            assert p.start <= child.start and child.end <= p.end, (p.eid, child.eid)
            assert child.start >= prev_end, (p.eid, child.eid, child.start, prev_end)  # siblings in order
            prev_end = child.end
    for k, ch in enumerate(text):
        if not ch.isspace():
            assert owners[k] == 1, (k, ch, owners[k], text[max(0, k - 30) : k + 30])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_tree_invariants_random_documents(text):
    check_tree(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=300))
def test_tree_invariants_any_text(text):
    check_tree(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_whole_pipeline_never_crashes(text):
    doc = parse_text(text)
    for d in doc.definitions:
        assert 0 <= d.start <= d.end <= len(doc.text)
        assert doc.get(d.eid) is not None
