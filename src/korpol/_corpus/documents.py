"""The documents a corpus holds, and every way to build them: texts, rows, files, web pages, exports.

Why this module exists: an analyst's articles arrive as Python strings, a news
API's rows, a DataFrame, CSV or JSON Lines exports, a folder of text files and
saved pages, or a corpus saved earlier.  :class:`DocumentSet` turns each into
parsed :class:`~korpol.Document` objects with unique ids, checking the
arguments so that a wrong one is a clear :class:`~korpol.KorpolError` naming
it, never an empty corpus.  :class:`~korpol.Corpus` builds its merges, queries
and exports on it (:mod:`~korpol._corpus.corpus`); every constructor here
returns a ``Corpus`` when called on it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from korpol import _pipeline
from korpol._corpus.sources import DEFAULT_PATTERNS, parse_dir, parse_file
from korpol._errors import InputTypeError, ValidationError
from korpol._io.jsonl import read_jsonl
from korpol._io.readers import ColumnMap, article_rows, csv_rows, dataframe_rows, is_dataframe, jsonl_rows
from korpol._io.sqlite import read_sqlite
from korpol._model import Document
from korpol._text.html import Extractor

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["DocumentSet"]

_log = logging.getLogger("korpol")

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable


def _check_documents(documents: Iterable[Document]) -> tuple[Document, ...]:
    docs = tuple(documents)
    seen: set[str] = set()
    for doc in docs:
        if not isinstance(doc, Document):
            raise InputTypeError("documents", doc, "korpol.Document objects")
        if doc.id is not None:
            if doc.id in seen:
                raise ValidationError("id", doc.id, "two documents share this id; ids must be unique")
            seen.add(doc.id)
    return docs


_ITEM_KEYS = ("text", "id", "published", "title", "source")


def _check_texts(texts: Any) -> None:
    """``texts`` must be an iterable of items, not one text, a mapping or a DataFrame."""
    if isinstance(texts, str | bytes | bytearray):
        one = type(texts).__name__
        raise InputTypeError("texts", texts, f"a list of texts, not one {one} (wrap it: [text])")
    if is_dataframe(texts):
        hint = "for a DataFrame use Corpus.from_dataframe(df, text=..., published=...)"
        raise InputTypeError("texts", texts, f"a list of texts; {hint}")
    if isinstance(texts, Mapping | set | frozenset) or not isinstance(texts, Iterable):
        what = "a list of texts, {'text': ...} mappings or (text, metadata) pairs"
        raise InputTypeError("texts", texts, what)


def _text_item(item: Any, i: int) -> tuple[str | bytes, dict[str, Any]]:
    """One item of :meth:`Corpus.from_texts` as (text, metadata), or an error naming the item."""
    what = "a str, bytes, a mapping with 'text' or a (text, metadata) pair"
    if isinstance(item, str | bytes):
        return item, {}
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping | None):
        text, metadata = item
        meta = dict(metadata or {})
    elif isinstance(item, Mapping):
        meta = dict(item)
        text = meta.pop("text", None)
    else:
        raise InputTypeError(f"texts item {i}", item, what)
    if not isinstance(text, str | bytes):
        raise InputTypeError(f"texts item {i}", item, "a 'text' that is a str or bytes")
    unknown = sorted(str(k) for k in meta if k not in _ITEM_KEYS)
    if unknown:
        accepted = ", ".join(_ITEM_KEYS)
        raise ValidationError(f"texts item {i}", unknown, f"unknown key(s); accepted: {accepted}")
    return text, meta


def _check_path(argument: str, path: Any) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise InputTypeError(argument, path, "a file path (str or os.PathLike)")
    return Path(path)


class DocumentSet:
    """Parsed documents in the order given, ids unique: what a :class:`~korpol.Corpus` is made of.

    It never changes after construction.  Its constructors (``from_texts``,
    ``from_dir``, ``from_csv`` ...) return an instance of the class they are
    called on.
    """

    __slots__ = ("_cache", "_documents")

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._documents = _check_documents(documents)
        self._cache: dict[str, Any] = {}

    # -------------------------------------------------------- construction

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str | bytes | Mapping[str, Any] | tuple[str | bytes, Mapping[str, Any]]],
        *,
        published: dt.date | str | None = None,
    ) -> Self:
        """Parse each text into a document.

        An item is the text (``str`` or ``bytes``), a mapping with ``text`` and
        optional ``id``, ``published``, ``title``, ``source``, or a ``(text,
        metadata)`` pair as :func:`korpol.parse_many` takes it.  Items without
        an id get ``text-1``, ``text-2`` ...; ``published`` is the default
        publication date for items that give none.  A DataFrame, a single
        string or anything else that is not a sequence of such items is an
        :class:`~korpol.InputTypeError` (a DataFrame goes to :meth:`from_dataframe`).

        >>> from korpol import Corpus
        >>> kb = Corpus.from_texts(["Poland signed a deal.", {"text": "Seoul said so.", "id": "yonhap-1"}],
        ...                        published="2025-08-01")
        >>> [doc.id for doc in kb], str(kb["yonhap-1"].published)
        (['text-1', 'yonhap-1'], '2025-08-01')
        >>> Corpus.from_texts("Poland signed a deal.")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        korpol._errors.InputTypeError: texts: expected a list of texts, not one str (wrap it: [text]), ...
        """
        _check_texts(texts)
        docs = []
        for i, item in enumerate(texts, start=1):
            text, meta = _text_item(item, i)
            docs.append(
                _pipeline.parse(
                    text,
                    published=meta.get("published", published),
                    id=meta.get("id", f"text-{i}"),
                    title=meta.get("title"),
                    source=meta.get("source"),
                )
            )
        return cls(docs)

    @classmethod
    def from_records(
        cls,
        rows: Iterable[Mapping[str, Any]],
        *,
        text: str = "text",
        published: str | None = "date",
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Self:
        """Parse rows (dicts) as news APIs and scrapers give them, one article per row.

        The keyword arguments name the column of each part: ``text`` (required),
        ``published`` (an ISO date or timestamp, a ``datetime`` or ``pandas.Timestamp``),
        ``id``, ``title`` and ``url`` (kept as the document's ``source``); ``None``
        means the data has no such column.  A column with dots (``"source.name"``)
        reaches into nested objects.  A row without an id gets ``row-<n>``; an
        empty cell is a missing value.  A mapped column found in no row is a
        :class:`~korpol.ValidationError` that reports the mapping and the columns
        the data has.

        >>> from korpol import Corpus
        >>> rows = [{"content": "Poland ordered 180 K2 tanks.", "publishedAt": "2025-08-01T09:30:00+09:00",
        ...          "link": "https://news.test/k2"}]
        >>> kb = Corpus.from_records(rows, text="content", published="publishedAt", url="link")
        >>> kb[0].id, str(kb[0].published), kb[0].source
        ('row-1', '2025-08-01', 'https://news.test/k2')
        >>> Corpus.from_records(rows, text="content")  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        korpol._errors.ValidationError: published: 'date' is not valid: no such column in the rows
        (its columns: 'content', 'publishedAt', 'link');
        the mapping was text='content', published='date', id=None, title=None, url=None; ...
        """
        if isinstance(rows, str | bytes) or is_dataframe(rows) or not isinstance(rows, Iterable):
            hint = "; a DataFrame goes to Corpus.from_dataframe" if is_dataframe(rows) else ""
            raise InputTypeError("rows", rows, "an iterable of dicts (column -> value)" + hint)
        columns = ColumnMap(text=text, published=published, id=id, title=title, url=url)
        return cls._from_rows(article_rows(rows, columns, origin="the rows"))

    @classmethod
    def from_dataframe(
        cls,
        df: Any,
        *,
        text: str = "text",
        published: str | None = "date",
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Self:
        """Parse a :class:`pandas.DataFrame`, one article per row (columns as :meth:`from_records`).

        Dates may be strings, ``datetime64`` columns (naive or with a zone: the
        date in that zone) or ``NaT`` (missing).

        >>> from korpol import Corpus
        >>> import pandas as pd  # doctest: +SKIP
        >>> df = pd.DataFrame({"text": ["Poland ordered 180 K2 tanks."],  # doctest: +SKIP
        ...                    "date": pd.to_datetime(["2025-08-01T09:30:00Z"]), "url": ["https://news.test/k2"]})
        >>> kb = Corpus.from_dataframe(df, url="url")  # doctest: +SKIP
        >>> kb[0].id, str(kb[0].published), kb[0].source  # doctest: +SKIP
        ('row-1', '2025-08-01', 'https://news.test/k2')
        """
        columns = ColumnMap(text=text, published=published, id=id, title=title, url=url)
        return cls._from_rows(article_rows(dataframe_rows(df), columns, origin="the DataFrame"))

    @classmethod
    def from_jsonl(
        cls,
        path: str | os.PathLike[str],
        *,
        text: str = "text",
        published: str | None = "date",
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Self:
        """Parse a news API's JSON Lines export, one article object a line (columns as :meth:`from_records`).

        This reads *articles*; a corpus saved by :meth:`save_jsonl` is read back with :meth:`load_jsonl`.

        >>> from korpol import Corpus
        >>> import json, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "news.jsonl"
        ...     _ = path.write_text(json.dumps({"body": "Poland ordered tanks.", "date": "2025-08-01",
        ...                                     "source": {"name": "PAP"}}) + "\\n", encoding="utf-8")
        ...     kb = Corpus.from_jsonl(path, text="body", title="source.name")
        >>> kb[0].title, str(kb[0].published)
        ('PAP', '2025-08-01')
        """
        source = _check_path("path", path)
        columns = ColumnMap(text=text, published=published, id=id, title=title, url=url)
        return cls._from_rows(article_rows(jsonl_rows(source), columns, origin=source.name))

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike[str],
        *,
        text: str = "text",
        published: str | None = "date",
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        delimiter: str | None = None,
    ) -> Self:
        """Parse a CSV export with a header line, one article per row (columns as :meth:`from_records`).

        UTF-8 (a BOM is skipped); ``,``-separated, ``.tsv`` files tab-separated,
        or as ``delimiter`` says; an empty cell is a missing value.

        >>> from korpol import Corpus
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp) / "news.csv"
        ...     _ = path.write_text('url,date,title,text\\nhttps://news.test/1,2025-08-01T10:00:00Z,K2,'
        ...                         '"Poland ordered 180 K2 tanks, the ministry said."\\n', encoding="utf-8")
        ...     kb = Corpus.from_csv(path, url="url", title="title")
        >>> kb[0].title, kb[0].source, str(kb[0].published)
        ('K2', 'https://news.test/1', '2025-08-01')
        """
        source = _check_path("path", path)
        columns = ColumnMap(text=text, published=published, id=id, title=title, url=url)
        rows = csv_rows(source, delimiter=delimiter)
        return cls._from_rows(article_rows(rows, columns, origin=source.name))

    @classmethod
    def _from_rows(cls, items: Iterable[tuple[str | bytes, Mapping[str, Any]]]) -> Self:
        return cls(
            _pipeline.parse(
                text,
                published=meta.get("published"),
                id=meta.get("id"),
                title=meta.get("title"),
                source=meta.get("source"),
            )
            for text, meta in items
        )

    @classmethod
    def from_dir(
        cls,
        path: str | os.PathLike[str] | Traversable,
        *,
        pattern: str | Sequence[str] = DEFAULT_PATTERNS,
        published: dt.date | str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        extractor: Extractor = "auto",
    ) -> Self:
        """Parse every ``*.txt`` file and saved web page (``*.html``, ``*.htm``) of a directory.

        ``pattern`` is a glob or a list of globs matched against each file's path;
        one that starts with ``**/`` (``"**/*.html"``) reads subfolders too.  Files
        are read sorted by path.  A web page gives its main text only (see
        :func:`korpol.read_html`; ``extractor`` chooses how), and its title, date
        and canonical URL as the document's metadata.

        Metadata comes, first to last wins, from ``published`` (a default), what
        a page states, a ``manifest.tsv`` in the file's folder (columns id, file,
        title, published, source) and a sidecar ``<name>.json`` or ``<name>.toml``
        next to the file (keys id, published, title, source/url).  The id
        defaults to the file's path without its suffix (``k2``, ``2024/k2``).
        ``progress(i, n, name)`` is called before each file.

        A :class:`~korpol.KorpolWarning` names each file korpol reads but cannot
        use as given: a binary file, files that match no pattern (other than
        sidecars, manifests and READMEs), a sidecar key it does not know that
        looks meant for one it does (``"date"`` for ``"published"``).

        A file that cannot be read -- a broken sidecar, bad metadata, bytes the
        system will not give -- does not stop the others: its Document keeps
        its id and the reason in ``errors``, and a warning on the ``korpol``
        logger names such files at the end.  An unreadable ``manifest.tsv`` is
        noted in every Document's ``errors``.

        >>> from korpol import Corpus
        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     folder = pathlib.Path(tmp)
        ...     _ = (folder / "k2.txt").write_text("Poland ordered tanks.", encoding="utf-8")
        ...     _ = (folder / "k2.json").write_text('{"published": "2025-08-01"}', encoding="utf-8")
        ...     _ = (folder / "k9.html").write_text(
        ...         '<html><head><meta property="article:published_time" content="2025-09-02T08:00:00Z">'
        ...         '</head><body><article><p>Romania ordered howitzers.</p></article>'
        ...         '<aside>Related: Poland buys tanks</aside></body></html>', encoding="utf-8")
        ...     kb = Corpus.from_dir(tmp)
        >>> [(doc.id, str(doc.published), doc.text) for doc in kb]  # doctest: +NORMALIZE_WHITESPACE
        [('k2', '2025-08-01', 'Poland ordered tanks.'),
         ('k9', '2025-09-02', 'Romania ordered howitzers.')]
        """
        folder_like = hasattr(path, "iterdir") and hasattr(path, "joinpath")  # (a Traversable)
        if not isinstance(path, str | os.PathLike) and not folder_like:
            raise InputTypeError("path", path, "a folder: a str or pathlib.Path")
        if progress is not None and not callable(progress):
            raise InputTypeError("progress", progress, "a function progress(i, n, name) or None")
        _pipeline.check_published(published)  # (a wrong default is wrong for every file: said once)
        docs = parse_dir(path, pattern=pattern, published=published, progress=progress, extractor=extractor)
        failed = [doc.id for doc in docs if doc.errors]
        if failed:
            named = ", ".join(str(f) for f in failed[:10]) + (" ..." if len(failed) > 10 else "")
            what = "%d of %d files in %s have errors (see Document.errors): %s"
            _log.warning(what, len(failed), len(docs), path, named)
        return cls(docs)

    @classmethod
    def from_html(
        cls,
        pages: Iterable[str | bytes | os.PathLike[str]],
        *,
        published: dt.date | str | None = None,
        extractor: Extractor = "auto",
    ) -> Self:
        """Parse saved web pages: each an HTML ``str``/``bytes`` or the path of a page file.

        Each page gives its article's main text and its title, date and canonical
        URL as metadata (:func:`korpol.read_html`); ``published`` is the date for
        pages that state none.  A page read from a file is named by its file's
        stem, others ``page-1``, ``page-2`` ...

        >>> from korpol import Corpus
        >>> kb = Corpus.from_html(['<html><head><title>K2</title></head><body><main>'
        ...                        '<p>Poland ordered 180 K2 tanks.</p></main>'
        ...                        '<footer>About us</footer></body></html>'])
        >>> kb[0].id, kb[0].title, kb[0].text
        ('page-1', 'K2', 'Poland ordered 180 K2 tanks.')
        """
        _check_texts(pages)
        docs = []
        for i, page in enumerate(pages, start=1):
            if isinstance(page, os.PathLike):
                file = Path(page)
                data, name, doc_id = file.read_bytes(), file.name, file.stem
            elif isinstance(page, str | bytes):
                data = page.encode("utf-8") if isinstance(page, str) else page
                name, doc_id = f"page-{i}.html", f"page-{i}"
            else:
                raise InputTypeError(f"pages item {i}", page, "an HTML str or bytes, or a path")
            docs.append(parse_file(data, name, {"id": doc_id}, published=published, extractor=extractor))
        return cls(docs)

    @classmethod
    def load_jsonl(cls, path: str | os.PathLike[str]) -> Self:
        """Read a corpus written by :meth:`save_jsonl` (see :func:`korpol.load_jsonl`).

        >>> from korpol import Corpus
        >>> import pathlib, tempfile
        >>> kb = Corpus.from_texts(["Poland ordered tanks."])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     again = Corpus.load_jsonl(kb.save_jsonl(pathlib.Path(tmp) / "kb.jsonl"))
        >>> again == kb
        True
        """
        return cls(read_jsonl(path))

    @classmethod
    def from_sqlite(cls, path: str | os.PathLike[str]) -> Self:
        """Read a corpus written by :meth:`to_sqlite`, exactly.

        >>> from korpol import Corpus
        >>> import pathlib, tempfile
        >>> kb = Corpus.from_texts(["Poland ordered tanks."])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     again = Corpus.from_sqlite(kb.to_sqlite(pathlib.Path(tmp) / "kb.db"))
        >>> again == kb
        True
        """
        return cls(read_sqlite(path))

    # -------------------------------------------------------- the sequence of documents

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents, in the order given.

        >>> from korpol import Corpus
        >>> [doc.id for doc in Corpus.from_texts(["One.", "Two."]).documents]
        ['text-1', 'text-2']
        """
        return self._documents

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def __getitem__(self, key: int | str) -> Document:
        """A document by position or by id (``KeyError`` naming the id if absent)."""
        if isinstance(key, int):
            return self._documents[key]
        for doc in self._documents:
            if doc.id == key:
                return doc
        raise KeyError(key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocumentSet):
            return NotImplemented
        return self._documents == other._documents

    __hash__ = None  # type: ignore[assignment]  # equality is by content; not used as a key

    def __add__(self, other: DocumentSet | Iterable[Document]) -> Self:
        extra = other.documents if isinstance(other, DocumentSet) else tuple(other)
        return type(self)((*self._documents, *extra))
