"""Do the merges stay linear when one event is reported many times?

Run from the repository root::

    .venv/bin/python benchmarks/bench_merge_linear.py

For each merge (within one article: deployments, meetings, deal candidates; across a corpus:
deals and leaders) it times one event repeated n and 4n times and prints time(4n) / time(n):
linear is about 4, quadratic about 16.  A ratio above 8 is flagged.  (These were timed unit
tests; timings belong here, where a loaded machine cannot fail the suite.)
"""

from __future__ import annotations

import pathlib
import sys
import time
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import test_merging as t  # noqa: E402  (the tests' builders of repeated events)

from korpol import Corpus, Deployment, Document, Evidence, Leader, Meeting  # noqa: E402
from korpol._records.events import merge_deployments, merge_meetings  # noqa: E402
from korpol._records.merge import merge  # noqa: E402


def ratio(build: Callable[[int], Any], run: Callable[[Any], Any], n: int) -> tuple[float, float, float]:
    small_input, large_input = build(n), build(4 * n)
    small = large = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        run(small_input)
        small = min(small, time.perf_counter() - start)
        start = time.perf_counter()
        run(large_input)
        large = min(large, time.perf_counter() - start)
    return small, large, large / max(small, 1e-6)


def _deployments(n: int) -> list[Deployment]:
    return [
        Deployment(sender="KP", destination="RU", size=10_000, evidence=[t._evidence(i)]) for i in range(n)
    ]


def _meetings(n: int) -> list[Meeting]:
    people = ("Yoon Suk Yeol", "Andrzej Duda")
    return [Meeting(participants=people, parties=("KR", "PL"), evidence=[t._evidence(i)]) for i in range(n)]


def _leaders(n: int) -> Corpus:
    return Corpus(
        Document(
            id=f"a{i}",
            text="Duda",
            leaders=[
                Leader(
                    name="Andrzej Duda",
                    role="president",
                    country="PL",
                    evidence=[Evidence(doc_id=f"a{i}", start=0, end=4, text="Duda")],
                )
            ],
        )
        for i in range(n)
    )


CASES: list[tuple[str, Callable[[int], Any], Callable[[Any], Any], int]] = [
    ("deployments in one article", _deployments, merge_deployments, 2_000),
    ("meetings in one article", _meetings, merge_meetings, 2_000),
    ("deal candidates in one article", t._deal_candidates, merge, 4_000),
    ("one deal in many articles", lambda n: n, lambda n: t._same_deal_corpus(n).arms_deals(), 200),
    ("one leader in many articles", _leaders, lambda kb: Corpus(kb.documents).leaders(), 1_000),
]


def main() -> int:
    worst = 0.0
    for name, build, run, n in CASES:
        small, large, r = ratio(build, run, n)
        worst = max(worst, r)
        flag = "  <- more than linear" if r > 8 else ""
        print(f"{name:32} n={n:>5}: {small * 1e3:8.2f} ms, 4n: {large * 1e3:8.2f} ms, ratio {r:4.1f}{flag}")
    return 1 if worst > 8 else 0


if __name__ == "__main__":
    sys.exit(main())
