"""``korpol evaluate``: the evaluation as a command, for a shell user.

Why this module exists: ``python -m korpol evaluate DIR...`` is how an analyst scores
korpol without writing Python; the ``korpol`` command line hands its arguments here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from korpol._evaluate.gold import AnnotationError
from korpol._evaluate.report import annotated_pairs, evaluate

__all__ = [
    "main",
]


def _arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="korpol evaluate",
        description="Score korpol on annotated articles: <id>.txt + <id>.json pairs "
        "(schema in docs/evaluating.md). Prints precision/recall/F1 per record type and "
        "field accuracy; the last line is 'overall F1 <x>'.",
    )
    parser.add_argument("corpus_dirs", nargs="+", metavar="CORPUS_DIR",
                        help="a directory of <id>.txt + <id>.json pairs")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--show-errors", action="store_true",
                        help="list missed and spurious records and wrong fields per article")
    return parser


def main(argv: list[str] | None = None) -> int:
    """``korpol evaluate CORPUS_DIR... [--json] [--show-errors]``; returns the exit code.

    0 on success, 2 for a usage error (a missing directory, a directory with no
    annotated articles), 1 for a malformed annotation file.
    """
    parser = _arg_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    dirs = [Path(d) for d in args.corpus_dirs]
    for d in dirs:
        try:
            found = next(annotated_pairs(d), None)
        except OSError as exc:
            parser.print_usage(sys.stderr)
            print(f"korpol evaluate: error: {exc}", file=sys.stderr)
            return 2
        if found is None:
            parser.print_usage(sys.stderr)
            print(f"korpol evaluate: error: no annotated articles (<id>.txt + <id>.json) in {d}",
                  file=sys.stderr)
            return 2
    try:
        report = evaluate(dirs)
    except AnnotationError as exc:
        print(f"korpol evaluate: error: malformed annotation: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_dict(errors=args.show_errors), indent=2, ensure_ascii=False))
    else:
        print(report.format(errors=args.show_errors))
    return 0
