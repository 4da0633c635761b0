"""Writing outputs safely: atomically (temp file + rename), never over an input, never over work.

Every output of lexcheck goes through :func:`write_atomic`. It refuses (one-line
:class:`~lexcheck.errors.OutputError`) to replace

- an input file of the run;
- a review file (a ``review init`` sheet, or a .yaml/.yml-style file with a reviewer's ``decisions``,
  whatever its name);
- a .docx or .xlsx that lexcheck did not write, or that a person has changed since (see
  :mod:`lexcheck.files.stamp`: each .docx/.xlsx lexcheck writes carries a digest of its parts);

unless overwriting is forced (``--force`` on the command line, :func:`forcing` in code). Other
outputs (json, csv, md, html) lexcheck wrote before are replaced as usual. A folder that cannot be
written, a full disk or a read-only file system is an ``OutputError`` naming the file too.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import OutputError

_FORCE: contextvars.ContextVar[bool] = contextvars.ContextVar("lexcheck_force", default=False)
_OOXML = (".docx", ".xlsx")
_REVIEW_YAML = re.compile(rb"^[\"']?(?:lexcheck_review|decisions)[\"']?\s*:", re.M)
_HEAD = 1 << 20


@contextlib.contextmanager
def forcing(force: bool = True) -> Iterator[None]:
    """Inside the block, outputs may replace review files and edited .docx/.xlsx (``--force``)."""
    token = _FORCE.set(force)
    try:
        yield
    finally:
        _FORCE.reset(token)


def forced() -> bool:
    """True inside :func:`forcing` (``--force``)."""
    return _FORCE.get()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot(exc: OSError) -> str:
    return f"cannot write the output ({exc.strerror or type(exc).__name__})"


def existing_work(path: Path) -> str | None:
    """Why the file at ``path`` must not be replaced without ``--force``, or ``None`` if it may be."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return None
    from .safezip import MAX_TOTAL_BYTES

    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
            zipped = head.startswith(b"PK")
            if zipped and st.st_size > MAX_TOTAL_BYTES:
                return "was not written by lexcheck"
            data = head + fh.read() if zipped else head
    except OSError:  # cannot be checked: a .docx/.xlsx is kept, anything else replaced as before
        return "cannot be read to check who wrote it" if path.suffix.lower() in _OOXML else None
    if zipped:
        from .stamp import read_stamp

        kind = read_stamp(data, path)
        if kind == "review":
            return "is a review file"
        if kind is not None:
            return None
        return "was changed since lexcheck wrote it, or was not written by lexcheck (a person's work?)"
    if path.suffix.lower() in _OOXML:
        return "was not written by lexcheck"
    if _REVIEW_YAML.search(head) and b"reviewer_status" in head:
        return "is a review file"
    return None


def check_output_path(out: str | Path, inputs: Iterable[str | Path] = (), *, probe: bool = True) -> Path:
    """Refuse an output path that is an input, a person's work (see above), or not writable.

    Called before the work where the command line can (so that a bad ``-o`` fails at once), and
    again by :func:`write_atomic`."""
    path = Path(out)
    target = path.resolve()
    for inp in inputs:
        if Path(inp).resolve() == target:
            raise OutputError("refusing to overwrite an input file; choose another output path", path)
    if not target.parent.is_dir():
        raise OutputError(f"folder {target.parent} does not exist", path)
    if target.is_dir():
        raise OutputError("is a directory; give a file name for the output", path)
    if not _FORCE.get():
        why = existing_work(target)
        if why:
            raise OutputError(f"{why}; not overwritten: choose another name, or give --force", path)
    if probe and not _stream(target):
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            os.unlink(tmp)
        except OSError as exc:
            raise OutputError(_cannot(exc), path) from None
    return path


def _stream(target: Path) -> bool:
    """A terminal, pipe or device (``/dev/null``): written to as it is, not replaced."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def write_atomic(
    out: str | Path, data: bytes | str, inputs: Iterable[str | Path] = (), *, kind: str = "report"
) -> None:
    """Write ``data`` to ``out`` (``-`` is stdout): all of it or nothing, never over an input or work.

    A .docx/.xlsx gets lexcheck's stamp (:mod:`lexcheck.files.stamp`) of ``kind`` (``report`` or ``review``)."""
    if str(out) == "-":
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = check_output_path(out, inputs, probe=False)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.suffix.lower() in _OOXML and raw.startswith(b"PK"):
        from .stamp import add_stamp

        raw = add_stamp(raw, kind)
    target = path.resolve()
    if _stream(target):
        try:
            with open(target, "wb") as fh:
                fh.write(raw)
        except OSError as exc:
            raise OutputError(_cannot(exc), path) from None
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs get normal permissions
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(_cannot(exc), path) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
