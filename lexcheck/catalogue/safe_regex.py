"""Refusing regular expressions that can take exponential time (ReDoS) in the user's catalogue.

A raw token pattern in a catalogue may test a word with ``{"REGEX": "..."}``. Python's regex engine
backtracks, so ``^(a+)+$`` takes seconds on a 26-letter word and years on a longer one. A word
test never needs such constructs, so :func:`regex_problem` refuses, in the user's files:

- a quantifier (``*``, ``+``, ``{m,n}``) over a group that itself holds a quantifier or an
  alternative (``(a+)+``, ``(a|aa)*``, ``(?:x?y)+``);
- back-references (``\\1``, ``(?P=name)``, ``(?(1)...)``);
- expressions longer than :data:`MAX_REGEX` characters.

The patterns that lexcheck generates itself (``verbov*`` becomes ``^(?:verbov.*)``) and the built-in
catalogue's raw patterns pass.
"""

from __future__ import annotations

import re

try:  # the standard library's own regex parser (private; its name changed in Python 3.11)
    import re._parser as sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as sre  # type: ignore[no-redef]

#: The longest REGEX accepted in a user's catalogue (the built-in ones are under 400).
MAX_REGEX = 1000

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_BACKREFS = {sre.GROUPREF, sre.GROUPREF_EXISTS, getattr(sre, "GROUPREF_IGNORE", sre.GROUPREF)}


def _items(tree):
    """Each ``(op, argument)`` of a parsed expression, with every sub-expression, depth first."""
    for op, arg in tree:
        yield op, arg
        for sub in _subpatterns(op, arg):
            yield from _items(sub)


def _subpatterns(op, arg) -> list:
    if op in _REPEATS:
        return [arg[2]]
    if op == sre.SUBPATTERN:
        return [arg[3]]
    if op == sre.BRANCH:
        return list(arg[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [arg[1]]
    if op == sre.GROUPREF_EXISTS:
        return [a for a in arg[1:] if a is not None]
    if op == getattr(sre, "ATOMIC_GROUP", None):
        return [arg]
    return []


def regex_problem(pattern: str) -> str | None:
    """What makes ``pattern`` unsafe or invalid, or ``None`` when it may be used."""
    if not isinstance(pattern, str):
        return "REGEX must be text"
    if len(pattern) > MAX_REGEX:
        return f"REGEX is {len(pattern)} characters long (at most {MAX_REGEX})"
    try:
        tree = sre.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"REGEX does not compile ({exc})"
    for op, arg in _items(tree):
        if op in _BACKREFS:
            return "REGEX back-references are not allowed"
        if op in _REPEATS and arg[1] > 1:
            inner = list(_items(arg[2]))
            if any(o in _REPEATS or o == sre.BRANCH for o, _ in inner):
                return "REGEX repeats a group that holds a quantifier or alternatives (exponential time)"
    return None


def regexes_in(value) -> list[str]:
    """Every ``REGEX`` value inside a raw token pattern (dicts and lists, at any depth)."""
    found: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "REGEX":
                found.append(v)
            else:
                found += regexes_in(v)
    elif isinstance(value, list):
        for v in value:
            found += regexes_in(v)
    return found
