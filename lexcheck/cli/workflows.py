"""The workflow commands: ``review`` (start a review sheet), ``batch`` (many countries at once) and
``samples`` (the bundled laws). Each is a thin shell over a library function
(:func:`lexcheck.review.write_review_sheet`, :func:`lexcheck.batch.run_batch`, :func:`lexcheck.samples`).
"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LexcheckError
from .messages import echo_warning
from .options import force_option, output_file_option, profile_option, standards_option


@click.command()
def samples():
    """List the sample national laws bundled with lexcheck (usable as PATHS)."""
    from .. import samples as list_samples

    for name, path in list_samples().items():
        click.echo(f"{name:40} {path}")


# ----------------------------------------------------------------------------- review
@click.group()
def review() -> None:
    """Review sheets: let a lawyer confirm or correct each finding.

    A review file (.xlsx or .yaml) has one row per requirement with lexcheck's status and evidence,
    and empty columns for the reviewer: reviewer_status (covered, partial, missing, needs_review,
    not_applicable), note, reviewer and date. Give it back with 'lexcheck analyze --review': the
    reviewer's decisions replace lexcheck's statuses in every report, lexcheck's own status is kept
    beside them, and a decision whose evidence has changed since (the law was amended) is flagged.

    \b
    Typical round:
      lexcheck analyze law.txt -f json -o result.json
      lexcheck review init result.json -o review.xlsx        send review.xlsx to the adviser
      lexcheck analyze law.txt --review review.xlsx -o report.docx
    """


@review.command("init")
@force_option
@click.argument("result_json", type=click.Path(path_type=Path))
@output_file_option("The new review file: .xlsx (for Excel or LibreOffice) or .yaml (for a text editor).")
def review_init(result_json: Path, out: Path) -> None:
    """Start a review file from a saved result (lexcheck analyze -f json).

    lexcheck does not overwrite an existing file without --force (choose a new name). Decisions already
    in the result (from an earlier --review) are carried over.

    \b
    Examples:
      lexcheck review init result.json -o review.xlsx
      lexcheck review init result.json -o review.yaml
    """
    from ..analysis.model import GapAnalysis
    from ..errors import OutputError
    from ..files.outputs import check_output_path
    from ..review import check_new_review_path, write_review_sheet

    if out.suffix.lower() not in (".xlsx", ".yaml", ".yml"):
        raise OutputError("a review file must be .xlsx or .yaml", out)
    check_new_review_path(out)
    check_output_path(out, [result_json])
    result = GapAnalysis.read_json(result_json)
    write_review_sheet(result, out, inputs=[result_json])
    click.echo(
        f"lexcheck: review file with {len(result.findings)} requirements -> {out} "
        "(fill reviewer_status, note, reviewer, date; then: lexcheck analyze ... --review "
        f"{out.name})",
        err=True,
    )


# ----------------------------------------------------------------------------- batch
@click.command("batch")
@force_option
@click.argument("source", metavar="MANIFEST_OR_DIR", type=click.Path(path_type=Path))
@output_file_option(
    "The comparison workbook (.xlsx). Each framework's full result (JSON) goes to a folder beside "
    "it: comparison_results/ for comparison.xlsx."
)
@profile_option
@standards_option
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="How many frameworks to analyse at the same time [default: one per processor].",
)
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
def batch(source: Path, out: Path, profile: str, standards, workers, no_progress: bool) -> None:
    """Analyse many countries at once and compare them in one workbook.

    MANIFEST_OR_DIR is either a folder with one sub-folder per framework (each with a meta.yaml and
    its texts, like the bundled national_law/), or a CSV file with the columns name and paths
    (several texts separated by ';', relative to the CSV file) and, optionally, country and language.

    The workbook has three sheets: Matrix (one row per framework, one column per requirement,
    coloured by status), Summary (counts by status and the share covered in each thematic area) and
    Errors. A framework that cannot be read is listed there and on the screen; the others go on.

    \b
    Examples:
      lexcheck batch national_law/ -o comparison.xlsx
      lexcheck batch countries.csv -o comparison.xlsx --profile palermo --workers 4

    \b
    countries.csv:
      name,paths,country,language
      kazakhstan,kz/law-2024.ru.txt;kz/criminal-code.ru.txt,Kazakhstan,ru
      uk,uk/modern-slavery-act.txt,United Kingdom,en
    """
    from ..batch import run_batch

    result = run_batch(
        source,
        out,
        profile=profile,
        workers=workers,
        standards=list(standards) or None,
        progress=not no_progress,
    )
    for err in result.errors:
        echo_warning(f"{err.name}: {err.error}")
    click.echo(result.summary_line(), err=True)
    if not result.rows:
        raise LexcheckError(f"none of the {len(result.errors)} frameworks could be analysed", source)


COMMANDS = [review, batch, samples]
