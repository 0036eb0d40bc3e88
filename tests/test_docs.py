"""The examples of README.md and docs/*.md run, and what they claim holds.

Documentation that shows an API is a test of that API: a renamed field or a
changed message fails here before a reader copies a broken example.  The
blocks of one page run in order in one fresh namespace and an empty working
directory, as a reader would type them.  What runs:

* ```` ```python ```` — executed; its ``assert`` statements are the checks.  When
  the next block is ```` ```text title="Output" ```` it must match what the
  python block printed (``...`` matches anything, as in doctest's ELLIPSIS);
* ```` ```pycon ```` — ``>>>`` examples run with doctest (ELLIPSIS and
  NORMALIZE_WHITESPACE), in the page's namespace;
* ```` ```console ```` — ``$ python -m korpol ...`` commands run in-process and
  their printed output (stdout and stderr) is compared like an Output block.
  A console block with any other command (``pip install``) must be marked.

A block that must not run is marked by a ``<!-- no-test -->`` line just before
it; keep those rare.  Pages whose blocks another test file already runs (with
checks of its own) are listed in ``RUN_ELSEWHERE`` and skipped here.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import pathlib
import re
import shlex
from typing import Any

import attrs
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]

#: page -> the test file that runs its examples (each runs them with checks of its own).
RUN_ELSEWHERE = {
    "querying.md": "test_corpus.py",
    "exports.md": "test_export.py",
    "evaluating.md": "test_evaluate.py",
}

NO_TEST = "<!-- no-test -->"
OUTPUT_INFO = 'text title="Output"'
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
KORPOL_COMMAND = re.compile(r"^(?:python3? -m korpol|korpol)(?:\s|$)")
CHECKER_FLAGS = doctest.ELLIPSIS


@attrs.frozen
class Block:
    """One fenced code block of a page."""

    page: pathlib.Path
    line: int  # line number of the first line of code
    info: str  # the fence's info string: "python", 'text title="Output"', ...
    code: str
    marked_no_test: bool

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0] if self.info.strip() else ""

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks_of(page: pathlib.Path) -> list[Block]:
    """Every fenced block of ``page``, in order."""
    text = page.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        before = text[: m.start()].rstrip().rsplit("\n", 1)[-1].strip()
        line = text.count("\n", 0, m.start()) + 2
        found.append(Block(page, line, m.group(1).strip(), m.group(2), before == NO_TEST))
    return found


def _same_output(want: str, got: str) -> bool:
    want = "\n".join(line.rstrip() for line in want.strip("\n").splitlines()) + "\n"
    got = "\n".join(line.rstrip() for line in got.strip("\n").splitlines()) + "\n"
    return doctest.OutputChecker().check_output(want, got, CHECKER_FLAGS)


def _fail_output(block: Block, want: str, got: str) -> None:
    pytest.fail(f"{block.where}: the output shown is not what runs.\n--- shown\n{want}\n--- printed\n{got}")


def run_python(block: Block, namespace: dict[str, Any]) -> str:
    """Execute a python block; return what it printed."""
    out = io.StringIO()
    code = compile("\n" * (block.line - 1) + block.code, str(block.page), "exec")
    with contextlib.redirect_stdout(out):
        exec(code, namespace)
    return out.getvalue()


def run_pycon(block: Block, namespace: dict[str, Any]) -> None:
    test = doctest.DocTestParser().get_doctest(block.code, namespace, block.where, str(block.page), block.line - 1)
    runner = doctest.DocTestRunner(optionflags=CHECKER_FLAGS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    result = runner.run(test, out=report.write, clear_globs=False)
    if result.failed:
        pytest.fail(f"{block.where}: a >>> example failed\n{report.getvalue()}")


def console_commands(block: Block) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.code.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), []))
        elif pairs:
            pairs[-1][1].append(line)
        elif line.strip():
            pytest.fail(f"{block.where}: console block must start with a '$ ' command line")
    return [(command, "\n".join(lines)) for command, lines in pairs]


def run_console(block: Block) -> None:
    from korpol._cli import main

    commands = console_commands(block)
    others = [c for c, _ in commands if not KORPOL_COMMAND.match(c)]
    if others:
        pytest.fail(f"{block.where}: {others[0]!r} is not a korpol command; mark the block with {NO_TEST}")
    for command, want in commands:
        argv = shlex.split(command)[1:]
        argv = argv[2:] if argv[:2] == ["-m", "korpol"] else argv
        printed = io.StringIO()
        # SystemExit: argparse's --help and usage errors; the printed output says which.
        out, err = contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed)
        with out, err, contextlib.suppress(SystemExit):
            main(argv)
        if not _same_output(want, printed.getvalue()):
            _fail_output(block, want, printed.getvalue())


def runnable(page: pathlib.Path) -> bool:
    if page.name in RUN_ELSEWHERE and page.parent == DOCS:
        return False
    return any(b.language in {"python", "pycon", "console"} and not b.marked_no_test for b in blocks_of(page))


@pytest.mark.parametrize("page", [p for p in PAGES if runnable(p)], ids=lambda p: p.name)
def test_examples_run(page: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem}"}
    blocks = blocks_of(page)
    for i, block in enumerate(blocks):
        if block.marked_no_test:
            continue
        if block.language == "python":
            printed = run_python(block, namespace)
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            shown = following is not None and following.info == OUTPUT_INFO and not following.marked_no_test
            if shown and following is not None and not _same_output(following.code, printed):
                _fail_output(following, following.code, printed)
        elif block.language == "pycon":
            run_pycon(block, namespace)
        elif block.language == "console":
            run_console(block)
        elif block.info == OUTPUT_INFO and (i == 0 or blocks[i - 1].language != "python"):
            pytest.fail(f"{block.where}: an Output block must follow a python block")


# ---------------------------------------------------------------- the site holds together


def test_pages_run_elsewhere_are_run_there() -> None:
    for page, test_file in RUN_ELSEWHERE.items():
        if (DOCS / page).exists():
            assert page in (ROOT / "tests" / test_file).read_text(encoding="utf-8"), (page, test_file)


def test_no_test_marks_are_rare() -> None:
    marked = [b.where for p in PAGES for b in blocks_of(p) if b.marked_no_test]
    assert len(marked) <= 8, marked


def _nav_pages() -> list[str]:
    return re.findall(r"^\s*- (?:[^:\n]+: )?([\w/.-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)


def test_every_page_is_in_the_site_navigation() -> None:
    nav = _nav_pages()
    assert sorted(nav) == sorted(p.name for p in DOCS.glob("*.md")), "add new pages to mkdocs.yml nav"


def test_changelog_page_includes_the_changelog() -> None:
    # The page is the root CHANGELOG.md itself (pymdownx.snippets), so it cannot drift.
    assert (DOCS / "changelog.md").read_text(encoding="utf-8").strip() == '--8<-- "CHANGELOG.md"'


def test_the_guides_and_readme_have_examples() -> None:
    for name in ("quickstart.md", "concepts.md", "parsing.md", "extending.md", "model.md"):
        assert sum(b.language in {"python", "pycon"} for b in blocks_of(DOCS / name)) >= 2, name
    assert any(b.language == "python" for b in blocks_of(ROOT / "README.md"))


def test_api_page_lists_every_public_name() -> None:
    import korpol

    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [name for name in korpol.__all__ if f"::: korpol.{name}\n" not in text]
    assert missing == []
