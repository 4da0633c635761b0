"""Shared test helpers: run the CLI in this process, and the built-in catalogue."""

from __future__ import annotations

import pytest

import lexcheck.catalogue


@pytest.fixture(scope="session")
def catalogue():
    """The built-in catalogue (loaded once; lexcheck caches it per process anyway)."""
    return lexcheck.catalogue.load_catalogue()


def run_cli(capsys, *args):
    """Run ``lexcheck ARGS`` in this process: (exit code, stdout, stderr)."""
    from lexcheck.cli import main

    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    cap = capsys.readouterr()
    return exc.value.code, cap.out, cap.err


@pytest.fixture
def cli(capsys):
    """``cli("analyze", path, ...)`` -> (exit code, stdout, stderr)."""
    return lambda *args: run_cli(capsys, *args)
