"""lexcheck: legal gap analysis of national anti-trafficking legislation.

Compare a national framework (one or more laws) with the international standards (Palermo Protocol,
CoE Convention CETS 197, EU Directive 2011/36/EU, UNODC, OHCHR, ILO, CEDAW, UNICEF, OSCE):

>>> import lexcheck
>>> result = lexcheck.analyze("law.txt", "criminal-code.txt", profile="full")   # doctest: +SKIP
>>> result.to_dataframe()                                                      # doctest: +SKIP

Heavy modules (spaCy, pandas, python-docx) are imported only when they are needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .analysis.model import GapAnalysis
    from .catalogue.model import Catalogue
    from .law.model import Framework

__all__ = [
    "__version__",
    "analyze",
    "analyze_framework",
    "compare",
    "load_catalogue",
    "read_framework",
    "read_document",
    "render",
    "samples",
    "GapAnalysis",
    "Finding",
    "Framework",
    "Document",
    "Provision",
    "Catalogue",
    "Requirement",
    "LexcheckError",
]


def analyze(
    *paths: str | Path,
    profile: str = "full",
    standards: str | Path | list | None = None,
    languages: dict | str | None = None,
    review: str | Path | None = None,
    country: str | None = None,
    binding: list[str] | None = None,
) -> GapAnalysis:
    """Analyse national texts as one framework against the catalogue's requirements of ``profile``.

    ``paths`` are law files (.txt .md .docx .html .pdf, Akoma Ntoso .xml) or folders with a
    ``meta.yaml``; ``standards`` adds the user's catalogue files; ``languages`` forces the language
    of the documents (``"ru"``) instead of detecting it; ``review`` applies a reviewer's decisions.
    ``country`` (default: ``meta.yaml``'s) decides which obligations bind (``Finding.binding``, from the
    dated participation table in ``standards/participation/``); ``binding`` (instrument codes such as
    ``["PAL", "UNTOC"]``) overrides the table.
    """
    from .analysis import analyze_framework as _analyze
    from .catalogue import load_catalogue as _load
    from .law import read_framework as _read

    framework = _read(list(paths), languages=languages)
    catalogue = _load(standards)
    result = _analyze(framework, catalogue, profile=profile, country=country, binding=binding)
    if review is not None:
        from .review import apply_review

        apply_review(result, review)
    return result


def compare(old: GapAnalysis, new: GapAnalysis):
    """What changed between two analyses (a law before and after reform, or two countries)."""
    return old.compare(new)


def samples() -> dict[str, Path]:
    """The sample national frameworks bundled with lexcheck, by name."""
    from .resources import samples_dir

    root = samples_dir()
    return {p.name: p for p in sorted(root.iterdir()) if p.is_dir() and (p / "meta.yaml").exists()}


_LAZY = {
    "analyze_framework": ("analysis", "analyze_framework"),
    "GapAnalysis": ("analysis.model", "GapAnalysis"),
    "Finding": ("analysis.model", "Finding"),
    "load_catalogue": ("catalogue", "load_catalogue"),
    "Catalogue": ("catalogue.model", "Catalogue"),
    "Requirement": ("catalogue.model", "Requirement"),
    "read_framework": ("law", "read_framework"),
    "read_document": ("law", "read_document"),
    "Framework": ("law.model", "Framework"),
    "Document": ("law.model", "Document"),
    "Provision": ("law.model", "Provision"),
    "render": ("report", "render"),
    "LexcheckError": ("errors", "LexcheckError"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'lexcheck' has no attribute {name!r}")
