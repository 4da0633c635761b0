"""What the commands say on stderr besides their output: ``lexcheck: warning: ...`` lines.

:func:`review_warnings` turns the warnings of a review file (decisions that may be out of date) into
such lines, for ``lexcheck analyze --review``.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator

import click


@contextlib.contextmanager
def review_warnings() -> Iterator[None]:
    """Print each review warning raised inside the block as ``lexcheck: warning: <text>`` on stderr.

    Works whatever the user's warning filters (even ``PYTHONWARNINGS=ignore``); other warnings are
    passed on to Python's usual handling.

    >>> with review_warnings():                                   # doctest: +SKIP
    ...     result = lexcheck.analyze("law.txt", review="review.xlsx")
    """
    from ..review import ReviewWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReviewWarning)
        yield
    for w in caught:
        if issubclass(w.category, ReviewWarning):
            echo_warning(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)


def echo_warning(text: str) -> None:
    """One warning line on stderr: ``lexcheck: warning: <text>``."""
    click.echo(f"lexcheck: warning: {' '.join(str(text).split())}", err=True)
