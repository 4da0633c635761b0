"""The catalogue of international standards: Instruments, Requirements, Elements, Profiles.

A Requirement is one thing a national framework must (or should) provide, cited to an article of an
instrument. Its Elements are the checkable parts (the five acts of Palermo Art. 3(a), say), each with
per-language patterns that show the element is provided.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STRENGTHS = ("mandatory", "conditional", "good_practice")
LENSES = ("gender", "child", "survivor_centred", "trauma_informed", "vulnerability")
ACTORS = (
    "legislature",
    "police",
    "prosecution",
    "judiciary",
    "migration_service",
    "border_service",
    "social_services",
    "labour_inspection",
    "coordinator",
    "civil_society",
)
RELATIONSHIPS = ("equivalent", "broader", "narrower", "overlaps")
VERIFICATION = ("verified_primary", "verified_translation", "verified_secondary", "unverified")
INSTRUMENT_KINDS = ("treaty", "eu_law", "soft_law", "guidance")

# The scopes a requirement may be looked for in, the rules that combine its elements and the kinds
# of parameter it may check are registered by the code that implements them
# (lexcheck.analysis.registry); standards/schema.json lists the same names, and a test keeps the two
# in step. The roles a requirement may play in finding the offence (``anchor``):
ANCHORS = (
    "acts",  # its elements are the acts of trafficking: an article with two of them is an offence of trafficking
    "means",  # its elements are the means: a means in the definition is a condition of the offence
    "purpose",  # its elements are the purposes: acts and a purpose in an offence article make it one
)


@dataclass
class Pattern:
    """One way of saying an element in one language.

    ``source`` is either a phrase in lexcheck's pattern notation (see ``lexcheck.catalogue.patterns``)
    or a list of spaCy token-pattern dicts.
    """

    lang: str
    source: str | list


@dataclass
class Element:
    """A checkable part of a requirement, e.g. ``receipt`` among the acts of Palermo Art. 3(a)."""

    key: str
    label: str
    patterns: list[Pattern] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    near_misses: list[str] = field(default_factory=list)
    optional: bool = False


@dataclass
class Negative:
    """A red flag: wording that narrows or contradicts the requirement where it is found.

    ``effect`` is the most favourable status the requirement can keep when the red flag is present
    (``partial``, ``needs_review`` or ``missing``).
    """

    key: str
    label: str
    effect: str = "partial"
    patterns: list[Pattern] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


@dataclass
class Parameter:
    """A figure a provision must meet, e.g. ``child_age`` with rule ``< 18`` or ``reflection_days >= 30``."""

    name: str
    unit: str
    rule: str
    kind: str
    label: str = ""


@dataclass
class Related:
    id: str
    relationship: str = "overlaps"


@dataclass
class Requirement:
    """One thing a national framework must (or should) provide, cited to an article."""

    id: str
    instrument: str
    cite: str
    title: str
    area: str
    strength: str
    statement: str
    verification: str
    scope: str = "operative"
    rule: str = "all"
    anchor: str = ""  # one of ANCHORS, or "" for a requirement that anchors nothing
    lenses: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    text: str = ""
    elements: list[Element] = field(default_factory=list)
    negative: list[Negative] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)
    recommendation: dict[str, str] = field(default_factory=dict)
    model_wording: str = ""
    related: list[Related] = field(default_factory=list)
    note: str = ""
    source_file: str = ""
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def localized(self, field_name: str, lang: str = "en") -> str:
        """A text field (statement, title, model_wording, recommendation.partial...) in ``lang`` if
        the catalogue has a translation, else in English."""
        tr = self.translations.get(lang, {})
        if field_name in tr:
            return tr[field_name]
        if field_name.startswith("recommendation."):
            return self.recommendation.get(field_name.split(".", 1)[1], "")
        return getattr(self, field_name, "")


@dataclass
class Instrument:
    id: str
    title: str
    short: str
    kind: str
    adopted: str = ""
    citation: str = ""
    note: str = ""


@dataclass
class Profile:
    """A named selection of requirements (by instrument, id, area, lens or strength)."""

    name: str
    title: str
    description: str = ""
    instruments: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    lenses: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    source_file: str = ""

    def selects(self, req: Requirement) -> bool:
        if req.id in self.exclude:
            return False
        if req.id in self.ids:
            return True
        if not (self.instruments or self.areas or self.lenses):
            return not self.ids
        # instrument AND (area OR lens)
        inst_ok = req.instrument in self.instruments if self.instruments else True
        topic = []
        if self.areas:
            topic.append(req.area in self.areas)
        if self.lenses:
            topic.append(bool(set(req.lenses) & set(self.lenses)))
        return inst_ok and (any(topic) if topic else True)


@dataclass
class Catalogue:
    """All requirements, in catalogue order, with their instruments and profiles."""

    version: str
    instruments: dict[str, Instrument]
    requirements: list[Requirement]
    profiles: dict[str, Profile]
    files: list[str] = field(default_factory=list)
    cache_key: str = ""  # set for the built-in catalogue: compiled patterns may be cached on disk
    # area id -> what can provide its requirements (``areas`` in standards/catalogue.yaml)
    areas: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {r.id: r for r in self.requirements}

    def anchor_roles(self) -> dict[str, frozenset[str]]:
        """Role ("acts", "means", "purpose") -> the ids of the requirements that play it."""
        roles: dict[str, set[str]] = {}
        for r in self.requirements:
            if r.anchor:
                roles.setdefault(r.anchor, set()).add(r.id)
        return {role: frozenset(ids) for role, ids in roles.items()}

    def __len__(self) -> int:
        return len(self.requirements)

    def __iter__(self):
        return iter(self.requirements)

    def get(self, rid: str) -> Requirement:
        return self._by_id[rid]

    def __contains__(self, rid: str) -> bool:
        return rid in self._by_id

    def select(
        self,
        profile: str | None = None,
        instrument: str | None = None,
        area: str | None = None,
        lens: str | None = None,
    ) -> list[Requirement]:
        """Requirements of a profile, filtered by instrument, area and lens, in catalogue order."""
        reqs = self.requirements
        if profile:
            prof = self.profiles[profile]
            reqs = [r for r in reqs if prof.selects(r)]
        if instrument:
            wanted = {i.strip().upper() for i in instrument.split(",")}
            reqs = [r for r in reqs if r.instrument.upper() in wanted]
        if area:
            reqs = [r for r in reqs if r.area == area]
        if lens:
            reqs = [r for r in reqs if lens in r.lenses]
        return list(reqs)

    def related_to(self, rid: str) -> list[tuple[Requirement, str]]:
        """Requirements linked to ``rid`` by a crosswalk, in either direction."""
        out = []
        req = self.get(rid)
        for rel in req.related:
            if rel.id in self:
                out.append((self.get(rel.id), rel.relationship))
        inverse = {"broader": "narrower", "narrower": "broader"}
        for other in self.requirements:
            for rel in other.related:
                if rel.id == rid and all(o.id != other.id for o, _ in out):
                    out.append((other, inverse.get(rel.relationship, rel.relationship)))
        return out
