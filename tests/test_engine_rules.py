"""The engine on realistic statutory clauses: every trap and restriction, positive and negative."""

from __future__ import annotations

import textwrap

import pytest

import lexcheck


def run(tmp_path, *texts: str, profile: str = "full", names=None):
    paths = []
    for i, text in enumerate(texts):
        p = tmp_path / ((names or [])[i] if names else f"law{i + 1}.txt")
        p.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        paths.append(p)
    return lexcheck.analyze(*paths, profile=profile)


def status(result, rid):
    return result.finding(rid).status


def elements(result, rid, state):
    return {e.key for e in result.finding(rid).elements if e.status == state}


def param(result, rid, name):
    return next(p.value for p in result.finding(rid).parameters if p.name == name)


UK_STYLE = """
    PART 1
    OFFENCES

    2 Human trafficking

    (1) A person commits an offence if the person arranges or facilitates the travel of another person ("V") with a view to V being exploited.

    (2) It is irrelevant whether V consents to the travel (whether V is an adult or a child).

    (3) A person may in particular arrange or facilitate V's travel by recruiting V, transporting or transferring V, harbouring or receiving V, or transferring or exchanging control over V.

    (4) "Travel" means arriving in, or entering, any country, departing from any country, or travelling within any country.

    (5) A person guilty of an offence under this section is liable, on conviction on indictment, to imprisonment for life.
"""

CIS_STYLE = """
    Article 129/1. Trafficking in human beings

    (1) Trafficking in human beings, i.e. the purchase/ sale of a person, or his/ her recruiting, transportation, harbouring or transfer to another person, committed for the purpose of his/ her exploitation,
    shall be punishable by deprivation of liberty for a term from four to ten years.

    (2) The same act committed:
    а) against two or more persons;
    б) against a person who is known to the perpetrator to be a minor;
    в) with the use of official powers;
    г) with the use of violence or threat of using thereof;
    shall be punishable by deprivation of liberty for a term from eight to fifteen years.

    (3) The acts mentioned by parts one or two of this Article committed by a criminal group
    shall be punishable by deprivation of liberty for a term from fifteen to twenty five years.
"""


def test_offence_without_means_is_broader_and_covers_means_and_child_trafficking(tmp_path):
    r = run(tmp_path, UK_STYLE)
    assert status(r, "PAL-3a-acts") == "covered"
    assert elements(r, "PAL-3a-acts", "found") == {
        "recruitment",
        "transportation",
        "transfer",
        "harbouring",
        "receipt",
    }
    assert status(r, "PAL-3a-means") == "covered"
    assert elements(r, "PAL-3a-means", "not_required") == {
        "threat", "force", "coercion", "abduction", "fraud", "deception",
        "abuse_of_power", "abuse_of_vulnerability", "payments_to_controller",
    }  # fmt: skip
    assert "broader" in r.finding("PAL-3a-means").explanation.lower()
    assert status(r, "PAL-3c-child-no-means") == "covered"
    assert status(r, "PAL-3b-consent") == "covered"
    assert status(r, "PAL-5-1-criminalise") == "covered"
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 99


def test_missing_act_is_named_and_aggravated_means_do_not_count(tmp_path):
    r = run(tmp_path, CIS_STYLE)
    f = r.finding("PAL-3a-acts")
    assert f.status == "partial"
    assert elements(r, "PAL-3a-acts", "missing") == {"receipt"}
    assert "receipt" in f.explanation
    # violence appears only as an aggravating circumstance: the basic offence needs no means
    assert status(r, "PAL-3a-means") == "covered"
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 10
    assert param(r, "EU-4-2-aggravated-10y", "max_imprisonment_aggravated") == 25
    assert status(r, "COE-24b-child") == "covered"
    assert status(r, "COE-24d-criminal-organisation") == "covered"
    assert status(r, "COE-24a-endangered-life") == "missing"


def test_every_element_has_evidence_with_offsets_into_the_text(tmp_path):
    r = run(tmp_path, CIS_STYLE)
    text = (tmp_path / "law1.txt").read_text(encoding="utf-8")
    for el in r.finding("PAL-3a-acts").elements:
        for ev in el.evidence:
            assert ev.document == "doc1"
            assert ev.eid.startswith("art_129-1")
            assert text[ev.start : ev.end] == ev.quote


def test_means_list_missing_vulnerability_is_partial(tmp_path):
    r = run(
        tmp_path,
        """
        Section 3. Trafficking in persons
        (1) Any person who recruits, transports, transfers, harbours or receives another person by means of the threat or use of force or other forms of coercion, abduction, fraud or deception, for the purpose of exploitation, commits an offence and shall be liable on conviction to imprisonment for a term not exceeding fifteen years.
        """,
    )
    assert status(r, "PAL-3a-means") == "partial"
    missing = elements(r, "PAL-3a-means", "missing")
    assert {"abuse_of_vulnerability", "abuse_of_power", "payments_to_controller"} <= missing
    assert {"threat", "force", "coercion", "abduction", "fraud", "deception"} <= elements(
        r, "PAL-3a-means", "found"
    )
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 15


def test_transfer_of_funds_in_a_budget_clause_is_not_the_act_of_transfer(tmp_path):
    r = run(
        tmp_path,
        """
        Section 4. Offence of trafficking in persons
        Any person who recruits another person for the purpose of exploitation commits the offence of trafficking in persons and is liable to imprisonment for ten years.

        Section 20. Fund
        The Minister shall transfer funds to accredited shelters and receive reports from them every year.
        """,
    )
    assert elements(r, "PAL-3a-acts", "found") == {"recruitment"}
    assert "transfer" in elements(r, "PAL-3a-acts", "missing")


def test_consent_irrelevant_only_for_children_is_partial(tmp_path):
    r = run(
        tmp_path,
        """
        Section 5. Trafficking in persons
        (1) A person who recruits, transports or harbours another person by means of deception for the purpose of exploitation commits an offence and is liable to imprisonment for twelve years.
        (2) The consent of a child victim to the intended exploitation shall be irrelevant.
        """,
    )
    assert status(r, "PAL-3b-consent") == "partial"


def test_consent_shall_not_be_a_defence_is_covered(tmp_path):
    r = run(
        tmp_path,
        """
        Section 5. Trafficking in persons
        (1) A person who recruits, transports or harbours another person by means of deception for the purpose of exploitation commits an offence and is liable to imprisonment for twelve years.
        (2) The consent of the victim to the intended exploitation shall not be a defence to a charge under this section.
        """,
    )
    assert status(r, "PAL-3b-consent") == "covered"


def test_fine_instead_of_imprisonment_makes_gravity_partial(tmp_path):
    r = run(
        tmp_path,
        """
        370. Trafficking of person
        (1) Whoever, for the purpose of exploitation, recruits, transports, harbours, transfers or receives a person, by using threats, commits the offence of trafficking, and shall be punished with imprisonment of either description for a term which may extend to seven years, or with fine, or with both.
        """,
    )
    assert status(r, "UNTOC-11-1-gravity") == "partial"
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 7


def test_imprisonment_and_fine_cumulative_is_covered(tmp_path):
    r = run(
        tmp_path,
        """
        370. Trafficking of person
        (1) Whoever, for the purpose of exploitation, recruits, transports, harbours, transfers or receives a person by using threats commits the offence of trafficking and shall be punished with rigorous imprisonment for a term which shall not be less than seven years, but which may extend to ten years, and shall also be liable to fine.
        """,
    )
    assert status(r, "UNTOC-11-1-gravity") == "covered"
    assert param(r, "EU-4-1-penalty-5y", "max_imprisonment_basic") == 10


def test_child_age_in_words_and_digits(tmp_path):
    r = run(
        tmp_path,
        """
        Section 2. Interpretation
        In this Act, "child" means a person under the age of eighteen years.

        Section 3. Trafficking in persons
        Any person who recruits, transports, transfers, harbours or receives a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.
        """,
    )
    assert param(r, "PAL-3d-child-u18", "child_age") == 18
    assert status(r, "PAL-3d-child-u18") == "covered"


def test_child_defined_under_sixteen_is_partial(tmp_path):
    r = run(
        tmp_path,
        """
        Section 2. Interpretation
        In this Act, "child" means a person who has not attained the age of 16 years.

        Section 3. Trafficking in persons
        Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.
        """,
    )
    assert param(r, "PAL-3d-child-u18", "child_age") == 16
    assert status(r, "PAL-3d-child-u18") == "partial"
    assert r.finding("PAL-3d-child-u18").parameters[0].ok is False


def test_reflection_period_in_words_and_digits(tmp_path):
    r = run(
        tmp_path,
        """
        Section 3. Trafficking in persons
        Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.

        Section 12. Recovery and reflection period
        A foreign national who is identified as a presumed victim of trafficking shall be granted a recovery and reflection period of not less than thirty (30) days, during which no expulsion order may be enforced against him or her.
        """,
    )
    assert param(r, "COE-13-1-reflection-30", "reflection_days") == 30
    assert status(r, "COE-13-1-reflection-30") == "covered"


NON_PUNISHMENT_UNDER_THIS_ACT = """
    Section 3. Trafficking in persons
    Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.

    Section 14. Non-liability of victims
    A victim of trafficking shall not be liable to prosecution or punishment for an offence under this Act committed as a direct result of being trafficked.
"""


def test_non_punishment_limited_to_offences_under_this_act_is_partial(tmp_path):
    r = run(tmp_path, NON_PUNISHMENT_UNDER_THIS_ACT)
    assert status(r, "COE-26-non-punishment") == "partial"


def test_non_punishment_for_any_offence_is_covered(tmp_path):
    r = run(tmp_path, NON_PUNISHMENT_UNDER_THIS_ACT.replace("an offence under this Act", "any offence"))
    assert status(r, "COE-26-non-punishment") == "covered"


def test_exemption_for_a_perpetrator_who_frees_the_victim_is_not_non_punishment(tmp_path):
    r = run(
        tmp_path,
        """
        Article 128. Trafficking in persons
        1. The purchase and sale of a person, or his recruitment, transportation, transfer, harbouring or receipt for the purpose of exploitation shall be punishable by deprivation of liberty for a term from three to seven years.
        Note. A person who has committed the act provided for by this Article and who voluntarily released the victim shall be exempt from criminal liability, unless his actions contain the elements of another crime.
        """,
    )
    assert status(r, "COE-26-non-punishment") in ("missing", "needs_review")


def test_receiving_a_material_benefit_is_not_using_the_services_of_a_victim(tmp_path):
    base = """
        Section 3. Trafficking in persons
        Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.

        Section 4. Material benefit
        Every person who receives a financial or other material benefit, knowing that it is derived from the commission of an offence under section 3, is guilty of an offence and liable to imprisonment for ten years.
    """
    r = run(tmp_path, base)
    assert status(r, "COE-19-use-of-services") == "missing"
    extra = (
        base
        + """
        Section 5. Use of services of a victim
        Any person who knowingly uses the services of a victim of trafficking in persons commits an offence and is liable to imprisonment for five years.
    """
    )
    (tmp_path / "law1.txt").unlink()
    r2 = run(tmp_path, extra)
    assert status(r2, "COE-19-use-of-services") == "covered"


def test_purposes_and_findings_are_not_operative(tmp_path):
    r = run(
        tmp_path,
        """
        Section 1. Purposes and findings
        (a) Purposes. The purposes of this Act are to combat trafficking, ensure just punishment of traffickers, and protect their victims.
        (b) Findings. Congress finds that victims of trafficking are often punished for unlawful acts committed as a direct result of being trafficked, and that victims should not be penalized for such acts; they need shelter, medical care and legal aid.

        Section 3. Trafficking in persons
        Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.
        """,
    )
    assert status(r, "COE-26-non-punishment") == "missing"
    assert status(r, "PAL-6-3a-housing") == "missing"


def test_a_heading_without_text_is_needs_review(tmp_path):
    r = run(
        tmp_path,
        """
        Section 3. Trafficking in persons
        Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.

        Section 9. Non-punishment of victims of trafficking

        Section 10. Commencement
        This Act comes into force on the day of its publication.
        """,
    )
    assert status(r, "COE-26-non-punishment") == "needs_review"


def test_defined_terms_count_across_documents_of_the_framework(tmp_path):
    r = run(
        tmp_path,
        """
        Article 2. Basic terms
        In this Law: "exploitation" means sexual exploitation, forced labour or services, slavery or practices similar to slavery, servitude and the removal of organs.
        """,
        """
        Article 127. Trafficking in persons
        1. The recruitment, transportation, transfer, harbouring or receipt of a person for the purpose of exploitation shall be punishable by deprivation of liberty for a term from five to twelve years.
        """,
    )
    assert status(r, "PAL-3a-exploitation-forms") == "covered"
    docs = {ev.document for e in r.finding("PAL-3a-exploitation-forms").elements for ev in e.evidence}
    assert docs == {"doc1"}
    assert status(r, "PAL-3a-acts") == "covered"


def test_assistance_conditional_on_cooperation_is_a_gap(tmp_path):
    r = run(
        tmp_path,
        """
        Section 3. Trafficking in persons
        Any person who recruits a person by means of threat for the purpose of exploitation commits an offence and is liable to imprisonment for 10 years.

        Section 15. Assistance to victims
        A victim of trafficking shall be provided with shelter, medical care and psychological counselling, provided that the victim cooperates with the law enforcement authorities in the investigation and prosecution of the offence.
        """,
    )
    assert status(r, "COE-12-6-unconditional") in ("missing", "needs_review")
    assert status(r, "PAL-6-3a-housing") == "covered"


def test_criteria_addressed_to_other_countries_are_not_operative_law(tmp_path):
    r = run(
        tmp_path,
        """
        § 7106. Minimum standards for the elimination of trafficking
        (a) The minimum standards for the elimination of trafficking applicable to the government of a country of origin, transit, or destination are the following:
        (1) The government of the country should prohibit severe forms of trafficking in persons and punish acts of such trafficking.
        (2) Whether the government of the country ensures that victims are not inappropriately incarcerated, fined, or otherwise penalized solely for unlawful acts as a direct result of being trafficked, and provides shelter to victims.
        """,
    )
    assert status(r, "COE-26-non-punishment") == "missing"
    assert status(r, "PAL-5-1-criminalise") == "missing"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "the offence under section 3 is committed whether or not the victim was moved across a national border",
            "covered",
        ),
        ("the victim is taken across the State Border for the purpose of exploitation", "missing"),
    ],
)
def test_transnationality_must_not_be_required(tmp_path, clause, expected):
    r = run(
        tmp_path,
        f"""
        Section 3. Trafficking in persons
        (1) Any person who recruits, transports or harbours a person by means of threat for the purpose of exploitation where {clause} commits an offence and is liable to imprisonment for 10 years.
        """,
    )
    assert status(r, "UNTOC-34-2-no-transnationality") == expected


def test_results_are_deterministic_byte_for_byte(tmp_path):
    a = run(tmp_path, CIS_STYLE).to_json()
    b = lexcheck.analyze(tmp_path / "law1.txt").to_json()
    assert a == b


def test_a_separate_child_offence_without_means_covers_child_trafficking(tmp_path):
    text = """
        Section 1. Interpretation
        In this Act, "trafficks" means procures, recruits, transports, transfers, harbours or receives a person.

        Section 2. Trafficking of children
        (1) A person who trafficks a child for the purposes of the exploitation of the child shall be guilty of an offence and liable to imprisonment for life.

        Section 4. Trafficking of persons other than children
        (1) A person who trafficks another person, other than a child, for the purposes of exploitation shall be guilty of an offence if the trafficker coerced, threatened, abducted or otherwise used force against the trafficked person, or deceived him or her.
        (2) A person guilty of an offence under this section shall be liable to imprisonment for life.
    """
    r = run(tmp_path, text)
    assert status(r, "PAL-3a-means") == "partial"  # adults: means are required, and only some are listed
    assert {"threat", "force", "abduction", "deception"} <= elements(r, "PAL-3a-means", "found")
    assert status(r, "PAL-3c-child-no-means") == "covered"
    assert status(r, "PAL-3a-acts") == "covered"  # the acts come from the definition of "trafficks"
