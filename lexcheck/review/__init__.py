"""Human review: a reviewer's decisions kept in a review file and reapplied on every run.

- :mod:`~lexcheck.review.sheet`: the review sheet and its columns (:func:`write_review_sheet`);
- :mod:`~lexcheck.review.load`: reading a returned review file (:func:`load_review`);
- :mod:`~lexcheck.review.apply`: putting the decisions on the findings (:func:`apply_review`);
- :mod:`~lexcheck.review.evidence`: the evidence hash that tells a stale decision.

>>> from lexcheck.review import write_review_sheet, apply_review
>>> write_review_sheet(result, "review.xlsx")           # doctest: +SKIP
>>> apply_review(result, "review.xlsx")                 # doctest: +SKIP
"""

from .apply import ReviewWarning, apply_review
from .evidence import evidence_hash
from .load import load_review
from .sheet import check_new_review_path, review_rows, write_review_sheet

__all__ = [
    "ReviewWarning",
    "apply_review",
    "check_new_review_path",
    "evidence_hash",
    "load_review",
    "review_rows",
    "write_review_sheet",
]
