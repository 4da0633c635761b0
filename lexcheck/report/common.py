"""What every report format shares: ordering, human labels, evidence, review lines, priorities.

Nothing here imports a heavy library: python-docx, openpyxl and matplotlib are imported lazily by the
renderers that need them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis.model import Evidence, Finding, GapAnalysis
from ..catalogue.load import area_order
from . import i18n

# ``texts(requirement_id, field)`` returns the requirement's ``field`` (``title``, ``statement``,
# ``recommendation.missing``, ``model_wording`` ...) in the report language, or None/"" to keep English.
TextLookup = Callable[[str, str], "str | None"]

# Okabe-Ito palette (colour-blind safe) for charts, and light tints of it for table cells.
STATUS_COLOURS = {
    "covered": "#009E73",
    "partial": "#E69F00",
    "needs_review": "#56B4E9",
    "missing": "#D55E00",
    "not_applicable": "#999999",
}
STATUS_TINTS = {
    "covered": "B3E2D5",
    "partial": "F7E2B3",
    "needs_review": "CCE8F8",
    "missing": "F2CFB3",
    "not_applicable": "E0E0E0",
}


def truncate(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def quote_lines(text: str) -> str:
    """A quotation on one line, its line breaks shown as `` / `` (as lawyers quote verse and statutes)."""
    lines = [" ".join(x.split()) for x in (text or "").splitlines()]
    return " / ".join(x for x in lines if x)


def eid_label(eid: str, lang: str = "en") -> str:
    """A readable citation from an Akoma Ntoso eId: ``art_129-1__para_1__point_b`` -> ``Art. 129-1(1)(b)``."""
    parts = i18n.texts(lang, "citation")
    pieces = eid.split("__")
    # articles are numbered through the whole text: drop the parts and chapters around them
    for i in range(len(pieces) - 1, -1, -1):
        if pieces[i].partition("_")[0] in ("art", "sec"):
            pieces = pieces[i:]
            break
    out: list[str] = []
    for piece in pieces:
        prefix, _, num = piece.partition("_")
        if not num:
            if piece:
                out.append(piece)
            continue
        if prefix in ("para", "point", "subpara", "item"):
            out.append(f"({num})")
        elif prefix == "intro":
            continue
        elif prefix in parts:
            out.append((" " if out else "") + parts[prefix].format(num))
        else:
            out.append((" " if out else "") + f"{prefix} {num}")
    return "".join(out).strip() or eid


@dataclass
class Prioritised:
    """A gap to act on, with its running number (R1, R2 ...) in the priority recommendations."""

    number: int
    finding: Finding
    actor: str
    other_actors: list[str] = field(default_factory=list)


class ReportData:
    """A GapAnalysis seen by a reader: labels in one language, findings grouped and ordered."""

    def __init__(self, result: GapAnalysis, lang: str = "en", texts: TextLookup | None = None):
        self.result = result
        self.lang = i18n.check_lang(lang)
        self.t = i18n.strings(self.lang)
        self._texts = texts
        self.catalogue = getattr(result, "catalogue", None)
        self._docs = {d.id: d for d in result.documents}
        self._provision_labels = self._framework_labels(getattr(result, "framework", None))
        self.priorities = self._prioritise()
        self.rec_number = {p.finding.requirement_id: p.number for p in self.priorities}

    # ----- labels -----
    def status(self, status: str) -> str:
        return i18n.label("status", status, self.lang)

    def area(self, area: str) -> str:
        return i18n.label("area", area, self.lang)

    def actor(self, actor: str) -> str:
        return i18n.label("actor", actor, self.lang)

    def lens(self, lens: str) -> str:
        return i18n.label("lens", lens, self.lang)

    def strength(self, strength: str) -> str:
        return i18n.label("strength", strength, self.lang)

    def instrument(self, code: str) -> str:
        """The instrument's short name: the catalogue's in English, the UI table's in other languages."""
        cat_name = ""
        if self.catalogue is not None:
            inst = getattr(self.catalogue, "instruments", {}).get(code)
            cat_name = getattr(inst, "short", "") or ""
        if self.lang == "en" and cat_name:
            return cat_name
        own = i18n.INSTRUMENTS.get(self.lang, {}).get(code)
        return own or cat_name or i18n.label("instrument", code, self.lang)

    def standard(self, f: Finding) -> str:
        """``Palermo Protocol, Art. 3(a)``; the cite alone when it already names the instrument."""
        name = self.instrument(f.instrument)
        cite = f.cite.strip()
        if not cite:
            return name
        if cite.lower().startswith((name.lower(), f.instrument.lower() + " ")):
            return cite
        return f"{name}, {cite}"

    def document_name(self, doc_id: str) -> str:
        d = self._docs.get(doc_id)
        if d is None:
            return doc_id
        return d.title or Path(d.path).name or d.id

    # ----- requirement texts (catalogue translations when there are some) -----
    def text(self, f: Finding, name: str) -> str:
        """A requirement text in the report language: ``title``, ``statement``, ``recommendation``,
        ``model_wording``. Looked up through ``texts``, then the catalogue, then the finding itself."""
        keys = [f"recommendation.{f.status}", "recommendation"] if name == "recommendation" else [name]
        for key in keys:
            if self._texts is not None:
                value = self._texts(f.requirement_id, key)
                if value:
                    return value
            if self.catalogue is not None and f.requirement_id in self.catalogue:
                req = self.catalogue.get(f.requirement_id)
                value = req.translations.get(self.lang, {}).get(key)
                if value:
                    return value
        own = {
            "title": f.title,
            "recommendation": f.recommendation,
            "model_wording": f.model_wording,
            "explanation": f.explanation,
        }.get(name, "")
        if own:
            return own
        if self.catalogue is not None and f.requirement_id in self.catalogue:
            req = self.catalogue.get(f.requirement_id)
            if name == "recommendation":
                return req.recommendation.get(f.status, "")
            return getattr(req, name, "") or ""
        return ""

    def title(self, f: Finding) -> str:
        return self.text(f, "title") or f.requirement_id

    # ----- grouping -----
    def by_area(self) -> list[tuple[str, list[Finding]]]:
        """Findings grouped by thematic area, areas in their logical order, findings in catalogue order."""
        groups: dict[str, list[Finding]] = {}
        for f in self.result.findings:
            groups.setdefault(f.area or "", []).append(f)
        rank = {a: i for i, a in enumerate(area_order())}
        first = {a: i for i, a in enumerate(groups)}
        order = sorted(groups, key=lambda a: (rank.get(a, len(rank)), first[a]))
        return [(a, groups[a]) for a in order]

    def with_lens(self, lens: str) -> list[Finding]:
        return [f for f in self.result.findings if lens in f.lenses]

    def _prioritise(self) -> list[Prioritised]:
        """Gaps ordered by primary actor (catalogue order of actors), then strength (mandatory first),
        then status (missing first), then catalogue order; numbered R1, R2 ..."""
        gaps = [f for f in self.result.findings if f.status in i18n.GAP_ORDER]
        actor_rank = {a: i for i, a in enumerate(i18n.ACTORS["en"])}
        s_rank = {s: i for i, s in enumerate(i18n.STRENGTH_ORDER)}
        g_rank = {s: i for i, s in enumerate(i18n.GAP_ORDER)}
        pos = {id(f): i for i, f in enumerate(self.result.findings)}

        def key(f: Finding):
            a = f.actors[0] if f.actors else ""
            return (
                actor_rank.get(a, len(actor_rank) - 1),
                a,
                s_rank.get(f.strength, 9),
                g_rank[f.status],
                pos[id(f)],
            )

        out = []
        for n, f in enumerate(sorted(gaps, key=key), start=1):
            primary = f.actors[0] if f.actors else ""
            out.append(Prioritised(n, f, primary, list(f.actors[1:])))
        return out

    def priorities_grouped(self) -> list[tuple[str, list[tuple[str, list[Prioritised]]]]]:
        """``[(actor, [(strength, [Prioritised ...]) ...]) ...]`` in priority order."""
        out: list[tuple[str, list[tuple[str, list[Prioritised]]]]] = []
        for p in self.priorities:
            if not out or out[-1][0] != p.actor:
                out.append((p.actor, []))
            groups = out[-1][1]
            if not groups or groups[-1][0] != p.finding.strength:
                groups.append((p.finding.strength, []))
            groups[-1][1].append(p)
        return out

    # ----- evidence and assessment pieces -----
    @staticmethod
    def evidence(f: Finding) -> list[Evidence]:
        """All evidence of a finding (its own, its elements', its parameters'), without repeats."""
        seen, out = set(), []
        for ev in _all_evidence(f):
            key = (ev.document, ev.eid, ev.start, ev.end)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out

    def provision(self, ev: Evidence, with_document: bool | None = None) -> str:
        """Human citation of an evidence's provision, with the document's name when there are several."""
        label = self.provision_label(ev)
        if with_document is None:
            with_document = len(self._docs) > 1
        return f"{self.document_name(ev.document)}, {label}" if with_document else label

    def provision_label(self, ev: Evidence) -> str:
        return ev.label or self._provision_labels.get((ev.document, ev.eid)) or eid_label(ev.eid, self.lang)

    def provision_groups(self, f: Finding) -> list[Evidence]:
        """One evidence per provision (document + eid): the longest quote, labelled if any one is."""
        groups: dict[tuple[str, str], Evidence] = {}
        for ev in self.evidence(f):
            key = (ev.document, ev.eid)
            best = groups.get(key)
            if best is None:
                groups[key] = Evidence(ev.document, ev.eid, ev.quote, ev.start, ev.end, ev.label)
                continue
            if len(ev.quote) > len(best.quote):
                best.quote, best.start, best.end = ev.quote, ev.start, ev.end
            best.label = best.label or ev.label
        return list(groups.values())

    def provisions(self, f: Finding, with_document: bool | None = None) -> list[str]:
        return list(dict.fromkeys(self.provision(ev, with_document) for ev in self.provision_groups(f)))

    def element_lines(self, f: Finding) -> list[str]:
        """``Found: recruitment, transfer`` / ``Missing: receipt`` / ``Not required ...: threat``."""
        groups: dict[str, list[str]] = {"found": [], "missing": [], "not_required": []}
        for e in f.elements:
            groups.setdefault(e.status, []).append(e.label or e.key.replace("_", " "))
        names = {"found": "found", "missing": "missing_elements", "not_required": "not_required"}
        return [f"{self.t[names[k]]}: {'; '.join(v)}." for k, v in groups.items() if v and k in names]

    def parameter_lines(self, f: Finding) -> list[str]:
        out = []
        for p in f.parameters:
            value = self.t["parameter_unknown"] if p.value is None else f"{_num(p.value)} {p.unit}".strip()
            verdict = {True: self.t["parameter_ok"], False: self.t["parameter_not_ok"]}.get(p.ok, "")
            line = f"{p.name.replace('_', ' ')}: {value} ({self.t['rule']}: {p.rule})"
            out.append(f"{line}, {verdict}." if verdict else f"{line}.")
        return out

    def qualifier_lines(self, f: Finding) -> list[str]:
        return [f"{self.t['restriction']}: {q.label or q.key}." for q in f.qualifiers]

    def review_lines(self, f: Finding) -> list[str]:
        """Who reviewed the finding, the note, and what the machine had said."""
        r = f.review
        if r is None:
            return []
        head = (
            self.t["reviewed_by"].format(reviewer=r.reviewer or "?", date=r.date or "?")
            if (r.reviewer or r.date)
            else self.t["reviewed_anon"]
        )
        out = [head + "."]
        if r.note:
            out.append(f"{self.t['reviewer_note']}: {r.note}")
        machine = r.machine_status or f.machine_status
        if machine and machine != f.status:
            out.append(self.t["machine_assessment"].format(status=self.status(machine)) + ".")
        if r.stale:
            out.append(self.t["review_stale"].format(reason=r.stale_reason or "?"))
        return out

    def recommendation(self, f: Finding) -> str:
        if f.status not in i18n.GAP_ORDER:
            return self.t["no_change"] if f.status == "covered" else "—"
        return self.text(f, "recommendation") or "—"

    # ----- figures -----
    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in i18n.STATUS_ORDER}
        for f in self.result.findings:
            out[f.status] = out.get(f.status, 0) + 1
        return out

    def binding_obligations(self) -> list | None:
        """The findings on obligations binding on the country, or None when that is not known (no
        country, or no finding with a known ``binding``): the report then counts mandatory ones."""
        findings = self.result.findings
        if not self.result.country or all(f.binding is None for f in findings):
            return None
        return [f for f in findings if f.binding]

    def key_figures(self) -> list[tuple[str, str]]:
        c = self.counts()
        total = len(self.result.findings)
        rows = [(self.t["kf_assessed"], str(total))]
        for s in i18n.STATUS_ORDER:
            if s == "not_applicable" and not c.get(s):
                continue
            pct = " (" + self.t["percent"].format(n=f"{100 * c[s] / total:.0f}") + ")" if total else ""
            rows.append((self.status(s), f"{c[s]}{pct}"))
        bound = self.binding_obligations()
        if bound is not None:
            label = self.t["kf_binding_gaps"].format(country=self.result.country)
            rows.append((label, f"{sum(1 for f in bound if f.is_gap)} / {len(bound)}"))
        else:
            mand = [f for f in self.result.findings if f.strength == "mandatory"]
            mand_gaps = sum(1 for f in mand if f.is_gap)
            rows.append((self.t["kf_mandatory_gaps"], f"{mand_gaps} / {len(mand)}"))
        rows.append((self.t["kf_reviewed"], str(sum(1 for f in self.result.findings if f.review))))
        return rows

    def summary_paragraphs(self) -> list[str]:
        c = self.counts()
        t = self.t
        out = [
            t["summary_text"].format(
                total=len(self.result.findings),
                profile=self.result.profile or "—",
                covered=c["covered"],
                partial=c["partial"],
                missing=c["missing"],
                needs_review=c["needs_review"],
            )
        ]
        bound = self.binding_obligations()
        mand = [f for f in self.result.findings if f.strength == "mandatory"]
        if bound is not None:
            n = sum(1 for f in bound if f.is_gap)
            out.append(t["summary_binding"].format(country=self.result.country, n=n, m=len(bound)))
        elif mand:
            out.append(t["summary_mandatory"].format(n=sum(1 for f in mand if f.is_gap), m=len(mand)))
        gaps = [(a, sum(1 for f in fs if f.is_gap)) for a, fs in self.by_area()]
        gaps = sorted((g for g in gaps if g[1]), key=lambda g: -g[1])[:4]
        if gaps:
            out.append(t["summary_areas"].format(areas="; ".join(f"{self.area(a)} ({n})" for a, n in gaps)))
        reviewed = sum(1 for f in self.result.findings if f.review)
        out.append(t["summary_reviewed"].format(n=reviewed) if reviewed else t["summary_none_reviewed"])
        return out

    def instruments_used(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for f in self.result.findings:
            counts[f.instrument] = counts.get(f.instrument, 0) + 1
        return list(counts.items())

    # ----- internals -----
    @staticmethod
    def _framework_labels(framework) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for doc in getattr(framework, "documents", None) or []:
            for p in doc.provisions():
                lab = p.label
                if lab and lab != p.eid:
                    out[(doc.id, p.eid)] = lab
        return out


def _all_evidence(f: Finding) -> Iterable[Evidence]:
    yield from f.evidence
    for e in f.elements:
        yield from e.evidence
    for p in f.parameters:
        yield from p.evidence
    for q in f.qualifiers:
        yield from q.evidence


def _num(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text) -> str:
    """Text safe for XML-based formats (docx, xlsx): no control characters."""
    return _ILLEGAL_XML.sub("", "" if text is None else str(text))
