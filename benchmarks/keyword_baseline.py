#!/usr/bin/env python3
"""The peer to beat: a Ctrl+F reader. A requirement (and each element) counts as covered if any of
its terms appears anywhere in the texts.

It speaks the same command line and JSON as ``lexcheck analyze`` so the evaluation can score it:

    python ../shared/eval/run_eval.py --cmd "python benchmarks/keyword_baseline.py"
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from lexcheck.catalogue import load_catalogue
from lexcheck.law import read_framework


def terms(patterns) -> list[str]:
    """Plain words of the English patterns: notation stripped, stems kept as prefixes."""
    out = []
    for p in patterns:
        if p.lang != "en" or not isinstance(p.source, str):
            continue
        words = [w.split("|")[0].lstrip("=").rstrip("?*") for w in p.source.split() if not w.startswith("~")]
        words = [w for w in words if w and w != "#num"]
        if words:
            out.append(" ".join(words).lower())
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("analyze")
    a.add_argument("paths", nargs="+")
    a.add_argument("--profile", default="full")
    a.add_argument("--format", default="json")
    a.add_argument("-o", "--output", default="-")
    args = ap.parse_args(argv)

    cat = load_catalogue(check=False)
    fw = read_framework(args.paths)
    blob = "\n".join(d.text for d in fw.documents).lower()
    findings = []
    for req in cat.select(profile=args.profile):
        elements = []
        for el in req.elements:
            hit = any(re.search(r"\b" + re.escape(t), blob) for t in terms(el.patterns))
            elements.append({"key": el.key, "status": "found" if hit else "missing", "evidence": []})
        n = sum(e["status"] == "found" for e in elements)
        status = (
            "covered" if n and (req.rule == "any" or n == len(elements)) else ("partial" if n else "missing")
        )
        findings.append(
            {
                "requirement_id": req.id,
                "instrument": req.instrument,
                "status": status,
                "confidence": 0.5,
                "elements": elements,
                "parameters": [],
                "evidence": [],
            }
        )
    doc = {
        "lexcheck_version": "keyword-baseline",
        "catalogue_version": cat.version,
        "profile": args.profile,
        "framework": {"documents": [{"id": d.id, "path": d.path} for d in fw.documents]},
        "findings": findings,
    }
    text = json.dumps(doc, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
