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
from korpol._errors import MissingDependencyError
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
        "conflicting-figures-same-systems-kept-together",
        [
            article("a1", "2025-08-02", deal(value=usd(6.5e9))),
            article("a2", "2025-08-05", deal(value=usd(8e9))),
        ],
        [{"a1", "a2"}],
    ),
    MergeCase(
        "status-moves-forward-over-years",
        [
            article("a1", "2022-07-28", deal(status="framework", date=Y2022, value=usd(14.5e9))),
            article("a2", "2025-08-02", deal(status="signed", date=Y2025, value=usd(6.5e9))),
        ],
        [{"a1", "a2"}],
    ),
    # --- different deals stay apart
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
            article("a1", "2025-08-02", deal(value=usd(6.5e9))),
            article("a2", "2025-08-04", deal(value=usd(6.52e9))),
            article("a3", "2025-08-05", deal(value=usd(8e9))),
        ]
    )
    (merged,) = kb.arms_deals()
    assert merged.conflicting
    values = [(c.value.amount, c.sources) for c in merged.claims if c.field == "value"]  # type: ignore[union-attr]
    assert values == [(Decimal("6500000000"), ("a1", "a2")), (Decimal("8000000000"), ("a3",))]
    assert merged.value == usd(6.5e9)  # the best-supported claim, as stated, not a mean
    assert [r.record.value for r in merged.reports] == [usd(6.5e9), usd(6.52e9), usd(8e9)]


def test_status_history_in_date_order() -> None:
    kb = Corpus(
        [
            article("a3", "2025-08-02", deal(status="signed", date=Y2025, quantity=180)),
            article("a1", "2022-07-28", deal(status="framework", date=Y2022, quantity=1000)),
            article("a2", "2024-10-24", deal(status="planned", date=TimeSpan.day(dt.date(2024, 10, 24)))),
        ]
    )
    (merged,) = kb.arms_deals()
    assert merged.statuses == ("framework", "planned", "signed")
    assert [c.doc_id for c in merged.status_history] == ["a1", "a2", "a3"]
    assert merged.status == "signed"
    assert merged.date == Y2025  # the date of the furthest status
    assert merged.quantity == 180  # the quantity the signed report gives
    assert merged.first_reported == dt.date(2022, 7, 28)
    assert merged.doc_ids == ("a1", "a2", "a3")
    assert len(merged.evidence) == 3


def test_merged_record_round_trips_and_is_an_arms_deal() -> None:
    kb = Corpus(
        [article("a1", "2022-07-28", deal(value=usd(1e9))), article("a2", "2022-08-01", deal(value=usd(2e9)))]
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


def test_framework_merges_with_a_contract_for_one_of_its_systems() -> None:
    kb = Corpus(
        [
            article("d1", "2022-07-28", deal(status="framework", date=Y2022, systems=["K2", "K9", "FA-50"])),
            article("d2", "2022-08-27", deal(date=Y2022, systems=["K9A1"], value=usd(2.4e9))),
            article("d3", "2025-08-02", deal(date=Y2025, systems=["K2"], value=usd(6.5e9))),
        ]
    )
    # complete linkage: d3 fits the framework but not the K9 contract already merged with it
    assert [m.doc_ids for m in kb.arms_deals()] == [("d1", "d2"), ("d3",)]


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
    assert total == Money(
        amount="8900000000", currency="USD", text="sum of 2 stated values (3 records)", qualifier="exact"
    )
    assert not total.estimated


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
    assert list(frame["value_amount"]) == [None, Decimal("2400000000"), Decimal("6500000000")]
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
