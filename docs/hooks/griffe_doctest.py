"""A griffe extension for the API reference page (docs/api.md): reST-flavoured docstrings as Markdown.

korpol's docstrings are written for ``pytest --doctest-modules`` and for reading in
``help()``: bare ``>>>`` examples and Sphinx roles such as ``:func:`parse```.  Markdown
would read ``>>>`` as nested block quotes and ``['a', 'b']`` as a link reference, so this
extension fences every doctest block as ```` ```pycon ```` and turns each role into inline
code before mkdocstrings renders the docstring.  The docstrings themselves stay unchanged.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:func|class|meth|data|attr|mod|exc|obj|py:\w+):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    target = match.group(2)
    if match.group(1):  # ~package.module.name shows only "name"
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def fence_doctests(text: str) -> str:
    """Wrap each run of ``>>>`` lines and their expected output in a pycon fence."""
    out: list[str] = []
    inside = False
    indent = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not inside and stripped.startswith(">>>"):
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(["", f"{indent}```pycon"])
        elif inside and not stripped:
            out.extend([f"{indent}```", ""])
            inside = False
        out.append(line if inside else ROLE.sub(_role, line))
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence doctests and flatten Sphinx roles in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
