"""Results of a gap analysis: one Finding per Requirement, gathered in a GapAnalysis.

The JSON form (``GapAnalysis.to_json()``) is the machine contract of ../shared/DESIGN.md: stable
field names, deterministic output (same inputs, same bytes).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from .statuses import GAP_STATUSES

_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` written out: dataclasses become dicts (fields in order), lists and
    dicts are copied, everything else is kept as it is (the results hold strings, numbers, booleans
    and None only, which ``asdict`` would not copy either)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return [_plain(v) for v in value]
    if kind is tuple:
        return tuple([_plain(v) for v in value])
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    names = _FIELDS.get(kind)
    if names is None:
        if not hasattr(kind, "__dataclass_fields__"):
            return value
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
    return {name: _plain(getattr(value, name)) for name in names}


class _Unusual(Exception):
    """A value :func:`_dumps` does not write itself; the standard encoder writes the document."""


def _dumps(data: Any, indent: int) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, byte for byte, faster: with an indent
    the standard library encodes in Python, one generator per container; this writes the parts of
    dicts, lists, strings (the C string encoder), numbers, booleans and None into one list."""
    from json.encoder import encode_basestring

    if not isinstance(indent, int) or isinstance(indent, bool) or indent < 0:
        return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False)
    parts: list[str] = []
    out = parts.append
    step = " " * indent
    floats = float.__repr__
    special = {float("inf"): "Infinity", float("-inf"): "-Infinity"}

    def write(value: Any, pad: str) -> None:
        kind = type(value)
        if kind is str:
            out(encode_basestring(value))
        elif value is None:
            out("null")
        elif value is True:
            out("true")
        elif value is False:
            out("false")
        elif kind is int:
            out(int.__repr__(value))
        elif kind is float:
            out("NaN" if value != value else special.get(value) or floats(value))
        elif kind is dict:
            if not value:
                out("{}")
                return
            inner = pad + step
            out("{\n" + inner)
            first = True
            for key, item in value.items():
                if type(key) is not str:
                    raise _Unusual
                if not first:
                    out(",\n" + inner)
                first = False
                out(encode_basestring(key))
                out(": ")
                write(item, inner)
            out("\n" + pad + "}")
        elif kind is list or kind is tuple:
            if not value:
                out("[]")
                return
            inner = pad + step
            out("[\n" + inner)
            first = True
            for item in value:
                if not first:
                    out(",\n" + inner)
                first = False
                write(item, inner)
            out("\n" + pad + "]")
        else:
            raise _Unusual

    try:
        write(data, "")
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False)
    return "".join(parts)


@dataclass
class Evidence:
    """A quoted span of a national text: which document, which provision, which words."""

    document: str
    eid: str
    quote: str
    start: int
    end: int
    label: str = ""  # human citation of the provision, e.g. "s. 2(3)"


@dataclass
class ElementResult:
    """Whether one element of a requirement is provided (``found``), not (``missing``), or not needed
    because the law is broader than the standard (``not_required``)."""

    key: str
    status: str
    label: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    note: str = ""


@dataclass
class ParameterResult:
    """A figure found in the law and checked against the standard's threshold."""

    name: str
    value: float | int | None
    unit: str
    rule: str
    ok: bool | None
    quote: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Qualifier:
    """Wording that changes a provision's legal effect: a restriction, negation or red flag."""

    key: str
    label: str
    effect: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Review:
    """A reviewer's decision on a finding, kept in a review file and reapplied on every run."""

    status: str
    note: str = ""
    reviewer: str = ""
    date: str = ""
    machine_status: str = ""
    stale: bool = False
    stale_reason: str = ""


@dataclass
class Finding:
    """The result for one requirement."""

    requirement_id: str
    instrument: str
    status: str
    confidence: float
    elements: list[ElementResult] = field(default_factory=list)
    parameters: list[ParameterResult] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    qualifiers: list[Qualifier] = field(default_factory=list)
    explanation: str = ""
    recommendation: str = ""
    model_wording: str = ""
    review: Review | None = None
    # descriptive fields copied from the catalogue, for tables and reports
    cite: str = ""
    title: str = ""
    area: str = ""
    strength: str = ""
    #: True: an obligation of an instrument that binds the country (party, EU member); False: the country
    #: is not bound, or the requirement is good practice; None: the country is unknown or not verified
    binding: bool | None = None
    lenses: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    machine_status: str = ""

    @property
    def is_gap(self) -> bool:
        return self.status in GAP_STATUSES

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        d["confidence"] = round(self.confidence, 2)
        return d


@dataclass
class DocumentInfo:
    id: str
    path: str
    title: str
    sha256: str
    language: str = "en"
    format: str = "txt"


@dataclass
class GapAnalysis:
    """The whole result: the framework analysed, the catalogue and profile used, the findings."""

    lexcheck_version: str
    catalogue_version: str
    profile: str
    documents: list[DocumentInfo]
    findings: list[Finding]
    country: str = ""
    title: str = ""
    framework: Any = field(default=None, repr=False, compare=False)  # the parsed Framework, if kept
    catalogue: Any = field(default=None, repr=False, compare=False)
    _offences: Any = field(default=None, repr=False, compare=False)  # the model, or a function that reads it

    @property
    def offences(self):
        """The offence model of the framework (:class:`lexcheck.offences.OffenceModel`: every offence,
        basic or aggravated, its acts, means, purposes, victims, penalty and circumstances), read on
        first use from the parsed framework; ``.to_dict()``, ``.to_dataframe()``, ``.to_text()``.
        Not available on a result loaded from JSON (it has no texts)."""
        if self._offences is None:
            raise ValueError(
                "no texts: the offence model needs a result from lexcheck.analyze, not from JSON"
            )
        if callable(self._offences):
            self._offences = self._offences()
        return self._offences

    # ----- summaries -----
    def summary(self) -> dict[str, Any]:
        """Counts by status, and status counts by area, instrument, lens and strength."""

        def table(key) -> dict[str, dict[str, int]]:
            out: dict[str, Counter] = {}
            for f in self.findings:
                for k in key(f):
                    out.setdefault(k, Counter())[f.status] += 1
            return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}

        by_status = {s: 0 for s in ("covered", "partial", "missing", "needs_review")}
        for f in self.findings:
            by_status[f.status] = by_status.get(f.status, 0) + 1
        return {
            "by_status": by_status,
            "by_area": table(lambda f: [f.area]),
            "by_instrument": table(lambda f: [f.instrument]),
            "by_lens": table(lambda f: f.lenses),
            "by_strength": table(lambda f: [f.strength]),
            "by_binding": table(
                lambda f: [{True: "binding", False: "not_binding"}.get(f.binding, "unknown")]
            ),
            "reviewed": sum(1 for f in self.findings if f.review is not None),
        }

    def finding(self, requirement_id: str) -> Finding:
        return next(f for f in self.findings if f.requirement_id == requirement_id)

    def gaps(self) -> list[Finding]:
        return [f for f in self.findings if f.is_gap]

    # ----- serialisation -----
    def to_dict(self) -> dict[str, Any]:
        return {
            "lexcheck_version": self.lexcheck_version,
            "catalogue_version": self.catalogue_version,
            "profile": self.profile,
            "framework": {
                "country": self.country,
                "title": self.title,
                "documents": [_plain(d) for d in self.documents],
            },
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary(),
        }

    def to_json(self, indent: int = 2) -> str:
        """The machine-contract JSON document; byte-identical for the same inputs."""
        return _dumps(self.to_dict(), indent) + "\n"

    @classmethod
    def read_json(cls, path) -> GapAnalysis:
        """Load a result saved with ``lexcheck analyze --format json``."""
        from pathlib import Path

        from ..errors import InputError

        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError("no such file", p) from None
        except OSError as exc:
            raise InputError(f"cannot read the result ({exc.strerror or exc})", p) from None
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise InputError(f"not a lexcheck JSON result ({exc.__class__.__name__})", p) from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise InputError("not a lexcheck JSON result (no 'findings' list)", p)
        try:
            result = cls.from_dict(data)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise InputError(f"malformed lexcheck JSON result ({type(exc).__name__}: {exc})", p) from None
        from .result_check import result_problem

        problem = result_problem(result)
        if problem:
            raise InputError(f"malformed lexcheck JSON result: {problem}", p)
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GapAnalysis:
        """Rebuild a result from its JSON form (e.g. ``lexcheck report result.json``)."""

        def ev(items):
            return [Evidence(**e) for e in items or []]

        findings = []
        for f in data.get("findings", []):
            findings.append(
                Finding(
                    requirement_id=f["requirement_id"],
                    instrument=f.get("instrument", ""),
                    status=f["status"],
                    confidence=f.get("confidence", 0.0),
                    elements=[
                        ElementResult(
                            key=e["key"],
                            status=e["status"],
                            label=e.get("label", ""),
                            evidence=ev(e.get("evidence")),
                            note=e.get("note", ""),
                        )
                        for e in f.get("elements", [])
                    ],
                    parameters=[
                        ParameterResult(**{**p, "evidence": ev(p.get("evidence"))})
                        for p in f.get("parameters", [])
                    ],
                    evidence=ev(f.get("evidence")),
                    qualifiers=[
                        Qualifier(**{**q, "evidence": ev(q.get("evidence"))}) for q in f.get("qualifiers", [])
                    ],
                    explanation=f.get("explanation", ""),
                    recommendation=f.get("recommendation", ""),
                    model_wording=f.get("model_wording", ""),
                    review=Review(**f["review"]) if f.get("review") else None,
                    cite=f.get("cite", ""),
                    title=f.get("title", ""),
                    area=f.get("area", ""),
                    strength=f.get("strength", ""),
                    binding=f.get("binding"),
                    lenses=list(f.get("lenses", [])),
                    actors=list(f.get("actors", [])),
                    machine_status=f.get("machine_status", ""),
                )
            )
        fw = data.get("framework", {})
        return cls(
            lexcheck_version=data.get("lexcheck_version", ""),
            catalogue_version=data.get("catalogue_version", ""),
            profile=data.get("profile", ""),
            documents=[DocumentInfo(**d) for d in fw.get("documents", [])],
            findings=findings,
            country=fw.get("country", ""),
            title=fw.get("title", ""),
        )

    # ----- data frames and notebooks -----
    def to_dataframe(self):
        """One row per finding (pandas DataFrame)."""
        import pandas as pd

        rows = []
        for f in self.findings:
            rows.append(
                {
                    "requirement_id": f.requirement_id,
                    "instrument": f.instrument,
                    "cite": f.cite,
                    "title": f.title,
                    "area": f.area,
                    "strength": f.strength,
                    "binding": f.binding,
                    "lenses": ", ".join(f.lenses),
                    "status": f.status,
                    "machine_status": f.machine_status or f.status,
                    "confidence": round(f.confidence, 2),
                    "elements_found": ", ".join(e.key for e in f.elements if e.status == "found"),
                    "elements_missing": ", ".join(e.key for e in f.elements if e.status == "missing"),
                    "provisions": ", ".join(dict.fromkeys(f"{e.document}:{e.eid}" for e in f.evidence)),
                    "explanation": f.explanation,
                    "recommendation": f.recommendation,
                    "reviewed": f.review is not None,
                }
            )
        return pd.DataFrame(rows)

    def elements_dataframe(self):
        """One row per element of every finding."""
        import pandas as pd

        rows = [
            {
                "requirement_id": f.requirement_id,
                "element": e.key,
                "label": e.label,
                "status": e.status,
                "provisions": ", ".join(dict.fromkeys(f"{v.document}:{v.eid}" for v in e.evidence)),
                "quote": " | ".join(v.quote for v in e.evidence[:3]),
            }
            for f in self.findings
            for e in f.elements
        ]
        return pd.DataFrame(
            rows, columns=["requirement_id", "element", "label", "status", "provisions", "quote"]
        )

    def compare(self, other: GapAnalysis):
        """Compare this result (old) with ``other`` (new): gaps closed, opened and unchanged."""
        from .compare import compare

        return compare(self, other)

    def _repr_html_(self) -> str:
        from html import escape

        s = self.summary()["by_status"]
        head = escape(self.title or ", ".join(d.path for d in self.documents))
        rows = "".join(
            f"<tr><td>{escape(f.requirement_id)}</td><td>{escape(f.status)}</td>"
            f"<td>{f.confidence:.2f}</td><td>{escape(f.explanation)}</td></tr>"
            for f in self.findings
        )
        counts = ", ".join(f"{k}: {v}" for k, v in s.items())
        return (
            f"<div><b>lexcheck gap analysis</b> of {head} (profile {escape(self.profile)}): {counts}"
            f"<table><tr><th>requirement</th><th>status</th><th>confidence</th><th>explanation</th></tr>"
            f"{rows}</table></div>"
        )
