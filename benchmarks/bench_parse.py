"""How long lexcheck takes to read a national framework into provision trees.

    python benchmarks/bench_parse.py [FOLDER_OR_FILE ...]

Default: the US framework in ../shared/corpus/us-federal (18 U.S.C. ch. 77 + 22 U.S.C. ch. 78, ~29k words).
Prints the best of 5 runs (wall clock and CPU seconds), and the size of what was read. Target: well under 1 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lexcheck.law import read_framework  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "us-federal"


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [DEFAULT]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    read_framework(paths)  # warm up: imports, regex compilation
    walls, cpus = [], []
    framework = None
    for _ in range(5):
        w, c = time.perf_counter(), time.process_time()
        framework = read_framework(paths)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    words = sum(len(d.text.split()) for d in framework.documents)
    chars = sum(len(d.text) for d in framework.documents)
    provisions = sum(sum(1 for _ in d.provisions()) for d in framework.documents)
    definitions = sum(len(d.definitions) for d in framework.documents)
    print(f"parsed {len(framework.documents)} documents: {words} words, {chars} characters")
    print(f"{provisions} provisions, {definitions} definitions")
    print(f"best of 5: {min(walls):.3f} s wall, {min(cpus):.3f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
