"""Shared test helpers: the CLI in this process, the built-in catalogue, ../shared, and the reading cases.

Tests marked ``corpus`` need ../shared (corpus texts, standards, reference treaties). Without it they
FAIL when the environment variable CI is set (a green CI run must have tested them) and are skipped,
with the reason, otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

import lexcheck
import lexcheck.catalogue

pytest_plugins = ["pytester"]

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
CASES = Path(__file__).resolve().parent / "cases"
SHARED_NEEDS = ("corpus", "standards", "reference")


def _shared_missing() -> str:
    """Why ../shared cannot serve the corpus tests ('' when it can)."""
    absent = [name for name in SHARED_NEEDS if not (SHARED / name).is_dir()]
    return f"needs {', '.join(str(SHARED / n) for n in absent)}" if absent else ""


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.hookimpl(tryfirst=True)  # before the skip marks of an empty parameter set are applied
def pytest_runtest_setup(item):
    if item.get_closest_marker("corpus") is None:
        return
    reason = _shared_missing()
    if reason and _ci():
        pytest.fail(f"CI is set but ../shared is missing: {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)


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


# --- reading cases (tests/cases/*.yaml, see tests/cases/README.md) ------------------------------------


def load_case(name: str) -> dict:
    return yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))


def case_texts(spec: dict) -> list[str]:
    """The inline texts of a drafted case, one per document."""
    text = spec["text"]
    return [t.strip() + "\n" for t in (text if isinstance(text, list) else [text])]


@pytest.fixture(scope="session")
def case_result(tmp_path_factory):
    """``case_result(name)`` -> the GapAnalysis of tests/cases/<name>.yaml, analysed once per session.

    A drafted case's texts are written to law1.txt, law2.txt, ... (documents doc1, doc2, ...)."""
    cache: dict[str, lexcheck.GapAnalysis] = {}

    def get(name: str) -> lexcheck.GapAnalysis:
        if name not in cache:
            spec = load_case(name)
            if "text" in spec:
                folder = tmp_path_factory.mktemp(name)
                paths = [folder / f"law{i}.txt" for i in range(1, len(case_texts(spec)) + 1)]
                for path, text in zip(paths, case_texts(spec)):
                    path.write_text(text, encoding="utf-8")
            else:
                paths = [CORPUS / spec["case"] / doc for doc in spec["documents"]]
            cache[name] = lexcheck.analyze(*paths, profile="full")
        return cache[name]

    return get


def disagreements(findings: list[dict], labels: dict) -> list[str]:
    """Each way the findings (as in ``--format json``) differ from the labels, one line each."""
    by_id = {f["requirement_id"]: f for f in findings}
    out = []
    for rid, lab in labels.items():
        why = f"  (why: {lab['why']})" if lab.get("why") else ""
        f = by_id.get(rid)
        if f is None:
            out.append(f"{rid}: no finding{why}")
            continue
        allowed = lab["status"] if isinstance(lab.get("status"), list) else [lab.get("status", f["status"])]
        if f["status"] not in allowed:
            out.append(f"{rid}: status expected {' or '.join(allowed)}, got {f['status']}{why}")
        checks = []  # (what, expected, got)
        elements = {e["key"]: e.get("status") for e in f.get("elements", [])}
        for want in ("found", "missing", "not_required"):
            checks += [(f"element {k}", want, elements.get(k, "absent")) for k in lab.get(want, [])]
        values = {p["name"]: p.get("value") for p in f.get("parameters", [])}
        for name, value in (lab.get("parameters") or {}).items():
            checks.append((f"parameter {name}", value, values.get(name, "absent")))
        keys = {q["key"] for q in f.get("qualifiers", [])}
        for key in lab.get("qualifiers", []):
            checks.append((f"qualifier {key}", "present", "present" if key in keys else "absent"))
        out += [
            f"{rid}: {what} expected {want!r}, got {got!r}{why}" for what, want, got in checks if got != want
        ]
    return out


def result_findings(result: lexcheck.GapAnalysis) -> list[dict]:
    return json.loads(result.to_json())["findings"]
