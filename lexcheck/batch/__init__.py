"""Many frameworks at once: one analysis per country, in parallel, gathered in one workbook.

>>> from lexcheck.batch import run_batch
>>> batch = run_batch("national_law/", "comparison.xlsx", profile="palermo")   # doctest: +SKIP
>>> batch.matrix()          # one row per framework, one column per requirement   # doctest: +SKIP
>>> batch.summaries()       # counts by status and % covered by area               # doctest: +SKIP
>>> batch.errors            # the frameworks that could not be analysed            # doctest: +SKIP

- :mod:`~lexcheck.batch.source`: reading the source (a folder of frameworks or a CSV manifest);
- :mod:`~lexcheck.batch.run`: analysing them in worker processes (:func:`run_batch`);
- :mod:`~lexcheck.batch.result`: what came out (:class:`BatchResult`: the matrix, the summaries, the
  errors); its workbook is rendered by :mod:`lexcheck.report.batch_workbook`.
"""

from .result import BatchError, BatchResult, load_results
from .run import run_batch
from .source import BatchItem, read_source

__all__ = ["BatchError", "BatchItem", "BatchResult", "load_results", "read_source", "run_batch"]
