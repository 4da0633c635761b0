"""Russian statutory clauses, written the way CIS laws and criminal codes are, through the whole engine.

Each text goes to a file, ``lexcheck.analyze`` reads it with language detection (it must come out ``ru``)
and the findings are checked element by element: the Palermo definition with each act, means and form
of exploitation left out in turn, other CIS wordings of the means and acts, the term of imprisonment
among other penalties, and the age of a child. Fixed texts with their readings (the criminal-code
structure, the official Palermo wording, the non-punishment trap of the note to Art. 127.1) are cases:
tests/cases/drafted-ru-*.yaml. The style follows ../shared/corpus (ru-criminal-code-127-1, kz-criminal-code-128-135,
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
from conftest import CASES, case_texts, load_case

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


# ------------------------------------------------------------------- the Russian criminal-code structure

CRIMINAL_CODE = case_texts(load_case("drafted-ru-criminal-code-127-1"))[0]


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


# ------------------------------------------------------- the drafted Russian cases (tests/cases/drafted-ru-*)


@pytest.mark.parametrize("name", sorted(p.stem for p in CASES.glob("drafted-ru-*.yaml")))
def test_drafted_russian_cases_are_read_as_russian(case_result, name):
    assert [d.language for d in case_result(name).documents] == ["ru"]


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
