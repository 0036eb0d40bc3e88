"""Is the output the same?  Snapshot everything korpol returns, then compare after a change.

Refactors must keep korpol's output byte for byte.  This script writes, for every article it
can find (the shared seeds and dev corpus, ``tests/corpus*``, ``benchmarks/data``, the bundled
seeds) and for a few thousand seeded random and mutated strings:

* ``parse(...).to_dict()`` as canonical JSON;
* every public finder's output (``find_money``, ``find_times``, ``find_quantities``,
  ``find_places``, ``find_people``, ``find_systems``, ``find_companies``) as ``repr``;
* the merged corpus (deals, aid, agreements, leaders, timeline), its JSON Lines, CSV and SQLite
  exports (the SQLite file as an SQL dump) and the CLI's text tables;

then compares two snapshots item by item::

    .venv/bin/python benchmarks/snapshot.py write /tmp/snap-before
    ... change the code ...
    .venv/bin/python benchmarks/snapshot.py write /tmp/snap-after
    .venv/bin/python benchmarks/snapshot.py compare /tmp/snap-before /tmp/snap-after

``compare`` prints each differing item with the first differing line and exits 1 when any
item differs.  Items only one snapshot has are reported too (a new corpus is not a change).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import pathlib
import random
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def _articles() -> Iterator[tuple[str, str, dt.date | None]]:
    """(name, text, published) of every annotated or benchmark article there is."""
    # (the held-out corpus F is left out: a snapshot diff would show its text)
    held_out = {"corpus_f"}
    ours = [d for d in sorted(ROOT.glob("tests/corpus*")) if d.name not in held_out]
    dirs = [SHARED / "seeds", SHARED / "dev", *ours]
    dirs.append(ROOT / "tests" / "programme_kr_pl")
    for folder in dirs:
        for txt in sorted(folder.glob("*.txt")):
            gold = txt.with_suffix(".json")
            published = None
            if gold.exists():
                raw = json.loads(gold.read_text(encoding="utf-8")).get("published")
                published = dt.date.fromisoformat(raw) if raw else None
            yield f"{folder.name}/{txt.stem}", txt.read_text(encoding="utf-8"), published
    for txt in sorted((ROOT / "benchmarks" / "data").glob("*.txt")):
        yield f"bench/{txt.stem}", txt.read_text(encoding="utf-8"), dt.date(2024, 10, 24)
    for path in sorted((ROOT / "seeds").iterdir()):
        if path.suffix == ".txt":
            yield f"seeds-bundled/{path.stem}", path.read_text(encoding="utf-8"), dt.date(2024, 10, 24)


_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?'\"()-–—$€£¥₩%\n\t"
    "łąęńóśźżĆŁ한국폴란드 ¡¯¡°©ÃÂâ€™ "
)
_WORDS = (  # noqa: SIM905 - a sentence of vocabulary reads better than a list of 70 strings
    "Poland South Korea signed agreed to buy sell K2 K9 FA-50 tanks howitzers billion million won "
    "zlotys $3.4 USD 2.6 last year on Friday in 2022 next month framework contract deal aid package "
    "Ukraine pledged donated humanitarian military memorandum of understanding President Yoon Duda "
    "minister Blaszczak Hanwha Hyundai Rotem from to for with by the a of delivered 180 1,000 "
    "three-point-five hundred and eighty troops NATO EU Seoul Warsaw Kyiv Taiwan United States"
).split()


def _random_texts(n: int = 1500) -> Iterator[tuple[str, str]]:
    rng = random.Random(20261207)
    for i in range(n):
        if i % 3 == 0:
            text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 200)))
        else:
            words = [rng.choice(_WORDS) for _ in range(rng.randrange(1, 60))]
            text = " ".join(words)
            if i % 5 == 0:
                text = text.replace(" ", ". ", rng.randrange(0, 4))
        yield f"random/{i:04d}", text


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=0, default=str)


def _guard(fn: Callable[[], Any]) -> str:
    """fn's result as text, or its exception: a change in how something fails is a change too."""
    try:
        out = fn()
    except Exception as exc:  # a snapshot records failures as output
        return f"!! {type(exc).__name__}: {exc}"
    return out if isinstance(out, str) else repr(out)


def _sqlite_dump(path: pathlib.Path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def snapshot() -> dict[str, str]:
    import korpol

    items: dict[str, str] = {}
    docs = []
    finders = {
        name: getattr(korpol, name)
        for name in (
            "find_money",
            "find_times",
            "find_quantities",
            "find_places",
            "find_people",
            "find_systems",
            "find_companies",
        )
    }
    for name, text, published in _articles():
        doc = korpol.parse(text, published=published, id=name)
        docs.append(doc)
        items[f"parse/{name}"] = _canon(doc.to_dict())
        for fname, fn in finders.items():
            if fname == "find_times":
                items[f"{fname}/{name}"] = _guard(lambda fn=fn, t=text, p=published: fn(t, published=p))
            else:
                items[f"{fname}/{name}"] = _guard(lambda fn=fn, t=text: fn(t))
    for name, text in _random_texts():
        doc = korpol.parse(text, published=dt.date(2024, 5, 15), id=name)
        items[f"parse/{name}"] = _canon(doc.to_dict())
    corpus = korpol.Corpus(docs)
    for kind in ("arms_deals", "aid_packages", "agreements", "leaders", "timeline", "reports"):
        try:
            found = getattr(corpus, kind)()
        except Exception as exc:  # a snapshot records failures as output
            items[f"corpus/{kind}"] = f"!! {type(exc).__name__}: {exc}"
            continue
        items[f"corpus/{kind}"] = _canon([r.to_dict() if hasattr(r, "to_dict") else repr(r) for r in found])
        items[f"corpus/{kind}/rows"] = _guard(lambda found=found: _canon(found.to_rows()))
    items["corpus/total"] = _guard(lambda: repr(corpus.arms_deals(supplier="KR", recipient="PL").total()))
    with tempfile.TemporaryDirectory() as tmp:
        _exports(corpus, pathlib.Path(tmp), items)
    return items


def _exports(corpus: Any, tmpdir: pathlib.Path, items: dict[str, str]) -> None:
    """The corpus's exports and the CLI's output, each failure recorded as the item's output."""
    import korpol
    from korpol import _cli

    def jsonl() -> str:
        corpus.save_jsonl(tmpdir / "c.jsonl")
        return (tmpdir / "c.jsonl").read_text(encoding="utf-8")

    def csv() -> str:
        paths = corpus.to_csv(tmpdir / "csv")
        return "\n".join(f"== {path.name}\n" + path.read_text(encoding="utf-8") for path in paths)

    def sqlite() -> str:
        corpus.to_sqlite(tmpdir / "c.sqlite")
        return _sqlite_dump(tmpdir / "c.sqlite")

    def sqlite_back() -> str:
        back = korpol.Corpus.from_sqlite(tmpdir / "c.sqlite")
        return _canon([d.to_dict() for d in back])

    items["export/jsonl"] = _guard(jsonl)
    items["export/csv"] = _guard(csv)
    items["export/sqlite"] = _guard(sqlite)
    items["export/sqlite-roundtrip"] = _guard(sqlite_back)
    seeds_dir = ROOT / "seeds"
    seed_files = sorted(str(f) for f in seeds_dir.glob("*.txt"))
    for argv in (
        ["summary", str(seeds_dir)],
        ["parse", "--published", "2024-10-24", *seed_files],
        ["parse", "--format", "json", *seed_files],
        ["evaluate", str(SHARED / "dev"), str(SHARED / "seeds")],
        [],
    ):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            _cli.main(argv)
        key = " ".join(a.replace(str(ROOT.parent), "..") for a in argv)
        items[f"cli/{key or 'default'}"] = out.getvalue().replace(str(ROOT.parent), "..")


def write(folder: pathlib.Path) -> None:
    items = snapshot()
    folder.mkdir(parents=True, exist_ok=True)
    index = {}
    for key, value in items.items():
        digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        index[key] = digest
        (folder / f"{digest}.txt").write_text(value, encoding="utf-8", errors="surrogatepass")
    (folder / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(items)} items written to {folder}")


def compare(before: pathlib.Path, after: pathlib.Path) -> int:
    a = json.loads((before / "index.json").read_text(encoding="utf-8"))
    b = json.loads((after / "index.json").read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            print(f"only in {'after' if key in b else 'before'}: {key}")
            continue
        if a[key] == b[key]:
            continue
        changed += 1
        old = (before / f"{a[key]}.txt").read_text(encoding="utf-8", errors="surrogatepass").splitlines()
        new = (after / f"{b[key]}.txt").read_text(encoding="utf-8", errors="surrogatepass").splitlines()
        pairs = enumerate(zip(old, new, strict=False))
        line = next((i for i, (x, y) in pairs if x != y), min(len(old), len(new)))
        print(f"DIFFERS {key} at line {line + 1}:")
        print(f"  - {old[line] if line < len(old) else '<end>'}"[:300])
        print(f"  + {new[line] if line < len(new) else '<end>'}"[:300])
    print(f"{len(set(a) & set(b))} items compared, {changed} differ")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write a snapshot into FOLDER")
    w.add_argument("folder", type=pathlib.Path)
    c = sub.add_parser("compare", help="compare two snapshots")
    c.add_argument("before", type=pathlib.Path)
    c.add_argument("after", type=pathlib.Path)
    args = ap.parse_args(argv)
    if args.command == "write":
        write(args.folder)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
