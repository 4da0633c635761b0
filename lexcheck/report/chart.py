"""The coverage chart: status of the requirements by thematic area and by instrument (stacked bars).

matplotlib is imported here, lazily, and only through its object API with the Agg canvas, so the
caller's pyplot backend (a notebook's, say) is never switched.
"""

from __future__ import annotations

import io
import textwrap

from . import i18n
from .common import STATUS_COLOURS, ReportData


def coverage_chart(data: ReportData, fmt: str = "png", dpi: int = 200, width_in: float = 6.6) -> bytes:
    """The chart as PNG (or SVG) bytes: one panel by thematic area, one by instrument."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    result = data.result
    statuses = [s for s in i18n.STATUS_ORDER if any(f.status == s for f in result.findings)] or ["covered"]
    areas = data.by_area()
    area_rows = [(data.area(a), [sum(1 for f in fs if f.status == s) for s in statuses]) for a, fs in areas]
    inst: dict[str, list] = {}
    for f in result.findings:
        inst.setdefault(f.instrument, []).append(f)
    inst_rows = [
        (data.instrument(code), [sum(1 for f in fs if f.status == s) for s in statuses])
        for code, fs in inst.items()
    ]

    n1, n2 = max(len(area_rows), 1), max(len(inst_rows), 1)
    bar_h = 0.3  # inches per bar: room for two-line labels
    height = 1.3 + bar_h * (n1 + n2) + 0.9
    fig = Figure(figsize=(width_in, height), dpi=dpi)
    FigureCanvasAgg(fig)
    gs = fig.add_gridspec(2, 1, height_ratios=[n1 + 0.6, n2 + 0.6], hspace=0.45)
    fig.subplots_adjust(left=0.36, right=0.97, top=1 - 0.75 / height, bottom=0.55 / height)
    panels = [
        (fig.add_subplot(gs[0]), data.t["chart_by_area"], area_rows),
        (fig.add_subplot(gs[1]), data.t["chart_by_instrument"], inst_rows),
    ]
    vmax = max([sum(c) for _, rows in ((0, area_rows), (0, inst_rows)) for _, c in rows] + [1])
    for ax, title, rows in panels:
        labels = ["\n".join(textwrap.wrap(name, 44)[:2]) for name, _ in rows]
        ys = list(range(len(rows)))
        left = [0] * len(rows)
        for si, s in enumerate(statuses):
            vals = [c[si] for _, c in rows]
            bars = ax.barh(
                ys, vals, left=left, color=STATUS_COLOURS[s], edgecolor="white", linewidth=0.6, height=0.72
            )
            for bar, v in zip(bars, vals):
                if v and bar.get_width() >= vmax * 0.045:
                    dark = s in ("covered", "missing")
                    ax.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + bar.get_height() / 2,
                        str(v),
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if dark else "black",
                    )
            left = [a + b for a, b in zip(left, vals)]
        ax.set_yticks(ys, labels, fontsize=7.5)
        ax.invert_yaxis()
        ax.set_xlim(0, vmax * 1.02)
        ax.set_title(title, fontsize=9, loc="left", fontweight="bold")
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="x", color="#dddddd", linewidth=0.5)
        ax.set_axisbelow(True)
    panels[-1][0].set_xlabel(data.t["chart_xlabel"], fontsize=7.5)
    handles = [Patch(color=STATUS_COLOURS[s], label=data.status(s)) for s in statuses]
    fig.legend(
        handles=handles,
        loc="upper center",
        ncol=len(handles),
        fontsize=7.5,
        frameon=False,
        bbox_to_anchor=(0.5, 1 - 0.08 / height),
    )
    buf = io.BytesIO()
    # a tight box keeps long labels (Russian area names) inside the picture
    fig.savefig(
        buf,
        format=fmt,
        dpi=dpi,
        bbox_inches="tight",
        pad_inches=0.06,
        metadata={"Software": None} if fmt == "png" else {"Date": None},
    )
    return buf.getvalue()
