"""``lexcheck offences``: the offence model of a framework, as a table a lawyer reads or as JSON/CSV."""

from __future__ import annotations

import click

from .options import PATHS, force_option, lang_option


@click.command()
@force_option
@PATHS
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True
)
@click.option(
    "--output", "-o", "out", default="-", show_default=True, help="File to write (default: the terminal)."
)
@lang_option
def offences(paths, fmt, out, lang):
    """Every offence of the national texts, as a lawyer reads it: its provision, kind, basic or
    aggravated form, acts, means, purposes, victims and penalty, then the framework's ancillary
    liability, liability of legal persons, confiscation and jurisdiction clauses.

    \b
      lexcheck offences national_law/us-federal
      lexcheck offences law.txt criminal-code.txt -f json -o offences.json
    """
    import csv
    import io
    import json

    from ..files.cells import csv_text
    from ..files.outputs import write_atomic
    from ..law import read_framework
    from ..offences import read_offences

    model = read_offences(read_framework(list(paths), languages=lang))
    if fmt == "json":
        text = json.dumps(model.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        df = model.to_dataframe()
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(df.columns)
        writer.writerows([csv_text(str(v)) for v in row] for row in df.itertuples(index=False))
        text = buf.getvalue()
    else:
        text = model.to_text() + "\n"
    write_atomic(out, text, inputs=paths)


COMMANDS = (offences,)
