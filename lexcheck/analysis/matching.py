"""Running the catalogue's element patterns over the national texts (one Matcher pass per document)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..catalogue.model import Catalogue
from ..catalogue.patterns import PatternSet
from .context import DocContext


@dataclass(frozen=True)
class Hit:
    """One place where a pattern of a requirement's element (or red flag) matched."""

    requirement: str
    key: str
    negative: bool
    doc: str
    start: int
    end: int
    text: str


def _label(rid: str, key: str, negative: bool) -> str:
    return f"{rid}\x1f{'!' if negative else ''}{key}"


def _matcher(lang: str, catalogue: Catalogue):
    """One Matcher per language with every element and red-flag pattern, cached on the catalogue."""
    cache = catalogue.__dict__.setdefault("_matchers", {})
    if lang not in cache:
        if catalogue.cache_key:
            from ..files.cache import cached

            cache[lang] = cached(
                f"patterns-{lang}",
                catalogue.cache_key,
                lambda: _build_matcher(lang, catalogue),
                expect=PatternSet,
            )
        else:
            cache[lang] = _build_matcher(lang, catalogue)
    return cache[lang]


def _build_matcher(lang: str, catalogue: Catalogue) -> PatternSet:
    from ..nlp import pipeline

    patterns = PatternSet(pipeline(lang).vocab)
    for req in catalogue.requirements:
        for el in req.elements:
            for p in el.patterns:
                if p.lang == lang:
                    patterns.add(_label(req.id, el.key, False), p.source, lang)
        for neg in req.negative:
            for p in neg.patterns:
                if p.lang == lang:
                    patterns.add(_label(req.id, neg.key, True), p.source, lang)
    return patterns


def find_hits(catalogue: Catalogue, contexts: list[DocContext]) -> dict[tuple[str, str, bool], list[Hit]]:
    """All hits, keyed by (requirement id, element key, negative?), in document order."""
    out: dict[tuple[str, str, bool], list[Hit]] = defaultdict(list)
    for ctx in contexts:
        matcher = _matcher(ctx.lang, catalogue)
        sdoc = ctx.spacy_doc
        text = ctx.document.text
        doc_id = ctx.document.id
        found = matcher(sdoc)
        if not found:
            continue
        # character offsets of every token, read once as arrays (a Span per hit is slow)
        from spacy.attrs import IDX, LENGTH

        offsets = sdoc.to_array([IDX, LENGTH])
        starts, lengths = offsets[:, 0].tolist(), offsets[:, 1].tolist()
        labels: dict[str, tuple[str, str, bool]] = {}
        seen: set[tuple[str, int, int]] = set()
        for label, s, e in found:
            parts = labels.get(label)
            if parts is None:
                rid, key = label.split("\x1f", 1)
                negative = key.startswith("!")
                parts = labels[label] = (rid, key.lstrip("!"), negative)
            rid, key, negative = parts
            start, end = starts[s], starts[e - 1] + lengths[e - 1]
            marker = (label, start, end)
            if marker in seen:
                continue
            seen.add(marker)
            out[(rid, key, negative)].append(Hit(rid, key, negative, doc_id, start, end, text[start:end]))
    for hits in out.values():
        hits.sort(key=lambda h: (h.doc, h.start, h.end))
    return out
