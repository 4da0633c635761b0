"""Where the bundled data lives, both in an installed package and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Folder of bundled data: ``standards``, ``reports`` or ``national_law``."""
    installed = _HERE / "data" / name
    if installed.is_dir():
        return installed
    return _HERE.parent / name


def standards_dir() -> Path:
    return data_dir("standards")


def reports_dir() -> Path:
    return data_dir("reports")


def samples_dir() -> Path:
    return data_dir("national_law")
