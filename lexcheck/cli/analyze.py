"""The commands that analyse national texts and render the results: analyze, report, annotate, parse,
compare. Each is a thin shell over a library function."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LexcheckError
from .messages import review_warnings
from .options import (
    FORMATS,
    PATHS,
    force_option,
    format_for,
    lang_option,
    profile_option,
    standards_option,
)


@click.command()
@force_option
@PATHS
@profile_option
@standards_option
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), help="Output format [default: from -o, else json]."
)
@click.option(
    "--output", "-o", "out", default="-", show_default=True, help="Output file; - writes to the terminal."
)
@lang_option
@click.option(
    "--review",
    "review",
    type=click.Path(path_type=Path),
    help="Apply a reviewer's decisions (.yaml or .xlsx review file).",
)
@click.option(
    "--template", type=click.Path(path_type=Path), help="Your own Word template for the report (.docx)."
)
@click.option("--report-lang", default="en", show_default=True, help="Language of the Word report: en or ru.")
@click.option(
    "--country",
    metavar="NAME",
    help="The country whose law this is (default: meta.yaml): decides which obligations bind it.",
)
@click.option(
    "--binding",
    metavar="CODES",
    help="Instruments that bind the country, e.g. PAL,UNTOC,OPSC (instead of the participation table).",
)
def analyze(paths, profile, standards, fmt, out, lang, review, template, report_lang, country, binding):
    """Compare national texts (one framework) with international standards.

    PATHS are the national texts analysed together: .txt, .md, .docx, .html, .pdf (with a text
    layer) or Akoma Ntoso .xml, or a folder with a meta.yaml. A requirement counts as met if any of
    them provides it. Gaps are results, not errors: the exit code is 0 whenever the analysis ran.

    \b
    Examples:
      lexcheck analyze law.txt -o report.docx
      lexcheck analyze law.txt criminal-code.txt --profile palermo --format md
      lexcheck analyze zakon.txt --lang ru --report-lang ru -o report.docx
    """
    from .. import analyze as run_analysis
    from ..files.outputs import check_output_path

    fmt = format_for(fmt, out, "json")
    _check_report_lang(report_lang)
    if out == "-" and fmt in ("docx", "xlsx"):
        raise LexcheckError(f"--format {fmt} is binary; give an output file with -o")
    inputs = list(paths) + ([review] if review else [])
    if out != "-":
        check_output_path(out, inputs)

    if review:
        from ..review import load_review

        load_review(review)  # a broken review file fails now, not after the analysis
    with review_warnings():
        result = run_analysis(
            *paths,
            profile=profile,
            standards=list(standards),
            languages=lang,
            review=review,
            country=country,
            binding=_instrument_codes(binding),
        )
    _render(result, fmt, out, inputs, template=template, lang=report_lang)
    if out != "-":
        s = result.summary()["by_status"]
        click.echo(
            f"lexcheck: {len(result.findings)} requirements: {s['covered']} covered, {s['partial']} partial, "
            f"{s['missing']} missing, {s['needs_review']} to review -> {out}",
            err=True,
        )


def _instrument_codes(text: str | None) -> list[str] | None:
    """``--binding PAL,UNTOC`` as a list of instrument codes, each checked against the catalogue's."""
    if text is None:
        return None
    from ..catalogue import load_catalogue

    known = {r.instrument for r in load_catalogue()}
    codes = [c.strip().upper() for c in text.split(",") if c.strip()]
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise LexcheckError(
            f"--binding: unknown instrument {', '.join(unknown)}; use {', '.join(sorted(known))}"
        )
    return codes


def _check_report_lang(code: str) -> None:
    """Refuse an unknown --report-lang before the work, not after it."""
    from ..report import LANGUAGES as REPORT_LANGUAGES

    if code not in REPORT_LANGUAGES:
        raise LexcheckError(
            f"unsupported report language {code!r}; choose one of {', '.join(REPORT_LANGUAGES)}"
        )


def _render(result, fmt, out, inputs, **opts):
    from ..report import render

    render(result, fmt, out, inputs=inputs, **opts)


@click.command()
@force_option
@click.argument("result_json", type=click.Path(path_type=Path))
@click.option("--output", "-o", "out", required=True, help="Output file (.docx, .xlsx, .html, .md, .csv).")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS))
@click.option("--template", type=click.Path(path_type=Path), help="Your own Word template (.docx).")
@click.option("--report-lang", default="en", show_default=True, help="Language of the report: en or ru.")
def report(result_json, out, fmt, template, report_lang):
    """Turn a saved JSON result into a report (Word by default).

    \b
    Example:
      lexcheck analyze law.txt -o result.json
      lexcheck report result.json -o report.docx
    """
    from ..analysis.model import GapAnalysis

    _check_report_lang(report_lang)
    result = GapAnalysis.read_json(result_json)
    _render(result, format_for(fmt, out, "docx"), out, [result_json], template=template, lang=report_lang)


@click.command()
@force_option
@PATHS
@click.option("--output", "-o", "out", required=True, help="Output .docx file.")
@profile_option
@standards_option
@lang_option
def annotate(paths, out, profile, standards, lang):
    """Write the national text as a Word document with a comment on each provision.

    Each comment says which requirements the provision satisfies, and where gaps lie
    ("Missing: receipt; abuse of a position of vulnerability").
    """
    from .. import analyze as run_analysis
    from ..files.outputs import check_output_path
    from ..report import annotate_docx

    check_output_path(out, paths)
    result = run_analysis(*paths, profile=profile, standards=list(standards), languages=lang)
    annotate_docx(result.framework, result, out, inputs=list(paths))


@click.command()
@force_option
@PATHS
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", "out", default="-", show_default=True)
@lang_option
def parse(paths, fmt, out, lang):
    """Show how lexcheck reads national texts: the provision tree, the glossary of defined terms,
    and what was set aside as not operative (preambles, findings, tables of contents, notes)."""
    import json

    from ..files.outputs import write_atomic
    from ..law import format_tree, parse_summary, read_framework

    framework = read_framework(list(paths), languages=lang)
    if fmt == "json":
        text = json.dumps(parse_summary(framework), ensure_ascii=False, indent=2) + "\n"
    else:
        text = format_tree(framework)
    write_atomic(out, text, inputs=paths)


@click.command()
@force_option
@click.argument("old", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "new",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path),
    help="The new texts (repeat --to for several).",
)
@profile_option
@standards_option
@click.option("--output", "-o", "out", default="-", show_default=True, help="Output: .md, .json or .docx.")
@click.option("--format", "-f", "fmt", type=click.Choice(["md", "json", "docx"]))
@lang_option
def compare(old, new, profile, standards, out, fmt, lang):
    """Compare two frameworks: a law before and after amendment, or two countries.

    \b
    Example:
      lexcheck compare law-2008.txt --to law-2020.txt -o changes.md
    """
    from .. import analyze as run_analysis
    from ..files.outputs import check_output_path
    from ..report.compare import render_comparison

    fmt = format_for(fmt, out, "md")
    if out != "-":
        check_output_path(out, list(old) + list(new))
    a = run_analysis(*old, profile=profile, standards=list(standards), languages=lang)
    b = run_analysis(*new, profile=profile, standards=list(standards), languages=lang)
    render_comparison(a.compare(b), fmt, out, inputs=list(old) + list(new))


COMMANDS = [analyze, report, annotate, parse, compare]
