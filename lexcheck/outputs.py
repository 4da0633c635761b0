"""Writing outputs safely: atomically (temp file + rename) and never over an input file."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output_path(out: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output path that is one of the inputs, or whose folder does not exist."""
    path = Path(out)
    target = path.resolve()
    for inp in inputs:
        if Path(inp).resolve() == target:
            raise OutputError("refusing to overwrite an input file; choose another output path", path)
    if not target.parent.is_dir():
        raise OutputError(f"folder {target.parent} does not exist", path)
    if target.is_dir():
        raise OutputError("is a directory; give a file name for the output", path)
    return path


def write_atomic(out: str | Path, data: bytes | str, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``out`` (``-`` is stdout): all of it or nothing, never over an input."""
    if str(out) == "-":
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = check_output_path(out, inputs)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs get normal permissions
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
