"""Errors that lexcheck reports to the user as one line: ``lexcheck: error: <file>: <what is wrong>``."""

from __future__ import annotations

import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # shown escaped: a file name cannot break the line


class LexcheckError(Exception):
    """A problem with the user's input or request (exit code 2), not a bug in lexcheck.

    ``path`` names the file the problem is about, when there is one.
    """

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = " ".join(self.message.split())
        line = f"{self.path}: {text}" if self.path else text
        return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), line)


class InputError(LexcheckError):
    """A national text that cannot be read (missing, empty, binary, malformed, unsupported)."""


class CatalogueError(LexcheckError):
    """A standards catalogue file that is broken (YAML syntax, schema, duplicate id, bad pattern)."""


class ReviewError(LexcheckError):
    """A review file that cannot be applied."""


class OutputError(LexcheckError):
    """An output that cannot be written safely (e.g. it would overwrite an input)."""
