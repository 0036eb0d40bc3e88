"""Every ```python block in README.md and docs/*.md runs, and its asserts hold.

Documentation that shows an API is a test of that API: a renamed field or a
changed message fails here before a reader copies a broken example.  The
blocks of one page run in order in one namespace, as a reader would type them.
"""

from __future__ import annotations

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks(page: pathlib.Path) -> list[tuple[int, str]]:
    """(first line number, code) of each ```python block of ``page``."""
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in FENCE.finditer(text)]


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.name)
def test_python_blocks_run(
    page: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for line, code in python_blocks(page):
        # Pad with blank lines so that tracebacks point at the page's own line numbers.
        exec(compile("\n" * (line - 1) + code, str(page), "exec"), namespace)


def test_the_model_reference_and_readme_have_examples() -> None:
    assert python_blocks(ROOT / "README.md")
    assert len(python_blocks(ROOT / "docs" / "model.md")) >= 5
