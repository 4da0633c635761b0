"""Reading and writing files that may come from someone else, safely.

- :mod:`~lexcheck.files.outputs`: every output written atomically, never over an input, a review file or
  a person's edited .docx/.xlsx (unless forced);
- :mod:`~lexcheck.files.stamp`: lexcheck's fingerprint on the .docx/.xlsx it writes, to tell them from
  a person's work;
- :mod:`~lexcheck.files.cells`: spreadsheet cells that stay text (no formula injection in .csv/.xlsx);
- :mod:`~lexcheck.files.safezip`: Word and Excel containers opened within fixed bounds (zip bombs, DTDs);
- :mod:`~lexcheck.files.safe_yaml`: YAML without anchors and aliases (no YAML bombs);
- :mod:`~lexcheck.files.cache`: the on-disk cache, trusted only when it is the user's own and signed.
"""
