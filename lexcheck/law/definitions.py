"""Definition clauses and the glossary of a document.

Recognised (one :class:`~lexcheck.law.model.Definition` each, ``text`` = the definition body, offsets into
the document text, ``eid`` = the provision that holds it):

- quoted terms: ``"X" means ...``, ``“X” includes ...``, ``the term “X” means``, ``‘X’, in relation to ...,
  means``, ``"X" has the meaning ...``, ``X — refers to`` (Philippines), ``"X - is ..."``;
- unquoted terms: ``X means ...`` / ``X shall mean ...`` / ``X shall include`` at the start of a provision or
  sentence, also after ``In this Act,`` / ``Under this Article,``; and ``X means`` lines of a definitions list;
- CIS definitions lists: ``1) torgovlya lyud'mi – ...`` (Russian), ``adam saudasy – ...`` (Kazakh),
  ``adam söwdasy – ...`` (Turkmen), ``a) Kharidu furushi odamon - ...`` (Tajik) in an article on basic
  concepts / definitions (its heading words are ``definition_headings`` in ``lexcheck/lang/*/structure.yaml``);
  ``X — eto ...`` and ``Pod X ponimaetsya ...`` (Russian); a term on its own line followed by a line with a
  dash (Uzbek glossary);
- offence names: ``commits the offence of trafficking`` / ``is guilty of the offence of trafficking in persons``
  (``Definition.kind == "offence"``, ``text`` = the whole provision that creates the offence).

Non-operative provisions (tables of contents, findings, editorial notes) are not searched.
"""

from __future__ import annotations

import re

from .cues import (
    CYR_LOWER,
    DEF_BODY_LEAD,
    DEF_CONTEXT,
    DEF_END,
    DEF_QUALIFIERS,
    DEF_SCOPE_OPENINGS,
    DEF_STOP_WORDS,
    DEF_VERB_STEMS,
    DEF_VERBS,
    DEF_VERBS_AFTER_DASH,
    OFFENCE_NAMING,
    TERM_WORDS,
    THIS_IS,
    THIS_IS_WORD,
    UNDERSTOOD,
    UNDERSTOOD_VERB,
    UNQUOTED_DEF_VERBS,
)
from .model import Definition, Provision

_Q_OPEN = "\"“‘'«„”"
_Q_CLOSE = "\"”’'»“"
_QUOTED = re.compile(
    rf"(?:\b(?:the\s+)?{TERM_WORDS}s?\s+)?"
    rf"[{_Q_OPEN}]\s*(?P<term>[^{_Q_OPEN}{_Q_CLOSE}\n]{{1,80}}?)\s*[{_Q_CLOSE}]"
    rf"(?P<filler>\s*,?\s*{DEF_QUALIFIERS}"
    r"[^;:.“”\"‘’]{0,160}?,?|\s*\([^()\n]{0,100}\)|\s*,)?"
    rf"\s*(?P<dash>[—–-]\s*)?(?P<verb>{DEF_VERBS})\b",
    re.I,
)
_QUOTED_DASH = re.compile(
    rf"[{_Q_OPEN}]\s*(?P<term>[^{_Q_OPEN}{_Q_CLOSE}\n]{{2,80}}?)\s+[—–-]+\s+(?P<verb>{DEF_VERBS_AFTER_DASH})\b",
    re.I,
)
_UNQUOTED = re.compile(
    r"(?:^\s*(?:\(?[0-9A-Za-z.]{1,6}[).]\s*|Explanation\s*\d*\s*[.:]?[—–-]*\s*)?|(?<=[.;:]\s)|(?<=\n))\s*"
    rf"(?:{DEF_SCOPE_OPENINGS}\s+this\s+[A-Za-z]+(?:\s+[A-Za-z]+)?,\s*(?:unless\s+the\s+context\s+otherwise\s+requires,\s*)?)?"
    r"(?:the\s+(?:term|expression)\s+)?"
    r"(?P<term>[A-Za-z][\w’'/-]*(?:[ \t]+[\w’'/()-]+){0,6}?)[ \t]+"
    rf"(?P<verb>{UNQUOTED_DEF_VERBS})\b",
)
_DASH_ITEM = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?:\(?[0-9]{{1,3}}[).]|\(?[a-z{CYR_LOWER}][).])?\s*"
    r"(?P<term>(?:[^—–\n:;()]|\([^()\n]*\))+?)\s+(?P<dash>[—–]|-(?=\s))\s+(?P<body>\S)",
)
_UNQUOTED_NODE = re.compile(rf"^\s*[-*•]?\s*(?P<term>[^\n]{{2,120}}?)[,]?\s+(?P<verb>{DEF_VERBS})\b", re.I)
_TERM_LINE = re.compile(r"(?m)^(?P<term>[^\n]{2,80}?)[ \t]*\n[ \t]*[—–-][ \t]*\n[ \t]*(?P<body>\S)")
_OFFENCE = re.compile(
    rf"\b{OFFENCE_NAMING}\s+(?:the|an)\s+offen[cs]e\s+of\s+"
    r"(?P<term>[a-z][a-z -]{2,60}?)(?=\s*[,.;:]|\s+(?:and|shall|is|under|which|punishable|liable|if)\b|\s*$)",
    re.I,
)
_ANY_QUOTE = re.compile(r"[\"“”‘’'«»„]")


def find_definitions(root: Provision, text: str, doc_id: str) -> list[Definition]:
    out: list[Definition] = []
    seen: set[tuple[str, str]] = set()

    def add(term: str, eid: str, start: int, end: int, kind: str = "definition") -> None:
        term = _clean_term(term)
        if not term or len(term) > 160:
            return
        start, end = _trim(text, start, end)
        if end <= start:
            return
        key = (term.lower(), eid)
        if key in seen:
            return
        seen.add(key)
        out.append(
            Definition(
                term=term, text=text[start:end], eid=eid, document=doc_id, start=start, end=end, kind=kind
            )
        )

    for node in _walk(root):
        if not node.operative or node.kind == "document":
            continue
        local = node.eid.rsplit("__", 1)[-1]
        if local.startswith("def_"):
            _definition_node(node, text, add)
            continue
        _scan(node, text, add)
    out.sort(key=lambda d: (d.start, d.end))
    return out


def _walk(root: Provision):
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def _owner(node: Provision) -> Provision:
    """A ``wrapup``/``remark`` text belongs to the provision around it."""
    while node.kind == "text" and node.parent is not None and node.parent.kind != "document":
        node = node.parent
    return node


def _body_end(node: Provision, own_end: int, body_start: int, text: str) -> int:
    """Where a definition that starts in ``node``'s own text ends."""
    m = DEF_END.search(text, body_start, own_end)
    if m:
        return m.start() + (1 if m.group(0) == "." else 0)
    if node.children:
        return node.end  # "means—" followed by a list
    return own_end


def _definition_node(node: Provision, text: str, add) -> None:
    own_start, own_end = node.text_start, node.text_end
    own = text[own_start:own_end]
    m = _QUOTED.match(own.lstrip("-*• \t")) if own.lstrip("-*• \t")[:1] in _Q_OPEN else None
    lead = len(own) - len(own.lstrip("-*• \t"))
    if m:
        body = own_start + lead + m.end()
        add(m.group("term"), node.eid, body, node.end)
        return
    m = re.match(rf"\s*[-*•]?\s*[{_Q_OPEN}]\s*([^{_Q_OPEN}{_Q_CLOSE}\n]{{1,80}}?)\s*[{_Q_CLOSE}]", own)
    if m:  # the verb comes later ("“X”, in relation to ... ,\n means ...")
        v = re.search(rf"\b{DEF_VERBS}\b", own[m.end() :], re.I) or re.match(
            r"\s*(?:is|are)\b", own[m.end() :]
        )
        body = own_start + m.end() + (v.end() if v else 0)
        add(m.group(1), node.eid, body, node.end)
        return
    m = _UNQUOTED_NODE.match(own)
    if m:
        add(m.group("term"), node.eid, own_start + m.end(), node.end)
        return
    m = _DASH_ITEM.match(own)
    if m:
        add(m.group("term"), node.eid, own_start + m.start("body"), node.end)


def _scan(node: Provision, text: str, add) -> None:
    own_start, own_end = node.text_start, node.text_end
    own = text[own_start:own_end]
    if not own.strip():
        return
    owner = _owner(node)
    eid = owner.eid
    found = False
    quoted = _ANY_QUOTE.search(own) is not None
    verb = DEF_VERB_STEMS.search(own) is not None
    for m in _QUOTED.finditer(own) if quoted and verb else ():
        body = own_start + m.end()
        add(m.group("term"), eid, body, _body_end(node, own_end, body, text))
        found = True
    for m in _QUOTED_DASH.finditer(own) if quoted else ():
        body = own_start + m.end()
        add(m.group("term"), eid, body, _body_end(node, own_end, body, text))
        found = True
    for m in _UNQUOTED.finditer(own) if verb else ():
        term = m.group("term").strip()
        words = term.split()
        if not words or words[0].lower() in DEF_STOP_WORDS or len(words) > 7:
            continue
        if m.start("term") > 0 and own[m.start("term") - 1 : m.start("term")] in _Q_CLOSE:
            continue
        if not _term_start(own, m.start("term"), node):
            continue
        body = own_start + m.end()
        add(term, eid, body, _body_end(node, own_end, body, text))
        found = True
    if (
        node.kind in ("point", "paragraph", "subpoint")
        and ("-" in own or "—" in own or "–" in own)
        and _in_def_context(node, text)
    ):
        m = _DASH_ITEM.match(own)
        if m and not found:
            term = m.group("term")
            if len(term.split()) <= 30 and not re.search(r"[.;]\s", term):
                add(term, eid, own_start + m.start("body"), node.end)
                found = True
    for m in UNDERSTOOD.finditer(own) if UNDERSTOOD_VERB.search(own) else ():
        add(
            m.group("term"),
            eid,
            own_start + m.start("body"),
            _body_end(node, own_end, own_start + m.start("body"), text),
        )
    for m in THIS_IS.finditer(own) if THIS_IS_WORD in own else ():
        add(
            m.group("term"),
            eid,
            own_start + m.start("body"),
            _body_end(node, own_end, own_start + m.start("body"), text),
        )
    for m in _TERM_LINE.finditer(own) if "\n" in own else ():
        term = m.group("term").strip()
        if len(term.split()) <= 6 and not term.endswith((".", ";", ",")):
            add(term, eid, own_start + m.start("body"), own_end if not node.children else node.end)
    for m in _OFFENCE.finditer(own) if "ffen" in own else ():
        add(m.group("term"), eid, owner.start, owner.end, kind="offence")


def _term_start(own: str, pos: int, node: Provision) -> bool:
    """Unquoted ``X means``: only at the start of the provision's text or of a sentence."""
    raw = own[:pos]
    before = raw.rstrip()
    if not before or "\n" in raw[len(before) :]:
        return True
    if node.num and before == node.num.strip():
        return True
    if re.fullmatch(r"[\W\d]*(?:[A-Za-z]{1,4}[).])?[\W\d]*", before):
        return True
    return before[-1:] in ".;:—–\n" or bool(
        re.search(r"(?:In|Under|For the purposes? of) this \w+(?: \w+)?,?$", before)
    )


def _in_def_context(node: Provision, text: str) -> bool:
    """Is ``node`` an item of a definitions list (an article on basic concepts / definitions)?"""
    parent = node.parent
    for anc in (parent, parent.parent if parent is not None else None):
        if anc is None or anc.kind == "document":
            continue
        if anc.heading and DEF_CONTEXT.search(anc.heading):
            return True
        tail = text[max(anc.text_start, anc.text_end - 300) : anc.text_end].rstrip()
        if tail[-1:] in ":—–-" and DEF_CONTEXT.search(tail):
            return True
    return False


def _clean_term(term: str) -> str:
    term = " ".join(term.split()).strip(" \t,;:.-–—\"“”‘’'«»")
    term = re.sub(r"^(?:the|a|an)\s+", "", term, flags=re.I)
    return term


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "—–-:,"):
        start += 1
    m = DEF_BODY_LEAD.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";,"):
        end -= 1
    return start, end
