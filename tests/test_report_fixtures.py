"""Realistic GapAnalysis and Framework objects for the report tests (the engine is not needed).

The law is a fictional "Republic of Arcadia" framework of two documents; evidence points at real eids
and offsets of these texts. Quotes carry & < > and quotation marks on purpose. What the engine takes
from the catalogue (titles, citations, areas, strengths, lenses, actors, recommendations, model
wording, element, red-flag and parameter labels) is read from the built-in catalogue here too.
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
from lexcheck.catalogue import load_catalogue
from lexcheck.law.model import Document, Framework, Provision

CATALOGUE = load_catalogue()
GAPS = ("partial", "missing", "needs_review")

REVIEW_NOTE = 'Art. 4 covers administrative offences only; "criminal" offences (e.g. use of false documents) are not covered <confirmed with MoJ> & to be amended.'
SPECIAL_QUOTE = '"exploitation" includes sexual exploitation & forced labour of persons aged <18 or >65'
RECOMMENDATION_ACTS = CATALOGUE.get("PAL-3a-acts").recommendation["partial"]

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


def _elements(fw, rid: str, found: dict[str, tuple[str, str]], missing: list[str]):
    label = {e.key: e.label for e in CATALOGUE.get(rid).elements}
    out = [
        ElementResult(key=k, status="found", label=label[k], evidence=[_ev(fw, "doc1", eid, ph)])
        for k, (eid, ph) in found.items()
    ]
    out += [ElementResult(key=k, status="missing", label=label[k]) for k in missing]
    return out


def _parameter(rid: str, value, ok: bool, **fields) -> ParameterResult:
    p = CATALOGUE.get(rid).parameters[0]
    return ParameterResult(name=p.name, value=value, unit=p.unit, rule=p.rule, ok=ok, **fields)


def _red_flag(rid: str, key: str, evidence: list[Evidence]) -> Qualifier:
    neg = next(n for n in CATALOGUE.get(rid).negative if n.key == key)
    return Qualifier(key=key, label=neg.label, effect=neg.effect, evidence=evidence)


def F(rid: str, status: str, **fields) -> Finding:
    """A finding for ``rid`` with the catalogue's texts, filled as the engine fills them."""
    req = CATALOGUE.get(rid)
    return Finding(
        requirement_id=rid,
        instrument=req.instrument,
        status=status,
        cite=req.cite,
        title=req.title,
        area=req.area,
        strength=req.strength,
        lenses=list(req.lenses),
        actors=list(req.actors),
        recommendation=(req.recommendation.get(status) or req.recommendation["missing"])
        if status in GAPS
        else "",
        model_wording=req.model_wording if status in GAPS else "",
        **fields,
    )


def base_findings(fw: Framework) -> list[Finding]:
    defn = "chp_1__art_1__para_1"
    return [
        F(
            "PAL-3a-acts",
            status="partial",
            confidence=0.85,
            elements=_elements(
                fw,
                "PAL-3a-acts",
                {
                    "recruitment": (defn, "recruitment"),
                    "transportation": (defn, "transportation"),
                    "harbouring": (defn, "harbouring"),
                },
                ["transfer", "receipt"],
            ),
            evidence=[_ev(fw, "doc1", defn, label="Art. 1(1)")],
            explanation="The definition covers recruitment, transportation and harbouring, but not the transfer or receipt of persons.",
        ),
        F(
            "PAL-3a-means",
            status="partial",
            confidence=0.8,
            elements=_elements(
                fw,
                "PAL-3a-means",
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
            ),
            evidence=[_ev(fw, "doc1", defn, label="Art. 1(1)")],
            explanation="Four of the nine means are provided; abduction, abuse of power and abuse of a position of vulnerability are not.",
        ),
        F(
            "PAL-3a-exploitation-forms",
            status="covered",
            confidence=0.9,
            elements=_elements(
                fw,
                "PAL-3a-exploitation-forms",
                {
                    "sexual_exploitation": ("chp_1__art_1__para_2", "sexual exploitation"),
                    "forced_labour": ("chp_1__art_1__para_2", "forced labour"),
                },
                [],
            ),
            evidence=[_ev(fw, "doc1", "chp_1__art_1__para_2", label="Art. 1(2)")],
            explanation="Exploitation is defined with an open list that includes sexual exploitation & forced labour.",
        ),
        F(
            "PAL-3b-consent",
            status="missing",
            confidence=0.7,
            elements=_elements(fw, "PAL-3b-consent", {}, ["consent_irrelevant"]),
            explanation="No provision says that the consent of the victim is irrelevant where any of the means has been used.",
        ),
        F(
            "PAL-3d-child-u18",
            status="covered",
            confidence=0.95,
            parameters=[
                _parameter(
                    "PAL-3d-child-u18",
                    18,
                    True,
                    quote="under the age of eighteen (18) years",
                    evidence=[
                        _ev(fw, "doc1", "chp_1__art_1__para_3", "under the age of eighteen (18) years")
                    ],
                )
            ],
            evidence=[_ev(fw, "doc1", "chp_1__art_1__para_3", label="Art. 1(3)")],
            explanation="A child is a person under 18 years of age.",
        ),
        F(
            "PAL-5-2a-attempt",
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
        ),
        F(
            "EU-4-1-penalty-5y",
            status="partial",
            confidence=0.75,
            parameters=[_parameter("EU-4-1-penalty-5y", 8, True)],
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
        ),
        F(
            "COE-24b-child",
            status="covered",
            confidence=0.9,
            evidence=[
                _ev(fw, "doc1", "chp_2__art_2__para_2", "committed against a child", label="Art. 2(2)")
            ],
            explanation="Trafficking of a child is an aggravated offence.",
        ),
        F(
            "COE-26-non-punishment",
            status="partial",
            confidence=0.55,
            evidence=[_ev(fw, "doc1", "chp_3__art_4", label="Art. 4")],
            explanation="Victims are not liable for administrative offences; criminal offences are not covered.",
            review=Review(
                status="partial",
                note=REVIEW_NOTE,
                reviewer="A. Lawyer",
                date="2025-03-01",
                machine_status="needs_review",
            ),
            machine_status="needs_review",
        ),
        F(
            "COE-12-6-unconditional",
            status="missing",
            confidence=0.8,
            qualifiers=[
                _red_flag(
                    "COE-12-6-unconditional",
                    "conditional_on_cooperation",
                    [_ev(fw, "doc1", "chp_3__art_3", "provided that they cooperate with the investigation")],
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
        ),
        F(
            "PAL-6-3a-housing",
            status="covered",
            confidence=0.85,
            evidence=[_ev(fw, "doc1", "chp_3__art_3", "safe shelter", label="Art. 3")],
            explanation="Victims are entitled to safe shelter.",
        ),
        F(
            "PAL-6-4-age-gender-needs",
            status="missing",
            confidence=0.7,
            explanation="No provision takes into account the age, gender and special needs of victims.",
        ),
        F(
            "COE-17-gender-equality",
            status="missing",
            confidence=0.65,
            explanation="The law does not aim to promote gender equality or use gender mainstreaming.",
        ),
        F(
            "COE-10-4a-guardian",
            status="missing",
            confidence=0.75,
            explanation="No guardian is appointed for unaccompanied child victims.",
        ),
        F(
            "EU-13-1-best-interests",
            status="needs_review",
            confidence=0.4,
            evidence=[_ev(fw, "doc1", "chp_1__art_1__para_3", label="Art. 1(3)")],
            explanation="The law defines a child but does not state that the best interests of the child are a primary consideration; the evidence is weak.",
        ),
        F(
            "COE-29-4-national-rapporteur",
            status="missing",
            confidence=0.7,
            explanation="There is no national rapporteur or equivalent mechanism.",
        ),
        F(
            "UNTOC-10-1-legal-persons",
            status="missing",
            confidence=0.7,
            explanation="Legal persons cannot be held liable for trafficking.",
        ),
        F(
            "NRM-legal-basis",
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
