"""A fault-and-fuzz pass over korpol: generated inputs, killed exports, dead workers, hostile files.

Run from the repository root (the full pass is the one issue 14 reports: ~220,000 inputs)::

    .venv/bin/python benchmarks/fuzz.py                       # everything, ~30-60 min on 2 cores
    .venv/bin/python benchmarks/fuzz.py --quick               # a few minutes: 20,000 inputs, fewer kills
    .venv/bin/python benchmarks/fuzz.py --only parse --inputs 5000 --processes 2
    .venv/bin/python benchmarks/fuzz.py --only kills,workers,hostile,growth

Every part prints what it tried and what broke, and the script ends with one table of figures
(and exits 1 when anything broke):

* **parse** -- generated inputs (random Unicode with lone surrogates and controls, mutated news,
  news as bytes in 22 encodings and random bytes) through ``iter_parse`` with worker processes
  and a time limit: no item may fail or time out, every evidence span must quote the text
  exactly, and every 25th document must round-trip through JSON (``\\u`` escapes) and JSON Lines;
* **seeds** -- the first 2,000 inputs parsed under four hash seeds give the same JSON;
* **kills** -- exports (JSON Lines, CSV, SQLite) into one folder, each killed with SIGKILL at a
  random moment: no file may be half-written, no CSV set may mix two exports, and the next
  export must leave no temporary file behind;
* **workers** -- batches whose worker processes die (``os._exit`` while parsing chosen items,
  and SIGKILL of random workers from outside): only the items that killed a worker may fail,
  and every other document must be the one ``parse`` gives;
* **hostile** -- JSON Lines files, sidecars and manifests mutated at random: ``load_jsonl`` may
  only load them or raise a ``KorpolError``, fast; ``Corpus.from_dir`` and ``korpol export`` may
  never raise nor print a traceback (hostile SQLite files are another part's test);
* **growth** -- time(4n) / time(n) for adversarial inputs of one document and for corpus merges
  (4 = linear, 16 = quadratic).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import logging
import multiprocessing
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import korpol  # noqa: E402  (after the path is set)
from korpol import Corpus, Document, KorpolError, iter_parse, load_jsonl, parse  # noqa: E402
from korpol._text import without_surrogates  # noqa: E402

PUBLISHED = dt.date(2024, 10, 24)
FIGURES: dict[str, str] = {}
BROKE: list[str] = []


def note(key: str, value: Any) -> None:
    FIGURES[key] = str(value)


def broke(what: str) -> None:
    BROKE.append(what)
    print(f"  BROKE: {what}", flush=True)


# ---------------------------------------------------------------- the inputs


def _articles() -> list[str]:
    found = []
    for folder in [ROOT / "benchmarks" / "data", ROOT / "seeds", *sorted(ROOT.glob("tests/corpus*"))]:
        for path in sorted(folder.glob("*.txt")):
            found.append(path.read_text(encoding="utf-8", errors="replace"))
    return found


ARTICLES = _articles()

ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp949", "euc-kr", "cp1252",
    "latin-1", "iso-8859-2", "iso-8859-15", "cp1250", "cp1251", "koi8-r", "shift_jis", "gb2312", "big5",
    "mac-roman", "cp437", "utf-7", "ascii",
)

FRAGMENTS = (
    "Poland", "South Korea", "Seoul", "Warsaw", "K2", "K9", "tanks", " signed ", " agreed to buy ", "$",
    "$3.4 billion", "3.4", "billion", "won", "trillion won", "USD", "€", "EUR 2bn", "2022", "last year",
    "on Friday", "next month", "President Yoon", "Duda", "North Korea sent 10,000 troops to Russia.",
    "pledged $100 million in aid to Ukraine", "memorandum of understanding", "Hanwha", ". ", ", ", "\n\n",
    "U.S.", "Mr.", "(Yonhap)", "--", "Â€™", "¡¯", "\ufeff", "\u200f", "\u202e", "\x00", "\r\n", "\u2028",
)


def random_unicode(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(FRAGMENTS))
        elif roll < 0.5:
            parts.append(chr(rng.randint(0xD800, 0xDFFF)))  # a lone surrogate
        elif roll < 0.75:
            parts.append(chr(rng.randint(0x20, 0x7E)) * rng.randint(1, 4))
        else:
            point = rng.randint(0, 0x10FFFF)
            parts.append(chr(point))
    return "".join(parts)


def mutated_news(rng: random.Random) -> str:
    text = rng.choice(ARTICLES)
    for _ in range(rng.randint(1, 8)):
        if not text:
            break
        at = rng.randrange(len(text))
        span = rng.randint(1, 200)
        kind = rng.randrange(7)
        if kind == 0:
            text = text[:at] + text[at + span :]
        elif kind == 1:
            text = text[:at] + text[at : at + span] * rng.randint(2, 5) + text[at:]
        elif kind == 2:
            text = text[:at] + random_unicode(rng) + text[at:]
        elif kind == 3:
            text = text[:at] + text[at : at + span].swapcase() + text[at + span :]
        elif kind == 4:
            text = re.sub(r"\d", lambda m: str(rng.randrange(10)), text)
        elif kind == 5:  # mojibake: UTF-8 bytes read as CP1252
            raw = text[at : at + span].encode("utf-8", errors="surrogatepass")
            piece = raw.decode("cp1252", errors="replace")
            text = text[:at] + piece + text[at + span :]
        else:
            text = text[:at] + rng.choice(FRAGMENTS) * rng.randint(1, 50) + text[at:]
    return text[:6000]


def encoded_bytes(rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    text = mutated_news(rng) if roll < 0.7 else rng.choice(ARTICLES)
    data = without_surrogates(text).encode(rng.choice(ENCODINGS), errors="replace")
    if rng.random() < 0.2:
        data = data[: rng.randint(0, len(data))]  # cut, maybe inside a character
    return data


def inputs(n: int, seed: int) -> Iterator[tuple[str, str | bytes]]:
    """(kind, input) for n inputs, the same for the same seed."""
    makers: list[tuple[str, Callable[[random.Random], str | bytes]]] = [
        ("random Unicode", random_unicode), ("mutated news", mutated_news), ("bytes", encoded_bytes)
    ]
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        kind, make = makers[i % 3]
        yield kind, make(rng)


def span_problems(doc: Document) -> list[str]:
    problems = []
    for record in doc.records:
        for ev in record.evidence:
            if doc.text[ev.start : ev.end] != ev.text:
                problems.append(f"evidence {ev.start}:{ev.end} does not quote the text")
    for m in doc.mentions:
        if not 0 <= m.start <= m.end <= len(doc.text) or doc.text[m.start : m.end] != m.text:
            problems.append(f"mention {m.start}:{m.end} does not quote the text")
    return problems


# ---------------------------------------------------------------- parse


def part_parse(n: int, processes: int, timeout: float, seed: int) -> None:
    print(f"\n== parse: {n:,} generated inputs, {processes} processes, {timeout:g} s per input", flush=True)
    kinds: Counter[str] = Counter()
    failed = timed_out = spans = trips = 0
    made: list[tuple[str, str | bytes]] = []

    def feed() -> Iterator[str | bytes]:
        for kind, data in inputs(n, seed):
            made.append((kind, data))
            yield data

    start = time.perf_counter()
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="korpol-fuzz-"))
    try:
        stream = iter_parse(feed(), processes=processes, timeout=timeout, chunksize=32)
        for i, doc in enumerate(stream):
            kind, data = made[i]
            made[i] = ("", "")  # (memory stays flat)
            kinds[kind] += 1
            if doc.errors:
                if any("TimeoutError" in e for e in doc.errors):
                    timed_out += 1
                else:
                    failed += 1
                if failed + timed_out <= 5:
                    broke(f"input {i} ({kind}): {doc.errors[0][:200]}")
            if isinstance(data, str) and doc.text != without_surrogates(data):
                broke(f"input {i} ({kind}): the document's text is not the input")
            problems = span_problems(doc)
            if problems:
                spans += 1
                if spans <= 5:
                    broke(f"input {i} ({kind}): {problems[0]}")
            if i % 25 == 0:
                again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
                path = tmp / "one.jsonl"
                korpol.save_jsonl([doc], path)
                if again != doc or load_jsonl(path)[0] != doc:
                    trips += 1
                    broke(f"input {i} ({kind}): the JSON round trip changed the document")
            if (i + 1) % 20_000 == 0:
                print(f"  {i + 1:,} inputs, {time.perf_counter() - start:.0f} s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    took = time.perf_counter() - start
    total = sum(kinds.values())
    print(f"  {total:,} inputs ({', '.join(f'{v:,} {k}' for k, v in kinds.items())}) in {took:.0f} s; "
          f"{failed} failed, {timed_out} timed out, {spans} with a wrong span, {trips} round trips broken")
    note("inputs fuzzed", f"{total:,} ({failed} failed, {timed_out} hung, {spans} span errors, "
                          f"{trips} round-trip errors)")


def part_seeds(n: int, seed: int) -> None:
    print(f"\n== hash seeds: the first {n:,} inputs under PYTHONHASHSEED 0, 1, 2, 3", flush=True)
    digests = set()
    for hash_seed in range(4):
        env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
        done = subprocess.run(
            [sys.executable, __file__, "--digest", str(n), "--seed", str(seed)],
            capture_output=True, text=True, env=env, check=True,
        )
        digests.add(done.stdout.strip())
    if len(digests) != 1:
        broke(f"the output depends on the hash seed: {sorted(digests)}")
    note("hash seeds", f"4 seeds x {n:,} inputs: {'same output' if len(digests) == 1 else 'DIFFERENT'}")


def digest(n: int, seed: int) -> str:
    total = hashlib.sha256()
    for _kind, data in inputs(n, seed):
        total.update(json.dumps(parse(data, published=PUBLISHED).to_dict(), sort_keys=True).encode())
    return total.hexdigest()


# ---------------------------------------------------------------- kills during exports

_EXPORT_CHILD = r"""
import pathlib, sys
sys.path.insert(0, sys.argv[1])
from korpol import Corpus, Document
import json
base, folder, gen = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), sys.argv[4]
docs = [Document.from_dict(json.loads(line.replace("GEN-", f"g{gen}-")))
        for line in base.read_text(encoding="utf-8").splitlines()]
kb = Corpus(docs)
kb.arms_deals(), kb.aid_packages(), kb.agreements()  # (merged before the writing starts)
print("ready", flush=True)
kb.save_jsonl(folder / "kb.jsonl")
kb.to_csv(folder / "csv")
kb.to_sqlite(folder / "kb.db")
"""

CSV_FILES = ("documents.csv", "arms_deals.csv", "aid_packages.csv", "agreements.csv", "leaders.csv",
             "reports.csv")


def _generations(text: str) -> set[str]:
    return set(re.findall(r"\bg(\d+)-\d", text))


def _export_state(folder: pathlib.Path) -> list[str]:
    """What is wrong in the folder after a kill (nothing, when the exports are atomic)."""
    wrong = []
    csv_dir = folder / "csv"
    present = {n: _generations((csv_dir / n).read_text(encoding="utf-8")) for n in CSV_FILES
               if (csv_dir / n).exists()}
    if any(len(g) > 1 for g in present.values()):
        wrong.append(f"a CSV file mixes exports: {present}")
    if len(set().union(*present.values()) if present else set()) > 1:
        wrong.append(f"CSV files of two exports side by side: {present}")
    if "reports.csv" in present and len(present) < len(CSV_FILES):
        wrong.append("reports.csv without its whole set")
    if 0 < len(present) < len(CSV_FILES) and not (csv_dir / "_INCOMPLETE_EXPORT.txt").exists():
        wrong.append("an incomplete CSV set without its note")
    if (folder / "kb.jsonl").exists():
        try:
            gens = {g for doc in load_jsonl(folder / "kb.jsonl") for g in _generations(doc.id or "")}
            if len(gens) != 1:
                wrong.append(f"kb.jsonl holds {gens}")
        except KorpolError as exc:
            wrong.append(f"kb.jsonl is broken: {exc}")
    if (folder / "kb.db").exists():
        try:
            Corpus.from_sqlite(folder / "kb.db")
        except Exception as exc:
            wrong.append(f"kb.db is broken: {type(exc).__name__}: {exc}")
    return wrong


def part_kills(kills: int, seed: int, src: pathlib.Path = ROOT / "src") -> None:
    print(f"\n== kills: {kills} exports (JSON Lines, CSV, SQLite) killed with SIGKILL at random", flush=True)
    rng = random.Random(seed)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="korpol-kills-"))
    try:
        docs = [parse(text, id=f"GEN-{i}", published=PUBLISHED) for i, text in enumerate(ARTICLES * 4)]
        base = tmp / "base.jsonl"
        base.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs), encoding="utf-8")
        folder = tmp / "out"
        folder.mkdir()
        (folder / "csv").mkdir()

        def export(gen: int) -> subprocess.Popen[str]:
            child = subprocess.Popen([sys.executable, "-c", _EXPORT_CHILD, str(src), str(base),
                                      str(folder), str(gen)], stdout=subprocess.PIPE, text=True)
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"  # loaded and merged: the writing starts
            return child

        child = export(0)
        start = time.perf_counter()
        child.wait()
        length = time.perf_counter() - start
        print(f"  writing {len(docs)} documents as JSON Lines, CSV and SQLite: {length:.2f} s")
        bad = left_behind = 0
        for k in range(1, kills + 1):
            child = export(k)
            time.sleep(rng.uniform(0.0, length))
            child.send_signal(signal.SIGKILL)  # (this script's own child)
            child.wait()
            wrong = _export_state(folder)
            if wrong:
                bad += 1
                broke(f"kill {k}: {'; '.join(wrong)}")
            left_behind += sum(1 for p in folder.rglob("*") if ".korpol-tmp" in p.name)
        export(kills + 1).wait()  # a complete export: it must clean what the kills left
        remaining = [p.name for p in folder.rglob("*") if ".korpol-tmp" in p.name or "INCOMPLETE" in p.name]
        if remaining:
            broke(f"left behind after a complete export: {remaining}")
        print(f"  {kills} kills: {bad} left a broken or mixed export; temporary files seen after kills: "
              f"{left_behind}, after the next complete export: {len(remaining)}")
        note("kills survived", f"{kills - bad} of {kills} ({len(remaining)} files left behind)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- dead workers

_real_parse = korpol._pipeline.parse


def _dying_parse(text: Any, **meta: Any) -> Document:
    if isinstance(text, str) and text.startswith("DIE "):
        os._exit(7)
    return _real_parse(text, **meta)


def part_workers(killers: int, external: int, seed: int) -> None:
    print(f"\n== workers: {killers} items that kill their worker, {external} workers killed from outside",
          flush=True)
    if multiprocessing.get_start_method() != "fork":
        print("  skipped: needs the fork start method")
        return
    rng = random.Random(seed)
    n = max(400, killers * 40)
    texts = [rng.choice(ARTICLES)[:1500] for _ in range(n)]
    expected = [parse(t, id=f"d{i}").to_dict() for i, t in enumerate(texts)]
    dying = set(rng.sample(range(n), killers))
    items = [(("DIE " + t) if i in dying else t, {"id": f"d{i}"}) for i, t in enumerate(texts)]
    korpol._pipeline.parse = _dying_parse  # type: ignore[assignment]  # (reaches the forked workers)
    try:
        docs = list(iter_parse(items, processes=2, chunksize=8))
    finally:
        korpol._pipeline.parse = _real_parse  # type: ignore[assignment]
    failed = {i for i, d in enumerate(docs) if d.errors}
    innocent = failed - dying
    wrong = [i for i, d in enumerate(docs) if i not in failed and d.to_dict() != expected[i]]
    print(f"  {n} items, {len(dying)} killers: {len(failed)} failed ({len(innocent)} innocent), "
          f"{len(wrong)} documents differ from parse()")
    if failed != dying or wrong:
        broke(f"dead workers cost other items: innocent {sorted(innocent)[:10]}, wrong {wrong[:10]}")

    # workers killed from outside, at random moments, by this script (they are its own children)
    stop = threading.Event()
    shot: list[int] = []

    def shooter() -> None:
        while not stop.is_set() and len(shot) < external:
            time.sleep(rng.uniform(0.05, 0.3))
            children = [p for p in multiprocessing.active_children() if p.pid is not None]
            if children:
                victim = rng.choice(children)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(victim.pid, signal.SIGKILL)  # type: ignore[arg-type]
                    shot.append(victim.pid)  # type: ignore[arg-type]

    texts2 = texts * max(1, external // 5)
    items2 = [(t, {"id": f"d{i}"}) for i, t in enumerate(texts2)]
    expected2 = [parse(t, id=f"d{i}").to_dict() for i, t in enumerate(texts2)]
    thread = threading.Thread(target=shooter, daemon=True)
    thread.start()
    docs = list(iter_parse(items2, processes=2, chunksize=8))
    stop.set()
    thread.join()
    failed2 = [i for i, d in enumerate(docs) if d.errors]
    wrong2 = [i for i, d in enumerate(docs) if not d.errors and d.to_dict() != expected2[i]]
    print(f"  {len(items2)} items, {len(shot)} workers killed from outside: {len(failed2)} items failed, "
          f"{len(wrong2)} documents differ from parse()")
    if len(failed2) > len(shot) or wrong2:
        broke(f"{len(failed2)} items failed for {len(shot)} killed workers; {len(wrong2)} wrong documents")
    note("workers killed", f"{len(dying) + len(shot)} ({len(dying)} by their item, {len(shot)} outside): "
                           f"{len(failed) + len(failed2)} items failed, {len(innocent)} innocent, "
                           f"{len(wrong) + len(wrong2)} wrong")


# ---------------------------------------------------------------- hostile files


def _mutate(data: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(9)
    if kind == 0:  # flip bytes
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            if out:
                out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == 1:
        return data[: rng.randint(0, len(data))]
    if kind == 2:
        depth = rng.choice([50, 1000, 100_000])
        return b'{"id": "x", "arms_deals": ' + b"[" * depth + b"]" * depth + b"}\n"
    if kind == 3:
        exponent = rng.choice(["1e999999999", "1e-99999999", "9" * 5000, "NaN", "Infinity", "-1"])
        return re.sub(rb'"amount": ?"[^"]*"', f'"amount": "{exponent}"'.encode(), data, count=3)
    if kind == 4:  # wrong types
        repl = rng.choice([b"5", b"null", b"[]", b"{}", b'"x"', b"true"])
        field = rb'"(arms_deals|evidence|start|text|parties|value)": ?'
        return re.sub(field, rb'"\1": ' + repl + b', "_": ', data, count=1)
    if kind == 5:
        return data.decode("utf-8", errors="replace").encode(rng.choice(["utf-16", "latin-1", "cp949"]),
                                                             errors="replace")
    if kind == 6:
        return b"\xef\xbb\xbf" + data
    if kind == 7:
        return data.replace(b'"', b"'", rng.randint(1, 5))
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000)))


def part_hostile(n: int, seed: int) -> None:
    print(f"\n== hostile: {n} JSON Lines files, {n // 2} folders with hostile sidecars and manifests",
          flush=True)
    logging.getLogger("korpol").setLevel(logging.ERROR)  # (from_dir warns of each folder's bad files)
    rng = random.Random(seed)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="korpol-hostile-"))
    docs = [parse(text, id=f"a{i}", published=PUBLISHED) for i, text in enumerate(ARTICLES[:6])]
    good = "".join(json.dumps(d.to_dict()) + "\n" for d in docs).encode()
    loaded = refused = other = slow = 0
    try:
        for i in range(n):
            path = tmp / f"h{i}.jsonl"
            path.write_bytes(_mutate(good, rng))
            start = time.perf_counter()
            try:
                load_jsonl(path)
                loaded += 1
            except KorpolError:
                refused += 1
            except Exception as exc:
                other += 1
                if other <= 5:
                    broke(f"load_jsonl of a hostile file raised {type(exc).__name__}: {exc}"[:300])
            if time.perf_counter() - start > 5:
                slow += 1
                broke(f"load_jsonl took {time.perf_counter() - start:.0f} s on a hostile file")
            path.unlink()
        folders_ok = 0
        from korpol._cli import main

        for i in range(n // 2):
            folder = tmp / f"dir{i}"
            folder.mkdir()
            for j, text in enumerate(ARTICLES[:3]):
                (folder / f"t{j}.txt").write_text(text[:800], encoding="utf-8")
                sidecar = json.dumps({"id": f"t{j}", "published": "2024-10-24", "title": "x"}).encode()
                (folder / f"t{j}.{rng.choice(['json', 'toml'])}").write_bytes(_mutate(sidecar, rng))
            manifest = b"file\tid\ttitle\tpublished\nt0.txt\tm0\tT\t2024-01-01\n"
            if rng.random() < 0.5:
                (folder / "manifest.tsv").write_bytes(_mutate(manifest, rng))
            try:
                kb = Corpus.from_dir(folder)
                assert len(kb) == 3
            except Exception as exc:
                broke(f"from_dir of a hostile folder raised {type(exc).__name__}: {exc}"[:300])
                continue
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    code = main(["export", str(folder), "--jsonl", str(tmp / f"out{i}.jsonl")])
                except SystemExit as exit_:
                    code = int(exit_.code or 0)
            if "Traceback" in err.getvalue() or code not in (0, 1, 2):
                broke(f"korpol export of a hostile folder: exit {code}: {err.getvalue()[-300:]}")
                continue
            folders_ok += 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"  {n} JSON Lines files: {loaded} loaded, {refused} refused with a KorpolError, {other} other "
          f"errors, {slow} slow; {folders_ok} of {n // 2} hostile folders read and exported, no traceback")
    note("hostile files tried", f"{n} JSON Lines + {n // 2} folders ({3 * (n // 2)} sidecars): "
                                f"{other} raw errors, {slow} slow, {n // 2 - folders_ok} folders failed")


# ---------------------------------------------------------------- growth


def part_growth(kb_small: int) -> None:
    from bench_linear import INPUTS

    repeated = {
        "one deployment repeated": "North Korea sent 10,000 troops to Russia. ",
        "one meeting repeated": "President Yoon Suk Yeol met President Andrzej Duda in Warsaw on Friday. ",
        "one deal repeated": "Poland signed a $3.4 billion contract with South Korea for 180 K2 tanks. ",
        "one figure repeated": "Poland bought K2 tanks. The contract is worth about 14 billion won. ",
    }
    units: dict[str, Callable[[], str]] = {**INPUTS, **{k: (lambda v=v: v) for k, v in repeated.items()}}
    print(f"\n== growth: time(4n) / time(n), n = {kb_small} KB, one document each (4 = linear)", flush=True)
    parse("warm up: Poland bought 180 K2 tanks for $3.4 billion.", published=PUBLISHED)
    worst = ("", 0.0)
    for name, make in units.items():
        unit = make()
        times = []
        for size in (kb_small * 1000, 4 * kb_small * 1000):
            text = unit * max(1, size // len(unit))
            best = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                parse(text, published=PUBLISHED)
                best = min(best, time.perf_counter() - start)
            times.append(best)
        ratio = times[1] / max(times[0], 1e-4)
        print(f"  {name:<28} {times[0] * 1e3:8.0f} ms {times[1] * 1e3:8.0f} ms  x{ratio:.1f}", flush=True)
        if ratio > worst[1]:
            worst = (name, ratio)
    from korpol import ArmsDeal, Money, TimeSpan

    def corpus(n: int) -> Corpus:
        deal = ArmsDeal(supplier="KR", recipient="PL", status="signed", systems=["K2"],
                        value=Money(amount=6_500_000_000, currency="USD"), date=TimeSpan.year(2022))
        return Corpus([Document(id=f"a{i}", arms_deals=[deal]) for i in range(n)])

    times = []
    for n in (500, 2000):
        start = time.perf_counter()
        corpus(n).arms_deals()
        times.append(time.perf_counter() - start)
    ratio = times[1] / max(times[0], 1e-4)
    shown = f"{times[0] * 1e3:8.0f} ms {times[1] * 1e3:8.0f} ms  x{ratio:.1f}"
    print(f"  {'corpus: one deal, n articles':<28} {shown}")
    if ratio > worst[1]:
        worst = ("corpus: one deal, n articles", ratio)
    if worst[1] > 8:
        broke(f"super-linear growth: {worst[0]} x{worst[1]:.1f}")
    note("worst growth ratio", f"x{worst[1]:.1f} for 4x input ({worst[0]}; 4 = linear)")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a shorter pass (20,000 inputs, 20 kills, ...)")
    ap.add_argument("--only", default="parse,seeds,kills,workers,hostile,growth", help="parts to run")
    ap.add_argument("--inputs", type=int, help="generated inputs (default 220,000; --quick 20,000)")
    ap.add_argument("--kills", type=int, help="killed exports (default 90; --quick 20)")
    ap.add_argument("--killers", type=int, help="items that kill their worker (default 20; --quick 5)")
    ap.add_argument("--shots", type=int, help="workers killed from outside (default 20; --quick 5)")
    ap.add_argument("--hostile", type=int, help="hostile JSON Lines files (default 2,000; --quick 300)")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds one input may take")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--growth-kb", type=int, default=64)
    ap.add_argument("--kill-src", type=pathlib.Path, default=ROOT / "src",
                    help="the source tree whose exports are killed (e.g. the code before a change)")
    ap.add_argument("--digest", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.digest is not None:
        print(digest(args.digest, args.seed))
        return 0
    quick = args.quick
    parts = set(args.only.split(","))
    if "parse" in parts:
        part_parse(args.inputs or (20_000 if quick else 220_000), args.processes, args.timeout, args.seed)
    if "seeds" in parts:
        part_seeds(500 if quick else 2_000, args.seed)
    if "kills" in parts:
        part_kills(args.kills or (20 if quick else 90), args.seed, args.kill_src)
    if "workers" in parts:
        part_workers(args.killers or (5 if quick else 20), args.shots or (5 if quick else 20), args.seed)
    if "hostile" in parts:
        part_hostile(args.hostile or (300 if quick else 2_000), args.seed)
    if "growth" in parts:
        part_growth(args.growth_kb)
    print("\n| figure | value |\n| --- | --- |")
    for key, value in FIGURES.items():
        print(f"| {key} | {value} |")
    print(f"\n{len(BROKE)} problem(s)" + ("" if not BROKE else ":\n  " + "\n  ".join(BROKE[:20])))
    return 1 if BROKE else 0


if __name__ == "__main__":
    sys.exit(main())
