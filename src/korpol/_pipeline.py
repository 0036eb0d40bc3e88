"""``parse()``: one article in, one :class:`~korpol.Document` out — the pipeline, stage by stage.

Why this module exists: it is where the stages meet, in one direction::

    str | bytes ─ decode (bytes) ─ normalise (mojibake, quotes; an offset map back)
      ─ segment (sentences) ─ scan (typed mentions: places, people, money, times, counts,
      weapon systems, companies) ─ record rules, sentence by sentence ─ merge within the
      article ─ Document (records with evidence quoting the ORIGINAL text)

:func:`parse` checks the arguments (clear errors for wrong types) and never raises on a
``str``: an unexpected failure inside extraction is recorded in ``Document.errors`` so that
a batch over years of scraped news never loses a document.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
from typing import Any, cast

from korpol._errors import InputTypeError, ValidationError
from korpol._mentions.scan import scan_all
from korpol._model import (
    AidKind,
    AidPackage,
    ArmsDeal,
    DealStatus,
    Deployment,
    Document,
    Meeting,
)
from korpol._records.agreements import RawAgreement, agreement_candidates, merge_agreements
from korpol._records.aid import aid_candidates
from korpol._records.candidate import Candidate
from korpol._records.context import document_context
from korpol._records.cues import DEFAULT_CUES, Cues
from korpol._records.deals import deal_candidates
from korpol._records.events import deployments_in, meetings_in, merge_deployments, merge_meetings
from korpol._records.evidence import document_mentions, evidence_for
from korpol._records.leaders import leaders_in
from korpol._records.merge import merge, orient
from korpol._records.sentence import Sentence, bounded, lower
from korpol._text import decode, normalize, segment

__all__ = ["check_published", "extract", "parse"]

_log = logging.getLogger("korpol")


def check_published(published: Any) -> dt.date | None:
    """``published`` as a date, or a clear error.

    Accepts a :class:`datetime.date`, a naive :class:`datetime.datetime` (its
    date is used) or an ISO ``YYYY-MM-DD`` string.

    >>> check_published("2024-10-24")
    datetime.date(2024, 10, 24)
    >>> check_published("last Tuesday")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: published: 'last Tuesday' is not valid: not an ISO date (YYYY-MM-DD)
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        if published.tzinfo is not None:
            raise ValidationError(
                "published",
                published,
                "give a date (or a naive datetime); a datetime with a time zone is ambiguous",
            )
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip())
        except ValueError:
            raise ValidationError("published", published, "not an ISO date (YYYY-MM-DD)") from None
    raise InputTypeError("published", published, "a datetime.date, an ISO date string or None")


def _check_str(name: str, value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputTypeError(name, value, "str or None")


def parse(
    text: str | bytes,
    *,
    published: dt.date | str | None = None,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    cues: Cues | None = None,
) -> Document:
    """Parse one article into a :class:`Document` of typed, sourced records.

    ``published`` is the date relative expressions ("last year", "on
    Wednesday") resolve against; without it they stay unresolved.  ``text``
    may be ``bytes`` in any common encoding (UTF-8, UTF-16 with BOM, CP949,
    CP1252); mojibake is repaired, and every :class:`Evidence` quotes the
    decoded input exactly.  ``cues`` replaces the cue-word tables the record
    rules read (build one with ``korpol.Cues().extend(...)``).

    >>> doc = parse("Poland agreed to buy 180 K2 tanks from South Korea for $3.4 billion in 2022.")
    >>> deal = doc.arms_deals[0]
    >>> (deal.supplier.code, deal.recipient.code, str(deal.value), deal.status)
    ('KR', 'PL', 'USD 3,400,000,000', 'signed')
    >>> parse(42)
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: text: expected str or bytes, got int (42)
    """
    day = check_published(published)
    doc_id = _check_str("id", id)
    title = _check_str("title", title)
    source = _check_str("source", source)
    encoding: str | None = None
    if isinstance(text, bytes | bytearray | memoryview):
        text, encoding = decode(bytes(text))
    elif not isinstance(text, str):
        raise InputTypeError("text", text, "str or bytes")
    if cues is not None and not isinstance(cues, Cues):
        raise InputTypeError("cues", cues, "a korpol.Cues or None")
    try:
        return extract(
            text,
            published=day,
            doc_id=doc_id,
            title=title,
            source=source,
            encoding=encoding,
            cues=cues or DEFAULT_CUES,
        )
    except Exception as exc:  # a bug in korpol must not cost the caller the document: it is kept, with why
        message = f"extraction failed: {type(exc).__name__}: {exc}"
        _log.warning("%s (document %s); its records are empty", message, doc_id or "without id")
        return Document(
            id=doc_id,
            published=day,
            title=title,
            source=source,
            text=text,
            encoding=encoding,
            errors=(message,),
        )



def extract(
    text: str,
    *,
    published: dt.date | None,
    doc_id: str | None,
    title: str | None,
    source: str | None,
    encoding: str | None,
    cues: Cues = DEFAULT_CUES,
) -> Document:
    """Build the :class:`Document` for ``text``: every record with its evidence."""
    norm = normalize(text)
    clean = norm.text
    mentions = scan_all(clean, published)
    ctx = document_context(mentions, published, cues, clean)
    starts = [m.start for m in mentions]
    deals: list[Candidate] = []
    aid: list[Candidate] = []
    agreements_raw: list[RawAgreement] = []
    recent: list[Sentence] = []
    deployments: list[Deployment] = []
    meetings: list[Meeting] = []
    sentences: list[Sentence] = []
    for seg_start, seg_end in bounded(clean, ((seg.start, seg.end) for seg in segment(clean))):
        seg_text = clean[seg_start:seg_end]
        i = bisect.bisect_left(starts, seg_start)
        j = bisect.bisect_left(starts, seg_end)
        sent = Sentence(
            seg_start,
            seg_end,
            seg_text,
            lower(seg_text),
            tuple(m for m in mentions[i:j] if m.end <= seg_end),
            cues,
        )
        sentences.append(sent)
        if not sent.mentions:
            continue
        aid_here = aid_candidates(sent, ctx)
        aid.extend(aid_here)
        deal_here = deal_candidates(sent, ctx, recent, bool(deals))
        aid_values = {id(c.value) for c in aid_here}
        deals.extend(c for c in deal_here if c.value is None or id(c.value) not in aid_values)
        agreements_raw.extend(agreement_candidates(sent, ctx, recent))
        recent.append(sent)
        del recent[:-3]
        deployments.extend(deployments_in(sent, ctx, norm, doc_id, text))
        meetings.extend(meetings_in(sent, norm, doc_id, text))
    orient(deals)
    deal_records = tuple(
        ArmsDeal(
            supplier=c.first,
            recipient=c.second,
            status=cast(DealStatus, c.status),
            value=c.value,
            alt_values=tuple(c.alt_values) + tuple(c.value.equivalents if c.value else ()),
            date=c.date,
            systems=tuple(c.systems),
            quantity=c.quantity,
            contractors=tuple(c.contractors),
            evidence=evidence_for([c.sentence, *c.sentences], norm, doc_id, text),
        )
        for c in merge(deals)
    )
    aid_records = tuple(
        AidPackage(
            donor=c.first,
            recipient=c.second,
            kind=cast(AidKind, c.aid_kind),
            value=c.value,
            date=c.date,
            items=tuple(c.systems),
            evidence=evidence_for([c.sentence, *c.sentences], norm, doc_id, text),
        )
        for c in merge(aid)
    )
    agreements = merge_agreements(agreements_raw, norm, doc_id, text)
    mention_records = document_mentions(mentions, norm, text)
    return Document(
        id=doc_id,
        published=published,
        title=title,
        source=source,
        text=text,
        arms_deals=deal_records,
        aid_packages=aid_records,
        agreements=agreements,
        leaders=leaders_in(mentions, sentences, ctx, norm, doc_id, text),
        deployments=merge_deployments(deployments),
        meetings=merge_meetings(meetings),
        mentions=mention_records,
        encoding=encoding,
        repairs=tuple(getattr(norm, "repairs", ()) or ()),
    )
