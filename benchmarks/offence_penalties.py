"""How often the offence model's penalties agree with the expert labels (EU-4-1 basic maximum,
EU-4-2 aggravated maximum: the ``parameters`` of ../shared/eval/labels), on two halves of the
labelled frameworks (develop on one, check the other).

    PYTHONPATH=. python benchmarks/offence_penalties.py [../shared]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

import lexcheck
from lexcheck.offences import read_offences

DEVELOPMENT = [
    "us-federal",
    "pk-ptpa-2018",
    "sg-phta-2014",
    "ca-criminal-code-irpa",
    "uk-modern-slavery-act-2015-full",
    "in-bns-2023",
    "gh-human-trafficking-act-2005",
    "ke-counter-trafficking-act-2010",
]
HELD_OUT = [
    "lk-penal-code-amendment-2006",
    "tm-criminal-code-129-1",
    "ie-human-trafficking-framework",
    "uk-ni-hte-act-2015",
    "uk-modern-slavery-act-2015",
    "ng-tippea-2015",
    "za-pacotip-2013",
    "kz-law-2024",
]
PARAMS = {
    "EU-4-1-penalty-5y": ("max_imprisonment_basic", "basic_maximum"),
    "EU-4-2-aggravated-10y": ("max_imprisonment_aggravated", "aggravated_maximum"),
}


def main(shared: Path) -> None:
    for name, cases in (("development", DEVELOPMENT), ("held-out", HELD_OUT)):
        agree = total = 0
        for case in cases:
            labels = yaml.safe_load((shared / "eval" / "labels" / f"{case}.yaml").read_text())["labels"]
            model = read_offences(lexcheck.read_framework([shared / "corpus" / case]))
            for rid, (param, method) in PARAMS.items():
                want = (labels.get(rid) or {}).get("parameters", {}).get(param)
                if want is None:
                    continue
                got = getattr(model, method)()
                total += 1
                agree += got == want
                print(f"  {case:34} {param:28} label={want} model={got} {'ok' if got == want else 'DIFF'}")
        print(f"{name}: {agree}/{total} parameter labels agree")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
