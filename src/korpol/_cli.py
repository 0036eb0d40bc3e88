"""The ``korpol`` command line: summaries, parsing and exports for a shell user.

Why this module exists: an analyst should see what korpol finds without
writing Python.  ``python -m korpol`` prints the records of the bundled seed
articles as readable tables; ``parse`` prints any article's records (table,
JSON or JSON Lines); ``export`` parses a directory into SQLite, CSV or JSON
Lines; ``summary`` tables a directory's records; ``evaluate`` scores korpol
against annotated articles.  ``parse``, ``export`` and ``summary`` parse
with ``--processes N`` worker processes (:func:`korpol.iter_parse`) and report
their progress on stderr, ending with a line of counts.

A file that cannot be read or parsed (its bytes, its sidecar, its metadata)
does not stop the others: it is kept as a document with its error, and each
such file gets one line on stderr at the end.

Exit codes: 0 success; 1 korpol could not finish, or some files failed (one
line each says why); 2 the command line is wrong (a missing file, a bad date,
a bad option, an output path of the wrong kind) — the message names the
offending path or value; 130 interrupted (Ctrl-C): nothing was written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

import korpol
from korpol import _pipeline
from korpol._batch import iter_parse
from korpol._corpus import Corpus, load_seeds, read_manifest, read_sidecar
from korpol._errors import KorpolError
from korpol._io.columns import AGREEMENTS, AID, DEALS, LEADERS, TIMELINE, Table
from korpol._io.display import Progress, format_table
from korpol._model import Document

__all__ = ["format_records", "main"]

#: A folder with at most this many articles is listed article by article in ``summary``.
LIST_AT_MOST = 10


# ---------------------------------------------------------------- tables

#: The sections of a summary, in order: each record type's table (its columns in
#: :mod:`korpol._io.columns`) filled by the corpus query of the same name.
_SECTIONS: tuple[Table[Any], ...] = (DEALS, AID, AGREEMENTS, LEADERS, TIMELINE)


def format_records(corpus: Corpus, *, sections: Iterable[str] | None = None) -> str:
    """The records of a corpus as titled tables (deals, aid, agreements, leaders, timeline)."""
    wanted = set(sections) if sections is not None else None
    parts = []
    for table in _SECTIONS:
        if wanted is not None and table.name not in wanted:
            continue
        records = list(getattr(corpus, table.name)())
        parts.append(f"{table.title} ({len(records)})")
        headers = [column.header for column in table.text]
        parts.append(format_table(headers, table.text_rows(records)) if records else "(none found)")
        parts.append("")
    return "\n".join(parts)


# ---------------------------------------------------------------- reading articles


class UsageError(Exception):
    """A command-line mistake: exit code 2."""


@attrs.frozen
class _Article:
    """One input file: what ``iter_parse`` gets for it, or the document of its failure."""

    name: str  # as the user named it (or the folder's path joined with the file's name)
    item: Any = None
    failed: Document | None = None
    note: str = ""  # an error of its folder (an unreadable manifest), added to its document


class _Activity:
    """What the command is doing, for the line Ctrl-C prints."""

    def __init__(self) -> None:
        self.what = "starting"
        self.done = 0
        self.total = 0

    def said(self) -> str:
        if self.total:
            return f"{self.what} ({self.done} of {self.total} articles parsed)"
        return self.what


def _iso_date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: use YYYY-MM-DD, e.g. 2024-10-24") from None
    try:
        checked = _pipeline.check_published(day)  # (the dates parse() accepts)
    except KorpolError as exc:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: {exc}") from None
    assert checked is not None
    return checked


def _positive(kind: type[int] | type[float]) -> Callable[[str], Any]:
    def convert(value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid number {value!r}") from None
        if not number > 0:
            raise argparse.ArgumentTypeError(f"{value} is not more than 0")
        return number

    return convert


def _articles(
    paths: Sequence[Path], published: dt.date | None, *, override: bool, taken: set[str] | None = None
) -> list[_Article]:
    """Each file's item for ``iter_parse`` (its bytes are read when the batch asks for them).

    Metadata, first to last wins: ``published`` (unless ``override``), the folder's
    ``manifest.tsv``, the file's sidecar, ``published`` (if ``override``).  A file whose
    sidecar cannot be read becomes a failed article; a folder whose manifest cannot be read
    has its files parsed without it, each noting why (as :meth:`korpol.Corpus.from_dir` does).
    """
    manifests: dict[Path, tuple[dict[str, dict[str, str]], str]] = {}
    found = []
    taken = set() if taken is None else taken  # the ids given so far (shared across calls)
    for path in paths:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = (read_manifest(folder), "")
            except Exception as exc:  # (not UTF-8, no 'file' column, unreadable: the files go on)
                manifests[folder] = ({}, f"manifest.tsv not read: {type(exc).__name__}: {exc}")
        manifest, unread = manifests[folder]
        meta: dict[str, Any] = {"id": path.stem}
        if published is not None and not override:
            meta["published"] = published
        try:
            meta.update(manifest.get(path.name, {}))
            meta.update(read_sidecar(folder, path.name))
        except Exception as exc:  # a hostile sidecar (nested beyond recursion too) fails its file alone
            errors = (*([unread] if unread else []), f"{type(exc).__name__}: {exc}")
            doc_id = str(path) if path.stem in taken else path.stem
            taken.add(doc_id)
            found.append(_Article(str(path), failed=Document(id=doc_id, errors=errors)))
            continue
        if published is not None and override:
            meta["published"] = published
        note = unread
        if meta["id"] in taken:  # the same file name in two folders, or an id a sidecar took from another
            if meta["id"] != path.stem:
                note = "; ".join(filter(None, (note, f"the id {meta['id']!r} is an earlier file's")))
            meta["id"] = str(path)
        taken.add(meta["id"])
        found.append(_Article(str(path), item=(path, meta), note=note))
    return found


def _read(articles: Iterable[_Article]) -> Iterator[Any]:
    """The items of the readable articles, their bytes read only when the batch asks for them."""
    for article in articles:
        if article.failed is not None:
            continue
        path, meta = article.item
        if isinstance(path, Path):
            try:
                yield (path.read_bytes(), meta)
            except OSError:
                yield (path, meta)  # (read by the batch, which records why it cannot be)
        else:
            yield article.item


def _parse(articles: list[_Article], args: argparse.Namespace, activity: _Activity) -> list[Document]:
    """Every article's document, in order: parsed by ``iter_parse``, or its failure."""
    activity.total = len(articles)
    progress = Progress(len(articles))
    stream = iter_parse(_read(articles), processes=args.processes, timeout=args.timeout)
    docs = []
    try:
        for article in articles:
            doc = article.failed if article.failed is not None else next(stream)
            if article.note:
                doc = attrs.evolve(doc, errors=(article.note, *doc.errors))
            docs.append(doc)
            progress.update(doc)
            activity.done += 1
    finally:
        stream.close()  # (on Ctrl-C too: the workers are ended now, not when the stream is collected)
    progress.close()
    return docs


_ITEM = re.compile(r"^item \d+(?: \([^)]*\))?: ")


def _report(docs: Sequence[Document], articles: Sequence[_Article]) -> int:
    """One line on stderr per document with errors; the exit code (1 when any)."""
    failed = 0
    for doc, article in zip(docs, articles, strict=True):
        if doc.errors:
            failed += 1
            reason = "; ".join(_ITEM.sub("", error) for error in doc.errors)
            print(f"korpol: error: {article.name}: {reason}", file=sys.stderr)
    return 1 if failed else 0


def _folder(directory: str) -> list[Path]:
    root = Path(directory)
    if not root.is_dir():
        what = "is a file, not a directory" if root.exists() else "no such directory"
        raise UsageError(f"{what}: {directory}")
    files = sorted((f for f in root.iterdir() if f.is_file() and f.match("*.txt")), key=lambda f: f.name)
    if not files:
        raise UsageError(f"no *.txt files in {directory}")
    return files


# ---------------------------------------------------------------- commands


def _doc_heading(doc: Any) -> str:
    bits = [doc.id or "(no id)"]
    if doc.published:
        bits.append(f"published {doc.published}")
    if doc.title:
        bits.append(doc.title)
    heading = " — ".join(bits)
    return f"{heading}\n{'=' * min(len(heading), 100)}"


def _cmd_parse(args: argparse.Namespace, out: TextIO, activity: _Activity) -> int:
    for name in args.files:
        if name != "-" and not Path(name).is_file():
            what = "is a directory, not a file" if Path(name).is_dir() else "no such file"
            raise UsageError(f"{what}: {name}")
    articles: list[_Article] = []
    taken: set[str] = set()
    files: list[Path] = []  # (read together: a folder's manifest once)
    for name in [*args.files, None]:  # (None: the end)
        if name is None or name == "-":
            articles += _articles(files, args.published, override=True, taken=taken)
            files = []
        if name == "-":
            taken.add("stdin")
            meta = {"id": "stdin", "published": args.published}
            articles.append(_Article("-", item=(sys.stdin.buffer.read(), meta)))
        elif name is not None:
            files.append(Path(name))
    activity.what = f"parsing {len(articles)} files"
    docs = _parse(articles, args, activity)
    activity.what = "writing the records"
    corpus = Corpus(docs)
    if args.format == "json":
        data: Any = [doc.to_dict() for doc in corpus]
        json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "jsonl":
        for doc in corpus:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    else:
        for doc in corpus:
            out.write(_doc_heading(doc) + "\n\n")
            sections = ("arms_deals", "aid_packages", "agreements", "leaders")
            out.write(format_records(Corpus([doc]), sections=sections))
            for error in doc.errors:
                out.write(f"warning: {error}\n")
            out.write("\n")
    return _report(docs, articles)


def _load(directory: str, args: argparse.Namespace, activity: _Activity) -> tuple[Corpus, int]:
    """A folder's articles parsed, and the exit code of their failures (each reported)."""
    articles = _articles(_folder(directory), args.published, override=False)
    activity.what = f"parsing {directory}"
    docs = _parse(articles, args, activity)
    return Corpus(docs), _report(docs, articles)


def _output(option: str, value: str, *, folder: bool) -> None:
    """Refuse an output path of the wrong kind before any parsing starts."""
    path = Path(value)
    if folder:
        if path.exists() and not path.is_dir():
            raise UsageError(f"{option} {value}: is a file; give a folder for the CSV files")
        if not path.exists() and not path.parent.is_dir():
            raise UsageError(f"{option} {value}: no such directory: {path.parent}")
        return
    if path.is_dir():
        raise UsageError(f"{option} {value}: is a directory; give a file name, e.g. {path / 'korpol.db'}")
    if not path.parent.is_dir():
        raise UsageError(f"{option} {value}: no such directory: {path.parent}")


def _cmd_export(args: argparse.Namespace, out: TextIO, activity: _Activity) -> int:
    if args.sqlite:
        _output("--sqlite", args.sqlite, folder=False)
    elif args.csv:
        _output("--csv", args.csv, folder=True)
    else:
        _output("--jsonl", args.jsonl, folder=False)
    corpus, code = _load(args.directory, args, activity)
    activity.what, activity.total = f"writing {args.sqlite or args.csv or args.jsonl}", 0
    if args.sqlite:
        written = [corpus.to_sqlite(args.sqlite)]
    elif args.csv:
        written = corpus.to_csv(args.csv)
    else:
        written = [corpus.save_jsonl(args.jsonl)]
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"{len(corpus)} documents exported", file=sys.stderr)
    return code


def _article_lines(corpus: Corpus, *, every: bool) -> list[str]:
    """One line per article (``every``, or a small folder), else a summary of the articles."""
    docs = list(corpus)
    if every or len(docs) <= LIST_AT_MOST:
        return [f"  {doc.id}  {doc.published or '(no date)'}  {doc.title or ''}".rstrip() for doc in docs]
    dates = sorted(doc.published for doc in docs if doc.published is not None)
    span = f"published {dates[0]} to {dates[-1]}" if dates else "none dated"
    undated = len(docs) - len(dates)
    failed = sum(1 for doc in docs if doc.errors)
    bits = [span]
    if dates and undated:
        bits.append(f"{undated} without a date")
    if failed:
        bits.append(f"{failed} with errors")
    return [f"  {', '.join(bits)} (--list shows one line per article)"]


def _cmd_summary(args: argparse.Namespace, out: TextIO, activity: _Activity) -> int:
    code = 0
    if getattr(args, "directory", None):
        corpus, code = _load(args.directory, args, activity)
        where = args.directory
    else:
        activity.what = "reading the bundled seed articles"
        corpus = load_seeds()
        where = "the bundled seed articles"
    activity.what, activity.total = "merging and tabling the records", 0
    out.write(f"korpol: {len(corpus)} articles from {where}\n\n")
    for line in _article_lines(corpus, every=getattr(args, "list", False)):
        out.write(line + "\n")
    out.write("\n" + format_records(corpus))
    return code


def _cmd_evaluate(args: argparse.Namespace, out: TextIO, activity: _Activity) -> int:
    try:  # imported on use: only this command needs the scorer, and an installation may lack it
        from korpol._evaluate import main as evaluate_main  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise KorpolError("the evaluate command is not available in this installation") from None
    activity.what = "evaluating"
    result = evaluate_main(list(args.args))
    return int(result or 0)


def _batch_options(command: argparse.ArgumentParser, published_help: str) -> None:
    command.add_argument("--published", type=_iso_date, metavar="DATE", help=published_help)
    command.add_argument(
        "--processes", type=_positive(int), metavar="N", help="parse in N worker processes (default: none)"
    )
    command.add_argument(
        "--timeout", type=_positive(float), metavar="SECONDS", help="the most time one article may take"
    )


class _Version(argparse.Action):
    """``--version``: read from the installed metadata only when asked (importing it is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(f"korpol {korpol.__version__}")
        parser.exit(0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="korpol",
        description="Typed, sourced records of arms deals, aid and agreements from news articles. "
        "Without a command: a summary of the bundled seed articles.",
    )
    parser.add_argument("--version", action=_Version, help="print korpol's version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = commands.add_parser("summary", help="tables of the records in the seeds or in DIR")
    summary.add_argument("directory", nargs="?", metavar="DIR", help="a folder of *.txt articles")
    summary.add_argument(
        "--list", action="store_true", help=f"one line per article (always for {LIST_AT_MOST} or fewer)"
    )
    _batch_options(summary, "default publication date")

    parse = commands.add_parser("parse", help="parse article files and print their records")
    parse.add_argument("files", nargs="+", metavar="FILE", help="article text files ('-' reads stdin)")
    parse.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    _batch_options(parse, "publication date YYYY-MM-DD for every file")

    export = commands.add_parser("export", help="parse a folder of articles and export the records")
    export.add_argument("directory", metavar="DIR", help="folder of *.txt articles (+ optional sidecars)")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", metavar="OUT.db", help="write an SQLite database")
    target.add_argument("--csv", metavar="OUTDIR", help="write one CSV file per record type")
    target.add_argument("--jsonl", metavar="OUT", help="write JSON Lines, one document per line")
    _batch_options(export, "default publication date")

    evaluate = commands.add_parser("evaluate", help="score korpol against annotated articles", add_help=False)
    evaluate.add_argument("args", nargs=argparse.REMAINDER)
    return parser


_COMMANDS: dict[str | None, Callable[[argparse.Namespace, TextIO, _Activity], int]] = {
    None: _cmd_summary,
    "summary": _cmd_summary,
    "parse": _cmd_parse,
    "export": _cmd_export,
    "evaluate": _cmd_evaluate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (``python -m korpol --help`` for usage)."""
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        # argparse.REMAINDER rejects options that come first ("evaluate --json DIR"):
        # the evaluate command parses its own arguments.
        args = argparse.Namespace(command="evaluate", args=argv[1:])
    else:
        args = parser.parse_args(argv)
    out = sys.stdout
    activity = _Activity()
    try:
        return _COMMANDS[args.command](args, out, activity)
    except KeyboardInterrupt:
        # (exports are atomic: an interrupted one leaves the previous file, or none)
        print(f"\nkorpol: interrupted while {activity.said()}; no partial output was written",
              file=sys.stderr)
        return 130
    except UsageError as exc:
        parser.exit(2, f"korpol: error: {exc}\n")
    except FileNotFoundError as exc:
        parser.exit(2, f"korpol: error: {exc}\n")
    except KorpolError as exc:
        parser.exit(1, f"korpol: error: {exc}\n")
    except BrokenPipeError:  # `korpol ... | head`: the reader left; not an error
        sys.stderr.close()
        return 0
    except OSError as exc:  # a full disk, a permission: said in one line, never a traceback
        parser.exit(1, f"korpol: error: {exc}\n")
    return 0  # pragma: no cover - parser.exit raises
