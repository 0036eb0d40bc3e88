"""Matching korpol's records with the gold records of one article, and counting.

Why this module exists: matching is the project's referee rule, so that a number printed
by the evaluation is the number korpol is judged by:

* arms deals: same supplier and recipient, and compatible values;
* aid packages: same donor and recipient, and compatible values;
* agreements: the same set of parties, and the same kind or the same year;
* leaders: names sharing a word (titles aside, accents and case folded) and the
  same country.

Values are compatible when both are absent, or the currency is the same and
the amounts differ by at most 2 %, or the predicted value equals one of the
gold ``alt_values``.  One gold record matches at most one prediction, greedily
by a fit score that prefers an agreeing year.  A prediction matched to an
``optional`` gold record counts neither as a true nor as a false positive.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Union

import attrs

from korpol._evaluate.gold import (
    RECORD_TYPES,
    Annotation,
    GoldAgreement,
    GoldAidPackage,
    GoldArmsDeal,
    GoldLeader,
    GoldRecord,
    RecordType,
    money_json,
)
from korpol._model import Agreement, AidPackage, ArmsDeal, Document, Leader, Money, TimeSpan

__all__ = [
    "FIELDS",
    "ArticleResult",
    "FieldError",
    "FieldScore",
    "Match",
    "Record",
    "TypeScore",
    "score_document",
]


#: The fields whose accuracy is measured on matched records, per record type.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "arms_deals": ("year", "status", "quantity", "systems"),
    "aid_packages": ("year", "kind"),
    "agreements": ("kind", "year", "until"),
    "leaders": ("role",),
}

# Words that never identify a person: a name shared only through them is no match.
_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "prime", "foreign",
     "defense", "defence"}
)

# Largest relative difference between two amounts in the same currency that still match.
_VALUE_TOLERANCE = Decimal("0.02")

Record = Union[ArmsDeal, AidPackage, Agreement, Leader]  # noqa: UP007 - runtime alias on 3.10


# ---------------------------------------------------------------- comparable views
# Gold and predicted records are both reduced to a _View, so that matching and
# field checks read one shape.  ``shown`` is the record in the annotation
# schema, used to report errors (a spurious record reads like a gold entry).


@attrs.frozen
class _View:
    pair: tuple[str | None, str | None] = (None, None)
    parties: frozenset[str] = frozenset()
    name: str = ""
    country: str | None = None
    value: tuple[Decimal, str] | None = None
    alts: tuple[tuple[Decimal, str], ...] = ()
    year: int | None = None
    fields: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    optional: bool = False


def _amount(m: Money | None) -> tuple[Decimal, str] | None:
    return None if m is None else (m.amount, m.currency)


def _code(party: Any) -> str | None:
    code = getattr(party, "code", None)
    return code.upper() if isinstance(code, str) and code else None


def _span_year(span: TimeSpan | None) -> int | None:
    if span is None:
        return None
    if span.start is not None:
        return span.start.year
    return None if span.end is None else span.end.year


def _gold_view(record: GoldRecord) -> _View:
    if isinstance(record, GoldArmsDeal):
        return _View(
            pair=(record.supplier, record.recipient), value=_amount(record.value),
            alts=tuple(a for a in map(_amount, record.alt_values) if a is not None), year=record.year,
            fields={"year": record.year, "status": record.status, "quantity": record.quantity,
                    "systems": record.systems},
            optional=record.optional,
        )
    if isinstance(record, GoldAidPackage):
        return _View(
            pair=(record.donor, record.recipient), value=_amount(record.value), year=record.year,
            fields={"year": record.year, "kind": record.kind}, optional=record.optional,
        )
    if isinstance(record, GoldAgreement):
        return _View(
            parties=frozenset(record.parties), year=record.year,
            fields={"kind": record.kind, "year": record.year, "until": record.until},
            optional=record.optional,
        )
    return _View(name=record.name, country=record.country, fields={"role": record.role})


def _predicted_view(record: Record) -> _View:
    if isinstance(record, ArmsDeal):
        year = _span_year(record.date)
        return _View(
            pair=(_code(record.supplier), _code(record.recipient)), value=_amount(record.value),
            year=year,
            fields={"year": year, "status": record.status, "quantity": record.quantity,
                    "systems": record.systems},
        )
    if isinstance(record, AidPackage):
        year = _span_year(record.date)
        return _View(
            pair=(_code(record.donor), _code(record.recipient)), value=_amount(record.value),
            year=year, fields={"year": year, "kind": record.kind},
        )
    if isinstance(record, Agreement):
        year = _span_year(record.date)
        codes = (_code(p) for p in record.parties)
        return _View(
            parties=frozenset(c for c in codes if c), year=year,
            fields={"kind": record.kind, "year": year, "until": _span_year(record.until)},
        )
    return _View(name=record.name, country=_code(record.country), fields={"role": record.role})


def _shown(record: Record | GoldRecord) -> dict[str, Any]:
    """A record in the annotation schema (a prediction reads like a gold entry)."""
    if isinstance(record, GoldArmsDeal | GoldAidPackage | GoldAgreement | GoldLeader):
        return record.to_dict()
    if isinstance(record, ArmsDeal):
        return {
            "supplier": _code(record.supplier), "recipient": _code(record.recipient),
            "value": money_json(record.value), "alt_values": [money_json(m) for m in record.alt_values],
            "year": _span_year(record.date), "systems": list(record.systems),
            "quantity": record.quantity, "status": record.status,
        }
    if isinstance(record, AidPackage):
        return {
            "donor": _code(record.donor), "recipient": _code(record.recipient),
            "value": money_json(record.value), "year": _span_year(record.date), "kind": record.kind,
        }
    if isinstance(record, Agreement):
        return {
            "parties": [_code(p) for p in record.parties], "kind": record.kind,
            "year": _span_year(record.date), "until": _span_year(record.until),
        }
    return {"name": record.name, "country": _code(record.country), "role": record.role}


def _fold(s: str) -> str:
    """Accents, case and punctuation folded away: ``"Kosiniak-Kamysz"`` -> ``"kosiniak kamysz"``."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "".join(c if c.isalnum() else " " for c in s)


def _name_tokens(name: str) -> set[str]:
    return {t for t in _fold(name).split() if t not in _TITLES}


def _value_ok(gold: _View, predicted: _View) -> bool:
    if gold.value is None or predicted.value is None:
        return gold.value is None and predicted.value is None
    amount, currency = predicted.value
    for g_amount, g_currency in (gold.value, *gold.alts):
        if g_currency == currency and g_amount and abs(amount - g_amount) / g_amount <= _VALUE_TOLERANCE:
            return True
    return False


def _fit(record_type: str, gold: _View, predicted: _View) -> int:
    """How well a prediction fits a gold record: 0 = no match, higher = better."""
    same_year = gold.year is not None and gold.year == predicted.year
    if record_type in ("arms_deals", "aid_packages"):
        if gold.pair != predicted.pair or not _value_ok(gold, predicted):
            return 0
    elif record_type == "agreements":
        if gold.parties != predicted.parties:
            return 0
        if gold.fields["kind"] == predicted.fields["kind"]:
            return 3 + (2 if same_year else 0)
        if not same_year:
            return 0
    elif gold.country != predicted.country or not (_name_tokens(gold.name) & _name_tokens(predicted.name)):
        return 0
    both_undated = gold.year is None and predicted.year is None
    return 1 + (2 if same_year else 0) + (1 if both_undated else 0)


def _field_ok(field: str, gold: Any, predicted: Any) -> bool | None:
    """Whether a matched record got ``field`` right; ``None`` = not scored."""
    if field == "systems":
        if not gold:
            return None
        g = {_fold(s).replace(" ", "") for s in gold}
        p = {_fold(s).replace(" ", "") for s in predicted or ()}
        return bool(g & p) or any(a in b or b in a for a in g for b in p)
    if field == "role":
        # The head noun of the gold title must appear: "foreign minister" ~ "minister of foreign affairs".
        return bool(gold) and bool(predicted) and _fold(gold).split()[-1] in _fold(predicted).split()
    return bool(gold == predicted)


# ---------------------------------------------------------------- results


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


@attrs.frozen
class TypeScore:
    """True/false positives and false negatives of one record type.

    Precision and recall of an empty denominator are 1.0 (nothing was wrong).

    >>> s = TypeScore("arms_deals", tp=6, fp=2, fn=4)
    >>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
    (0.75, 0.6, 0.667)
    """

    record_type: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: TypeScore) -> TypeScore:
        name = self.record_type if self.record_type == other.record_type else "overall"
        return TypeScore(name, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratios as JSON."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@attrs.frozen
class FieldScore:
    """How often one field of matched (non-optional) records was right."""

    record_type: str
    field: str
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """correct / total (1.0 when nothing was scored)."""
        return _ratio(self.correct, self.total)

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.record_type, self.field, self.correct + other.correct,
                          self.total + other.total)


@attrs.frozen
class Match:
    """A gold record and the prediction matched to it."""

    gold: GoldRecord
    predicted: Record

    @property
    def record_type(self) -> RecordType:
        """``"arms_deals"``, ``"aid_packages"``, ``"agreements"`` or ``"leaders"``."""
        return self.gold.record_type


@attrs.frozen
class FieldError:
    """A matched record whose ``field`` differs from the gold value."""

    record_type: str
    field: str
    gold: Any
    predicted: Any
    match: Match


@attrs.frozen
class DirectionError:
    """A deal or aid package korpol emitted with the wrong pair of parties.

    The gold record it is is found by everything but its parties: a compatible value, or,
    both undated in money, the same quantity and an overlapping system.  ``kind`` is
    ``"reversed"`` (supplier and recipient swapped) or ``"wrong party"``.
    """

    record_type: RecordType
    kind: str
    predicted: Record
    gold: GoldRecord


@attrs.frozen
class ArticleResult:
    """How korpol did on one annotated article.

    ``missed`` are required gold records nothing matched, ``spurious`` the
    predictions that matched nothing, ``matches`` every matched pair (optional
    gold records included), ``field_errors`` the wrong fields of matches of
    required records.  ``parse_error`` is set when parsing raised; the
    article then counts as returning no records.
    """

    id: str
    path: Path | None
    scores: tuple[TypeScore, ...]
    fields: tuple[FieldScore, ...] = ()
    matches: tuple[Match, ...] = ()
    missed: tuple[GoldRecord, ...] = ()
    spurious: tuple[Record, ...] = ()
    field_errors: tuple[FieldError, ...] = ()
    parse_error: str | None = None
    #: emitted deals and aid packages whose pair is the gold's, and those whose pair is wrong
    direction_right: int = 0
    direction_errors: tuple[DirectionError, ...] = ()

    def score(self, record_type: str) -> TypeScore:
        """The counts of one record type in this article."""
        return next(s for s in self.scores if s.record_type == record_type)

    def error_lines(self) -> list[str]:
        """Readable lines: parse failure, then per type missed, spurious and wrong fields."""
        lines = [f"{self.id}: parse failed: {self.parse_error}"] if self.parse_error else []
        for t in RECORD_TYPES:
            lines.extend(f"{self.id} {t} MISSED {_one_line(g)}" for g in self.missed if g.record_type == t)
            wrong = {id(d.predicted): d.kind for d in self.direction_errors}
            lines.extend(
                f"{self.id} {t} {'DIRECTION ' + wrong[id(p)] if id(p) in wrong else 'SPURIOUS'} "
                f"{_one_line(p)}"
                for p in self.spurious
                if _type_of(p) == t
            )
            lines.extend(
                f"{self.id} {t} field {e.field}: gold {_jsonable(e.gold)!r} got {_jsonable(e.predicted)!r}"
                f"  [{_one_line(e.match.gold, note=False)}]"
                for e in self.field_errors if e.record_type == t
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """Counts and errors as JSON (records in the annotation schema)."""
        return {
            "id": self.id,
            "path": None if self.path is None else str(self.path),
            "parse_error": self.parse_error,
            "types": {s.record_type: s.to_dict() for s in self.scores},
            "missed": [{"type": g.record_type, "record": _shown(g)} for g in self.missed],
            "spurious": [{"type": _type_of(p), "record": _shown(p)} for p in self.spurious],
            "direction_errors": [
                {"type": d.record_type, "kind": d.kind, "record": _shown(d.predicted), "gold": _shown(d.gold)}
                for d in self.direction_errors
            ],
            "field_errors": [
                {"type": e.record_type, "field": e.field, "gold": _jsonable(e.gold),
                 "predicted": _jsonable(e.predicted), "record": _shown(e.match.gold)}
                for e in self.field_errors
            ],
        }


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _type_of(record: Record) -> RecordType:
    if isinstance(record, ArmsDeal):
        return "arms_deals"
    if isinstance(record, AidPackage):
        return "aid_packages"
    if isinstance(record, Agreement):
        return "agreements"
    return "leaders"


def _one_line(record: Record | GoldRecord, *, note: bool = True) -> str:
    shown = {k: v for k, v in _shown(record).items() if k != "note"}
    line = json.dumps(shown, ensure_ascii=False)
    text = getattr(record, "note", "")
    return f"{line}  # {text}" if note and text else line


# ---------------------------------------------------------------- scoring


def _match_type(
    record_type: RecordType, gold: Sequence[GoldRecord], predicted: Sequence[Record]
) -> tuple[TypeScore, list[Match], list[GoldRecord], list[Record], list[FieldScore], list[FieldError]]:
    g_views = [_gold_view(g) for g in gold]
    p_views = [_predicted_view(p) for p in predicted]
    # Candidate pairs, best fit first; a required gold record beats an optional one
    # of equal fit; ties keep annotation order, then prediction order.
    candidates = []
    for i, g in enumerate(g_views):
        for j, p in enumerate(p_views):
            fit = _fit(record_type, g, p)
            if fit:
                candidates.append((-(2 * fit + (0 if g.optional else 1)), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    required = [(i, j) for i, j in pairs if not g_views[i].optional]
    missed = [g for i, g in enumerate(gold) if i not in used_g and not g_views[i].optional]
    spurious = [p for j, p in enumerate(predicted) if j not in used_p]
    score = TypeScore(record_type, tp=len(required), fp=len(spurious), fn=len(missed))
    field_scores: list[FieldScore] = []
    field_errors: list[FieldError] = []
    for field in FIELDS[record_type]:
        correct = total = 0
        for i, j in required:
            g_value, p_value = g_views[i].fields[field], p_views[j].fields[field]
            ok = _field_ok(field, g_value, p_value)
            if ok is None:
                continue
            total += 1
            correct += ok
            if not ok:
                field_errors.append(FieldError(record_type, field, g_value, p_value,
                                               Match(gold[i], predicted[j])))
        if total:
            field_scores.append(FieldScore(record_type, field, correct, total))
    matches = [Match(gold[i], predicted[j]) for i, j in pairs]
    return score, matches, missed, spurious, field_scores, field_errors


def score_document(
    annotation: Annotation, document: Document | None, *, parse_error: str | None = None
) -> ArticleResult:
    """Compare the records of one parsed :class:`Document` with one annotation.

    ``document=None`` (a parse that failed) counts as no records.

    >>> from korpol import Country, Leader
    >>> gold = Annotation.from_dict({"id": "a1", "leaders": [
    ...     {"name": "Władysław Kosiniak-Kamysz", "country": "PL", "role": "defense minister"},
    ...     {"name": "Andrzej Duda", "country": "PL", "role": "president"}]})
    >>> pl = Country(code="PL", name="Poland")
    >>> doc = Document(id="a1", leaders=[
    ...     Leader(name="Kosiniak-Kamysz", role="deputy prime minister", country=pl),
    ...     Leader(name="Radek Sikorski", role="foreign minister", country=pl)])
    >>> result = score_document(gold, doc)
    >>> result.score("leaders")
    TypeScore(record_type='leaders', tp=1, fp=1, fn=1)
    >>> [g.name for g in result.missed], [p.name for p in result.spurious]
    (['Andrzej Duda'], ['Radek Sikorski'])
    >>> result.fields  # a role is right when it holds the head noun of the gold title
    (FieldScore(record_type='leaders', field='role', correct=1, total=1),)
    """
    scores: list[TypeScore] = []
    fields: list[FieldScore] = []
    matches: list[Match] = []
    missed: list[GoldRecord] = []
    spurious: list[Record] = []
    field_errors: list[FieldError] = []
    right = 0
    direction: list[DirectionError] = []
    for record_type in RECORD_TYPES:
        predicted: tuple[Record, ...] = () if document is None else getattr(document, record_type)
        gold = annotation.records(record_type)
        s, m, mi, sp, fs, fe = _match_type(record_type, gold, predicted)
        scores.append(s)
        matches += m
        missed += mi
        spurious += sp
        fields += fs
        field_errors += fe
        if record_type in ("arms_deals", "aid_packages"):
            right += len(m)
            direction += _direction_errors(record_type, gold, sp)
    return ArticleResult(
        id=annotation.id, path=annotation.path, scores=tuple(scores), fields=tuple(fields),
        matches=tuple(matches), missed=tuple(missed), spurious=tuple(spurious),
        field_errors=tuple(field_errors), parse_error=parse_error,
        direction_right=right, direction_errors=tuple(direction),
    )


def _direction_errors(
    record_type: RecordType, gold: Sequence[GoldRecord], spurious: Sequence[Record]
) -> list[DirectionError]:
    """The spurious records that are a gold record with the wrong pair (see :class:`DirectionError`)."""
    out = []
    g_views = [_gold_view(g) for g in gold]
    for p in spurious:
        pv = _predicted_view(p)
        for g, gv in zip(gold, g_views, strict=True):
            same = (pv.value is not None and _value_ok(gv, pv)) or (
                pv.value is None
                and gv.value is None
                and gv.fields.get("quantity") is not None
                and gv.fields.get("quantity") == pv.fields.get("quantity")
                and _field_ok("systems", gv.fields.get("systems"), pv.fields.get("systems"))
            )
            if same and gv.pair != pv.pair:
                kind = "reversed" if gv.pair == pv.pair[::-1] else "wrong party"
                out.append(DirectionError(record_type, kind, p, g))
                break
    return out

