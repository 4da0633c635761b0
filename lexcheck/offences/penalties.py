"""The penalty of a sanction clause: its minimum and maximum term, life, and how a fine stands to
imprisonment. The terms are read by the engine's readers (lexcheck.analysis.parameters, wording in
``penalty`` of lang/<code>/clauses.yaml); how a fine is added is ``fine`` in lang/<code>/offences.yaml.
"""

from __future__ import annotations

import re

from ..analysis import parameters as P
from ..analysis.numbers import parse_number
from ..lang import merged_regex, source_language, value
from .model import Penalty


def _terms(text: str, lang: str) -> list[P.Figure]:
    """Every term of imprisonment of ``text`` (as max_imprisonment reads them, before it picks one)."""
    if not P.imprisonment().search(text):
        return []
    src = source_language(lang, "clauses", "penalty.terms")
    folded = P._fold(text, src)
    if value(src, "clauses", "penalty.sanction"):
        return P._sanction_terms(text, folded, src, 0)
    figures = P._penalty_figures(text, folded, src, 0)
    for source in value(src, "offences", "penalty_max") or []:  # wording clauses.yaml does not read yet
        for m in P._compiled(src, source).finditer(folded):
            v = parse_number(m.group("b"), src)
            if v is not None and 0 < v <= 60 and not any(f.start <= m.start() < f.end for f in figures):
                figures.append(P.Figure(v, m.start(), m.end(), text[m.start() : m.end()], "max"))
    for source in value(src, "offences", "penalty_min") or []:
        for m in P._compiled(src, source).finditer(folded):
            v = parse_number(m.group("a"), src)
            if (
                v is not None
                and 0 < v <= 60
                and not any(f.kind == "min" and f.start <= m.start() < f.end for f in figures)
            ):
                figures.append(P.Figure(v, m.start(), m.end(), text[m.start() : m.end()], "min"))
    return figures


def _lower(fig: P.Figure, lang: str) -> float | None:
    """The lower figure of a range term ("from four to ten years", Kazakh "төрт жылдан жеті жылға дейін")."""
    src = source_language(lang, "clauses", "penalty.terms")
    for term in value(src, "clauses", "penalty.terms") or []:
        m = P._compiled(src, term["pattern"]).search(P._fold(fig.quote, src))
        if m and m.groupdict().get("a"):
            return parse_number(m.group("a"), src)
    return None


def read_penalty(text: str, lang: str = "en") -> Penalty | None:
    """The penalty a sanction clause sets, or None when it sets neither a term nor a fine."""
    figures = _terms(text, lang)
    life = any(f.kind == "life" for f in figures)
    maxima = [f.value for f in figures if f.kind == "max"]
    minima = [f.value for f in figures if f.kind == "min"]
    minima += [v for f in figures if f.kind == "max" and (v := _lower(f, lang)) is not None]
    fine_any = merged_regex("offences", "fine.any").search(text)
    if not (figures or fine_any):
        return None
    if not figures and not P.imprisonment().search(text):
        fine = "alone"
    elif not fine_any:
        fine = ""
    elif P.fine_alternative(text, lang):
        fine = "instead"
    elif merged_regex("offences", "fine.in_addition").search(text):
        fine = "in_addition"
    else:
        fine = "instead" if re.search(r"\bor\b|либо|или", text, re.I) else "in_addition"
    if not figures and fine != "alone" and not fine_any:
        return None
    return Penalty(
        min_years=min(minima) if minima else None,
        max_years=max(maxima) if maxima else None,
        life=life,
        fine=fine,
    )
