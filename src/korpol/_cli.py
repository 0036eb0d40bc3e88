"""The ``korpol`` command line: summaries, parsing and exports for a shell user.

Why this module exists: an analyst should see what korpol finds without
writing Python.  ``python -m korpol`` prints the records of the bundled seed
articles as readable tables; ``parse`` prints any article's records (table,
JSON or JSON Lines); ``export`` parses a directory into SQLite, CSV or JSON
Lines; ``evaluate`` scores korpol against annotated articles.

Exit codes: 0 success, 1 korpol could not finish (the message says why),
2 the command line is wrong (a missing file, a bad date, a bad option) —
the message names the offending path or value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from korpol import _pipeline
from korpol._corpus import Corpus, load_seeds, read_manifest, read_sidecar
from korpol._errors import KorpolError
from korpol._io.columns import AGREEMENTS, AID, DEALS, LEADERS, TIMELINE, Table
from korpol._io.display import clip, format_table

__all__ = ["Progress", "format_records", "main"]


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


# ---------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal stream; silent when the stream is not a TTY."""

    def __init__(self, stream: TextIO | None = None, *, width: int = 30) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.width = width
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled or total <= 1:
            return
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        line = f"\r[{bar}] {done}/{total} {clip(name, 40)}"
        self.stream.write(line.ljust(self.width + 60))
        if done >= total:
            self.stream.write("\r" + " " * (self.width + 60) + "\r")
        self.stream.flush()


# ---------------------------------------------------------------- commands


class UsageError(Exception):
    """A command-line mistake: exit code 2."""


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: use YYYY-MM-DD, e.g. 2024-10-24") from None


def _parse_files(paths: Sequence[str], published: dt.date | None, progress: Progress) -> Corpus:
    for name in paths:
        if name != "-" and not Path(name).is_file():
            what = "is a directory, not a file" if Path(name).is_dir() else "no such file"
            raise UsageError(f"{what}: {name}")
    docs = []
    for i, name in enumerate(paths):
        progress(i, len(paths), name)
        if name == "-":
            docs.append(_pipeline.parse(sys.stdin.buffer.read(), published=published, id="stdin"))
            continue
        path = Path(name)
        meta: dict[str, Any] = {"id": path.stem}
        meta.update(read_manifest(path.parent).get(path.name, {}))
        meta.update(read_sidecar(path.parent, path.name))
        if published is not None:
            meta["published"] = published
        docs.append(
            _pipeline.parse(
                path.read_bytes(),
                published=meta.get("published"),
                id=meta["id"],
                title=meta.get("title"),
                source=meta.get("source"),
            )
        )
    progress(len(paths), len(paths), "")
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):  # the same file name in two folders: keep them apart by path
        docs = [d.__class__.from_dict({**d.to_dict(), "id": p}) for d, p in zip(docs, paths, strict=True)]
    return Corpus(docs)


def _doc_heading(doc: Any) -> str:
    bits = [doc.id or "(no id)"]
    if doc.published:
        bits.append(f"published {doc.published}")
    if doc.title:
        bits.append(doc.title)
    heading = " — ".join(bits)
    return f"{heading}\n{'=' * min(len(heading), 100)}"


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _parse_files(args.files, args.published, Progress())
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
    return 0


def _load_dir(directory: str, published: dt.date | None) -> Corpus:
    if not Path(directory).is_dir():
        what = "is a file, not a directory" if Path(directory).exists() else "no such directory"
        raise UsageError(f"{what}: {directory}")
    corpus = Corpus.from_dir(directory, published=published, progress=Progress())
    if not len(corpus):
        raise UsageError(f"no *.txt files in {directory}")
    return corpus


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _load_dir(args.directory, args.published)
    if args.sqlite:
        written = [corpus.to_sqlite(args.sqlite)]
    elif args.csv:
        written = corpus.to_csv(args.csv)
    else:
        written = [corpus.save_jsonl(args.jsonl)]
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"{len(corpus)} documents exported", file=sys.stderr)
    return 0


def _cmd_summary(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "directory", None):
        corpus = _load_dir(args.directory, args.published)
        where = args.directory
    else:
        corpus = load_seeds()
        where = "the bundled seed articles"
    out.write(f"korpol: {len(corpus)} articles from {where}\n\n")
    for doc in corpus:
        out.write(f"  {doc.id}  {doc.published or '(no date)'}  {doc.title or ''}\n".rstrip() + "\n")
    out.write("\n" + format_records(corpus))
    return 0


def _cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    try:  # imported on use: only this command needs the scorer, and an installation may lack it
        from korpol._evaluate import main as evaluate_main  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise KorpolError("the evaluate command is not available in this installation") from None
    result = evaluate_main(list(args.args))
    return int(result or 0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="korpol",
        description="Typed, sourced records of arms deals, aid and agreements from news articles. "
        "Without a command: a summary of the bundled seed articles.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = commands.add_parser("summary", help="tables of the records in the seeds or in DIR")
    summary.add_argument("directory", nargs="?", metavar="DIR", help="a folder of *.txt articles")
    summary.add_argument("--published", type=_iso_date, metavar="DATE", help="default publication date")

    parse = commands.add_parser("parse", help="parse article files and print their records")
    parse.add_argument("files", nargs="+", metavar="FILE", help="article text files ('-' reads stdin)")
    parse.add_argument(
        "--published", type=_iso_date, metavar="DATE", help="publication date YYYY-MM-DD for every file"
    )
    parse.add_argument("--format", choices=("table", "json", "jsonl"), default="table")

    export = commands.add_parser("export", help="parse a folder of articles and export the records")
    export.add_argument("directory", metavar="DIR", help="folder of *.txt articles (+ optional sidecars)")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", metavar="OUT.db", help="write an SQLite database")
    target.add_argument("--csv", metavar="OUTDIR", help="write one CSV file per record type")
    target.add_argument("--jsonl", metavar="OUT", help="write JSON Lines, one document per line")
    export.add_argument("--published", type=_iso_date, metavar="DATE", help="default publication date")

    evaluate = commands.add_parser("evaluate", help="score korpol against annotated articles", add_help=False)
    evaluate.add_argument("args", nargs=argparse.REMAINDER)
    return parser


_COMMANDS: dict[str | None, Callable[[argparse.Namespace, TextIO], int]] = {
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
    try:
        return _COMMANDS[args.command](args, out)
    except UsageError as exc:
        parser.exit(2, f"korpol: error: {exc}\n")
    except FileNotFoundError as exc:
        parser.exit(2, f"korpol: error: {exc}\n")
    except KorpolError as exc:
        parser.exit(1, f"korpol: error: {exc}\n")
    except BrokenPipeError:  # `korpol ... | head`: the reader left; not an error
        sys.stderr.close()
        return 0
    return 0  # pragma: no cover - parser.exit raises
