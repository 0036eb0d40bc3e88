"""The bundled seed articles: manifest, bytes, load_seeds(), and the seeds inside a built wheel."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from korpol._corpus import load_seeds, read_manifest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared" / "seeds"

EXPECTED = {
    "000_d5eb982e1b5ba0f4": dt.date(2025, 3, 5),
    "001_b0705b4e734219a1": dt.date(2023, 8, 1),
    "002_3f06c40906e4dae8": dt.date(2024, 10, 24),
}


def test_manifest_lists_every_seed_file() -> None:
    manifest = read_manifest(SEEDS)
    assert sorted(manifest) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, row in manifest.items():
        assert row["id"] == name.removesuffix(".txt")
        assert dt.date.fromisoformat(row["published"]) == EXPECTED[row["id"]]
        assert 20 <= len(row["title"]) <= 120


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared seed folder is not beside this checkout")
@pytest.mark.parametrize("name", sorted(f"{i}.txt" for i in EXPECTED))
def test_seed_bytes_are_the_originals(name: str) -> None:
    assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes()


def test_load_seeds() -> None:
    kb = load_seeds()
    assert {doc.id: doc.published for doc in kb} == EXPECTED
    assert all(doc.title for doc in kb)
    # evidence quotes the original text (the Document validates it); seed 001 keeps its mojibake
    assert "¡¯" in kb["001_b0705b4e734219a1"].text


def _build_wheel(out: Path) -> Path:
    """Build the wheel with hatchling when it is importable, else with pip (isolated build)."""
    if importlib.util.find_spec("hatchling") is not None:
        code = f"import hatchling.build as b; print(b.build_wheel({str(out)!r}))"
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, timeout=120)
    else:  # pragma: no cover - depends on the environment
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(out), "-q"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=300,
        )
    (wheel,) = out.glob("korpol-*.whl")
    return wheel


def test_seeds_load_from_a_built_wheel(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    assert "korpol/seeds/manifest.tsv" in names
    assert all(f"korpol/seeds/{i}.txt" in names for i in EXPECTED)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # what a non-editable install puts in site-packages
    script = (
        "import korpol, korpol._corpus.sources as s; "
        "kb = korpol.load_seeds(); "
        "print(korpol.__file__); print(s.seeds_root()); print(len(kb), kb[2].published)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    module, seeds_root, summary = done.stdout.splitlines()
    assert module.startswith(str(site))
    assert seeds_root == str(site / "korpol" / "seeds")
    assert summary == "3 2024-10-24"
