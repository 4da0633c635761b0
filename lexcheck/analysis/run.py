"""One analysis in progress: the documents with their facts, every pattern hit and the scopes, and
the helpers that turn a place in a text into quotable evidence."""

from __future__ import annotations

from dataclasses import dataclass

from ..law.citation import citation
from ..law.sentences import sentence_around
from .context import TRAFFICKING, DocContext
from .matching import Hit
from .model import Evidence
from .scopes import Anchors, Scope


@dataclass
class Run:
    """Everything one requirement's evaluation needs."""

    contexts: list[DocContext]
    hits: dict
    anchors: Anchors
    #: catalogue area -> what can provide its requirements (``areas`` in standards/catalogue.yaml)
    areas: dict | None = None

    def ctx(self, doc_id: str) -> DocContext:
        return next(c for c in self.contexts if c.document.id == doc_id)

    def evidence(self, hit: Hit, quote: str | None = None) -> Evidence:
        ctx = self.ctx(hit.doc)
        node = ctx.provision_at(hit.start)
        return Evidence(
            document=hit.doc,
            eid=node.eid if node else "",
            quote=quote if quote is not None else hit.text,
            start=hit.start,
            end=hit.end,
            label=citation(node, ctx.document.text),
        )

    def node_key(self, hit: Hit) -> tuple[str, str]:
        node = self.ctx(hit.doc).provision_at(hit.start)
        return (hit.doc, node.eid if node else "")

    def unit_key(self, hit: Hit) -> tuple[str, str]:
        ctx = self.ctx(hit.doc)
        unit = ctx.unit_for(ctx.provision_at(hit.start))
        return (hit.doc, unit.node.eid if unit else "")

    def heading_only(self, hit: Hit) -> bool:
        ctx = self.ctx(hit.doc)
        unit = ctx.unit_for(ctx.provision_at(hit.start))
        return bool(unit and unit.heading_only)

    def sentence(self, hit: Hit, limit: int = 300) -> tuple[str, int, int]:
        """The sentence around a hit: (quote, start, end)."""
        return sentence_around(self.ctx(hit.doc).document.text, hit.start, hit.end, limit)

    def has_trafficking_definition(self) -> bool:
        """Some document defines trafficking (a definition without an offence is still one)."""
        return any(TRAFFICKING.search(d.term) for _, d in self.anchors.definitions)


def in_scope(scope: Scope, hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if scope.contains(h.doc, h.start, h.end)]


def span_evidence(ctx: DocContext, s: int, e: int, quote: str | None = None) -> Evidence:
    """Evidence of ``ctx``'s text from ``s`` to ``e`` (quoted as it is, unless ``quote`` is given)."""
    node = ctx.provision_at(s)
    return Evidence(
        ctx.document.id,
        node.eid if node else "",
        quote if quote is not None else ctx.document.text[s:e],
        s,
        e,
        citation(node, ctx.document.text),
    )


def sentence_text(ctx: DocContext, offset: int) -> str:
    return sentence_around(ctx.document.text, offset, offset + 1)[0]
