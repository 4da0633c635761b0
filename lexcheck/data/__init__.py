"""Bundled data: the standards catalogue, report templates and sample laws (installed from the repo's
top-level ``standards/``, ``reports/`` and ``national_law/`` folders)."""
