"""User-interface strings of the reports, per language (``en``, ``ru``).

Only fixed texts: headings, column titles, status words, names of thematic areas, actors, lenses and
instruments, the comments of the annotated law. They are data, in ``lexcheck/lang/<code>/report.yaml``
(one section per kind, e.g. ``ui``, ``status``, ``area``); this module reads them and keeps the display
orders. Requirement texts come from the catalogue (its ``translations``) or from the findings
themselves. A missing key falls back to English, an unknown key to a humanised form of it.
"""

from __future__ import annotations

from ..lang import vocabulary

LANGUAGES = ("en", "ru")

# Display order of statuses and strengths (that of thematic areas is the catalogue's: catalogue.area_order).
STATUS_ORDER = ("covered", "partial", "needs_review", "missing", "not_applicable")
GAP_ORDER = ("missing", "partial", "needs_review")
STRENGTH_ORDER = ("mandatory", "conditional", "good_practice")


def section(lang: str, name: str) -> dict[str, str]:
    """The texts of one section of ``lang``'s report.yaml as they are written there ({} if none)."""
    return dict(vocabulary(lang, "report").get(name) or {})


def texts(lang: str, name: str) -> dict[str, str]:
    """One section in ``lang``, English where a translation is missing."""
    return {**section("en", name), **section(lang, name)}


def _by_language(name: str) -> dict[str, dict[str, str]]:
    return {lang: section(lang, name) for lang in LANGUAGES}


STATUS = _by_language("status")
STATUS_DESCRIPTION = _by_language("status_description")
AREAS = _by_language("area")
ACTORS = _by_language("actor")
LENSES = _by_language("lens")
STRENGTHS = _by_language("strength")
STRENGTH_SHORT = _by_language("strength_short")
# Used when no catalogue is at hand; the catalogue's ``Instrument.short`` wins when it is.
INSTRUMENTS = _by_language("instrument")
UI = _by_language("ui")

_TABLES = {
    "status": STATUS,
    "area": AREAS,
    "actor": ACTORS,
    "lens": LENSES,
    "strength": STRENGTHS,
    "strength_short": STRENGTH_SHORT,
    "instrument": INSTRUMENTS,
    "status_description": STATUS_DESCRIPTION,
}


def check_lang(lang: str) -> str:
    """``lang`` if the reports speak it, else a ValueError naming the languages they do."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported report language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


def humanize(key: str) -> str:
    """``assistance_protection`` -> ``Assistance protection``: the fallback for unknown keys."""
    text = key.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def strings(lang: str = "en") -> dict[str, str]:
    """All UI strings in ``lang``, English where a translation is missing."""
    return texts(lang, "ui")


def label(kind: str, key: str, lang: str = "en") -> str:
    """Human name of a status / area / actor / lens / strength / instrument key in ``lang``."""
    table = _TABLES[kind]
    for tr in (table.get(lang, {}), table["en"]):
        if key in tr:
            return tr[key]
    return key if kind == "instrument" else humanize(key)
