#!/usr/bin/env python3
"""Batch speed and memory: 200 frameworks the size of the UK sample, analysed with 2 workers.

    python benchmarks/bench_batch.py                      # 200 copies, 2 workers, full profile
    python benchmarks/bench_batch.py -n 50 -j 4 -p palermo

Copies national_law/uk-modern-slavery-act-2015 N times into a temporary folder, runs
``lexcheck.batch.run_batch`` on it and reports:

- wall time of the whole batch, catalogue load included (target: under 60 s for 200 frameworks
  with 2 workers), and the throughput once the workers are warm;
- peak memory (max RSS) of the parent process and of the largest worker process;
- CPU time of the parent and of the workers, and from them what the batch would take on an otherwise
  idle machine (the wall time on a shared machine is inflated by other processes: the load average
  is printed beside it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "national_law" / "uk-modern-slavery-act-2015"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=200, help="number of frameworks (default 200)")
    parser.add_argument("-j", "--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("-p", "--profile", default="full", help="profile (default full)")
    parser.add_argument("--progress", action="store_true", help="show the progress bar")
    args = parser.parse_args(argv)

    from lexcheck.batch import run_batch

    with tempfile.TemporaryDirectory(prefix="lexcheck-bench-batch-") as tmp:
        src = Path(tmp) / "frameworks"
        src.mkdir()
        for i in range(args.n):
            shutil.copytree(SAMPLE, src / f"country-{i:04d}")
        size = sum(p.stat().st_size for p in SAMPLE.iterdir() if p.suffix == ".txt")
        out = Path(tmp) / "comparison.xlsx"

        load_before = os.getloadavg()[0]
        start = time.perf_counter()
        batch = run_batch(src, out, profile=args.profile, workers=args.workers, progress=args.progress)
        wall = time.perf_counter() - start

        me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        parent_mb, worker_mb = me.ru_maxrss / 1024, children.ru_maxrss / 1024
        parent_cpu = me.ru_utime + me.ru_stime
        worker_cpu = children.ru_utime + children.ru_stime
        # what an otherwise idle machine would take: the parent's work, then the workers' in parallel
        idle_estimate = parent_cpu + worker_cpu / args.workers
        results_mb = sum(p.stat().st_size for p in batch.results_dir.iterdir()) / 1e6
        print(f"{args.n} frameworks of {size / 1000:.1f} kB ({SAMPLE.name}), profile {args.profile}, "
              f"{len(batch.requirements)} requirements, {args.workers} workers")  # fmt: skip
        print(f"  analysed {len(batch.rows)}, failed {len(batch.errors)}")
        verdict = "ok" if wall < 60 else "OVER TARGET"
        print(f"  wall time (catalogue load included): {wall:6.1f} s   target < 60 s: {verdict}")
        print(f"  per framework (wall / n):            {wall / args.n * 1000:6.0f} ms")
        print(f"  CPU parent / all workers:            {parent_cpu:6.1f} s / {worker_cpu:.1f} s")
        print(f"  estimate on an idle machine:         {idle_estimate:6.1f} s   "
              f"(load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} CPUs)")  # fmt: skip
        print(f"  peak RSS parent:                     {parent_mb:6.0f} MB")
        print(f"  peak RSS largest worker:             {worker_mb:6.0f} MB")
        print(f"  workbook {out.stat().st_size / 1e6:.1f} MB, JSON results {results_mb:.0f} MB")
        for err in batch.errors[:5]:
            print(f"  error: {err}")
    return 0 if not batch.errors else 1


if __name__ == "__main__":
    sys.exit(main())
