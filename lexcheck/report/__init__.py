"""Rendering a GapAnalysis for people and machines.

>>> from lexcheck.report import render
>>> render(result, "docx", "report.docx", lang="ru")          # doctest: +SKIP

- ``render_docx(result, out, template=None, lang="en")``: the recommendation report (Word).
- ``annotate_docx(framework, result, out)``: the national text with Word comments.
- ``render_xlsx`` / ``render_csv`` / ``render_md`` / ``render_html``: tables and quick reading.
- ``render(result, fmt, out, **opts)``: one of ``docx json csv xlsx md html``.

python-docx, docxtpl, openpyxl and matplotlib are imported only when a renderer needs them.
"""

from __future__ import annotations

from ..analysis.model import GapAnalysis
from ..errors import LexcheckError
from ..files.outputs import write_atomic
from .annotate import annotate_docx
from .docx_report import build_report, render_docx
from .html_page import render_html
from .i18n import LANGUAGES
from .tables import render_csv, render_md, render_xlsx

FORMATS = ("docx", "json", "csv", "xlsx", "md", "html")


def render(result: GapAnalysis, fmt: str, out, **opts) -> None:
    """Write ``result`` to ``out`` (a path or ``-`` for stdout) in format ``fmt``.

    ``opts`` go to the renderer: ``lang`` and ``texts`` for all but json, ``template`` and ``date``
    for docx, ``inputs`` (paths never to overwrite) for all.
    """
    fmt = (fmt or "").lower().lstrip(".")
    if fmt == "json":
        write_atomic(
            out,
            result.to_json(),
            inputs=[*opts.get("inputs", ()), *(d.path for d in result.documents if d.path)],
        )
        return
    renderers = {
        "docx": render_docx,
        "csv": render_csv,
        "xlsx": render_xlsx,
        "md": render_md,
        "html": render_html,
    }
    if fmt not in renderers:
        raise LexcheckError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    lang = opts.get("lang", "en")
    if lang not in LANGUAGES:
        raise LexcheckError(f"unsupported report language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if fmt != "docx":
        opts = {k: v for k, v in opts.items() if k not in ("template", "date")}
    elif opts.get("template") is None:
        opts.pop("template", None)
    renderers[fmt](result, out, **opts)


__all__ = [
    "FORMATS",
    "LANGUAGES",
    "annotate_docx",
    "build_report",
    "render",
    "render_csv",
    "render_docx",
    "render_html",
    "render_md",
    "render_xlsx",
]
