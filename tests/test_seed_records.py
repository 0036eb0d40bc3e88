"""The bundled seed articles yield their records, with values, dates and evidence.

These pin what an analyst sees from ``korpol.load_seeds()``: the numbers, the
parties, the dates, and that every record quotes the original text — for the
mojibake seed, the damaged characters themselves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import korpol


@pytest.fixture(scope="module")
def seeds() -> dict[str, korpol.Document]:
    return {doc.id or "": doc for doc in korpol.load_seeds().documents}


def _year(span: korpol.TimeSpan | None) -> int | None:
    return span.start.year if span is not None and span.start is not None else None


def test_action_plan_seed(seeds: dict[str, korpol.Document]) -> None:
    doc = seeds["000_d5eb982e1b5ba0f4"]
    assert doc.published == dt.date(2025, 3, 5)
    aid = {
        (a.donor.code, a.recipient.code, a.value.amount, _year(a.date))
        for a in doc.aid_packages
        if a.donor and a.recipient and a.value
    }
    assert aid == {("KR", "UA", Decimal("2000000000"), 2025), ("KR", "UA", Decimal("400000000"), 2024)}
    over = next(a for a in doc.aid_packages if a.value and a.value.amount == 2_000_000_000)
    assert over.value is not None
    assert over.value.qualifier == "over"
    plan = next(a for a in doc.agreements if a.kind == "action_plan")
    assert {p.code for p in plan.parties} == {"KR", "PL"}
    assert _year(plan.date) == 2025
    assert plan.until is not None
    assert plan.until.end == dt.date(2028, 12, 31)
    partnership = next(a for a in doc.agreements if a.kind == "strategic_partnership")
    assert _year(partnership.date) == 2013
    assert {(leader.name, leader.role, leader.country.code) for leader in doc.leaders if leader.country} == {
        ("Cho Tae-yul", "foreign minister", "KR"),
        ("Radek Sikorski", "foreign minister", "PL"),
    }


def test_mojibake_seed(seeds: dict[str, korpol.Document]) -> None:
    doc = seeds["001_b0705b4e734219a1"]
    assert "euc-kr" in " ".join(doc.repairs).lower()
    deals = {
        (d.supplier.code, d.recipient.code, d.value.amount, _year(d.date))
        for d in doc.arms_deals
        if d.supplier and d.recipient and d.value
    }
    assert deals == {("KR", "PL", Decimal("17000000000"), 2023), ("KR", "PL", Decimal("13700000000"), 2022)}
    aid = {(a.value.amount, _year(a.date)) for a in doc.aid_packages if a.value}
    assert (Decimal("150000000"), 2023) in aid
    assert (Decimal("100000000"), 2022) in aid
    fund = next(a for a in doc.aid_packages if a.kind == "reconstruction")
    assert fund.value is not None
    assert fund.value.amount == Decimal("100000000")
    kinds = {(tuple(sorted(p.code for p in a.parties)), a.kind) for a in doc.agreements}
    assert (("KR", "PL"), "mou") in kinds
    assert (("NATO",), "communique") in kinds
    # evidence quotes the damaged original, and reads repaired
    for record in doc.records:
        for ev in record.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
    purchase = next(d for d in doc.arms_deals if d.value and d.value.amount == 17_000_000_000)
    assert "\u00a1\u00af" in purchase.evidence[0].text or "Poland" in purchase.evidence[0].text
    assert "\u00a1" not in purchase.evidence[0].sentence


def test_yoon_duda_seed(seeds: dict[str, korpol.Document]) -> None:
    doc = seeds["002_3f06c40906e4dae8"]
    framework = next(d for d in doc.arms_deals if d.status == "framework")
    assert (
        framework.supplier and framework.supplier.code,
        framework.recipient and framework.recipient.code,
    ) == ("KR", "PL")
    assert framework.value is not None
    assert framework.value.amount == Decimal("22000000000")
    assert framework.value.qualifier == "about"
    assert set(framework.systems) >= {"howitzers", "tanks", "fighter jets"}
    k2 = next(d for d in doc.arms_deals if "K2" in d.systems)
    assert k2.status == "planned"
    assert _year(k2.date) == 2024
    troops = [d for d in doc.deployments if d.sender and d.destination]
    assert [(d.sender.code, d.destination.code, d.size) for d in troops] == [("KP", "RU", 3000)]
    assert {leader.name for leader in doc.leaders} == {"Yoon Suk-yeol", "Andrzej Duda"}
