"""korpol: typed, sourced records of arms deals, aid and agreements from news articles.

This package is the public surface and nothing else: every implementation lives
in a private ``_module`` and is re-exported here under a sorted ``__all__``
(pinned by ``tests/test_exported_members.py``).

Importing korpol stays cheap: the records, errors and :func:`parse` are
imported at once, every other name on first access (``korpol.load_seeds``
imports the corpus module then).  No reference data is read and no pattern
compiled until a call needs it.

>>> import korpol
>>> korpol.Money(amount="17000000000", currency="usd", qualifier="about").currency
'USD'
>>> korpol.TimeSpan.year(2022).end
datetime.date(2022, 12, 31)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from korpol._errors import (
    DecodeError,
    InputTypeError,
    KorpolError,
    KorpolWarning,
    MissingDependencyError,
    UnknownEntityError,
    ValidationError,
)
from korpol._model import (
    Aggregate,
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

if TYPE_CHECKING:  # the lazily loaded names, for type checkers and IDEs
    from korpol._batch import iter_parse, parse_many
    from korpol._corpus import (
        Claim,
        Corpus,
        MergedAgreement,
        MergedAidPackage,
        MergedArmsDeal,
        Report,
        Results,
        StatusChange,
        load_jsonl,
        load_seeds,
        save_jsonl,
    )
    from korpol._datadir import ReferenceDataError, data_dir, use_data_dir
    from korpol._evaluate import EvaluationReport, evaluate
    from korpol._mentions.companies import CompanyMention, find_companies
    from korpol._mentions.money import find_money
    from korpol._mentions.people import PersonMention, find_people
    from korpol._mentions.places import PlaceMention, find_places
    from korpol._mentions.quantity import Quantity, find_quantities
    from korpol._mentions.systems import SystemMention, find_systems
    from korpol._mentions.time import find_times
    from korpol._model.merged import Drawdown, LinkedAggregate, Total
    from korpol._model.rates import usd_rate
    from korpol._pipeline import parse
    from korpol._records.cues import Cues
    from korpol._refdata import (
        get_country,
        get_organization,
        lookup_country,
        lookup_organization,
        lookup_party,
    )
    from korpol._text import NormalizedText, decode, normalize, repair
    from korpol._text.html import HtmlArticle, read_html
    from korpol._text.segment import Segment, segment

__all__ = [
    "Aggregate",
    "Agreement",
    "AidPackage",
    "ArmsDeal",
    "Claim",
    "CompanyMention",
    "Corpus",
    "Country",
    "Cues",
    "DecodeError",
    "Deployment",
    "Document",
    "Drawdown",
    "EvaluationReport",
    "Evidence",
    "HtmlArticle",
    "InputTypeError",
    "KorpolError",
    "KorpolWarning",
    "Leader",
    "LinkedAggregate",
    "Meeting",
    "Mention",
    "MergedAgreement",
    "MergedAidPackage",
    "MergedArmsDeal",
    "MissingDependencyError",
    "Money",
    "NormalizedText",
    "Organization",
    "PersonMention",
    "PlaceMention",
    "Quantity",
    "ReferenceDataError",
    "Report",
    "Results",
    "Segment",
    "StatusChange",
    "SystemMention",
    "TimeSpan",
    "Total",
    "UnknownEntityError",
    "ValidationError",
    "data_dir",
    "decode",
    "evaluate",
    "find_companies",
    "find_money",
    "find_people",
    "find_places",
    "find_quantities",
    "find_systems",
    "find_times",
    "get_country",
    "get_organization",
    "iter_parse",
    "load_jsonl",
    "load_seeds",
    "lookup_country",
    "lookup_organization",
    "lookup_party",
    "normalize",
    "parse",
    "parse_many",
    "read_html",
    "repair",
    "save_jsonl",
    "segment",
    "usd_rate",
    "use_data_dir",
]

# Public name -> the private module that defines it, imported on first access (PEP 562).
_LAZY: dict[str, str] = {
    "Claim": "_model.merged",
    "Drawdown": "_model.merged",
    "LinkedAggregate": "_model.merged",
    "Total": "_model.merged",
    "CompanyMention": "_mentions.companies",
    "Corpus": "_corpus",
    "Cues": "_records.cues",
    "HtmlArticle": "_text.html",
    "EvaluationReport": "_evaluate",
    "MergedAgreement": "_model.merged",
    "MergedAidPackage": "_model.merged",
    "MergedArmsDeal": "_model.merged",
    "NormalizedText": "_text",
    "PersonMention": "_mentions.people",
    "PlaceMention": "_mentions.places",
    "Quantity": "_mentions.quantity",
    "ReferenceDataError": "_datadir",
    "Report": "_model.merged",
    "Results": "_corpus",
    "Segment": "_text",
    "StatusChange": "_model.merged",
    "SystemMention": "_mentions.systems",
    "data_dir": "_datadir",
    "decode": "_text",
    "evaluate": "_evaluate",
    "find_companies": "_mentions.companies",
    "find_money": "_mentions.money",
    "find_people": "_mentions.people",
    "find_places": "_mentions.places",
    "find_quantities": "_mentions.quantity",
    "find_systems": "_mentions.systems",
    "find_times": "_mentions.time",
    "get_country": "_refdata",
    "get_organization": "_refdata",
    "iter_parse": "_batch",
    "load_jsonl": "_corpus",
    "load_seeds": "_corpus",
    "lookup_country": "_refdata",
    "lookup_organization": "_refdata",
    "lookup_party": "_refdata",
    "normalize": "_text",
    "parse": "_pipeline",
    "parse_many": "_batch",
    "read_html": "_text.html",
    "repair": "_text",
    "save_jsonl": "_corpus",
    "segment": "_text",
    "usd_rate": "_model.rates",
    "use_data_dir": "_datadir",
}

__version__: str  # bound on first access by __getattr__ below


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"korpol.{module}"), name)
        globals()[name] = value  # later accesses skip this function
        return value
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


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"__version__"})
