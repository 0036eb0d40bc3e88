"""One parsed article: its text, metadata and every record and mention found in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from korpol._errors import ValidationError
from korpol._model.base import Record, is_opt_str, is_str, opt_published, str_tuple
from korpol._model.records import Aggregate, Agreement, AidPackage, ArmsDeal, Deployment, Leader, Meeting
from korpol._model.show import document_html
from korpol._model.values import Mention

__all__ = ["RECORD_FIELDS", "Document"]


def _armsdeals(values: Iterable[ArmsDeal | Mapping[str, Any]] | None) -> tuple[ArmsDeal, ...]:
    return tuple(v if isinstance(v, ArmsDeal) else ArmsDeal.from_dict(v) for v in values or ())


def _aidpackages(values: Iterable[AidPackage | Mapping[str, Any]] | None) -> tuple[AidPackage, ...]:
    return tuple(v if isinstance(v, AidPackage) else AidPackage.from_dict(v) for v in values or ())


def _agreements(values: Iterable[Agreement | Mapping[str, Any]] | None) -> tuple[Agreement, ...]:
    return tuple(v if isinstance(v, Agreement) else Agreement.from_dict(v) for v in values or ())


def _leaders(values: Iterable[Leader | Mapping[str, Any]] | None) -> tuple[Leader, ...]:
    return tuple(v if isinstance(v, Leader) else Leader.from_dict(v) for v in values or ())


def _deployments(values: Iterable[Deployment | Mapping[str, Any]] | None) -> tuple[Deployment, ...]:
    return tuple(v if isinstance(v, Deployment) else Deployment.from_dict(v) for v in values or ())


def _meetings(values: Iterable[Meeting | Mapping[str, Any]] | None) -> tuple[Meeting, ...]:
    return tuple(v if isinstance(v, Meeting) else Meeting.from_dict(v) for v in values or ())


def _aggregates(values: Iterable[Aggregate | Mapping[str, Any]] | None) -> tuple[Aggregate, ...]:
    return tuple(v if isinstance(v, Aggregate) else Aggregate.from_dict(v) for v in values or ())


def _mentions(values: Iterable[Mention | Mapping[str, Any]] | None) -> tuple[Mention, ...]:
    return tuple(v if isinstance(v, Mention) else Mention.from_dict(v) for v in values or ())


RECORD_FIELDS = ("arms_deals", "aid_packages", "agreements", "leaders", "deployments", "meetings")


@attrs.frozen(repr=False)
class Document(Record):
    """One parsed article: its text, metadata and every record found in it.

    ``text`` is the original input (decoded, never repaired), which every
    :class:`Evidence` indexes; :attr:`repaired_text` is the readable form.
    ``encoding`` names how bytes were decoded and ``repairs`` what mojibake
    repair was applied.  ``errors`` lists problems met while parsing (a
    batch records failures here instead of raising).  Every record's evidence
    must quote ``text``.

    >>> from korpol import ArmsDeal, Evidence
    >>> text = "Poland signed a contract with South Korea for K2 tanks."
    >>> quote = Evidence(doc_id="a1", start=0, end=len(text), text=text)
    >>> deal = ArmsDeal(supplier="KR", recipient="PL", status="signed", evidence=[quote])
    >>> doc = Document(id="a1", text=text, arms_deals=[deal])
    >>> [type(r).__name__ for r in doc.records], doc.records[0].evidence[0].text == text
    (['ArmsDeal'], True)
    >>> Document.from_dict(doc.to_dict()) == doc
    True
    """

    id: str | None = attrs.field(default=None, validator=is_opt_str)
    published: dt.date | None = attrs.field(default=None, converter=opt_published)
    title: str | None = attrs.field(default=None, validator=is_opt_str)
    source: str | None = attrs.field(default=None, validator=is_opt_str)
    text: str = attrs.field(default="", validator=is_str)
    arms_deals: tuple[ArmsDeal, ...] = attrs.field(factory=tuple, converter=_armsdeals)
    aid_packages: tuple[AidPackage, ...] = attrs.field(factory=tuple, converter=_aidpackages)
    agreements: tuple[Agreement, ...] = attrs.field(factory=tuple, converter=_agreements)
    leaders: tuple[Leader, ...] = attrs.field(factory=tuple, converter=_leaders)
    deployments: tuple[Deployment, ...] = attrs.field(factory=tuple, converter=_deployments)
    meetings: tuple[Meeting, ...] = attrs.field(factory=tuple, converter=_meetings)
    #: sums of several deals or packages the article states (never deals or packages themselves)
    aggregates: tuple[Aggregate, ...] = attrs.field(factory=tuple, converter=_aggregates)
    mentions: tuple[Mention, ...] = attrs.field(factory=tuple, converter=_mentions)
    encoding: str | None = attrs.field(default=None, validator=is_opt_str)
    repairs: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    errors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for name in (*RECORD_FIELDS, "aggregates"):
            for record in getattr(self, name):
                for ev in record.evidence:
                    if ev.end > n or self.text[ev.start : ev.end] != ev.text:
                        raise ValidationError(
                            "evidence", (ev.start, ev.end),
                            f"does not quote the document text (length {n}) in {name}",
                        )
        for m in self.mentions:
            if m.end > n:
                raise ValidationError("mentions", (m.start, m.end), f"outside the text (length {n})")

    def __repr__(self) -> str:
        """Short: id, date, title, size and what was found (``repr`` used to print the whole text)."""
        names = (*RECORD_FIELDS, "aggregates")  # (aggregates: a record type that is not in RECORD_FIELDS)
        found = [f"{len(getattr(self, n, ()))} {n}" for n in names if getattr(self, n, ())]
        bits = [repr(self.id), str(self.published) if self.published else None,
                repr(self.title[:60]) if self.title else None, f"{len(self.text):,} characters",
                ", ".join(found) or "no records", f"{len(self.errors)} errors" if self.errors else None]
        return f"<Document {' · '.join(b for b in bits if b)}>"

    def _repr_html_(self) -> str:
        """The document as a notebook shows it: metadata, counts, and the text with every evidence marked."""
        return document_html(self)

    @property
    def records(self) -> tuple[ArmsDeal | AidPackage | Agreement | Leader | Deployment | Meeting, ...]:
        """Every record of the document, deals first."""
        out: list[Any] = []
        for name in RECORD_FIELDS:
            out.extend(getattr(self, name))
        return tuple(out)

    @property
    def repaired_text(self) -> str:
        """The text with mojibake repaired (equal to ``text`` when clean)."""
        # (imported here, not at the top: ``import korpol`` does not load the text stage)
        from korpol._text.repair import repair

        repaired: str = repair(self.text)
        return repaired
