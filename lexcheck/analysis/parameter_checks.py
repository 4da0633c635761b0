"""Figures the standards set, read from the law and checked: the age limit of a child, the length
of the reflection period, the maximum terms of imprisonment.

Each kind of parameter a catalogue may name is registered with ``@parameter(kind)`` and called as
``check(req, run, finding, param)``. A check appends one ParameterResult to the finding, and may
change the finding's status (a figure below the standard makes it ``partial``; no figure at all can
make it ``needs_review`` or ``missing``), add a qualifier saying why, and give missing elements
the figure as their evidence.
"""

from __future__ import annotations

import re

from ..catalogue.model import Parameter, Requirement
from ..lang import merged_regex, merged_source
from .context import DocContext
from .model import Evidence, Finding, ParameterResult, Qualifier
from .parameters import Figure, child_ages, max_imprisonment, periods_days
from .registry import PARAMETERS, parameter
from .rules import CHILD
from .run import Run, span_evidence

__all__ = ["PARAMETERS"]

_CHILD_TERM = re.compile(rf"^\W*(?:{merged_source('clauses', 'person.child_term')})", re.I)
_REFLECTION = merged_regex("clauses", "reflection")
_RULE = re.compile(r"(<=|>=|==|<|>)\s*(\d+)")


def _meets(value: float, rule: str) -> bool:
    """The figure meets the standard's rule ("< 18", ">= 30", "<= 10")."""
    m = _RULE.match(rule)
    if not m:
        return False
    op, n = m.group(1), float(m.group(2))
    if op == "<":
        # "child means every person under 18": the age limit must be 18 (or more)
        return value >= n
    return {"<=": value <= n, ">=": value >= n, "==": value == n, ">": value > n}[op]


def _record(
    finding: Finding, p: Parameter, figure: Figure | None, ctx: DocContext | None
) -> tuple[bool | None, list[Evidence]]:
    """Append the ParameterResult for ``figure`` (None: no figure read); returns (meets?, evidence)."""
    value, ok, quote, evidence = None, None, "", []
    if figure is not None and ctx is not None:
        value = int(figure.value) if float(figure.value).is_integer() else figure.value
        ok = _meets(value, p.rule)
        quote = figure.quote
        evidence = [span_evidence(ctx, figure.start, figure.end)]
    finding.parameters.append(
        ParameterResult(
            name=p.name, value=value, unit=p.unit, rule=p.rule, ok=ok, quote=quote, evidence=evidence
        )
    )
    return ok, evidence


def _figure_decides(finding: Finding, ok: bool | None, evidence: list[Evidence]) -> None:
    """A figure read: it decides the status, and is the evidence of the elements not found."""
    finding.status = "covered" if ok else "partial"
    for el in finding.elements:
        if el.status == "missing":
            el.status, el.evidence = "found", list(evidence)


@parameter("child_age")
def _check_child_age(req: Requirement, run: Run, finding: Finding, p: Parameter) -> None:
    """The age below which the law treats a person as a child."""
    figure, ctx = _child_age(run)
    ok, evidence = _record(finding, p, figure, ctx)
    if figure is not None:
        _figure_decides(finding, ok, evidence)
    elif finding.status in ("covered", "partial"):
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


def _child_age(run: Run) -> tuple[Figure | None, DocContext | None]:
    # 1. a definition of "child"/"minor" anywhere in the framework
    for ctx, d in run.anchors.definitions:
        if _CHILD_TERM.search(d.term):
            figs = child_ages(
                d.text, ctx.lang, base=d.start + max(0, ctx.document.text.find(d.text, d.start) - d.start)
            )
            if figs:
                return figs[0], ctx
    # 2. an age written in the trafficking definition or offence, then anywhere operative
    for scope_name in ("trafficking_definition", "exploitation", "operative"):
        scope = run.anchors.scopes[scope_name]
        for ctx in run.contexts:
            for s, e in scope.spans.get(ctx.document.id, []):
                figs = child_ages(ctx.document.text[s:e], ctx.lang, base=s)
                figs = [
                    f
                    for f in figs
                    if CHILD.search(ctx.document.text[max(0, f.start - 250) : f.end + 100]) or f.value == 18
                ]
                if figs:
                    return figs[0], ctx
    return None, None


@parameter("reflection_days")
def _check_reflection(req: Requirement, run: Run, finding: Finding, p: Parameter) -> None:
    """The length of the recovery and reflection period, in days."""
    figure, ctx = _reflection(run, finding)
    ok, evidence = _record(finding, p, figure, ctx)
    if figure is not None:
        _figure_decides(finding, ok, evidence)
    elif finding.status == "covered":
        finding.status = "partial"
        finding.qualifiers.append(
            Qualifier("no_figure", "the period is provided but its length is not fixed in the law", "partial")
        )


def _reflection(run: Run, finding: Finding) -> tuple[Figure | None, DocContext | None]:
    for el in finding.elements:
        for ev in el.evidence:
            ctx = run.ctx(ev.document)
            text = ctx.document.text
            node = ctx.provision_at(ev.start)
            s, e = (node.start, node.end) if node else (ev.start - 300, ev.end + 300)
            figs = periods_days(text[s:e], ctx.lang, base=s)
            if figs:
                return min(figs, key=lambda f: abs(f.start - ev.start)), ctx
    for ctx in run.contexts:
        text = ctx.document.text
        for m in _REFLECTION.finditer(text):
            figs = periods_days(text[m.start() : m.start() + 250], ctx.lang, base=m.start())
            if figs and run.anchors.scopes["operative"].contains(ctx.document.id, m.start(), m.end()):
                return figs[0], ctx
    return None, None


@parameter("max_imprisonment_basic")
@parameter("max_imprisonment_aggravated")
def _check_imprisonment(req: Requirement, run: Run, finding: Finding, p: Parameter) -> None:
    """The maximum term of imprisonment of the basic offence (the mildest of the trafficking
    offences counts) or of its aggravated forms (the severest counts).

    An offence committed in aggravating circumstances can always be punished with the basic offence's
    maximum: for the aggravated figure the highest maximum of any form counts, and a basic maximum that
    meets the threshold (10 years, or life) meets it with or without a list of aggravations (the
    reading rule of the expert labels; Canada s. 279.01, 14 years or life, and India s. 143, ten years,
    have no separate aggravated penalty and meet Art. 4(2) of the Directive)."""
    basic = p.kind.endswith("basic")
    figure, ctx = _max_term(run, basic)
    basic_meets = False
    if not basic:
        base, base_ctx = _max_term(run, basic=True, highest=True)
        if base is not None and (figure is None or base.value > figure.value):
            figure, ctx = base, base_ctx
        basic_meets = base is not None and _meets(base.value, p.rule)
    ok, _ = _record(finding, p, figure, ctx)
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
    elif basic or basic_meets or finding.status not in ("covered", "partial"):
        finding.status = "covered"
    # aggravated above a lower basic maximum: the circumstances listed decide covered/partial


def _max_term(run: Run, basic: bool, highest: bool = False) -> tuple[Figure | None, DocContext | None]:
    """The longest term of each trafficking offence (article), then the shortest (basic) or the
    longest (aggravated, or ``highest``) of those."""
    per_unit: dict[str, tuple[DocContext, Figure]] = {}
    for unit, seg in run.anchors.sanction_segments:
        c = unit.doc
        if seg.aggravated == basic:
            continue
        fig = max_imprisonment(c.document.text[seg.start : seg.end], c.lang, seg.start)
        if fig is None:
            continue
        owner = c.unit_for(c.provision_at(fig.start))
        key = f"{c.document.id}:{owner.node.eid if owner else ''}"
        if key not in per_unit or fig.value > per_unit[key][1].value:
            per_unit[key] = (c, fig)
    if not per_unit:
        return None, None
    ctx, figure = (min if basic and not highest else max)(per_unit.values(), key=lambda t: t[1].value)
    return figure, ctx
