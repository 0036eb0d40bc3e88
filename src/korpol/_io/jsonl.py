"""Documents as JSON Lines: one ``Document.to_dict()`` per line, an exact round trip.

Why this module exists: JSON Lines is korpol's lossless archive — every record, evidence span
and mention comes back exactly.  :func:`korpol.save_jsonl` and :func:`korpol.load_jsonl` (in
:mod:`korpol._corpus`) check their input as a corpus and call these.

A file korpol did not write is refused fast, with a :class:`~korpol.ValidationError` naming
the file, the line and the problem: bytes that are not UTF-8, a line that is not JSON or not a
document, nesting deeper than a document has (:data:`MAX_DEPTH`), an amount whose exponent
would print as a billion digits (:data:`MAX_EXPONENT`).  Surrogate code points, which no
UTF-8 file can hold, are read and written as U+FFFD, one for one (see
:func:`korpol._text.without_surrogates`), so every offset still holds.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from korpol._errors import InputTypeError, ValidationError
from korpol._io.atomic import PathLike, atomic_path
from korpol._model import Document
from korpol._text import without_surrogates

__all__ = ["MAX_DEPTH", "MAX_EXPONENT", "SURROGATES_AS_REPLACEMENT", "read_jsonl", "write_jsonl"]

#: The deepest nesting of lists and objects a line may hold (a document needs about 8).
MAX_DEPTH = 32

#: The largest power of ten an amount may carry (``1e999999999`` would print as a billion digits).
MAX_EXPONENT = 1000

#: The codec error handler korpol's writers use: a surrogate code point becomes U+FFFD.
SURROGATES_AS_REPLACEMENT = "korpol.surrogates-as-replacement"


def _replacement(error: UnicodeError) -> tuple[str | bytes, int]:
    if isinstance(error, UnicodeEncodeError) and error.encoding.replace("-", "").lower() == "utf8":
        # (bytes: the UTF-8 encoder takes only ASCII text from an error handler)
        return "\ufffd".encode() * (error.end - error.start), error.end
    raise error


codecs.register_error(SURROGATES_AS_REPLACEMENT, _replacement)

#: a JSON escape of a surrogate code point (``\ud83d``): the line needs :func:`_without_surrogates`
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def write_jsonl(documents: Iterable[Document], path: PathLike) -> Path:
    """Write one ``Document.to_dict()`` per line (UTF-8, atomic) and return the path.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "docs.jsonl"
    >>> read_jsonl(write_jsonl([Document(id="a", text="Seoul")], out))[0].text
    'Seoul'
    """
    target = Path(path)
    with (
        atomic_path(target) as tmp,
        tmp.open("w", encoding="utf-8", errors=SURROGATES_AS_REPLACEMENT, newline="\n") as fh,
    ):
        for doc in documents:
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
    return target


def _checked(data: Any, where: str, line: bytes) -> Any:
    """``data`` (a parsed line) with surrogates replaced, or an error if no document could be it."""
    if not isinstance(data, dict):
        raise ValidationError(where, _shown(line), f"a document is a JSON object, not {type(data).__name__}")
    replace = _SURROGATE_ESCAPE.search(line.decode("utf-8")) is not None
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValidationError(where, _shown(line), f"nested deeper than {MAX_DEPTH}: not a document")
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, dict | list):
                stack.append((value, depth + 1))
            elif key in ("amount", "upper") and value is not None:
                _check_amount(value, where, line)
            elif replace and isinstance(value, str):
                node[key] = without_surrogates(value)
    return data


def _check_amount(value: Any, where: str, line: bytes) -> None:
    try:
        amount = Decimal(value) if isinstance(value, str | int) else None
    except (InvalidOperation, ValueError):
        return  # not a number: the document's own validation says so
    if amount is not None and amount.is_finite():
        exponent = amount.as_tuple().exponent
        assert isinstance(exponent, int)  # (finite)
        if abs(exponent) > MAX_EXPONENT:
            raise ValidationError(
                where, str(value)[:40], f"an amount of 10^{exponent}; amounts go to 10^{MAX_EXPONENT}"
            )


def _shown(line: bytes) -> str:
    text = line.decode("utf-8", errors="replace").strip()
    return text if len(text) <= 60 else text[:57] + "..."


def read_jsonl(path: PathLike) -> list[Document]:
    """The documents of a file written by :func:`write_jsonl`, in order.

    A line that is not a valid document raises :class:`~korpol.ValidationError`
    naming the file and the line number; so does a file that is not UTF-8 text.

    >>> import pathlib, tempfile
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bad.jsonl"
    >>> _ = bad.write_text('{"id": "a"}\\n[1, 2]\\n', encoding="utf-8")
    >>> read_jsonl(bad)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: ...bad.jsonl line 2: '[1, 2]' is not valid: a document is a JSON object...
    """
    if not isinstance(path, str | os.PathLike):
        raise InputTypeError("path", path, "a file name (str or pathlib.Path)")
    source = Path(path)
    if source.is_dir():
        raise ValidationError("path", str(path), "is a directory, not a JSON Lines file")
    docs = []
    with source.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path} line {number}"
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ValidationError(where, _shown(line), f"not UTF-8 text ({exc.reason})") from None
            try:
                data = json.loads(text)
            except RecursionError:
                raise ValidationError(where, _shown(line), "nested too deeply: not a document") from None
            except ValueError as exc:
                raise ValidationError(where, _shown(line), f"not JSON: {exc}") from None
            data = _checked(data, where, line)
            try:
                docs.append(Document.from_dict(data))
            except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
                reason = str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}"
                raise ValidationError(where, _shown(line), reason) from None
    return docs
