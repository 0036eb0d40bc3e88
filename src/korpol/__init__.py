"""korpol: typed, sourced records of arms deals, aid and agreements from news articles.

This package is the public surface and nothing else: every implementation lives
in a private ``_module`` and is re-exported here under a sorted ``__all__``
(pinned by ``tests/test_exported_members.py``).  Importing korpol loads no
reference data and compiles no patterns; that happens on first use.

>>> import korpol
>>> korpol.Money(amount="17000000000", currency="usd", qualifier="about").currency
'USD'
>>> korpol.TimeSpan.year(2022).end
datetime.date(2022, 12, 31)
"""

from __future__ import annotations

from typing import Any

from korpol._batch import iter_parse, parse_many
from korpol._errors import (
    DecodeError,
    InputTypeError,
    KorpolError,
    MissingDependencyError,
    UnknownEntityError,
    ValidationError,
)
from korpol._model import (
    Agreement,
    AidPackage,
    ArmsDeal,
    Country,
    Deployment,
    Document,
    Evidence,
    Leader,
    Meeting,
    Mention,
    Money,
    Organization,
    TimeSpan,
)
from korpol._parse import parse
from korpol._text import normalize, repair

__all__ = [
    "Agreement",
    "AidPackage",
    "ArmsDeal",
    "Country",
    "DecodeError",
    "Deployment",
    "Document",
    "Evidence",
    "InputTypeError",
    "KorpolError",
    "Leader",
    "Meeting",
    "Mention",
    "MissingDependencyError",
    "Money",
    "Organization",
    "TimeSpan",
    "UnknownEntityError",
    "ValidationError",
    "iter_parse",
    "normalize",
    "parse",
    "parse_many",
    "repair",
]

__version__: str  # bound on first access by __getattr__ below


def __getattr__(name: str) -> Any:
    # ``__version__`` is read from the installed metadata on first access only:
    # importlib.metadata costs more to import than the rest of korpol.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("korpol")
        except PackageNotFoundError:  # running from a source tree that is not installed
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'korpol' has no attribute {name!r}")
