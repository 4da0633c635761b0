"""The ``review`` and ``batch`` commands, added to the ``lexcheck`` command by :func:`register`.

Like the rest of the command line, each command is a thin shell over a library function
(:func:`lexcheck.review.write_review_sheet`, :func:`lexcheck.batch.run_batch`).
:func:`review_warnings` turns the warnings of a review file (decisions that may be out of date) into
``lexcheck: warning: ...`` lines on stderr, for ``lexcheck analyze --review``.
"""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from .errors import LexcheckError


@contextlib.contextmanager
def review_warnings() -> Iterator[None]:
    """Print each review warning raised inside the block as ``lexcheck: warning: <text>`` on stderr.

    Works whatever the user's warning filters (even ``PYTHONWARNINGS=ignore``); other warnings are
    passed on to Python's usual handling.

    >>> with review_warnings():                                   # doctest: +SKIP
    ...     result = lexcheck.analyze("law.txt", review="review.xlsx")
    """
    from .review import ReviewWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReviewWarning)
        yield
    for w in caught:
        if issubclass(w.category, ReviewWarning):
            echo_warning(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)


def force_option(f: Callable) -> Callable:
    """``--force`` for a command that writes: its outputs may then replace a review file or a .docx/.xlsx
    that a person has edited (see :mod:`lexcheck.outputs`)."""

    @functools.wraps(f)
    def run(*args, force: bool = False, **kwargs):
        from .outputs import forcing

        with forcing(force):
            return f(*args, **kwargs)

    return click.option(
        "--force",
        is_flag=True,
        help="Replace the output even if it is a review file or a .docx/.xlsx a person has edited.",
    )(run)


def echo_warning(text: str) -> None:
    """One warning line on stderr: ``lexcheck: warning: <text>``."""
    click.echo(f"lexcheck: warning: {' '.join(str(text).split())}", err=True)


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
@click.option(
    "--output",
    "-o",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The new review file: .xlsx (for Excel or LibreOffice) or .yaml (for a text editor).",
)
def review_init(result_json: Path, out: Path) -> None:
    """Start a review file from a saved result (lexcheck analyze -f json).

    lexcheck does not overwrite an existing file without --force (choose a new name). Decisions already
    in the result (from an earlier --review) are carried over.

    \b
    Examples:
      lexcheck review init result.json -o review.xlsx
      lexcheck review init result.json -o review.yaml
    """
    from .analysis.model import GapAnalysis
    from .errors import OutputError
    from .outputs import check_output_path
    from .review import check_new_review_path, write_review_sheet

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
@click.option(
    "--output",
    "-o",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The comparison workbook (.xlsx). Each framework's full result (JSON) goes to a folder beside "
    "it: comparison_results/ for comparison.xlsx.",
)
@click.option(
    "--profile",
    "-p",
    default="full",
    show_default=True,
    help="Which requirements to check: palermo, coe, eu, full, survivor-centred, or a profile of your own.",
)
@click.option(
    "--standards",
    "-s",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Add your own catalogue file or folder (same format as the built-in standards/). Repeatable.",
)
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
    from .batch import run_batch

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


def register(cli: click.Group) -> None:
    """Add ``review`` and ``batch`` to the ``lexcheck`` command group."""
    cli.add_command(review)
    cli.add_command(batch)


__all__ = ["batch", "echo_warning", "register", "review", "review_warnings"]
