"""Many frameworks at once: one analysis per country, in parallel, gathered in one workbook.

>>> from lexcheck.batch import run_batch
>>> batch = run_batch("national_law/", "comparison.xlsx", profile="palermo")   # doctest: +SKIP
>>> batch.matrix()          # one row per framework, one column per requirement   # doctest: +SKIP
>>> batch.summaries()       # counts by status and % covered by area               # doctest: +SKIP
>>> batch.errors            # the frameworks that could not be analysed            # doctest: +SKIP

``source`` is either

- a folder whose sub-folders each hold one framework (a ``meta.yaml`` and its texts), like
  ``national_law/``; the sub-folder's name is the framework's name; or
- a CSV manifest with the columns ``name`` and ``paths`` (several paths separated by ``;``, relative to
  the CSV file) and optionally ``country`` and ``language``.

The frameworks are analysed in worker processes (``workers``, default: the number of CPUs). The
catalogue is loaded once, in this process, and handed to each worker by its initializer; frameworks
are submitted a few at a time so that memory stays bounded however long the list, and each worker
sends its result back as the JSON document of the machine contract, which is written at once to
``<out stem>_results/<name>.json`` beside ``out``. A framework that fails is recorded (name and a
one-line error) and the others go on. ``out`` (.xlsx) gets three sheets: ``Matrix`` (framework x
requirement status), ``Summary`` (counts by status, % covered overall and by area) and ``Errors``.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, LexcheckError, OutputError
from .outputs import check_output_path, write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from .analysis.model import GapAnalysis
    from .catalogue.model import Catalogue

STATUS_COLUMNS = ("covered", "partial", "missing", "needs_review", "not_applicable")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_LAW_SUFFIXES = {".txt", ".md", ".docx", ".html", ".htm", ".pdf", ".xml", ".yaml", ".yml"}


# ----------------------------------------------------------------------------- what to analyse
@dataclass
class BatchItem:
    """One framework of a batch: its name, its texts, and what the manifest says about it."""

    name: str
    paths: list[Path]
    country: str = ""
    language: str = ""
    problem: str = ""  # a manifest problem found before analysis (recorded as an error)


@dataclass
class BatchError:
    """A framework that could not be analysed: its name and a one-line reason."""

    name: str
    error: str
    paths: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.name}: {self.error}"


def read_source(source: str | Path) -> list[BatchItem]:
    """The frameworks named by ``source``: a folder of framework folders, or a CSV manifest."""
    src = Path(source)
    if not src.exists():
        raise InputError("no such file or folder", src)
    if src.is_dir():
        return _read_folder(src)
    if src.suffix.lower() in (".csv", ".txt"):
        return _read_manifest(src)
    raise InputError(
        "give a folder of framework folders (each with a meta.yaml) or a CSV manifest "
        "(columns: name, paths, country, language)",
        src,
    )


def _read_folder(src: Path) -> list[BatchItem]:
    from .law.meta import find_meta

    if find_meta(src) is not None:
        raise InputError(
            "this folder is one framework (it has a meta.yaml); give the folder that holds one "
            "sub-folder per framework, or use 'lexcheck analyze' for a single framework",
            src,
        )
    items = [
        BatchItem(name=p.name, paths=[p])
        for p in sorted(src.iterdir())
        if p.is_dir() and not p.name.startswith((".", "_")) and not p.name.endswith("_results")
    ]
    if not items:
        raise InputError("no framework sub-folders in this folder (one sub-folder per framework)", src)
    return items


def _read_manifest(src: Path) -> list[BatchItem]:
    try:
        text = src.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("manifest is not UTF-8 text", src) from None
    except OSError as exc:
        raise InputError(f"cannot read the manifest ({exc.strerror or exc})", src) from None
    try:
        reader = csv.DictReader(text.splitlines())
        header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"not a valid CSV manifest ({exc})", src) from None
    missing = [c for c in ("name", "paths") if c not in header]
    if missing:
        raise InputError(
            f"manifest needs the columns name and paths (missing: {', '.join(missing)}); "
            "optional: country, language",
            src,
        )
    base = src.resolve().parent
    items: list[BatchItem] = []
    for line, raw in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
        name, paths = row.get("name", ""), row.get("paths", "")
        if not name and not paths:
            continue  # a blank line
        if name.startswith("#"):
            continue  # a commented-out row
        item = BatchItem(
            name=name or f"row {line}",
            paths=[_resolve(base, p) for p in paths.split(";") if p.strip()],
            country=row.get("country", ""),
            language=row.get("language", ""),
        )
        if not name:
            item.problem = f"manifest row {line}: no name"
        elif not item.paths:
            item.problem = f"manifest row {line}: no paths"
        items.append(item)
    if not items:
        raise InputError("manifest lists no frameworks", src)
    return items


def _resolve(base: Path, p: str) -> Path:
    path = Path(p.strip()).expanduser()
    return path if path.is_absolute() else base / path


def result_file_name(name: str) -> str:
    """File name of a framework's JSON result: its name with anything but letters, digits, ``._-``
    replaced by ``_``."""
    safe = _SAFE.sub("_", name).strip("._") or "framework"
    return f"{safe}.json"


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
        from .analysis import analyze_framework
        from .law import read_framework

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


# ----------------------------------------------------------------------------- result
@dataclass
class BatchResult:
    """What a batch produced: the workbook, the per-framework JSON results, and the failures."""

    out: Path
    results_dir: Path
    profile: str
    requirements: list[dict]  # id, instrument, cite, title, area (the columns of the matrix)
    rows: list[dict]  # name, country, title, documents, statuses, result (one per analysed framework)
    errors: list[BatchError]
    seconds: float = 0.0

    @property
    def names(self) -> list[str]:
        """Names of the frameworks analysed, in source order."""
        return [r["name"] for r in self.rows]

    def matrix(self):
        """One row per framework (index ``framework``), one column per requirement id, the status as
        value (pandas DataFrame)."""
        import pandas as pd

        ids = [r["id"] for r in self.requirements]
        data = [[row["statuses"].get(rid, "") for rid in ids] for row in self.rows]
        df = pd.DataFrame(data, index=pd.Index(self.names, name="framework"), columns=ids)
        df.columns.name = "requirement_id"
        return df

    def summaries(self):
        """One row per framework: country, counts by status, ``% covered`` overall and by area."""
        import pandas as pd

        return pd.DataFrame(self._summary_rows()).set_index("framework") if self.rows else pd.DataFrame()

    def result(self, name: str) -> GapAnalysis:
        """The full result of one framework, read back from its JSON file."""
        from .analysis.model import GapAnalysis

        row = next((r for r in self.rows if r["name"] == name), None)
        if row is None:
            raise KeyError(name)
        return GapAnalysis.read_json(row["result"])

    def summary_line(self) -> str:
        n = len(self.rows) + len(self.errors)
        failed = f", {len(self.errors)} failed" if self.errors else ""
        return (
            f"lexcheck: batch of {n} frameworks ({self.profile}): {len(self.rows)} analysed{failed} "
            f"in {self.seconds:.0f} s -> {self.out} (results in {self.results_dir}{os.sep})"
        )

    def __repr__(self) -> str:
        return f"<BatchResult {len(self.rows)} analysed, {len(self.errors)} failed -> {self.out}>"

    # ----- summary table -----
    def areas(self) -> list[str]:
        from .report.i18n import AREA_ORDER

        present = list(dict.fromkeys(r["area"] for r in self.requirements if r["area"]))
        rank = {a: i for i, a in enumerate(AREA_ORDER)}
        return sorted(present, key=lambda a: (rank.get(a, len(rank)), present.index(a)))

    def _summary_rows(self) -> list[dict]:
        area_of = {r["id"]: r["area"] for r in self.requirements}
        areas = self.areas()
        out = []
        for row in self.rows:
            counts = dict.fromkeys(STATUS_COLUMNS, 0)
            by_area: dict[str, list[int]] = {a: [0, 0] for a in areas}  # covered, applicable
            for rid, status in row["statuses"].items():
                counts[status] = counts.get(status, 0) + 1
                cell = by_area.get(area_of.get(rid, ""))
                if cell is not None and status != "not_applicable":
                    cell[1] += 1
                    cell[0] += status == "covered"
            applicable = sum(counts.values()) - counts["not_applicable"]
            summary = {
                "framework": row["name"],
                "country": row["country"],
                "title": row["title"],
                "documents": row["documents"],
                **counts,
                "total": sum(counts.values()),
                "% covered": _pct(counts["covered"], applicable),
            }
            for a in areas:
                summary[f"% covered: {a}"] = _pct(*by_area[a])
            out.append(summary)
        return out


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


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
        from .catalogue import load_catalogue

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


# ----------------------------------------------------------------------------- workbook
def batch_xlsx(batch: BatchResult) -> bytes:
    """The comparison workbook: sheets Matrix, Summary and Errors."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .cells import workbook_bytes
    from .report.common import STATUS_TINTS, clean
    from .report.i18n import label

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3864")
    fills = {s: PatternFill("solid", fgColor=c) for s, c in STATUS_TINTS.items()}
    wrap_top = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center")

    def header(ws, row: int) -> None:
        for cell in ws[row]:
            cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap_top

    wb = Workbook()
    # --- Matrix: one row per framework, one column per requirement
    ws = wb.active
    ws.title = "Matrix"
    reqs = batch.requirements
    ws.append(["Framework", "Country", *[r["id"] for r in reqs]])
    header(ws, 1)
    for cell, r in zip(ws[1][2:], reqs):  # the requirement's title and citation on hover
        cell.comment = Comment(clean(f"{r['title']}\n{r['instrument']} {r['cite']}".strip()), "lexcheck")
    for row in batch.rows:
        ws.append([row["name"], clean(row["country"]), *[row["statuses"].get(r["id"], "") for r in reqs]])
        for cell in ws[ws.max_row][2:]:
            fill = fills.get(cell.value)
            if fill is not None:
                cell.fill = fill
                cell.alignment = centre
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 24
    for j in range(3, len(reqs) + 3):
        ws.column_dimensions[get_column_letter(j)].width = 15
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(reqs) + 2)}{ws.max_row}"

    # --- Summary: counts by status, % covered overall and by area
    ws = wb.create_sheet("Summary")
    areas = batch.areas()
    status_heads = [label("status", s) for s in STATUS_COLUMNS]
    area_heads = [f"% covered: {label('area', a)}" for a in areas]
    ws.append(
        ["Framework", "Country", "Title", "Documents", *status_heads, "Total", "% covered", *area_heads]
    )
    header(ws, 1)
    ws.row_dimensions[1].height = 48
    first_pct = 5 + len(STATUS_COLUMNS) + 1  # column of "% covered"
    for s in batch._summary_rows():
        values = [s["framework"], clean(s["country"]), clean(s["title"]), s["documents"]]
        values += [s[k] for k in STATUS_COLUMNS] + [s["total"], _frac(s["% covered"])]
        values += [_frac(s[f"% covered: {a}"]) for a in areas]
        ws.append(values)
        for cell in ws[ws.max_row][first_pct - 1 :]:
            cell.number_format = "0%"
    for j, status in enumerate(STATUS_COLUMNS, start=5):
        ws.cell(row=1, column=j).fill = PatternFill("solid", fgColor=STATUS_TINTS[status])
        ws.cell(row=1, column=j).font = Font(bold=True)
    widths = {1: 30, 2: 24, 3: 40, 4: 11}
    for j in range(1, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(j, 13)
    if batch.rows:
        last = get_column_letter(ws.max_column)
        ws.conditional_formatting.add(
            f"{get_column_letter(first_pct)}2:{last}{ws.max_row}",
            ColorScaleRule(start_type="num", start_value=0, start_color="F2CFB3",
                           end_type="num", end_value=1, end_color="B3E2D5"),
        )  # fmt: skip
    ws.freeze_panes = "B2"

    # --- Errors: the frameworks that could not be analysed
    ws = wb.create_sheet("Errors")
    ws.append(["Framework", "Error", "Paths"])
    header(ws, 1)
    for e in batch.errors:
        ws.append([e.name, clean(e.error), clean("; ".join(e.paths))])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap_top
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    ws.column_dimensions["C"].width = 60
    ws.freeze_panes = "A2"
    return workbook_bytes(wb)


def _frac(pct: float | None) -> float | None:
    return None if pct is None else round(pct / 100.0, 4)


def load_results(batch: BatchResult) -> Iterator[GapAnalysis]:
    """Each framework's full result, read back one at a time from the results folder."""
    for row in batch.rows:
        yield batch.result(row["name"])


__all__ = ["BatchError", "BatchItem", "BatchResult", "batch_xlsx", "read_source", "run_batch"]
