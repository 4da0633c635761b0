"""``lexcheck standards``: browse and validate the catalogue of international standards."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import LexcheckError
from .options import force_option, profile_option, standards_option


@click.group()
def standards():
    """Browse and validate the catalogue of international standards."""


@standards.command("list")
@force_option
@profile_option
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
@standards_option
def standards_list(profile, instrument, area, lens, fmt, out, standards):
    """List the requirements that an analysis checks."""
    from ..catalogue import load_catalogue
    from ..catalogue.export import export_requirements
    from ..files.outputs import write_atomic

    cat = load_catalogue(list(standards))
    if profile not in cat.profiles:
        raise LexcheckError(f"unknown profile {profile!r}; choose one of: {', '.join(sorted(cat.profiles))}")
    reqs = cat.select(profile=profile, instrument=instrument, area=area, lens=lens)
    write_atomic(out, export_requirements(cat, reqs, fmt))


@standards.command("show")
@click.argument("requirement_id")
@standards_option
def standards_show(requirement_id, standards):
    """Show one requirement in full, with its elements and crosswalk."""
    from ..catalogue import load_catalogue
    from ..catalogue.export import describe

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
    from ..catalogue import load_catalogue, validate_path

    if path is None:
        cat = load_catalogue()
        click.echo(
            f"ok: built-in catalogue {cat.version}: {len(cat)} requirements, {len(cat.profiles)} profiles"
        )
    else:
        n = validate_path(path)
        click.echo(f"ok: {path}: {n} requirements")


COMMANDS = [standards]
