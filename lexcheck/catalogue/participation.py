"""Which instruments bind which State: the dated table in ``standards/participation/states.yaml``.

A requirement binds a country only when the country is party to (or, for the EU Directive, a member of the
Union bound by) the instrument that states it, and the requirement is an obligation of that instrument
(``mandatory`` or ``conditional``), not good practice. :func:`binding` answers with three values:

- ``True``: the table shows the country as party (or EU member) and the requirement is an obligation;
- ``False``: the country is not party (signature alone does not bind), not an EU member, or the
  requirement is soft law (UNODC Model Law, OHCHR Principles, CEDAW GR 38, UNICEF, OSCE);
- ``None``: the country is unknown, or the table has no verified entry for it.

The table was compiled from public sources, each entry with its source and grade (``primary`` depositary
register, ``official`` page of the organisation, ``secondary``); dates are those the sources give. It must be
re-checked against the depositary registers before a report is sent: see the header of the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..resources import standards_dir

#: Requirement strengths that are obligations of the instrument that states them.
OBLIGATIONS = ("mandatory", "conditional")
#: Statuses in the table that bind.
BOUND = ("party", "member")
#: Statuses in the table that do not bind.
NOT_BOUND = ("not_party", "signatory", "not_member")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Entry:
    """One State's participation in one instrument, as the table records it."""

    state: str  # ISO 3166-1 alpha-2
    instrument: str  # PAL, UNTOC, COE, EU, OPSC, CEDAW, ILO
    status: str  # party | signatory | not_party | member | not_member | unverified
    date: str | None = None  # of ratification, accession ... as the source gives it (YYYY-MM-DD)
    approx_date: str | None = None  # YYYY or YYYY-MM when the source gives no day
    action: str | None = None
    source: tuple[str, ...] = ()
    grade: str | None = None
    note: str | None = None

    @property
    def verified(self) -> bool:
        return self.status != "unverified"


class Participation:
    """The table: ``data_date`` (the latest "status as at" of its sources), ``sources``, entries by State."""

    def __init__(self, data: dict[str, Any]):
        self.data_date = str(data.get("data_date") or "")
        self.compiled = str(data.get("compiled") or "")
        self.sources: dict[str, dict] = dict(data.get("sources") or {})
        self.names: dict[str, str] = {}
        self.entries: dict[tuple[str, str], Entry] = {}
        for code, state in (data.get("states") or {}).items():
            self.names[code] = state.get("name", code)
            for instrument, raw in (state.get("instruments") or {}).items():
                source = raw.get("source") or ()
                self.entries[(code, instrument)] = Entry(
                    state=code,
                    instrument=instrument,
                    status=raw.get("status", "unverified"),
                    date=str(raw["date"]) if raw.get("date") else None,
                    approx_date=str(raw["approx_date"]) if raw.get("approx_date") else None,
                    action=raw.get("action"),
                    source=tuple([source] if isinstance(source, str) else source),
                    grade=raw.get("grade"),
                    note=raw.get("note"),
                )
        #: the instruments the table records (an instrument it does not record binds nobody here)
        self.instruments = frozenset(instrument for _state, instrument in self.entries)

    def state_code(self, country: str | None) -> str | None:
        """The ISO code of a country as meta.yaml or ``--country`` writes it ("United Kingdom (England and
        Wales)", "Russian Federation", "PK"), or None when the table does not know it."""
        if not country:
            return None
        text = country.strip()
        if text.upper() in self.names:
            return text.upper()
        key = _plain(re.sub(r"\(.*?\)", "", text))
        for code, name in self.names.items():
            if _plain(name) == key:
                return code
        return None

    def entry(self, state: str, instrument: str) -> Entry | None:
        return self.entries.get((state, instrument))


def _plain(name: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", name.lower()).split())


@cache
def load_participation(path: str | Path | None = None) -> Participation:
    """The built-in table (or the one at ``path``)."""
    file = Path(path) if path else standards_dir() / "participation" / "states.yaml"
    with open(file, encoding="utf-8") as fh:
        return Participation(yaml.load(fh, Loader=_Loader) or {})  # noqa: S506 - a safe loader


def binding(
    country: str | None, instrument: str, strength: str, table: Participation | None = None
) -> bool | None:
    """Does a requirement of ``instrument`` with ``strength`` bind ``country``? True, False or None (see
    the module docstring)."""
    if strength not in OBLIGATIONS:
        return False
    table = table or load_participation()
    code = table.state_code(country)
    if code is None:
        return None
    entry = table.entry(code, instrument)
    if entry is None:
        return False if instrument not in table.instruments else None
    if entry.status in BOUND:
        return True
    if entry.status in NOT_BOUND:
        return False
    return None
