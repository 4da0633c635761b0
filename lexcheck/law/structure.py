"""Text to a tree of provisions: parts, chapters, articles/sections, paragraphs, points.

The work is split by kind of decision: :mod:`.lines` classifies each line on its own (the words come
from ``lexcheck/lang/<code>/structure.yaml`` via :mod:`.cues`), :mod:`.tree` builds the tree with a stack
of open provisions (helped by :mod:`.crossheadings`, :mod:`.lists`, :mod:`.lost` and :mod:`.toc`), and
:mod:`.eids` names every node. This module is the entry point.

eIds (Akoma Ntoso style, unique in the document, stable for the same text):

- ``part_1``, ``part_1__chp_2``, ``chp_2``, ``dvs_a``, ``sched_1`` (schedule/annex)
- ``art_<num>`` for every article or section, never prefixed by its part or chapter (``art_129-1``,
  ``art_1589``, ``art_279-01``); articles inside a schedule are prefixed: ``sched_1__art_3``
- items under their parent: ``art_2__para_3__point_b__point_i``. ``(1)``/``1.`` directly under an
  article is a ``paragraph`` (``para_1``); letters and ``1)`` are ``point``; roman numerals ``subpoint``
  (eid prefix ``point``). A numbered item nested in a point is a ``point`` too (``point_q__point_1``).
- Cyrillic labels are transliterated (a b v g d e zh z i k ..., the tables are in the YAML files), so
  the Russian letters "be)" and "ve)" give ``point_b`` and ``point_v``; ``/``, ``.`` and other separators
  become ``-``.
- notes to an article (``Notes``, Russian "Primechanie", Kazakh "Eskertu") are paragraphs ``para_note``;
  an ``Explanation 1`` is ``para_explanation-1``; quoted definitions in a definitions list are
  ``def_<term>`` (``art_2__def_exploitation``); unnumbered bullets are ``point_1``, ``point_2`` in order.
- text nodes: ``preamble``, ``toc``, ``remark``, ``wrapup``, ``intro``/``body`` (a text with no articles).
- a section whose number was lost (OCR) gets ``art_<previous number + 1>`` and an empty ``num``.
- duplicates get ``_2``, ``_3`` ... in document order.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from .eids import eid_token
from .model import Provision
from .shapes import heading_like
from .tree import Builder

__all__ = ["parse_structure", "eid_token", "heading_like", "no_gc"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Build big trees without the cyclic garbage collector re-scanning them (parents point to children
    and back): up to 40% of the time on a 40 MB text. Restores the previous state."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse_structure(text: str) -> Provision:
    """The provision tree of ``text`` (root of kind ``document``)."""
    with no_gc():
        return Builder(text).run()
