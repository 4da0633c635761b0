"""One self-contained HTML page: summary, the coverage chart (inline PNG) and a findings table that can
be filtered by status, thematic area and lens. Every text from the law or the catalogue is escaped."""

from __future__ import annotations

import base64
from html import escape

from ..analysis.model import Finding, GapAnalysis
from ..files.outputs import write_atomic
from . import i18n
from .common import STATUS_COLOURS, STATUS_TINTS, ReportData, TextLookup, quote_lines, truncate

_CSS = """
body{font-family:Calibri,Carlito,"Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:1400px;padding:0 1rem;
color:#222;line-height:1.4}
h1{color:#1F3864;margin-bottom:.2rem}h2{color:#1F3864;border-bottom:2px solid #1F3864;padding-bottom:.2rem}
.meta{color:#555;font-size:.92rem}.notice{border:1px solid #E69F00;background:#FFF6E6;padding:.6rem .8rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{border:1px solid #bbb;padding:.35rem .5rem;
vertical-align:top;text-align:left}th{background:#1F3864;color:#fff;position:sticky;top:0}
table.kf{width:auto}table.kf td:last-child{text-align:right;font-weight:bold}
.st{font-weight:bold;white-space:nowrap}.q{font-style:italic;color:#333;margin:.15rem 0 .3rem .4rem}
.small{color:#555;font-size:.8rem}.review{font-style:italic}.filters{margin:.8rem 0;display:flex;gap:1rem;
flex-wrap:wrap;align-items:center}.filters label{font-weight:bold}img.chart{max-width:100%;height:auto}
details{margin-top:.3rem}summary{cursor:pointer;color:#2E5597}
"""

_JS = """
(function(){
  var sels=document.querySelectorAll('.filters select');
  var rows=document.querySelectorAll('#findings tbody tr');
  var count=document.getElementById('count');
  function apply(){
    var st=document.getElementById('f-status').value, ar=document.getElementById('f-area').value,
        ln=document.getElementById('f-lens').value, n=0;
    rows.forEach(function(r){
      var ok=(!st||r.dataset.status===st)&&(!ar||r.dataset.area===ar)&&
             (!ln||(' '+r.dataset.lenses+' ').indexOf(' '+ln+' ')>=0);
      r.hidden=!ok; if(ok){n++;}
    });
    count.textContent=n;
  }
  sels.forEach(function(s){s.addEventListener('change',apply);});
  apply();
})();
"""


def e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def render_html(
    result: GapAnalysis,
    out=None,
    lang: str = "en",
    *,
    texts: TextLookup | None = None,
    chart: bool = True,
    inputs=(),
) -> str:
    """The page as a string; written to ``out`` if given."""
    data = ReportData(result, lang, texts)
    t, r = data.t, result
    heading = r.country or r.title or t["national_framework"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(t['report_short'])}: {e(heading)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(t['report_title'])}</h1>",
        f"<p class='meta'><b>{e(heading)}</b> · {e(t['profile'])}: {e(r.profile)} · "
        f"{e(t['catalogue_version'])}: {e(r.catalogue_version)} · {e(t['lexcheck_version'])}: "
        f"{e(r.lexcheck_version)}</p>",
        f"<p class='meta'>{e(t['documents'])}: "
        + "; ".join(
            f"{e(d.title or d.path)} <span class='small'>sha256 {e(d.sha256[:16])}…</span>"
            for d in r.documents
        )
        + "</p>",
        f"<p class='notice'>{e(t['draft_notice'])}</p>",
        f"<h2>{e(t['executive_summary'])}</h2>",
        *(f"<p>{e(p)}</p>" for p in data.summary_paragraphs()),
        "<table class='kf'>",
        *(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in data.key_figures()),
        "</table>",
    ]
    if chart and r.findings:
        from .chart import coverage_chart

        png = base64.b64encode(coverage_chart(data, dpi=110)).decode("ascii")
        parts.append(
            f"<figure><img class='chart' src='data:image/png;base64,{png}' alt='{e(t['chart_caption'])}'>"
            f"<figcaption class='small'>{e(t['chart_caption'])}</figcaption></figure>"
        )
    parts += [f"<h2>{e(t['findings_by_area'])}</h2>", _filters(data), _findings_table(data)]
    parts += [f"<h2>{e(t['method_limits_title'])}</h2>", f"<p>{e(t['method_limits'])}</p>"]
    parts += [f"<script>{_JS}</script>", "</body></html>"]
    text = "\n".join(parts) + "\n"
    if out is not None:
        write_atomic(out, text, inputs=[*inputs, *(d.path for d in result.documents if d.path)])
    return text


def _options(pairs) -> str:
    return "".join(f"<option value='{e(v)}'>{e(label)}</option>" for v, label in pairs)


def _filters(data: ReportData) -> str:
    t, fs = data.t, data.result.findings
    statuses = [s for s in i18n.STATUS_ORDER if any(f.status == s for f in fs)]
    lenses = [x for x in i18n.LENSES["en"] if any(x in f.lenses for f in fs)]
    everything = "—"
    return (
        "<div class='filters'>"
        f"<label for='f-status'>{e(t['col_status'])}</label><select id='f-status'><option value=''>{everything}</option>"
        + _options((s, data.status(s)) for s in statuses)
        + f"</select><label for='f-area'>{e(t['chart_by_area'])}</label><select id='f-area'>"
        f"<option value=''>{everything}</option>"
        + _options((a, data.area(a)) for a, _ in data.by_area())
        + f"</select><label for='f-lens'>{e(t['col_lenses'])}</label><select id='f-lens'>"
        f"<option value=''>{everything}</option>"
        + _options((x, data.lens(x)) for x in lenses)
        + f"</select><span class='small'><span id='count'>{len(fs)}</span> / {len(fs)}</span></div>"
    )


def _findings_table(data: ReportData) -> str:
    t = data.t
    head = [
        t["col_requirement"],
        t["col_standard"],
        t["col_status"],
        t["col_provision"],
        t["col_assessment"],
        t["col_recommendation"],
    ]
    rows = [
        "<table id='findings'><thead><tr>"
        + "".join(f"<th>{e(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
    ]
    for area, findings in data.by_area():
        for f in findings:
            rows.append(_row(data, f, area))
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _row(data: ReportData, f: Finding, area: str) -> str:
    t = data.t
    status = f"<span class='st'>{e(data.status(f.status))}</span>"
    review = data.review_lines(f)
    if review:
        status += "".join(f"<div class='review small'>{e(x)}</div>" for x in review)
    prov = []
    for ev in data.provision_groups(f)[:4]:
        prov.append(f"<div><b>{e(data.provision(ev))}</b></div>")
        if ev.quote:
            prov.append(f"<div class='q'>“{e(truncate(quote_lines(ev.quote), 400))}”</div>")
    assess = [e(data.text(f, "explanation"))]
    assess += [
        f"<div class='small'>{e(x)}</div>"
        for x in data.element_lines(f) + data.parameter_lines(f) + data.qualifier_lines(f)
    ]
    assess.append(f"<div class='small'>{e(t['confidence'])}: {f.confidence:.2f}</div>")
    num = data.rec_number.get(f.requirement_id)
    rec = (f"<b>R{num}.</b> " if num else "") + e(data.recommendation(f))
    wording = data.text(f, "model_wording") if f.is_gap else ""
    if wording:
        rec += f"<details><summary>{e(t['model_wording'])}</summary>{e(' '.join(wording.split()))}</details>"
    lenses = " ".join(f.lenses)
    cells = [
        f"<b>{e(data.title(f))}</b><div class='small'>{e(f.requirement_id)} · {e(data.area(area))}</div>",
        e(data.standard(f)),
        status,
        "".join(prov) or f"<i>{e(t['no_provision'])}</i>",
        "".join(assess),
        rec,
    ]
    style = f"background:#{STATUS_TINTS.get(f.status, 'FFFFFF')};border-left:4px solid {STATUS_COLOURS.get(f.status, '#999')}"
    tds = "".join(f"<td style='{style}'>{c}</td>" if i == 2 else f"<td>{c}</td>" for i, c in enumerate(cells))
    return (
        f"<tr data-status='{e(f.status)}' data-area='{e(area)}' data-lenses='{e(lenses)}' "
        f"id='req-{e(f.requirement_id)}'>{tds}</tr>"
    )
