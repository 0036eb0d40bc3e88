"""The public surface of korpol, pinned: a change here is a change users see."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import korpol

PUBLIC = [
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


def test_all_is_pinned() -> None:
    assert korpol.__all__ == PUBLIC


def test_all_is_sorted_and_unique() -> None:
    assert korpol.__all__ == sorted(set(korpol.__all__))


@pytest.mark.parametrize("name", PUBLIC)
def test_every_name_is_importable_and_public(name: str) -> None:
    assert not name.startswith("_")
    member = getattr(korpol, name)
    module = importlib.import_module(member.__module__)
    # Re-exported from a private module, and the very same object.
    assert member.__module__.startswith("korpol._"), member.__module__
    assert getattr(module, name) is member


def test_private_modules_declare_all() -> None:
    for name in korpol.__all__:
        module = importlib.import_module(getattr(korpol, name).__module__)
        assert name in module.__all__, f"{module.__name__}.__all__ lacks {name}"


def test_version_is_a_string() -> None:
    assert isinstance(korpol.__version__, str)
    assert korpol.__version__


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        korpol.nope  # noqa: B018


def test_errors_subclass_the_builtins_callers_catch() -> None:
    assert issubclass(korpol.ValidationError, ValueError)
    assert issubclass(korpol.DecodeError, ValueError)
    assert issubclass(korpol.UnknownEntityError, LookupError)
    assert issubclass(korpol.InputTypeError, TypeError)
    assert issubclass(korpol.MissingDependencyError, ImportError)
    for name in ("ValidationError", "DecodeError", "UnknownEntityError", "InputTypeError"):
        assert issubclass(getattr(korpol, name), korpol.KorpolError)


def test_star_import_and_dir_offer_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from korpol import *", namespace)
    assert set(PUBLIC) <= set(namespace)
    assert set(PUBLIC) <= set(dir(korpol))


def test_import_defers_the_heavy_modules() -> None:
    # The scanners, the rules, the corpus, the gazetteers and the process pool load on first
    # use, not on import: ``import korpol`` holds the model and the exception tree only.
    code = (
        "import sys, korpol;"
        "eager = sorted(m for m in sys.modules if m.startswith('korpol.'));"
        "heavy = [m for m in eager if not m.startswith(('korpol._model', 'korpol._errors', 'korpol._tables',"
        " 'korpol._records.cues'))];"
        "assert not heavy, heavy;"
        "assert 'korpol._model.merged' not in eager;"
        "assert 'concurrent.futures' not in sys.modules;"
        "korpol.load_seeds;"
        "assert 'korpol._corpus' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_loads_no_reference_data() -> None:
    # ``import korpol`` must stay cheap: the code tables are read on first use only.
    code = (
        "import korpol, korpol._tables as c;"
        "assert c.country_codes.cache_info().currsize == 0, 'country codes loaded at import';"
        "assert c.currency_codes.cache_info().currsize == 0, 'currency codes loaded at import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# Public names whose docstring still lacks a ``>>>`` example (their module's owner adds it).
AWAITING_EXAMPLE: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="no example yet"))
        if n in AWAITING_EXAMPLE
        else n
        for n in PUBLIC
    ],
)
def test_every_public_name_has_a_runnable_example(name: str) -> None:
    # The examples themselves run under ``pytest --doctest-modules``.
    doc = inspect.getdoc(getattr(korpol, name)) or ""
    assert ">>>" in doc, f"korpol.{name} has no docstring example"


@pytest.mark.parametrize("owner", ["Corpus", "Results"])
def test_public_methods_have_runnable_examples(owner: str) -> None:
    cls = getattr(korpol, owner)
    missing = []
    # (Corpus's constructors live on its base class: read every korpol class it is made of)
    ours = [base for base in reversed(cls.__mro__) if base.__module__.startswith("korpol")]
    members = {attr: m for base in ours for attr, m in vars(base).items()}
    assert "from_texts" in members or owner != "Corpus"
    for attr, member in members.items():
        if attr.startswith("_"):
            continue
        func = member.__func__ if isinstance(member, classmethod | staticmethod) else member
        func = func.fget if isinstance(func, property) else func
        if callable(func) and ">>>" not in (inspect.getdoc(func) or ""):
            missing.append(attr)
    assert missing == [], f"{owner} methods without an example: {missing}"
