"""Reading YAML that someone else wrote (catalogues, review files, meta.yaml) without a YAML bomb.

``yaml.safe_load`` already refuses tags that build Python objects, but it expands anchors and
aliases: a file of under 1 kB (``a: &a [x, x, ...]``, ``b: &b [*a, *a, ...]``, ...) unfolds into
billions of items and exhausts memory. lexcheck's YAML files never need anchors or aliases, so
:func:`load` refuses any. Errors are ``yaml.YAMLError`` with ``problem_mark`` (the line), like every
other YAML error, so that callers report them the way they report a syntax error.

>>> load("a: 1")
{'a': 1}
"""

from __future__ import annotations

import re
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Anchors (&a) and aliases (*a) start a node: after a space, a line start or a flow indicator. A text
# without such a spot has none, and is parsed once; otherwise its events are checked first.
_MAYBE = re.compile(r"(?:^|[\s\[{,])[&*][^\s\]},]")


class AliasRefused(yaml.MarkedYAMLError):
    """A YAML anchor or alias, which lexcheck never accepts (they can expand without bound)."""


def load(text: str) -> Any:
    """``text`` parsed as YAML with the safe loader, refusing anchors and aliases."""
    if _MAYBE.search(text):
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise AliasRefused(
                    problem="anchors and aliases (&name, *name) are not allowed",
                    problem_mark=event.start_mark,
                )
    return yaml.load(text, Loader=LOADER)
