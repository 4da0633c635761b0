"""Checking a saved JSON result before ``lexcheck report`` or ``review init`` builds on it.

A result file may have been edited by hand or written by someone else. :func:`result_problem` walks
the rebuilt :class:`~lexcheck.analysis.model.GapAnalysis` and names the first thing that is not as
lexcheck writes it: a field of the wrong type (text where a number belongs, a list where a text
belongs), a status lexcheck does not know, or a requirement listed twice. The caller turns the
answer into one line (``malformed lexcheck JSON result: findings[3].status: unknown status 'done'``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

ELEMENT_STATUSES = ("found", "missing", "not_required")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _type_problem(value: Any, hint: Any, where: str) -> str | None:
    """Why ``value`` does not fit the annotation ``hint`` (dataclasses are checked field by field)."""
    if hint is Any:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if any(_type_problem(value, h, where) is None for h in options):
            return None
        return f"{where}: unexpected value {_show(value)}"
    if origin is list:
        if not isinstance(value, list):
            return f"{where}: expected a list, got {_show(value)}"
        (item,) = typing.get_args(hint)
        for i, v in enumerate(value):
            problem = _type_problem(v, item, f"{where}[{i}]")
            if problem:
                return problem
        return None
    if hint is type(None):
        return None if value is None else f"{where}: expected nothing, got {_show(value)}"
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, hint):
            return f"{where}: expected an object, got {_show(value)}"
        for f in dataclasses.fields(hint):
            if f.compare:  # not the parsed framework or catalogue kept beside a fresh result
                problem = _type_problem(getattr(value, f.name), _hints(hint)[f.name], f"{where}.{f.name}")
                if problem:
                    return problem
        return None
    if hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, hint)
    return None if ok else f"{where}: expected {hint.__name__}, got {_show(value)}"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def result_problem(result) -> str | None:
    """The first problem of a rebuilt result (see the module docstring), or ``None``."""
    from .statuses import STATUSES

    problem = _type_problem(result, type(result), "result")
    if problem:
        return problem.removeprefix("result.")
    seen: set[str] = set()
    for i, f in enumerate(result.findings):
        where = f"findings[{i}]"
        if not f.requirement_id.strip():
            return f"{where}.requirement_id: empty"
        if f.requirement_id in seen:
            return f"{where}: requirement {f.requirement_id} listed twice"
        seen.add(f.requirement_id)
        if f.status not in STATUSES:
            return f"{where}.status: unknown status {f.status!r} (one of {', '.join(STATUSES)})"
        if f.machine_status and f.machine_status not in STATUSES:
            return f"{where}.machine_status: unknown status {f.machine_status!r}"
        if f.review is not None and f.review.status not in STATUSES:
            return f"{where}.review.status: unknown status {f.review.status!r}"
        for j, e in enumerate(f.elements):
            if e.status not in ELEMENT_STATUSES:
                return f"{where}.elements[{j}].status: unknown status {e.status!r}"
    return None
