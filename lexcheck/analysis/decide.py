"""From hits, scopes and figures to one Finding per requirement: status, elements, evidence,
parameters, qualifiers, confidence and an explanation a lawyer can check in one read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalogue.model import Requirement
from . import parameters as params
from .context import DocContext
from .explain import confidence, explain, recommendation
from .matching import Hit
from .model import ElementResult, Evidence, Finding, ParameterResult, Qualifier
from .scopes import Anchors, Scope

_F = re.IGNORECASE
CHILD = re.compile(
    r"\bchild|\bminor|\bjuvenile|\bunder the age|несовершеннолет|ребен|дет(?:ей|и)\b|бала|жашы жете элек|çaga",
    _F,
)
ADULT = re.compile(r"\badult|\bany person\b|совершеннолет", _F)
SEXUAL = re.compile(r"\bsex|prostitut|porn|сексуал|проституц", _F)
MAX_EVIDENCE = 3


@dataclass
class Run:
    """Everything one requirement's evaluation needs."""

    contexts: list[DocContext]
    hits: dict
    anchors: Anchors

    def ctx(self, doc_id: str) -> DocContext:
        return next(c for c in self.contexts if c.document.id == doc_id)

    def evidence(self, hit: Hit, quote: str | None = None) -> Evidence:
        ctx = self.ctx(hit.doc)
        node = ctx.provision_at(hit.start)
        return Evidence(
            document=hit.doc,
            eid=node.eid if node else "",
            quote=quote if quote is not None else hit.text,
            start=hit.start,
            end=hit.end,
            label=_citation(node, ctx.document.text),
        )

    def node_key(self, hit: Hit) -> tuple[str, str]:
        node = self.ctx(hit.doc).provision_at(hit.start)
        return (hit.doc, node.eid if node else "")

    def unit_key(self, hit: Hit) -> tuple[str, str]:
        ctx = self.ctx(hit.doc)
        unit = ctx.unit_for(ctx.provision_at(hit.start))
        return (hit.doc, unit.node.eid if unit else "")

    def heading_only(self, hit: Hit) -> bool:
        ctx = self.ctx(hit.doc)
        unit = ctx.unit_for(ctx.provision_at(hit.start))
        return bool(unit and unit.heading_only)


_ARTICLE_WORDS = [
    (re.compile(r"^\s*(?:article|art\.)", _F), "Art. {}"),
    (re.compile(r"^\s*§"), "§ {}"),
    (re.compile(r"^\s*(?:section|sec\.|s\.)", _F), "s. {}"),
    (re.compile(r"^\s*(?:статья|ст\.)", _F), "ст. {}"),
    (re.compile(r"^\s*моддаи", _F), "моддаи {}"),
    (re.compile(r"^\s*\d[\d.]*\s*-?\s*(бап|берене|madda|modda)", _F), "{}-{}"),
    (re.compile(r"^\s*\d"), "s. {}"),
]


def _citation(node, text: str = "") -> str:
    """A short citation a lawyer reads: ``s. 2(3)``, ``Art. 129/1(2)(b)``, ``§ 1591(a)``, ``ст. 128``."""
    if node is None:
        return ""
    parts = []
    for n in reversed([node, *node.ancestors()]):
        if n.kind in ("document", "part", "chapter", "division", "text"):
            continue
        num = (n.num or "").strip()
        if not num and n.kind == "article":
            num = n.eid.split("__")[-1]  # a section whose number was lost (OCR): "art_3"
        if not num:
            continue
        if n.kind == "article":
            num = num.rstrip(".")
            line = text[n.start : n.start + 40] if text else ""
            for rx, fmt in _ARTICLE_WORDS:
                m = rx.match(line)
                if m:
                    num = fmt.format(num, m.group(1)) if fmt == "{}-{}" else fmt.format(num)
                    break
            else:
                if num[:1].isdigit():
                    num = f"s. {num}"  # a numbered section under a marginal note
            parts.append(num)
        else:
            parts.append(num if num.startswith("(") else f"({num.rstrip(').')})")
    return "".join(parts)


def _in_scope(run: Run, scope: Scope, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if scope.contains(h.doc, h.start, h.end)]


def _hits(run: Run, req: Requirement, key: str, negative: bool = False) -> list[Hit]:
    return run.hits.get((req.id, key, negative), [])


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> tuple[str, int, int]:
    """The sentence (or list item, or line) around ``text[start:end]``, at most ``limit`` long."""
    left = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start))
    rights = [i for i in (text.find(".", end), text.find(";", end), text.find("\n", end)) if i != -1]
    s, e = left + 1, (min(rights) if rights else len(text)) + 1
    while s < start and text[s].isspace():
        s += 1
    if e - s > limit:
        s, e = max(s, start - limit // 2), min(e, end + limit // 2)
    return text[s:e].strip(), s, e


def _sentence(run: Run, hit: Hit, limit: int = 300) -> tuple[str, int, int]:
    return sentence_around(run.ctx(hit.doc).document.text, hit.start, hit.end, limit)


_NOT_IN_OFFENCES = {
    "assistance_protection",
    "residence_reflection",
    "repatriation",
    "prevention",
    "institutional_coordination_monitoring",
    "civil_society",
    "cooperation_nrm",
    "victim_identification",
    "gender",
}


def evaluate(req: Requirement, run: Run) -> Finding:
    """Evaluate one requirement against the framework."""
    scope = run.anchors.scopes.get(req.scope, run.anchors.scopes["operative"])
    elements: list[ElementResult] = []
    found_hits: list[Hit] = []
    heading_only = True
    # a definition says what a word means; it does not by itself oblige anyone to act
    glossary = (
        run.anchors.scopes["glossary"]
        if req.scope == "operative" and req.area != "definition_criminalisation"
        else None
    )
    # services, residence, prevention and institutions are not provided by the wording of an offence
    # ("procures children from hospitals, shelters for women ..." is not a shelter for victims)
    offences = (
        run.anchors.scopes["criminal"] if req.scope == "operative" and req.area in _NOT_IN_OFFENCES else None
    )
    for el in req.elements:
        hits = _in_scope(run, scope, _hits(run, req, el.key))
        if glossary:
            hits = [h for h in hits if not glossary.contains(h.doc, h.start, h.end)]
        if offences:
            hits = [h for h in hits if not offences.contains(h.doc, h.start, h.end)]
        body_hits = [h for h in hits if not run.heading_only(h)]
        if body_hits:
            heading_only = False
        use = body_hits or hits
        status = "found" if use else "missing"
        elements.append(
            ElementResult(
                key=el.key,
                status=status,
                label=el.label,
                evidence=[run.evidence(h) for h in _first_per_provision(run, use)[:MAX_EVIDENCE]],
            )
        )
        found_hits.extend(use[:MAX_EVIDENCE])

    qualifiers: list[Qualifier] = []
    # a red flag narrows the requirement only where it is provided: in the same article as the evidence
    found_units = {run.unit_key(h) for h in found_hits}
    found_nodes = {run.node_key(h) for h in found_hits}
    for neg in req.negative:
        nh = _in_scope(run, scope, _hits(run, req, neg.key, True))
        if found_units and neg.effect == "partial":
            # a restriction of the same article: "(7) Subsections (1) and (4) do not apply to ..."
            nh = [h for h in nh if run.unit_key(h) in found_units]
        elif found_units:
            # a contradiction must concern the very provision that was found: an exemption for a
            # perpetrator in note 1 does not undo the victims' exemption in note 2
            nh = [h for h in nh if run.node_key(h) in found_nodes]
        if nh:
            qualifiers.append(
                Qualifier(
                    neg.key, neg.label, neg.effect, [run.evidence(h, _sentence(run, h)[0]) for h in nh[:2]]
                )
            )

    finding = Finding(
        requirement_id=req.id,
        instrument=req.instrument,
        status="missing",
        confidence=0.0,
        elements=elements,
        cite=req.cite,
        title=req.title,
        area=req.area,
        strength=req.strength,
        lenses=list(req.lenses),
        actors=list(req.actors),
        qualifiers=qualifiers,
    )
    RULES.get(req.rule, _rule_all)(req, run, finding, found_hits)
    _parameters(req, run, finding)
    _apply_qualifiers(finding)
    if (
        finding.status in ("covered", "partial")
        and heading_only
        and found_hits
        and req.rule in ("all", "any", "consent")
    ):
        finding.status = "needs_review"
        finding.qualifiers.append(
            Qualifier("heading_only", "only a heading, with no operative text under it", "needs_review")
        )
    finding.evidence = _finding_evidence(run, finding, found_hits)
    figures = [ev for p in finding.parameters for ev in p.evidence]
    if figures:  # the figure that decided the finding comes first
        seen = {(ev.document, ev.eid) for ev in figures}
        finding.evidence = (figures + [e for e in finding.evidence if (e.document, e.eid) not in seen])[
            :MAX_EVIDENCE
        ]
    finding.confidence = confidence(req, finding, found_hits)
    finding.explanation = explain(req, finding)
    finding.recommendation = recommendation(req, finding.status)
    finding.model_wording = (
        req.model_wording if finding.status in ("partial", "missing", "needs_review") else ""
    )
    finding.machine_status = finding.status
    return finding


def _first_per_provision(run: Run, hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        node = run.ctx(h.doc).provision_at(h.start)
        key = (h.doc, node.eid if node else "")
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


# ---------------------------------------------------------------- rules


def _required(finding: Finding, req: Requirement) -> list[ElementResult]:
    optional = {e.key for e in req.elements if e.optional}
    return [e for e in finding.elements if e.key not in optional]


def _rule_all(req, run, finding, hits):
    required = _required(finding, req) or finding.elements
    found = [e for e in required if e.status == "found"]
    if found and len(found) == len(required):
        finding.status = "covered"
    elif found:
        finding.status = "partial"
    else:
        # optional elements alone (e.g. "humanitarian grounds") do not provide the requirement
        finding.status = "missing"


def _rule_any(req, run, finding, hits):
    finding.status = "covered" if any(e.status == "found" for e in finding.elements) else "missing"


def _rule_means(req, run, finding, hits):
    if not run.anchors.trafficking_units and not _has_trafficking_definition(run):
        finding.status = "missing"
        return
    if not any(e.status == "found" for e in finding.elements):
        for e in finding.elements:
            e.status = "not_required"
            e.note = "the offence requires no means at all"
        finding.status = "covered"
        finding.qualifiers.append(
            Qualifier("broader", "broader than the standard: the offence needs no means", "covered")
        )
        return
    # means listed only as examples ("including by means of ...") are not required either
    illustrative = all(_illustrative(run, h) for h in hits) if hits else False
    if illustrative:
        for e in finding.elements:
            if e.status == "missing":
                e.status = "not_required"
                e.note = "means are listed as examples only ('including')"
        finding.status = "covered"
        finding.qualifiers.append(
            Qualifier("broader", "broader than the standard: means are listed as examples only", "covered")
        )
        return
    _rule_all(req, run, finding, hits)


_INCLUDING_WORDS = r"including|in particular|such as|в том числе|в частности|оның ішінде|соның ішінде|анын ичинде|şol sanda|shu jumladan"
_INCLUDING = re.compile(rf"(?:{_INCLUDING_WORDS})[^.;]{{0,60}}$", _F)


def _illustrative(run: Run, hit: Hit) -> bool:
    text = run.ctx(hit.doc).document.text
    before = text[max(0, hit.start - 200) : hit.start]
    before = re.split(r"[.;]", before)[-1]
    return bool(_INCLUDING.search(before)) or bool(re.search(_INCLUDING_WORDS, before, _F))


def _has_trafficking_definition(run: Run) -> bool:
    from .context import TRAFFICKING

    return any(TRAFFICKING.search(d.term) for _, d in run.anchors.definitions)


def _rule_criminalised(req, run, finding, hits):
    units = run.anchors.trafficking_units or run.anchors.loose_units
    if units:
        finding.status = "covered"
        unit = units[0]
        text = unit.doc.document.text
        for e in finding.elements:
            if e.status == "missing":
                e.status = "found"
                e.evidence = [
                    Evidence(
                        unit.doc.document.id,
                        unit.node.eid,
                        text[unit.node.start : min(unit.node.end, unit.node.start + 200)].strip(),
                        unit.node.start,
                        min(unit.node.end, unit.node.start + 200),
                        _citation(unit.node, text),
                    )
                ]
    else:
        finding.status = "missing"


def _rule_child_no_means(req, run, finding, hits):
    if not (run.anchors.trafficking_units or _has_trafficking_definition(run)):
        finding.status = "missing"
        return
    definition = run.anchors.scopes["trafficking_definition"]
    means_found = [
        h
        for (rid, _key, neg), items in run.hits.items()
        if rid == "PAL-3a-means" and not neg
        for h in items
        if definition.contains(h.doc, h.start, h.end)
    ]
    if not means_found or all(_illustrative(run, h) for h in means_found):
        finding.status = "covered"
        for e in finding.elements:
            e.status = "not_required" if e.status == "missing" else e.status
            e.note = e.note or "no means are required for any victim, so none for children"
        finding.qualifiers.append(
            Qualifier("broader", "no means are required for any victim, children included", "covered")
        )
        return
    # structure instead of words: a separate child offence, or a limb of the offence for children,
    # with acts but no means ("(c) recruits ... a child ... for the purpose of ..."); or "... by force,
    # fraud or coercion, or [where] the person has not attained the age of 18 years"
    for finder in (_child_offence_without_means, _child_limb):
        limb = None if any(e.status == "found" for e in finding.elements) else finder(run, means_found)
        if limb is not None:
            hit, quote = limb
            for e in finding.elements:
                e.status, e.evidence = "found", [run.evidence(hit, quote)]
            hits = [hit]
    if any(e.status == "found" for e in finding.elements):
        sentences = [_sentence(run, h)[0] for h in hits]
        if sentences and all(SEXUAL.search(s) for s in sentences):
            finding.status = "partial"
            finding.qualifiers.append(
                Qualifier(
                    "only_sexual", "child trafficking without means only for sexual exploitation", "partial"
                )
            )
        else:
            finding.status = "covered"
        return
    finding.status = "missing"


def _child_offence_without_means(run: Run, means_hits: list[Hit]):
    """A trafficking article, or a paragraph/point of one, about children, with acts and no means."""
    acts = [
        h for (rid, _k, neg), items in run.hits.items() if rid == "PAL-3a-acts" and not neg for h in items
    ]
    for unit in run.anchors.trafficking_units:
        doc, text = unit.doc.document.id, unit.doc.document.text
        nodes = [unit.node] + [n for c in unit.node.children for n in (c, *c.children)]
        for node in nodes:
            head = (node.heading or "") + " " + text[node.text_start : node.text_start + 300]
            if not CHILD.search(head):
                continue
            inside = [h for h in means_hits if h.doc == doc and node.start <= h.start < node.end]
            has_act = node is unit.node or any(
                h.doc == doc and node.start <= h.start < node.end for h in acts
            )
            if not inside and has_act:
                start = node.start
                hit = Hit("", "", False, doc, start, min(node.end, start + 1), "")
                return hit, text[start : min(node.end, start + 300)].strip()
    return None


_CHILD_ALTERNATIVE = re.compile(
    r"\bor\b[^.;]{0,120}?(?:has not attained|not attained|under the age|below the age|is a child|is a minor|"
    r"where the victim is a (?:child|minor)|несовершеннолетн|не достигш)",
    _F,
)


def _child_limb(run: Run, means_hits: list[Hit]):
    """A means list followed by "or ... has not attained 18" in the same sentence: an alternative
    limb for children that needs no means."""
    for h in means_hits:
        text = run.ctx(h.doc).document.text
        sentence, s, e = _sentence(run, h, limit=1200)
        after = text[h.end : e]
        m = _CHILD_ALTERNATIVE.search(after)
        if m:
            hit = Hit(h.requirement, h.key, False, h.doc, h.end + m.start(), h.end + m.end(), m.group(0))
            return hit, sentence
    return None


def _rule_no_transnationality(req, run, finding, hits):
    units = run.anchors.trafficking_units or run.anchors.loose_units
    if units:
        basic = Scope()
        for u in units:
            for s, e in u.spans(basic_only=True):
                basic.add(u.doc.document.id, s, e)
        basic.finish()
    elif _has_trafficking_definition(run):
        basic = run.anchors.scopes["trafficking_definition"]  # a definition without an offence
    else:
        finding.status = "missing"
        return
    express = [h for e in req.elements for h in _hits(run, req, e.key)]
    flags = []
    for neg in req.negative:
        for h in _hits(run, req, neg.key, True):
            if not basic.contains(h.doc, h.start, h.end):
                continue
            sentence, s, e = _sentence(run, h)
            # "within or across the borders" covers both: not a requirement of a border crossing
            if re.search(r"\bwithin\b|внутри|как внутри", sentence, _F) or any(
                x.doc == h.doc and s <= x.start < e for x in express
            ):
                continue
            flags.append((neg, h))
    # drop the generic catalogue qualifiers; this rule judges red flags in the basic offence only
    finding.qualifiers = [
        Qualifier(n.key, n.label, "missing", [run.evidence(h, _sentence(run, h)[0])]) for n, h in flags[:2]
    ]
    finding.status = "missing" if flags else "covered"
    if not flags:
        for e in finding.elements:
            if e.status == "missing":
                e.status = "not_required"
                e.note = "the basic offence needs no border crossing or organised group"


def _rule_gravity(req, run, finding, hits):
    sanctions = _sanction_sentences(run)
    if not sanctions:
        finding.status = "missing"
        return
    fines = []
    for ctx, s, e, _fig in sanctions:
        text = ctx.document.text[s:e]
        m = params.fine_alternative(text, ctx.lang)
        if m:
            fines.append((ctx, s + m.start(), s + m.end()))
    first = sanctions[0]
    for el in finding.elements:
        if el.status == "missing":
            el.status = "found"
            el.evidence = [_span_evidence(first[0], first[1], first[2])]
    if fines:
        finding.status = "partial"
        ctx, s, e = fines[0]
        finding.qualifiers.append(
            Qualifier(
                "fine_alternative",
                "a fine may be imposed instead of imprisonment",
                "partial",
                [_span_evidence(ctx, s, e, _sentence_text(ctx, s))],
            )
        )
    else:
        finding.status = "covered"


def _rule_consent(req, run, finding, hits):
    _rule_all(req, run, finding, hits)
    if finding.status != "covered" or not hits:
        return
    sentences = [_sentence(run, h)[0] for h in hits]
    if all(CHILD.search(s) and not ADULT.search(s) for s in sentences):
        finding.status = "partial"
        finding.qualifiers.append(
            Qualifier("only_children", "consent is made irrelevant only for child victims", "partial")
        )


RULES = {
    "all": _rule_all,
    "any": _rule_any,
    "means": _rule_means,
    "criminalised": _rule_criminalised,
    "child_no_means": _rule_child_no_means,
    "no_transnationality": _rule_no_transnationality,
    "gravity": _rule_gravity,
    "consent": _rule_consent,
}


# ---------------------------------------------------------------- parameters


def _span_evidence(ctx: DocContext, s: int, e: int, quote: str | None = None) -> Evidence:
    node = ctx.provision_at(s)
    return Evidence(
        ctx.document.id,
        node.eid if node else "",
        quote if quote is not None else ctx.document.text[s:e],
        s,
        e,
        _citation(node, ctx.document.text),
    )


def _sentence_text(ctx: DocContext, offset: int) -> str:
    return sentence_around(ctx.document.text, offset, offset + 1)[0]


def _sanction_sentences(run: Run):
    """Basic-offence sentences of the trafficking offences that impose imprisonment (with or
    without a figure): (ctx, start, end, None)."""
    out = []
    for unit, seg in run.anchors.sanction_segments:
        ctx = unit.doc
        if not seg.aggravated and params.IMPRISON.search(ctx.document.text[seg.start : seg.end]):
            out.append((ctx, seg.start, seg.end, None))
    return out


def _sanctions(run: Run, aggravated: bool):
    """Sanction sentences of the trafficking offences: (ctx, start, end, max Figure)."""
    out = []
    for unit, seg in run.anchors.sanction_segments:
        ctx = unit.doc
        if seg.aggravated != aggravated:
            continue
        fig = params.max_imprisonment(ctx.document.text[seg.start : seg.end], ctx.lang, seg.start)
        if fig is not None:
            out.append((ctx, seg.start, seg.end, fig))
    return out


def _parameters(req: Requirement, run: Run, finding: Finding) -> None:
    for p in req.parameters:
        figure, ctx = None, None
        if p.kind == "child_age":
            figure, ctx = _child_age(run)
        elif p.kind == "reflection_days":
            figure, ctx = _reflection(run, finding)
        elif p.kind in ("max_imprisonment_basic", "max_imprisonment_aggravated"):
            sanctions = _sanctions(run, aggravated=p.kind.endswith("aggravated"))
            if sanctions:
                per_unit: dict[str, tuple] = {}
                for c, _s, _e, fig in sanctions:
                    unit = c.unit_for(c.provision_at(fig.start))
                    key = f"{c.document.id}:{unit.node.eid if unit else ''}"
                    if key not in per_unit or fig.value > per_unit[key][1].value:
                        per_unit[key] = (c, fig)
                pick = (min if p.kind.endswith("basic") else max)(per_unit.values(), key=lambda t: t[1].value)
                ctx, figure = pick
        value = None
        ok = None
        quote = ""
        evidence: list[Evidence] = []
        if figure is not None and ctx is not None:
            value = int(figure.value) if float(figure.value).is_integer() else figure.value
            ok = _check(value, p.rule)
            quote = figure.quote
            evidence = [_span_evidence(ctx, figure.start, figure.end)]
        finding.parameters.append(
            ParameterResult(
                name=p.name, value=value, unit=p.unit, rule=p.rule, ok=ok, quote=quote, evidence=evidence
            )
        )
        if p.kind.startswith("max_imprisonment"):
            if figure is None:
                if finding.status == "covered":
                    finding.status = "needs_review"
                    finding.qualifiers.append(
                        Qualifier(
                            "no_figure",
                            "a penalty was found but no term of imprisonment could be read",
                            "needs_review",
                        )
                    )
                else:  # no sanction with a term of imprisonment at all
                    finding.status = "missing"
            elif not ok:
                finding.status = "partial"
            elif p.kind.endswith("basic") or finding.status not in ("covered", "partial"):
                finding.status = "covered"
            # aggravated: the figure meets the threshold; the circumstances decide covered/partial
        elif figure is not None:
            finding.status = "covered" if ok else "partial"
            for el in finding.elements:  # the figure is the evidence of the definition
                if el.status == "missing":
                    el.status, el.evidence = "found", list(evidence)
        elif finding.status in ("covered", "partial") and p.kind == "child_age":
            if any(_CHILD_TERM.search(d.term) for _, d in run.anchors.definitions):
                finding.status = "needs_review"
                finding.qualifiers.append(
                    Qualifier(
                        "no_figure", "a definition was found but no age limit could be read", "needs_review"
                    )
                )
            else:  # "minor" is used but never defined in the supplied texts
                finding.status = "missing"
                finding.qualifiers.append(
                    Qualifier("undefined", "children are mentioned, but no age limit is defined", "missing")
                )
        elif finding.status == "covered" and p.kind == "reflection_days":
            finding.status = "partial"
            finding.qualifiers.append(
                Qualifier(
                    "no_figure", "the period is provided but its length is not fixed in the law", "partial"
                )
            )


def _check(value, rule: str) -> bool:
    m = re.match(r"(<=|>=|==|<|>)\s*(\d+)", rule)
    if not m:
        return False
    op, n = m.group(1), float(m.group(2))
    if op == "<":
        # "child means every person under 18": the age limit must be 18 (or more)
        return value >= n
    return {"<=": value <= n, ">=": value >= n, "==": value == n, ">": value > n}[op]


_CHILD_TERM = re.compile(
    r"^\W*(child|children|minor|juvenile|young person|несовершеннолетн|ребен|бала|kämillik|çaga)", _F
)


def _child_age(run: Run):
    # 1. a definition of "child"/"minor" anywhere in the framework
    for ctx, d in run.anchors.definitions:
        if _CHILD_TERM.search(d.term):
            figs = params.child_ages(
                d.text, ctx.lang, base=d.start + max(0, ctx.document.text.find(d.text, d.start) - d.start)
            )
            if figs:
                return figs[0], ctx
    # 2. an age written in the trafficking definition or offence, then anywhere operative
    for scope_name in ("trafficking_definition", "exploitation", "operative"):
        scope = run.anchors.scopes[scope_name]
        for ctx in run.contexts:
            for s, e in scope.spans.get(ctx.document.id, []):
                figs = params.child_ages(ctx.document.text[s:e], ctx.lang, base=s)
                figs = [
                    f
                    for f in figs
                    if CHILD.search(ctx.document.text[max(0, f.start - 250) : f.end + 100]) or f.value == 18
                ]
                if figs:
                    return figs[0], ctx
    return None, None


_REFLECTION = re.compile(r"reflection|recovery|размышлен|восстановлен", _F)


def _reflection(run: Run, finding: Finding):
    for el in finding.elements:
        for ev in el.evidence:
            ctx = run.ctx(ev.document)
            text = ctx.document.text
            node = ctx.provision_at(ev.start)
            s, e = (node.start, node.end) if node else (ev.start - 300, ev.end + 300)
            figs = params.periods_days(text[s:e], ctx.lang, base=s)
            if figs:
                return min(figs, key=lambda f: abs(f.start - ev.start)), ctx
    for ctx in run.contexts:
        text = ctx.document.text
        for m in _REFLECTION.finditer(text):
            figs = params.periods_days(text[m.start() : m.start() + 250], ctx.lang, base=m.start())
            if figs and run.anchors.scopes["operative"].contains(ctx.document.id, m.start(), m.end()):
                return figs[0], ctx
    return None, None


# ---------------------------------------------------------------- qualifiers, evidence, text

_RANK = {"covered": 0, "partial": 1, "needs_review": 2, "missing": 3}


def _apply_qualifiers(finding: Finding) -> None:
    for q in finding.qualifiers:
        restricts = q.effect in ("partial", "needs_review", "missing") and finding.status in (
            "covered",
            "partial",
        )
        if restricts and _RANK[q.effect] > _RANK[finding.status]:
            finding.status = q.effect


def _finding_evidence(run: Run, finding: Finding, hits: list[Hit]) -> list[Evidence]:
    out, seen = [], set()
    for h in sorted(hits, key=lambda h: (h.doc, h.start)):
        quote, s, e = _sentence(run, h)
        if (h.doc, s) in seen:
            continue
        seen.add((h.doc, s))
        ev = run.evidence(h, quote)
        ev.start, ev.end = s, e
        out.append(ev)
        if len(out) >= MAX_EVIDENCE:
            break
    if not out:
        for el in finding.elements:
            out.extend(el.evidence[:1])
        out = out[:MAX_EVIDENCE]
    return out
