"""The drafting cues of the law side, compiled once from ``lexcheck/lang/<code>/structure.yaml``.

The words are data (one YAML file per language, commented for lawyers); this module holds only the
*mechanics* around them: where a number stands, what may follow a heading word, which cue ignores case.
Every cue is defined here once and read by :mod:`~lexcheck.law.lines`, :mod:`~lexcheck.law.tree`,
:mod:`~lexcheck.law.definitions`, :mod:`~lexcheck.law.operative` and :mod:`~lexcheck.law.language`.

National texts may mix languages (a Kazakh law quoting a Russian heading), so the structure cues join the
entries of all languages; language detection and a few cues specific to one language read that language.
"""

from __future__ import annotations

import re
from typing import Any

from ..lang import alternatives, merged_letters, merged_list, merged_mapping, value

_PART = "structure"


def words(key: str) -> tuple[str, ...]:
    """The entries ``key`` of all languages."""
    return merged_list(_PART, key)


def en(key: str) -> Any:
    """An English entry (the cues that only English drafting has)."""
    return value("en", _PART, key)


def ru(key: str) -> Any:
    """A Russian entry."""
    return value("ru", _PART, key)


def _alt(key: str) -> str:
    """All languages' entries ``key`` as one regex group ``(?:a|b|...)``."""
    return alternatives(list(words(key)))


# --- letters ------------------------------------------------------------------------------------------

CYR_LOWER: str = merged_letters(_PART, "letters")
"""Lower-case Cyrillic letters that may label a list item (Russian, Kazakh, Kyrgyz, Tajik)."""
RU_LETTERS: str = ru("letters")
CYR_SEQ: str = ru("list_letters")
"""The order of a lettered Cyrillic list."""
TRANSLIT: dict[str, str] = merged_mapping(_PART, "transliteration")
TRANSLIT_ORDER: dict[str, int] = value("uz", _PART, "list_order_latin")
"""The place of a Latin letter in a list transliterated from Cyrillic (a b v g d ...)."""
LAT2CYR: dict[str, str] = ru("latin_typed_as_cyrillic")
CYR2LAT: dict[str, str] = ru("cyrillic_typed_as_latin")

# --- provisions and their numbers ------------------------------------------------------------------------

_STRUCT_NUM = r"\s+(?P<num>{})(?![\w])(?P<after>.*)$"
_SUFFIX_NUM = r"(?P<num>\d+|[IVXLC]+)\s*-?\s*{}(?![\w])(?P<after>.*)$"

KW_ART = re.compile(
    _alt("article_words") + r"\s*(?P<num>\d+(?:[./-]\d+)*[A-Za-z]{0,3}(?:[./]\d+[A-Za-z]?)*"
    r"(?:\(\d+(?:\.\d+)?[A-Za-z]?\))?)(?P<after>.*)$"
)
ARTICLE_STARTS: tuple[str, ...] = tuple(dict.fromkeys(w[:2] for w in words("article_words")))
"""The first two letters of every article word: a cheap test before :data:`KW_ART`."""
SUFFIX_ART = re.compile(
    r"(?P<num>\d+(?:[./]\d+)*)\s*-\s*" + _alt("article_suffixes") + r"(?![\w])\.?(?P<after>.*)$", re.I
)
PART = re.compile(rf"(?P<kw>{_alt('part_words')})" + _STRUCT_NUM.format(r"[IVXLC]+|\d+[A-Z]?|[A-Z]"))
PART_PRE = re.compile(_SUFFIX_NUM.format(_alt("part_suffixes")), re.I)
CHAPTER = re.compile(rf"(?P<kw>{_alt('chapter_words')})" + _STRUCT_NUM.format(r"\d+[A-Z]?|[IVXLC]+"))
CHAPTER_PRE = re.compile(_SUFFIX_NUM.format(_alt("chapter_suffixes")), re.I)
DIVISION = re.compile(rf"(?P<kw>{_alt('division_words')})" + _STRUCT_NUM.format(r"\d+[A-Z]?|[IVXLC]+|[A-Z]"))
SCHEDULE = re.compile(
    rf"(?P<kw>{_alt('schedule_words')})" + r"(?:\s+(?P<num>\d+[A-Z]?|[IVXLC]+|[A-Z]))?(?![\w])(?P<after>.*)$"
)
GROUPING_STARTS: tuple[str, ...] = tuple(en("grouping_heading_starts"))

# --- notes, explanations, editorial matter ---------------------------------------------------------------

NOTE = re.compile(
    rf"(?P<kw>{_alt('note_words')})" + r"\s*(?P<n>\d+)?(?P<sep>\s*[.:]|\s*[—–-]+|\s*$)(?P<after>.*)$"
)
EDITORIAL_NOTE_WORD: str = en("editorial_note_word")
LAW_WORDS = re.compile(r"\b" + alternatives(en("law_words")) + r"\b")
EXPL = re.compile(
    rf"(?P<kw>{_alt('explanation_words')})" + r"\s*(?P<n>\d+|\([0-9IVX]+\)|[IVX]+)?"
    r"(?P<sep>\s*[.:]?\s*[—–-]+|\s*[.:])(?P<after>.*)$"
)
FOOTNOTE = re.compile(_alt("footnote_words") + r"\s*[.:]")
AMEND = re.compile(_alt("amendment_stems"), re.I)
EDITORIAL = re.compile(_alt("editorial_notes") + r"\b")
GAZETTE = re.compile(
    "|".join([*words("gazette_lines"), r"[-–—]\s*\d{1,4}\s*[-–—]$", r"\d{1,4}\s*/\s*\d{1,4}$"])
)

# --- running text ----------------------------------------------------------------------------------------

REF_WORD = re.compile(_alt("reference_words"), re.I)
WRAP_START = re.compile(_alt("wrapup_starts"), re.I)
WRAP_END_WORDS: tuple[str, ...] = words("wrapup_endings")
LIST_ITEM_ENDINGS: tuple[str, ...] = (";", *words("list_item_endings"))
CONJ_ENDINGS: tuple[str, ...] = tuple(" " + w for w in words("conjunctions"))
FUNCTION_WORDS = frozenset(words("function_words"))
SENTENCE_WORDS = frozenset(en("sentence_words"))
STRONG_SENTENCE_WORDS = frozenset(en("strong_sentence_words"))
BODY_WORDS = frozenset(en("body_words"))
LEAD_PRONOUNS = frozenset(en("lead_pronouns"))

# --- non-operative matter --------------------------------------------------------------------------------

TOC_TITLE = re.compile(_alt("toc_titles") + r"(?![\w])")
PURPOSE_HEADING = re.compile(r"^\W*(?:" + "|".join(words("purpose_headings")) + r")\W*$", re.I)
"""A purposes / objects / findings / policy heading: the section is not law on its own."""
POLICY_HEADING = re.compile(alternatives(en("policy_heading_words")), re.I)
RECITAL_HEADING = re.compile(alternatives(en("recital_heading_words")), re.I)
RECITALS: tuple[str, ...] = words("recitals")
EN_RECITALS: tuple[str, ...] = tuple(en("recitals"))
WHEREAS = re.compile(r"^\W*" + _alt("recitals") + r"\b")
TREATY_PARTIES = re.compile(
    r"\b(?:" + "|".join(words("treaty_parties")) + r")"
)  # case matters: "each party to the proceedings" is not a treaty
"""A treaty speaking to its parties ("Each State Party shall", "States Parties", "Each Party")."""
ENACTING = re.compile(r"^\W*" + _alt("enacting_formulas"), re.I)
REPEALED = re.compile(r"^\W*(?:" + "|".join([*words("repealed"), r"(?:\.\s*){3,}"]) + r")\W*$", re.I)
LABEL = re.compile(r"^\W*(?:" + "|".join(words("label_words")) + r")?\s*[\dA-Za-z./-]{0,12}[.)]?\s*")
"""An article label at the start of a provision's own text ("Article 5.", "SEC. 3")."""

# --- definitions -----------------------------------------------------------------------------------------

DEF_CONTEXT = re.compile(_alt("definition_headings"), re.I)
"""Words of a definitions article's heading (``Definitions``, ``Interpretation``, basic concepts ...)."""
DEF_VERBS: str = _alt("definition_verbs")
"""The verbs joining a defined term to its meaning, as a regex group."""
DEF_VERB = re.compile(
    r"\b(?:" + "|".join([*words("definition_verbs"), *words("definition_leads")]) + r")\b", re.I
)
"""A definition verb, or words leading up to one, anywhere in a line."""
DEF_INTRO = re.compile(r"(?:" + "|".join(words("definition_intros")) + r")\s*[:—–-]?\s*$", re.I)
UNQUOTED_DEF = re.compile(
    r"([a-z][\w’'-]*(?:\s+[\w’'()-]+){0,6}?)\s+" + _alt("definition_list_verbs") + r"\b"
)
DASH_DEF = re.compile(rf"([{CYR_LOWER}a-zäöüýňşçʻ‘’'][^\s—–-]*(?:\s+[^\s—–-]+){{0,8}}?)\s+[—–-]\s+\S")
DEF_BODY_LEAD = re.compile(_alt("definition_body_leads") + r"\s+", re.I)
UNDERSTOOD_VERB = re.compile(ru("understood_verb"))
UNDERSTOOD = re.compile(
    rf"\b{ru('understood_opening')}\s+(?P<term>[^,.;:\n]{{2,80}}?)\s+"
    + alternatives(ru("understood_qualifiers"))
    + rf"?{ru('understood_verb')}\s+(?P<body>\S)"
)
"""``Pod X ponimaetsya ...`` (Russian: "X is understood as ...")."""
THIS_IS_WORD: str = ru("this_is_word")
_RU_ANY = RU_LETTERS + RU_LETTERS.upper()
THIS_IS = re.compile(rf"(?P<term>[{_RU_ANY}][{_RU_ANY} -]{{1,60}}?)\s+[—–-]\s+{THIS_IS_WORD}\s+(?P<body>\S)")
"""``X - eto ...`` (Russian: "X is ...")."""
DEF_END = re.compile(rf";|\.(?=\s+[A-Z{RU_LETTERS.upper()}“\"(]|\s*$)|\n\s*\n")
"""Where a definition ends: ``;``, a full stop before a new sentence, a blank line."""
DEF_STOP_WORDS = frozenset(words("definition_stop_words"))
"""Words that never start an unquoted defined term."""
TERM_WORDS: str = _alt("term_words")
DEF_QUALIFIERS: str = _alt("definition_qualifiers")
DEF_VERBS_AFTER_DASH: str = _alt("definition_verbs_after_dash")
UNQUOTED_DEF_VERBS: str = _alt("unquoted_definition_verbs")
DEF_SCOPE_OPENINGS: str = _alt("definition_scope_openings")
DEF_VERB_STEMS = re.compile(_alt("definition_verb_stems"))
OFFENCE_NAMING: str = _alt("offence_naming")
