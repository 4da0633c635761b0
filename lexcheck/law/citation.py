"""Short citations of provisions, as a lawyer writes them: ``s. 2(3)``, ``Art. 129/1(2)(b)``,
``§ 1591(a)``, Russian ``st. 128``, Kazakh ``128-bap`` (written in Cyrillic).

The word an article opens with decides the form ("Article 5" -> ``Art. 5``, Russian "Stat'ya 128" ->
``st. 128``); those words are data, under ``citation`` in ``lexcheck/lang/<code>/clauses.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang import languages, value
from .model import Provision

#: Provisions that are never part of a citation (a citation names the article and its paragraphs).
_UNCITED = ("document", "part", "chapter", "division", "text")


@cache
def _article_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(opening words, citation form) of every language, then a bare number cited as a section."""
    forms = [
        (re.compile(item["opens"], re.I if item.get("ignore_case", True) else 0), item["cite"])
        for lang in languages()
        for item in value(lang, "clauses", "citation", [])
    ]
    forms.append((re.compile(r"^\s*\d"), "s. {num}"))
    return tuple(forms)


def _article_number(num: str, first_line: str) -> str:
    """An article number in the form its opening words call for."""
    for rx, form in _article_forms():
        m = rx.match(first_line)
        if m:
            return form.format(num=num, word=m.group(1) if m.groups() else "")
    return f"s. {num}" if num[:1].isdigit() else num  # a numbered section under a marginal note


def citation(node: Provision | None, text: str = "") -> str:
    """The short citation of ``node`` (``""`` for none); ``text`` is the document's text, whose
    article lines show how the law names its articles."""
    if node is None:
        return ""
    parts = []
    for n in reversed([node, *node.ancestors()]):
        if n.kind in _UNCITED:
            continue
        num = (n.num or "").strip()
        if not num and n.kind == "article":
            num = n.eid.split("__")[-1]  # a section whose number was lost (OCR): "art_3"
        if not num:
            continue
        if n.kind == "article":
            parts.append(_article_number(num.rstrip("."), text[n.start : n.start + 40] if text else ""))
        else:
            parts.append(num if num.startswith("(") else f"({num.rstrip(').')})")
    return "".join(parts)
