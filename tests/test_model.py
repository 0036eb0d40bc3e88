"""The domain model: lossless JSON round trips and validation that names the problem."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol import (
    Agreement,
    AidPackage,
    ArmsDeal,
    Country,
    Deployment,
    Document,
    Evidence,
    KorpolError,
    Leader,
    Meeting,
    Mention,
    Money,
    Organization,
    TimeSpan,
    ValidationError,
)
from tests import strategies as s

KR = Country(code="KR", name="South Korea")
PL = Country(code="PL", name="Poland")
D = dt.date

# ---------------------------------------------------------------- round trips

STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "Country": s.countries(),
    "Organization": s.organizations(),
    "Money": s.money(),
    "TimeSpan": s.time_spans(),
    "Evidence": s.evidence(),
    "Mention": s.mentions(),
    "Leader": s.leaders(),
    "ArmsDeal": s.arms_deals(),
    "AidPackage": s.aid_packages(),
    "Agreement": s.agreements(),
    "Deployment": s.deployments(),
    "Meeting": s.meetings(),
    "Document": s.documents(),
}
RECORD_IDS = list(STRATEGIES)


def assert_plain_json(value: Any, path: str = "$") -> None:
    """Only the types ``json`` produces: no Decimal, date, tuple or record sneaks through."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), f"{path}: key {key!r}"
            assert_plain_json(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            assert_plain_json(item, f"{path}[{i}]")
    else:
        assert value is None or type(value) in (str, int, bool), f"{path}: {type(value).__name__}"


@pytest.mark.parametrize("name", RECORD_IDS)
def test_from_dict_inverts_to_dict(name: str) -> None:
    @given(STRATEGIES[name])
    def check(record: Any) -> None:
        assert type(record).from_dict(record.to_dict()) == record

    check()


@pytest.mark.parametrize("name", RECORD_IDS)
def test_to_dict_is_plain_json_and_survives_a_json_round_trip(name: str) -> None:
    @given(STRATEGIES[name])
    def check(record: Any) -> None:
        data = record.to_dict()
        assert_plain_json(data)
        assert type(record).from_dict(json.loads(json.dumps(data))) == record

    check()


@settings(max_examples=20)
@given(s.documents())
def test_document_evidence_quotes_its_text(doc: Document) -> None:
    for record in doc.records:
        for ev in record.evidence:
            assert doc.text[ev.start : ev.end] == ev.text


@given(s.time_spans(resolved=True))
def test_resolved_spans_are_ordered_and_aligned(span: TimeSpan) -> None:
    assert span.start is not None
    assert span.end is not None
    assert span.start <= span.end
    assert span.resolved
    if span.precision in ("month", "quarter", "year", "decade"):
        assert span.start.day == 1
        assert (span.end + dt.timedelta(days=1)).day == 1


def test_records_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        KR.code = "PL"  # type: ignore[misc]


# ---------------------------------------------------------------- the JSON contract


def test_json_contract_of_parties_money_and_time() -> None:
    deal = ArmsDeal(
        supplier=KR,
        recipient=PL,
        status="signed",
        value=Money(amount="17000000000", currency="USD", qualifier="about", text="USD 17 billion"),
        date=TimeSpan.year(2023, text="last year"),
        systems=["K2"],
        quantity=180,
    )
    data = deal.to_dict()
    assert data["supplier"] == {"type": "country", "code": "KR", "name": "South Korea", "aliases": [], "alpha3": "KOR"}
    assert data["value"]["amount"] == "17000000000"
    assert data["value"]["currency"] == "USD"
    assert data["value"]["qualifier"] == "about"
    assert data["date"] == {
        "start": "2023-01-01",
        "end": "2023-12-31",
        "precision": "year",
        "text": "last year",
        "relation": "at",
        "span": None,
    }
    assert data["systems"] == ["K2"]
    assert data["quantity"] == 180


def test_amounts_serialise_without_exponent() -> None:
    assert Money(amount=Decimal("1.7E+10"), currency="KRW").to_dict()["amount"] == "17000000000"
    assert Money(amount=Decimal("0.25"), currency="EUR").to_dict()["amount"] == "0.25"


def test_from_dict_accepts_nested_dicts_and_organisations() -> None:
    nato = Organization(code="NATO", name="North Atlantic Treaty Organization")
    leader = Leader(name="Jens Stoltenberg", role="secretary general", country=nato)
    again = Leader.from_dict(json.loads(json.dumps(leader.to_dict())))
    assert again == leader
    assert isinstance(again.country, Organization)


def test_from_dict_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError, match=r"Country: \['colour'\] is not valid: unknown field"):
        Country.from_dict({"code": "KR", "name": "South Korea", "colour": "blue"})


def test_from_dict_rejects_non_mappings() -> None:
    with pytest.raises(ValidationError, match=r"Money: .* expected a mapping"):
        Money.from_dict(_any(["1", "USD"]))


# ---------------------------------------------------------------- conveniences


def test_currency_codes_are_normalised() -> None:
    assert Money(amount=5, currency=" usd ").currency == "USD"


def test_time_span_constructors() -> None:
    assert TimeSpan.month(2024, 2) == TimeSpan(start=D(2024, 2, 1), end=D(2024, 2, 29), precision="month")
    assert TimeSpan.day(D(2024, 10, 24)).end == D(2024, 10, 24)
    assert str(TimeSpan.year(2022, relation="since")) == "since 2022"
    assert str(TimeSpan.month(2023, 7)) == "2023-07"
    unresolved = TimeSpan(text="last year")
    assert not unresolved.resolved
    assert unresolved.year_value is None
    assert str(unresolved) == "'last year' (unresolved)"


def test_leader_terms() -> None:
    duda = Leader(name="Andrzej Duda", role="president", country=PL, term_start="2015-08-06")
    assert duda.held_on(D(2024, 1, 1))
    assert not duda.held_on(D(2010, 1, 1))


def test_document_records_lists_every_kind_deals_first() -> None:
    deal = ArmsDeal(supplier=KR, recipient=PL, status="planned")
    aid = AidPackage(donor=KR, recipient=Country(code="UA", name="Ukraine"), kind="humanitarian")
    doc = Document(arms_deals=[deal], aid_packages=[aid])
    assert doc.records == (deal, aid)


def test_datetimes_become_dates() -> None:
    assert Document(published=dt.datetime(2024, 10, 24, 9, 30)).published == D(2024, 10, 24)


# ---------------------------------------------------------------- validation


@attrs.frozen
class Bad:
    """A constructor call that must fail, the field it must name and the value it must show."""

    build: Callable[[], object]
    field: str
    shown: str  # how the bad value appears in the message (its repr)


def _any(value: object) -> Any:
    """Let a deliberately ill-typed value through the type checker."""
    return value


def _text_evidence(start: int, end: int, text: str) -> Evidence:
    return Evidence(doc_id=None, start=start, end=end, text=text)


BAD: dict[str, Bad] = {
    # codes
    "unknown country code": Bad(lambda: Country(code="XX", name="Nowhere"), "code", "'XX'"),
    "lower-case country code": Bad(lambda: Country(code="kr", name="South Korea"), "code", "'kr'"),
    "alpha-3 country code": Bad(lambda: Country(code="KOR", name="South Korea"), "code", "'KOR'"),
    "lower-case organisation code": Bad(lambda: Organization(code="nato", name="NATO"), "code", "'nato'"),
    "empty organisation code": Bad(lambda: Organization(code="", name="?"), "code", "''"),
    "unknown currency": Bad(lambda: Money(amount=1, currency="ZZZ"), "currency", "'ZZZ'"),
    "currency symbol": Bad(lambda: Money(amount=1, currency="$"), "currency", "'$'"),
    "currency not a str": Bad(lambda: Money(amount=1, currency=_any(840)), "currency", "840"),
    # amounts
    "negative amount": Bad(lambda: Money(amount=-1, currency="USD"), "amount", "Decimal('-1')"),
    "negative decimal": Bad(lambda: Money(amount="-0.5", currency="USD"), "amount", "Decimal('-0.5')"),
    "float NaN": Bad(lambda: Money(amount=float("nan"), currency="USD"), "amount", "nan"),
    "Decimal NaN": Bad(lambda: Money(amount=Decimal("NaN"), currency="USD"), "amount", "Decimal('NaN')"),
    "infinity": Bad(lambda: Money(amount=float("inf"), currency="USD"), "amount", "inf"),
    "Decimal infinity": Bad(lambda: Money(amount="Infinity", currency="USD"), "amount", "'Infinity'"),
    "words": Bad(lambda: Money(amount="abc", currency="USD"), "amount", "'abc'"),
    "a bool": Bad(lambda: Money(amount=True, currency="USD"), "amount", "True"),
    "a list": Bad(lambda: Money(amount=_any([1]), currency="USD"), "amount", "[1]"),
    "negative range top": Bad(lambda: Money(amount=1, currency="USD", upper=-2), "upper", "Decimal('-2')"),
    "range top below amount": Bad(lambda: Money(amount=10, currency="USD", upper=5), "upper", "Decimal('5')"),
    # time
    "start after end": Bad(
        lambda: TimeSpan(start=D(2023, 1, 1), end=D(2022, 12, 31), precision="day"),
        "start", "datetime.date(2023, 1, 1)",
    ),
    "year that is not whole": Bad(
        lambda: TimeSpan(start="2022-03-01", end="2022-12-31", precision="year"), "precision", "'year'"
    ),
    "month that is not whole": Bad(
        lambda: TimeSpan(start="2022-03-02", end="2022-03-31", precision="month"), "precision", "'month'"
    ),
    "quarter off its boundary": Bad(
        lambda: TimeSpan(start="2022-02-01", end="2022-04-30", precision="quarter"), "precision", "'quarter'"
    ),
    "decade off its boundary": Bad(
        lambda: TimeSpan(start="2021-01-01", end="2030-12-31", precision="decade"), "precision", "'decade'"
    ),
    "resolved span without precision": Bad(
        lambda: TimeSpan(start="2022-01-01", end="2022-12-31"), "precision", "None"
    ),
    "start without end": Bad(lambda: TimeSpan(start="2022-01-01", precision="day"), "end", "None"),
    "not an ISO date": Bad(lambda: TimeSpan(start="24 Oct 2024", end="2024-10-24"), "start", "'24 Oct 2024'"),
    "impossible date": Bad(lambda: TimeSpan(start="2024-01-01", end="2023-02-30"), "end", "'2023-02-30'"),
    "datetime with a time zone": Bad(
        lambda: Document(published=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)),
        "published", "datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)",
    ),
    "term ends before it starts": Bad(
        lambda: Leader("A", "president", PL, term_start="2020-01-01", term_end="2019-06-30"),
        "term_start", "datetime.date(2020, 1, 1)",
    ),
    # offsets
    "evidence ends before it starts": Bad(lambda: _text_evidence(5, 3, ""), "end", "3"),
    "evidence text of the wrong length": Bad(lambda: _text_evidence(0, 3, "Seoul"), "text", "'Seoul'"),
    "negative offset": Bad(lambda: _text_evidence(-1, 2, "abc"), "start", "-1"),
    "bool offset": Bad(lambda: _text_evidence(True, 2, "a"), "start", "True"),
    "span reversed": Bad(lambda: Money(amount=1, currency="USD", span=(5, 2)), "span", "(5, 2)"),
    "mention ends before it starts": Bad(
        lambda: Mention(kind="country", start=4, end=2, text=""), "end", "2"
    ),
    "evidence past the end of the text": Bad(
        lambda: Document(
            text="Seoul", arms_deals=[ArmsDeal(KR, PL, "signed", evidence=[_text_evidence(3, 8, "ul an")])]
        ),
        "evidence", "(3, 8)",
    ),
    "evidence not quoting the text": Bad(
        lambda: Document(
            text="Seoul and Warsaw",
            agreements=[Agreement(parties=[KR, PL], kind="mou", evidence=[_text_evidence(0, 6, "Warsaw")])],
        ),
        "evidence", "(0, 6)",
    ),
    "mention past the end of the text": Bad(
        lambda: Document(text="Seoul", mentions=[Mention(kind="country", start=0, end=9, text="Seoul and")]),
        "mentions", "(0, 9)",
    ),
    # vocabularies
    "deal status": Bad(lambda: ArmsDeal(KR, PL, status=_any("rumoured")), "status", "'rumoured'"),
    "aid kind": Bad(lambda: AidPackage(donor=KR, recipient=PL, kind=_any("loan")), "kind", "'loan'"),
    "agreement kind": Bad(lambda: Agreement(parties=[KR, PL], kind=_any("pact")), "kind", "'pact'"),
    "qualifier": Bad(lambda: Money(amount=1, currency="USD", qualifier=_any("up")), "qualifier", "'up'"),
    "precision": Bad(lambda: TimeSpan(text="next week", precision=_any("week")), "precision", "'week'"),
    "relation": Bad(lambda: TimeSpan(text="during 2022", relation=_any("during")), "relation", "'during'"),
    "mention kind": Bad(lambda: Mention(kind=_any("weapon"), start=0, end=0, text=""), "kind", "'weapon'"),
    # other fields
    "upper-case role": Bad(
        lambda: Leader(name="Andrzej Duda", role="President", country=PL), "role", "'President'"
    ),
    "blank leader name": Bad(lambda: Leader(name="  ", role="president", country=PL), "name", "'  '"),
    "negative quantity": Bad(lambda: ArmsDeal(KR, PL, "signed", quantity=-3), "quantity", "-3"),
    "bool quantity": Bad(lambda: ArmsDeal(KR, PL, "signed", quantity=True), "quantity", "True"),
    "deployment size as text": Bad(lambda: Deployment(KR, PL, size=_any("3,000")), "size", "'3,000'"),
    "title not a str": Bad(lambda: Document(title=_any(5)), "title", "5"),
    "place not a str": Bad(lambda: Meeting(place=_any(["Seoul"])), "place", "['Seoul']"),
    "party of the wrong type": Bad(lambda: ArmsDeal(_any(3.5), PL, "signed"), "party", "3.5"),
}


@pytest.mark.parametrize("case", list(BAD.values()), ids=list(BAD))
def test_invalid_values_raise_a_korpol_value_error_naming_field_and_value(case: Bad) -> None:
    with pytest.raises(KorpolError) as info:
        case.build()
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, ValidationError)
    assert err.field == case.field
    assert str(err).startswith(f"{case.field}: {case.shown} is not valid: "), str(err)
