"""Running a batch: every framework of a source analysed in worker processes, its result saved as JSON.

``source`` is a folder of framework folders or a CSV manifest (:mod:`lexcheck.batch.source`).
The frameworks are analysed in worker processes (``workers``, default: the number of CPUs). The
catalogue is loaded once, in this process, and handed to each worker by its initializer; frameworks
are submitted a few at a time so that memory stays bounded however long the list, and each worker
sends its result back as the JSON document of the machine contract, which is written at once to
``<out stem>_results/<name>.json`` beside ``out``. A framework that fails is recorded (name and a
one-line error) and the others go on. ``out`` (.xlsx) gets three sheets: ``Matrix`` (framework x
requirement status), ``Summary`` (counts by status, % covered overall and by area) and ``Errors``
(rendered by :mod:`lexcheck.report.batch_workbook`).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LexcheckError, OutputError
from ..files.outputs import check_output_path, write_atomic
from .result import BatchError, BatchResult
from .source import read_source, result_file_name

if TYPE_CHECKING:  # pragma: no cover
    from ..catalogue.model import Catalogue

_LAW_SUFFIXES = {".txt", ".md", ".docx", ".html", ".htm", ".pdf", ".xml", ".yaml", ".yml"}


# ----------------------------------------------------------------------------- worker side
_WORKER: dict[str, Any] = {}


def _init_worker(catalogue, profile: str) -> None:
    """Initializer of each worker process: keep the catalogue (received once) for all its tasks."""
    import warnings

    warnings.simplefilter("ignore")  # warnings would garble the progress bar; errors are returned
    _WORKER["catalogue"] = catalogue
    _WORKER["profile"] = profile


def _analyze_item(index: int, paths: list[str], language: str, country: str) -> tuple:
    """Analyse one framework in a worker. Returns ``(index, json_text, statuses, info, error)``: the
    JSON document and a compact summary, or ``None``s and a one-line error."""
    try:
        from ..analysis import analyze_framework
        from ..law import read_framework

        framework = read_framework(paths, languages=language or None)
        result = analyze_framework(framework, _WORKER["catalogue"], profile=_WORKER["profile"])
        if country:
            result.country = country
        statuses = {f.requirement_id: f.status for f in result.findings}
        info = {"country": result.country, "title": result.title, "documents": len(result.documents)}
        return index, result.to_json(), statuses, info, None
    except LexcheckError as exc:
        return index, None, None, None, exc.one_line()
    except Exception as exc:  # one framework's bug must not stop the batch
        message = " ".join(str(exc).split())
        return index, None, None, None, f"internal error: {type(exc).__name__}: {message}"


# ----------------------------------------------------------------------------- the run
def run_batch(
    source: str | Path,
    out: str | Path,
    profile: str = "full",
    workers: int | None = None,
    standards=None,
    progress: bool = True,
    *,
    catalogue: Catalogue | None = None,
) -> BatchResult:
    """Analyse every framework of ``source`` and write ``out`` (.xlsx) and ``<out stem>_results/``.

    ``standards`` adds the user's catalogue files (as for ``analyze``); ``catalogue`` gives a catalogue
    already loaded instead (both cannot be used together). ``progress`` shows a progress bar on
    stderr when it is a terminal. Raises :class:`~lexcheck.errors.LexcheckError` for a bad source,
    output or profile; a framework that fails is recorded in ``BatchResult.errors``.
    """
    started = time.perf_counter()
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise OutputError("the batch workbook must be an .xlsx file", out)
    items = read_source(source)
    inputs = [f for item in items for f in _input_files(item.paths)]
    check_output_path(out, inputs)
    results_dir = out.parent / f"{out.stem}_results"
    if results_dir.exists() and not results_dir.is_dir():
        raise OutputError("exists and is not a folder; move it or choose another output", results_dir)

    if catalogue is None:
        from ..catalogue import load_catalogue

        # the built-in catalogue's patterns are checked by its test suite; the user's are checked here
        catalogue = load_catalogue(standards, check=bool(standards))
    elif standards:
        raise LexcheckError("give either standards or catalogue, not both")
    if profile not in catalogue.profiles:
        known = ", ".join(sorted(catalogue.profiles)) or "(none)"
        raise LexcheckError(f"unknown profile {profile!r}; choose one of: {known}")
    requirements = [
        {"id": r.id, "instrument": r.instrument, "cite": r.cite, "title": r.title, "area": r.area}
        for r in catalogue.select(profile=profile)
    ]
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise LexcheckError(f"--workers must be 1 or more (got {workers})")

    errors: dict[int, BatchError] = {}
    todo: list[int] = []
    seen_files: dict[str, str] = {}
    for i, item in enumerate(items):
        file_name = result_file_name(item.name)
        if item.problem:
            errors[i] = BatchError(item.name, item.problem, [str(p) for p in item.paths])
        elif file_name.lower() in seen_files:
            other = seen_files[file_name.lower()]
            errors[i] = BatchError(item.name, f"same name as {other!r}; give each framework its own name")
        else:
            seen_files[file_name.lower()] = item.name
            todo.append(i)
    results_dir.mkdir(parents=True, exist_ok=True)

    protected = {p.resolve() for p in inputs}
    rows: dict[int, dict] = {}
    bar = _progress_bar(len(items), progress)
    bar.update(len(items) - len(todo))
    try:
        for i, json_text, statuses, info, error in _run_parallel(items, todo, catalogue, profile, workers):
            item = items[i]
            target = results_dir / result_file_name(item.name)
            if error is None and target.resolve() in protected:
                error = f"its result would overwrite an input file ({target}); rename the framework"
            if error is not None:
                errors[i] = BatchError(item.name, error, [str(p) for p in item.paths])
                if target.is_file() and target.resolve() not in protected:
                    target.unlink()  # a result left by an earlier run would look like this run's
            else:
                write_atomic(target, json_text)
                rows[i] = {"name": item.name, **info, "statuses": statuses, "result": str(target)}
            bar.update(1)
            if errors:
                bar.set_postfix(failed=len(errors), refresh=False)
    finally:
        bar.close()

    batch = BatchResult(
        out=out,
        results_dir=results_dir,
        profile=profile,
        requirements=requirements,
        rows=[rows[i] for i in sorted(rows)],
        errors=[errors[i] for i in sorted(errors)],
    )
    from ..report.batch_workbook import batch_xlsx

    write_atomic(out, batch_xlsx(batch), inputs=inputs)
    batch.seconds = time.perf_counter() - started
    return batch


def _input_files(paths: list[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from (f for f in p.rglob("*") if f.suffix.lower() in _LAW_SUFFIXES)
        else:
            yield p


def _progress_bar(total: int, progress: bool):
    from tqdm import tqdm

    enabled = progress and sys.stderr.isatty()
    size = shutil.get_terminal_size()  # 80 x 24 when the terminal does not say (tqdm would print nothing)
    return tqdm(
        total=total,
        unit="framework",
        desc="lexcheck batch",
        file=sys.stderr,
        disable=not enabled,
        ncols=min(size.columns, 100),
        nrows=size.lines,
    )


def _run_parallel(items, todo, catalogue, profile, workers) -> Iterator[tuple]:
    """Results of ``todo`` (indices into ``items``) as they complete, at most ``2 * workers`` in
    flight. A worker that dies (killed, out of memory) fails the frameworks it had in hand; a new
    pool takes the rest."""
    queue = list(reversed(todo))
    workers = max(1, min(workers, len(todo) or 1))
    while queue:
        pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(catalogue, profile)
        )
        pending: dict[Future, int] = {}
        broken = False
        try:
            while queue or pending:
                while queue and len(pending) < 2 * workers and not broken:
                    i = queue.pop()
                    item = items[i]
                    args = (i, [str(p) for p in item.paths], item.language, item.country)
                    try:
                        pending[pool.submit(_analyze_item, *args)] = i
                    except BrokenProcessPool:
                        queue.append(i)
                        broken = True
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    i = pending.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        broken = True
                        yield i, None, None, None, "the worker process stopped unexpectedly (out of memory?)"
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=not broken)
