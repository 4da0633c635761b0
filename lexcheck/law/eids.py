"""eId tokens: a provision's number or a defined term written the Akoma Ntoso way, unique in its document.

``"129/1"`` becomes ``129-1``, ``"(4.11)"`` becomes ``4-11``; Cyrillic letters are transliterated with the
tables of ``lexcheck/lang/<code>/structure.yaml`` (the Russian letter "be" is ``b``, "zhe" is ``zh``).
Duplicates get ``_2``, ``_3`` ... in document order.
"""

from __future__ import annotations

import re

from .cues import TRANSLIT
from .model import Provision


def eid_token(num: str) -> str:
    """``"129/1"`` -> ``129-1``, ``"(4.11)"`` -> ``4-11``, ``"b)"`` -> ``b``; case kept for Latin letters."""
    if num.isascii() and num.isalnum():
        return num
    out = []
    for ch in num.strip():
        low = ch.lower()
        if low in TRANSLIT:
            t = TRANSLIT[low]
            out.append(t.upper() if ch != low and t else t)
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


def slug(term: str, limit: int = 40) -> str:
    """A defined term as an eId token of at most ``limit`` characters, cut at a word boundary."""
    token = eid_token(term.lower())
    if len(token) > limit:
        token = token[:limit].rsplit("-", 1)[0] or token[:limit]
    return token


def assign_eids(root: Provision) -> None:
    """Turn every node's local eid (``para_1``) into its full, unique one (``art_2__para_1``).

    Articles and parts are not prefixed by what holds them, except articles inside a schedule."""
    used: set[str] = set()
    next_suffix: dict[str, int] = {}

    def visit(node: Provision, prefix: str, in_sched: bool) -> None:
        for ch in node.children:
            local = ch.eid
            if ch.kind == "article" and not in_sched or ch.kind == "part" or not prefix:
                eid = local
            else:
                eid = f"{prefix}__{local}"
            if eid in used:
                base = eid
                k = next_suffix.get(base, 2)
                while f"{base}_{k}" in used:
                    k += 1
                eid = f"{base}_{k}"
                next_suffix[base] = k + 1
            used.add(eid)
            ch.eid = eid
            visit(ch, eid, in_sched or local.startswith("sched"))

    visit(root, "", False)
