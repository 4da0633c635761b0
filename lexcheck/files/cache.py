"""A small on-disk cache for work that only depends on the built-in catalogue (its parsed form and
its compiled patterns), so that a cold ``lexcheck analyze`` does not redo it on every run.

The cache lives in ``$LEXCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/lexcheck``, else
``~/.cache/lexcheck``; ``LEXCHECK_CACHE_DIR=off`` disables it. Entries are keyed by lexcheck's
version and the catalogue files' names, sizes and modification times; a stale or unreadable entry
is simply rebuilt, and a cache that cannot be written is skipped silently.

Entries are Python pickles, and reading a pickle can run code. So a cache folder is trusted only if
the current user owns it and no one else may read or write it (mode 0700; lexcheck creates it so,
and tightens its own default folder ``.../lexcheck``), and every entry carries an HMAC-SHA256 of its
bytes under a random key kept in that folder (file ``key``, mode 0600, owned by the user). An entry
whose HMAC does not verify is never unpickled, and an entry that unpickles to the wrong type is
rebuilt: a file planted by someone else can neither run code nor break lexcheck. A folder or key
that fails these checks means: no cache (silently, at the cost of speed only).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_MAGIC = b"lexcheck-cache-1\n"
_KEY_FILE = "key"
_KEY_BYTES = 32


def cache_dir() -> Path | None:
    """The cache folder the environment asks for (not yet checked), or ``None`` when switched off."""
    env = os.environ.get("LEXCHECK_CACHE_DIR")
    if env == "off":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lexcheck"


def files_key(paths) -> str:
    """A fingerprint of files by path, size and modification time."""
    from ..version import __version__

    h = hashlib.sha256(__version__.encode())
    for p in sorted(str(x) for x in paths):
        st = os.stat(p)
        h.update(f"{p}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


def _private(st: os.stat_result) -> bool:
    """Owned by the current user, and neither readable nor writable by group or others."""
    if not hasattr(os, "getuid"):  # Windows: the user's profile folder is private already
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o077


def _trusted_folder(folder: Path, create: bool) -> bool:
    """True when ``folder`` is a private directory of the current user (created 0700 if asked)."""
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return False
    try:
        st = os.stat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    own_default = "LEXCHECK_CACHE_DIR" not in os.environ and folder.name == "lexcheck"
    if not _private(st) and own_default and hasattr(os, "getuid") and st.st_uid == os.getuid():
        try:  # lexcheck's own folder, made by an earlier version with the umask's mode
            os.chmod(folder, 0o700)
            st = os.stat(folder)
        except OSError:
            return False
    return _private(st)


def _read_key(folder: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(folder / _KEY_FILE, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or not _private(st):
            return None
        key = fh.read(_KEY_BYTES + 1)
    return key if len(key) == _KEY_BYTES else None


def _key(folder: Path, create: bool) -> bytes | None:
    """The folder's secret key; with ``create``, a new random one when there is none yet."""
    key = _read_key(folder)
    if key is not None or not create or os.path.lexists(folder / _KEY_FILE):
        return key
    try:
        fd = os.open(folder / _KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:  # another lexcheck made it meanwhile: use theirs
        return _read_key(folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secrets.token_bytes(_KEY_BYTES))
    return _read_key(folder)


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def _load(path: Path, key: bytes, expect: type | Callable[[object], bool] | None):
    """The entry's value, or ``None`` (as a miss) when absent, unauthenticated or of the wrong type."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if not raw.startswith(_MAGIC) or len(raw) < head:
        return None
    payload = raw[head:]
    if not hmac.compare_digest(raw[len(_MAGIC) : head], _mac(key, payload)):
        return None  # not written by this user's lexcheck: never unpickled
    try:
        value = pickle.loads(payload)
    except Exception:  # an entry of another lexcheck or library version
        return None
    if expect is None:
        return (value,)
    ok = isinstance(value, expect) if isinstance(expect, type) else bool(expect(value))
    return (value,) if ok else None


def cached(
    name: str,
    key: str,
    build: Callable[[], T],
    expect: type | Callable[[object], bool] | None = None,
) -> T:
    """``build()``'s result, from the cache when an authenticated entry for ``name``/``key`` exists.

    ``expect`` is the type the value must have (or a function that says whether it is acceptable);
    an entry that fails it is rebuilt."""
    folder = cache_dir()
    if folder is None:
        return build()
    secret = _key(folder, create=False) if _trusted_folder(folder, create=False) else None
    path = folder / f"{name}-{key}.pickle"
    if secret is not None:
        found = _load(path, secret, expect)
        if found is not None:
            return found[0]  # type: ignore[return-value]
    value = build()
    try:
        if not _trusted_folder(folder, create=True):
            return value
        secret = secret or _key(folder, create=True)
        if secret is None:
            return value
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + _mac(secret, payload) + payload)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        for old in folder.glob(f"{name}-*.pickle"):  # entries of earlier catalogues or versions
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # read-only home, full disk: work without a cache
        pass
    return value
