"""The records of the offence model: every offence of a framework with its elements and penalty,
and the framework-level facts of criminal law (ancillary liability, legal persons, confiscation,
jurisdiction).

The records say what the law reads, with the words read and where they stand (document, eid and
the citation a lawyer writes), so that a later step can decide the criminal-law requirements from
them. Every record has a deterministic ``to_dict`` (JSON-serialisable).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of offence, in the order a heading is read for them (see ``kinds`` in lang/<code>/offences.yaml).
KINDS = (
    "trafficking",
    "child_trafficking",
    "forced_labour",
    "slavery",
    "servitude",
    "use_of_services",
    "documents",
    "material_benefit",
    "other",
)
#: The kinds that are trafficking in persons (EU-4-1 and EU-4-2 read their penalties).
TRAFFICKING_KINDS = ("trafficking", "child_trafficking")
#: Life imprisonment counted as a term of years (the machine contract of the labels).
LIFE = 99


@dataclass
class Place:
    """Where a record was read: the document, the provision and its citation, and the words."""

    document: str
    eid: str
    citation: str
    quote: str = ""

    def to_dict(self) -> dict:
        return {"document": self.document, "eid": self.eid, "citation": self.citation, "quote": self.quote}


@dataclass
class Penalty:
    """The sanction of one offence form.

    ``fine`` says how a fine stands to imprisonment: ``"alone"`` (no imprisonment),
    ``"in_addition"`` (imprisonment and a fine), ``"instead"`` (a fine may replace imprisonment:
    "or with fine", "or both", "a fine or imprisonment"), ``""`` (no fine)."""

    min_years: float | None = None
    max_years: float | None = None
    life: bool = False
    fine: str = ""
    place: Place | None = None
    #: "own" (in the offence's provision) or the citation of the provision that sets it elsewhere
    #: ("A person guilty of an offence under section 1 or 2 is liable ...")
    source: str = "own"

    @property
    def maximum(self) -> float | None:
        """The longest term (life = 99), or None when no term of imprisonment was read."""
        return LIFE if self.life else self.max_years

    def describe(self) -> str:
        """ "2–10 y", "15 y–life", "≤20 y", "life", "≥3 y", with "+ fine" or "or fine"; "fine only"."""
        lo, hi = (
            self.min_years,
            ("life" if self.life else None if self.max_years is None else f"{_num(self.max_years)} y"),
        )
        if lo is not None and hi:
            text = f"{_num(lo)}–{hi}" if self.life else f"{_num(lo)}–{hi}"
            if self.life:
                text = f"{_num(lo)} y–life"
        elif hi:
            text = hi if self.life else f"≤{hi}"
        elif lo is not None:
            text = f"≥{_num(lo)} y"
        else:
            text = ""
        if self.fine == "alone" or (self.fine and not text):
            return "fine only"
        if self.fine == "in_addition":
            text += " + fine"
        elif self.fine == "instead":
            text += " or fine"
        return text or "?"

    def to_dict(self) -> dict:
        return {
            "min_years": _num(self.min_years),
            "max_years": _num(self.max_years),
            "life": self.life,
            "maximum": _num(self.maximum),
            "fine": self.fine,
            "source": self.source,
            "place": self.place.to_dict() if self.place else None,
        }


@dataclass
class Offence:
    """One offence form: a basic offence, or an aggravated form of one (``basic_of`` names it)."""

    id: str
    place: Place
    heading: str = ""
    kind: str = "other"
    form: str = "basic"  # "basic" or "aggravated"
    basic_of: str = ""  # the id of the basic offence of an aggravated form
    acts: list[str] = field(default_factory=list)
    means_required: bool | None = None
    means: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)  # forms of exploitation (and "purpose")
    victims: list[str] = field(default_factory=list)  # "any person", "child", "adult"
    child_means_required: bool | None = None
    definitions: list[Place] = field(default_factory=list)  # the definitions it uses
    penalty: Penalty | None = None
    circumstances: list[str] = field(default_factory=list)
    #: aggravating factors a court weighs within the basic maximum (no penalty of their own)
    within_basic_maximum: bool = False
    #: the engine reads this article as a trafficking offence (analysis/scopes.py: its acts and purpose)
    trafficking_offence: bool = False

    @property
    def citation(self) -> str:
        return self.place.citation

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "document": self.place.document,
            "eid": self.place.eid,
            "citation": self.place.citation,
            "heading": self.heading,
            "kind": self.kind,
            "form": self.form,
            "basic_of": self.basic_of,
            "acts": list(self.acts),
            "means_required": self.means_required,
            "means": list(self.means),
            "purposes": list(self.purposes),
            "victims": list(self.victims),
            "child_means_required": self.child_means_required,
            "definitions": [d.to_dict() for d in self.definitions],
            "penalty": self.penalty.to_dict() if self.penalty else None,
            "circumstances": list(self.circumstances),
            "within_basic_maximum": self.within_basic_maximum,
            "trafficking_offence": self.trafficking_offence,
            "quote": self.place.quote,
        }


#: Framework-level facts: ancillary liability, legal persons, confiscation, jurisdiction.
FACT_KINDS = (
    "attempt",
    "complicity",
    "organising_directing",
    "legal_persons",
    "confiscation",
    "jurisdiction_territorial",
    "jurisdiction_ships_aircraft",
    "jurisdiction_nationals_offenders",
    "jurisdiction_nationals_victims",
)


@dataclass
class Fact:
    kind: str
    place: Place

    def to_dict(self) -> dict:
        return {"kind": self.kind, **self.place.to_dict()}


@dataclass
class OffenceModel:
    """The criminal law of a framework as a lawyer reads it."""

    offences: list[Offence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def basic(self) -> list[Offence]:
        return [o for o in self.offences if o.form == "basic"]

    def aggravated(self) -> list[Offence]:
        return [o for o in self.offences if o.form == "aggravated"]

    def get(self, offence_id: str) -> Offence | None:
        return next((o for o in self.offences if o.id == offence_id), None)

    def basic_maximum(self) -> float | None:
        """EU-4-1: the lowest maximum among the basic trafficking offences (life = 99)."""
        maxima = [m for o in self.basic() if _trafficking(o) and (m := _maximum(o)) is not None]
        return min(maxima) if maxima else None

    def aggravated_maximum(self) -> float | None:
        """EU-4-2: the highest maximum among the aggravated forms of trafficking (life = 99); an
        aggravation within the basic maximum counts with that maximum."""
        maxima = []
        for o in self.aggravated():
            if not _trafficking(o):
                continue
            m = _maximum(o)
            if m is None and o.within_basic_maximum and o.basic_of:
                base = self.get(o.basic_of)
                m = _maximum(base) if base else None
            if m is not None:
                maxima.append(m)
        return max(maxima) if maxima else None

    def to_dict(self) -> dict:
        return {
            "documents": list(self.documents),
            "offences": [o.to_dict() for o in self.offences],
            "facts": [f.to_dict() for f in self.facts],
            "summary": {
                "offences": len(self.basic()),
                "aggravated_forms": len(self.aggravated()),
                "basic_maximum": _num(self.basic_maximum()),
                "aggravated_maximum": _num(self.aggravated_maximum()),
            },
        }

    def to_dataframe(self):
        """One row per offence form (pandas)."""
        import pandas as pd

        rows = []
        for o in self.offences:
            p = o.penalty
            rows.append(
                {
                    "citation": o.citation,
                    "document": o.place.document,
                    "eid": o.place.eid,
                    "kind": o.kind,
                    "form": o.form,
                    "basic_of": o.basic_of,
                    "acts": ", ".join(o.acts),
                    "means_required": o.means_required,
                    "means": ", ".join(o.means),
                    "purposes": ", ".join(o.purposes),
                    "victims": ", ".join(o.victims),
                    "child_means_required": o.child_means_required,
                    "min_years": p.min_years if p else None,
                    "max_years": p.maximum if p else None,
                    "fine": p.fine if p else "",
                    "penalty_citation": p.place.citation if p and p.place else "",
                    "circumstances": ", ".join(o.circumstances),
                }
            )
        return pd.DataFrame(rows)

    def to_text(self) -> str:
        """A table a lawyer reads: citation | kind | form | acts | means | purposes | victims | penalty."""
        head = ("citation", "kind", "form", "acts", "means", "purposes", "victims", "penalty")
        rows = [head]
        for o in self.offences:
            form = o.form if o.form == "basic" else f"aggravated ({', '.join(o.circumstances) or '?'})"
            means = "not required" if o.means_required is False else ", ".join(o.means) or "?"
            if o.penalty is None:
                penalty = "within basic maximum" if o.within_basic_maximum else "-"
            else:
                penalty = o.penalty.describe()
                if o.penalty.source != "own":
                    penalty += f" ({o.penalty.source})"
            victims = ", ".join(o.victims)
            if "child" in o.victims and o.child_means_required is False:
                victims += " (child: no means)"
            rows.append(
                (
                    o.citation,
                    o.kind,
                    form,
                    ", ".join(o.acts) or "-",
                    means,
                    ", ".join(o.purposes) or "-",
                    victims,
                    penalty,
                )
            )
        widths = [min(40, max(len(r[i]) for r in rows)) for i in range(len(head))]
        lines = [" | ".join(_cell(c, w) for c, w in zip(r, widths)) for r in rows]
        lines.insert(1, "-+-".join("-" * w for w in widths))
        if self.facts:
            lines.append("")
            for f in self.facts:
                lines.append(f"{f.kind}: {f.place.citation} — {f.place.quote[:120]}")
        return "\n".join(lines)


def _trafficking(o: Offence) -> bool:
    """A trafficking offence proper: of a trafficking kind and read by the engine as one (not an
    offence of disclosing a victim's identity that only names trafficking)."""
    return o.kind in TRAFFICKING_KINDS and o.trafficking_offence


def _maximum(o: Offence) -> float | None:
    return o.penalty.maximum if o.penalty else None


def _num(v: float | None):
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _cell(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text[: width - 1] + "…" if len(text) > width else text.ljust(width)
