"""Per-language drafting vocabulary, kept as data (as spaCy keeps ``spacy/lang/<code>/``).

Each language has a folder ``lexcheck/lang/<code>/`` with YAML files, one per kind of knowledge:

- ``structure.yaml``: how acts and codes are laid out and read: article/section/part words, numbering
  styles, definition cues, non-operative headings (purposes, findings, arrangement, explanatory statement);
- ``clauses.yaml``: the wording of clauses the analysis reads: offence, penalty and aggravation lead-ins,
  "including" words, child/adult words, number words and units;
- ``report.yaml``: the fixed texts of reports in that language.

Python code asks for a value with :func:`vocabulary` (the parsed file) or :func:`regex` (a cue compiled
once). A value that is a list of alternatives is joined with ``|``. Code that reads texts of any language
(the structure parser) takes every language's entries together: :func:`merged_list`, :func:`merged_mapping`,
:func:`merged_letters`, :func:`merged_regex`. Adding a language means adding a folder
here, catalogue patterns for it and test cases; no Python changes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).resolve().parent
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def languages() -> tuple[str, ...]:
    """The language codes that have a data folder."""
    return tuple(sorted(p.name for p in _HERE.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def vocabulary(lang: str, part: str) -> dict[str, Any]:
    """The parsed ``lexcheck/lang/<lang>/<part>.yaml`` ({} when the language has no such file)."""
    path = _HERE / lang / f"{part}.yaml"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader (C or Python)
    return data or {}


def value(lang: str, part: str, key: str, default: Any = None) -> Any:
    """One entry of a vocabulary file; dotted keys reach into mappings (``"penalty.lead_in"``)."""
    node: Any = vocabulary(lang, part)
    for name in key.split("."):
        if not isinstance(node, dict) or name not in node:
            return default
        node = node[name]
    return node


def alternatives(entry: str | list[str] | None) -> str:
    """A regex source from a data entry: a string as it is, a list joined as ``(?:a|b|...)``."""
    if entry is None:
        return ""
    if isinstance(entry, str):
        return entry
    return "(?:" + "|".join(entry) + ")"


@cache
def regex(lang: str, part: str, key: str, flags: int = re.I) -> re.Pattern[str] | None:
    """The cue ``key`` of ``<lang>/<part>.yaml`` compiled once, or None if the language has none."""
    entry = value(lang, part, key)
    if entry is None:
        return None
    return re.compile(alternatives(entry), flags)


@cache
def merged_regex(
    part: str, key: str, langs: tuple[str, ...] | None = None, flags: int = re.I
) -> re.Pattern[str]:
    """One cue for several languages (all that have it, by default): their alternatives joined.

    For the places that read a framework whose documents may be in different languages."""
    return re.compile(merged_source(part, key, langs), flags)


def merged_source(part: str, key: str, langs: tuple[str, ...] | None = None) -> str:
    """The regex source of :func:`merged_regex`, for a cue that is built into a larger one."""
    sources = []
    for lang in langs or languages():
        entry = value(lang, part, key)
        if entry is not None:
            sources.append(alternatives(entry))
    return "|".join(f"(?:{s})" for s in sources) or r"(?!)"


@cache
def merged_list(part: str, key: str) -> tuple[str, ...]:
    """The entries ``key`` of every language that has them, in language-code order (a string counts as one)."""
    out: list[str] = []
    for lang in languages():
        entry = value(lang, part, key)
        if entry is None:
            continue
        out.extend([entry] if isinstance(entry, str) else entry)
    return tuple(out)


@cache
def merged_mapping(part: str, key: str) -> dict[str, Any]:
    """The mappings ``key`` of every language joined (a language earlier in code order wins a clash)."""
    out: dict[str, Any] = {}
    for lang in languages():
        for k, v in (value(lang, part, key) or {}).items():
            out.setdefault(k, v)
    return out


@cache
def merged_letters(part: str, key: str, langs: tuple[str, ...] | None = None) -> str:
    """The letters of the string entries ``key`` of several languages (all by default), each letter once."""
    letters = "".join(value(lang, part, key) or "" for lang in langs or languages())
    return "".join(dict.fromkeys(letters))


def source_language(lang: str, part: str, key: str, fallback: str = "en") -> str:
    """``lang`` if its ``<part>.yaml`` has ``key``, else ``fallback``: whose wording to read.

    A language without its own wording for a cue is read with the fallback's (English by default:
    laws of the region often write figures in digits and mix languages)."""
    return lang if value(lang, part, key) is not None else fallback
