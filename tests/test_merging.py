"""Merging stays linear: repeats inside one article and reports of one event across a corpus.

The merges inside one article (:func:`merge_deployments`, :func:`merge_meetings`, the deal and
aid candidates' :func:`merge`) and across articles (:func:`merged_records`) once compared or
copied every record with every earlier one: one sentence repeated through a 1 MB document took
30 s, 2,000 articles reporting one deal took 48 s.  The tests time n and 4n (ratios, never
absolute times) and check that the shortcuts of the corpus merge give exactly the groups a
comparison of every report with every member gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol import (
    Agreement,
    AidPackage,
    ArmsDeal,
    Corpus,
    Country,
    Deployment,
    Document,
    Evidence,
    Leader,
    Meeting,
    Money,
    TimeSpan,
)
from korpol._corpus.merging import _RULES, _cluster, merged_records
from korpol._model.merged import Report
from korpol._records.candidate import Candidate
from korpol._records.cues import DEFAULT_CUES
from korpol._records.events import merge_deployments, merge_meetings
from korpol._records.merge import merge
from korpol._records.sentence import Sentence

KR = Country(code="KR", name="South Korea")
PL = Country(code="PL", name="Poland")


def _evidence(i: int) -> Evidence:
    return Evidence(doc_id="a", start=i, end=i + 1, text="x", sentence="x")


# ---------------------------------------------------------------- inside one article


def test_one_deployment_repeated_merges_into_one() -> None:
    def build(n: int) -> list[Deployment]:
        return [Deployment(sender="KP", destination="RU", size=10_000, evidence=[_evidence(i)]) for i in range(n)]

    merged = merge_deployments(build(50))
    assert len(merged) == 1
    assert [ev.start for ev in merged[0].evidence] == list(range(50))


def test_deployments_keep_their_order_and_sizes() -> None:
    found = [
        Deployment(sender="KP", destination="RU", evidence=[_evidence(0)]),
        Deployment(sender="KP", destination="RU", size=11_000, evidence=[_evidence(1)]),
        Deployment(sender="KP", destination="RU", size=3_000, evidence=[_evidence(2)]),
        Deployment(sender="KP", destination="UA", size=3_000, evidence=[_evidence(3)]),
        Deployment(sender="KP", destination="RU", size=3_000, date=TimeSpan.year(2024), evidence=[_evidence(4)]),
        Deployment(sender="KP", destination="RU", evidence=[_evidence(5)]),
    ]
    merged = merge_deployments(found)
    assert [(d.destination.code, d.size, [e.start for e in d.evidence]) for d in merged] == [
        ("RU", 11_000, [0, 1, 5]),  # no size yet: the first takes the next stated size
        ("RU", 3_000, [2, 4]),  # "3,000 more": another dispatch
        ("UA", 3_000, [3]),
    ]
    assert merged[1].date == TimeSpan.year(2024)


def test_one_meeting_repeated_merges_into_one() -> None:
    def build(n: int) -> list[Meeting]:
        return [
            Meeting(participants=("Yoon Suk Yeol", "Andrzej Duda"), parties=("KR", "PL"), evidence=[_evidence(i)])
            for i in range(n)
        ]

    merged = merge_meetings(build(50))
    assert len(merged) == 1
    assert len(merged[0].evidence) == 50


def test_meetings_of_other_years_stay_apart() -> None:
    people = ("Yoon Suk Yeol", "Andrzej Duda")
    found = [
        Meeting(participants=people, date=TimeSpan.year(2022), evidence=[_evidence(0)]),
        Meeting(participants=people[::-1], place="Warsaw", evidence=[_evidence(1)]),
        Meeting(participants=people, date=TimeSpan.year(2023), evidence=[_evidence(2)]),
        Meeting(participants=people, date=TimeSpan.month(2022, 7), evidence=[_evidence(3)]),
    ]
    merged = merge_meetings(found)
    assert [([e.start for e in m.evidence], m.place) for m in merged] == [([0, 1, 3], "Warsaw"), ([2], None)]


def _deal_candidates(n: int) -> list[Candidate]:
    sentences = [Sentence(i * 10, i * 10 + 9, "K2 tanks.", "k2 tanks.", (), DEFAULT_CUES) for i in range(n)]
    return [
        Candidate(
            kind="deal",
            sentence=s,
            lo=0,
            hi=9,
            value=Money(amount=3_400_000_000, currency="USD"),
            systems=["K2"],
            families={"K2"},
            first=KR,
            second=PL,
            sure=2,
        )
        for s in sentences
    ]


def test_one_deal_repeated_merges_into_one() -> None:
    (deal,) = merge(_deal_candidates(50))
    assert len(deal.sentences) == 49  # every other sentence, once


# ---------------------------------------------------------------- across a corpus


def _same_deal_corpus(n: int) -> Corpus:
    deal = ArmsDeal(
        supplier="KR",
        recipient="PL",
        status="signed",
        systems=["K2"],
        value=Money(amount=6_500_000_000, currency="USD"),
        date=TimeSpan.year(2022),
    )
    return Corpus([Document(id=f"a{i}", arms_deals=[deal]) for i in range(n)])


def test_one_deal_in_many_articles_merges_into_one() -> None:
    (deal,) = _same_deal_corpus(30).arms_deals()
    assert len(deal.reports) == 30
    assert [len(c.sources) for c in deal.claims] == [30]


def test_one_leader_in_many_articles_merges_into_one() -> None:

    def build(n: int) -> Corpus:
        docs = [
            Document(id=f"a{i}", text="Duda", leaders=[Leader(name="Andrzej Duda", role="president", country="PL",
                                                         evidence=[Evidence(doc_id=f"a{i}", start=0, end=4, text="Duda")])])
            for i in range(n)
        ]
        return Corpus(docs)

    (duda,) = build(20).leaders()
    assert [ev.doc_id for ev in duda.evidence] == [f"a{i}" for i in range(20)]


# ---------------------------------------------------------------- the shortcuts change nothing

_values = st.sampled_from(
    [
        None,
        Money(amount=1_000_000_000, currency="USD"),
        Money(amount=1_010_000_000, currency="USD"),
        Money(amount=2_000_000_000, currency="USD"),
        Money(amount=1_300_000_000_000, currency="KRW"),
    ]
)
_dates = st.sampled_from([None, TimeSpan.year(2022), TimeSpan.year(2023), TimeSpan.month(2022, 7)])
_doc_ids = st.sampled_from([None, "a", "b", "c", "d", "e"])
_published = st.sampled_from([None, "2022-05-01", "2023-03-03"])

_deals = st.builds(
    ArmsDeal,
    supplier=st.sampled_from(["KR", "PL", None]),
    recipient=st.sampled_from(["PL", "UA", None]),
    status=st.sampled_from(["framework", "planned", "signed", "delivered"]),
    systems=st.sampled_from([(), ("K2",), ("K9",), ("K2", "K9"), ("tanks",)]),
    value=_values,
    date=_dates,
    quantity=st.sampled_from([None, 10, 20]),
)
_aid = st.builds(
    AidPackage,
    donor=st.sampled_from(["KR", "JP", None]),
    recipient=st.sampled_from(["UA", None]),
    kind=st.sampled_from(["humanitarian", "military", "mixed"]),
    value=_values,
    date=_dates,
    items=st.sampled_from([(), ("K2",), ("ambulances",)]),
)
_agreements = st.builds(
    Agreement,
    parties=st.sampled_from([("KR", "PL"), ("PL", "KR"), ("KR",), ()]),
    kind=st.sampled_from(["mou", "other", "framework"]),
    date=_dates,
    value=_values,
)


def _every_member(reports: list[Report], same: Callable[[Report, Report], bool]) -> list[list[Report]]:
    """The plain complete-linkage grouping the corpus merge must equal."""
    groups: list[list[Report]] = []
    for report in reports:
        for group in groups:
            if all(same(report, member) for member in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


@pytest.mark.parametrize(("field", "records"), [("arms_deals", _deals), ("aid_packages", _aid), ("agreements", _agreements)])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_corpus_merge_groups_as_comparing_every_member(field: str, records: Any, data: st.DataObject) -> None:
    reports = data.draw(
        st.lists(st.builds(Report, doc_id=_doc_ids, published=_published, record=records), max_size=25)
    )
    groups = _every_member(reports, _RULES[field].same)
    # (the grouping itself: for deals, merged_records then attaches the reports that state less)
    clustered = _cluster(reports, _RULES[field])
    assert [[id(r) for r in g] for g in clustered] == [[id(r) for r in g] for g in groups]
    if field != "arms_deals":
        merged = merged_records(field, reports)
        assert [[id(r) for r in m.reports] for m in merged] == [[id(r) for r in g] for g in groups]
