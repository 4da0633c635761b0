"""Language pipelines: a blank spaCy pipeline per language with rule-based lemmas.

No statistical model is downloaded. English lemmas come from the lookup tables of
``spacy-lookups-data``; Russian lemmas from pymorphy3's dictionaries; the other languages of the
region (Kazakh, Kyrgyz, Turkmen, Uzbek, Tajik) are agglutinative and are matched by stems
(``adam saudas*``), so their lemma is the lower-cased word. Lemmas are computed on the lower-cased
word, so ``Recruiting`` at the start of a sentence and ``recruiting`` agree.
"""

from __future__ import annotations

from functools import cache, lru_cache

#: Languages with their own spaCy tokenizer; the rest use the multilingual ``xx`` tokenizer.
SPACY_LANGS = {"en", "ru", "ky", "uk"}
#: Languages lexcheck has catalogue patterns for.
LANGS = ("en", "ru", "kk", "ky", "tk", "uz", "tg")


def normalise(word: str) -> str:
    """Lower-case and fold letters that legal texts write two ways (the Russian letter yo written as ye, typographic quotes)."""
    return word.lower().replace("ё", "е").replace("’", "'")


@cache
def _english_table() -> dict[int, str]:
    """spacy-lookups-data's English lemma table, keyed by spaCy string hash (cached on disk)."""
    from importlib.metadata import version

    from .files.cache import cached

    def build() -> dict[int, str]:
        from spacy.lookups import load_lookups

        return dict(load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup").items())

    return cached("en-lemma-lookup", version("spacy-lookups-data"), build, expect=dict)


# Legal vocabulary the generic English table lemmatises badly or not at all.
_EN_EXTRA = {
    "harboring": "harbour",
    "harbored": "harbour",
    "harbors": "harbour",
    "harbor": "harbour",
    "harbouring": "harbour",
    "harboured": "harbour",
    "harbours": "harbour",
    "labor": "labour",
    "kidnaping": "kidnap",
    "kidnapping": "kidnap",
    "kidnapped": "kidnap",
    "kidnaped": "kidnap",
    "organisation": "organization",
    "organisations": "organization",
    "organised": "organize",
    "organising": "organize",
    "organise": "organize",
    "organises": "organize",
    "recognised": "recognize",
    "recognise": "recognize",
    "recognises": "recognize",
    "means": "means",
    "minors": "minor",
    "offence": "offense",
    "offences": "offense",
    "defence": "defense",
    "defences": "defense",
    "counselling": "counsel",
    "counseling": "counsel",
    "programme": "program",
    "programmes": "program",
    "authorised": "authorize",
    "victimisation": "victimization",
    "penalised": "penalize",
    "penalise": "penalize",
    "criminalise": "criminalize",
    "criminalised": "criminalize",
    "utilisation": "utilization",
    "centre": "center",
    "centres": "center",
    "favour": "favor",
    "behaviour": "behavior",
    "rumours": "rumor",
    "hospitalisation": "hospitalization",
    "prioritise": "prioritize",
    "apprised": "apprise",
    "data": "data",
}


@lru_cache(maxsize=200_000)
def _en_lemma(word: str) -> str:
    if word in _EN_EXTRA:
        return _EN_EXTRA[word]
    from spacy.strings import get_string_id

    lemma = _english_table().get(get_string_id(word), word)
    return _EN_EXTRA.get(lemma, lemma)


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


#: Russian lemmas read from lexcheck's cache (see :func:`_known_russian`): pymorphy3 is not even
#: loaded for a text whose words are all here.
_RU_KNOWN: dict[str, str] = {}


@lru_cache(maxsize=200_000)
def _ru_lemma(word: str) -> str:
    if not any("а" <= ch <= "я" for ch in word):
        return word
    known = _RU_KNOWN.get(word)
    if known is not None:
        return known
    return normalise(_morph().parse(word)[0].normal_form)


def _known_russian(words: list[str]) -> None:
    """Load the Russian lemmas of ``words`` (normalised) from lexcheck's cache, lemmatising and
    storing them there on the first analysis of a text with these words.

    pymorphy3 costs about 40 us per distinct word, with a cold cache, and a fraction of a second to
    load its dictionaries: the entry (keyed by the pymorphy3 dictionaries' version and the words)
    lets a later process analyse the same text without either, as the English table does."""
    from .files.cache import cache_dir

    words = sorted({w for w in words if w not in _RU_KNOWN and any("а" <= ch <= "я" for ch in w)})
    if len(words) < 50 or cache_dir() is None:
        return
    import hashlib
    from importlib.metadata import version

    from .files.cache import cached

    digest = hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:24]
    key = f"{version('pymorphy3')}-{version('pymorphy3-dicts-ru')}-{digest}"
    table = cached(
        "ru-lemmas",
        key,
        lambda: {w: _ru_lemma(w) for w in words},
        expect=lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
    )
    _RU_KNOWN.update(table)


#: Languages with a lemmatiser; the others are matched by stems on the lower-cased word.
_LEMMATISERS = {"en": _en_lemma, "ru": _ru_lemma}


def lemma(word: str, lang: str) -> str:
    """The lemma lexcheck uses for ``word`` in language ``lang``."""
    w = normalise(word)
    lemmatiser = _LEMMATISERS.get(lang)
    return lemmatiser(w) if lemmatiser else w


def _set_lemmas(lang: str):
    """The pipeline component: NORM and LEMMA of every token, read and written as arrays.

    Both are functions of the token's text (ORTH), so they are computed once per distinct word
    (``ORTH hash -> (norm hash, lemma hash)``, kept for the life of the process) and written back
    with ``Doc.from_array`` instead of a Python loop over Token objects."""
    tables: dict[int, tuple[object, dict[int, tuple[int, int]]]] = {}

    def component(doc):
        import numpy
        from spacy.attrs import LEMMA, NORM, ORTH

        if not len(doc):
            return doc
        strings = doc.vocab.strings
        entry = tables.get(id(strings))
        if entry is None or entry[0] is not strings:
            entry = tables[id(strings)] = (strings, {})
        table = entry[1]
        orths = doc.to_array(ORTH)
        unique, inverse = numpy.unique(orths, return_inverse=True)
        if lang == "ru":
            _known_russian([normalise(strings[o]) for o in unique.tolist() if o not in table])
        pairs = []
        for orth in unique.tolist():
            got = table.get(orth)
            if got is None:
                text = strings[orth]
                got = table[orth] = (strings.add(normalise(text)), strings.add(lemma(text, lang)))
            pairs.append(got)
        values = numpy.asarray(pairs, dtype="uint64")[inverse.reshape(-1)]
        doc.from_array([NORM, LEMMA], values)
        return doc

    return component


@cache
def pipeline(lang: str = "en"):
    """The cached blank spaCy pipeline for ``lang``, with lexcheck's lemmas set on every token."""
    import spacy
    from spacy.language import Language

    base = lang if lang in SPACY_LANGS else "xx"
    nlp = spacy.blank(base)
    name = f"lexcheck_lemmas_{lang}"
    if not Language.has_factory(name):
        Language.component(name, func=_set_lemmas(lang))
    nlp.add_pipe(name)
    nlp.max_length = 50_000_000
    return nlp
