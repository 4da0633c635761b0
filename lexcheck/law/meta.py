"""The optional ``meta.yaml`` beside national texts.

Format (see ``../shared/corpus/*/meta.yaml``)::

    country: Kazakhstan
    title: Law On Countering Human Trafficking 2024
    documents:
    - file: law.en.txt
      language: en
      title: ...            # optional
    provenance: [...]       # free text, kept as is

Read with ``yaml.safe_load``; anything malformed is an :class:`~lexcheck.errors.InputError`, and so is
a document path that leads out of the folder (absolute, ``..``, or a symbolic link to elsewhere).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

META_NAMES = ("meta.yaml", "meta.yml")


def inside(folder: Path, path: Path) -> bool:
    """True when ``path``, with every symbolic link followed, is in ``folder`` (or below it).

    The documents of a law folder come from someone else: a link from ``law.txt`` to ``/etc/passwd``
    must not make lexcheck read (and copy into its reports) a file outside the folder."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links, a path too long
        return False


def find_meta(folder: Path) -> Path | None:
    for name in META_NAMES:
        candidate = folder / name
        if candidate.is_file():
            if not inside(folder, candidate):
                raise InputError("meta file links outside its folder; refused", candidate)
            return candidate
    return None


def load_meta(path: str | Path) -> dict:
    """The parsed and checked ``meta.yaml``."""
    import yaml

    from ..files import safe_yaml

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read meta file ({exc.strerror or exc})", path) from None
    try:
        data = safe_yaml.load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("meta file is not UTF-8 text", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(f"broken meta.yaml{where}: {problem}", path) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("broken meta.yaml: expected a mapping (country, title, documents ...)", path)
    docs = data.get("documents", [])
    if docs is None:
        docs = []
    if not isinstance(docs, list):
        raise InputError("broken meta.yaml: 'documents' must be a list", path)
    clean = []
    for k, entry in enumerate(docs, 1):
        if isinstance(entry, str):
            entry = {"file": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not entry["file"].strip():
            raise InputError(f"broken meta.yaml: documents entry {k} needs a 'file'", path)
        f = entry["file"]
        if Path(f).is_absolute() or ".." in Path(f).parts or not inside(path.parent, path.parent / f):
            raise InputError(f"broken meta.yaml: document path must stay in the folder ({f})", path)
        lang = entry.get("language")
        if lang is not None and not isinstance(lang, str):
            raise InputError(f"broken meta.yaml: language of {f} must be a string", path)
        clean.append(dict(entry))
    data = dict(data)
    data["documents"] = clean
    for key in ("country", "title"):
        if key in data and data[key] is not None and not isinstance(data[key], (str, int, float)):
            raise InputError(f"broken meta.yaml: '{key}' must be text", path)
    return data


def meta_for(path: Path) -> tuple[dict | None, dict | None]:
    """``(folder meta, document entry)`` for a text file with a ``meta.yaml`` beside it that lists it."""
    meta_path = find_meta(path.parent)
    if meta_path is None:
        return None, None
    data = load_meta(meta_path)
    for entry in data["documents"]:
        if (path.parent / entry["file"]).resolve() == path.resolve():
            return data, entry
    return data, None
