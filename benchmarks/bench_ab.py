"""Is this change faster?  parse() of two korpol source trees, timed in turns, in one run.

This kind of machine drifts up to 2x over minutes, so a figure from yesterday's run says
little about today's change.  This script times two trees (say, a worktree of the last
release and the working copy) on the same corpus, alternating fresh processes, best of
``--rounds`` each, and prints the ratio::

    git worktree add /tmp/korpol-old v0.1.0
    .venv/bin/python benchmarks/bench_ab.py /tmp/korpol-old/src src

Each round runs every article of ``benchmarks/data/`` and the seeds (repaired) several
times in a fresh interpreter pinned to one CPU, after a warm-up parse of each article.
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

ROUND = r"""
import os, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[2])
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import bench_parse as b
from korpol import parse
docs = b.articles()
for text, published in docs:
    parse(text, published=published)
best = float("inf")
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    for text, published in docs:
        parse(text, published=published)
    best = min(best, time.perf_counter() - start)
print(best / len(docs), b.nbytes(docs) / len(docs))
"""


def one_round(src: pathlib.Path, repeats: int) -> tuple[float, float]:
    """(seconds per article, bytes per article) of ``src``'s parse(), best of ``repeats``."""
    done = subprocess.run(
        [sys.executable, "-c", ROUND, str(src.resolve()), str(ROOT / "benchmarks"), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, size = done.stdout.split()
    return float(seconds), float(size)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old", type=pathlib.Path, help="the src/ folder of the tree to compare against")
    ap.add_argument("new", type=pathlib.Path, help="the src/ folder of the tree under test")
    ap.add_argument("--rounds", type=int, default=5, help="fresh processes per tree (default 5)")
    ap.add_argument("--repeats", type=int, default=5, help="passes over the articles per process")
    args = ap.parse_args(argv)
    for src in (args.old, args.new):
        if not (src / "korpol" / "__init__.py").is_file():
            ap.error(f"{src} holds no korpol package (give the src/ folder of a tree)")
    best = {"old": float("inf"), "new": float("inf")}
    size = 0.0
    for _ in range(args.rounds):
        for name, src in (("old", args.old), ("new", args.new)):
            seconds, size = one_round(src, args.repeats)
            best[name] = min(best[name], seconds)
    print(
        f"articles of {size / 1000:.1f} KB on average; best of {args.rounds} rounds x {args.repeats} passes"
    )
    for name, src in (("old", args.old), ("new", args.new)):
        ms = best[name] * 1e3
        print(f"  {name}: {ms:.2f} ms per article, {size / best[name] / 1e6:.2f} MB/s  ({src})")
    print(f"  new is {best['old'] / best['new']:.2f}x the speed of old")


if __name__ == "__main__":
    main()
