"""Where a corpus's articles come from: folders of text files, their metadata, the seeds.

Why this module exists: articles arrive as ``*.txt`` files with their dates and titles
beside them, in a ``manifest.tsv`` or in a ``<name>.json``/``<name>.toml`` sidecar.  Reading
that metadata is shared by :meth:`~korpol.Corpus.from_dir` and the command line; the bundled
seed articles are found here whether korpol runs from a wheel or a source checkout.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from korpol import _pipeline
from korpol._errors import ValidationError
from korpol._model import Document

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "parse_dir",
    "read_manifest",
    "read_sidecar",
    "seeds_root",
]


_META_KEYS = ("id", "published", "title", "source")


def read_manifest(root: Traversable) -> dict[str, dict[str, str]]:
    """``manifest.tsv`` of a directory as {file name: {id, title, published, source}}.

    ``#`` lines are notes; the first other line names the columns (``file``
    is required).  Empty cells are left out.
    """
    manifest = root.joinpath("manifest.tsv")
    if not manifest.is_file():
        return {}
    text = manifest.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return {}
    header = lines[0].split("\t")
    if "file" not in header:
        raise ValidationError("manifest.tsv", header, "the header needs a 'file' column")
    out: dict[str, dict[str, str]] = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        out[row["file"]] = {k: v for k, v in row.items() if k in _META_KEYS and v}
    return out


def _toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib

        data: dict[str, Any] = tomllib.loads(text)
        return data
    # Python 3.10 has no TOML reader: flat ``key = "value"`` lines are all a sidecar needs
    out: dict[str, Any] = {}  # pragma: no cover - Python 3.10
    for line in text.splitlines():  # pragma: no cover
        m = re.fullmatch(r"\s*([A-Za-z_]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[0-9-]+)\s*(#.*)?", line)
        if m:
            out[m.group(1)] = m.group(2).strip("\"'")
    return out


def read_sidecar(root: Traversable, name: str) -> dict[str, Any]:
    """Metadata for ``name`` from a ``<stem>.json`` or ``<stem>.toml`` beside it.

    Only ``id``, ``published``, ``title`` and ``source`` are read.

    ``url`` is used as ``source`` when no source is given; other keys (gold
    annotations, notes) are ignored.
    """
    stem = name[: -len(Path(name).suffix)] if Path(name).suffix else name
    for suffix, load in ((".json", json.loads), (".toml", _toml)):
        sidecar = root.joinpath(stem + suffix)
        if sidecar.is_file():
            try:
                data = load(sidecar.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise ValidationError(stem + suffix, str(exc), "the sidecar is not valid") from None
            if not isinstance(data, Mapping):
                raise ValidationError(stem + suffix, data, "the sidecar must hold an object")
            meta = {k: str(data[k]) for k in _META_KEYS if data.get(k) is not None}
            if "source" not in meta and data.get("url"):
                meta["source"] = str(data["url"])
            return meta
    return {}


def seeds_root() -> Traversable:
    packaged = resources.files("korpol").joinpath("seeds")
    if packaged.is_dir():  # an installed wheel carries the seeds as package data
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "seeds"
    if source_tree.is_dir():  # a source checkout or an editable install
        return source_tree
    raise FileNotFoundError("the bundled seeds are missing: reinstall korpol")


def _free(name: str, taken: set[str]) -> str:
    """``name``, or ``name#2``, ``name#3`` ...: the first that no document has."""
    found, n = name, 1
    while found in taken:
        n += 1
        found = f"{name}#{n}"
    return found


def parse_dir(
    path: str | os.PathLike[str] | Traversable,
    *,
    pattern: str = "*.txt",
    published: dt.date | str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[Document]:
    """Parse every file of a directory that matches ``pattern``, sorted by name.

    Metadata as :meth:`~korpol.Corpus.from_dir` describes it: ``published``, then
    the manifest, then the sidecar; the id defaults to the file's stem.  A file that
    cannot be read (its sidecar, its metadata, its bytes) gives a Document with its id
    and the reason in ``errors``; an unreadable manifest is noted on every Document; a
    file whose metadata names an id an earlier file has is named by its file name, and
    says so.
    """
    root: Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not root.is_dir():
        raise FileNotFoundError(f"not a directory: {path}")
    files = sorted(
        (f for f in root.iterdir() if f.is_file() and Path(f.name).match(pattern)), key=lambda f: f.name
    )
    try:
        manifest, unread = read_manifest(root), ""
    except (ValueError, OSError) as exc:  # the files are read all the same, each saying why it lacks its row
        manifest, unread = {}, f"manifest.tsv not read: {type(exc).__name__}: {exc}"
    docs = []
    taken: set[str] = set()
    for i, file in enumerate(files):
        if progress is not None:
            progress(i, len(files), file.name)
        meta: dict[str, Any] = {"id": Path(file.name).stem, "published": published}
        notes: tuple[str, ...] = (unread,) if unread else ()
        try:
            meta.update(manifest.get(file.name, {}))
            meta.update(read_sidecar(root, file.name))
            if meta.get("id") in taken:  # a sidecar or manifest id another file has: named by its file
                meta["id"], claimed = _free(file.name, taken), meta["id"]
                notes += (f"{file.name}: the id {claimed!r} is an earlier file's; named {meta['id']!r}",)
            doc = _pipeline.parse(
                file.read_bytes(),
                published=meta.get("published"),
                id=meta.get("id"),
                title=meta.get("title"),
                source=meta.get("source"),
            )
        except Exception as exc:  # one bad file (sidecar, metadata, unreadable) never stops the folder
            doc_id = meta.get("id") if isinstance(meta.get("id"), str) else Path(file.name).stem
            doc_id = _free(file.name, taken) if doc_id in taken else doc_id
            doc = Document(id=doc_id, errors=(f"{file.name}: {type(exc).__name__}: {exc}",))
        if notes:
            doc = attrs.evolve(doc, errors=(*notes, *doc.errors))
        if doc.id is not None:
            taken.add(doc.id)
        docs.append(doc)
    if progress is not None:
        progress(len(files), len(files), "")
    return docs
