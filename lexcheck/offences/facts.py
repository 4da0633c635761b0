"""Framework-level facts of criminal law: ancillary liability (attempt, complicity, organising or
directing), liability of legal persons, confiscation, and jurisdiction (territorial, ships and
aircraft, nationals as offenders, nationals as victims), each with its provision and words.

They are the catalogue's element hits of the requirements that state them, in operative provisions
that are not addressed to other countries (analysis/context.py), one fact per kind and article.
"""

from __future__ import annotations

from ..law.sentences import sentence_around
from .model import FACT_KINDS, Fact, Place


def read_facts(contexts, hits) -> list[Fact]:
    from .extract import cite, elements

    facts = {(rid, key): kind for rid, keys in elements()["facts"].items() for key, kind in keys.items()}

    by_id = {c.document.id: c for c in contexts}
    seen: set[tuple[str, str, str]] = set()
    out: list[Fact] = []
    for (rid, key, neg), items in sorted(hits.items()):
        kind = facts.get((rid, key))
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
            if kind in _ANCILLARY and _circumstance(quote, ctx.lang):
                continue  # "if the violation includes ... an attempt to kidnap, ... imprisoned for life"
            out.append(Fact(kind, Place(h.doc, node.eid, cite(ctx, node), " ".join(quote.split()))))
    order = {k: i for i, k in enumerate(FACT_KINDS)}
    out.sort(key=lambda f: (order[f.kind], f.place.document, _pos(by_id, f)))
    return out


_ANCILLARY = ("attempt", "complicity", "organising_directing")


def _circumstance(quote: str, lang: str) -> bool:
    """The words are a circumstance of an aggravated form (or its penalty), not ancillary liability."""
    from .cues import cue
    from .penalties import read_penalty

    if cue("not_ancillary").search(quote):
        return True
    p = read_penalty(quote, lang)
    return bool(p and (p.max_years or p.life or p.min_years))


def _pos(by_id, f: Fact) -> int:
    node = by_id[f.place.document].document.get(f.place.eid)
    return node.start if node else 0
