"""End to end: one real programme told by twelve articles, merged into the table of its contracts.

``tests/programme_kr_pl`` holds twelve articles in different outlets' styles (wire, TV and radio
scripts, a Korean daily, a company release, a scraped web page, a think-tank recap, a column, a
year-end review) on the South Korea -> Poland arms programme of 2022-2025, and ``truth.json``
the publicly reported contracts, frameworks and recap totals they tell of (see its README).
The corpus built from the parsed articles must give that table: each contract once, with its
quantity, a value among the figures the articles state, its year and its framework; each
framework with its draw-down; every recap total linked to the contracts it adds up; and a
signed total within 1 % of the true one.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import korpol
from korpol import Corpus
from korpol._corpus.matching import system_keys

ROOT = Path(__file__).resolve().parent / "programme_kr_pl"
TRUTH = json.loads((ROOT / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb() -> Corpus:
    docs = []
    for text in sorted(ROOT.glob("p*.txt")):
        meta = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        docs.append(korpol.parse(text.read_text(encoding="utf-8"), published=meta["published"], id=text.stem))
    return Corpus(docs)


def _family(systems: Any) -> set[str]:
    return system_keys(systems)[0]


def _contracts(kb: Corpus) -> list[Any]:
    """The merged signed or delivered KR -> PL deals that state a value."""
    signed = kb.arms_deals(supplier="KR", recipient="PL", status=["signed", "delivered"])
    return [d for d in signed if d.value is not None]


def _usd(deal: Any) -> Decimal:
    year = deal.date.start.year if deal.date and deal.date.start else None
    return Decimal(deal.value.to_usd(year).amount)


def _match(kb: Corpus, truth: dict[str, Any]) -> Any:
    found = [
        d
        for d in _contracts(kb)
        if _family(d.systems) & _family(truth["systems"])
        and d.quantity == truth["quantity"]
        and d.date is not None
        and d.date.start is not None
        and d.date.start.year == int(truth["signed"][:4])
    ]
    assert len(found) == 1, (truth["id"], found)
    return found[0]


SIGNED = [c for c in TRUTH["contracts"] if c.get("value_usd")]


@pytest.mark.parametrize("truth", SIGNED, ids=[c["id"] for c in SIGNED])
def test_each_contract_is_one_merged_deal_with_its_figures(kb: Corpus, truth: dict[str, Any]) -> None:
    deal = _match(kb, truth)
    stated = [Decimal(v["amount"]) for v in truth["value_stated"] if v["currency"] == "USD"] or [
        Decimal(truth["value_usd"])
    ]
    # the value is one the articles state (in dollars, or converted from a stated won figure
    # within the 8 % a journalist's day rate differs from the year's average)
    assert any(abs(_usd(deal) - s) <= Decimal("0.08") * s for s in stated), (truth["id"], deal.value)
    assert set(deal.statuses) <= set(truth["statuses"]), (truth["id"], deal.statuses)


def test_no_other_priced_contract(kb: Corpus) -> None:
    assert len(_contracts(kb)) == len(SIGNED)


def test_signed_total_within_one_percent(kb: Corpus) -> None:
    total = kb.arms_deals(supplier="KR", recipient="PL", status=["signed", "delivered"]).total()
    true_total = Decimal(TRUTH["total_signed_usd"])
    assert abs(total.amount - true_total) <= Decimal("0.01") * true_total, str(total)
    assert len(total.summed) == len(SIGNED)
    assert str(total) == "about USD 23 billion"


FRAMEWORK_LEFT = {"fw-k2": 640, "fw-k9": 308, "fw-fa50": 0, "fw-chunmoo": None}


@pytest.mark.parametrize("truth", TRUTH["frameworks"], ids=[f["id"] for f in TRUTH["frameworks"]])
def test_frameworks_and_their_drawdown(kb: Corpus, truth: dict[str, Any]) -> None:
    (framework,) = [
        d
        for d in kb.arms_deals(supplier="KR", recipient="PL", status="framework")
        if _family(d.systems) & _family(truth["systems"]) and d.quantity == truth["quantity"]
    ]
    under = [c["id"] for c in TRUTH["contracts"] if c.get("framework") == truth["id"] and c.get("value_usd")]
    linked = [_match(kb, c).id for c in TRUTH["contracts"] if c["id"] in under]
    assert framework.drawdown is not None
    assert set(framework.drawdown.contracts) == set(linked)
    # Chunmoo: 218 + 72 launchers contracted under a framework for 288 (the articles explain
    # the two extra); korpol says it cannot tell what remains
    assert framework.drawdown.remaining == FRAMEWORK_LEFT[truth["id"]]
    assert all(_match(kb, c).framework == framework.id for c in TRUTH["contracts"] if c["id"] in under)


@pytest.mark.parametrize("truth", TRUTH["aggregates"], ids=[a["doc"] for a in TRUTH["aggregates"]])
def test_recap_totals_name_the_contracts_they_add_up(kb: Corpus, truth: dict[str, Any]) -> None:
    (recap,) = [a for a in kb.aggregates() if a.doc_id == truth["doc"] and a.value is not None]
    assert recap.value.amount == truth["amount"]
    want = {_match(kb, c).id for c in TRUTH["contracts"] if c["id"] in truth["sums"]}
    assert set(recap.sums) == want


def test_recap_totals_are_never_deals(kb: Corpus) -> None:
    recaps = {a.value.amount for a in kb.aggregates() if a.value is not None}
    assert not [d for d in kb.arms_deals() if d.value is not None and d.value.amount in recaps]


# ---------------------------------------------------------------- properties of merging


def _table(kb: Corpus) -> list[tuple[Any, ...]]:
    """A corpus's merged deals, without ids or order: who, what, how many, which reports."""
    return sorted(
        (
            d.supplier.code if d.supplier else "",
            d.recipient.code if d.recipient else "",
            d.status,
            d.quantity or 0,
            str(d.value),
            tuple(sorted((r.doc_id or "", repr(r.record.evidence)) for r in d.reports)),
        )
        for d in kb.arms_deals()
    )


@settings(max_examples=8, deadline=None)
@given(order=st.permutations(range(12)))
def test_merging_does_not_depend_on_the_order_of_documents(kb: Corpus, order: list[int]) -> None:
    documents = list(kb)
    assert _table(Corpus([documents[i] for i in order])) == _table(kb)


def test_merging_a_corpus_with_itself_changes_only_the_report_counts(kb: Corpus) -> None:
    copies = [attrs.evolve(doc, id=f"{doc.id}-copy") for doc in kb]
    doubled = Corpus([*kb, *copies]).arms_deals()
    single = kb.arms_deals()
    assert len(doubled) == len(single)
    for once, twice in zip(single, doubled, strict=True):
        assert (once.status, once.quantity, once.value, once.framework) == (
            twice.status,
            twice.quantity,
            twice.value,
            twice.framework,
        )
        assert len(twice.reports) == 2 * len(once.reports)


def test_no_merged_deal_holds_two_records_an_article_kept_apart(kb: Corpus) -> None:
    for deal in kb.arms_deals():
        docs = [r.doc_id for r in deal.reports]
        assert len(docs) == len(set(docs)), (deal.id, docs)
