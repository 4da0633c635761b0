"""The analysis engine: a Framework and a Catalogue in, one Finding per Requirement out.

Read -> annotate (one spaCy pass per document) -> anchor (where each requirement is looked for)
-> match (catalogue patterns) -> qualify and decide (statuses, figures, explanations).
"""

from __future__ import annotations

from ..catalogue.model import Catalogue
from ..law.model import Framework
from .context import build_context
from .decide import evaluate
from .matching import find_hits
from .model import (
    DocumentInfo,
    ElementResult,
    Evidence,
    Finding,
    GapAnalysis,
    ParameterResult,
    Qualifier,
    Review,
)
from .run import Run
from .scopes import compute_anchors

__all__ = [
    "DocumentInfo",
    "ElementResult",
    "Evidence",
    "Finding",
    "GapAnalysis",
    "ParameterResult",
    "Qualifier",
    "Review",
    "analyze_framework",
]


def analyze_framework(
    framework: Framework,
    catalogue: Catalogue,
    profile: str = "full",
    *,
    country: str | None = None,
    binding: list[str] | None = None,
) -> GapAnalysis:
    """Evaluate every requirement of ``profile`` against ``framework`` (already read).

    ``country`` (default: the framework's ``meta.yaml``) decides which findings are obligations binding
    on it (``Finding.binding``), from the participation table of :mod:`lexcheck.catalogue.participation`;
    ``binding``, a list of instrument codes (``["PAL", "UNTOC"]``), says instead which instruments bind."""
    from functools import partial

    from ..offences import read_offences
    from ..version import __version__

    if profile not in catalogue.profiles:
        from ..errors import LexcheckError

        known = ", ".join(sorted(catalogue.profiles))
        raise LexcheckError(f"unknown profile {profile!r}; choose one of: {known}")
    requirements = catalogue.select(profile=profile)
    contexts = build_context(framework)
    hits = find_hits(catalogue, contexts)
    anchors = compute_anchors(contexts, hits, catalogue.anchor_roles())
    run = Run(contexts, hits, anchors, catalogue.areas)
    findings = [evaluate(req, run) for req in requirements]
    country = country or framework.country
    _mark_binding(findings, country, binding)
    docs = [
        DocumentInfo(
            id=d.id, path=d.path, title=d.title, sha256=d.sha256, language=d.language, format=d.format
        )
        for d in framework.documents
    ]
    return GapAnalysis(
        lexcheck_version=__version__,
        catalogue_version=catalogue.version,
        profile=profile,
        documents=docs,
        findings=findings,
        country=country or "",
        title=framework.title,
        framework=framework,
        catalogue=catalogue,
        _offences=partial(read_offences, framework, catalogue),
    )


def _mark_binding(findings: list[Finding], country: str | None, instruments: list[str] | None) -> None:
    from ..catalogue.participation import OBLIGATIONS, binding

    for f in findings:
        if instruments is not None:
            f.binding = f.instrument in instruments and f.strength in OBLIGATIONS
        else:
            f.binding = binding(country, f.instrument, f.strength)
