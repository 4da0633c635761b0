"""The ``corpus`` marker of conftest.py: without ../shared, corpus tests FAIL under CI and skip otherwise.

Each scenario runs pytest in a subprocess on a fresh clone layout (repo/pyproject.toml, repo/tests/
with this conftest.py, and ../shared beside repo/ or not).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TESTS = """
import pytest

@pytest.mark.corpus
def test_needs_shared():
    pass

@pytest.mark.corpus
@pytest.mark.parametrize("rel", [])  # a parametrisation over corpus files finds none
def test_over_corpus_files(rel):
    pass

def test_plain():
    pass
"""


@pytest.mark.parametrize(
    ("ci", "shared", "outcomes"),
    [
        (None, False, {"passed": 1, "skipped": 2}),
        ("false", False, {"passed": 1, "skipped": 2}),
        ("true", False, {"passed": 1, "errors": 2}),
        ("true", True, {"passed": 2, "skipped": 1}),  # only the empty parametrisation skips
    ],
)
def test_missing_shared_fails_under_ci_and_skips_otherwise(pytester, monkeypatch, ci, shared, outcomes):
    repo = pytester.mkdir("repo")
    shutil.copy(HERE.parent / "pyproject.toml", repo / "pyproject.toml")
    (repo / "tests").mkdir()
    shutil.copy(HERE / "conftest.py", repo / "tests" / "conftest.py")
    (repo / "tests" / "test_x.py").write_text(TESTS, encoding="utf-8")
    if shared:
        for name in ("corpus", "standards", "reference"):
            (pytester.path / "shared" / name).mkdir(parents=True)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    result = pytester.runpytest_subprocess(str(repo / "tests"), "-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(**outcomes)
    if not shared:
        missing = str(pytester.path / "shared" / "corpus")
        result.stdout.fnmatch_lines(
            [f"*{'CI is set but ../shared is missing' if ci == 'true' else 'needs'}*{missing}*"]
        )
