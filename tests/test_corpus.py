"""Corpus: merging one event reported by several articles, and the analyst's queries.

The fixtures are small invented articles shaped like real defence news; each
record is built by hand so that the merge rules are tested independently of
the parser.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import korpol
from korpol import (
    Aggregate,
    Agreement,
    AidPackage,
    ArmsDeal,
    Country,
    Document,
    Evidence,
    InputTypeError,
    Leader,
    Money,
    Organization,
    TimeSpan,
    UnknownEntityError,
    ValidationError,
)
from korpol._corpus import Claim, Corpus, MergedArmsDeal, Report, Results
from korpol._errors import KorpolWarning, MissingDependencyError
from korpol._model.rates import usd_rate

KR = Country(code="KR", name="South Korea")
PL = Country(code="PL", name="Poland")
UA = Country(code="UA", name="Ukraine")
US = Country(code="US", name="United States")
NATO = Organization(code="NATO", name="North Atlantic Treaty Organization")
Y2022, Y2023, Y2025 = TimeSpan.year(2022), TimeSpan.year(2023), TimeSpan.year(2025)
DOCS = Path(__file__).resolve().parents[1] / "docs"


def usd(amount: float | str, qualifier: str = "exact") -> Money:
    return Money(amount=str(amount), currency="USD", qualifier=qualifier)


def article(doc_id: str, published: str, *records: Any, sentence: str = "") -> Document:
    """A one-sentence article whose records all quote that sentence."""
    text = sentence or f"Officials said on Tuesday that the agreement reported in {doc_id} went ahead."
    ev = Evidence(doc_id=doc_id, start=0, end=len(text), text=text, sentence=text)
    fields: dict[str, list[Any]] = {"arms_deals": [], "aid_packages": [], "agreements": [], "leaders": []}
    for record in records:
        name = {
            ArmsDeal: "arms_deals",
            AidPackage: "aid_packages",
            Agreement: "agreements",
            Leader: "leaders",
        }
        fields[name[type(record)]].append(attrs.evolve(record, evidence=[ev]))
    return Document(id=doc_id, published=published, text=text, **fields)


def deal(**kw: Any) -> ArmsDeal:
    base: dict[str, Any] = {
        "supplier": KR,
        "recipient": PL,
        "status": "signed",
        "date": Y2025,
        "systems": ["K2"],
    }
    return ArmsDeal(**(base | kw))


def aid(**kw: Any) -> AidPackage:
    base: dict[str, Any] = {"donor": KR, "recipient": UA, "kind": "humanitarian", "date": Y2023}
    return AidPackage(**(base | kw))


def agreement(**kw: Any) -> Agreement:
    base: dict[str, Any] = {
        "parties": [KR, PL],
        "kind": "action_plan",
        "date": TimeSpan.day(dt.date(2025, 3, 5)),
    }
    return Agreement(**(base | kw))


# ---------------------------------------------------------------- merge: table of cases


@attrs.frozen
class MergeCase:
    id: str
    documents: list[Document]
    groups: list[set[str]]  # the doc ids reporting each merged record, in result order
    field: str = "arms_deals"


KRW_FOR_6_5_BN = (Decimal("6500000000") / usd_rate("KRW", 2025)).quantize(Decimal("1E9"))

MERGE_CASES = [
    # --- the same deal in several articles becomes one record
    MergeCase(
        "same-deal-same-figure",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9))),
            article("a2", "2025-08-05", deal(value=usd(6.5e9))),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "within-2-percent",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9))),
            article("a2", "2025-08-05", deal(value=usd(6.6e9))),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "won-converted-within-2-percent",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9), systems=[])),
            article("a2", "2025-08-05", deal(value=Money(amount=KRW_FOR_6_5_BN, currency="KRW"), systems=[])),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "stated-equivalent",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9), systems=[])),
            article(
                "a2",
                "2025-08-05",
                deal(
                    value=Money(amount="9160000000000", currency="KRW", equivalents=[usd(6.5e9)]), systems=[]
                ),
            ),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "category-noun-and-designation",
        [
            article("a1", "2025-08-02", deal(systems=["tanks"])),
            article("a2", "2025-08-03", deal(systems=["K2"])),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "variant-and-family",
        [
            article("a1", "2025-08-02", deal(systems=["K2PL"])),
            article("a2", "2025-08-03", deal(systems=["K2"])),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "conflicting-figures-for-one-counted-contract-kept-together",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9), quantity=180)),
            article("a2", "2025-08-05", deal(value=usd(8e9), quantity=180)),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "planned-then-signed-weeks-apart",
        [
            article("a1", "2025-06-20", deal(status="planned", value=usd(6.5e9))),
            article("a2", "2025-08-02", deal(status="signed", value=usd(6.5e9))),
        ],
        [{"a1", "a2"}],
    ),
    # --- different deals stay apart
    MergeCase(
        "framework-stays-apart-from-its-contract",
        [
            article("a1", "2022-07-28", deal(status="framework", date=Y2022, value=usd(14.5e9))),
            article("a2", "2025-08-02", deal(status="signed", date=Y2025, value=usd(6.5e9))),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "conflicting-figures-and-nothing-else-in-common",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9))),
            article("a2", "2025-08-05", deal(value=usd(8e9))),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "same-count-figures-twice-apart-two-contracts",
        [
            article("a1", "2025-08-02", deal(value=usd(3.37e9), quantity=180)),
            article("a2", "2025-08-05", deal(value=usd(6.5e9), quantity=180)),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "different-systems",
        [
            article("a1", "2025-08-02", deal(systems=["K2"])),
            article("a2", "2025-08-03", deal(systems=["K9"])),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "same-status-different-years",
        [
            article("a1", "2022-08-27", deal(date=Y2022, value=usd(3.37e9))),
            article("a2", "2025-08-02", deal(date=Y2025, value=usd(6.5e9))),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "framework-dated-after-the-signing",
        [
            article("a1", "2022-08-27", deal(status="signed", date=Y2022)),
            article("a2", "2025-08-02", deal(status="framework", date=Y2025)),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "different-recipient",
        [
            article("a1", "2025-08-02", deal(value=usd(1e9))),
            article("a2", "2025-08-03", deal(recipient=US, value=usd(1e9))),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "no-systems-different-figures",
        [
            article("a1", "2025-08-02", deal(systems=[], value=usd(1e9))),
            article("a2", "2025-08-03", deal(systems=[], value=usd(3e9))),
        ],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "nothing-to-identify-by-a-year",
        [article("a1", "2025-08-02", deal(systems=[])), article("a2", "2025-09-03", deal(systems=[]))],
        [{"a1"}, {"a2"}],
    ),
    MergeCase(
        "nothing-but-the-same-day",
        [
            article("a1", "2025-08-02", deal(systems=[], date=TimeSpan.day(dt.date(2025, 8, 1)))),
            article("a2", "2025-08-03", deal(systems=[], date=TimeSpan.day(dt.date(2025, 8, 1)))),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "one-article-two-contracts-for-one-system",
        [article("a1", "2025-08-02", deal(value=usd(3.37e9)), deal(value=usd(6.5e9)))],
        [{"a1"}, {"a1"}],
    ),
    # --- aid packages
    MergeCase(
        "aid-same-figure",
        [
            article("a1", "2023-07-16", aid(value=usd(150e6))),
            article("a2", "2023-07-20", aid(value=usd(150e6), kind="mixed")),
        ],
        [{"a1", "a2"}],
        field="aid_packages",
    ),
    MergeCase(
        "aid-different-figures-are-different-packages",
        [
            article("a1", "2023-07-16", aid(value=usd(150e6))),
            article("a2", "2023-11-20", aid(value=usd(2.3e9))),
        ],
        [{"a1"}, {"a2"}],
        field="aid_packages",
    ),
    MergeCase(
        "aid-different-kind",
        [
            article("a1", "2023-07-16", aid(value=usd(150e6))),
            article("a2", "2023-07-20", aid(value=usd(150e6), kind="military")),
        ],
        [{"a1"}, {"a2"}],
        field="aid_packages",
    ),
    # --- agreements
    MergeCase(
        "agreement-parties-in-any-order",
        [
            article("a1", "2025-03-05", agreement()),
            article("a2", "2025-03-06", agreement(parties=[PL, KR], until=TimeSpan.year(2028))),
        ],
        [{"a1", "a2"}],
        field="agreements",
    ),
    MergeCase(
        "agreement-undated-partnership-mentioned-years-apart",
        [
            article("a1", "2023-08-01", agreement(kind="strategic_partnership", date=None)),
            article("a2", "2025-03-05", agreement(kind="strategic_partnership", date=None)),
        ],
        [{"a1", "a2"}],
        field="agreements",
    ),
    MergeCase(
        "agreement-different-kind",
        [article("a1", "2025-03-05", agreement()), article("a2", "2025-03-06", agreement(kind="mou"))],
        [{"a1"}, {"a2"}],
        field="agreements",
    ),
    MergeCase(
        "agreement-different-end",
        [
            article("a1", "2025-03-05", agreement(until=TimeSpan.year(2028))),
            article("a2", "2025-03-06", agreement(until=TimeSpan.year(2030))),
        ],
        [{"a1"}, {"a2"}],
        field="agreements",
    ),
    MergeCase(
        "agreement-different-parties",
        [
            article("a1", "2025-03-05", agreement()),
            article("a2", "2025-03-06", agreement(parties=[KR, NATO])),
        ],
        [{"a1"}, {"a2"}],
        field="agreements",
    ),
]


@pytest.mark.parametrize("case", MERGE_CASES, ids=[c.id for c in MERGE_CASES])
def test_merge(case: MergeCase) -> None:
    kb = Corpus(case.documents)
    merged = kb._merged(case.field)
    assert sorted(sorted({r.doc_id for r in m.reports}) for m in merged) == sorted(
        sorted(g) for g in case.groups
    )
    # every article's own record is kept, none lost or duplicated
    assert sum(len(m.reports) for m in merged) == sum(len(getattr(d, case.field)) for d in case.documents)


def test_conflicting_values_are_claims_with_sources_never_averaged() -> None:
    kb = Corpus(
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9), quantity=180)),
            article("a2", "2025-08-04", deal(value=usd(6.52e9), quantity=180)),
            article("a3", "2025-08-05", deal(value=usd(8e9), quantity=180)),
        ]
    )
    (merged,) = kb.arms_deals()
    assert merged.conflicting
    values = [(c.value.amount, c.sources) for c in merged.claims if c.field == "value"]  # type: ignore[union-attr]
    # "$6.5 billion" and "$6.52 billion" are one figure, shown as its most precise statement
    assert values == [(Decimal("6520000000"), ("a1", "a2")), (Decimal("8000000000"), ("a3",))]
    assert merged.value == usd(6.52e9)  # the best-supported claim, as stated, not a mean
    assert [r.record.value for r in merged.reports] == [usd(6.5e9), usd(6.52e9), usd(8e9)]


def test_status_history_in_date_order() -> None:
    kb = Corpus(
        [
            article("a3", "2025-08-02", deal(status="signed", date=Y2025, quantity=180, value=usd(6.5e9))),
            article("a1", "2022-07-28", deal(status="framework", date=Y2022, quantity=1000)),
            article("a2", "2024-10-24", deal(status="planned", date=TimeSpan.day(dt.date(2024, 10, 24)))),
            article("a4", "2025-07-30", deal(status="planned", date=None, quantity=180)),
        ]
    )
    framework, contract = kb.arms_deals()
    assert (framework.status, framework.quantity, framework.doc_ids) == ("framework", 1000, ("a1",))
    assert contract.statuses == ("planned", "signed")
    assert [c.doc_id for c in contract.status_history] == ["a2", "a4", "a3"]
    assert contract.status == "signed"
    assert contract.date == Y2025  # the date of the furthest status
    assert contract.quantity == 180  # the quantity the signed report gives
    assert contract.first_reported == dt.date(2024, 10, 24)
    assert contract.doc_ids == ("a2", "a3", "a4")  # the reports in date order (a year starts in January)
    assert len(contract.evidence) == 3


def test_merged_record_round_trips_and_is_an_arms_deal() -> None:
    kb = Corpus(
        [
            article("a1", "2022-07-28", deal(value=usd(1e9), quantity=10)),
            article("a2", "2022-08-01", deal(value=usd(1.2e9), quantity=10)),
        ]
    )
    (merged,) = kb.arms_deals()
    assert isinstance(merged, ArmsDeal)
    data = json.loads(json.dumps(merged.to_dict()))
    assert MergedArmsDeal.from_dict(data) == merged
    assert Report.from_dict(merged.reports[0].to_dict()) == merged.reports[0]
    assert Claim.from_dict(merged.claims[0].to_dict()) == merged.claims[0]


def test_leaders_merged_across_spelling_variants() -> None:
    yoon = Leader(name="Yoon Suk Yeol", role="president", country=KR)
    kb = Corpus(
        [
            article("a1", "2023-08-01", yoon),
            article("a2", "2024-10-24", attrs.evolve(yoon, name="Yoon Suk-yeol")),
            article("a3", "2024-10-24", Leader(name="Andrzej Duda", role="president", country=PL)),
        ]
    )
    (merged,) = kb.leaders(country="KR")
    assert merged.name == "Yoon Suk Yeol"
    assert "Yoon Suk-yeol" in merged.aliases
    assert {ev.doc_id for ev in merged.evidence} == {"a1", "a2"}


# ---------------------------------------------------------------- queries


@pytest.fixture(scope="module")
def kb() -> Corpus:
    return Corpus(
        [
            article("d1", "2022-07-28", deal(status="framework", date=Y2022, systems=["FA-50"])),
            article("d2", "2022-08-27", deal(date=Y2022, systems=["K9A1"], value=usd(2.4e9), quantity=212)),
            article("d3", "2025-08-02", deal(date=Y2025, systems=["K2"], value=usd(6.5e9), quantity=180)),
            article("d4", "2023-09-01", deal(supplier=US, date=Y2023, systems=["Apache"], value=usd(12e9))),
            article("d5", "2023-07-16", aid(value=usd(150e6)), aid(kind="military", value=usd(1e8))),
            article(
                "d6",
                "2025-03-05",
                agreement(until=TimeSpan.year(2028)),
                agreement(parties=[KR, NATO], kind="partnership", date=Y2022),
                Leader(name="Cho Tae-yul", role="foreign minister", country=KR, term_start="2024-01-11"),
                Leader(name="Radek Sikorski", role="foreign minister", country=PL, term_start="2023-12-13"),
            ),
        ]
    )


@attrs.frozen
class QueryCase:
    id: str
    query: dict[str, Any]
    expected: list[str]  # doc ids of the results' first reports, in order
    method: str = "arms_deals"


QUERY_CASES = [
    QueryCase("all-in-date-order", {}, ["d1", "d2", "d4", "d3"]),
    QueryCase("supplier-code", {"supplier": "KR"}, ["d1", "d2", "d3"]),
    QueryCase("supplier-name", {"supplier": "South Korea"}, ["d1", "d2", "d3"]),
    QueryCase("supplier-alias", {"supplier": "Republic of Korea"}, ["d1", "d2", "d3"]),
    QueryCase("supplier-object", {"supplier": US}, ["d4"]),
    QueryCase("party-either-side", {"party": "Poland"}, ["d1", "d2", "d4", "d3"]),
    QueryCase("status-one", {"status": "framework"}, ["d1"]),
    QueryCase("status-several", {"status": ["signed", "delivered"]}, ["d2", "d4", "d3"]),
    QueryCase("system-family-finds-variant", {"system": "K9"}, ["d2"]),
    QueryCase("system-category", {"system": "tanks"}, ["d3"]),
    QueryCase("system-alias", {"system": "Black Panther"}, ["d3"]),
    QueryCase("since-year", {"since": 2023}, ["d4", "d3"]),
    QueryCase("until-iso-date", {"until": "2022-12-31"}, ["d1", "d2"]),
    QueryCase("since-and-until", {"since": "2023-01", "until": dt.date(2024, 1, 1)}, ["d4"]),
    QueryCase("min-value-usd", {"min_value_usd": 5_000_000_000}, ["d4", "d3"]),
    QueryCase("aid-donor", {"donor": "KR"}, ["d5", "d5"], method="aid_packages"),
    QueryCase("aid-kind", {"kind": "military"}, ["d5"], method="aid_packages"),
    QueryCase("agreements-party", {"party": "NATO"}, ["d6"], method="agreements"),
    QueryCase("agreements-both-parties", {"party": ["KR", "PL"]}, ["d6"], method="agreements"),
    QueryCase("agreements-active", {"active_on": "2026-01-01"}, ["d6", "d6"], method="agreements"),
    QueryCase("agreements-expired", {"active_on": "2029-01-01"}, ["d6"], method="agreements"),
    QueryCase("agreements-not-yet", {"active_on": "2021-06-01"}, [], method="agreements"),
]


def test_a_framework_is_its_own_record() -> None:
    kb = Corpus(
        [
            article("d1", "2022-07-28", deal(status="framework", date=Y2022, systems=["K2", "K9", "FA-50"])),
            article("d2", "2022-08-27", deal(date=Y2022, systems=["K9A1"], value=usd(2.4e9))),
            article("d3", "2025-08-02", deal(date=Y2025, systems=["K2"], value=usd(6.5e9))),
        ]
    )
    # the framework is never merged into a contract signed under it; two contracts stay two
    assert [m.doc_ids for m in kb.arms_deals()] == [("d1",), ("d2",), ("d3",)]


@pytest.mark.parametrize("case", QUERY_CASES, ids=[c.id for c in QUERY_CASES])
def test_query(kb: Corpus, case: QueryCase) -> None:
    results = getattr(kb, case.method)(**case.query)
    assert isinstance(results, Results)
    assert [r.reports[0].doc_id for r in results] == case.expected


def test_agreement_kinds_returned(kb: Corpus) -> None:
    assert [a.kind for a in kb.agreements(active_on="2029-01-01")] == ["partnership"]


def test_leaders_query(kb: Corpus) -> None:
    assert [x.name for x in kb.leaders(role="Foreign Minister")] == ["Cho Tae-yul", "Radek Sikorski"]
    assert [x.name for x in kb.leaders(country="Poland")] == ["Radek Sikorski"]
    assert [x.name for x in kb.leaders(on="2023-12-31")] == ["Radek Sikorski"]


def test_unknown_names_raise_with_suggestions(kb: Corpus) -> None:
    with pytest.raises(UnknownEntityError) as info:
        kb.arms_deals(recipient="Polnd")
    assert "Poland" in info.value.suggestions


@pytest.mark.parametrize(
    ("query", "field"),
    [({"status": "agreed"}, "status"), ({"since": "last year"}, "since"), ({"until": "2023-13"}, "until")],
    ids=["status", "since", "until"],
)
def test_bad_query_values_name_the_argument(kb: Corpus, query: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        kb.arms_deals(**query)
    assert info.value.field == field


def test_unmerged_records(kb: Corpus) -> None:
    raw = kb.arms_deals(merged=False, supplier="KR")
    assert [type(d) for d in raw] == [ArmsDeal] * 3
    assert [d.quantity for d in raw] == [None, 212, 180]


def test_timeline(kb: Corpus) -> None:
    timeline = kb.timeline(party="NATO")
    assert [type(r).__name__ for r in timeline] == ["MergedAgreement"]
    everything = kb.timeline()
    starts = [r.date.start for r in everything]
    assert starts == sorted(starts)
    assert len(everything) == 4 + 2 + 2


def test_total_same_currency_is_exact(kb: Corpus) -> None:
    total = kb.arms_deals(supplier="KR").total()
    assert (total.amount, total.currency, total.qualifier) == (Decimal("8900000000"), "USD", "exact")
    assert not total.estimated
    framework, k9, k2 = kb.arms_deals(supplier="KR")
    assert total.summed == (k9.id, k2.id)
    assert total.frameworks == (framework.id,)  # a framework's value never adds to its contracts'
    assert total.unvalued == ()
    assert total.converted == ()
    assert total.text == "sum of 2 stated values (3 records); 1 framework agreements left out"
    assert str(total) == "USD 8.9 billion"


def test_total_uses_the_stated_dollar_equivalent() -> None:
    won = Money(amount="9000000000000", currency="KRW", equivalents=[usd(6.5e9)])
    kb = Corpus(
        [
            article("a1", "2025-08-02", deal(value=won)),
            article("a2", "2025-08-03", deal(value=usd(3e9), systems=["K9"])),
        ]
    )
    total = kb.arms_deals().total()
    assert total.amount == Decimal("9500000000")
    assert not total.estimated
    assert total.converted == ()
    in_won = kb.arms_deals().total("KRW")
    assert in_won.estimated
    assert len(in_won.converted) == 1


def test_total_with_conversion_is_estimated(kb: Corpus) -> None:
    total = kb.arms_deals(supplier="KR").total("EUR")
    expected = Decimal("2400000000") / usd_rate("EUR", 2022) + Decimal("6500000000") / usd_rate("EUR", 2025)
    assert total.currency == "EUR"
    assert total.estimated
    assert total.qualifier == "about"
    assert abs(total.amount - expected) <= 1


def test_total_mixed_currencies() -> None:
    won = Money(amount="1000000000000", currency="KRW")
    kb = Corpus(
        [
            article("a1", "2025-01-02", deal(value=won, systems=[])),
            article("a2", "2025-02-02", deal(value=usd(1e9), recipient=US)),
        ]
    )
    total = kb.arms_deals().total()
    assert total.estimated
    assert total.amount == (Decimal("1e12") * usd_rate("KRW", 2025)).quantize(Decimal(1)) + Decimal("1e9")


def test_results_sequence_behaviour(kb: Corpus) -> None:
    results = kb.arms_deals()
    assert len(results[1:3]) == 2
    assert isinstance(results[1:3], Results)
    assert results == list(results)
    assert repr(results) == "<Results: 4 MergedArmsDeal>"


def test_to_dataframe(kb: Corpus) -> None:
    pandas = pytest.importorskip("pandas")
    frame = kb.arms_deals(supplier="KR").to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["quantity"].astype("object").where(frame["quantity"].notna(), None)) == [None, 212, 180]
    assert frame["value_amount"].isna().tolist() == [True, False, False]
    assert frame["value_amount"].tolist()[1:] == [2.4e9, 6.5e9]
    assert list(frame["recipient"]) == ["PL"] * 3


def test_to_dataframe_without_pandas_names_the_extra(kb: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"korpol\[pandas\]"):
        kb.arms_deals().to_dataframe()


# ---------------------------------------------------------------- construction


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(ValidationError, match="a1"):
        Corpus([article("a1", "2025-01-01"), article("a1", "2025-01-02")])


def test_documents_only() -> None:
    with pytest.raises(TypeError):
        Corpus(["not a document"])  # type: ignore[list-item]


def test_lookup_by_id_and_position(kb: Corpus) -> None:
    assert kb["d3"].published == dt.date(2025, 8, 2)
    assert kb[0].id == "d1"
    with pytest.raises(KeyError):
        kb["missing"]


def test_from_texts_metadata() -> None:
    kb = Corpus.from_texts(
        ["Seoul and Warsaw talked.", {"text": b"Poland bought tanks.", "id": "x", "published": "2024-10-24"}],
        published="2025-01-01",
    )
    assert [(d.id, d.published) for d in kb] == [
        ("text-1", dt.date(2025, 1, 1)),
        ("x", dt.date(2024, 10, 24)),
    ]


def test_from_dir_reads_manifest_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Seoul and Warsaw talked on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Warsaw welcomed the Korean delegation.".encode("cp1252"))
    (tmp_path / "c.txt").write_text("NATO met in Vilnius.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps(
            {"title": "Talks", "published": "2024-10-24", "url": "https://example.org/a", "arms_deals": []}
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.toml").write_text('id = "bee"\npublished = "2023-07-15"\n', encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text(
        "# notes\nid\tfile\ttitle\npapers-c\tc.txt\tSummit\n", encoding="utf-8"
    )
    with pytest.warns(KorpolWarning, match=r"skipped 1 file\(s\) that match no pattern .*: notes\.md"):
        kb = Corpus.from_dir(tmp_path, published="2020-01-01")
    rows = [(d.id, d.published, d.title, d.source) for d in kb]
    assert rows == [
        ("a", dt.date(2024, 10, 24), "Talks", "https://example.org/a"),
        ("bee", dt.date(2023, 7, 15), None, None),
        ("papers-c", dt.date(2020, 1, 1), "Summit", None),
    ]


def test_from_dir_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        Corpus.from_dir(tmp_path / "nowhere")


def test_progress_callback(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Text.", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    Corpus.from_dir(tmp_path, progress=lambda i, n, name: calls.append((i, n, name)))
    assert calls == [(0, 2, "a.txt"), (1, 2, "b.txt"), (2, 2, "")]


# ---------------------------------------------------------------- the cookbook runs


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_querying_cookbook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks(DOCS / "querying.md")
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "cookbook"}
    for block in blocks:
        exec(compile(block, str(DOCS / "querying.md"), "exec"), namespace)


def _recap_article(doc_id: str, published: str, value: Money, count: int | None = None) -> Document:
    text = "Since 2022 Poland has signed contracts with South Korea worth a combined sum."
    ev = Evidence(doc_id=doc_id, start=0, end=len(text), text=text, sentence=text)
    recap = Aggregate(of="arms_deals", supplier=KR, recipient=PL, value=value, count=count, evidence=[ev])
    return Document(id=doc_id, published=published, text=text, aggregates=[recap])


def test_a_recap_names_the_one_set_of_contracts_it_adds_up() -> None:
    kb = Corpus(
        [
            article("a1", "2022-08-27", deal(date=Y2022, systems=["K2"], value=usd(3.37e9), quantity=180)),
            article("a2", "2022-08-27", deal(date=Y2022, systems=["K9"], value=usd(2.4e9), quantity=212)),
            article("a3", "2023-12-02", deal(date=Y2023, systems=["K9"], value=usd(2.6e9), quantity=152)),
            _recap_article("r1", "2024-01-10", usd(5.77e9, "about"), count=2),
            _recap_article("r2", "2022-09-01", usd(5.77e9)),  # before the 2023 contract: the 2022 pair
            _recap_article("r3", "2024-01-10", usd(5.0e9)),  # 2.4 + 2.6: one set only
            _recap_article("r4", "2024-01-10", usd(9e9)),  # nothing adds up to it
        ]
    )
    deals = {d.quantity: d.id for d in kb.arms_deals()}
    sums = {a.doc_id: set(a.sums) for a in kb.aggregates()}
    assert sums == {
        "r1": {deals[180], deals[212]},
        "r2": {deals[180], deals[212]},
        "r3": {deals[212], deals[152]},
        "r4": set(),
    }
    assert [a.id for a in kb.aggregates(since="2024-01-01")] == ["sum-1", "sum-3", "sum-4"]
    assert len(kb.arms_deals()) == 3  # never deals of their own


def test_a_recap_two_sets_could_add_up_to_names_none() -> None:
    kb = Corpus(
        [
            article("a1", "2022-08-27", deal(systems=["K2"], value=usd(2e9), quantity=10)),
            article("a2", "2022-08-27", deal(systems=["K9"], value=usd(2e9), quantity=20)),
            article("a3", "2022-08-27", deal(systems=["FA-50"], value=usd(2e9), quantity=30)),
            _recap_article("r1", "2023-01-10", usd(4e9), count=2),
        ]
    )
    (recap,) = kb.aggregates()
    assert recap.sums == ()


def test_each_field_names_the_article_it_comes_from() -> None:
    day = TimeSpan.day(dt.date(2025, 8, 1))
    kb = Corpus(
        [
            article("counts", "2025-08-02", deal(quantity=180, date=day)),
            article("prices", "2025-08-03", deal(value=usd(6.5e9))),
            article("plans", "2025-06-01", deal(status="planned", value=usd(6.5e9))),
        ]
    )
    (merged,) = kb.arms_deals()
    assert merged.stated_in("value") == "prices"
    assert merged.stated_in("quantity") == "counts"
    assert merged.stated_in("date") == "counts"  # the finest date: "on August 1"
    assert merged.stated_in("status") == "prices"  # the first report (in date order) of the furthest status
    assert MergedArmsDeal.from_dict(json.loads(json.dumps(merged.to_dict()))) == merged


def test_two_terms_in_one_office_stay_two_leaders() -> None:
    first = Leader(
        name="Donald Trump", role="president", country=US, term_start="2017-01-20", term_end="2021-01-20"
    )
    second = Leader(name="Donald Trump", role="president", country=US, term_start="2025-01-20")
    untimed = Leader(name="Donald Trump", role="president", country=US)
    kb = Corpus([article("a1", "2019-05-01", first), article("a2", "2025-03-01", second, untimed)])
    terms = kb.leaders(country="US")
    assert [(t.term_start, t.term_end) for t in terms] == [
        (dt.date(2017, 1, 20), dt.date(2021, 1, 20)),
        (dt.date(2025, 1, 20), None),
    ]
    assert [len(t.evidence) for t in terms] == [1, 2]  # the untimed mention of 2025: the second term


def test_reports_have_rows_of_their_records(kb: Corpus) -> None:
    rows = kb.reports().to_rows()
    assert len(rows) == len(kb.reports())
    assert {row["type"] for row in rows} >= {"ArmsDeal", "AidPackage"}
    assert all(row["doc_ids"] for row in rows)


# ---------------------------------------------------------------- the doors refuse what makes no sense


@pytest.mark.parametrize(
    ("call", "argument", "shown"),
    [
        (lambda kb: kb.arms_deals(supplier=42), "supplier", "got int (42)"),
        (lambda kb: kb.arms_deals(party=3.5), "party", "got float"),
        (lambda kb: kb.arms_deals(status=5), "status", "got int (5)"),
        (lambda kb: kb.arms_deals(system=42), "system", "got int (42)"),
        (lambda kb: kb.aid_packages(kind=7), "kind", "got int (7)"),
        (lambda kb: kb.agreements(party=17), "party", "got int (17)"),
        (lambda kb: kb.leaders(role=1), "role", "got int (1)"),
        (lambda kb: kb.timeline(party=b"KR"), "party", "got bytes"),
        (lambda kb: Corpus.from_texts("Poland bought K2 tanks."), "texts", "got str"),
        (lambda kb: Corpus.from_texts(b"Poland"), "texts", "got bytes"),
        (lambda kb: Corpus.from_dir(None), "path", "got NoneType"),
        (lambda kb: Corpus.from_dir(".", pattern=3), "pattern", "got int"),
    ],
    ids=["supplier", "party", "status", "system", "kind", "agreement-party", "role", "timeline-party",
         "from-texts-str", "from-texts-bytes", "from-dir-none", "from-dir-pattern"],
)
def test_a_wrong_type_at_a_door_is_an_input_type_error_naming_it(
    kb: Corpus, call: Any, argument: str, shown: str
) -> None:
    with pytest.raises(InputTypeError) as info:
        call(kb)
    assert info.value.argument == argument
    assert shown in str(info.value)


@pytest.mark.parametrize("query", ["arms_deals", "aid_packages", "agreements"])
def test_since_after_until_is_an_error_not_an_empty_answer(kb: Corpus, query: str) -> None:
    with pytest.raises(ValidationError, match=r"since: .* is not valid: after until \(2022-12-31\)"):
        getattr(kb, query)(since=2023, until=2022)
    assert getattr(kb, query)(since=2022, until=2022) is not None  # one year is fine


def test_repair_refuses_bytes() -> None:
    with pytest.raises(InputTypeError, match="decode bytes first"):
        korpol.repair(b"Korea\xe2\x80\x99s")


def test_from_dir_goes_on_past_a_bad_file_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a.txt").write_text("Poland ordered K2 tanks from South Korea.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Poland ordered K9 howitzers from South Korea.", encoding="utf-8")
    (tmp_path / "b.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Seoul pledged aid to Kyiv.", encoding="utf-8")
    (tmp_path / "c.json").write_bytes(b'{"title": "caf\xe9"}')
    (tmp_path / "d.txt").write_text("Seoul pledged aid.", encoding="utf-8")
    (tmp_path / "d.json").write_text('{"published": "yesterday"}', encoding="utf-8")
    kb = Corpus.from_dir(tmp_path)
    assert [(doc.id, bool(doc.errors)) for doc in kb] == [("a", False), ("b", True), ("c", True), ("d", True)]
    assert kb["b"].errors[0].startswith("b.txt: ValidationError: b.json:")
    assert kb["c"].errors[0].startswith("c.txt: ValidationError: c.json:")
    assert "can't decode byte 0xe9" in kb["c"].errors[0]
    assert "published: 'yesterday' is not valid" in kb["d"].errors[0]
    assert kb["a"].arms_deals
    assert "3 of 4 files in" in caplog.text


def test_from_dir_reads_the_files_without_a_manifest_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Poland ordered K2 tanks from South Korea.", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_bytes(b"file\ttitle\na.txt\tcaf\xe9\n")
    (doc,) = Corpus.from_dir(tmp_path)
    assert doc.arms_deals
    assert doc.errors[0].startswith("manifest.tsv not read: UnicodeDecodeError")


def test_from_dir_names_a_file_whose_sidecar_takes_another_s_id_by_its_file(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Poland ordered K2 tanks from South Korea.", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"id": "a"}', encoding="utf-8")
    (tmp_path / "c.json").write_text('{"id": "a"}', encoding="utf-8")
    kb = Corpus.from_dir(tmp_path)
    assert [doc.id for doc in kb] == ["a", "b.txt", "c.txt"]
    assert kb["c.txt"].errors == ("c.txt: the id 'a' is an earlier file's; named 'c.txt'",)
    assert {ev.doc_id for deal in kb["c.txt"].arms_deals for ev in deal.evidence} == {"c.txt"}
