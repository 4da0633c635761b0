"""Cost that grows linearly with the text (issue 14): a generous bound, a few seconds of work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import lexcheck
from lexcheck.law.model import Document, Provision

US = Path(__file__).resolve().parents[1] / "national_law" / "us-federal"


def _cpu(path: Path) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        lexcheck.analyze(path)
        best = min(best, time.process_time() - t)
    return best


def test_four_times_the_text_costs_at_most_six_times_the_time(tmp_path):
    text = (US / "22-usc-ch78.txt").read_text(encoding="utf-8")
    one, four = tmp_path / "one.txt", tmp_path / "four.txt"
    one.write_text(text, encoding="utf-8")
    four.write_text("\n\n".join([text] * 4), encoding="utf-8")
    lexcheck.analyze(one)  # warm: catalogue, pipeline, matcher
    t1, t4 = _cpu(one), _cpu(four)
    # linear is 4x; the quadratic parts this guards against (a tree scan per definition, every unit
    # against every hit) made it about 5x at 4x and 39x at 32x
    assert t4 / t1 < 6, f"1x {t1:.2f} s, 4x {t4:.2f} s"


def _tree() -> Document:
    root = Provision("", "document", children=[])
    for k in range(3):
        art = Provision(f"art_{k}", "article", parent=root)
        art.children = [Provision(f"art_{k}__para_1", "paragraph", parent=art)]
        root.children.append(art)
    return Document("d", "d.txt", "", root=root)


def test_document_get_through_its_index():
    doc = _tree()
    assert doc.get("art_1").eid == "art_1" and doc.get("art_2__para_1").kind == "paragraph"
    assert doc.get("nope") is None
    # a provision added after the first look-up is found; a renamed one is not found by its old eid
    doc.root.children.append(Provision("art_9", "article", parent=doc.root))
    assert doc.get("art_9").eid == "art_9"
    doc.root.children[0].eid = "art_0x"
    assert doc.get("art_0") is None and doc.get("art_0x").eid == "art_0x"
    doc.root = Provision("", "document", children=[Provision("art_5", "article")])
    assert doc.get("art_1") is None and doc.get("art_5").eid == "art_5"
    assert "_eids" not in repr(doc) and doc == _document_copy(doc)


def _document_copy(doc: Document) -> Document:
    import copy

    other = copy.copy(doc)
    other.__dict__.pop("_eids", None)
    return other


def test_a_text_beyond_max_bytes_is_refused_at_once_with_how_to_split_it(tmp_path):
    from lexcheck.errors import InputError
    from lexcheck.law import formats

    assert formats.MAX_BYTES >= 20 * 1024 * 1024
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: refused from its size, nothing is read
        f.truncate(formats.MAX_BYTES + 1)
    t = time.perf_counter()
    with pytest.raises(InputError) as err:
        lexcheck.analyze(path)
    assert time.perf_counter() - t < 2
    message = str(err.value)
    assert "\n" not in message and "split it into files of at most" in message
