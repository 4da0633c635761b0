"""The one-pass matcher (a token trie, chains sought from their rarest segment) finds exactly the
hits of a simple reference matcher: every segment tried from every token, every chain from every
first hit. On the national texts of the repository and on random sequences of catalogue words."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lexcheck.analysis.matching import _matcher
from lexcheck.catalogue.patterns import PatternSet, _chain, find
from lexcheck.nlp import pipeline

ROOT = Path(__file__).resolve().parents[1]


def _reference(patterns: PatternSet, doc) -> list[tuple[str, int, int]]:
    """The matches of ``patterns`` found the slow, obvious way (fallback patterns left out)."""
    tokens = [t for t in doc if not t.is_space]
    forms = [(t.lemma_, t.norm_, t.lower_, t.like_num) for t in tokens]
    words = [0]
    for t in tokens:
        words.append(words[-1] + (0 if t.is_punct else 1))
    n = len(tokens)

    def ends(tests, i, k):
        if k == len(tests):
            return {i}
        out = set()
        if i < n and tests[k].accepts(*forms[i]):
            out |= ends(tests, i + 1, k + 1)
        if tests[k].optional:
            out |= ends(tests, i, k + 1)
        return out

    hits = {}
    for seg, tests in patterns._segments.items():
        found = sorted({(i, e) for i in range(n) for e in ends(tests, i, 0) if e > i})
        if found:
            hits[seg] = ([a for a, _ in found], [b for _, b in found])
    out = set()
    for label, chain in patterns.patterns:
        if any(seg not in hits for _, seg in chain):
            continue
        for a, b in zip(*hits[chain[0][1]]):
            end = _chain(chain, 1, b, hits, words)
            if end is not None:
                out.add((label, tokens[a].i, tokens[end - 1].i + 1))
    return sorted(out, key=lambda t: (t[1], t[2], t[0]))


def _without_fallback(patterns: PatternSet, doc) -> list[tuple[str, int, int]]:
    saved = patterns._fallback_patterns
    patterns._fallback_patterns = []
    try:
        return patterns(doc)
    finally:
        patterns._fallback_patterns = saved


def _texts(lang: str) -> list[str]:
    """Up to three texts in ``lang`` (cut to 12,000 characters): this repository's national_law,
    then ../shared/corpus where it is there."""
    texts = []
    for folder in (ROOT / "national_law", ROOT.parent / "shared" / "corpus"):
        for path in sorted(folder.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            cyrillic = sum("а" <= c.lower() <= "я" for c in text[:2000]) > 200
            if cyrillic == (lang == "ru"):
                texts.append(text[:12_000])
    return texts[:3]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_same_hits_as_the_reference_on_national_texts(catalogue, lang):
    patterns = _matcher(lang, catalogue)
    texts = _texts(lang)
    if not texts:
        pytest.skip(f"no {lang} text in national_law/")
    for text in texts:
        doc = pipeline(lang)(text)
        assert _without_fallback(patterns, doc) == _reference(patterns, doc)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_same_hits_as_the_reference_on_random_catalogue_words(catalogue, lang):
    patterns = _matcher(lang, catalogue)
    vocab = sorted(
        {
            w.strip("=?*")
            for req in catalogue.requirements
            for el in req.elements
            for p in el.patterns
            if p.lang == lang and isinstance(p.source, str)
            for chunk in p.source.split()
            for w in chunk.split("|")
            if w and not w.startswith("~") and w != "#num"
        }
    )
    fillers = [",", ".", "(a)", "18", "\n", "—", "the", "of", "and", "or"]
    rng = random.Random(14)
    for _ in range(6):
        words = [rng.choice(vocab) if rng.random() < 0.7 else rng.choice(fillers) for _ in range(300)]
        doc = pipeline(lang)(" ".join(words))
        assert _without_fallback(patterns, doc) == _reference(patterns, doc)


def test_small_pattern_sets():
    text = (
        "He recruited, harboured and transported persons by means of force or the threat of force. 18 years"
    )
    got = find(
        text,
        [
            "recruit",
            "harbour|conceal",
            "=means of?",
            "threat of ~2 force",
            "person* by",
            "#num year",
            "the? threat",
            "recruit ~4 person",
        ],  # fmt: skip
    )
    assert got == [
        "recruited",
        "recruited, harboured and transported persons",
        "harboured",
        "persons by",
        "means",
        "means of",
        "the threat",
        "threat",
        "threat of force",
        "18 years",
    ]
    assert find("", ["recruit"]) == [] and find(" \n ", ["recruit"]) == []


def test_a_pickled_pattern_set_matches_the_same(catalogue):
    import pickle

    patterns = _matcher("en", catalogue)
    doc = pipeline("en")("Whoever recruits, harbours or transports a person by force, fraud or coercion.")
    assert pickle.loads(pickle.dumps(patterns))(doc) == patterns(doc)
