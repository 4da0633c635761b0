"""lexcheck's pattern notation, compiled to spaCy token patterns.

Catalogue authors write patterns as short phrases; each is compiled into a spaCy ``Matcher``
pattern on the lexcheck lemma (``LEMMA``, computed on the lower-cased word) or the normalised lower-case form (``NORM``):

====================  ======================================================================
``recruit``           a word, matched by lemma: recruit, recruits, recruited, recruiting
``=means``            exact lower-case form only, no lemmatisation
``verbov*``           a stem: any word beginning with ``verbov`` (for inflected languages)
``harbour|conceal``   alternatives at one position (each may be a stem or ``=form``); an
                      alternative is ONE word: ``action plan|strategy`` means "action" then
                      "plan" or "strategy"
``of?``               an optional word
``~3``                up to three arbitrary words (a gap; at most ``~40``)
``#num``              a number in digits ("18") or words are handled by parameter extraction;
                      ``#num`` matches a token that looks like a number
====================  ======================================================================

A pattern may also be given as a raw list of spaCy token dicts, used as it is.

Example: ``abuse of~2 position|situation of vulnerability`` is not valid (gaps are their own token);
write ``abuse of ~2 position|situation of vulnerability``.
"""

from __future__ import annotations

import re

from ..errors import CatalogueError
from ..nlp import lemma, normalise

_GAP = re.compile(r"^~(\d{1,2})$")
MAX_GAP = 40  # gaps are joined by PatternSet, not by spaCy (whose {0,n} explodes combinatorially)


def _alternative(alt: str, lang: str) -> tuple[str, str]:
    """Classify one alternative: ('lemma', x), ('lower', x) or ('prefix', x)."""
    if alt.startswith("="):
        return "lower", normalise(alt[1:])
    if alt.endswith("*") and len(alt) > 1:
        return "prefix", normalise(alt[:-1])
    return "lemma", lemma(alt, lang)


def compile_token(word: str, lang: str) -> dict:
    """One position of a phrase pattern as a spaCy token dict."""
    optional = word.endswith("?") and len(word) > 1
    if optional:
        word = word[:-1]
    if word == "#num":
        tok: dict = {"LIKE_NUM": True}
    else:
        alts = [_alternative(a, lang) for a in word.split("|") if a]
        if not alts:
            raise ValueError(f"empty alternative in {word!r}")
        prefixes = [v for k, v in alts if k == "prefix"]
        lemmas = sorted({v for k, v in alts if k == "lemma"})
        lowers = sorted({v for k, v in alts if k == "lower"})
        if prefixes:
            parts = [re.escape(p) + ".*" for p in prefixes]
            parts += [re.escape(v) + "$" for v in lowers + lemmas]
            # plain words mixed with stems are compared by their lemma: PatternSet tests a stem
            # regex against both the word and its lemma
            tok = {"NORM": {"REGEX": "^(?:" + "|".join(parts) + ")"}}
        elif lowers and not lemmas:
            tok = {"NORM": lowers[0]} if len(lowers) == 1 else {"NORM": {"IN": lowers}}
        elif lemmas and not lowers:
            tok = {"LEMMA": lemmas[0]} if len(lemmas) == 1 else {"LEMMA": {"IN": lemmas}}
        else:
            # mixed exact forms and lemmas: match the lemma of either
            tok = {"LEMMA": {"IN": sorted(set(lemmas) | {lemma(x, lang) for x in lowers})}}
    if optional:
        tok["OP"] = "?"
    return tok


def compile_pattern(source: str | list, lang: str) -> list[dict]:
    """Compile a phrase in lexcheck's notation (or pass through a token-dict list)."""
    if isinstance(source, list):
        if not all(isinstance(t, dict) for t in source) or not source:
            raise ValueError("a token pattern must be a non-empty list of token dicts")
        return source
    if not isinstance(source, str) or not source.strip():
        raise ValueError("a pattern must be a non-empty phrase")
    tokens: list[dict] = []
    for word in _split(source):
        gap = _GAP.match(word)
        if gap:
            if int(gap.group(1)) > MAX_GAP:
                raise ValueError(f"gap ~{gap.group(1)} is too long (at most ~{MAX_GAP})")
            tokens.append({"OP": "{0," + gap.group(1) + "}"})
        else:
            tokens.append(compile_token(word, lang))
    if all(t.get("OP") in ("?", "*") or ("OP" in t and len(t) == 1) for t in tokens):
        raise ValueError(f"pattern {source!r} can match nothing but optional words")
    return tokens


def _split(source: str) -> list[str]:
    """Split a phrase into positions the way spaCy's tokenizer would split the text."""
    out: list[str] = []
    for chunk in source.split():
        if chunk.startswith("~") or chunk == "#num" or "|" in chunk or chunk.startswith("="):
            out.append(chunk)
            continue
        # separate punctuation the tokenizer separates: hyphens stay inside words
        for piece in re.findall(r"[\w'\-*?]+|[^\w\s]", chunk):
            out.append(piece)
    return out


def check_patterns(patterns, where: str, path: str | None = None) -> None:
    """Compile every pattern with spaCy's Matcher so a broken one fails at load time, not mid-run."""
    from spacy.matcher import Matcher

    from ..nlp import pipeline
    from .safe_regex import regex_problem, regexes_in

    by_lang: dict[str, list] = {}
    for pat in patterns:
        by_lang.setdefault(pat.lang, []).append(pat)
        for regex in regexes_in(pat.source):  # before spaCy ever runs one
            problem = regex_problem(regex)
            if problem:
                raise CatalogueError(f"{where}: pattern {pat.source!r} ({pat.lang}): {problem}", path)
    for lang, pats in by_lang.items():
        matcher = Matcher(pipeline(lang).vocab, validate=True)
        for pat in pats:
            try:
                matcher.add("check", [compile_pattern(pat.source, lang)])
            except Exception as exc:  # spaCy raises several types for invalid patterns
                raise CatalogueError(
                    f"{where}: pattern {pat.source!r} ({lang}) does not compile: {str(exc).splitlines()[0]}",
                    path,
                ) from None


def compile_segments(source: str | list, lang: str) -> list[tuple[int, list[dict]]]:
    """A pattern cut at its gaps: ``[(gap before, gap-free token pattern), ...]``.

    Gaps are joined by :class:`PatternSet` after matching, because spaCy expands ``{0,n}`` into
    n optional wildcard tokens, which makes matching slow on long texts.
    """
    tokens = compile_pattern(source, lang)
    segments: list[tuple[int, list[dict]]] = []
    gap, current = 0, []
    for tok in tokens:
        op = tok.get("OP", "")
        if len(tok) == 1 and op.startswith("{0,"):
            if current:
                segments.append((gap, current))
                current, gap = [], 0
            gap += int(op[3:-1])
        else:
            current.append(tok)
    if current:
        segments.append((gap, current))
    return segments


_SUPPORTED = {"LEMMA", "NORM", "LOWER", "LIKE_NUM", "OP"}


def _unsupported_value(token: dict) -> bool:
    """Token-dict values the index matcher does not evaluate itself (e.g. NOT_IN, FUZZY)."""
    for attr in ("LEMMA", "NORM", "LOWER"):
        value = token.get(attr)
        if isinstance(value, dict) and (len(value) != 1 or not set(value) <= {"IN", "REGEX"}):
            return True
        if value is not None and not isinstance(value, (str, dict)):
            return True
    return sum(a in token for a in ("LEMMA", "NORM", "LOWER", "LIKE_NUM")) > 1


_GENERATED = re.compile(r"^\^\(\?:(.*)\)$")


class _TokenTest:
    """One token position: a test on the token's lemma / norm / lower form, possibly optional.

    Stems (Russian ``verbov*``) become prefix tests; a stem matches the word as written or its lemma
    (Russian "chelovek*|lyudey": the lemma of lyudey, "people", is chelovek)."""

    def __init__(self, spec: dict):
        self.optional = spec.get("OP") == "?"
        self.like_num = bool(spec.get("LIKE_NUM"))
        self.attr, self.values, self.regex = "lemma", None, None
        self.prefixes: tuple[str, ...] = ()
        for attr in ("LEMMA", "NORM", "LOWER"):
            if attr in spec:
                self.attr = attr.lower()
                value = spec[attr]
                if isinstance(value, str):
                    self.values = frozenset([value])
                elif "IN" in value:
                    self.values = frozenset(value["IN"])
                elif "REGEX" in value:
                    self._regex(value["REGEX"])
        self.key = (
            self.attr,
            self.values,
            self.prefixes,
            self.regex.pattern if self.regex else None,
            self.like_num,
        )

    def _regex(self, pattern: str) -> None:
        m = _GENERATED.match(pattern)
        alts = m.group(1).split("|") if m else []
        if alts and all(a.endswith((".*", "$")) and "|" not in a for a in alts):
            unescape = lambda a: re.sub(r"\\(.)", r"\1", a)  # noqa: E731
            self.prefixes = tuple(unescape(a[:-2]) for a in alts if a.endswith(".*"))
            self.values = frozenset(unescape(a[:-1]) for a in alts if a.endswith("$")) or None
            if self.values is None:
                self.values = frozenset()
        else:
            self.regex = re.compile(pattern)

    def positions(self, doc: _IndexedDoc) -> set[int]:
        """Every token position that passes the test."""
        if self.like_num:
            return {i for i, v in enumerate(doc.like_num) if v}
        index = doc.index(self.attr)
        out: set[int] = set()
        if self.regex is not None:
            for name in (self.attr, "lemma"):
                idx = doc.index(name)
                for form in idx:
                    if self.regex.match(form):
                        out.update(idx[form])
            return out
        for v in self.values or ():
            out.update(index.get(v, ()))
        if self.prefixes:
            for name in (self.attr, "lemma"):
                idx = doc.index(name)
                for form in doc.forms_with_prefixes(name, self.prefixes):
                    out.update(idx[form])
            if self.values:  # plain words mixed with stems are compared by lemma too
                lemmas = doc.index("lemma")
                for v in self.values:
                    out.update(lemmas.get(v, ()))
        return out


class _IndexedDoc:
    """Token forms of a spaCy Doc with an inverted index, built once per document."""

    def __init__(self, doc):
        tokens = [t for t in doc if not t.is_space]  # line breaks do not interrupt a phrase
        self.orig = [t.i for t in tokens]
        self.lemma = [t.lemma_ for t in tokens]
        self.norm = [t.norm_ for t in tokens]
        self.lower = [t.lower_ for t in tokens]
        self.like_num = [t.like_num for t in tokens]
        # gaps count words, not punctuation: "regardless of—(a) where" is a gap of one word
        self.words_before = []
        n = 0
        for t in tokens:
            self.words_before.append(n)
            if not t.is_punct:
                n += 1
        self.words_before.append(n)
        self._index: dict[str, dict[str, list[int]]] = {}
        self._sorted: dict[str, list[str]] = {}

    def attr(self, name: str) -> list[str]:
        return getattr(self, name)

    def index(self, name: str) -> dict[str, list[int]]:
        if name not in self._index:
            idx: dict[str, list[int]] = {}
            for i, form in enumerate(self.attr(name)):
                idx.setdefault(form, []).append(i)
            self._index[name] = idx
        return self._index[name]

    def forms_with_prefixes(self, name: str, prefixes: tuple[str, ...]) -> list[str]:
        from bisect import bisect_left

        if name not in self._sorted:
            self._sorted[name] = sorted(self.index(name))
        forms = self._sorted[name]
        out = []
        for p in prefixes:
            i = bisect_left(forms, p)
            while i < len(forms) and forms[i].startswith(p):
                out.append(forms[i])
                i += 1
        return out


def _ends(tests, pos: list[set[int]], i: int, n: int, k: int = 0) -> set[int]:
    """End positions of the token tests ``tests[k:]`` matched from token ``i``."""
    if k == len(tests):
        return {i}
    out: set[int] = set()
    if i < n and i in pos[k]:
        out |= _ends(tests, pos, i + 1, n, k + 1)
    if tests[k].optional:
        out |= _ends(tests, pos, i, n, k + 1)
    return out


def _chain(chain, k, end, hits, starts, words) -> int | None:
    """Extend a match ending at ``end`` by segments ``chain[k:]`` within their gaps; the end, or None.
    Every occurrence inside a gap is tried, not only the nearest."""
    from bisect import bisect_left

    if k == len(chain):
        return end
    gap, seg = chain[k]
    items, firsts = hits[seg], starts[seg]
    i = bisect_left(firsts, end)
    while i < len(items) and words[items[i][0]] - words[end] <= gap:
        found = _chain(chain, k + 1, items[i][1], hits, starts, words)
        if found is not None:
            return found
        i += 1
    return None


class PatternSet:
    """Many labelled patterns, matched over a spaCy Doc through an inverted index of its lemmas.

    Each pattern is cut at its gaps; each gap-free segment is looked up from the positions of its
    first word and checked token by token; segments are then chained where the gaps allow. This
    keeps matching close to the cost of tokenisation (spaCy's own ``{0,n}`` operator expands into
    n optional wildcards and becomes slow on long texts). Raw spaCy patterns that use other token
    attributes go to a spaCy ``Matcher``.
    """

    def __init__(self, vocab=None):
        self._segments: dict[str, list[_TokenTest]] = {}
        self._segment_ids: dict[str, str] = {}
        self.patterns: list[tuple[str, list[tuple[int, str]]]] = []
        self._fallback_patterns: list[tuple[str, list[dict]]] = []
        self._fallback = None  # a spaCy Matcher, built on first use (not pickled)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_fallback"] = None
        return state

    def add(self, label: str, source: str | list, lang: str) -> None:
        import json

        tokens = compile_pattern(source, lang)
        if (
            any(set(t) - _SUPPORTED for t in tokens)
            or any(_unsupported_value(t) for t in tokens)
            or any(
                t.get("OP") not in (None, "?") and not (len(t) == 1 and str(t.get("OP")).startswith("{0,"))
                for t in tokens
            )
        ):
            self._fallback_patterns.append((label, tokens))
            return
        chain = []
        for gap, seg_tokens in compile_segments(source, lang):
            key = json.dumps(seg_tokens, sort_keys=True, ensure_ascii=False)
            seg = self._segment_ids.get(key)
            if seg is None:
                seg = f"s{len(self._segment_ids)}"
                self._segment_ids[key] = seg
                self._segments[seg] = [_TokenTest(t) for t in seg_tokens]
            chain.append((gap, seg))
        self.patterns.append((label, chain))

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        """``(label, start token, end token)`` for every match, sorted and without duplicates."""
        idoc = _IndexedDoc(doc)
        n = len(idoc.lemma)
        memo: dict = {}
        hits: dict[str, list[tuple[int, int]]] = {}
        for seg, tests in self._segments.items():
            pos = []
            for t in tests:
                if t.key not in memo:
                    memo[t.key] = t.positions(idoc)
                pos.append(memo[t.key])
            starts: set[int] = set()
            for t, p in zip(tests, pos):
                starts |= p
                if not t.optional:
                    break
            if all(not t.optional for t in tests):
                found = [
                    (i, i + len(tests)) for i in starts if all(i + k in pos[k] for k in range(1, len(tests)))
                ]
            else:
                found = [(i, e) for i in starts for e in _ends(tests, pos, i, n) if e > i]
            if found:
                found.sort()
                hits[seg] = found
        starts = {seg: [a for a, _ in items] for seg, items in hits.items()}
        out = set()
        for label, chain in self.patterns:
            first = hits.get(chain[0][1])
            if not first or any(seg not in hits for _, seg in chain[1:]):
                continue
            for a, b in first:
                end = _chain(chain, 1, b, hits, starts, idoc.words_before)
                if end is not None:
                    out.add((label, a, end))
        # back to token indexes of the spaCy Doc
        orig = idoc.orig
        out = {(label, orig[a], orig[b - 1] + 1) for label, a, b in out}
        if self._fallback_patterns:
            if self._fallback is None:
                from spacy.matcher import Matcher

                self._fallback = Matcher(doc.vocab)
                for label, tokens in self._fallback_patterns:
                    self._fallback.add(label, [tokens])
            strings = doc.vocab.strings
            out.update((strings[m], s, e) for m, s, e in self._fallback(doc))
        return sorted(out, key=lambda t: (t[1], t[2], t[0]))


def find(text: str, sources, lang: str = "en") -> list[str]:
    """The pieces of ``text`` that any of the pattern ``sources`` matches (for tests and debugging)."""
    from ..nlp import pipeline

    nlp = pipeline(lang)
    patterns = PatternSet(nlp.vocab)
    for src in sources:
        patterns.add("p", src, lang)
    doc = nlp(text)
    return [doc[s:e].text for _, s, e in patterns(doc)]
