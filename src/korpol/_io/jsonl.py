"""Documents as JSON Lines: one ``Document.to_dict()`` per line, an exact round trip.

Why this module exists: JSON Lines is korpol's lossless archive — every record, evidence span
and mention comes back exactly.  :func:`korpol.save_jsonl` and :func:`korpol.load_jsonl` (in
:mod:`korpol._corpus`) check their input as a corpus and call these.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from korpol._errors import ValidationError
from korpol._io.atomic import PathLike, atomic_path
from korpol._model import Document

__all__ = ["read_jsonl", "write_jsonl"]


def write_jsonl(documents: Iterable[Document], path: PathLike) -> Path:
    """Write one ``Document.to_dict()`` per line (UTF-8, atomic) and return the path.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "docs.jsonl"
    >>> read_jsonl(write_jsonl([Document(id="a", text="Seoul")], out))[0].text
    'Seoul'
    """
    target = Path(path)
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for doc in documents:
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
    return target


def read_jsonl(path: PathLike) -> list[Document]:
    """The documents of a file written by :func:`write_jsonl`, in order.

    A line that is not a valid document raises :class:`~korpol.ValidationError`
    naming the line number.
    """
    docs = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                docs.append(Document.from_dict(json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise ValidationError(f"{Path(path).name} line {number}", line[:60], str(exc)) from None
    return docs
