"""The on-disk cache of the built-in catalogue: used, rebuilt when corrupt, and optional."""

from __future__ import annotations

from lexcheck.files import cache


def test_cached_builds_once_then_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"answer": 42}

    assert cache.cached("thing", "k1", build) == {"answer": 42}
    assert cache.cached("thing", "k1", build) == {"answer": 42}
    assert len(calls) == 1
    assert cache.cached("thing", "k2", build) == {"answer": 42}  # another key: rebuilt
    assert len(calls) == 2


def test_a_corrupt_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(tmp_path))
    (tmp_path / "thing-k.pickle").write_bytes(b"not a pickle")
    assert cache.cached("thing", "k", lambda: [1, 2]) == [1, 2]
    assert cache.cached("thing", "k", lambda: "not rebuilt") == [1, 2]


def test_cache_can_be_switched_off_and_survives_an_unwritable_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.cached("thing", "k", lambda: "fresh") == "fresh"
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("thing", "k", lambda: "still works") == "still works"


def test_files_key_changes_when_a_file_changes(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("one")
    before = cache.files_key([f])
    f.write_text("two, longer")
    assert cache.files_key([f]) != before


def test_a_new_entry_replaces_the_old_ones_of_the_same_name(tmp_path, monkeypatch):
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(tmp_path))
    cache.cached("thing", "old", lambda: 1)
    cache.cached("other", "x", lambda: 2)
    cache.cached("thing", "new", lambda: 3)
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == ["other-x.pickle", "thing-new.pickle"]
