"""Spreadsheet cells that stay text: no formula injection in lexcheck's .csv and .xlsx outputs.

A law, a ``meta.yaml`` or a catalogue may hold text that starts with ``=``, ``+``, ``-`` or ``@``
(``=HYPERLINK("http://...", "click")``). A spreadsheet program opening a CSV, or a workbook whose
cell was written as a formula, would run it. So:

- :func:`csv_text` puts an apostrophe before such a text (the usual defence; spreadsheet programs
  show the text, not a formula);
- :func:`workbook_bytes` saves an openpyxl workbook with every text cell stored as text, never as a
  formula (openpyxl makes a formula of any text that starts with ``=``), and marks the risky ones
  "quote prefix" so that Excel keeps them text even when a person edits the cell.

Every writer of .csv and .xlsx (report tables, review sheet, batch workbook) goes through these.
"""

from __future__ import annotations

import io
from typing import Any

#: A text cell starting with one of these could be read as a formula by a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    """True for a text that a spreadsheet program could take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_text(value: Any) -> Any:
    """``value`` for a CSV cell: a risky text gets a leading apostrophe; anything else is unchanged."""
    return "'" + value if risky(value) else value


def workbook_bytes(wb) -> bytes:
    """The .xlsx bytes of openpyxl workbook ``wb``, with no text cell stored as a formula."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or risky(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
