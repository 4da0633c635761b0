"""Sentences of a statute: where one ends and the next begins.

Statutes end a sentence with a full stop, end a list item with a semicolon, and often put every
paragraph on its own line. A "sentence" here is the text between two of those marks: it is what a
finding quotes, and the piece of a provision the engine classifies as a basic or an aggravated form.
"""

from __future__ import annotations

import re

#: A sentence break inside a provision: after ``.``, ``;`` or ``:`` and before a capital letter
#: (Latin or Cyrillic), an opening bracket or quote, or a digit ("... as follows: (a) ...").
SENTENCE_BREAK = re.compile(r"(?<=[.;:])\s+(?=[A-Z\u0410-\u042f\u0401(\"“«]|\d)")


def split_sentences(text: str) -> list[str]:
    """``text`` cut at every :data:`SENTENCE_BREAK` (the whitespace between sentences is dropped)."""
    return SENTENCE_BREAK.split(text) if text else []


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> tuple[str, int, int]:
    """The sentence (or list item, or line) around ``text[start:end]``, at most ``limit`` long.

    Returns the quote and its character offsets in ``text``."""
    left = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start))
    rights = [i for i in (text.find(".", end), text.find(";", end), text.find("\n", end)) if i != -1]
    s, e = left + 1, (min(rights) if rights else len(text)) + 1
    while s < start and text[s].isspace():
        s += 1
    if e - s > limit:
        s, e = max(s, start - limit // 2), min(e, end + limit // 2)
    return text[s:e].strip(), s, e
