"""What a batch analyses: the frameworks named by a folder of framework folders or by a CSV manifest.

``source`` is either

- a folder whose sub-folders each hold one framework (a ``meta.yaml`` and its texts), like
  ``national_law/``; the sub-folder's name is the framework's name; or
- a CSV manifest with the columns ``name`` and ``paths`` (several paths separated by ``;``, relative to
  the CSV file) and optionally ``country`` and ``language``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class BatchItem:
    """One framework of a batch: its name, its texts, and what the manifest says about it."""

    name: str
    paths: list[Path]
    country: str = ""
    language: str = ""
    problem: str = ""  # a manifest problem found before analysis (recorded as an error)


def read_source(source: str | Path) -> list[BatchItem]:
    """The frameworks named by ``source``: a folder of framework folders, or a CSV manifest."""
    src = Path(source)
    if not src.exists():
        raise InputError("no such file or folder", src)
    if src.is_dir():
        return _read_folder(src)
    if src.suffix.lower() in (".csv", ".txt"):
        return _read_manifest(src)
    raise InputError(
        "give a folder of framework folders (each with a meta.yaml) or a CSV manifest "
        "(columns: name, paths, country, language)",
        src,
    )


def _read_folder(src: Path) -> list[BatchItem]:
    from ..law.meta import find_meta

    if find_meta(src) is not None:
        raise InputError(
            "this folder is one framework (it has a meta.yaml); give the folder that holds one "
            "sub-folder per framework, or use 'lexcheck analyze' for a single framework",
            src,
        )
    items = [
        BatchItem(name=p.name, paths=[p])
        for p in sorted(src.iterdir())
        if p.is_dir() and not p.name.startswith((".", "_")) and not p.name.endswith("_results")
    ]
    if not items:
        raise InputError("no framework sub-folders in this folder (one sub-folder per framework)", src)
    return items


def _read_manifest(src: Path) -> list[BatchItem]:
    try:
        text = src.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("manifest is not UTF-8 text", src) from None
    except OSError as exc:
        raise InputError(f"cannot read the manifest ({exc.strerror or exc})", src) from None
    try:
        reader = csv.DictReader(text.splitlines())
        header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"not a valid CSV manifest ({exc})", src) from None
    missing = [c for c in ("name", "paths") if c not in header]
    if missing:
        raise InputError(
            f"manifest needs the columns name and paths (missing: {', '.join(missing)}); "
            "optional: country, language",
            src,
        )
    base = src.resolve().parent
    items: list[BatchItem] = []
    for line, raw in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
        name, paths = row.get("name", ""), row.get("paths", "")
        if not name and not paths:
            continue  # a blank line
        if name.startswith("#"):
            continue  # a commented-out row
        item = BatchItem(
            name=name or f"row {line}",
            paths=[_resolve(base, p) for p in paths.split(";") if p.strip()],
            country=row.get("country", ""),
            language=row.get("language", ""),
        )
        if not name:
            item.problem = f"manifest row {line}: no name"
        elif not item.paths:
            item.problem = f"manifest row {line}: no paths"
        items.append(item)
    if not items:
        raise InputError("manifest lists no frameworks", src)
    return items


def _resolve(base: Path, p: str) -> Path:
    path = Path(p.strip()).expanduser()
    return path if path.is_absolute() else base / path


def result_file_name(name: str) -> str:
    """File name of a framework's JSON result: its name with anything but letters, digits, ``._-``
    replaced by ``_``."""
    safe = _SAFE.sub("_", name).strip("._") or "framework"
    return f"{safe}.json"
