"""Loading and validating catalogue files (``standards/*.yaml``) and profiles (``standards/profiles/``).

Every problem is reported as a :class:`~lexcheck.errors.CatalogueError` naming the file and line.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

import yaml

from ..errors import CatalogueError
from ..files import safe_yaml
from ..resources import standards_dir
from .model import (
    Catalogue,
    Element,
    Instrument,
    Negative,
    Parameter,
    Pattern,
    Profile,
    Related,
    Requirement,
)

STRENGTH_ORDER = {"mandatory": 0, "conditional": 1, "good_practice": 2}


@cache
def _schema() -> dict:
    return json.loads((standards_dir() / "schema.json").read_text(encoding="utf-8"))


def _read_yaml(path: Path):
    """Parse a YAML file, returning (data, text); errors name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogueError("no such file", path) from None
    except UnicodeDecodeError:
        raise CatalogueError("not UTF-8 text", path) from None
    except OSError as exc:
        raise CatalogueError(exc.strerror or str(exc), path) from None
    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CatalogueError(f"{where}YAML syntax error: {problem}", path) from None
    return data, text


def _node(text: str):
    """The YAML node tree, only needed to point an error at its line."""
    return yaml.compose(text, Loader=safe_yaml.LOADER)


def _line_of(node, json_path) -> int | None:
    """Line (1-based) of the YAML node at ``json_path`` (a sequence of keys and indexes)."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in json_path:
        if node is None:
            break
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            nxt = node.value[step]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def _validate(data, text: str, path: Path) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        line = _line_of(_node(text), list(err.absolute_path))
        where = "/".join(str(p) for p in err.absolute_path) or "top level"
        msg = err.message if len(err.message) < 160 else err.message[:157] + "..."
        raise CatalogueError(f"line {line}: schema violation at {where}: {msg}", path)


def _patterns(spec: dict | None) -> list[Pattern]:
    return [Pattern(lang, src) for lang, items in (spec or {}).items() for src in items]


def _requirement(raw: dict, instrument: str, path: Path) -> Requirement:
    return Requirement(
        id=raw["id"],
        instrument=instrument,
        cite=raw["cite"],
        title=raw["title"],
        area=raw["area"],
        strength=raw["strength"],
        statement=" ".join(raw["statement"].split()),
        verification=raw["verification"],
        scope=raw.get("scope", "operative"),
        rule=raw.get("rule", "all"),
        anchor=raw.get("anchor", ""),
        lenses=list(raw.get("lenses", [])),
        actors=list(raw.get("actors", [])),
        text=" ".join(raw.get("text", "").split()),
        elements=[
            Element(
                key=e["key"],
                label=e["label"],
                patterns=_patterns(e.get("patterns")),
                examples=list(e.get("examples", [])),
                near_misses=list(e.get("near_misses", [])),
                optional=bool(e.get("optional", False)),
            )
            for e in raw["elements"]
        ],
        negative=[
            Negative(
                key=n["key"],
                label=n["label"],
                effect=n.get("effect", "partial"),
                patterns=_patterns(n.get("patterns")),
                examples=list(n.get("examples", [])),
            )
            for n in raw.get("negative", [])
        ],
        parameters=[
            Parameter(
                name=p["name"], unit=p["unit"], rule=p["rule"], kind=p["kind"], label=p.get("label", "")
            )
            for p in raw.get("parameters", [])
        ],
        recommendation={k: " ".join(v.split()) for k, v in raw["recommendation"].items()},
        model_wording=raw.get("model_wording", "").strip(),
        related=[Related(r["id"], r["relationship"]) for r in raw.get("related", [])],
        note=" ".join(raw.get("note", "").split()),
        source_file=str(path),
        translations=raw.get("translations", {}),
    )


def load_file(path: Path, validate: bool = True) -> tuple[Instrument, list[Requirement]]:
    """Read one catalogue file; ``validate`` checks it against the JSON Schema first."""
    data, text = _read_yaml(path)
    if not isinstance(data, dict):
        raise CatalogueError(
            "line 1: a catalogue file must be a mapping with 'instrument' and 'requirements'", path
        )
    if validate:
        _validate(data, text, path)
    elif not isinstance(data.get("instrument"), dict) or not isinstance(data.get("requirements"), list):
        raise CatalogueError("line 1: a catalogue file needs 'instrument' and 'requirements'", path)
    ins = data["instrument"]
    instrument = Instrument(
        id=ins["id"],
        title=ins["title"],
        short=ins["short"],
        kind=ins["kind"],
        adopted=ins.get("adopted", ""),
        citation=ins.get("citation", ""),
        note=ins.get("note", ""),
    )
    reqs = []
    for i, raw in enumerate(data["requirements"]):
        req = _requirement(raw, instrument.id, path)
        keys = [e.key for e in req.elements]
        if len(keys) != len(set(keys)):
            line = _line_of(_node(text), ["requirements", i, "elements"])
            raise CatalogueError(f"line {line}: {req.id}: duplicate element key", path)
        reqs.append(req)
    return instrument, reqs


def load_profile(path: Path) -> Profile:
    data, text = _read_yaml(path)
    if not isinstance(data, dict) or "name" not in data or "title" not in data:
        raise CatalogueError("line 1: a profile needs at least 'name' and 'title'", path)
    allowed = {"name", "title", "description", "instruments", "ids", "areas", "lenses", "exclude"}
    unknown = set(data) - allowed
    if unknown:
        key = sorted(unknown)[0]
        raise CatalogueError(f"line {_line_of(_node(text), [key])}: unknown profile field {key!r}", path)
    return Profile(
        name=str(data["name"]),
        title=str(data["title"]),
        description=" ".join(str(data.get("description", "")).split()),
        instruments=list(data.get("instruments") or []),
        ids=list(data.get("ids") or []),
        areas=list(data.get("areas") or []),
        lenses=list(data.get("lenses") or []),
        exclude=list(data.get("exclude") or []),
        source_file=str(path),
    )


def _catalogue_files(folder: Path) -> tuple[list[Path], list[Path]]:
    files = sorted(p for p in folder.glob("*.yaml") if p.name != "catalogue.yaml")
    profiles = sorted((folder / "profiles").glob("*.yaml")) if (folder / "profiles").is_dir() else []
    return files, profiles


def _order(files: list[Path]) -> list[Path]:
    """Built-in instruments in a fixed, legally meaningful order; the rest alphabetically."""
    order = ["pal", "untoc", "coe", "eu", "opsc", "ilo", "unodc", "ohchr", "cedaw", "unicef", "osce"]
    rank = {name: i for i, name in enumerate(order)}
    return sorted(files, key=lambda p: (rank.get(p.stem, len(order)), p.name))


def load_catalogue(extra: str | Path | list | tuple | None = None, *, check: bool | None = None) -> Catalogue:
    """The built-in catalogue, plus the user's catalogue files or folders in ``extra``.

    User files use the same schema. They may add requirements and profiles; a duplicate
    requirement id, a crosswalk to an unknown id, a profile naming an unknown requirement,
    or a pattern that does not compile is an error. ``check`` validates files against the schema
    and compiles their patterns: by default only the user's files (the built-in catalogue is
    checked by lexcheck's own tests); ``True`` checks everything, ``False`` nothing.
    """
    extras = [extra] if isinstance(extra, (str, Path)) else [e for e in (extra or []) if e]
    if not extras and check is None:
        return _builtin()
    return _load(tuple(Path(e) for e in extras), check)


@lru_cache(maxsize=1)
def _builtin() -> Catalogue:
    from ..files.cache import cached, files_key

    base = standards_dir()
    files = sorted(base.glob("*.yaml")) + sorted((base / "profiles").glob("*.yaml"))
    catalogue = cached("catalogue", files_key(files), lambda: _load((), None), expect=Catalogue)
    catalogue.cache_key = files_key(files)
    return catalogue


def _meta() -> dict:
    """``standards/catalogue.yaml``: the catalogue's version, title and areas."""
    meta, _ = _read_yaml(standards_dir() / "catalogue.yaml")
    return meta


@cache
def area_order() -> tuple[str, ...]:
    """The thematic areas in the order the reports show them: the order of ``areas`` in
    ``standards/catalogue.yaml`` (known without loading the requirements)."""
    return tuple(_meta().get("areas") or ())


def _load(extras: tuple[Path, ...], check: bool | None) -> Catalogue:
    base = standards_dir()
    meta = _meta()
    version = str(meta.get("version", "0"))
    files, profile_files = _catalogue_files(base)
    files = _order(files)
    trusted = set(files) | set(profile_files) if check is None else (set() if check else None)
    for p in extras:
        if p.is_dir():
            f, pf = _catalogue_files(p)
            if not f and not pf:
                raise CatalogueError("folder holds no catalogue .yaml files", p)
            files += f
            profile_files += pf
        elif p.exists():
            (profile_files if p.parent.name == "profiles" else files).append(p)
        else:
            raise CatalogueError("no such file or folder", p)
    if extras:
        version += "+user"
    catalogue = build_catalogue(version, files, profile_files, trusted=trusted)
    catalogue.areas = dict(meta.get("areas") or {})  # what can provide each area's requirements
    return catalogue


def build_catalogue(version: str, files, profile_files, *, trusted: set | None = None) -> Catalogue:
    """Assemble a catalogue from files; files in ``trusted`` skip schema and pattern checks
    (``trusted=None`` trusts every file)."""

    def checked(path) -> bool:
        return trusted is not None and Path(path) not in trusted

    instruments: dict[str, Instrument] = {}
    requirements: list[Requirement] = []
    seen: dict[str, str] = {}
    for path in files:
        instrument, reqs = load_file(Path(path), validate=checked(path))
        instruments.setdefault(instrument.id, instrument)
        for req in reqs:
            if req.id in seen:
                raise CatalogueError(
                    f"duplicate requirement id {req.id} (first defined in {seen[req.id]})", path
                )
            seen[req.id] = str(path)
            requirements.append(req)
    ids = set(seen)
    for req in requirements:
        for rel in req.related:
            if rel.id not in ids:
                raise CatalogueError(f"{req.id}: crosswalk to unknown requirement {rel.id}", req.source_file)
    profiles: dict[str, Profile] = {}
    for path in profile_files:
        prof = load_profile(Path(path))
        for rid in prof.ids + prof.exclude:
            if rid not in ids:
                raise CatalogueError(f"profile {prof.name}: unknown requirement {rid}", path)
        for ins in prof.instruments:
            if ins not in instruments:
                raise CatalogueError(f"profile {prof.name}: unknown instrument {ins}", path)
        profiles[prof.name] = prof
    from .patterns import check_patterns

    for req in requirements:
        if checked(req.source_file):
            for el in req.elements:
                check_patterns(el.patterns, f"{req.id}/{el.key}", req.source_file)
            for neg in req.negative:
                check_patterns(neg.patterns, f"{req.id}/negative/{neg.key}", req.source_file)
    return Catalogue(
        version=version,
        instruments=instruments,
        requirements=requirements,
        profiles=profiles,
        files=[str(f) for f in files],
    )


def validate_path(path: str | Path) -> int:
    """Validate a catalogue file or folder on its own terms (with the built-in catalogue for
    crosswalk targets). Returns the number of requirements checked."""
    cat = load_catalogue(path)
    builtin = {str(f) for f in _catalogue_files(standards_dir())[0]}
    return sum(1 for r in cat.requirements if r.source_file not in builtin)
