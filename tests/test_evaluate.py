"""korpol's scorer: the annotation reader, each matching rule, field accuracy, the report and the command.

Every test writes its own small annotated articles into ``tmp_path`` and
scores hand-made Documents returned by a fake ``parse``, so that what is tested
is the scorer, never extraction quality.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from korpol import Agreement, AidPackage, ArmsDeal, Country, Document, Leader, Money, Organization, TimeSpan
from korpol._evaluate import (
    Annotation,
    AnnotationError,
    ArticleResult,
    EvaluationReport,
    TypeScore,
    evaluate,
    main,
    read_annotation,
)

KR = Country(code="KR", name="South Korea")
PL = Country(code="PL", name="Poland")
UA = Country(code="UA", name="Ukraine")
US = Country(code="US", name="United States")
EE = Country(code="EE", name="Estonia")
NATO = Organization(code="NATO", name="North Atlantic Treaty Organization")
EU = Organization(code="EU", name="European Union")
PUBLISHED = "2025-03-06"


# ---------------------------------------------------------------- builders


def usd(amount: float | int, currency: str = "USD") -> dict[str, Any]:
    return {"amount": amount, "currency": currency}


def gold_deal(**kw: Any) -> dict[str, Any]:
    base = {"supplier": "KR", "recipient": "PL", "value": None, "alt_values": [], "year": 2022,
            "systems": [], "quantity": None, "status": "signed", "optional": False, "note": ""}
    return {**base, **kw}


def gold_aid(**kw: Any) -> dict[str, Any]:
    base = {"donor": "KR", "recipient": "UA", "value": None, "year": 2024, "kind": "humanitarian",
            "optional": False, "note": ""}
    return {**base, **kw}


def gold_agreement(**kw: Any) -> dict[str, Any]:
    base = {"parties": ["KR", "PL"], "kind": "action_plan", "year": 2025, "until": None,
            "optional": False, "note": ""}
    return {**base, **kw}


def gold_leader(name: str, country: str = "PL", role: str = "president") -> dict[str, Any]:
    return {"name": name, "country": country, "role": role}


def money(amount: float | int | None, currency: str = "USD") -> Money | None:
    return None if amount is None else Money(amount=str(amount), currency=currency)


def deal(amount: float | int | None = None, currency: str = "USD", *, supplier: Country = KR,
         recipient: Country = PL, year: int | None = 2022, status: str = "signed",
         systems: Iterable[str] = (), quantity: int | None = None) -> ArmsDeal:
    return ArmsDeal(supplier=supplier, recipient=recipient, status=status, value=money(amount, currency),
                    date=None if year is None else TimeSpan.year(year), systems=tuple(systems),
                    quantity=quantity)


def aid(amount: float | int | None = None, currency: str = "USD", *, donor: Country = KR,
        recipient: Country = UA, year: int | None = 2024, kind: str = "humanitarian") -> AidPackage:
    return AidPackage(donor=donor, recipient=recipient, kind=kind, value=money(amount, currency),
                      date=None if year is None else TimeSpan.year(year))


def agreement(*parties: Country | Organization, kind: str = "action_plan", year: int | None = 2025,
              until: int | None = None) -> Agreement:
    return Agreement(parties=parties or (KR, PL), kind=kind,
                     date=None if year is None else TimeSpan.year(year),
                     until=None if until is None else TimeSpan.year(until))


def leader(name: str, country: Country | Organization = PL, role: str = "president") -> Leader:
    return Leader(name=name, role=role, country=country)


Records = Mapping[str, Iterable[Any]]


def write_article(directory: pathlib.Path, doc_id: str, gold: Mapping[str, Any], text: str = "",
                  published: str | None = PUBLISHED) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{doc_id}.txt").write_text(text or f"Article {doc_id}.", encoding="utf-8")
    data = {"id": doc_id, "title": "t", "url": None, "published": published, **gold}
    (directory / f"{doc_id}.json").write_text(json.dumps(data), encoding="utf-8")


def fake_parse(predictions: Mapping[str, Records]) -> Callable[..., Document]:
    """A parse() that returns hand-made records for each article id."""

    def parse(text: str | bytes, *, published: dt.date | None = None, id: str | None = None) -> Document:
        records = {k: tuple(v) for k, v in predictions.get(id or "", {}).items()}
        return Document(id=id, published=published, **records)

    return parse


def score_one(tmp_path: pathlib.Path, gold: Mapping[str, Any], predicted: Records) -> ArticleResult:
    write_article(tmp_path, "a1", gold)
    report = evaluate(tmp_path, parse=fake_parse({"a1": predicted}))
    assert len(report.articles) == 1
    return report.articles[0]


def counts(result: ArticleResult, record_type: str) -> tuple[int, int, int]:
    s = result.score(record_type)
    return s.tp, s.fp, s.fn


# ---------------------------------------------------------------- matching rules


@attrs.frozen
class Example:
    id: str
    gold: Mapping[str, Any]
    predicted: Records
    expected: tuple[int, int, int]  # tp, fp, fn of the record type of the example

    @property
    def record_type(self) -> str:
        return next(iter(self.gold))


MATCHING = [
    # arms deals: supplier + recipient + value
    Example("deal-same-value", {"arms_deals": [gold_deal(value=usd(6_500_000_000))]},
            {"arms_deals": [deal(6_500_000_000)]}, (1, 0, 0)),
    Example("deal-value-1.5pct-above", {"arms_deals": [gold_deal(value=usd(6_500_000_000))]},
            {"arms_deals": [deal(6_597_500_000)]}, (1, 0, 0)),
    Example("deal-value-exactly-2pct-below", {"arms_deals": [gold_deal(value=usd(6_500_000_000))]},
            {"arms_deals": [deal(6_370_000_000)]}, (1, 0, 0)),
    Example("deal-value-2.5pct-off", {"arms_deals": [gold_deal(value=usd(6_500_000_000))]},
            {"arms_deals": [deal(6_337_500_000)]}, (0, 1, 1)),
    Example("deal-same-amount-other-currency", {"arms_deals": [gold_deal(value=usd(6_500_000_000))]},
            {"arms_deals": [deal(6_500_000_000, "EUR")]}, (0, 1, 1)),
    Example("deal-alt-value-matches",
            {"arms_deals": [gold_deal(value=usd(6_000_000_000),
                                      alt_values=[usd(8_160_000_000_000, "KRW")])]},
            {"arms_deals": [deal(8_160_000_000_000, "KRW")]}, (1, 0, 0)),
    Example("deal-alt-value-within-2pct",
            {"arms_deals": [gold_deal(value=usd(6_000_000_000),
                                      alt_values=[usd(8_160_000_000_000, "KRW")])]},
            {"arms_deals": [deal(8_200_000_000_000, "KRW")]}, (1, 0, 0)),
    Example("deal-both-values-absent", {"arms_deals": [gold_deal()]}, {"arms_deals": [deal()]},
            (1, 0, 0)),
    Example("deal-value-invented", {"arms_deals": [gold_deal()]},
            {"arms_deals": [deal(1_000_000_000)]}, (0, 1, 1)),
    Example("deal-value-missing", {"arms_deals": [gold_deal(value=usd(1_000_000_000))]},
            {"arms_deals": [deal()]}, (0, 1, 1)),
    Example("deal-direction-reversed", {"arms_deals": [gold_deal(supplier="PL", recipient="KR")]},
            {"arms_deals": [deal()]}, (0, 1, 1)),
    Example("deal-year-is-a-field-not-a-rule", {"arms_deals": [gold_deal(year=2022)]},
            {"arms_deals": [deal(year=2019)]}, (1, 0, 0)),
    Example("deal-lowercase-gold-codes", {"arms_deals": [gold_deal(supplier="kr", recipient="pl")]},
            {"arms_deals": [deal()]}, (1, 0, 0)),
    # aid packages: donor + recipient + value
    Example("aid-same-value", {"aid_packages": [gold_aid(value=usd(2_000_000_000))]},
            {"aid_packages": [aid(2_000_000_000)]}, (1, 0, 0)),
    Example("aid-value-1pct-below", {"aid_packages": [gold_aid(value=usd(24_000_000))]},
            {"aid_packages": [aid(23_760_000)]}, (1, 0, 0)),
    Example("aid-value-off", {"aid_packages": [gold_aid(value=usd(24_000_000))]},
            {"aid_packages": [aid(12_000_000)]}, (0, 1, 1)),
    Example("aid-other-donor", {"aid_packages": [gold_aid(donor="JP")]},
            {"aid_packages": [aid()]}, (0, 1, 1)),
    Example("aid-kind-is-a-field-not-a-rule", {"aid_packages": [gold_aid(kind="military")]},
            {"aid_packages": [aid(kind="humanitarian")]}, (1, 0, 0)),
    # agreements: same party set, and same kind or same year
    Example("agreement-same-kind-other-year", {"agreements": [gold_agreement(year=2024)]},
            {"agreements": [agreement(kind="action_plan", year=2025)]}, (1, 0, 0)),
    Example("agreement-same-year-other-kind", {"agreements": [gold_agreement(kind="mou", year=2023)]},
            {"agreements": [agreement(kind="framework", year=2023)]}, (1, 0, 0)),
    Example("agreement-other-kind-other-year", {"agreements": [gold_agreement(kind="mou", year=2023)]},
            {"agreements": [agreement(kind="framework", year=2024)]}, (0, 1, 1)),
    Example("agreement-other-kind-both-undated", {"agreements": [gold_agreement(kind="mou", year=None)]},
            {"agreements": [agreement(kind="framework", year=None)]}, (0, 1, 1)),
    Example("agreement-party-order-irrelevant", {"agreements": [gold_agreement(parties=["PL", "KR"])]},
            {"agreements": [agreement(KR, PL)]}, (1, 0, 0)),
    Example("agreement-extra-party", {"agreements": [gold_agreement(parties=["KR", "PL"])]},
            {"agreements": [agreement(KR, PL, US)]}, (0, 1, 1)),
    Example("agreement-organisation-party", {"agreements": [gold_agreement(parties=["NATO", "KR"],
                                                                          kind="partnership")]},
            {"agreements": [agreement(KR, NATO, kind="partnership")]}, (1, 0, 0)),
    # a two-letter organisation code ("EU") is not taken for an unknown country
    Example("agreement-two-letter-organisation", {"agreements": [gold_agreement(parties=["EU", "KR"],
                                                                              kind="partnership")]},
            {"agreements": [agreement(KR, EU, kind="partnership")]}, (1, 0, 0)),
    # leaders: a shared name word (titles aside, accents and case folded) + same country
    Example("leader-surname-only", {"leaders": [gold_leader("Władysław Kosiniak-Kamysz")]},
            {"leaders": [leader("Kosiniak-Kamysz")]}, (1, 0, 0)),
    Example("leader-accents-folded", {"leaders": [gold_leader("Zoltán Kovács", "HU")]},
            {"leaders": [leader("Kovacs", Country(code="HU", name="Hungary"))]}, (1, 0, 0)),
    Example("leader-case-folded", {"leaders": [gold_leader("Fumio Kishida", "JP", "prime minister")]},
            {"leaders": [leader("KISHIDA", Country(code="JP", name="Japan"), "prime minister")]},
            (1, 0, 0)),
    Example("leader-hyphen-split", {"leaders": [gold_leader("Cho Tae-yul", "KR", "foreign minister")]},
            {"leaders": [leader("Tae-yul", KR, "foreign minister")]}, (1, 0, 0)),
    Example("leader-only-a-title-shared", {"leaders": [gold_leader("Minister Park", "KR")]},
            {"leaders": [leader("Minister Kim", KR)]}, (0, 1, 1)),
    Example("leader-other-country", {"leaders": [gold_leader("Andrzej Duda", "PL")]},
            {"leaders": [leader("Andrzej Duda", UA)]}, (0, 1, 1)),
    Example("leader-organisation-officer", {"leaders": [gold_leader("Mark Rutte", "NATO",
                                                                     "secretary general")]},
            {"leaders": [leader("Mark Rutte", NATO, "secretary general")]}, (1, 0, 0)),
    Example("leader-no-prediction", {"leaders": [gold_leader("Andrzej Duda")]}, {}, (0, 0, 1)),
    # optional gold records: neither rewarded nor penalised
    Example("optional-matched", {"arms_deals": [gold_deal(optional=True)]}, {"arms_deals": [deal()]},
            (0, 0, 0)),
    Example("optional-not-matched", {"arms_deals": [gold_deal(optional=True)]}, {}, (0, 0, 0)),
    Example("optional-and-required-compete",
            {"agreements": [gold_agreement(kind="framework", year=2022, optional=True),
                            gold_agreement(kind="framework", year=2022)]},
            {"agreements": [agreement(kind="framework", year=2022)]}, (1, 0, 0)),
    Example("optional-takes-second-prediction",
            {"arms_deals": [gold_deal(optional=True), gold_deal()]},
            {"arms_deals": [deal(), deal()]}, (1, 0, 0)),
    # one gold record matches one prediction
    Example("duplicate-prediction-is-spurious", {"arms_deals": [gold_deal()]},
            {"arms_deals": [deal(), deal()]}, (1, 1, 0)),
]


@pytest.mark.parametrize("example", MATCHING, ids=lambda e: e.id)
def test_matching_rules(tmp_path: pathlib.Path, example: Example) -> None:
    result = score_one(tmp_path, example.gold, example.predicted)
    assert counts(result, example.record_type) == example.expected


def test_year_agreement_decides_between_two_fitting_gold_records(tmp_path: pathlib.Path) -> None:
    gold = {"arms_deals": [gold_deal(year=2022, systems=["K2"]), gold_deal(year=2023, systems=["K9"])]}
    result = score_one(tmp_path, gold, {"arms_deals": [deal(year=2023, systems=["K9"])]})
    assert counts(result, "arms_deals") == (1, 0, 1)
    assert [g.year for g in result.missed] == [2022]  # type: ignore[union-attr]
    assert result.field_errors == ()  # matched to the 2023 deal, so systems are right


def test_year_agreement_decides_between_two_fitting_predictions(tmp_path: pathlib.Path) -> None:
    gold = {"aid_packages": [gold_aid(value=usd(10_000_000), year=2025)]}
    predicted = {"aid_packages": [aid(10_000_000, year=2024), aid(10_000_000, year=2025)]}
    result = score_one(tmp_path, gold, predicted)
    assert counts(result, "aid_packages") == (1, 1, 0)
    assert [_year(p) for p in result.spurious] == [2024]


def test_same_kind_and_year_beats_same_kind(tmp_path: pathlib.Path) -> None:
    gold = {"agreements": [gold_agreement(kind="mou", year=2023), gold_agreement(kind="mou", year=2024)]}
    result = score_one(tmp_path, gold, {"agreements": [agreement(kind="mou", year=2024)]})
    assert [g.year for g in result.missed] == [2023]  # type: ignore[union-attr]


def test_undated_gold_prefers_undated_prediction(tmp_path: pathlib.Path) -> None:
    gold = {"arms_deals": [gold_deal(year=None)]}
    result = score_one(tmp_path, gold, {"arms_deals": [deal(year=2020), deal(year=None)]})
    assert [_year(p) for p in result.spurious] == [2020]


def _year(record: Any) -> int | None:
    return None if record.date is None else record.date.start.year


# ---------------------------------------------------------------- field accuracy


@attrs.frozen
class FieldExample:
    id: str
    gold: Mapping[str, Any]
    predicted: Records
    field: str
    correct: bool | None  # None = the field is not scored


FIELD_EXAMPLES = [
    FieldExample("year-right", {"arms_deals": [gold_deal(year=2022)]}, {"arms_deals": [deal(year=2022)]},
                 "year", True),
    FieldExample("year-missing", {"arms_deals": [gold_deal(year=2022)]}, {"arms_deals": [deal(year=None)]},
                 "year", False),
    FieldExample("status-wrong", {"arms_deals": [gold_deal(status="framework")]},
                 {"arms_deals": [deal(status="planned")]}, "status", False),
    FieldExample("quantity-right", {"arms_deals": [gold_deal(quantity=180)]},
                 {"arms_deals": [deal(quantity=180)]}, "quantity", True),
    FieldExample("quantity-invented", {"arms_deals": [gold_deal(quantity=None)]},
                 {"arms_deals": [deal(quantity=200)]}, "quantity", False),
    FieldExample("quantity-both-absent", {"arms_deals": [gold_deal(quantity=None)]},
                 {"arms_deals": [deal()]}, "quantity", True),
    FieldExample("systems-one-shared", {"arms_deals": [gold_deal(systems=["K239", "Chunmoo"])]},
                 {"arms_deals": [deal(systems=["chunmoo"])]}, "systems", True),
    FieldExample("systems-variant-contains-name", {"arms_deals": [gold_deal(systems=["K9"])]},
                 {"arms_deals": [deal(systems=["K9PL"])]}, "systems", True),
    FieldExample("systems-spacing-ignored", {"arms_deals": [gold_deal(systems=["FA-50"])]},
                 {"arms_deals": [deal(systems=["FA 50"])]}, "systems", True),
    FieldExample("systems-other", {"arms_deals": [gold_deal(systems=["K2"])]},
                 {"arms_deals": [deal(systems=["FA-50"])]}, "systems", False),
    FieldExample("systems-not-annotated", {"arms_deals": [gold_deal(systems=[])]},
                 {"arms_deals": [deal(systems=["K2"])]}, "systems", None),
    FieldExample("aid-kind-wrong", {"aid_packages": [gold_aid(kind="military")]},
                 {"aid_packages": [aid(kind="mixed")]}, "kind", False),
    FieldExample("until-right", {"agreements": [gold_agreement(until=2028)]},
                 {"agreements": [agreement(until=2028)]}, "until", True),
    FieldExample("until-missing", {"agreements": [gold_agreement(until=2028)]},
                 {"agreements": [agreement()]}, "until", False),
    FieldExample("until-both-absent", {"agreements": [gold_agreement(until=None)]},
                 {"agreements": [agreement()]}, "until", True),
    FieldExample("agreement-kind-wrong-matched-by-year", {"agreements": [gold_agreement(kind="mou")]},
                 {"agreements": [agreement(kind="declaration")]}, "kind", False),
    FieldExample("role-head-noun", {"leaders": [gold_leader("Bejda", role="defense minister")]},
                 {"leaders": [leader("Bejda", role="deputy defense minister")]}, "role", True),
    FieldExample("role-other-office", {"leaders": [gold_leader("Duda", role="president")]},
                 {"leaders": [leader("Duda", role="prime minister")]}, "role", False),
    FieldExample("optional-records-not-scored", {"arms_deals": [gold_deal(year=2022, optional=True)]},
                 {"arms_deals": [deal(year=2020)]}, "year", None),
]


@pytest.mark.parametrize("example", FIELD_EXAMPLES, ids=lambda e: e.id)
def test_field_accuracy(tmp_path: pathlib.Path, example: FieldExample) -> None:
    write_article(tmp_path, "a1", example.gold)
    report = evaluate(tmp_path, parse=fake_parse({"a1": example.predicted}))
    record_type = next(iter(example.gold))
    score = report.field(record_type, example.field)
    errors = [e for e in report.articles[0].field_errors if e.field == example.field]
    if example.correct is None:
        assert (score.total, errors) == (0, [])
    else:
        assert (score.correct, score.total) == (int(example.correct), 1)
        assert len(errors) == (0 if example.correct else 1)


def test_field_error_names_gold_and_predicted_values(tmp_path: pathlib.Path) -> None:
    result = score_one(tmp_path, {"arms_deals": [gold_deal(quantity=180, status="signed")]},
                       {"arms_deals": [deal(quantity=200, status="planned")]})
    found = {(e.field, e.gold, e.predicted) for e in result.field_errors}
    assert found == {("quantity", 180, 200), ("status", "signed", "planned")}
    assert all(e.match.gold.record_type == "arms_deals" for e in result.field_errors)


# ---------------------------------------------------------------- the report


def two_article_corpus(tmp_path: pathlib.Path) -> tuple[pathlib.Path, Callable[..., Document]]:
    corpus = tmp_path / "corpus"
    write_article(corpus, "a1", {
        "arms_deals": [gold_deal(value=usd(3_370_000_000), quantity=180, systems=["K2"]),
                       gold_deal(value=usd(2_400_000_000), quantity=212, systems=["K9"])],
        "leaders": [gold_leader("Mariusz Błaszczak", role="defense minister")],
    })
    write_article(corpus, "a2", {
        "aid_packages": [gold_aid(value=usd(2_000_000_000), year=2025, kind="mixed")],
        "agreements": [gold_agreement(until=2028)],
        "leaders": [gold_leader("Cho Tae-yul", "KR", "foreign minister")],
    })
    parse = fake_parse({
        "a1": {"arms_deals": [deal(3_370_000_000, quantity=180, systems=["K2"]),
                              deal(1_000_000_000, supplier=US)],
               "leaders": [leader("Mariusz Blaszczak", role="defense minister")]},
        "a2": {"aid_packages": [aid(2_000_000_000, year=2025, kind="mixed")],
               "agreements": [agreement(until=2028)]},
    })
    return corpus, parse


def test_report_micro_averages_over_articles(tmp_path: pathlib.Path) -> None:
    corpus, parse = two_article_corpus(tmp_path)
    report = evaluate([corpus], parse=parse)
    assert [a.id for a in report.articles] == ["a1", "a2"]
    assert {s.record_type: (s.tp, s.fp, s.fn) for s in report.scores} == {
        "arms_deals": (1, 1, 1), "aid_packages": (1, 0, 0), "agreements": (1, 0, 0), "leaders": (1, 0, 1),
    }
    overall = report.overall
    assert (overall.tp, overall.fp, overall.fn) == (4, 1, 2)
    assert report.score("overall") == overall
    assert overall.precision == pytest.approx(0.8)
    assert overall.recall == pytest.approx(4 / 6)
    assert overall.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert report.field("arms_deals", "quantity").accuracy == 1.0
    assert report.parse_failures == 0


def test_report_lists_missed_and_spurious_per_article(tmp_path: pathlib.Path) -> None:
    corpus, parse = two_article_corpus(tmp_path)
    a1, a2 = evaluate(corpus, parse=parse).articles
    assert [(g.record_type, getattr(g, "quantity", None)) for g in a1.missed] == [("arms_deals", 212)]
    assert [p.supplier.code for p in a1.spurious] == ["US"]  # type: ignore[union-attr]
    assert [g.name for g in a2.missed] == ["Cho Tae-yul"]  # type: ignore[union-attr]
    assert a2.spurious == ()


def test_nothing_predicted_and_nothing_annotated_is_perfect(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a1", {})
    report = evaluate(tmp_path, parse=fake_parse({}))
    assert all((s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0) for s in report.scores)


def test_a_parse_that_raises_counts_as_no_records(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a1", {"leaders": [gold_leader("Andrzej Duda")]})

    def broken(text: str, **kwargs: Any) -> Document:
        raise RuntimeError("boom")

    report = evaluate(tmp_path, parse=broken)
    assert report.parse_failures == 1
    assert report.articles[0].parse_error == "RuntimeError: boom"
    assert (report.score("leaders").tp, report.score("leaders").fn) == (0, 1)


def test_a_parse_returning_no_document_is_a_failure(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a1", {})
    report = evaluate(tmp_path, parse=lambda text, **kw: {"leaders": []})
    assert report.parse_failures == 1
    assert "Document" in (report.articles[0].parse_error or "")


def test_parse_receives_text_published_and_id(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a1", {}, text="Seoul, March 5 — Poland signed.")
    calls: list[tuple[Any, ...]] = []

    def spy(text: str | bytes, *, published: dt.date | None = None, id: str | None = None) -> Document:
        calls.append((text, published, id))
        return Document(id=id)

    evaluate(tmp_path, parse=spy)
    assert calls == [("Seoul, March 5 — Poland signed.", dt.date(2025, 3, 6), "a1")]


def test_text_that_is_not_utf8_is_passed_as_bytes(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a1", {})
    raw = "폴란드 K2 전차".encode("cp949")
    (tmp_path / "a1.txt").write_bytes(raw)
    seen: list[Any] = []
    evaluate(tmp_path, parse=lambda text, **kw: seen.append(text) or Document(id="a1"))
    assert seen == [raw]


def test_unpaired_files_are_skipped(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a1", {})
    (tmp_path / "notes.txt").write_text("no annotation", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("[1, 2]", encoding="utf-8")  # not an annotation, no text
    assert [a.id for a in evaluate(tmp_path, parse=fake_parse({})).articles] == ["a1"]


def test_id_defaults_to_the_file_stem(tmp_path: pathlib.Path) -> None:
    (tmp_path / "x9.txt").write_text("text", encoding="utf-8")
    (tmp_path / "x9.json").write_text(json.dumps({"published": None}), encoding="utf-8")
    assert evaluate(tmp_path, parse=fake_parse({})).articles[0].id == "x9"


def test_missing_directory_raises(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        evaluate(tmp_path / "nowhere", parse=fake_parse({}))


def test_report_json_is_plain_json(tmp_path: pathlib.Path) -> None:
    corpus, parse = two_article_corpus(tmp_path)
    data = json.loads(json.dumps(evaluate(corpus, parse=parse).to_dict(errors=True)))
    assert data["types"]["arms_deals"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5,
                                           "f1": 0.5}
    assert data["fields"]["arms_deals.quantity"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    a1 = data["errors"][0]
    assert a1["missed"][0]["record"]["quantity"] == 212
    # a spurious prediction reads like a gold annotation entry
    assert a1["spurious"][0] == {"type": "arms_deals", "record": {
        "supplier": "US", "recipient": "PL", "value": {"amount": 1000000000, "currency": "USD"},
        "alt_values": [], "year": 2022, "systems": [], "quantity": None, "status": "signed"}}


@given(tp=st.integers(0, 50), fp=st.integers(0, 50), fn=st.integers(0, 50))
def test_f1_lies_between_precision_and_recall(tp: int, fp: int, fn: int) -> None:
    s = TypeScore("arms_deals", tp, fp, fn)
    assert 0.0 <= s.f1 <= 1.0
    if s.precision + s.recall:
        assert min(s.precision, s.recall) - 1e-12 <= s.f1 <= max(s.precision, s.recall) + 1e-12


# ---------------------------------------------------------------- malformed annotations


@attrs.frozen
class BadExample:
    id: str
    gold: Any  # the whole JSON document, or a str written as is
    field: str


BAD = [
    BadExample("not-json", "{\"id\": \"a1\", ", ""),
    BadExample("not-an-object", [1, 2], "(top level)"),
    BadExample("bad-published", {"id": "a1", "published": "5 March 2025"}, "published"),
    BadExample("records-not-a-list", {"id": "a1", "arms_deals": {"supplier": "KR"}}, "arms_deals"),
    BadExample("missing-recipient", {"id": "a1", "arms_deals": [{**gold_deal(), "recipient": None}]},
               "arms_deals[0].recipient"),
    BadExample("unknown-country", {"id": "a1", "arms_deals": [gold_deal(supplier="XX")]},
               "arms_deals[0].supplier"),
    BadExample("bad-status", {"id": "a1", "arms_deals": [gold_deal(), gold_deal(status="sold")]},
               "arms_deals[1].status"),
    BadExample("bad-currency", {"id": "a1", "arms_deals": [gold_deal(value=usd(5, "DOLLARS"))]},
               "arms_deals[0].value.currency"),
    BadExample("amount-is-text", {"id": "a1", "arms_deals": [gold_deal(value=usd("5 billion"))]},  # type: ignore[arg-type]
               "arms_deals[0].value.amount"),
    BadExample("bad-alt-value", {"id": "a1", "arms_deals": [gold_deal(alt_values=[{"currency": "KRW"}])]},
               "arms_deals[0].alt_values[0].amount"),
    BadExample("year-as-string", {"id": "a1", "aid_packages": [gold_aid(year="2024")]},
               "aid_packages[0].year"),
    BadExample("bad-aid-kind", {"id": "a1", "aid_packages": [gold_aid(kind="loan")]},
               "aid_packages[0].kind"),
    BadExample("optional-not-bool", {"id": "a1", "aid_packages": [gold_aid(optional="yes")]},
               "aid_packages[0].optional"),
    BadExample("no-parties", {"id": "a1", "agreements": [gold_agreement(parties=[])]},
               "agreements[0].parties"),
    BadExample("bad-agreement-kind", {"id": "a1", "agreements": [gold_agreement(kind="pact")]},
               "agreements[0].kind"),
    BadExample("leader-without-name", {"id": "a1", "leaders": [{"country": "PL", "role": "president"}]},
               "leaders[0].name"),
    BadExample("leader-not-an-object", {"id": "a1", "leaders": ["Andrzej Duda"]}, "leaders[0]"),
]


def write_bad(directory: pathlib.Path, gold: Any) -> pathlib.Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "a1.txt").write_text("text", encoding="utf-8")
    path = directory / "a1.json"
    path.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    return path


@pytest.mark.parametrize("example", BAD, ids=lambda e: e.id)
def test_malformed_annotation_names_file_and_field(tmp_path: pathlib.Path, example: BadExample) -> None:
    path = write_bad(tmp_path, example.gold)
    with pytest.raises(AnnotationError) as info:
        read_annotation(path)
    assert info.value.path == path
    assert info.value.field == example.field
    assert str(info.value).startswith(f"{path}: {example.field}".rstrip(": "))


def test_malformed_annotation_stops_before_parsing(tmp_path: pathlib.Path) -> None:
    write_article(tmp_path, "a0", {})
    write_bad(tmp_path, {"id": "a1", "leaders": [{"name": "Duda", "role": "president"}]})
    calls: list[str] = []
    with pytest.raises(AnnotationError, match=r"leaders\[0\]\.country"):
        evaluate(tmp_path, parse=lambda text, **kw: calls.append(kw["id"]) or Document())
    assert calls == []


def test_annotation_reads_every_field(tmp_path: pathlib.Path) -> None:
    path = write_bad(tmp_path, {
        "id": "h01", "title": "K2 deal", "url": None, "published": "2025-07-04",
        "arms_deals": [gold_deal(value=usd(6_500_000_000), alt_values=[usd(8_160_000_000_000, "KRW")],
                                 year=2025, systems=["K2"], quantity=180, status="planned", optional=True,
                                 note="concluded, not signed")],
        "aid_packages": [gold_aid(value=usd(24_000_000.5))],
        "agreements": [gold_agreement(parties=["kr", "PL"], until=2028)],
        "leaders": [gold_leader("Lee Jae-myung", "KR", "President")],
    })
    a = read_annotation(path)
    assert (a.id, a.title, a.published, a.path) == ("h01", "K2 deal", dt.date(2025, 7, 4), path)
    d = a.arms_deals[0]
    assert (d.value, d.alt_values[0].currency, d.systems, d.quantity, d.status, d.optional) == (
        Money(amount=6_500_000_000, currency="USD"), "KRW", ("K2",), 180, "planned", True)
    assert a.aid_packages[0].value == Money(amount="24000000.5", currency="USD")
    assert a.agreements[0].parties == ("KR", "PL")
    assert a.leaders[0].role == "president"
    assert Annotation.from_dict(json.loads(path.read_text(encoding="utf-8"))).arms_deals == a.arms_deals


# ---------------------------------------------------------------- the command


@pytest.fixture
def corpus(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    directory, parse = two_article_corpus(tmp_path)
    monkeypatch.setattr("korpol._pipeline.parse", parse)
    return directory


def test_command_prints_table_and_overall_f1_last(
    corpus: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(corpus)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "articles: 2"
    assert "arms_deals        1    1    1   0.50   0.50   0.50" in lines
    assert "field arms_deals.quantity: 1/1 correct (100%)" in lines
    assert lines[-1] == f"overall F1 {2 * 0.8 * (4 / 6) / (0.8 + 4 / 6):.3f}"


def test_command_show_errors(corpus: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert 'a1 arms_deals MISSED {"supplier": "KR", "recipient": "PL"' in out
    assert 'a1 arms_deals SPURIOUS {"supplier": "US", "recipient": "PL"' in out
    assert 'a2 leaders MISSED {"name": "Cho Tae-yul"' in out


def test_command_show_errors_lists_wrong_fields(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    write_article(tmp_path, "a1", {"arms_deals": [gold_deal(quantity=180)]})
    monkeypatch.setattr("korpol._pipeline.parse", fake_parse({"a1": {"arms_deals": [deal(quantity=200)]}}))
    assert main(["--show-errors", str(tmp_path)]) == 0
    assert "a1 arms_deals field quantity: gold 180 got 200" in capsys.readouterr().out


def test_command_json(corpus: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", str(corpus)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 2
    assert data["overall"]["tp"] == 4
    assert "errors" not in data
    assert main(["--json", "--show-errors", str(corpus)]) == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)["errors"]] == ["a1", "a2"]


def test_command_through_the_korpol_cli(corpus: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    from korpol._cli import main as cli_main

    assert cli_main(["evaluate", "--json", str(corpus)]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["fn"] == 2


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        pytest.param(lambda d: [str(d / "missing")], "no such directory: {d}/missing", id="missing-dir"),
        pytest.param(lambda d: [str(d / "a1.txt")], "not a directory: {d}/a1.txt", id="file-not-dir"),
        pytest.param(lambda d: [str(d / "empty")], "no annotated articles", id="no-pairs"),
        pytest.param(lambda d: [], "required: CORPUS_DIR", id="no-argument"),
        pytest.param(lambda d: [str(d), "--bogus"], "unrecognized arguments: --bogus", id="bad-option"),
    ],
)
def test_command_usage_errors_exit_2(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str],
                                     make_args: Callable[[pathlib.Path], list[str]], message: str) -> None:
    write_article(tmp_path, "a1", {})
    (tmp_path / "empty").mkdir()
    assert main(make_args(tmp_path)) == 2
    assert message.format(d=tmp_path) in capsys.readouterr().err


def test_command_malformed_annotation_exits_1(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_bad(tmp_path, {"id": "a1", "arms_deals": [gold_deal(status="sold")]})
    assert main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert "arms_deals[0].status: 'sold' is not valid" in err


def test_command_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--show-errors" in capsys.readouterr().out


def test_report_is_exported_shape() -> None:
    # The report classes are frozen: a caller cannot alter scores after the fact.
    report = EvaluationReport.from_articles([])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.scores = ()  # type: ignore[misc]
    assert report.overall == TypeScore("overall")


# ---------------------------------------------------------------- docs/evaluating.md

DOC = pathlib.Path(__file__).resolve().parent.parent / "docs" / "evaluating.md"


def _blocks(language: str) -> list[str]:
    blocks, current, inside = [], [], False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not inside and line.strip() == f"```{language}":
            inside, current = True, []
        elif inside and line.strip() == "```":
            inside = False
            blocks.append("\n".join(current))
        elif inside:
            current.append(line)
    return blocks


def test_docs_python_examples_run(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _blocks("python")
    assert len(blocks) >= 3
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "evaluating"}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)  # our own docs
    assert capsys.readouterr().out.rstrip().endswith("overall F1 0.800")


def test_docs_example_annotation_follows_the_schema() -> None:
    (example,) = _blocks("json")
    annotation = Annotation.from_dict(json.loads(example))
    assert (len(annotation.arms_deals), len(annotation.agreements), len(annotation.leaders)) == (2, 2, 3)


def test_docs_list_every_vocabulary_word() -> None:
    from korpol._model import AGREEMENT_KINDS, AID_KINDS, DEAL_STATUSES

    text = DOC.read_text(encoding="utf-8")
    for word in (*DEAL_STATUSES, *AID_KINDS, *AGREEMENT_KINDS):
        assert f"`{word}`" in text, word


# ---------------------------------------------------------------- direction errors


def test_a_reversed_or_wrong_pair_is_a_direction_error(tmp_path: pathlib.Path) -> None:
    gold = {
        "arms_deals": [
            gold_deal(value=usd(3_370_000_000), quantity=180, systems=["K2"]),
            gold_deal(value=usd(2_400_000_000), quantity=212, systems=["K9"]),
            gold_deal(value=usd(1_000_000_000), supplier="US", recipient="PL"),
        ],
        "aid_packages": [gold_aid(value=usd(2_000_000_000))],
    }
    predicted: Records = {
        "arms_deals": [
            deal(3_370_000_000, quantity=180, systems=["K2"]),  # right
            deal(2_400_000_000, supplier=PL, recipient=KR),  # reversed
            deal(1_000_000_000, supplier=KR),  # the seller is wrong
        ],
        "aid_packages": [aid(2_000_000_000, donor=KR, recipient=PL)],  # the recipient is wrong
    }
    result = score_one(tmp_path, gold, predicted)
    assert [(d.record_type, d.kind) for d in result.direction_errors] == [
        ("arms_deals", "reversed"),
        ("arms_deals", "wrong party"),
        ("aid_packages", "wrong party"),
    ]
    assert result.direction_right == 1
    report = evaluate(tmp_path, parse=fake_parse({"a1": predicted}))
    assert report.direction == (4, 1, 2)
    assert report.to_dict()["direction"] == {"checked": 4, "reversed": 1, "wrong_party": 2}
    assert "direction: 3 of 4 deals and aid packages with a gold counterpart have the wrong pair" in report.format()
    assert any("arms_deals DIRECTION reversed" in line for line in result.error_lines())
