#!/usr/bin/env python3
"""Analysis speed, growth and memory, measured as ratios against spaCy's own warm floor.

    python benchmarks/bench_analyze.py                # US framework, scaling 1x..32x, memory, cold CLI
    python benchmarks/bench_analyze.py --quick        # scaling 1x..8x only
    python benchmarks/bench_analyze.py --stages       # also a profile of one analysis, self time per module

How it measures (a shared 2-core machine makes absolute seconds noisy; ratios in one run are not):
- the **floor** is spaCy's blank English pipeline with the lookup lemmatizer of spacy-lookups-data, built and
  warmed *before* any timing, run over the same document texts that lexcheck tokenises (one ``nlp(text)`` per
  document, as lexcheck does). It is what any spaCy-based reader of these texts must pay at least;
- every analysis reads **fresh files** (copied to a new folder with new names for each repeat), so that no
  per-file cache can serve it; the catalogue and pipelines are warm, as in a notebook or a batch worker;
- floor and analysis are run **interleaved**, several repeats, and the minimum of each is kept;
- **growth**: the framework's text repeated k times in one document (k = 1, 2, 4 ... 32); time(k)/time(1)
  should stay close to k (linear);
- **peak memory**: maximum RSS of a fresh process analysing the 1x and the largest text;
- **cold CLI**: ``lexcheck analyze`` of a one-section law in a fresh process against
  ``python -c "import spacy; spacy.blank('en')"``, minima of interleaved repeats.
- **cold Russian**: ``lexcheck analyze`` of the Russian texts of ../shared/corpus against English of the same
  length, in fresh processes.
Targets (issue 14): analysis <= 3x the floor; 16x the text <= 20x the time; cold CLI <= 1.5x; Russian <= 1.3x.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
US = [
    ROOT / "national_law" / "us-federal" / "18-usc-ch77.txt",
    ROOT / "national_law" / "us-federal" / "22-usc-ch78.txt",
]
ONE_SECTION = (
    "1 Human trafficking\n\n(1) A person commits an offence if the person arranges or facilitates the "
    "travel of another person with a view to that person being exploited.\n"
)


def warm_floor():
    """spaCy's tokenizer + lookup lemmatizer, built and warmed here, outside every timed call."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = 100_000_000
    nlp("warm up the lemma table")
    return nlp


class Fresh:
    """New copies of the framework's files, under new names, for every call."""

    def __init__(self, sources: list[Path], times: int = 1):
        self.tmp = Path(tempfile.mkdtemp(prefix="lexcheck-bench-"))
        self.texts = [p.read_text(encoding="utf-8") for p in sources]
        if times > 1:  # one document holding the whole framework k times
            self.texts = ["\n\n".join(self.texts * times)]
        self.n = 0

    def paths(self) -> list[Path]:
        self.n += 1
        folder = self.tmp / f"run{self.n}"
        folder.mkdir()
        out = []
        for i, text in enumerate(self.texts):
            p = folder / f"doc{i}.txt"
            p.write_text(text, encoding="utf-8")
            out.append(p)
        return out

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def interleaved(fns: dict, repeats: int) -> dict[str, float]:
    """Minimum time of each function over ``repeats`` rounds, the functions taking turns."""
    best = {name: float("inf") for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            best[name] = min(best[name], timed(fn))
    return best


def stage_profile(fresh: Fresh) -> None:
    """Self time of one warm analysis, summed per module: where the time goes."""
    import lexcheck

    paths = fresh.paths()
    prof = cProfile.Profile()
    prof.enable()
    result = lexcheck.analyze(*paths)
    result.to_json()
    prof.disable()

    def module(file: str) -> str | None:
        if "/lexcheck/" in file:
            return "lexcheck." + file.split("/lexcheck/", 1)[1].removesuffix(".py").replace("/", ".")
        if "site-packages/" in file:
            return file.split("site-packages/", 1)[1].split("/", 1)[0]
        return None  # builtins and the standard library: charged to the module that called them

    per = defaultdict(float)
    for (file, _line, _fn), (_cc, _nc, tt, _ct, callers) in pstats.Stats(prof).stats.items():
        owner = module(file)
        if owner is not None:
            per[owner] += tt
            continue
        for (cfile, _cl, _cf), (_ccc, _cnc, ctt, _cct) in callers.items():
            per[module(cfile) or "python (stdlib called from stdlib)"] += ctt
    total = sum(per.values())
    print(
        f"  stages (self time per module, builtins charged to their caller; profiled run of {total:.3f} s incl. profiler overhead):"
    )
    for key, tt in sorted(per.items(), key=lambda kv: -kv[1])[:15]:
        print(f"    {key:<40} {tt:7.3f} s  {100 * tt / total:4.1f}%")


def peak_rss_mb(paths: list[Path]) -> float:
    # VmHWM, not ru_maxrss: Linux carries the parent's ru_maxrss over fork and exec into the child.
    code = (
        "import sys, lexcheck; lexcheck.analyze(*sys.argv[1:]).to_json(); "
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1]) / 1024


def cold_cli(repeats: int, cache: bool = False) -> tuple[float, float]:
    """Cold CLI against cold spaCy; with ``cache``, lexcheck's cache in a private folder warmed first
    (as on a user's machine after the first run), otherwise the cache as the environment says."""
    import os

    exe = Path(sys.executable).with_name("lexcheck")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lexcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        law = Path(tmp) / "law.txt"
        law.write_text(ONE_SECTION, encoding="utf-8")
        out = Path(tmp) / "r.json"
        env = dict(os.environ)
        if cache:
            folder = Path(tmp) / "cache"
            folder.mkdir(mode=0o700)
            env["LEXCHECK_CACHE_DIR"] = str(folder)
        analyze = [*cmd, "analyze", str(law), "-f", "json", "-o", str(out)]
        if cache:
            subprocess.run(analyze, check=True, capture_output=True, env=env)
        best = interleaved(
            {
                "cli": lambda: subprocess.run(analyze, check=True, capture_output=True, env=env),
                "spacy": lambda: subprocess.run(
                    [sys.executable, "-c", "import spacy; spacy.blank('en')"], check=True, capture_output=True
                ),
            },
            repeats,
        )
    return best["cli"], best["spacy"]


def cold_languages(repeats: int) -> tuple[float, float, int] | None:
    """Cold ``lexcheck analyze`` of every Russian text of ../shared/corpus (joined) against an English
    text of the same number of words (the UK NI act, whole lines repeated): fresh processes, minima
    of interleaved repeats. The lexcheck cache is whatever the environment says (LEXCHECK_CACHE_DIR)."""
    corpus = ROOT.parent / "shared" / "corpus"
    ru_files = sorted(corpus.glob("*/*.ru.txt"))
    en_file = corpus / "uk-ni-hte-act-2015" / "law.txt"
    if not ru_files or not en_file.exists():
        return None
    ru = "\n\n".join(p.read_text(encoding="utf-8") for p in ru_files)
    target = len(ru.split())
    lines, en, n = en_file.read_text(encoding="utf-8").splitlines(), [], 0
    while n < target:
        for line in lines:
            en.append(line)
            n += len(line.split())
            if n >= target:
                break
    exe = Path(sys.executable).with_name("lexcheck")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lexcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {"ru": Path(tmp) / "ru.txt", "en": Path(tmp) / "en.txt"}
        paths["ru"].write_text(ru, encoding="utf-8")
        paths["en"].write_text("\n".join(en) + "\n", encoding="utf-8")
        out = Path(tmp) / "r.json"

        def run(lang):
            return lambda: subprocess.run(
                [*cmd, "analyze", str(paths[lang]), "-f", "json", "-o", str(out)],
                check=True,
                capture_output=True,
            )

        best = interleaved({"ru": run("ru"), "en": run("en")}, repeats)
    return best["ru"], best["en"], target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="scaling up to 8x only, fewer repeats")
    ap.add_argument("--stages", action="store_true", help="profile one analysis: self time per module")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    import lexcheck

    nlp = warm_floor()
    base = Fresh(US)
    words = sum(len(t.split()) for t in base.texts)
    lexcheck.analyze(*base.paths())  # warm: catalogue, pipelines, matchers (not timed)

    def floor_run(texts):
        return lambda: [nlp(t) for t in texts]

    def analysis_run(fresh):
        return lambda: lexcheck.analyze(*fresh.paths())

    result = lexcheck.analyze(*base.paths())
    best = interleaved(
        {"floor": floor_run(base.texts), "analysis": analysis_run(base), "json": result.to_json},
        args.repeats,
    )
    print(f"US framework (18 U.S.C. ch. 77 + 22 U.S.C. ch. 78): {words} words, full profile, warm")
    print(f"  floor (spaCy tokenizer + lookup lemmatizer, warm): {best['floor']:.3f} s")
    print(
        f"  lexcheck.analyze on fresh files:                   {best['analysis']:.3f} s"
        f" = {best['analysis'] / best['floor']:.1f}x floor (target <= 3x)"
    )
    print(f"  result.to_json():                                  {best['json']:.3f} s")
    if args.stages:
        stage_profile(base)

    scales = [1, 2, 4, 8] if args.quick else [1, 2, 4, 8, 16, 32]
    print("  growth (the framework's text k times in one document; min of interleaved repeats):")
    t1 = f1 = None
    biggest = None
    for k in scales:
        fresh = Fresh(US, times=k)
        reps = max(1, min(args.repeats, 8 // k)) if k > 1 else args.repeats
        got = interleaved({"floor": floor_run(fresh.texts), "analysis": analysis_run(fresh)}, reps)
        if k == 1:
            t1, f1 = got["analysis"], got["floor"]
        print(
            f"    {k:>2}x: {got['analysis']:8.2f} s = {got['analysis'] / t1:5.1f}x the 1x time"
            f" ({got['analysis'] / got['floor']:.1f}x its floor; floor {got['floor'] / f1:5.1f}x)"
        )
        if biggest is not None:
            biggest.close()
        biggest = fresh
    print(f"  peak memory, fresh process, 1x: {peak_rss_mb(base.paths()):.0f} MB")
    print(f"  peak memory, fresh process, {scales[-1]}x: {peak_rss_mb(biggest.paths()):.0f} MB")
    biggest.close()
    base.close()
    cli, spacy_cold = cold_cli(3 if args.quick else args.repeats)
    print(
        f"  cold `lexcheck analyze` of one section: {cli:.2f} s = {cli / spacy_cold:.2f}x "
        f"`import spacy; spacy.blank('en')` ({spacy_cold:.2f} s; target <= 1.5x)"
    )
    cli, spacy_cold = cold_cli(3 if args.quick else args.repeats, cache=True)
    print(
        f"  the same with lexcheck's cache (a private folder, warmed first): {cli:.2f} s = {cli / spacy_cold:.2f}x "
        f"({spacy_cold:.2f} s)"
    )
    langs = cold_languages(3 if args.quick else args.repeats)
    if langs is not None:
        ru, en, n = langs
        print(
            f"  cold `lexcheck analyze`, Russian texts of ../shared/corpus ({n} words): {ru:.2f} s = {ru / en:.2f}x "
            f"English of the same length ({en:.2f} s; target <= 1.3x)"
        )


if __name__ == "__main__":
    main()
