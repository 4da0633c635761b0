"""A small on-disk cache for work that only depends on the built-in catalogue (its parsed form and
its compiled patterns), so that a cold ``lexcheck analyze`` does not redo it on every run.

The cache lives in ``$LEXCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/lexcheck``, else
``~/.cache/lexcheck``; ``LEXCHECK_CACHE_DIR=off`` disables it. Entries are keyed by lexcheck's
version and the catalogue files' names, sizes and modification times; a stale or unreadable entry
is simply rebuilt, and a cache that cannot be written is skipped silently.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    env = os.environ.get("LEXCHECK_CACHE_DIR")
    if env == "off":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lexcheck"


def files_key(paths) -> str:
    """A fingerprint of files by path, size and modification time."""
    from .version import __version__

    h = hashlib.sha256(__version__.encode())
    for p in sorted(str(x) for x in paths):
        st = os.stat(p)
        h.update(f"{p}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when an entry for ``name``/``key`` exists."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, stale or corrupt: rebuild
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob(f"{name}-*.pickle"):  # entries of earlier catalogues or versions
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # read-only home, full disk: work without a cache
        pass
    return value
