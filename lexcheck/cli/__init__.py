"""The ``lexcheck`` command: a thin shell over the library's public functions.

Errors in the user's input are one line, ``lexcheck: error: <file>: <what is wrong>``, exit code 2;
an internal error is exit code 1. ``--debug`` shows the full traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import LexcheckError
from .law.language import LANGUAGES
from .workflows_cli import force_option

FORMATS = ("docx", "json", "csv", "xlsx", "md", "html")
_EXT_FORMAT = {
    ".docx": "docx",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
}

_PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))


def _profile_option(f):
    return click.option(
        "--profile",
        "-p",
        default="full",
        show_default=True,
        help="Which requirements to check: palermo, coe, eu, full, survivor-centred, or a profile of your own.",
    )(f)


def _standards_option(f):
    return click.option(
        "--standards",
        "-s",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Add your own catalogue file or folder (same format as the built-in standards/). Repeatable.",
    )(f)


def _lang_option(f):
    return click.option(
        "--lang",
        default=None,
        type=click.Choice(LANGUAGES),
        help="Language of the national texts if not detected correctly.",
    )(f)


def _format_for(fmt: str | None, out: str | None, default: str) -> str:
    if fmt:
        return fmt
    if out and out != "-":
        return _EXT_FORMAT.get(Path(out).suffix.lower(), default)
    return default


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="lexcheck")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors (for bug reports).")
def cli(debug: bool) -> None:
    """Gap analysis of national anti-trafficking law against international standards.

    lexcheck reads national texts (a law, criminal-code articles, a migration law), compares every
    provision with the requirements of the Palermo Protocol, the Council of Europe Convention, the
    EU Directive and the main soft-law standards, and reports what is covered, what is only partly
    covered and what is missing, with the provisions and words it relied on.

    \b
    Start here:
      lexcheck analyze law.txt -o report.docx        Word report for a drafter
      lexcheck analyze law.txt criminal-code.txt --format json -o result.json
      lexcheck parse law.txt                         check how the law was read
      lexcheck standards list --profile palermo      what is checked
      lexcheck samples                               bundled sample laws
    """


@cli.command()
@force_option
@_PATHS
@_profile_option
@_standards_option
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), help="Output format [default: from -o, else json]."
)
@click.option(
    "--output", "-o", "out", default="-", show_default=True, help="Output file; - writes to the terminal."
)
@_lang_option
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
def analyze(paths, profile, standards, fmt, out, lang, review, template, report_lang):
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
    from . import analyze as run_analysis
    from .outputs import check_output_path

    fmt = _format_for(fmt, out, "json")
    _check_report_lang(report_lang)
    if out == "-" and fmt in ("docx", "xlsx"):
        raise LexcheckError(f"--format {fmt} is binary; give an output file with -o")
    inputs = list(paths) + ([review] if review else [])
    if out != "-":
        check_output_path(out, inputs)
    from .workflows_cli import review_warnings

    if review:
        from .review import load_review

        load_review(review)  # a broken review file fails now, not after the analysis
    with review_warnings():
        result = run_analysis(
            *paths, profile=profile, standards=list(standards), languages=lang, review=review
        )
    _render(result, fmt, out, inputs, template=template, lang=report_lang)
    if out != "-":
        s = result.summary()["by_status"]
        click.echo(
            f"lexcheck: {len(result.findings)} requirements: {s['covered']} covered, {s['partial']} partial, "
            f"{s['missing']} missing, {s['needs_review']} to review -> {out}",
            err=True,
        )


def _check_report_lang(code: str) -> None:
    """Refuse an unknown --report-lang before the work, not after it."""
    from .report import LANGUAGES as REPORT_LANGUAGES

    if code not in REPORT_LANGUAGES:
        raise LexcheckError(
            f"unsupported report language {code!r}; choose one of {', '.join(REPORT_LANGUAGES)}"
        )


def _render(result, fmt, out, inputs, **opts):
    from .report import render

    render(result, fmt, out, inputs=inputs, **opts)


@cli.command()
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
    from .analysis.model import GapAnalysis

    _check_report_lang(report_lang)
    result = GapAnalysis.read_json(result_json)
    _render(result, _format_for(fmt, out, "docx"), out, [result_json], template=template, lang=report_lang)


@cli.command()
@force_option
@_PATHS
@click.option("--output", "-o", "out", required=True, help="Output .docx file.")
@_profile_option
@_standards_option
@_lang_option
def annotate(paths, out, profile, standards, lang):
    """Write the national text as a Word document with a comment on each provision.

    Each comment says which requirements the provision satisfies, and where gaps lie
    ("Missing: receipt; abuse of a position of vulnerability").
    """
    from . import analyze as run_analysis
    from .outputs import check_output_path
    from .report import annotate_docx

    check_output_path(out, paths)
    result = run_analysis(*paths, profile=profile, standards=list(standards), languages=lang)
    annotate_docx(result.framework, result, out, inputs=list(paths))


@cli.command()
@force_option
@_PATHS
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", "out", default="-", show_default=True)
@_lang_option
def parse(paths, fmt, out, lang):
    """Show how lexcheck reads national texts: the provision tree, the glossary of defined terms,
    and what was set aside as not operative (preambles, findings, tables of contents, notes)."""
    import json

    from .law import format_tree, parse_summary, read_framework
    from .outputs import write_atomic

    framework = read_framework(list(paths), languages=lang)
    if fmt == "json":
        text = json.dumps(parse_summary(framework), ensure_ascii=False, indent=2) + "\n"
    else:
        text = format_tree(framework)
    write_atomic(out, text, inputs=paths)


@cli.command()
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
@_profile_option
@_standards_option
@click.option("--output", "-o", "out", default="-", show_default=True, help="Output: .md, .json or .docx.")
@click.option("--format", "-f", "fmt", type=click.Choice(["md", "json", "docx"]))
@_lang_option
def compare(old, new, profile, standards, out, fmt, lang):
    """Compare two frameworks: a law before and after amendment, or two countries.

    \b
    Example:
      lexcheck compare law-2008.txt --to law-2020.txt -o changes.md
    """
    from . import analyze as run_analysis
    from .outputs import check_output_path
    from .report.compare import render_comparison

    fmt = _format_for(fmt, out, "md")
    if out != "-":
        check_output_path(out, list(old) + list(new))
    a = run_analysis(*old, profile=profile, standards=list(standards), languages=lang)
    b = run_analysis(*new, profile=profile, standards=list(standards), languages=lang)
    render_comparison(a.compare(b), fmt, out, inputs=list(old) + list(new))


@cli.command()
def samples():
    """List the sample national laws bundled with lexcheck (usable as PATHS)."""
    from . import samples as list_samples

    for name, path in list_samples().items():
        click.echo(f"{name:40} {path}")


@cli.group()
def standards():
    """Browse and validate the catalogue of international standards."""


@standards.command("list")
@force_option
@_profile_option
@click.option("--instrument", "-i", help="Only these instruments, e.g. PAL or PAL,COE.")
@click.option("--area", "-a", help="Only this thematic area, e.g. non_punishment.")
@click.option("--lens", help="Only requirements with this lens: gender, child, survivor_centred, ...")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json", "csv", "md"]),
    default="table",
    show_default=True,
)
@click.option("--output", "-o", "out", default="-", show_default=True)
@_standards_option
def standards_list(profile, instrument, area, lens, fmt, out, standards):
    """List the requirements that an analysis checks."""
    from .catalogue import load_catalogue
    from .catalogue.export import export_requirements
    from .outputs import write_atomic

    cat = load_catalogue(list(standards))
    if profile not in cat.profiles:
        raise LexcheckError(f"unknown profile {profile!r}; choose one of: {', '.join(sorted(cat.profiles))}")
    reqs = cat.select(profile=profile, instrument=instrument, area=area, lens=lens)
    write_atomic(out, export_requirements(cat, reqs, fmt))


@standards.command("show")
@click.argument("requirement_id")
@_standards_option
def standards_show(requirement_id, standards):
    """Show one requirement in full, with its elements and crosswalk."""
    from .catalogue import load_catalogue
    from .catalogue.export import describe

    cat = load_catalogue(list(standards))
    if requirement_id not in cat:
        close = [r.id for r in cat if requirement_id.lower() in r.id.lower()][:5]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise LexcheckError(f"no requirement {requirement_id!r}{hint}")
    click.echo(describe(cat, cat.get(requirement_id)))


@standards.command("validate")
@click.argument("path", required=False, type=click.Path(path_type=Path))
def standards_validate(path):
    """Check a catalogue file or folder (default: the built-in catalogue)."""
    from .catalogue import load_catalogue, validate_path

    if path is None:
        cat = load_catalogue()
        click.echo(
            f"ok: built-in catalogue {cat.version}: {len(cat)} requirements, {len(cat.profiles)} profiles"
        )
    else:
        n = validate_path(path)
        click.echo(f"ok: {path}: {n} requirements")


def _register_workflow_commands() -> None:
    """``review`` and ``batch`` live in their own module."""
    from .workflows_cli import register

    register(cli)


_register_workflow_commands()


def _usage_line(exc: click.ClickException) -> str:
    """A click error (unknown option, bad value, missing argument) as one line, with a hint."""
    text = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        text += f" (try '{ctx.command_path} --help')"
    return text


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning errors into one line and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args = [a for a in args if a != "--debug"]
    try:
        cli.main(args=args, prog_name="lexcheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("lexcheck: aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        if debug:
            raise
        if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())):
            exc.show()  # 'lexcheck' or 'lexcheck review' alone: the help
            sys.exit(exc.exit_code)
        click.echo(f"lexcheck: error: {_usage_line(exc)}", err=True)
        sys.exit(exc.exit_code)
    except LexcheckError as exc:
        if debug:
            raise
        click.echo(f"lexcheck: error: {exc.one_line()}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # an internal error: say so in one line unless --debug
        if debug:
            raise
        click.echo(
            f"lexcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True
        )
        sys.exit(1)
    sys.exit(0)
