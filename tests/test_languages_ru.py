"""Russian statutory clauses, written the way CIS laws and criminal codes are, through the whole engine.

Each text goes to a file, ``lexcheck.analyze`` reads it with language detection (it must come out ``ru``)
and the findings are checked element by element: the Palermo definition (acts, means, forms of
exploitation) positive and negative, the criminal-code structure (a basic offence without means and
"Те же деяния, совершенные: ..." aggravations), the age of a child, penalties written in words, and the
non-punishment trap of the Russian note to Art. 127.1 (an exemption for a perpetrator who frees the
victim). The style follows ../shared/corpus (ru-criminal-code-127-1, kz-criminal-code-128-135,
kz-law-2024, uz-law-2008-2020, kg-law-2005), but nothing here needs ../shared.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import lexcheck

# ---------------------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    """``analyse(text)`` -> GapAnalysis, once per distinct text in this module; checks the language is ru."""
    root = tmp_path_factory.mktemp("ru")
    cache: dict[str, object] = {}

    def run(text: str, language: str = "ru"):
        text = textwrap.dedent(text).strip() + "\n"
        if text not in cache:
            path = root / f"zakon-{hashlib.sha1(text.encode()).hexdigest()[:10]}.txt"
            path.write_text(text, encoding="utf-8")
            result = lexcheck.analyze(path)
            assert result.documents[0].language == language, result.documents[0].language
            cache[text] = result
        return cache[text]

    return run


def elements(result, rid: str, state: str | None = None):
    found = {e.key: e.status for e in result.finding(rid).elements}
    return found if state is None else {k for k, v in found.items() if v == state}


def param(result, rid: str, name: str):
    return next(p.value for p in result.finding(rid).parameters if p.name == name)


def qualifiers(result, rid: str) -> set[str]:
    return {q.key for q in result.finding(rid).qualifiers}


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " или " + items[-1]


# ------------------------------------------------------------ the Palermo definition, element by element

ACTS = {
    "recruitment": "вербовка",
    "transportation": "перевозка",
    "transfer": "передача",
    "harbouring": "укрывательство",
    "receipt": "получение",
}

# (element keys, wording in the official Russian text of Art. 3(a), wording without one of the keys)
MEANS = [
    ({"threat", "force"}, "угрозы силой или ее применения", {"threat": "применения силы", "force": "угрозы силой"}),
    ({"coercion"}, "других форм принуждения", {}),
    ({"abduction"}, "похищения", {}),
    ({"fraud"}, "мошенничества", {}),
    ({"deception"}, "обмана", {}),
    (
        {"abuse_of_power", "abuse_of_vulnerability"},
        "злоупотребления властью или уязвимостью положения",
        {"abuse_of_power": "злоупотребления уязвимостью положения", "abuse_of_vulnerability": "злоупотребления властью"},
    ),
    (
        {"payments_to_controller"},
        "либо путем подкупа в виде платежей или выгод для получения согласия лица, контролирующего другое лицо",
        {},
    ),
]  # fmt: skip
MEANS_KEYS = set().union(*(keys for keys, _, _ in MEANS))

FORMS = {
    "sexual_exploitation": "эксплуатация проституции других лиц или другие формы сексуальной эксплуатации",
    "forced_labour": "принудительный труд или услуги",
    "slavery": "рабство или обычаи, сходные с рабством",
    "servitude": "подневольное состояние",
    "organ_removal": "изъятие органов или тканей",
}


def definition_law(without: str | None = None) -> str:
    """Art. 1 of a CTIP law (kz-law-2024 layout) with the Palermo definition, less one element."""
    acts = [w for k, w in ACTS.items() if k != without]
    means = []
    for keys, wording, variants in MEANS:
        if without in keys:
            if without in variants:
                means.append(variants[without])
        else:
            means.append(wording)
    forms = [w for k, w in FORMS.items() if k != without]
    return f"""
        О противодействии торговле людьми

        Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

        Статья 1. Основные понятия, используемые в настоящем Законе

        В настоящем Законе используются следующие основные понятия:

        1) торговля людьми – осуществляемые в целях эксплуатации {_or_list(acts)} людей путем {", ".join(means)};

        2) эксплуатация человека – {_or_list(forms)};

        3) жертва торговли людьми – физическое лицо, в отношении которого совершена торговля людьми;
    """


def test_full_definition_provides_every_act_means_and_form(analyse):
    r = analyse(definition_law())
    assert r.finding("PAL-3a-acts").status == "covered"
    assert elements(r, "PAL-3a-acts", "found") == set(ACTS)
    assert r.finding("PAL-3a-means").status == "covered"
    assert elements(r, "PAL-3a-means", "found") == MEANS_KEYS
    assert r.finding("PAL-3a-purpose").status == "covered"
    assert r.finding("PAL-3a-exploitation-forms").status == "covered"
    assert elements(r, "PAL-3a-exploitation-forms", "found") >= set(FORMS)
    # the evidence quotes the Russian words and cites the Russian numbering
    ev = next(e for e in r.finding("PAL-3a-acts").elements if e.key == "recruitment").evidence[0]
    assert ev.quote.lower().startswith("вербовк") and ev.eid.startswith("art_1")


@pytest.mark.parametrize("key", sorted(ACTS))
def test_definition_without_one_act_misses_exactly_that_act(analyse, key):
    r = analyse(definition_law(without=key))
    assert r.finding("PAL-3a-acts").status == "partial"
    assert elements(r, "PAL-3a-acts", "missing") == {key}


@pytest.mark.parametrize("key", sorted(MEANS_KEYS))
def test_definition_without_one_means_misses_exactly_that_means(analyse, key):
    r = analyse(definition_law(without=key))
    assert r.finding("PAL-3a-means").status == "partial"
    assert elements(r, "PAL-3a-means", "missing") == {key}


@pytest.mark.parametrize("key", sorted(FORMS))
def test_definition_without_one_form_of_exploitation_misses_exactly_that_form(analyse, key):
    r = analyse(definition_law(without=key))
    assert r.finding("PAL-3a-exploitation-forms").status == "partial"
    assert elements(r, "PAL-3a-exploitation-forms", "missing") - {"open_ended_list"} == {key}


@pytest.mark.parametrize(
    ("wording", "key"),
    [
        ("с использованием беспомощного состояния потерпевшего", "abuse_of_vulnerability"),
        (
            "с использованием материальной или иной зависимости потерпевшего от виновного",
            "abuse_of_vulnerability",
        ),
        (
            "путем передачи денег или иного вознаграждения лицу, контролирующему другое лицо",
            "payments_to_controller",
        ),
        ("путем обмана или злоупотребления доверием", "fraud"),
        ("с использованием служебного положения", "abuse_of_power"),
        ("с применением насилия или с угрозой его применения", "force"),
        ("с применением насилия или с угрозой его применения", "threat"),
        ("путем похищения человека", "abduction"),
        ("путем шантажа", "coercion"),
    ],
)
def test_means_in_other_cis_wordings(analyse, wording, key):
    r = analyse(f"""
        Статья 1. Основные понятия

        В настоящем Законе используются следующие основные понятия:

        1) торговля людьми – вербовка, перевозка, передача, укрывательство или получение человека {wording} в целях эксплуатации;
    """)
    assert key in elements(r, "PAL-3a-means", "found")
    assert r.finding("PAL-3a-means").status == "partial"  # one means of nine: the list is incomplete


def test_official_russian_palermo_wording_with_extraction_of_organs(analyse):
    """The official Russian text of Art. 3(a) says "извлечение органов", and "как минимум" opens the list."""
    r = analyse("""
        Статья 2. Основные понятия

        1) торговля людьми – осуществляемые в целях эксплуатации вербовка, перевозка, передача, укрывательство или получение людей путем угрозы силой или ее применения или других форм принуждения, похищения, мошенничества, обмана, злоупотребления властью или уязвимостью положения, либо путем подкупа в виде платежей или выгод для получения согласия лица, контролирующего другое лицо. Эксплуатация включает, как минимум, эксплуатацию проституции других лиц или другие формы сексуальной эксплуатации, принудительный труд или услуги, рабство или обычаи, сходные с рабством, подневольное состояние или извлечение органов;
    """)
    assert r.finding("PAL-3a-acts").status == "covered"
    assert r.finding("PAL-3a-means").status == "covered"
    assert r.finding("PAL-3a-exploitation-forms").status == "covered"
    assert elements(r, "PAL-3a-exploitation-forms", "found") == set(FORMS) | {"open_ended_list"}
    assert "organ_removal" in elements(r, "EU-2-3-exploitation", "found")


@pytest.mark.parametrize(
    "clause",
    [
        "Лицо, которое в целях эксплуатации вербует, перевозит, передает, укрывает или получает человека, -",
        "Лицо, которое в целях эксплуатации завербовало, перевезло, передало, укрыло или получило человека, -",
        "Вербовка, перемещение, укрывательство, передача или получение человека, совершенные с целью эксплуатации, -",
    ],
    ids=["present-tense-verbs", "past-tense-verbs", "peremeshchenie"],
)
def test_acts_written_as_verbs_or_as_peremeshchenie(analyse, clause):
    r = analyse(f"""
        Статья 149. Торговля людьми

        1. {clause}
        наказывается лишением свободы на срок от пяти до двенадцати лет.
    """)
    assert elements(r, "PAL-3a-acts", "found") == set(ACTS)
    assert r.finding("PAL-3a-acts").status == "covered"
    assert r.finding("PAL-3a-purpose").status == "covered"
    eu = elements(r, "EU-2-1-acts-means")
    assert {
        k: eu[k] for k in ("recruitment", "transportation", "transfer", "harbouring", "reception")
    } == dict.fromkeys(("recruitment", "transportation", "transfer", "harbouring", "reception"), "found")


def test_a_payment_to_a_controller_is_not_an_exchange_of_control(analyse):
    r = analyse("""
        Статья 1. Основные понятия

        1) торговля людьми – вербовка, перевозка, передача, укрывательство или получение человека путем передачи денег лицу, контролирующему другое лицо, в целях эксплуатации;
    """)
    assert "payments_to_controller" in elements(r, "PAL-3a-means", "found")
    assert elements(r, "EU-2-1-acts-means")["exchange_of_control"] == "missing"


def test_sale_of_a_person_alone_is_not_an_act_of_trafficking(analyse):
    r = analyse("""
        Статья 1. Основные понятия

        1) торговля людьми – купля-продажа человека или иные сделки в отношении человека в целях его эксплуатации;
    """)
    assert r.finding("PAL-3a-acts").status == "missing"
    assert elements(r, "PAL-3a-acts", "found") == set()


# ------------------------------------------------------------------- the Russian criminal-code structure

CRIMINAL_CODE = """
    Уголовный кодекс

    ГЛАВА 17. ПРЕСТУПЛЕНИЯ ПРОТИВ СВОБОДЫ, ЧЕСТИ И ДОСТОИНСТВА ЛИЧНОСТИ

    Статья 127.1. Торговля людьми

    1. Купля-продажа человека, иные сделки в отношении человека, а равно совершенные в целях его эксплуатации вербовка, перевозка, передача, укрывательство или получение -
    наказываются лишением свободы на срок от четырёх до десяти лет.
    2. Те же деяния, совершенные:
    а) в отношении двух или более лиц;
    б) в отношении несовершеннолетнего;
    в) лицом с использованием своего служебного положения;
    г) с перемещением потерпевшего через Государственную границу Российской Федерации или с незаконным удержанием его за границей;
    д) с использованием поддельных документов, а равно с изъятием, сокрытием либо уничтожением документов, удостоверяющих личность потерпевшего;
    е) с применением насилия или с угрозой его применения;
    ж) в целях изъятия у потерпевшего органов или тканей;
    з) в отношении лица, заведомо для виновного находящегося в беспомощном состоянии либо в материальной или иной зависимости от виновного, -
    наказываются лишением свободы на срок от восьми до пятнадцати лет.
    3. Деяния, предусмотренные частями первой или второй настоящей статьи:
    а) повлекшие по неосторожности смерть, причинение тяжкого вреда здоровью потерпевшего или иные тяжкие последствия;
    б) совершенные организованной группой, -
    наказываются лишением свободы на срок от восьми до пятнадцати лет с ограничением свободы на срок до двух лет либо без такового.
    Примечание. Под эксплуатацией человека в настоящей статье понимаются использование занятия проституцией другими лицами и иные формы сексуальной эксплуатации, рабский труд (услуги), подневольное состояние.
"""


def test_basic_offence_without_means_covers_means_and_child_trafficking(analyse):
    r = analyse(CRIMINAL_CODE)
    assert r.finding("PAL-3a-acts").status == "covered"
    assert elements(r, "PAL-3a-acts", "found") == set(ACTS)
    # "е) с применением насилия" and "в) ... служебного положения" aggravate; the basic offence needs no means
    assert r.finding("PAL-3a-means").status == "covered"
    assert elements(r, "PAL-3a-means", "not_required") == MEANS_KEYS
    assert r.finding("PAL-3c-child-no-means").status == "covered"
    assert elements(r, "PAL-3c-child-no-means") == {"child_without_means": "not_required"}
    assert r.finding("PAL-3a-purpose").status == "covered"


def test_note_defining_exploitation_gives_the_forms_and_the_aggravation_gives_organs(analyse):
    r = analyse(CRIMINAL_CODE)
    forms = elements(r, "PAL-3a-exploitation-forms")
    assert forms["sexual_exploitation"] == forms["slavery"] == forms["servitude"] == "found"
    assert forms["organ_removal"] == "found"  # ж) в целях изъятия у потерпевшего органов или тканей
    assert forms["forced_labour"] == "missing"  # "рабский труд" is slavery, not forced labour
    assert r.finding("PAL-3a-exploitation-forms").status == "partial"


def test_minor_named_only_as_an_aggravation_gives_no_age(analyse):
    r = analyse(CRIMINAL_CODE)
    assert param(r, "PAL-3d-child-u18", "child_age") is None
    assert r.finding("PAL-3d-child-u18").status in ("missing", "needs_review")


def test_penalties_written_in_words(analyse):
    r = analyse(CRIMINAL_CODE)
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 10  # "от четырёх до десяти лет"
    assert r.finding("EU-4-1-penalty-5y").status == "covered"
    assert param(r, "EU-4-2-aggravated-10y", "max_imprisonment_aggravated") == 15  # "от восьми до пятнадцати"
    aggravated = elements(r, "EU-4-2-aggravated-10y")
    assert aggravated["aggravated_penalty"] == aggravated["vulnerable_or_child_victim"] == "found"
    assert aggravated["criminal_organisation"] == aggravated["endangered_life"] == "found"
    assert r.finding("UNTOC-11-1-gravity").status == "covered"
    assert "fine_alternative" not in qualifiers(r, "UNTOC-11-1-gravity")


def test_basic_penalty_below_five_years_is_partial(analyse):
    r = analyse(CRIMINAL_CODE.replace("от четырёх до десяти лет", "от двух до четырёх лет"))
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 4
    assert r.finding("EU-4-1-penalty-5y").status == "partial"


def test_fine_as_an_alternative_to_imprisonment_is_partial(analyse):
    r = analyse(
        CRIMINAL_CODE.replace(
            "наказываются лишением свободы на срок от четырёх до десяти лет.",
            "наказываются штрафом в размере до пятисот тысяч рублей или в размере заработной платы или иного "
            "дохода осужденного за период до трех лет либо лишением свободы на срок до шести лет.",
        )
    )
    assert r.finding("UNTOC-11-1-gravity").status == "partial"
    assert "fine_alternative" in qualifiers(r, "UNTOC-11-1-gravity")
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 6


@pytest.mark.parametrize(
    ("sanction", "expected"),
    [
        pytest.param(
            "наказываются принудительными работами на срок до пяти лет либо лишением свободы на срок до четырёх лет.",
            4,
            id="forced-work-alternative",
        ),
        pytest.param(
            "наказываются лишением свободы на срок до четырёх лет с лишением права занимать определенные "
            "должности или заниматься определенной деятельностью на срок до пяти лет.",
            4,
            id="disqualification",
        ),
        pytest.param(
            "наказываются лишением свободы на срок до четырёх лет с ограничением свободы на срок до пяти лет "
            "либо без такового.",
            4,
            id="restriction-of-liberty",
        ),
    ],
)
def test_max_imprisonment_reads_the_term_of_imprisonment_not_of_another_penalty(analyse, sanction, expected):
    """Only the term of 'лишение свободы' counts, not that of forced work, disqualification or restriction.

    Regression: the longest 'до N лет' of the whole sanction sentence used to be taken (5, not 4)."""
    r = analyse(
        CRIMINAL_CODE.replace("наказываются лишением свободы на срок от четырёх до десяти лет.", sanction)
    )
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == expected
    assert r.finding("EU-4-1-penalty-5y").status == "partial"


# ------------------------------------------------------------------------------------ age of a child

AGE_LAW = """
    Статья 1. Основные понятия, используемые в настоящем Законе

    В настоящем Законе используются следующие основные понятия:

    1) торговля людьми – вербовка, перевозка, передача, укрывательство или получение лица, в том числе несовершеннолетнего, в целях эксплуатации;

    2) {definition};
"""


@pytest.mark.parametrize(
    ("definition", "age", "status"),
    [
        ("несовершеннолетний – лицо, не достигшее восемнадцати лет", 18, "covered"),
        ("несовершеннолетний – лицо, не достигшее восемнадцатилетнего возраста", 18, "covered"),
        ("ребенок – лицо, не достигшее возраста восемнадцати лет", 18, "covered"),
        ("ребенок – любое лицо в возрасте до восемнадцати лет", 18, "covered"),
        ("несовершеннолетний – лицо, не достигшее шестнадцати лет", 16, "partial"),
        ("несовершеннолетний – лицо, не достигшее шестнадцатилетнего возраста", 16, "partial"),
    ],
)
def test_child_age_from_a_russian_definition(analyse, definition, age, status):
    r = analyse(AGE_LAW.format(definition=definition))
    assert param(r, "PAL-3d-child-u18", "child_age") == age
    assert r.finding("PAL-3d-child-u18").status == status
    assert param(r, "COE-4d-child-u18", "child_age") == age


def test_minor_used_but_never_defined_has_no_age(analyse):
    r = analyse(
        AGE_LAW.format(definition="жертва торговли людьми – физическое лицо, пострадавшее от торговли людьми")
    )
    assert param(r, "PAL-3d-child-u18", "child_age") is None
    assert r.finding("PAL-3d-child-u18").status == "missing"


def test_a_term_of_imprisonment_is_not_an_age_limit(analyse):
    """Regression: 'на срок от двенадцати до восемнадцати лет' was once read as the age of a child."""
    r = analyse("""
        Статья 135. Торговля несовершеннолетними

        1. Купля-продажа или совершение иных сделок в отношении несовершеннолетнего, а равно его вербовка, перевозка, передача, укрывательство, получение в целях эксплуатации –
        наказываются лишением свободы на срок от пяти до девяти лет.
        2. Те же деяния, совершенные преступной группой, –
        наказываются лишением свободы на срок от двенадцати до восемнадцати лет.
    """)
    assert param(r, "PAL-3d-child-u18", "child_age") is None
    assert r.finding("PAL-3d-child-u18").status != "covered"


def test_element_agrees_with_the_age_found_in_a_separate_definition(analyse):
    """Regression: the age came from the definition of "ребенок" while the element stayed 'missing'."""
    r = analyse("""
        Статья 1. Основные понятия

        1) торговля людьми – вербовка, перевозка, передача, укрывательство или получение человека в целях эксплуатации;

        2) ребенок – лицо, не достигшее восемнадцати лет;
    """)
    assert r.finding("PAL-3d-child-u18").status == "covered"
    assert param(r, "PAL-3d-child-u18", "child_age") == 18
    assert elements(r, "PAL-3d-child-u18") == {"child_definition": "found"}


# --------------------------------------------------------------- non-punishment and the perpetrator trap

OFFENCE = """
    Статья 127.1. Торговля людьми

    1. Купля-продажа человека, иные сделки в отношении человека, а равно совершенные в целях его эксплуатации вербовка, перевозка, передача, укрывательство или получение -
    наказываются лишением свободы на срок от четырёх до десяти лет.
"""
PERPETRATOR_NOTE = (
    "Лицо, добровольно освободившее потерпевшего и способствовавшее раскрытию преступления, освобождается от "
    "уголовной ответственности, если в его действиях не содержится иного состава преступления."
)
VICTIM_NOTE = (
    "Лицо, являющееся жертвой торговли людьми, освобождается от уголовной ответственности за совершение "
    "преступлений, к совершению которых оно было принуждено вследствие торговли людьми."
)


def test_exemption_of_a_perpetrator_who_frees_the_victim_is_not_non_punishment(analyse):
    r = analyse(OFFENCE + f"    Примечание. {PERPETRATOR_NOTE}\n")
    finding = r.finding("COE-26-non-punishment")
    assert finding.status in ("missing", "needs_review")
    assert "perpetrator_exemption" in qualifiers(r, "COE-26-non-punishment")
    assert r.finding("EU-8-non-prosecution").status != "covered"


def test_exemption_of_the_victim_for_compelled_offences_is_non_punishment(analyse):
    r = analyse(OFFENCE + f"    Примечание. {VICTIM_NOTE}\n")
    assert r.finding("COE-26-non-punishment").status == "covered"
    assert elements(r, "COE-26-non-punishment", "found") == {"victim_not_penalised", "compulsion_link"}


def test_non_punishment_article_of_a_ctip_law(analyse):
    r = analyse(f"""
        Статья 20. Освобождение жертв торговли людьми от ответственности

        1. {VICTIM_NOTE}
    """)
    assert r.finding("COE-26-non-punishment").status == "covered"


def test_non_punishment_limited_to_illegal_border_crossing_is_partial(analyse):
    r = analyse("""
        Статья 20. Освобождение жертв торговли людьми от ответственности

        1. Жертва торговли людьми освобождается от административной ответственности за незаконное пересечение государственной границы, совершенное вследствие торговли людьми.
    """)
    assert r.finding("COE-26-non-punishment").status == "partial"
    assert "limited_to_offences_under_this_act" in qualifiers(r, "COE-26-non-punishment")


def test_victim_note_next_to_a_perpetrator_note_is_still_non_punishment(analyse):
    """Regression: the perpetrator note 1 once turned the genuine victim note 2 into needs_review."""
    r = analyse(OFFENCE + f"    Примечания. 1. {PERPETRATOR_NOTE}\n    2. {VICTIM_NOTE}\n")
    assert r.finding("COE-26-non-punishment").status == "covered"


# ------------------------------------------------------------------------------- the Russian report

_SCRIPT = Path(sys.executable).with_name("lexcheck")


def test_cli_writes_a_russian_word_report(tmp_path):
    docx = pytest.importorskip("docx")
    from lexcheck.report.i18n import strings

    law = tmp_path / "zakon.txt"
    law.write_text(textwrap.dedent(CRIMINAL_CODE).strip() + "\n", encoding="utf-8")
    out = tmp_path / "report.docx"
    cmd = (
        [str(_SCRIPT)]
        if _SCRIPT.exists()
        else ([shutil.which("lexcheck")] if shutil.which("lexcheck") else [])
    )
    cmd = cmd or [sys.executable, "-m", "lexcheck"]
    proc = subprocess.run(
        [*cmd, "analyze", str(law), "--report-lang", "ru", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proc.returncode == 0, proc.stderr
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    ru, en = strings("ru"), strings("en")
    for key in ("executive_summary", "method"):
        assert ru[key] in headings
        assert en[key] not in headings
    assert "Резюме" in headings
    cyrillic = [h for h in headings if any("а" <= ch.lower() <= "я" for ch in h)]
    assert len(cyrillic) >= len(headings) * 0.9, headings
    # the findings table speaks Russian too: the requirement titles come from the catalogue translations
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert any("Действия, составляющие торговлю людьми" in c for c in cells)
