"""pandas DataFrames: one dtype per column whatever the corpus, numbers as numbers, lists as lists."""

from __future__ import annotations

import datetime as dt

import pytest

from korpol import Corpus
from korpol._io.columns import KINDS

pandas = pytest.importorskip("pandas")

TEXTS = [
    ("Poland signed a contract on Friday to buy 180 K2 tanks from South Korea for $6.5 billion.",
     {"id": "k2", "published": "2025-08-01"}),
    ("South Korea pledged 8.16 trillion won in aid to Ukraine last year.", {"id": "aid", "published": "2024-10-24"}),
    ("North Korea sent 10,000 troops to Russia in October. Seoul and Warsaw signed an action plan "
     "valid until 2028. President Yoon Suk Yeol met Andrzej Duda in Warsaw.", {"id": "mix", "published": "2024-11-05"}),
]

TABLES = [
    "documents",
    "arms_deals",
    "aid_packages",
    "agreements",
    "leaders",
    "deployments",
    "meetings",
    "reports",
    "aggregates",
]


def _dtypes(frames: dict[str, object]) -> dict[str, dict[str, str]]:
    return {name: {c: str(t) for c, t in frame.dtypes.items()} for name, frame in frames.items()}  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def full() -> dict[str, object]:
    return Corpus.from_texts(TEXTS).to_dataframes()


def test_to_dataframes_gives_every_table(full: dict[str, object]) -> None:
    assert list(full) == TABLES
    assert len(full["arms_deals"]) == 1  # type: ignore[arg-type]
    assert len(full["documents"]) == 3  # type: ignore[arg-type]


def test_dtypes_are_the_same_for_an_empty_corpus_and_a_full_one(full: dict[str, object]) -> None:
    empty = Corpus().to_dataframes()
    assert _dtypes(empty) == _dtypes(full)
    assert all(len(frame) == 0 for frame in empty.values())  # type: ignore[arg-type]


def test_each_kind_of_column_has_its_dtype(full: dict[str, object]) -> None:
    deals = full["arms_deals"]
    types = {c: str(t) for c, t in deals.dtypes.items()}  # type: ignore[attr-defined]
    assert types["value_amount"] == "Float64"
    assert types["value_usd"] == "Float64"
    assert types["quantity"] == "Int64"
    assert types["n_reports"] == "Int64"
    assert types["conflicting"] == "boolean"
    assert types["date_start"].startswith("datetime64")
    assert types["supplier"] == "string"
    assert types["systems"] == "object"
    assert set(KINDS.values()) >= {t.split("[")[0] for t in types.values()}


def test_numbers_compute_and_missing_values_are_na(full: dict[str, object]) -> None:
    deals, aid = full["arms_deals"], full["aid_packages"]
    assert deals["value_usd"].sum() == 6.5e9  # type: ignore[index]
    assert deals.loc[0, "quantity"] == 180  # type: ignore[attr-defined]
    assert aid.loc[0, "value_currency"] == "KRW"  # type: ignore[attr-defined]
    assert 5e9 < aid.loc[0, "value_usd"] < 7e9  # type: ignore[attr-defined]  # converted at 2023's rate
    docs = full["documents"]
    assert docs["published"].tolist() == [pandas.Timestamp(2025, 8, 1), pandas.Timestamp(2024, 10, 24),  # type: ignore[index]
                                          pandas.Timestamp(2024, 11, 5)]
    counts = docs["arms_deals"]  # type: ignore[index]
    assert str(counts.dtype) == "Int64"
    assert counts.sum() == 1


def test_lists_are_lists(full: dict[str, object]) -> None:
    deals = full["arms_deals"]
    assert deals.loc[0, "systems"] == ["K2"]  # type: ignore[attr-defined]
    assert deals.loc[0, "doc_ids"] == ["k2"]  # type: ignore[attr-defined]
    agreements = full["agreements"]
    assert agreements.loc[0, "parties"] == ["KR", "PL"]  # type: ignore[attr-defined]


def test_a_missing_value_is_na_not_none_or_nan() -> None:
    frame = Corpus.from_texts(["Poland bought K2 tanks from South Korea."]).to_dataframes()["arms_deals"]
    assert frame["value_usd"].isna().all()
    assert frame.loc[0, "value_usd"] is pandas.NA
    assert frame.loc[0, "date_start"] is pandas.NaT


def test_dates_outside_the_nanosecond_range_are_kept() -> None:
    from korpol import Document, Meeting, TimeSpan

    meeting = Meeting(participants=["a"], date=TimeSpan.year(1600))
    frame = Corpus([Document(id="old", meetings=[meeting])]).to_dataframes()["meetings"]
    assert frame.loc[0, "date_start"].year == 1600
    assert frame.loc[0, "date_end"].date() == dt.date(1600, 12, 31)


def test_an_empty_query_has_its_record_types_columns() -> None:
    """No match is still a deals table: a notebook's code that selects "supplier" keeps working."""
    pytest.importorskip("pandas")
    from korpol import Corpus

    kb = Corpus([])
    assert list(kb.arms_deals().to_dataframe().columns)[:3] == ["id", "supplier", "supplier_name"]
    assert list(kb.aid_packages(party="UA").to_dataframe().columns)[:3] == ["id", "donor", "donor_name"]
    assert "kind" in kb.agreements().to_dataframe().columns
    assert list(kb.leaders().to_dataframe().columns)[:2] == ["name", "role"]
    assert "of" in kb.aggregates().to_dataframe().columns
    assert list(kb.arms_deals()[:0].to_dataframe().columns)[:2] == ["id", "supplier"]  # a slice too
    assert list(kb.timeline().to_dataframe().columns)[:2] == ["type", "id"]
