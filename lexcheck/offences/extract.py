"""Reading the offence model from a framework: which articles create offences, their basic and
aggravated forms and the penalty of each, the elements each uses (through its definitions).

How a lawyer reads it, and how this module does:

- an offence is an operative article that creates an offence or sets a penalty and is not a
  definitions, attempt/abetment or pure penalty section (the engine's facts, analysis/context.py);
- every sanction clause of the article is one form of the offence; the first is basic, a later one
  is aggravated when it (or the words since the previous sanction: "2. The same acts, committed:",
  "Aggravating circumstances ... Where an offence under section 3 involves") states an aggravation,
  except "in any other case"; its circumstances are read from those words;
- a penalty set elsewhere "for an offence under section N" belongs to that offence (basic, or an
  aggravated form when it states one: "in the case of a second or subsequent offence"); sentencing
  factors without a penalty of their own are aggravations within the basic maximum;
- acts, means and purposes are the catalogue's element hits in the offence's limbs and in the
  definitions it uses (two levels: "trafficking" uses "exploitation", which uses "forced labour");
- a trafficking offence that adds the means to another without them and is punished more heavily
  is an aggravated form of the one without means.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from pathlib import Path

import yaml

from ..analysis import scopes as S
from ..analysis.context import OFFENCE, TRAFFICKING, DocContext, Segment, Unit
from ..analysis.rules import CHILD
from ..law.citation import citation
from ..law.model import Provision
from . import cues
from .model import TRAFFICKING_KINDS, Offence, OffenceModel, Penalty, Place
from .penalties import read_penalty


@cache
def elements() -> dict:
    """Which catalogue elements the model reads besides the anchors (elements.yaml)."""
    with open(Path(__file__).with_name("elements.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class _Hits:
    """The catalogue hits of some requirements, per document, by start offset."""

    def __init__(self, hits, rids):
        self.by_doc: dict[str, list] = {}
        for (rid, key, neg), items in hits.items():
            if rid in rids and not neg:
                for h in items:
                    self.by_doc.setdefault(h.doc, []).append((h.start, h.end, key))
        self.starts = {}
        for doc, items in self.by_doc.items():
            items.sort()
            self.starts[doc] = [s for s, _, _ in items]

    def keys(self, doc: str, start: int, end: int) -> list[str]:
        items = self.by_doc.get(doc, [])
        i = bisect_left(self.starts.get(doc, []), start)
        out = []
        while i < len(items) and items[i][0] < end:
            if items[i][2] not in out:
                out.append(items[i][2])
            i += 1
        return out


def cite(ctx: DocContext, node: Provision | None) -> str:
    """The citation of ``node`` as a lawyer writes it (law/citation.py; a section whose number was lost
    in OCR is cited by its place, "s. 3"; a language's own forms of parts and points: "ст. 127.1 ч. 2")."""
    text = ctx.document.text
    forms = cues.citation_forms(ctx.lang)
    if node is None:
        return ""
    article = next((n for n in (node, *node.ancestors()) if n.kind == "article"), None)
    if forms and article is not None:
        out = citation(article, text)
        path = [
            n for n in reversed([node, *node.ancestors()]) if n is not article and article in n.ancestors()
        ]
        for n in path:
            num = (n.num or "").strip().strip("().")
            form = forms.get("point" if n.kind in ("point", "subpoint") else "paragraph")
            if num and form and n.kind in ("paragraph", "point", "subpoint"):
                out += form.format(num=num)
        return out
    out = citation(node, text)
    return "s. " + out[4:] if out.startswith("art_") else out


def _place(ctx: DocContext, node: Provision, start: int | None = None, end: int | None = None) -> Place:
    text = ctx.document.text
    s = node.text_start if start is None else start
    e = node.text_end if end is None else end
    quote = " ".join(text[s:e].split())
    return Place(ctx.document.id, node.eid, cite(ctx, node), quote[:400])


def _group_node(ctx: DocContext, seg: Segment) -> Provision:
    node = ctx.provision_at(seg.start) or seg.node
    while node.kind == "text" and node.parent is not None:
        node = node.parent
    return node


class _Group:
    """One sanction clause (consecutive sentences of one provision): a form of the offence."""

    def __init__(self, node: Provision, start: int, end: int, lead: int, aggravated: bool, penalty: Penalty):
        self.node, self.start, self.end, self.lead = node, start, end, lead
        self.aggravated, self.penalty = aggravated, penalty


def _pieces(ctx: DocContext, unit: Unit):
    """(segment, start, end) of every sentence, a sentence with a second penalty limb cut in two:
    "... not exceeding twenty years and where such offence is committed in respect of a child, be
    punished with imprisonment ... not less than three years" (the limb is read as any aggravation)."""
    text = ctx.document.text
    for seg in unit.segments:
        piece = text[seg.start : seg.end]
        cut = None
        for m in cues.aggravated().finditer(piece):
            if (
                m.start() > 0
                and read_penalty(piece[: m.start()], ctx.lang)
                and read_penalty(piece[m.start() :], ctx.lang)
            ):
                cut = m.start()
                break
        if cut is None:
            yield seg, seg.start, seg.end
        else:
            yield seg, seg.start, seg.start + cut
            yield seg, seg.start + cut, seg.end


def _groups(ctx: DocContext, unit: Unit, all_aggravated: bool = False) -> list[_Group]:
    text = ctx.document.text
    out: list[_Group] = []
    prev_end = unit.node.start
    for seg, start, end in _pieces(ctx, unit):
        piece = text[start:end]
        if not (OFFENCE.search(piece) or _imprisonment(piece)):
            continue
        penalty = read_penalty(piece, ctx.lang)
        if penalty is None:
            continue
        node = _group_node(ctx, seg)
        lead_text = text[prev_end:end] if out else piece
        aggravated = (
            all_aggravated
            or (seg.aggravated and start == seg.start)
            or bool(cues.aggravated().search(lead_text))
        )
        if cues.other_case().search(piece):
            aggravated = False
        last = out[-1] if out else None
        if last and last.node is node and last.aggravated == aggravated and not aggravated:
            last.end = end
            _merge(last.penalty, penalty)
        else:
            out.append(_Group(node, start, end, prev_end if out else start, aggravated, penalty))
        prev_end = end
    return out


def _imprisonment(text: str) -> bool:
    from ..analysis.parameters import imprisonment

    return bool(imprisonment().search(text))


def _merge(into: Penalty, other: Penalty) -> None:
    if other.max_years is not None:
        into.max_years = max(into.max_years or 0, other.max_years)
    if other.min_years is not None and into.min_years is None:
        into.min_years = other.min_years
    into.life = into.life or other.life
    into.fine = into.fine or other.fine


#: kinds that a body names more precisely than "trafficking" (which it also names)
_SPECIFIC = ("documents", "material_benefit", "use_of_services")


class _Reader:
    def __init__(self, contexts: list[DocContext], hits, anchors):
        self.contexts = contexts
        self.anchors = anchors
        roles = anchors.roles
        self.acts = _Hits(hits, roles.get("acts", frozenset()))
        self.means = _Hits(hits, roles.get("means", frozenset()))
        self.forms = _Hits(hits, set(elements()["forms"]))
        self.purpose = _Hits(hits, roles.get("purpose", frozenset()))
        self.core = {id(u) for u in anchors.trafficking_units}
        self.defs = anchors.definitions
        self.meaning_of_exploitation = [
            (c, u)
            for c in contexts
            for u in c.units
            if u.operative and S.EXPLOIT.search(u.heading) and S._MEANING.search(u.heading)
        ]

    # ---- which articles are offences ----

    def classify(self, ctx: DocContext, unit: Unit) -> str:
        """ "offence", "penalty" (sets the penalty of offences elsewhere), "aggravated" (a separate
        aggravated section), or "" (not an offence: definitions, attempt and abetment, procedure)."""
        if not unit.operative or unit.foreign or unit.heading_only or not unit.offence:
            return ""
        heading = unit.heading
        if S._MEANING.search(heading) or S._QUOTED_DEFINITIONS.search(unit.text[:300]):
            return ""
        if cues.cue("ancillary_heading").search(heading):
            return ""
        doc = ctx.document.id
        own_acts = self.acts.keys(doc, unit.node.start, unit.node.end)
        refs = self._penalty_refs(ctx, unit)
        if cues.cue("aggravated_heading").search(heading) and refs:
            return "aggravated"
        if (
            refs
            and not own_acts
            and not S._OFFENDER.search(ctx.document.text[unit.node.text_start : unit.node.text_end + 160])
        ):
            return "penalty"
        if not any(OFFENCE.search(ctx.document.text[n.text_start : n.text_end]) for n in unit.node.walk()):
            return ""
        # an offence has a subject ("Whoever", "Any person who", "commits an offence") or a sanction
        if not (S._OFFENDER.search(unit.text) or cues.cue("creates").search(unit.text) or _groups(ctx, unit)):
            return ""
        return "offence"

    def _penalty_refs(self, ctx: DocContext, unit: Unit) -> set[str]:
        own = S._nums(unit)
        refs: set[str] = set()
        for m in cues.penalty_of().finditer(unit.text):
            refs |= S._refs(m.group(0))
        return refs - own

    # ---- elements ----

    def _used_defs(self, ctx: DocContext, spans: list[tuple[int, int]]):
        scope = S.Scope()
        for s, e in spans:
            scope.add(ctx.document.id, s, e)
        first = S._used_definitions(self.contexts, scope, self.defs)
        scope2 = S.Scope()
        for _, d in first:
            scope2.add(d.document, d.start, d.end)
        second = S._used_definitions(self.contexts, scope2, self.defs) if first else []
        out, seen = [], set()
        for c, d in first + second:
            key = (d.document, d.eid, d.term)
            if key not in seen:
                seen.add(key)
                out.append((c, d))
        return out

    def elements(self, ctx: DocContext, unit: Unit, offence: Offence) -> None:
        doc = ctx.document.id
        basic = [
            (s.start, s.end)
            for s in unit.segments
            if not s.aggravated and "__def_" not in s.node.eid and "explanation" not in s.node.eid
        ]
        limbs = self._limbs(ctx, unit)
        acts: list[str] = []
        means: list[str] = []
        forms: list[str] = []
        for s, e in basic:
            _add(acts, self.acts.keys(doc, s, e))
            _add(means, self.means.keys(doc, s, e))
        for s, e in unit.spans():
            _add(forms, self.forms.keys(doc, s, e))
        purpose = any(self.purpose.keys(doc, s, e) for s, e in basic)
        used = self._used_defs(ctx, basic or unit.spans())
        for c, d in used:
            term = d.term
            _add(forms, self.forms.keys(d.document, d.start, d.end))
            if TRAFFICKING.search(term):
                _add(acts, self.acts.keys(d.document, d.start, d.end))
                _add(means, self.means.keys(d.document, d.start, d.end))
                purpose = purpose or bool(self.purpose.keys(d.document, d.start, d.end))
            elif not S.EXPLOIT.search(term) and not CHILD.search(term):
                _add(means, self.means.keys(d.document, d.start, d.end))
            offence.definitions.append(
                Place(
                    d.document,
                    d.eid,
                    cite(c, c.document.get(d.eid)) if c.document.get(d.eid) else d.eid,
                    term,
                )
            )
        if offence.kind in TRAFFICKING_KINDS and S.EXPLOIT.search(
            unit.text
        ):  # "with a view to V being exploited": a section "Meaning of exploitation"
            for c, u in self.meaning_of_exploitation:
                _add(forms, self.forms.keys(c.document.id, u.node.start, u.node.end))
                offence.definitions.append(_place(c, u.node))
        forms = [f for f in forms if f != "open_ended_list"]
        offence.acts = sorted(acts)
        offence.means = sorted(means)
        offence.means_required = bool(means)
        offence.purposes = sorted(forms) or (
            ["exploitation"] if purpose or S.EXPLOIT.search(unit.text) else []
        )
        self._victims(ctx, unit, limbs, offence)

    def _limbs(self, ctx: DocContext, unit: Unit) -> list[tuple[str, bool]]:
        """(text of the limb with its lead-in and closing words, has means) of every limb with acts."""
        doc, text = ctx.document.id, ctx.document.text
        out = []
        for n in unit.node.walk():
            if "__def_" in n.eid or n.kind == "text":
                continue
            own_acts = self.acts.keys(doc, n.text_start, n.text_end)
            if not own_acts:
                continue
            own_end = n.text_end
            m = cues.aggravated().search(text, n.text_start + 1, n.text_end)
            if m:  # the basic limb ends where an aggravated form begins ("If the offence ... is committed against a child")
                own_end = m.start()
            pieces = [(n.text_start, own_end)]
            pieces += [
                (c.start, c.end)
                for c in n.children
                if c.kind in ("point", "subpoint") and "__def_" not in c.eid
            ]
            for a in n.ancestors():
                if a.kind in ("document", "part", "chapter", "division"):
                    break
                pieces.append((a.text_start, a.text_end))
                pieces += [(c.start, c.end) for c in a.children if c.kind == "text" and "wrapup" in c.eid]
            limb = " ".join(text[s:e] for s, e in pieces)
            has_means = any(self.means.keys(doc, s, e) for s, e in pieces)
            out.append((limb, has_means))
        return out

    def _victims(self, ctx: DocContext, unit: Unit, limbs, offence: Offence) -> None:
        from ..analysis.rules import _CHILD_LIMB

        adult_rx = cues.cue("adult_only")
        child_limbs, other = [], []
        for limb, has_means in limbs:
            if adult_rx.search(limb):
                other.append("adult")
            elif CHILD.search(limb) and not _CHILD_LIMB.search(limb):
                child_limbs.append(has_means)
            else:
                other.append("any person")
                if _CHILD_LIMB.search(limb):
                    child_limbs.append(False)
        if offence.kind == "child_trafficking" and not child_limbs:
            child_limbs.append(offence.means_required)
            other = []
        victims = sorted(set(other) or ({"any person"} if not child_limbs else set()))
        if child_limbs:
            victims.append("child")
            offence.child_means_required = all(child_limbs)
        else:
            offence.child_means_required = offence.means_required
        offence.victims = victims

    # ---- the offences ----

    def read(self) -> OffenceModel:
        model = OffenceModel(documents=[c.document.id for c in self.contexts])
        roles: dict[tuple[str, str], str] = {}
        units = [(c, u) for c in self.contexts for u in c.units]
        for c, u in units:
            roles[(c.document.id, u.node.eid)] = self.classify(c, u)
        basics: dict[tuple[str, str], Offence] = {}  # (doc, article num) -> basic offence
        for c, u in units:
            if roles[(c.document.id, u.node.eid)] != "offence":
                continue
            for o in self._offence(c, u):
                model.offences.append(o)
                if o.form == "basic":
                    for num in S._nums(u):
                        basics.setdefault((c.document.id, num), o)
        for c, u in units:
            role = roles[(c.document.id, u.node.eid)]
            if role in ("penalty", "aggravated"):
                self._elsewhere(c, u, role, basics, model)
        for c, u in units:
            if roles[(c.document.id, u.node.eid)] in ("offence", "penalty"):
                self._factors(c, u, basics, model)
        _means_as_aggravation(model)
        return model

    def _kind(self, ctx: DocContext, unit: Unit) -> str:
        kind = cues.kind_of(unit.heading)
        if kind:
            return kind
        text = ctx.document.text
        body = cues.kind_of(text[unit.node.text_start : unit.node.text_start + 300])
        if body in _SPECIFIC:  # "Whoever, knowingly ... that a child has been trafficked, engages such child"
            return body
        if id(unit) in self.core:
            return "trafficking"
        return body or "other"

    def _offence(self, ctx: DocContext, unit: Unit) -> list[Offence]:
        doc = ctx.document.id
        kind = self._kind(ctx, unit)
        base_id = f"{doc}:{unit.node.eid}"
        basic = Offence(
            id=base_id,
            place=_place(ctx, unit.node, *_first_sentence(ctx, unit)),
            heading=unit.heading,
            kind=kind,
        )
        basic.trafficking_offence = id(unit) in self.core
        self.elements(ctx, unit, basic)
        out = [basic]
        groups = _groups(ctx, unit)
        n_basic = 0
        for g in groups:
            g.penalty.place = _place(ctx, g.node, g.start, g.end)
            if not g.aggravated:
                n_basic += 1
                if n_basic == 1:
                    basic.penalty = g.penalty
                    continue
                extra = _copy(basic, f"{base_id}#{len(out) + 1}", _place(ctx, g.node, g.start, g.end))
                extra.penalty = g.penalty
                out.append(extra)
                continue
            agg = _copy(basic, f"{base_id}#{len(out) + 1}", _place(ctx, g.node, g.lead, g.end))
            agg.form, agg.basic_of = "aggravated", base_id
            agg.penalty = g.penalty
            agg.circumstances = cues.circumstances(ctx.document.text[g.lead : g.end])
            out.append(agg)
        return out

    def _targets(self, ctx: DocContext, refs: set[str], basics) -> list[Offence]:
        out = [basics[(ctx.document.id, r)] for r in sorted(refs) if (ctx.document.id, r) in basics]
        if not out:
            out = [o for (d, r), o in sorted(basics.items()) if r in refs]
        return out

    def _elsewhere(self, ctx: DocContext, unit: Unit, role: str, basics, model: OffenceModel) -> None:
        text = ctx.document.text
        for g in _groups(ctx, unit, all_aggravated=role == "aggravated"):
            para = next((a for a in (g.node, *g.node.ancestors()) if a.parent is unit.node), g.node)
            lead = min(g.lead, para.text_start)
            refs: set[str] = S._refs(text[lead : g.end]) - S._nums(
                unit
            )  # "Where the offence under section 4 ..."
            for scope_text in (text[g.node.start : g.node.end], unit.text):
                if refs:
                    break
                for m in cues.penalty_of().finditer(scope_text):
                    refs |= S._refs(m.group(0))
                if refs - S._nums(unit):
                    break
            refs -= S._nums(unit)
            g.penalty.place = _place(ctx, g.node, g.start, g.end)
            g.penalty.source = cite(ctx, g.node)
            for target in self._targets(ctx, refs, basics):
                if not g.aggravated and target.penalty is None:
                    target.penalty = g.penalty
                    continue
                if not g.aggravated:
                    continue
                agg = _copy(
                    target, f"{target.id}@{ctx.document.id}:{g.node.eid}", _place(ctx, g.node, g.lead, g.end)
                )
                agg.form, agg.basic_of, agg.penalty = "aggravated", target.id, g.penalty
                agg.heading = unit.heading
                agg.circumstances = cues.circumstances(text[g.lead : g.end])
                model.offences.append(agg)

    def _factors(self, ctx: DocContext, unit: Unit, basics, model: OffenceModel) -> None:
        """Aggravating factors a court weighs within the basic maximum (no penalty of their own)."""
        text = ctx.document.text
        rx = cues.cue("sentencing_factors")
        for part in unit.node.children:
            body = text[part.start : part.end]
            if not rx.search(text[part.text_start : part.text_end]) or read_penalty(body, ctx.lang):
                continue
            found = cues.circumstances(body)
            if not found:
                continue
            refs = set()
            for m in cues.penalty_of().finditer(body):
                refs |= S._refs(m.group(0))
            m2 = S._REFERENCE.search(body)
            if m2:
                refs |= S._refs(m2.group(0))
            targets = self._targets(ctx, refs, basics) or [
                o
                for o in model.basic()
                if o.place.document == ctx.document.id and o.place.eid == unit.node.eid
            ]
            for target in targets:
                agg = _copy(target, f"{target.id}@{ctx.document.id}:{part.eid}", _place(ctx, part))
                agg.form, agg.basic_of, agg.penalty = "aggravated", target.id, None
                agg.within_basic_maximum = True
                agg.circumstances = found
                model.offences.append(agg)


def _first_sentence(ctx: DocContext, unit: Unit) -> tuple[int, int]:
    segs = [s for s in unit.segments if "__def_" not in s.node.eid]
    if not segs:
        return unit.node.text_start, unit.node.text_end
    return segs[0].start, max(segs[0].end, min(segs[0].start + 300, unit.node.end))


def _copy(o: Offence, new_id: str, place: Place) -> Offence:
    return Offence(
        id=new_id,
        place=place,
        heading=o.heading,
        kind=o.kind,
        acts=list(o.acts),
        means_required=o.means_required,
        means=list(o.means),
        purposes=list(o.purposes),
        victims=list(o.victims),
        child_means_required=o.child_means_required,
        definitions=list(o.definitions),
        trafficking_offence=o.trafficking_offence,
    )


def _add(into: list[str], keys: list[str]) -> None:
    for k in keys:
        if k not in into:
            into.append(k)


def _means_as_aggravation(model: OffenceModel) -> None:
    """A trafficking offence that needs means beside one that does not, punished more heavily, is an
    aggravated form of the one without means (READING-CONVENTIONS, "Offences and penalties")."""
    basics = [o for o in model.basic() if o.kind in TRAFFICKING_KINDS and o.penalty and o.penalty.maximum]
    without = [o for o in basics if o.means_required is False and o.acts]
    for o in basics:
        if not o.means_required:
            continue
        lower = [
            w
            for w in without
            if w.penalty.maximum < o.penalty.maximum
            and w.place.document == o.place.document
            and w.purposes == o.purposes
            and set(w.acts) <= set(o.acts)
        ]
        if lower:
            o.form, o.basic_of = "aggravated", lower[0].id
            o.circumstances = sorted(set(o.circumstances) | {"means"})
