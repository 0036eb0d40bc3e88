"""Benchmark korpol's money/time/quantity extractors and text repair against their peers.

Peers (the `bench` extra: ``pip install -e '.[bench]'``): price-parser (money),
quantulum3 (money, quantities), dateparser.search_dates (dates, English, with
RELATIVE_BASE = the published date) and ftfy (text repair).  A peer that is not
installed is reported and skipped.

Accuracy is measured on the example tables of tests/test_money.py,
tests/test_time.py and tests/test_quantity.py (rows written for korpol, news-shaped).
korpol is scored strictly (every field of every value must match the row);
peers leniently (money: same set of amounts, whatever the qualifier, range or
link; dates: each found date falls inside the expected span, so an invented
day inside "2022" counts as right; quantities: same values, any unit).
Speed is measured on the seed articles repeated to about 1 MB (peers that are
two orders of magnitude slower run on a slice, which the table states).

Run:  .venv/bin/python benchmarks/bench_extractors.py
"""

from __future__ import annotations

import datetime as dt
import glob
import importlib
import importlib.util
import os
import re
import sys
import time
import warnings
from collections.abc import Callable
from decimal import Decimal
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "src"))
warnings.filterwarnings("ignore")

from tests import test_money, test_quantity, test_time  # noqa: E402

from korpol._mentions.money import find_money  # noqa: E402
from korpol._mentions.quantity import find_quantities  # noqa: E402
from korpol._mentions.time import find_times  # noqa: E402
from korpol._refdata.currencies import currency_lexicon  # noqa: E402
from korpol._text import repair  # noqa: E402

TARGET_BYTES = 1_000_000


def _peer(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        print(f"  [skip] {name} is not installed (pip install -e '.[bench]')")
        return None


def _corpus() -> tuple[list[str], str]:
    files = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    docs = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            docs.append(fh.read())
    size = sum(len(d.encode()) for d in docs)
    repeated = docs * max(1, TARGET_BYTES // size)
    return repeated, "\n\n".join(docs)


def _rate(fn: Callable[[str], object], docs: list[str], max_bytes: int | None = None) -> tuple[float, int]:
    chosen, total = [], 0
    for d in docs:
        if max_bytes is not None and total >= max_bytes:
            break
        chosen.append(d)
        total += len(d.encode())
    fn(chosen[0])  # warm up: compile patterns, load data
    t = time.perf_counter()
    for d in chosen:
        fn(d)
    return total / 1e6 / (time.perf_counter() - t), total


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


# ---------------------------------------------------------------- expected values from the tables


def _money_expected(expected: tuple[str, ...]) -> list[tuple[Decimal, str]]:
    out = []
    for item in expected:
        for part in item.split(" = "):
            cur, amount = part.split()[:2]
            out.append((Decimal(amount.split("-")[0]), cur))
    return sorted(out)


def _span_of(expected: str) -> tuple[dt.date, dt.date] | None:
    head, _, rest = expected.partition(" ")
    body = rest if head in ("since", "until", "by", "before", "after") else expected
    if body.startswith("'"):
        return None
    if ".." in body:
        a, b = body.split("..")
        return dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    if re.fullmatch(r"\d{4}-\d{4}", body):
        return dt.date(int(body[:4]), 1, 1), dt.date(int(body[5:]), 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", body):
        d = dt.date.fromisoformat(body)
        return d, d
    if re.fullmatch(r"\d{4}-\d{2}", body):
        y, m = int(body[:4]), int(body[5:])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    y = int(body)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


# ---------------------------------------------------------------- accuracy


def money_accuracy() -> dict[str, tuple[int, int]]:
    rows = test_money.TABLE
    scores: dict[str, tuple[int, int]] = {}
    ok = sum(tuple(test_money.describe(m) for m in find_money(r.text)) == r.expected for r in rows)
    scores["korpol"] = (ok, len(rows))
    forms = currency_lexicon().forms
    price_parser = _peer("price_parser")
    if price_parser is not None:
        ok = 0
        for r in rows:
            p = price_parser.Price.fromstring(r.text)
            found = [] if p.amount is None else [(Decimal(p.amount), forms.get(p.currency or "", ("?",))[0])]
            ok += sorted(found) == _money_expected(r.expected)
        scores["price-parser"] = (ok, len(rows))
    quantulum = _peer("quantulum3.parser")
    if quantulum is not None:
        ok = 0
        for r in rows:
            found = []
            for q in quantulum.parse(r.text):
                if q.unit.entity.name == "currency":
                    value = abs(Decimal(str(q.value))).normalize()
                    found.append((value, getattr(q.unit, "currency_code", "?")))
            expected = [(a.normalize(), c) for a, c in _money_expected(r.expected)]
            ok += sorted(found) == sorted(expected)
        scores["quantulum3"] = (ok, len(rows))
    return scores


def time_accuracy() -> dict[str, tuple[int, int]]:
    rows = test_time.TABLE
    scores: dict[str, tuple[int, int]] = {}
    ok = sum(tuple(str(t) for t in find_times(r.text, published=r.published)) == r.expected for r in rows)
    scores["korpol"] = (ok, len(rows))
    search = _peer("dateparser.search")
    if search is not None:
        ok = 0
        for r in rows:
            base = dt.datetime.combine(r.published or dt.date(2024, 10, 30), dt.time())
            settings = {"RELATIVE_BASE": base} if r.published else {}
            found = search.search_dates(r.text, languages=["en"], settings=settings) or []
            spans = [_span_of(e) for e in r.expected]
            good = len(found) == len(spans) and all(
                s is not None and s[0] <= d.date() <= s[1] for (_, d), s in zip(found, spans, strict=False)
            )
            ok += good
        scores["dateparser"] = (ok, len(rows))
    return scores


def quantity_accuracy() -> dict[str, tuple[int, int]]:
    rows = test_quantity.TABLE
    scores: dict[str, tuple[int, int]] = {}
    ok = sum(tuple(test_quantity.describe(q) for q in find_quantities(r.text)) == r.expected for r in rows)
    scores["korpol"] = (ok, len(rows))
    quantulum = _peer("quantulum3.parser")
    if quantulum is not None:
        ok = 0
        for r in rows:
            found = sorted(
                int(q.value) for q in quantulum.parse(r.text)
                if q.unit.entity.name not in ("currency", "dimensionless") or q.unit.name == "dimensionless"
                if q.unit.name != "percentage" and float(q.value).is_integer()
            )
            ok += found == sorted(int(e.split()[0]) for e in r.expected)
        scores["quantulum3"] = (ok, len(rows))
    return scores


def repair_accuracy(sample: str) -> dict[str, tuple[int, int]]:
    """Mojibake markers (EUC-KR read as Latin-1, UTF-8 read as cp1252) left after repair."""
    markers = ("¡¯", "¡°", "¡±", "¨Ï", "â€™", "â€œ", "Ã")
    before = sum(sample.count(m) for m in markers)
    scores = {"korpol": (before - sum(repair(sample).count(m) for m in markers), before)}
    ftfy = _peer("ftfy")
    if ftfy is not None:
        scores["ftfy"] = (before - sum(ftfy.fix_text(sample).count(m) for m in markers), before)
    return scores


# ---------------------------------------------------------------- speed


def speeds(docs: list[str]) -> dict[str, dict[str, tuple[float, int]]]:
    published = dt.date(2024, 10, 23)
    out: dict[str, dict[str, tuple[float, int]]] = {"money": {}, "time": {}, "quantity": {}, "repair": {}}
    out["money"]["korpol"] = _rate(find_money, docs)
    out["time"]["korpol"] = _rate(lambda d: find_times(d, published=published), docs)
    out["quantity"]["korpol"] = _rate(find_quantities, docs)
    out["repair"]["korpol"] = _rate(repair, docs)
    price_parser = importlib.util.find_spec("price_parser") and importlib.import_module("price_parser")
    if price_parser:
        out["money"]["price-parser"] = _rate(
            lambda d: [price_parser.Price.fromstring(s) for s in _sentences(d)], docs, 200_000)
    if importlib.util.find_spec("quantulum3"):
        from quantulum3 import parser as qp

        rate = _rate(lambda d: [qp.parse(s) for s in _sentences(d)], docs, 20_000)
        out["money"]["quantulum3"] = rate
        out["quantity"]["quantulum3"] = rate
    if importlib.util.find_spec("dateparser"):
        from dateparser.search import search_dates

        base = dt.datetime.combine(published, dt.time())
        out["time"]["dateparser"] = _rate(
            lambda d: search_dates(d, languages=["en"], settings={"RELATIVE_BASE": base}), docs, 40_000)
    if importlib.util.find_spec("ftfy"):
        import ftfy

        out["repair"]["ftfy"] = _rate(ftfy.fix_text, docs, 300_000)
    return out


def main() -> None:
    docs, seeds = _corpus()
    print(f"corpus: {len(docs)} seed documents, {sum(len(d.encode()) for d in docs) / 1e6:.2f} MB\n")
    accuracy = {
        "money": money_accuracy(),
        "time": time_accuracy(),
        "quantity": quantity_accuracy(),
        "repair": repair_accuracy(seeds),
    }
    speed = speeds(docs)
    header = (f"{'task':9} {'tool':13} {'accuracy':>15} {'MB/s':>9} {'bytes timed':>12} "
              f"{'korpol/peer acc':>16} {'korpol/peer speed':>18}")
    print(header)
    print("-" * len(header))
    for task in ("money", "time", "quantity", "repair"):
        tools = sorted(set(accuracy[task]) | set(speed[task]), key=lambda t: (t != "korpol", t))
        k_ok, k_n = accuracy[task].get("korpol", (0, 1))
        k_speed = speed[task].get("korpol", (0.0, 0))[0]
        for tool in tools:
            ok, n = accuracy[task].get(tool, (0, 0))
            mbs, nbytes = speed[task].get(tool, (float("nan"), 0))
            acc = f"{ok}/{n} ({100 * ok / n:.0f}%)" if n else "-"
            if tool == "korpol":
                ratio_acc = ratio_speed = ""
            else:
                ratio_acc = f"{(k_ok / k_n) / (ok / n):.1f}x" if n and ok else ("inf" if n else "-")
                ratio_speed = f"{k_speed / mbs:.0f}x" if mbs == mbs and mbs > 0 else "-"
            print(f"{task:9} {tool:13} {acc:>15} {mbs:>9.3f} {nbytes:>12,} {ratio_acc:>16} {ratio_speed:>18}")
    print("\nkorpol is scored strictly, peers leniently (see the module docstring).")


if __name__ == "__main__":
    main()
