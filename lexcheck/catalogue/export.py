"""The catalogue as tables and text: ``lexcheck standards list`` and ``lexcheck standards show``."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from .model import Catalogue, Requirement


def requirement_dict(req: Requirement) -> dict:
    """Every field of a requirement, JSON-ready."""
    d = asdict(req)
    d.pop("source_file", None)
    return d


def export_requirements(cat: Catalogue, reqs: list[Requirement], fmt: str) -> str:
    if fmt == "json":
        return (
            json.dumps(
                {
                    "catalogue_version": cat.version,
                    "count": len(reqs),
                    "requirements": [requirement_dict(r) for r in reqs],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    cols = ["id", "instrument", "cite", "strength", "area", "title"]
    if fmt == "csv":
        from ..files.cells import csv_text

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols + ["lenses", "verification", "statement"])
        for r in reqs:
            row = [getattr(r, c) for c in cols] + [";".join(r.lenses), r.verification, r.statement]
            w.writerow([csv_text(v) for v in row])  # a user's catalogue text never becomes a formula
        return buf.getvalue()
    if fmt == "md":
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for r in reqs:
            lines.append("| " + " | ".join(str(getattr(r, c)).replace("|", "/") for c in cols) + " |")
        return "\n".join(lines) + f"\n\n{len(reqs)} requirements (catalogue {cat.version})\n"
    widths = {c: max([len(c)] + [len(str(getattr(r, c))) for r in reqs]) for c in cols}
    widths["title"] = min(widths["title"], 60)
    out = ["  ".join(c.ljust(widths[c]) for c in cols)]
    for r in reqs:
        out.append("  ".join(str(getattr(r, c))[: widths[c]].ljust(widths[c]) for c in cols).rstrip())
    out.append(f"{len(reqs)} requirements (catalogue {cat.version})")
    return "\n".join(out) + "\n"


def describe(cat: Catalogue, req: Requirement) -> str:
    """A requirement in full, as text a lawyer reads."""
    ins = cat.instruments.get(req.instrument)
    lines = [
        f"{req.id}: {req.title}",
        f"  instrument:   {ins.title if ins else req.instrument}",
        f"  cite:         {req.cite}",
        f"  strength:     {req.strength}    area: {req.area}    verification: {req.verification}",
    ]
    if req.lenses:
        lines.append(f"  lenses:       {', '.join(req.lenses)}")
    if req.actors:
        lines.append(f"  actors:       {', '.join(req.actors)}")
    lines += ["", f"  {req.statement}"]
    if req.text:
        lines += ["", f'  Text: "{req.text}"']
    lines += ["", "  Elements:"]
    for e in req.elements:
        langs = sorted({p.lang for p in e.patterns})
        lines.append(f"    - {e.key}: {e.label}  [{', '.join(langs)}]")
    if req.negative:
        lines.append("  Red flags:")
        for n in req.negative:
            lines.append(f"    - {n.key}: {n.label} (-> {n.effect})")
    if req.parameters:
        lines.append("  Parameters:")
        for p in req.parameters:
            lines.append(f"    - {p.name} {p.rule} {p.unit}")
    related = cat.related_to(req.id)
    if related:
        lines.append("  Crosswalk:")
        for other, rel in related:
            lines.append(f"    - {rel:10} {other.id}: {other.title}")
    for k, v in req.recommendation.items():
        lines += ["", f"  Recommendation if {k}: {v}"]
    if req.model_wording:
        lines += ["", "  Model wording:", f"    {req.model_wording}"]
    if req.note:
        lines += ["", f"  Note: {req.note}"]
    return "\n".join(lines)
