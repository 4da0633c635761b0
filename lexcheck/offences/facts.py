"""Framework-level facts of criminal law: ancillary liability (attempt, complicity, organising or
directing), liability of legal persons, confiscation, and jurisdiction (territorial, ships and
aircraft, nationals as offenders, nationals as victims), each with its provision and words.

They are the catalogue's element hits of the requirements that state them, in operative provisions
that are not addressed to other countries (analysis/context.py), one fact per kind and article.
"""

from __future__ import annotations

from ..law.sentences import sentence_around
from .model import Fact, Place

#: (requirement, element) -> fact kind
FACTS = {
    ("PAL-5-2a-attempt", "attempt"): "attempt",
    ("PAL-5-2b-accomplice", "accomplice"): "complicity",
    ("PAL-5-2c-organising", "organising_directing"): "organising_directing",
    ("UNTOC-10-1-legal-persons", "legal_person_liability"): "legal_persons",
    ("COE-22-1-corporate-liability", "legal_person_liable"): "legal_persons",
    ("UNTOC-12-1-confiscation", "confiscation"): "confiscation",
    ("COE-23-3-confiscation", "confiscation"): "confiscation",
    ("UNTOC-15-1-territorial", "territory"): "jurisdiction_territorial",
    ("UNTOC-15-1-territorial", "ships_aircraft"): "jurisdiction_ships_aircraft",
    ("UNTOC-15-2-personality", "active_personality"): "jurisdiction_nationals_offenders",
    ("UNTOC-15-2-personality", "passive_personality"): "jurisdiction_nationals_victims",
}


def read_facts(contexts, hits) -> list[Fact]:
    from .extract import cite

    by_id = {c.document.id: c for c in contexts}
    seen: set[tuple[str, str, str]] = set()
    out: list[Fact] = []
    for (rid, key, neg), items in sorted(hits.items()):
        kind = FACTS.get((rid, key))
        if kind is None or neg:
            continue
        for h in items:
            ctx = by_id[h.doc]
            node = ctx.provision_at(h.start)
            unit = ctx.unit_for(node)
            if unit is None or not unit.operative or unit.foreign or unit.heading_only:
                continue
            marker = (kind, h.doc, unit.node.eid)
            if marker in seen:
                continue
            seen.add(marker)
            quote = sentence_around(ctx.document.text, h.start, h.end)[0]
            out.append(Fact(kind, Place(h.doc, node.eid, cite(ctx, node), " ".join(quote.split()))))
    order = {k: i for i, k in enumerate(dict.fromkeys(FACTS.values()))}
    out.sort(key=lambda f: (order[f.kind], f.place.document, _pos(by_id, f)))
    return out


def _pos(by_id, f: Fact) -> int:
    node = by_id[f.place.document].document.get(f.place.eid)
    return node.start if node else 0
