"""Realistic GapAnalysis and Framework objects for the report tests (the engine is not needed).

The law is a fictional "Republic of Arcadia" framework of two documents; evidence points at real eids
and offsets of these texts. Quotes carry & < > and quotation marks on purpose.
"""

from __future__ import annotations

import copy
import hashlib

from lexcheck.analysis.model import (
    DocumentInfo,
    ElementResult,
    Evidence,
    Finding,
    GapAnalysis,
    ParameterResult,
    Qualifier,
    Review,
)
from lexcheck.law.model import Document, Framework, Provision

REVIEW_NOTE = 'Art. 4 covers administrative offences only; "criminal" offences (e.g. use of false documents) are not covered <confirmed with MoJ> & to be amended.'
SPECIAL_QUOTE = '"exploitation" includes sexual exploitation & forced labour of persons aged <18 or >65'
RECOMMENDATION_ACTS = (
    "Add the acts that are missing (transfer and receipt of persons) to the definition in Article 1(1) so that all "
    "five acts of Article 3(a) of the Palermo Protocol are covered."
)

# (eid, kind, num, heading, own text, children)
LAW = [
    (
        "chp_1",
        "chapter",
        "1",
        "General provisions",
        "Chapter 1. General provisions",
        [
            (
                "chp_1__art_1",
                "article",
                "1",
                "Definitions",
                "Article 1. Definitions\nFor the purposes of this Law:",
                [
                    (
                        "chp_1__art_1__para_1",
                        "paragraph",
                        "1",
                        "",
                        "(1) “trafficking in human beings” means the recruitment, transportation or harbouring of "
                        "a person, by means of threat, force, fraud or deception, for the purpose of exploitation;",
                        [],
                    ),
                    ("chp_1__art_1__para_2", "paragraph", "2", "", "(2) " + SPECIAL_QUOTE + ";", []),
                    (
                        "chp_1__art_1__para_3",
                        "paragraph",
                        "3",
                        "",
                        "(3) “child” means a person under the age of eighteen (18) years.",
                        [],
                    ),
                ],
            ),
        ],
    ),
    (
        "chp_2",
        "chapter",
        "2",
        "Offences",
        "Chapter 2. Offences and penalties",
        [
            (
                "chp_2__art_2",
                "article",
                "2",
                "Trafficking in human beings",
                "Article 2. Trafficking in human beings",
                [
                    (
                        "chp_2__art_2__para_1",
                        "paragraph",
                        "1",
                        "",
                        "(1) Whoever commits trafficking in human beings shall be punished by imprisonment for "
                        "three to eight years or by a fine.",
                        [],
                    ),
                    (
                        "chp_2__art_2__para_2",
                        "paragraph",
                        "2",
                        "",
                        "(2) The same act committed against a child, or by a public official, shall be punished "
                        "by imprisonment for five to twelve years.",
                        [],
                    ),
                ],
            ),
        ],
    ),
    (
        "chp_3",
        "chapter",
        "3",
        "Protection",
        "Chapter 3. Protection of victims",
        [
            (
                "chp_3__art_3",
                "article",
                "3",
                "Assistance",
                "Article 3. Assistance to victims\nVictims shall be provided with safe shelter, medical "
                "assistance and legal aid, provided that they cooperate with the investigation.",
                [],
            ),
            (
                "chp_3__art_4",
                "article",
                "4",
                "Non-liability",
                "Article 4. Non-liability of victims\nA victim shall not be held liable for an administrative "
                "offence committed as a direct consequence of having been trafficked.",
                [],
            ),
        ],
    ),
]

CODE = [
    (
        "art_165",
        "article",
        "165",
        "Attempt",
        "Article 165. Preparation of a crime\nPreparation of a grave crime is punishable; attempt is punishable "
        "only where the special part so provides.",
        [],
    ),
]


def _build(doc_id: str, spec, path: str, title: str) -> Document:
    parts: list[str] = []
    pos = 0

    def node(item, parent):
        nonlocal pos
        eid, kind, num, heading, text, children = item
        p = Provision(eid=eid, kind=kind, num=num, heading=heading, text=text, parent=parent)
        p.start = p.text_start = pos
        parts.append(text + "\n")
        pos += len(text) + 1
        p.text_end = p.text_start + len(text)
        for child in children:
            p.children.append(node(child, p))
        p.end = pos
        return p

    root = Provision(eid="", kind="document")
    for item in spec:
        root.children.append(node(item, root))
    text = "".join(parts)
    root.end = len(text)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        title=title,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="txt",
        root=root,
    )


def make_framework(tmp_path=None) -> Framework:
    base = str(tmp_path) if tmp_path is not None else "/nonexistent"
    law = _build("doc1", LAW, f"{base}/arcadia-ctip-law.txt", "Law on Countering Trafficking in Human Beings")
    code = _build("doc2", CODE, f"{base}/arcadia-criminal-code.txt", "Criminal Code (extract)")
    return Framework(documents=[law, code], country="Republic of Arcadia", title="Arcadia CTIP framework")


def _ev(fw: Framework, doc: str, eid: str, phrase: str | None = None, label: str = "") -> Evidence:
    d = next(x for x in fw.documents if x.id == doc)
    p = d.get(eid)
    own = d.text[p.text_start : p.text_end]
    if phrase is None:
        start, end = p.text_start, p.text_end
    else:
        i = own.index(phrase)
        start, end = p.text_start + i, p.text_start + i + len(phrase)
    return Evidence(document=doc, eid=eid, quote=d.text[start:end], start=start, end=end, label=label)


def _elements(fw, found: dict[str, tuple[str, str]], missing: list[str], labels=None):
    labels = labels or {}
    out = [
        ElementResult(
            key=k,
            status="found",
            label=labels.get(k, k.replace("_", " ")),
            evidence=[_ev(fw, "doc1", eid, ph)],
        )
        for k, (eid, ph) in found.items()
    ]
    out += [ElementResult(key=k, status="missing", label=labels.get(k, k.replace("_", " "))) for k in missing]
    return out


def base_findings(fw: Framework) -> list[Finding]:
    defn = "chp_1__art_1__para_1"
    F = Finding
    return [
        F(
            requirement_id="PAL-3a-acts",
            instrument="PAL",
            status="partial",
            confidence=0.85,
            elements=_elements(
                fw,
                {
                    "recruitment": (defn, "recruitment"),
                    "transportation": (defn, "transportation"),
                    "harbouring": (defn, "harbouring"),
                },
                ["transfer", "receipt"],
            ),
            evidence=[_ev(fw, "doc1", defn, label="Art. 1(1)")],
            explanation="The definition covers recruitment, transportation and harbouring, but not the transfer or receipt of persons.",
            recommendation=RECOMMENDATION_ACTS,
            model_wording="“Trafficking in human beings” means the recruitment, transportation, transfer, harbouring or receipt of a person ...",
            cite="Art. 3(a)",
            title="Acts of trafficking",
            area="definition_criminalisation",
            strength="mandatory",
            actors=["legislature"],
        ),
        F(
            requirement_id="PAL-3a-means",
            instrument="PAL",
            status="partial",
            confidence=0.8,
            elements=_elements(
                fw,
                {
                    "threat": (defn, "threat"),
                    "force": (defn, "force"),
                    "fraud": (defn, "fraud"),
                    "deception": (defn, "deception"),
                },
                [
                    "coercion",
                    "abduction",
                    "abuse_of_power",
                    "abuse_of_vulnerability",
                    "payments_to_controller",
                ],
                {"abuse_of_vulnerability": "abuse of a position of vulnerability"},
            ),
            evidence=[_ev(fw, "doc1", defn, label="Art. 1(1)")],
            explanation="Four of the nine means are provided; abduction, abuse of power and abuse of a position of vulnerability are not.",
            recommendation="Add the missing means, in particular the abuse of a position of vulnerability, to Article 1(1).",
            model_wording="... by means of the threat or use of force or other forms of coercion, of abduction, of fraud, of deception, of the abuse of power or of a position of vulnerability ...",
            cite="Art. 3(a)",
            title="Means of trafficking",
            area="definition_criminalisation",
            strength="mandatory",
            lenses=["vulnerability"],
            actors=["legislature"],
        ),
        F(
            requirement_id="PAL-3a-exploitation-forms",
            instrument="PAL",
            status="covered",
            confidence=0.9,
            elements=_elements(
                fw,
                {
                    "sexual_exploitation": ("chp_1__art_1__para_2", "sexual exploitation"),
                    "forced_labour": ("chp_1__art_1__para_2", "forced labour"),
                },
                [],
            ),
            evidence=[_ev(fw, "doc1", "chp_1__art_1__para_2", label="Art. 1(2)")],
            explanation="Exploitation is defined with an open list that includes sexual exploitation & forced labour.",
            recommendation="",
            cite="Art. 3(a), second sentence",
            title="Forms of exploitation",
            area="definition_criminalisation",
            strength="mandatory",
            actors=["legislature"],
        ),
        F(
            requirement_id="PAL-3b-consent",
            instrument="PAL",
            status="missing",
            confidence=0.7,
            elements=[ElementResult(key="consent_irrelevant", status="missing", label="consent irrelevant")],
            explanation="No provision says that the consent of the victim is irrelevant where any of the means has been used.",
            recommendation="Provide that the consent of a victim to the intended exploitation is irrelevant where any of the means set forth in Article 3(a) of the Palermo Protocol has been used.",
            model_wording="The consent of a victim of trafficking in human beings to the intended exploitation shall be irrelevant where any of the means referred to in Article 1(1) has been used.",
            cite="Art. 3(b)",
            title="Consent irrelevant",
            area="definition_criminalisation",
            strength="mandatory",
            lenses=["survivor_centred"],
            actors=["legislature", "prosecution", "judiciary"],
        ),
        F(
            requirement_id="PAL-3d-child-u18",
            instrument="PAL",
            status="covered",
            confidence=0.95,
            parameters=[
                ParameterResult(
                    name="child_age",
                    value=18,
                    unit="years",
                    rule="< 18",
                    ok=True,
                    quote="under the age of eighteen (18) years",
                    evidence=[
                        _ev(fw, "doc1", "chp_1__art_1__para_3", "under the age of eighteen (18) years")
                    ],
                )
            ],
            evidence=[_ev(fw, "doc1", "chp_1__art_1__para_3", label="Art. 1(3)")],
            explanation="A child is a person under 18 years of age.",
            cite="Art. 3(d)",
            title="Child means under 18",
            area="children",
            strength="mandatory",
            lenses=["child"],
            actors=["legislature"],
        ),
        F(
            requirement_id="PAL-5-2a-attempt",
            instrument="PAL",
            status="missing",
            confidence=0.6,
            evidence=[],
            qualifiers=[
                Qualifier(
                    key="special_part_only",
                    label="attempt punishable only where the special part so provides",
                    effect="missing",
                    evidence=[
                        _ev(
                            fw,
                            "doc2",
                            "art_165",
                            "attempt is punishable only where the special part so provides",
                        )
                    ],
                )
            ],
            explanation="Attempt is punishable only where the special part so provides, and Article 2 does not.",
            recommendation="Make attempt to commit trafficking in human beings a criminal offence (Palermo Protocol, Art. 5(2)(a)).",
            model_wording="2. The attempt to commit the offence referred to in paragraph 1 shall be punishable.",
            cite="Art. 5(2)(a)",
            title="Attempt",
            area="definition_criminalisation",
            strength="conditional",
            actors=["legislature"],
        ),
        F(
            requirement_id="EU-4-1-penalty-5y",
            instrument="EU",
            status="partial",
            confidence=0.75,
            parameters=[ParameterResult(name="max_penalty", value=8, unit="years", rule=">= 5", ok=True)],
            qualifiers=[
                Qualifier(
                    key="fine_alternative",
                    label="a fine may be imposed instead of imprisonment",
                    effect="partial",
                    evidence=[_ev(fw, "doc1", "chp_2__art_2__para_1", "or by a fine")],
                )
            ],
            evidence=[_ev(fw, "doc1", "chp_2__art_2__para_1", label="Art. 2(1)")],
            explanation="The maximum penalty is eight years, but a fine may be imposed instead of imprisonment.",
            recommendation="Remove the fine as an alternative to imprisonment for the basic offence (Directive 2011/36/EU, Art. 4(1)).",
            model_wording="(1) Whoever commits trafficking in human beings shall be punished by imprisonment for a term of five to ten years.",
            cite="Art. 4(1)",
            title="Penalty of at least five years",
            area="penalties_aggravating",
            strength="mandatory",
            actors=["legislature", "judiciary"],
        ),
        F(
            requirement_id="COE-24b-child",
            instrument="COE",
            status="covered",
            confidence=0.9,
            evidence=[
                _ev(fw, "doc1", "chp_2__art_2__para_2", "committed against a child", label="Art. 2(2)")
            ],
            explanation="Trafficking of a child is an aggravated offence.",
            cite="Art. 24(b)",
            title="Child victim aggravates",
            area="penalties_aggravating",
            strength="mandatory",
            lenses=["child"],
            actors=["legislature", "judiciary"],
        ),
        F(
            requirement_id="COE-26-non-punishment",
            instrument="COE",
            status="partial",
            confidence=0.55,
            evidence=[_ev(fw, "doc1", "chp_3__art_4", label="Art. 4")],
            explanation="Victims are not liable for administrative offences; criminal offences are not covered.",
            recommendation="Extend Article 4 to criminal offences that victims were compelled to commit (CoE Convention, Art. 26).",
            model_wording="A victim of trafficking in human beings shall not be prosecuted or punished for criminal, administrative or other offences that he or she was compelled to commit as a direct consequence of being trafficked.",
            review=Review(
                status="partial",
                note=REVIEW_NOTE,
                reviewer="A. Lawyer",
                date="2025-03-01",
                machine_status="needs_review",
            ),
            cite="Art. 26",
            title="Non-punishment of victims",
            area="non_punishment",
            strength="conditional",
            lenses=["survivor_centred"],
            actors=["legislature", "prosecution", "judiciary"],
            machine_status="needs_review",
        ),
        F(
            requirement_id="COE-12-6-unconditional",
            instrument="COE",
            status="missing",
            confidence=0.8,
            qualifiers=[
                Qualifier(
                    key="conditional_on_cooperation",
                    label="assistance conditional on cooperation with the investigation",
                    effect="missing",
                    evidence=[
                        _ev(fw, "doc1", "chp_3__art_3", "provided that they cooperate with the investigation")
                    ],
                )
            ],
            evidence=[
                _ev(
                    fw,
                    "doc1",
                    "chp_3__art_3",
                    "provided that they cooperate with the investigation",
                    label="Art. 3",
                )
            ],
            explanation="Assistance is conditional on the victim's cooperation with the investigation.",
            recommendation="Delete the condition of cooperation in Article 3 so that assistance is not made conditional on the victim's willingness to act as a witness.",
            model_wording="Assistance to victims shall not be made conditional on their willingness to act as a witness.",
            cite="Art. 12(6)",
            title="Assistance not conditional",
            area="assistance_protection",
            strength="mandatory",
            lenses=["survivor_centred"],
            actors=["social_services", "police"],
        ),
        F(
            requirement_id="PAL-6-3a-housing",
            instrument="PAL",
            status="covered",
            confidence=0.85,
            evidence=[_ev(fw, "doc1", "chp_3__art_3", "safe shelter", label="Art. 3")],
            explanation="Victims are entitled to safe shelter.",
            cite="Art. 6(3)(a)",
            title="Appropriate housing",
            area="assistance_protection",
            strength="conditional",
            actors=["social_services"],
        ),
        F(
            requirement_id="PAL-6-4-age-gender-needs",
            instrument="PAL",
            status="missing",
            confidence=0.7,
            explanation="No provision takes into account the age, gender and special needs of victims.",
            recommendation="Require that assistance takes into account the age, gender and special needs of victims, in particular children.",
            model_wording="In providing assistance, the competent authorities shall take into account the age, gender and special needs of the victim.",
            cite="Art. 6(4)",
            title="Age and gender needs",
            area="assistance_protection",
            strength="mandatory",
            lenses=["gender", "child"],
            actors=["social_services"],
        ),
        F(
            requirement_id="COE-17-gender-equality",
            instrument="COE",
            status="missing",
            confidence=0.65,
            explanation="The law does not aim to promote gender equality or use gender mainstreaming.",
            recommendation="Add a principle that measures to protect and assist victims promote gender equality (CoE Convention, Art. 17).",
            model_wording="Measures under this Law shall aim to promote gender equality and shall use gender mainstreaming in their development, implementation and assessment.",
            cite="Art. 17",
            title="Gender equality",
            area="gender",
            strength="mandatory",
            lenses=["gender"],
            actors=["coordinator", "legislature"],
        ),
        F(
            requirement_id="COE-10-4a-guardian",
            instrument="COE",
            status="missing",
            confidence=0.75,
            explanation="No guardian is appointed for unaccompanied child victims.",
            recommendation="Provide for the appointment of a legal guardian for every unaccompanied child identified as a victim.",
            model_wording="As soon as an unaccompanied child is identified as a victim, a legal guardian shall be appointed to act in the best interests of the child.",
            cite="Art. 10(4)(a)",
            title="Guardian for unaccompanied children",
            area="children",
            strength="mandatory",
            lenses=["child"],
            actors=["social_services", "judiciary"],
        ),
        F(
            requirement_id="EU-13-1-best-interests",
            instrument="EU",
            status="needs_review",
            confidence=0.4,
            evidence=[_ev(fw, "doc1", "chp_1__art_1__para_3", label="Art. 1(3)")],
            explanation="The law defines a child but does not state that the best interests of the child are a primary consideration; the evidence is weak.",
            recommendation="State that the best interests of the child shall be a primary consideration in all measures concerning child victims.",
            cite="Art. 13(1)",
            title="Best interests of the child",
            area="children",
            strength="mandatory",
            lenses=["child"],
            actors=["social_services", "judiciary", "police"],
        ),
        F(
            requirement_id="COE-29-4-national-rapporteur",
            instrument="COE",
            status="missing",
            confidence=0.7,
            explanation="There is no national rapporteur or equivalent mechanism.",
            recommendation="Consider appointing a national rapporteur to monitor anti-trafficking activities (CoE Convention, Art. 29(4)).",
            model_wording="The Ombudsperson shall act as national rapporteur and monitor the anti-trafficking activities of State institutions.",
            cite="Art. 29(4)",
            title="National rapporteur",
            area="institutional_coordination_monitoring",
            strength="conditional",
            actors=["coordinator"],
        ),
        F(
            requirement_id="UNTOC-10-1-legal-persons",
            instrument="UNTOC",
            status="missing",
            confidence=0.7,
            explanation="Legal persons cannot be held liable for trafficking.",
            recommendation="Establish the liability of legal persons for trafficking in human beings (UNTOC, Art. 10).",
            model_wording="A legal person shall be liable for the offence in Article 2 committed for its benefit by any person who has a leading position within it.",
            cite="Art. 10(1)",
            title="Liability of legal persons",
            area="legal_persons",
            strength="mandatory",
            actors=["legislature"],
        ),
        F(
            requirement_id="OSCE-NRM-1",
            instrument="OSCE",
            status="not_applicable",
            confidence=1.0,
            explanation="Excluded by the reviewer: the NRM is regulated by a government decree outside this analysis.",
            review=Review(
                status="not_applicable",
                note="NRM decree 2019 not supplied.",
                reviewer="B. Reviewer",
                date="2025-03-02",
                machine_status="missing",
            ),
            cite="Chapter 2",
            title="National referral mechanism",
            area="cooperation_nrm",
            strength="good_practice",
            actors=["coordinator"],
            machine_status="missing",
        ),
    ]


def make_result(n: int | None = None, fw: Framework | None = None) -> GapAnalysis:
    """A GapAnalysis with the base findings, or ``n`` findings (base findings repeated with new ids)."""
    fw = fw or make_framework()
    findings = base_findings(fw)
    if n is not None:
        base = findings
        findings = []
        k = 0
        while len(findings) < n:
            for f in base:
                if len(findings) >= n:
                    break
                g = copy.deepcopy(f)
                if k:
                    g.requirement_id = f"{f.requirement_id}-v{k}"
                findings.append(g)
            k += 1
    docs = [
        DocumentInfo(id=d.id, path=d.path, title=d.title, sha256=d.sha256, language="en", format=d.format)
        for d in fw.documents
    ]
    return GapAnalysis(
        lexcheck_version="0.1.0",
        catalogue_version="2026.11.0",
        profile="full",
        documents=docs,
        findings=findings,
        country="Republic of Arcadia",
        title="Arcadia CTIP framework",
        framework=fw,
    )
