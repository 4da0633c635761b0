"""The cues the offence model reads, from ``lang/<code>/offences.yaml`` (every language's entries
together: a framework may mix languages) and the engine's own cues in ``clauses.yaml``."""

from __future__ import annotations

import re
from functools import cache

from ..lang import languages, merged_regex, merged_source, value
from .model import KINDS


def cue(key: str) -> re.Pattern[str]:
    """An offences.yaml cue of every language; never matches where no language has it."""
    return merged_regex("offences", key)


@cache
def kind_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, cue) in the order a heading is read for them: the order of the English file."""
    order = list(value("en", "offences", "kinds", {}))
    order += [k for k in KINDS if k not in order and k != "other"]
    return tuple((k, cue(f"kinds.{k}")) for k in order)


@cache
def circumstance_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    names: list[str] = []
    for lang in languages():
        for name in value(lang, "offences", "circumstances", {}) or {}:
            if name not in names:
                names.append(name)
    return tuple((n, cue(f"circumstances.{n}")) for n in names)


def kind_of(text: str) -> str:
    text = " ".join(text.split())  # hard-wrapped text: "on more than one\noccasion"
    for kind, rx in kind_cues():
        if rx.search(text):
            return kind
    return ""


def circumstances(text: str) -> list[str]:
    text = " ".join(text.split())
    return [name for name, rx in circumstance_cues() if rx.search(text)]


@cache
def aggravated() -> re.Pattern[str]:
    """A sentence (or its lead-in) that states an aggravated form: the engine's cue and the model's."""
    own = merged_source("offences", "aggravated")
    engine = merged_source("clauses", "offence.aggravated").replace(" ", r"\s+")
    return re.compile(f"{own}|{engine}", re.I | re.M)


@cache
def penalty_of() -> re.Pattern[str]:
    return merged_regex("clauses", "offence.penalty_of")


@cache
def other_case() -> re.Pattern[str]:
    return merged_regex("clauses", "offence.other_case")


@cache
def citation_forms(lang: str) -> dict:
    """How a language cites a part and a point of an article (Russian "ч. 2", "п. «а»"), or {}."""
    return value(lang, "offences", "citation", {}) or {}
