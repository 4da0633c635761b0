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
from bisect import bisect_left, bisect_right

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
    return _cut_at_gaps(compile_pattern(source, lang))


def _cut_at_gaps(tokens: list[dict]) -> list[tuple[int, list[dict]]]:
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

    def accepts(self, lemma: str, norm: str, lower: str, like_num: bool) -> bool:
        """Whether one token (its lemma, norm and lower forms, its LIKE_NUM flag) passes the test."""
        if self.like_num:
            return like_num
        form = {"lemma": lemma, "norm": norm, "lower": lower}[self.attr]
        if self.regex is not None:
            return bool(self.regex.match(form) or self.regex.match(lemma))
        values = self.values or ()
        if form in values:
            return True
        if self.prefixes:
            if form.startswith(self.prefixes) or lemma.startswith(self.prefixes):
                return True
            return lemma in values  # plain words mixed with stems are compared by lemma too
        return False


def _distinct_rows(rows):
    """``(distinct rows, row number of each row, positions grouped by row number)`` of a uint64
    array: rows are told apart by a mixed 64-bit hash, sorted once, and checked to be equal
    within each group (``numpy.unique(axis=0)`` is used instead in the unlikely case they are not)."""
    import numpy

    if not len(rows):
        return rows, numpy.zeros(0, dtype="int64"), numpy.zeros(0, dtype="int64")
    with numpy.errstate(over="ignore"):
        mix = numpy.array(
            [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype="uint64"
        )
        h = (rows * mix).sum(axis=1, dtype="uint64") ^ (rows[:, 0] >> numpy.uint64(29))
    order = numpy.argsort(h, kind="stable")
    sorted_h = h[order]
    new = numpy.empty(len(h), dtype=bool)
    new[0] = True
    new[1:] = sorted_h[1:] != sorted_h[:-1]
    group = numpy.cumsum(new) - 1
    inverse = numpy.empty(len(h), dtype="int64")
    inverse[order] = group
    unique = rows[order[new]]
    if not (unique[inverse] == rows).all():  # a hash collision: do it the slow way
        unique, inverse = numpy.unique(rows, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        order = numpy.argsort(inverse, kind="stable")
    return unique, inverse, order


class _IndexedDoc:
    """The non-space tokens of a spaCy Doc as arrays, read once with ``Doc.to_array``.

    ``keys[i]`` is the token's ``(lemma, norm, lower, like_num)`` as string hashes (what every
    token test reads); ``words_before[i]`` counts the words (not punctuation) before it, for gaps."""

    def __init__(self, doc):
        import numpy
        from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, NORM

        if len(doc):
            arr = doc.to_array([LEMMA, NORM, LOWER, LIKE_NUM, IS_SPACE, IS_PUNCT])
        else:
            arr = numpy.zeros((0, 6), dtype="uint64")
        keep = arr[:, 4] == 0  # line breaks do not interrupt a phrase
        self.orig = numpy.flatnonzero(keep).tolist()
        arr = arr[keep]
        # the distinct keys, each token's key number, and the positions of each key
        unique, inverse, order = _distinct_rows(arr[:, :4])
        self.key_of: list[tuple] = [tuple(row) for row in unique.tolist()]
        self.key_ids: list[int] = inverse.tolist()
        bounds = numpy.cumsum(numpy.bincount(inverse, minlength=len(unique)))[:-1]
        self.groups: list[list[int]] = [g.tolist() for g in numpy.split(order, bounds)] if len(unique) else []
        # gaps count words, not punctuation: "regardless of—(a) where" is a gap of one word
        words = numpy.zeros(len(arr) + 1, dtype="int64")
        numpy.cumsum(arr[:, 5] == 0, out=words[1:])
        self.words_before = words.tolist()

    @property
    def keys(self) -> list[tuple]:
        """Each token's key (lemma, norm, lower, like_num), as string hashes."""
        return [self.key_of[k] for k in self.key_ids]


class _Node:
    """A state of the segment trie: its transitions (one per distinct token test), an index of them
    by the values and stems they test, and the segments that end here."""

    __slots__ = ("edges", "accept", "exact", "stems", "other", "longest", "memo")

    def __init__(self):
        self.edges: dict[tuple, tuple[_TokenTest, _Node]] = {}
        self.accept: list[str] = []
        self.exact: dict[str, list[tuple]] = {}  # a form -> the edges that may accept it
        self.stems: dict[str, list[tuple]] = {}  # a stem -> the edges that test it
        self.other: list[tuple] = []  # edges tested on every token (numbers, regexes)
        self.longest = 0
        self.memo: dict[tuple, tuple[_Node, ...]] = {}  # token key -> the states it leads to

    def child(self, test: _TokenTest) -> _Node:
        edge = self.edges.get(test.key)
        if edge is not None:
            return edge[1]
        node = _Node()
        self.edges[test.key] = (test, node)
        if test.like_num or test.regex is not None:
            self.other.append(test.key)
        else:
            for v in test.values or ():
                self.exact.setdefault(v, []).append(test.key)
            for p in test.prefixes:
                self.stems.setdefault(p, []).append(test.key)
                self.longest = max(self.longest, len(p))
        return node

    def step(self, key: tuple, forms) -> tuple[_Node, ...]:
        """The states reached from this one on a token with ``key`` (memoised: keys repeat)."""
        got = self.memo.get(key)
        if got is not None:
            return got
        if not self.edges:
            return ()
        lemma, norm, lower = (forms(h) for h in key[:3])
        like_num = bool(key[3])
        candidates = set(self.other)
        for form in {lemma, norm, lower}:
            candidates.update(self.exact.get(form, ()))
            if self.stems:
                for k in range(1, min(len(form), self.longest) + 1):
                    candidates.update(self.stems.get(form[:k], ()))
        got = tuple(
            node
            for test, node in (self.edges[c] for c in candidates)
            if test.accepts(lemma, norm, lower, like_num)
        )
        self.memo[key] = got
        return got


def _paths(tests: list[_TokenTest]) -> list[list[_TokenTest]]:
    """Every sequence of tests a segment can match: each optional test taken or skipped."""
    out: list[list[_TokenTest]] = [[]]
    for t in tests:
        out = [p + [t] for p in out] + (out if t.optional else [])
    return [p for p in out if p]


def _chain(chain, k, end, hits, words) -> int | None:
    """Extend a match ending at ``end`` by segments ``chain[k:]`` within their gaps; the end, or None.
    Every occurrence inside a gap is tried, not only the nearest."""
    if k == len(chain):
        return end
    gap, seg = chain[k]
    firsts, ends = hits[seg]
    i = bisect_left(firsts, end)
    limit = words[end] + gap
    while i < len(firsts) and words[firsts[i]] <= limit:
        found = _chain(chain, k + 1, ends[i], hits, words)
        if found is not None:
            return found
        i += 1
    return None


def _candidates(chain, hits, words, longest, first_words) -> range | list[int]:
    """Indexes of the first segment's hits that may begin a match of ``chain``.

    A match needs an occurrence of every segment, so it is sought from the rarest one: an
    occurrence of segment r starting at token x can complete only a first hit starting at
    a <= x with at most ``bound`` words between them (the gaps before r, and the words of the
    segments before r). Every other first hit is skipped without a search; the hits kept are the
    ones :func:`_chain` would have searched from anyway, so the result does not change."""
    firsts = hits[chain[0][1]][0]
    r = min(range(len(chain)), key=lambda k: len(hits[chain[k][1]][0]))
    rare = hits[chain[r][1]][0]
    if r == 0 or len(rare) * 4 >= len(firsts):
        return range(len(firsts))
    bound = sum(longest[seg] for _, seg in chain[:r]) + sum(g for g, _ in chain[1 : r + 1])
    seg = chain[0][1]
    if seg not in first_words:  # shared by the patterns that begin with the same segment
        first_words[seg] = [words[a] for a in firsts]
    fw = first_words[seg]
    keep: list[int] = []
    done = 0  # first hits below this index are already kept or ruled out
    for x in rare:
        lo = max(done, bisect_left(fw, words[x] - bound))
        hi = bisect_right(firsts, x)
        if hi > lo:
            keep.extend(range(lo, hi))
            done = hi
    return keep


class PatternSet:
    """Many labelled patterns, matched over a spaCy Doc in one pass.

    Each pattern is cut at its gaps; every gap-free segment of every pattern is compiled into one
    token trie (an optional word gives two paths), which is walked once from each token of the
    document; the transitions of a state are memoised per distinct token (lemma, norm, lower
    form), so a walk costs a dictionary look-up per token and per live state. Segments are then
    chained where the gaps allow (spaCy's own ``{0,n}`` operator expands into n optional wildcards
    and becomes slow on long texts). Raw spaCy patterns that use other token attributes go to a
    spaCy ``Matcher``.
    """

    def __init__(self, vocab=None):
        self._segments: dict[str, list[_TokenTest]] = {}
        self._segment_ids: dict[str, str] = {}
        self.patterns: list[tuple[str, list[tuple[int, str]]]] = []
        self._fallback_patterns: list[tuple[str, list[dict]]] = []
        self._fallback = None  # a spaCy Matcher, built on first use (not pickled)
        self._trie: _Node | None = None  # built on first use (not pickled)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_fallback"] = None
        state["_trie"] = None
        return state

    def __setstate__(self, state):
        state.setdefault("_trie", None)
        self.__dict__.update(state)

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
        for gap, seg_tokens in _cut_at_gaps(tokens):
            key = json.dumps(seg_tokens, sort_keys=True, ensure_ascii=False)
            seg = self._segment_ids.get(key)
            if seg is None:
                seg = f"s{len(self._segment_ids)}"
                self._segment_ids[key] = seg
                self._segments[seg] = [_TokenTest(t) for t in seg_tokens]
            chain.append((gap, seg))
        self.patterns.append((label, chain))
        self._trie = None

    def _build_trie(self) -> _Node:
        root = _Node()
        for seg, tests in self._segments.items():
            for path in _paths(tests):
                node = root
                for test in path:
                    node = node.child(test)
                if seg not in node.accept:
                    node.accept.append(seg)
        return root

    def segment_hits(self, doc, idoc: _IndexedDoc | None = None) -> dict[str, tuple[list[int], list[int]]]:
        """``segment id -> (starts, ends)`` of its matches in the non-space token positions of
        ``idoc``, sorted by (start, end), without duplicates.

        The tokens are grouped by their key (lemma, norm, lower, like_num) first: the first step of
        the trie is taken once per distinct key, one-word matches are whole groups of positions,
        and the trie is walked further only from the positions that can begin a longer match."""
        if self._trie is None:
            self._trie = self._build_trie()
        idoc = idoc or _IndexedDoc(doc)
        strings = doc.vocab.strings
        names: dict[int, str] = {}

        def forms(h: int) -> str:
            s = names.get(h)
            if s is None:
                s = names[h] = strings[h]
            return s

        key_of, key_ids = idoc.key_of, idoc.key_ids
        n = len(key_ids)
        singles: dict[str, dict[int, list[int]]] = {}  # seg -> the position groups it matches alone
        deep: list[tuple[_Node, list[int]]] = []
        for key, positions in zip(key_of, idoc.groups):
            for node in self._trie.step(key, forms):
                for seg in node.accept:
                    singles.setdefault(seg, {})[id(positions)] = positions
                if node.edges:
                    deep.append((node, positions))
        longer: dict[str, list[tuple[int, int]]] = {}
        for first, positions in deep:
            for i in positions:
                states: tuple[_Node, ...] | list[_Node] = (first,)
                j = i + 1
                while j < n:
                    key = key_of[key_ids[j]]
                    if len(states) == 1:
                        node = states[0]
                        got = node.memo.get(key)
                        states = got if got is not None else node.step(key, forms)
                    else:
                        states = [nxt for node in states for nxt in node.step(key, forms)]
                    if not states:
                        break
                    j += 1
                    for node in states:
                        for seg in node.accept:
                            longer.setdefault(seg, []).append((i, j))
        out: dict[str, tuple[list[int], list[int]]] = {}
        for seg in singles.keys() | longer.keys():
            lists = list(singles.get(seg, {}).values())
            if seg not in longer:
                starts = lists[0] if len(lists) == 1 else sorted(p for group in lists for p in group)
                out[seg] = (starts, [p + 1 for p in starts])
                continue
            pairs = sorted({(p, p + 1) for group in lists for p in group} | set(longer[seg]))
            out[seg] = ([a for a, _ in pairs], [b for _, b in pairs])
        return out

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        """``(label, start token, end token)`` for every match, sorted and without duplicates."""
        idoc = _IndexedDoc(doc)
        hits = self.segment_hits(doc, idoc)
        words = idoc.words_before
        longest = self._longest
        first_words: dict[str, list[int]] = {}
        out = set()
        for label, chain in self.patterns:
            first = hits.get(chain[0][1])
            if not first or any(seg not in hits for _, seg in chain[1:]):
                continue
            firsts, ends = first
            if len(chain) == 1:
                out.update((label, a, b) for a, b in zip(firsts, ends))
                continue
            for i in _candidates(chain, hits, words, longest, first_words):
                end = _chain(chain, 1, ends[i], hits, words)
                if end is not None:
                    out.add((label, firsts[i], end))
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

    @property
    def _longest(self) -> dict[str, int]:
        """The most words a match of each segment can span (its number of token tests)."""
        return {seg: len(tests) for seg, tests in self._segments.items()}


def find(text: str, sources, lang: str = "en") -> list[str]:
    """The pieces of ``text`` that any of the pattern ``sources`` matches (for tests and debugging)."""
    from ..nlp import pipeline

    nlp = pipeline(lang)
    patterns = PatternSet(nlp.vocab)
    for src in sources:
        patterns.add("p", src, lang)
    doc = nlp(text)
    return [doc[s:e].text for _, s, e in patterns(doc)]
