"""How fast is korpol, against its targets and against the tools an analyst would otherwise use?

Run from the repository root (peers are optional: ``pip install -e '.[bench]'``)::

    .venv/bin/python benchmarks/bench_parse.py              # everything, a few minutes
    .venv/bin/python benchmarks/bench_parse.py --quick      # smaller corpus and stream sizes
    .venv/bin/python benchmarks/bench_parse.py --profile    # + cProfile of parse() on ~1 MB
    .venv/bin/python benchmarks/bench_parse.py --stages     # only: where parse()'s time goes, per stage

What it measures, on ONE core (the process pins itself to one CPU where the OS allows):

* throughput of ``korpol.parse`` over a ~5 MB corpus: the seed articles (mojibake repaired)
  and the articles in ``benchmarks/data/``, repeated; MB are 10**6 bytes of UTF-8;
* latency of one ~3 KB article (``benchmarks/data/latency_3kb.txt``), best and median;
* ``import korpol`` in a fresh interpreter (best of 5), against a bare interpreter;
* peak RSS of a fresh process streaming a generated corpus through ``iter_parse``, at two
  corpus sizes: bounded memory means the two peaks are (nearly) the same;
* peers on a ~200 KB sample of the same corpus, korpol timed on the same sample in the same
  run: ``dateparser.search_dates(languages=['en'])``, ``quantulum3.parser.parse``, and spaCy
  NER only when an English pipeline is installed.

Machines of this kind drift up to 2x over minutes: compare the ratios printed in one run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import csv
import datetime as dt
import io
import os
import pathlib
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
SEEDS = ROOT / "seeds"
MB = 1_000_000

TARGET_MBPS = 5.0
TARGET_LATENCY_MS = 1.0
TARGET_IMPORT_MS = 150.0

Doc = tuple[str, dt.date | None]  # text, published


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def articles() -> list[Doc]:
    """The seeds (repaired, with their published dates) and the benchmark articles."""
    from korpol import repair
    from korpol._text import decode

    docs: list[Doc] = []
    with (SEEDS / "manifest.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#") and r[0] != "id"]
    for _id, name, _title, published in rows:
        text, _ = decode((SEEDS / name).read_bytes())
        docs.append((repair(text), dt.date.fromisoformat(published)))
    for path in sorted(DATA.glob("a*.txt")):
        docs.append((path.read_text(encoding="utf-8"), dt.date(2025, 1, 15)))
    return docs


def corpus(size: int) -> list[Doc]:
    """The articles repeated (in order) until they hold ``size`` bytes of UTF-8."""
    base = articles()
    out: list[Doc] = []
    total = 0
    while total < size:
        for doc in base:
            out.append(doc)
            total += len(doc[0].encode("utf-8"))
    return out


def nbytes(docs: list[Doc]) -> int:
    return sum(len(text.encode("utf-8")) for text, _ in docs)


def sample(docs: list[Doc], size: int) -> list[Doc]:
    out, total = [], 0
    for doc in docs:
        if total >= size:
            break
        out.append(doc)
        total += len(doc[0].encode("utf-8"))
    return out


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# ---------------------------------------------------------------- korpol


def korpol_parse_all(docs: list[Doc]) -> None:
    from korpol import parse

    for text, published in docs:
        parse(text, published=published)


def latency(runs: int) -> tuple[float, float]:
    from korpol import parse

    text = (DATA / "latency_3kb.txt").read_text(encoding="utf-8")
    published = dt.date(2025, 4, 2)
    parse(text, published=published)
    times = [timed(lambda: parse(text, published=published)) for _ in range(runs)]
    return min(times) * 1e3, statistics.median(times) * 1e3


def import_ms(runs: int = 5) -> tuple[float, float]:
    """(``import korpol`` timed inside a fresh interpreter, whole-process wall time minus a bare one)."""
    code = "import time; t = time.perf_counter(); import korpol; print(time.perf_counter() - t)"
    inside, extra = float("inf"), float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare = time.perf_counter() - start
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        inside = min(inside, float(done.stdout))
        extra = min(extra, wall - bare)
    return inside * 1e3, extra * 1e3


STREAM_SCRIPT = r"""
import datetime as dt, resource, sys, time
sys.path.insert(0, sys.argv[2])
import bench_parse as b
from korpol import iter_parse
size = int(float(sys.argv[1]) * 1_000_000)
base = b.articles()

def stream():  # a generated corpus, never held in memory: one article at a time
    total = 0
    while total < size:
        for text, published in base:
            yield (text, {"published": published.isoformat()})
            total += len(text.encode("utf-8"))

t = time.perf_counter()
n = sum(1 for _ in iter_parse(stream()))
elapsed = time.perf_counter() - t
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, elapsed)
"""


def stream_peak(size_mb: float) -> tuple[int, float, float]:
    """(documents, peak RSS in MB, seconds) of a fresh process streaming ``size_mb`` MB."""
    done = subprocess.run(
        [sys.executable, "-c", STREAM_SCRIPT, str(size_mb), str(ROOT / "benchmarks")],
        capture_output=True, text=True, check=True,
    )
    n, rss_kb, elapsed = done.stdout.split()
    return int(n), int(rss_kb) / 1024, float(elapsed)


# ---------------------------------------------------------------- peers


def peer_dateparser() -> Callable[[list[Doc]], None] | str:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return "not installed (pip install -e '.[bench]')"

    def run(docs: list[Doc]) -> None:
        for text, published in docs:
            settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time())} if published else {}
            search_dates(text, languages=["en"], settings=settings)

    return run


def peer_quantulum() -> Callable[[list[Doc]], None] | str:
    try:
        import logging
        import warnings

        with warnings.catch_warnings():  # "classifier dependencies not installed": it works without
            warnings.simplefilter("ignore")
            from quantulum3 import parser

        logging.getLogger("quantulum3").setLevel(logging.ERROR)  # it logs at import and per call
    except ImportError:
        return "not installed (pip install -e '.[bench]')"

    def run(docs: list[Doc]) -> None:
        for text, _ in docs:
            parser.parse(text)

    return run


def peer_spacy() -> Callable[[list[Doc]], None] | str:
    try:
        import spacy
    except ImportError:
        return "n/a: spaCy is not installed, and its English pipeline en_core_web_sm is not on PyPI"
    try:
        nlp = spacy.load("en_core_web_sm", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    except OSError:
        return "n/a: en_core_web_sm is not installed (it is not distributed on PyPI)"

    def run(docs: list[Doc]) -> None:
        for _ in nlp.pipe(text for text, _ in docs):
            pass

    return run


# ---------------------------------------------------------------- report


def row(name: str, value: str, target: str = "", verdict: str = "") -> str:
    return f"| {name:<44} | {value:>22} | {target:>12} | {verdict:<6} |"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def profile(docs: list[Doc], top: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    korpol_parse_all(docs)
    prof.disable()
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        print(f"\n--- cProfile of parse() on {nbytes(docs) / MB:.2f} MB, by {key} ---")
        lines = out.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print("\n".join(lines[start : start + top + 1]))


def stages(docs: list[Doc]) -> None:
    """Where parse()'s time goes: each stage timed on its own over ``docs`` (best of 3), in ms per article.

    The record rules are what remains of parse() once the text stages and scanners are taken out.
    """
    from korpol._mentions.companies import scan_companies
    from korpol._mentions.money import scan_money
    from korpol._mentions.people import scan_people
    from korpol._mentions.places import scan_places
    from korpol._mentions.quantity import scan_quantities
    from korpol._mentions.systems import scan_systems
    from korpol._mentions.time import scan_times
    from korpol._text import normalize
    from korpol._text.segment import segment

    texts = [(normalize(text).text, published) for text, published in docs]

    def best(fn: Callable[[], object]) -> float:
        return min(timed(fn) for _ in range(3)) * 1e3 / len(docs)

    parts = {
        "normalize (repair, offsets)": best(lambda: [normalize(t) for t, _ in docs]),
        "segment (sentences)": best(lambda: [list(segment(t)) for t, _ in texts]),
        "scan_places": best(lambda: [scan_places(t) for t, _ in texts]),
        "scan_people": best(lambda: [scan_people(t, published=p) for t, p in texts]),
        "scan_money": best(lambda: [scan_money(t) for t, _ in texts]),
        "scan_times": best(lambda: [scan_times(t, published=p) for t, p in texts]),
        "scan_quantities": best(lambda: [scan_quantities(t) for t, _ in texts]),
        "scan_systems": best(lambda: [scan_systems(t) for t, _ in texts]),
        "scan_companies": best(lambda: [scan_companies(t) for t, _ in texts]),
    }
    total = best(lambda: korpol_parse_all(docs))
    parts["record rules (the rest)"] = max(0.0, total - sum(parts.values()))
    kb = nbytes(docs) / len(docs) / 1000
    print(f"\nwhere the time goes: {len(docs)} articles of {kb:.1f} KB on average, "
          f"parse() {total:.2f} ms per article\n")
    print(f"| {'stage':<32} | {'ms/article':>10} | {'share':>6} |")
    print("|" + "-" * 34 + "|" + "-" * 12 + "|" + "-" * 8 + "|")
    for name, ms in parts.items():
        print(f"| {name:<32} | {ms:>10.3f} | {ms / total:>6.0%} |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size for throughput (default 5)")
    ap.add_argument("--peer-kb", type=float, default=200.0, help="sample size for the peers (default 200)")
    ap.add_argument("--stream-mb", default="25,100", help="two corpus sizes streamed (default 25,100)")
    ap.add_argument("--quick", action="store_true", help="--mb 1 --peer-kb 50 --stream-mb 5,20")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of parse() on ~1 MB")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--stages", action="store_true", help="only the per-stage split of parse(), then stop")
    args = ap.parse_args(argv)
    if args.quick:
        args.mb, args.peer_kb, args.stream_mb = 1.0, 50.0, "5,20"

    print(f"korpol benchmark, Python {sys.version.split()[0]}, {pin_one_core()}")
    if args.stages:
        korpol_parse_all(articles())  # warm up
        stages(articles())
        return
    docs = corpus(int(args.mb * MB))
    size = nbytes(docs)
    korpol_parse_all(docs[:20])  # warm up: reference data and patterns load on first use
    seconds = timed(lambda: korpol_parse_all(docs))
    mbps = size / MB / seconds
    best_ms, median_ms = latency(300)
    imp, imp_wall = import_ms()
    print(f"corpus: {len(docs)} articles, {size / MB:.2f} MB; parsed in {seconds:.2f} s\n")

    lines = [
        row("measure", "korpol", "target", ""),
        "|" + "-" * 46 + "|" + "-" * 24 + "|" + "-" * 14 + "|" + "-" * 8 + "|",
        row("parse() throughput, one core", f"{mbps:.2f} MB/s", f">= {TARGET_MBPS:g} MB/s",
            verdict(mbps >= TARGET_MBPS)),
        row("parse() of a 3 KB article, best / median", f"{best_ms:.2f} / {median_ms:.2f} ms",
            f"<= {TARGET_LATENCY_MS:g} ms", verdict(median_ms <= TARGET_LATENCY_MS)),
        row("import korpol (fresh interpreter, best of 5)", f"{imp:.0f} ms", f"<= {TARGET_IMPORT_MS:g} ms",
            verdict(imp <= TARGET_IMPORT_MS)),
        row("  (process wall time over a bare interpreter)", f"{imp_wall:.0f} ms"),
    ]
    small_mb, large_mb = (float(x) for x in args.stream_mb.split(","))
    peaks = []
    for mb in (small_mb, large_mb):
        n, rss, secs = stream_peak(mb)
        peaks.append(rss)
        lines.append(row(f"iter_parse peak RSS, {mb:g} MB streamed ({n} docs)",
                         f"{rss:.0f} MB in {secs:.0f} s"))
    growth = peaks[1] / peaks[0]
    lines.append(row(f"  peak RSS growth, {large_mb:g} MB vs {small_mb:g} MB", f"x{growth:.2f}",
                     "x1 (bounded)", verdict(growth < 1.10)))
    print("\n".join(lines))

    if not args.no_peers:
        peer_docs = sample(docs, int(args.peer_kb * 1000))
        peer_size = nbytes(peer_docs)
        ours = peer_size / MB / timed(lambda: korpol_parse_all(peer_docs))
        print(f"\npeers on the same {peer_size / 1000:.0f} KB sample ({len(peer_docs)} articles), "
              f"korpol {ours:.2f} MB/s on it:\n")
        print(f"| {'peer':<44} | {'MB/s':>10} | {'korpol is':>12} |")
        print("|" + "-" * 46 + "|" + "-" * 12 + "|" + "-" * 14 + "|")
        peers = [
            ("dateparser.search_dates(languages=['en'])", peer_dateparser()),
            ("quantulum3.parser.parse", peer_quantulum()),
            ("spaCy en_core_web_sm, NER only", peer_spacy()),
        ]
        for name, run in peers:
            if isinstance(run, str):
                print(f"| {name:<44} | {'-':>10} | {'-':>12} |  {run}")
                continue
            run(peer_docs[:2])  # first call loads models/data; not part of throughput
            peer = peer_size / MB / timed(lambda run=run: run(peer_docs))  # type: ignore[misc]
            print(f"| {name:<44} | {peer:>10.3f} | {ours / peer:>10.1f}x |")

    stages(articles())
    if args.profile:
        profile(sample(docs, MB), 25)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
