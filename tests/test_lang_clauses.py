"""The drafting vocabulary in lexcheck/lang/<code>/clauses.yaml, read by the analysis: one row per
(sentence, language, what must be read from it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexcheck.analysis import context, parameters, rules
from lexcheck.analysis.numbers import parse_number
from lexcheck.lang import languages, source_language, value, vocabulary
from lexcheck.law.citation import citation
from lexcheck.law.model import Provision
from lexcheck.law.sentences import sentence_around, split_sentences

ANALYSIS = Path(context.__file__).parent


@pytest.mark.parametrize(
    ("sentence", "lang", "ages"),
    [
        ("a person under the age of eighteen years", "en", [18]),
        ("any person who has not attained 16 years of age", "en", [16, 16]),
        ("a person aged less than 18", "en", [18, 18]),
        ("imprisonment for a term of not less than ten years", "en", []),
        ("a term not under 18 years", "en", []),
        ("лицо, не достигшее восемнадцатилетнего возраста", "ru", [18, 18]),
        ("лица, не достигшего 18-летнего возраста", "ru", [18, 18]),
        ("лишением свободы на срок от двенадцати до восемнадцати лет", "ru", []),
        ("он сегіз жасқа толмаған адам", "kk", [18]),
        ("он сегиз жашка толо элек адам", "ky", [18]),
        ("on sekiz ýaşyna ýetmedik adam", "tk", [18]),
        ("a child under the age of 18", "xx", [18]),  # a language without its own wording: English
    ],
)
def test_child_age(sentence, lang, ages):
    assert [f.value for f in parameters.child_ages(sentence, lang)] == ages


@pytest.mark.parametrize(
    ("sentence", "lang", "days"),
    [
        ("a recovery and reflection period of thirty (30) days", "en", [30]),
        ("a period of one month", "en", [30]),
        ("for a month", "en", []),  # English needs the number written
        ("at least three weeks", "en", [21]),
        ("срок восстановления и размышления тридцати дней", "ru", [30]),
        ("в течение один месяц", "ru", [30]),
        ("30 days", "kk", [30]),  # Kazakh has no period wording of its own: English
        ("days", "en", []),
    ],
)
def test_period_in_days(sentence, lang, days):
    assert [f.value for f in parameters.periods_days(sentence, lang)] == days


@pytest.mark.parametrize(
    ("sentence", "lang", "years"),
    [
        ("shall be liable to imprisonment for a term not exceeding 20 years", "en", 20),
        ("punishable with imprisonment from four to ten years", "en", 10),
        ("shall be imprisoned for life", "en", parameters.LIFE),
        ("liable to a fine not exceeding 5,000 dollars", "en", None),
        ("наказывается лишением свободы на срок от восьми до пятнадцати лет", "ru", 15),
        (
            "наказывается лишением свободы на срок до пяти лет с лишением права занимать "
            "определенные должности на срок до пятнадцати лет",
            "ru",
            5,
        ),
        ("наказывается пожизненным лишением свободы", "ru", parameters.LIFE),
        # Kazakh puts the term before the sanction, and is often typed with a Latin i
        ("төрт жылдан жеті жылға дейiнгi мерзiмге бас бостандығынан айыруға жазаланады", "kk", 7),
        ("өмір бойы бас бостандығынан айыруға жазаланады", "kk", parameters.LIFE),
        ("shall be punished by imprisonment up to 12 years", "ky", 12),  # no Kyrgyz term wording: English
    ],
)
def test_max_imprisonment(sentence, lang, years):
    fig = parameters.max_imprisonment(sentence, lang)
    assert (fig.value if fig else None) == years
    if fig:
        assert sentence[fig.start : fig.end] == fig.quote


@pytest.mark.parametrize(
    ("sentence", "lang", "fine_instead"),
    [
        ("shall be punished with imprisonment for seven years, or with fine", "en", True),
        ("shall be punished with imprisonment for seven years and with fine", "en", False),
        ("liable to imprisonment or both", "en", True),
        ("наказывается штрафом в размере до пятисот тысяч рублей либо лишением свободы", "ru", True),
        ("наказывается лишением свободы на срок до восьми лет", "ru", False),
        ("or with fine", "kk", True),  # no Kazakh wording: English
    ],
)
def test_fine_instead_of_imprisonment(sentence, lang, fine_instead):
    assert bool(parameters.fine_alternative(sentence, lang)) is fine_instead


@pytest.mark.parametrize(
    ("words", "lang", "number"),
    [
        ("thirty (30)", "en", 30),
        ("twenty-five", "en", 25),
        ("18", "en", 18),
        ("2.5", "en", 2.5),
        ("восьми", "ru", 8),
        ("двадцати пяти", "ru", 25),
        ("десяти", "ru", 10),
        ("трех", "ru", 3),
        ("третий", "ru", None),  # a short stem counts only in its number forms
        ("он екі", "kk", 12),
        ("жетi", "kk", 7),  # Latin i typed for the Kazakh letter
        ("elephant", "en", None),
    ],
)
def test_number_words(words, lang, number):
    assert parse_number(words, lang) == number


@pytest.mark.parametrize(
    ("cue", "sentence", "found"),
    [
        (context.AGGRAVATED, "2. Те же деяния, совершенные группой лиц", True),
        (context.AGGRAVATED, "The same acts\n   committed by an official", True),
        (context.AGGRAVATED, "2. Осы баптың бірінші бөлігінде көзделген", True),
        (context.AGGRAVATED, "Whoever recruits a person", False),
        (context.AGGRAVATED_LEAD, "2. Мынадай: а) ...", True),
        (context.AGGRAVATED_LEAD, "(4) Where the offence involves the trafficking of a child", True),
        (context.AGGRAVATED_LEAD, "a person who, where the victim is taken across the border", False),
        (context.TRAFFICKING, "Торговля людьми", True),
        (context.TRAFFICKING, "Адам саудасы", True),
        (context.TRAFFICKING, "Adam söwdasy", True),
        (context.TRAFFICKING, "Odam savdosi", True),
        (context.TRAFFICKING, "smuggling of migrants", False),
        (context.OFFENCE, "наказывается лишением свободы", True),
        (context.OFFENCE, "jazolanadi", True),
        (context.OFFENCE, "The Minister shall publish a report", False),
        (rules.CHILD, "если потерпевший несовершеннолетний", True),
        (rules.CHILD, "where the victim is a child", True),
        (rules.ADULT, "совершеннолетнего лица", True),
        (rules.SEXUAL, "в целях сексуальной эксплуатации", True),
        (rules._INCLUDING, "в том числе путем обмана", True),
        (rules._INCLUDING, "şol sanda", True),
        (rules._CHILD_LIMB, "by force, or where the person has not attained the age of 18", True),
        (rules._CHILD_LIMB, "by force, fraud or coercion", False),
        (rules._WITHIN, "как внутри страны, так и за ее пределами", True),
    ],
)
def test_drafting_cues(cue, sentence, found):
    assert bool(cue.search(sentence)) is found


def _article(num: str, kind: str = "article") -> Provision:
    return Provision(eid=f"art_{num}", kind=kind, num=num, start=0, end=40)


@pytest.mark.parametrize(
    ("first_line", "num", "cite"),
    [
        ("Article 5. Definitions", "5", "Art. 5"),
        ("§ 1591. Sex trafficking", "1591", "§ 1591"),
        ("Section 2 Human trafficking", "2", "s. 2"),
        ("Статья 128. Торговля людьми", "128", "ст. 128"),
        ("128-бап. Адам саудасы", "128", "128-бап"),
        ("124-берене. Адам сатуу", "124", "124-берене"),
        ("129 madda. Adam söwdasy", "129", "129-madda"),
        ("Моддаи 130. Савдои одам", "130", "моддаи 130"),
        ("2. Human trafficking", "2", "s. 2"),
        ("HUMAN TRAFFICKING", "7", "s. 7"),  # a numbered section under a marginal note
    ],
)
def test_citation_form_follows_the_article_words(first_line, num, cite):
    assert citation(_article(num), first_line.ljust(40)) == cite


def test_citation_of_a_paragraph_names_its_article():
    art = _article("4")
    para = Provision(eid="art_4__para_2", kind="paragraph", num="2", parent=art)
    point = Provision(eid="art_4__para_2__point_b", kind="point", num="b)", parent=para)
    assert citation(point, "Article 4. Trafficking".ljust(40)) == "Art. 4(2)(b)"
    assert citation(None) == ""


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "First sentence. Second one; (a) third: 4. fourth",
            ["First sentence.", "Second one;", "(a) third:", "4. fourth"],
        ),
        ("1. Те же деяния. Совершенные", ["1.", "Те же деяния.", "Совершенные"]),
        ("e.g. lower case goes on", ["e.g. lower case goes on"]),
        ("", []),
    ],
)
def test_sentence_split(text, pieces):
    assert split_sentences(text) == pieces


def test_sentence_around_a_phrase():
    text = "Intro.\nA person who recruits another commits an offence; next item."
    quote, s, e = sentence_around(text, text.index("recruits"), text.index("recruits") + 8)
    assert quote == "A person who recruits another commits an offence;" and text[s:e].strip() == quote


def test_every_language_has_clauses_and_english_is_the_fallback():
    assert set(languages()) == {"en", "ru", "kk", "ky", "tk", "uz", "tg"}
    for lang in languages():
        assert vocabulary(lang, "clauses"), lang
        assert value(lang, "clauses", "offence.names_trafficking"), lang
    assert source_language("ky", "clauses", "penalty.terms") == "en"
    assert source_language("ru", "clauses", "penalty.terms") == "ru"


def test_vocabulary_is_not_spelled_in_the_analysis_code():
    cyrillic = re.compile(r"[\u0400-\u04ff]")
    lines = [
        f"{path.name}:{i}"
        for path in [*sorted(ANALYSIS.glob("*.py")), ANALYSIS.parent / "nlp.py"]
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if cyrillic.search(line)
    ]
    assert len(lines) <= 3, lines
    code = "\n".join(p.read_text(encoding="utf-8") for p in ANALYSIS.glob("*.py"))
    assert not re.search(r"lang\s*==\s*\"|lang in \(", code)
    assert not re.search(r"\"[A-Z]+-\d+[a-z]?-[\w-]+\"", code)  # no requirement id
