"""Does parse time grow linearly with input size, on news and on adversarial inputs?

Run from the repository root::

    .venv/bin/python benchmarks/bench_linear.py                  # doubling table, ~1 minute
    .venv/bin/python benchmarks/bench_linear.py --max-kb 256     # smaller/larger top size
    .venv/bin/python benchmarks/bench_linear.py --regex-audit    # every korpol pattern, alone

The doubling table parses each input at sizes n, 2n, 4n, ... (one document each) and prints
the time of each size and the ratio to the previous one: linear time shows ratios near 2,
quadratic time ratios near 4.  ``--regex-audit`` records every pattern korpol compiles while
parsing a few articles, then runs each one with ``finditer`` over repetitive strings at sizes
n and 4n and lists those whose time grows more than 8x (the backtracking suspects).  A
suspect used only with ``.match`` at one position is bounded by the match length, so check
how each listed pattern is used before calling it a bug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import pathlib
import re
import sys
import time
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
PUBLISHED = dt.date(2024, 10, 24)


def news_unit() -> str:
    paths = sorted((ROOT / "benchmarks" / "data").glob("a*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


COUNTRIES = ("Poland", "South Korea", "Ukraine", "Japan", "Germany", "the United States", "Romania", "Norway")

# name -> the repeated unit.  Each one stresses a stage: money, numbers, sentence ends,
# abbreviations, names, one endless sentence, markup.
INPUTS: dict[str, Callable[[], str]] = {
    "news (benchmarks/data)": news_unit,
    "digits": lambda: "7",
    "digits and spaces": lambda: "1 ",
    "digit groups '1,'": lambda: "1,",
    "decimal points '1.'": lambda: "1.",
    "dollars": lambda: "$",
    "commas": lambda: ",",
    "dots": lambda: ".",
    "'billion '": lambda: "billion ",
    "'$1 billion '": lambda: "$1 billion ",
    "'trillion won '": lambda: "trillion won ",
    "years '2022 '": lambda: "2022 ",
    "dates 'Oct. 24, '": lambda: "Oct. 24, ",
    "abbreviations 'U.S. '": lambda: "U.S. ",
    "titles 'Mr. Gen. '": lambda: "Mr. Gen. ",
    "capitalised 'Kim Lee '": lambda: "Kim Lee ",
    "countries, one sentence": lambda: ", ".join(COUNTRIES) + ", ",
    "countries and money": lambda: " and ".join(f"{c} ($1 billion)" for c in COUNTRIES) + " and ",
    "open parens": lambda: "(",
    "one long word": lambda: "a",
    "whitespace": lambda: " \n\t",
    "html": lambda: '<p class="x">Poland <b>signed</b> a $6.5&nbsp;billion deal.</p>',
}


def best_time(text: str, repeats: int) -> float:
    from korpol import parse

    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        parse(text, published=PUBLISHED)
        best = min(best, time.perf_counter() - start)
    return best


def doubling(max_kb: float, steps: int, repeats: int) -> None:
    from korpol import parse

    parse("Poland bought 180 K2 tanks from South Korea for $3.4 billion last year.", published=PUBLISHED)
    sizes = [int(max_kb * 1000) >> k for k in range(steps - 1, -1, -1)]
    head = " | ".join(f"{s // 1000:>5} KB" for s in sizes)
    print(f"| {'input':<26} | {head} | ratios (each size / previous; 2 = linear, 4 = quadratic)")
    print("|" + "-" * 28 + "|" + "-" * (len(head) + 2) + "|" + "-" * 40)
    worst = ("", 0.0)
    for name, make in INPUTS.items():
        unit = make()
        times = []
        for size in sizes:
            text = unit * max(1, size // len(unit))
            times.append(best_time(text, repeats))
        ratios = [b / max(a, 1e-6) for a, b in itertools.pairwise(times)]
        cells = " | ".join(f"{t * 1e3:>6.0f}ms" if t >= 0.01 else f"{t * 1e3:>6.1f}ms" for t in times)
        flag = "   <-- super-linear?" if ratios and ratios[-1] > 3 else ""
        print(f"| {name:<26} | {cells} | " + " ".join(f"{r:.2f}" for r in ratios) + flag, flush=True)
        if ratios and ratios[-1] > worst[1]:
            worst = (name, ratios[-1])
    print(f"\nworst last-step ratio: {worst[1]:.2f} ({worst[0]})")


# ---------------------------------------------------------------- regex audit

AUDIT_UNITS = [
    ".", "1", ",", " ", "\n", "a", "A", "$", "(", ")", "-", "'", '"', "/", "\u201c", "\u2014",
    "1,", "1.", "A.", "a.", "1 ", "A ", "Aa ", "20", "KR", "K-", "U.S.", "Kim ", "$1 ", "1-", " -",
    "1,000,", "of the ", "Mr. ", "Oct. ", "2022 ", "and ", ", ",
]


def record_patterns() -> dict[tuple[str, int], re.Pattern[str]]:
    """Every pattern compiled by a korpol module while a few articles are parsed."""
    seen: dict[tuple[str, int], re.Pattern[str]] = {}
    original = re.compile

    def recording(pattern: Any, flags: int = 0) -> Any:
        compiled = original(pattern, flags)
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if isinstance(pattern, str) and caller.startswith("korpol"):
            seen.setdefault((pattern, int(flags)), compiled)
        return compiled

    re.compile = recording  # type: ignore[assignment]
    try:
        from korpol import parse

        parse(news_unit(), published=PUBLISHED)
        parse("WARSAW, Oct. 24 (Yonhap) -- Mr. Yoon said.\n\nPhoto by Kim / Yonhap", published=PUBLISHED)
        for data in (b"\xef\xbb\xbfabc", "\ud55c\uad6d".encode("cp949"), "caf\u00e9".encode("cp1252")):
            parse(data)
    finally:
        re.compile = original  # type: ignore[assignment]
    return seen


def regex_audit(size: int) -> None:
    seen = record_patterns()
    print(f"{len(seen)} patterns compiled by korpol modules; finditer over unit * k, k for {size // 4} "
          f"and {size} chars:\n")
    suspects = 0
    for (pattern, flags), compiled in seen.items():
        worst: tuple[float, float, str] = (0.0, 0.0, "")
        for unit in AUDIT_UNITS:
            times = []
            for n in (size // 4, size):
                text = unit * max(1, n // len(unit))
                start = time.perf_counter()
                for _ in compiled.finditer(text):
                    pass
                times.append(time.perf_counter() - start)
            ratio = times[1] / max(times[0], 1e-5)
            if times[1] > 0.01 and ratio > 8 and ratio > worst[0]:
                worst = (ratio, times[1], unit)
        if worst[0]:
            suspects += 1
            shown = pattern if len(pattern) <= 160 else pattern[:157] + "..."
            where = f"{worst[1] * 1e3:5.0f} ms at {size} chars of {worst[2]!r}"
            print(f"x{worst[0]:5.1f} ({where}) flags={flags}: {shown}")
    print(f"\n{suspects} suspect(s)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-kb", type=float, default=512.0, help="largest input (default 512 KB)")
    ap.add_argument("--steps", type=int, default=4, help="number of doublings (default 4)")
    ap.add_argument("--repeats", type=int, default=2, help="best of N runs per size (default 2)")
    ap.add_argument("--regex-audit", action="store_true", help="audit every korpol pattern instead")
    ap.add_argument("--audit-size", type=int, default=4000, help="largest audit string (default 4000)")
    args = ap.parse_args(argv)
    if args.regex_audit:
        regex_audit(args.audit_size)
    else:
        doubling(args.max_kb, args.steps, args.repeats)


if __name__ == "__main__":
    main()
