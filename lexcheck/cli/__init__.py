"""The ``lexcheck`` command: a thin shell over the library's public functions.

This module holds the group, :func:`main` and the error handling; the commands live beside it
(:mod:`~lexcheck.cli.analyze`, :mod:`~lexcheck.cli.standards`, :mod:`~lexcheck.cli.workflows`), their
shared options in :mod:`~lexcheck.cli.options`.

Errors in the user's input are one line, ``lexcheck: error: <file>: <what is wrong>``, exit code 2;
an internal error is exit code 1. ``--debug`` shows the full traceback.
"""

from __future__ import annotations

import sys

import click

from ..errors import LexcheckError
from ..version import __version__
from . import analyze, offences, standards, workflows


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


for _module in (analyze, offences, standards, workflows):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


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
