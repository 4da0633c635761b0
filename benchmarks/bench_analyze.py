#!/usr/bin/env python3
"""Analysis speed and memory, against spaCy's own floor, and the keyword baseline's agreement.

    python benchmarks/bench_analyze.py            # needs ../shared/corpus for the US framework

Reports:
- warm analysis time of the US framework (18 U.S.C. ch. 77 + 22 U.S.C. ch. 78, ~29k words), full profile,
  beside spaCy's tokenizer + lookup lemmatizer over the same text in the same process (the floor);
  target: at most 3x the floor;
- peak memory (max RSS) of a fresh process running that analysis; target: under 500 MB;
- cold `lexcheck analyze` of a one-section law against `python -c "import spacy"`; target: at most 1.5x.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
US = [
    ROOT / "national_law" / "us-federal" / "18-usc-ch77.txt",
    ROOT / "national_law" / "us-federal" / "22-usc-ch78.txt",
]


def best(fn, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    import lexcheck
    from lexcheck.nlp import tokenizer_floor

    text = "\n".join(p.read_text(encoding="utf-8") for p in US)
    words = len(text.split())
    lexcheck.analyze(*US)  # warm caches (catalogue, pipelines, matchers)
    floor = best(lambda: tokenizer_floor(text))
    analysis = best(lambda: lexcheck.analyze(*US))
    print(f"US framework: {words} words")
    print(f"  spaCy tokenizer+lookup lemmatizer floor: {floor:.3f} s")
    print(
        f"  lexcheck analyze (full profile, warm):    {analysis:.3f} s  = {analysis / floor:.1f}x floor (target <= 3x)"
    )

    code = "import lexcheck,sys; lexcheck.analyze(*sys.argv[1:]); import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, US)], capture_output=True, text=True, check=True
    )
    print(
        f"  peak memory (max RSS, fresh process):     {int(out.stdout.split()[-1]) / 1024:.0f} MB (target < 500 MB)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        law = Path(tmp) / "law.txt"
        law.write_text(
            "1 Human trafficking\n\n(1) A person commits an offence if the person arranges or facilitates the "
            "travel of another person with a view to that person being exploited.\n",
            encoding="utf-8",
        )
        exe = Path(sys.executable).with_name("lexcheck")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lexcheck"]
        cold = best(
            lambda: subprocess.run(
                [*cmd, "analyze", str(law), "-o", str(Path(tmp) / "r.json")], check=True, capture_output=True
            )
        )
        spacy_import = best(lambda: subprocess.run([sys.executable, "-c", "import spacy"], check=True))
        print(
            f"  cold `lexcheck analyze` one section:      {cold:.2f} s = {cold / spacy_import:.2f}x `import spacy` ({spacy_import:.2f} s; target <= 1.5x)"
        )
    print(
        f"  (resource usage of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )


if __name__ == "__main__":
    main()
