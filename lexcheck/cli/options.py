"""Options and arguments shared by the commands, and the output format a command writes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import click

from ..law.language import LANGUAGES

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

PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))


def profile_option(f):
    return click.option(
        "--profile",
        "-p",
        default="full",
        show_default=True,
        help="Which requirements to check: palermo, coe, eu, full, survivor-centred, or a profile of your own.",
    )(f)


def standards_option(f):
    return click.option(
        "--standards",
        "-s",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Add your own catalogue file or folder (same format as the built-in standards/). Repeatable.",
    )(f)


def lang_option(f):
    return click.option(
        "--lang",
        default=None,
        type=click.Choice(LANGUAGES),
        help="Language of the national texts if not detected correctly.",
    )(f)


def output_file_option(help: str) -> Callable:
    """``--output``/``-o`` for a command that must be given the file it writes (a path)."""
    return click.option("--output", "-o", "out", required=True, type=click.Path(path_type=Path), help=help)


def format_for(fmt: str | None, out: str | None, default: str) -> str:
    if fmt:
        return fmt
    if out and out != "-":
        return _EXT_FORMAT.get(Path(out).suffix.lower(), default)
    return default


def force_option(f: Callable) -> Callable:
    """``--force`` for a command that writes: its outputs may then replace a review file or a .docx/.xlsx
    that a person has edited (see :mod:`lexcheck.files.outputs`)."""

    @functools.wraps(f)
    def run(*args, force: bool = False, **kwargs):
        from ..files.outputs import forcing

        with forcing(force):
            return f(*args, **kwargs)

    return click.option(
        "--force",
        is_flag=True,
        help="Replace the output even if it is a review file or a .docx/.xlsx a person has edited.",
    )(run)
