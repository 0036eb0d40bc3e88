"""Where a corpus's articles come from: folders of text and HTML files, their metadata, the seeds.

Why this module exists: articles arrive as ``*.txt`` files or saved ``*.html`` pages with
their dates and titles beside them, in a ``manifest.tsv`` or in a ``<name>.json``/
``<name>.toml`` sidecar (a page states its own title, date and URL too).  Reading that
metadata is shared by :meth:`~korpol.Corpus.from_dir` and the command line; what korpol
cannot read as given (a binary file, a file of another kind, a sidecar key it does not know)
gets a :class:`~korpol.KorpolWarning` naming the file.  The bundled seed articles are found
here whether korpol runs from a wheel or a source checkout.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from korpol import _pipeline
from korpol._errors import InputTypeError, KorpolWarning, ValidationError
from korpol._model import Document
from korpol._text.html import Extractor, looks_like_html, read_html

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "DEFAULT_PATTERNS",
    "HTML_SUFFIXES",
    "parse_dir",
    "parse_file",
    "read_manifest",
    "read_sidecar",
    "seeds_root",
]


_META_KEYS = ("id", "published", "title", "source")

#: What :meth:`~korpol.Corpus.from_dir` reads by default: text files and saved web pages.
DEFAULT_PATTERNS = ("*.txt", "*.html", "*.htm")

#: File suffixes read as HTML pages (a file of another name whose content starts like a page is too).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: Sidecar keys that are a known key misnamed: ``{"date": ...}`` is meant as ``published``.
_MEANT = {
    "date": "published",
    "pubdate": "published",
    "pub_date": "published",
    "published_at": "published",
    "publishedat": "published",
    "publication_date": "published",
    "datetime": "published",
    "time": "published",
    "headline": "title",
    "name": "title",
    "link": "url",
    "href": "url",
    "uri": "url",
    "outlet": "source",
    "publisher": "source",
    "ident": "id",
    "doc_id": "id",
}

#: Files in an article folder that are not articles and need no warning.
_NOT_ARTICLES = re.compile(r"(?i)^(manifest\.tsv|readme(\..*)?|licen[cs]e(\..*)?|.*\.(json|toml))$")

#: The first bytes of common binary files: such a file is not an article.
_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def _binary_kind(data: bytes) -> str | None:
    """What a file's bytes are when they are clearly not text, else None."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return None
    if b"\x00" in head and head.count(b"\x00") * 4 > len(head):
        return None if _utf16_without_bom(head) else "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return "binary data (control bytes)" if head and controls * 10 > len(head) else None


def _utf16_without_bom(head: bytes) -> bool:
    even, odd = head[0::2], head[1::2]
    return even.count(0) * 2 > len(even) or odd.count(0) * 2 > len(odd)


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
            _warn_misnamed(data, stem + suffix)
            meta = {k: str(data[k]) for k in _META_KEYS if data.get(k) is not None}
            if "source" not in meta and data.get("url"):
                meta["source"] = str(data["url"])
            return meta
    return {}


def _warn_misnamed(data: Mapping[str, Any], name: str) -> None:
    """A warning for each sidecar key that looks like a known key under another name."""
    for key in data:
        meant = _MEANT.get(str(key).lower())
        if meant is not None and meant not in data and not (meant == "source" and "url" in data):
            warnings.warn(
                f"{name}: key {key!r} is not read; korpol reads {', '.join((*_META_KEYS, 'url'))} "
                f"(did you mean {meant!r}?)",
                KorpolWarning,
                stacklevel=4,
            )


def seeds_root() -> Traversable:
    packaged = resources.files("korpol").joinpath("seeds")
    if packaged.is_dir():  # an installed wheel carries the seeds as package data
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "seeds"
    if source_tree.is_dir():  # a source checkout or an editable install
        return source_tree
    raise FileNotFoundError("the bundled seeds are missing: reinstall korpol")


def _patterns(pattern: str | Sequence[str]) -> tuple[str, ...]:
    if not isinstance(pattern, str | Sequence):
        raise InputTypeError("pattern", pattern, "a glob such as '*.txt' or '**/*.html', or a list of them")
    patterns = (pattern,) if isinstance(pattern, str) else tuple(pattern)
    if not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise InputTypeError("pattern", pattern, "a glob such as '*.txt' or '**/*.html', or a list of them")
    return patterns


def _walk(
    root: Traversable, deep: bool, prefix: PurePosixPath
) -> Iterator[tuple[PurePosixPath, Traversable]]:
    """(relative path, file) of every file under ``root``, sorted by name; subfolders when ``deep``."""
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            yield prefix / entry.name, entry
        elif deep and entry.is_dir():
            yield from _walk(entry, deep, prefix / entry.name)


def _matches(relative: PurePosixPath, patterns: tuple[str, ...]) -> bool:
    """Whether a file's path matches one pattern: ``*.txt`` (this folder) or ``**/*.txt`` (any depth)."""
    for pattern in patterns:
        if pattern.startswith("**/"):
            if fnmatch.fnmatch(relative.name, pattern[3:]) or fnmatch.fnmatch(str(relative), pattern[3:]):
                return True
        elif fnmatch.fnmatch(str(relative), pattern):
            return True
    return False


def parse_file(
    data: bytes,
    name: str,
    meta: Mapping[str, Any],
    *,
    published: dt.date | str | None = None,
    extractor: Extractor = "auto",
) -> Document:
    """Parse one file's bytes: a saved web page as its article, anything else as text.

    ``meta`` (id, published, title, source: a manifest's or sidecar's) overrides
    what a page states about itself, which overrides the default ``published``.
    A file that looks binary gets a :class:`~korpol.KorpolWarning` naming it.
    """
    given = {k: v for k, v in meta.items() if v is not None}
    if Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(data):
        article = read_html(data, extractor=extractor)
        stated = {"published": article.published, "title": article.title, "source": article.url}
        given = {**{k: v for k, v in stated.items() if v is not None}, **given}
        text: str | bytes = article.text
    else:
        kind = _binary_kind(data)
        if kind is not None:
            warnings.warn(
                f"{name}: looks like {kind}, not text; its document will have no records",
                KorpolWarning,
                stacklevel=3,
            )
        text = data
    doc = _pipeline.parse(
        text,
        published=given.get("published", published),
        id=given.get("id"),
        title=given.get("title"),
        source=given.get("source"),
    )
    if isinstance(text, str) and not isinstance(data, str):  # a page: say how its bytes were decoded
        doc = attrs.evolve(doc, encoding=article.encoding)
    return doc


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
    pattern: str | Sequence[str] = DEFAULT_PATTERNS,
    published: dt.date | str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    extractor: Extractor = "auto",
) -> list[Document]:
    """Parse every file of a directory that matches ``pattern``, sorted by path.

    Metadata as :meth:`~korpol.Corpus.from_dir` describes it: ``published``, then
    what a page states, then the manifest, then the sidecar; the id defaults to
    the file's path without its suffix.  Files that match no pattern get one
    warning that names them (sidecars, manifests and READMEs excepted).  A file
    that cannot be read (its sidecar, its metadata, its bytes) gives a Document
    with its id and the reason in ``errors``; an unreadable manifest is noted on
    every Document of its folder; a file whose metadata names an id an earlier
    file has is named by its path, and says so.
    """
    if not isinstance(path, str | os.PathLike) and not hasattr(path, "iterdir"):
        raise InputTypeError("path", path, "a directory path (str or os.PathLike)")
    root: Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not root.is_dir():
        raise FileNotFoundError(f"not a directory: {path}")
    patterns = _patterns(pattern)
    deep = any(p.startswith("**/") for p in patterns)
    files, skipped = [], []
    for relative, file in _walk(root, deep, PurePosixPath()):
        if _matches(relative, patterns):
            files.append((relative, file))
        elif not _NOT_ARTICLES.match(relative.name):
            skipped.append(str(relative))
    if skipped:
        shown = ", ".join(skipped[:10]) + (f" and {len(skipped) - 10} more" if len(skipped) > 10 else "")
        warnings.warn(
            f"{path}: skipped {len(skipped)} file(s) that match no pattern ({', '.join(patterns)}): {shown}",
            KorpolWarning,
            stacklevel=3,
        )
    manifests: dict[PurePosixPath, tuple[dict[str, dict[str, str]], str]] = {}
    docs = []
    taken: set[str] = set()
    for i, (relative, file) in enumerate(files):
        if progress is not None:
            progress(i, len(files), str(relative))
        folder = relative.parent
        if folder not in manifests:
            try:
                manifests[folder] = (read_manifest(_folder(root, folder)), "")
            except (ValueError, OSError) as exc:  # the files are read all the same, each saying why
                manifests[folder] = ({}, f"manifest.tsv not read: {type(exc).__name__}: {exc}")
        manifest, unread = manifests[folder]
        stem = str(relative.with_suffix("")) if relative.suffix else str(relative)
        meta: dict[str, Any] = {"id": stem}
        notes: tuple[str, ...] = (unread,) if unread else ()
        try:
            meta.update(manifest.get(relative.name, {}))
            meta.update(read_sidecar(_folder(root, folder), relative.name))
            if meta.get("id") in taken:  # a sidecar or manifest id another file has: named by its path
                meta["id"], claimed = _free(str(relative), taken), meta["id"]
                notes += (f"{relative}: the id {claimed!r} is an earlier file's; named {meta['id']!r}",)
            doc = parse_file(file.read_bytes(), str(relative), meta, published=published, extractor=extractor)
        except Exception as exc:  # one bad file (sidecar, metadata, unreadable) never stops the folder
            doc_id = meta.get("id") if isinstance(meta.get("id"), str) else stem
            doc_id = _free(str(relative), taken) if doc_id in taken else doc_id
            doc = Document(id=doc_id, errors=(f"{relative}: {type(exc).__name__}: {exc}",))
        if notes:
            doc = attrs.evolve(doc, errors=(*notes, *doc.errors))
        if doc.id is not None:
            taken.add(doc.id)
        docs.append(doc)
    if progress is not None:
        progress(len(files), len(files), "")
    return docs


def _folder(root: Traversable, relative: PurePosixPath) -> Traversable:
    folder = root
    for part in relative.parts:
        folder = folder.joinpath(part)
    return folder
