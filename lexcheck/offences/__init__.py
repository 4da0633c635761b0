"""The offence model of a framework: every offence of the supplied texts, basic or aggravated, with
its acts, means, purposes, victims, penalty and circumstances, and the framework-level facts of
criminal law (ancillary liability, legal persons, confiscation, jurisdiction).

>>> import lexcheck
>>> from lexcheck.offences import read_offences
>>> model = read_offences(lexcheck.read_framework(["law.txt"]))   # doctest: +SKIP
>>> print(model.to_text())                                        # doctest: +SKIP

The model is exposed, not yet used to decide findings (issue 11).
"""

from __future__ import annotations

from .model import KINDS, LIFE, Fact, Offence, OffenceModel, Penalty, Place

__all__ = [
    "KINDS",
    "LIFE",
    "Fact",
    "Offence",
    "OffenceModel",
    "Penalty",
    "Place",
    "model_from_run",
    "read_offences",
]


def read_offences(framework, catalogue=None) -> OffenceModel:
    """The offence model of ``framework`` (from ``lexcheck.read_framework``); ``catalogue`` is the
    catalogue whose element patterns find acts, means and purposes (the bundled one by default)."""
    from ..analysis.context import build_context
    from ..analysis.matching import find_hits
    from ..analysis.scopes import compute_anchors
    from ..catalogue import load_catalogue

    catalogue = catalogue if catalogue is not None else load_catalogue()
    contexts = build_context(framework)
    hits = find_hits(catalogue, contexts)
    anchors = compute_anchors(contexts, hits, catalogue.anchor_roles())
    return model_from_run(contexts, hits, anchors)


def model_from_run(contexts, hits, anchors) -> OffenceModel:
    """The offence model from an analysis already under way (``Run.contexts``, ``Run.hits``,
    ``Run.anchors``): no second reading of the texts."""
    from .extract import _Reader
    from .facts import read_facts

    model = _Reader(contexts, hits, anchors).read()
    model.facts = read_facts(contexts, hits)
    return model
