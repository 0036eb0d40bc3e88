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
from typing import Any, Literal

from korpol._errors import InputTypeError, ValidationError, check_opt_str
from korpol._mentions.scan import scan_all
from korpol._model import Document
from korpol._published import PUBLISHED_RANGE, check_published
from korpol._records.agreements import AgreementRule, refers_to_both
from korpol._records.aid import AidRule
from korpol._records.context import document_context
from korpol._records.cues import DEFAULT_CUES, Cues
from korpol._records.deals import DealRule
from korpol._records.dollars import local_dollars
from korpol._records.events import DeploymentRule, MeetingRule
from korpol._records.evidence import document_mentions
from korpol._records.leaders import LeaderRule
from korpol._records.rules import Reading, Rule
from korpol._records.sentence import Sentence, bounded, lower
from korpol._records.sums import AggregateRule
from korpol._text import decode, is_link, normalize, segment, without_surrogates

__all__ = ["PUBLISHED_RANGE", "check_published", "extract", "parse"]

_log = logging.getLogger("korpol")


def parse(
    text: str | bytes,
    *,
    published: dt.date | str | None = None,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    cues: Cues | None = None,
    errors: Errors = "record",
) -> Document:
    """Parse one article into a :class:`Document` of typed, sourced records.

    ``published`` is the date relative expressions ("last year", "on
    Wednesday") resolve against; without it they stay unresolved.  ``text``
    may be ``bytes`` in any common encoding (UTF-8, UTF-16 with BOM, CP949,
    CP1252); mojibake is repaired, and every :class:`Evidence` quotes the
    decoded input exactly.  ``cues`` replaces the cue-word tables the record
    rules read (build one with ``korpol.Cues().extend(...)``).

    ``errors`` says what a failure inside extraction does: ``"record"`` (the default) keeps
    the document and the reason in ``Document.errors`` (a failing rule costs only its own
    records), so that ``parse`` never raises on a ``str``; ``"raise"`` lets the exception
    propagate, for development.

    .. versionadded:: 0.2.0 the ``errors`` argument.

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
    # (surrogate code points are not text: no file could keep them; U+FFFD, one for one)
    doc_id, title, source = (
        None if value is None else without_surrogates(value)
        for value in (check_opt_str("id", id), check_opt_str("title", title), check_opt_str("source", source))
    )
    if errors not in ("record", "raise"):
        raise ValidationError("errors", errors, 'one of "record" (the default) or "raise"')
    encoding: str | None = None
    if isinstance(text, bytes | bytearray | memoryview):
        text, encoding = decode(bytes(text))
    elif not isinstance(text, str):
        raise InputTypeError("text", text, "str or bytes")
    else:
        text = without_surrogates(text)
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
            errors=errors,
        )
    except Exception as exc:  # a bug in korpol must not cost the caller the document: it is kept, with why
        if errors == "raise":
            raise
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



#: The record rules, in the order they read each sentence.  Aid reads before deals: an
#: amount given away in a sentence is aid, and the deal rule leaves it alone.  Leaders read
#: the whole document at the end, and so do aggregates (the sums the deal and aid rules met).
RULES: tuple[type[Rule], ...] = (
    AidRule,
    DealRule,
    AgreementRule,
    DeploymentRule,
    MeetingRule,
    LeaderRule,
    AggregateRule,
)

Errors = Literal["record", "raise"]


def extract(
    text: str,
    *,
    published: dt.date | None,
    doc_id: str | None,
    title: str | None,
    source: str | None,
    encoding: str | None,
    cues: Cues = DEFAULT_CUES,
    errors: Errors = "record",
) -> Document:
    """Build the :class:`Document` for ``text``: every record with its evidence.

    A rule that fails costs only its own records: its field stays empty and the reason goes
    to ``Document.errors`` (with ``errors="raise"`` the exception propagates instead).
    """
    norm = normalize(text)
    clean = norm.text
    mentions = scan_all(clean, published)
    context = document_context(mentions, published, cues, clean)
    mentions = local_dollars(mentions, context.principal, clean)
    reading = Reading(context, norm, text, doc_id, mentions)
    rules = [rule() for rule in RULES]
    failed: dict[str, str] = {}

    def fail(rule: Rule, exc: Exception) -> None:
        if errors == "raise":
            raise exc
        failed[rule.field] = f"{rule.field} rule failed: {type(exc).__name__}: {exc}"
        _log.warning("%s (document %s)", failed[rule.field], doc_id or "without id")

    def records_of(rule: Rule) -> Any:
        if rule.field in failed:
            return ()
        try:
            return rule.records(reading)
        except Exception as exc:
            fail(rule, exc)
            return ()

    starts = [m.start for m in mentions]
    # (not a "› Hungary's veto leaves billions frozen" of a READ MORE list: a link to another story,
    # whose states are no party to this one's records and no antecedent of its next sentence)
    spans = ((seg.start, seg.end) for seg in segment(clean) if not is_link(clean, seg))
    for seg_start, seg_end in bounded(clean, spans):
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
        reading.sentences.append(sent)
        if sent.mentions:
            reading.found.clear()
            readers = rules
        elif refers_to_both(sent.low):
            # "At the same ceremony the two ministers signed a joint declaration": no party named,
            # the two of the sentences before meant (only agreements are read so)
            readers = [rule for rule in rules if rule.field == "agreements"]
        else:
            continue
        for rule in readers:  # (inline: this loop runs once per rule and sentence)
            if rule.field in failed:
                continue
            try:
                rule.read(sent, reading)
            except Exception as exc:
                fail(rule, exc)
        if not sent.mentions:
            continue  # (the sentence before stays the one that names someone)
        reading.recent.append(sent)
        if len(reading.recent) > 3:
            # a sentence no rule reads again: its caches go, so that the memory of one huge
            # document does not grow with every search run on every sentence read (what the
            # records need later is recomputed from the sentence on demand)
            passed = reading.recent.pop(0)
            passed.memo.clear()
            passed.gates.clear()
    records = {rule.field: records_of(rule) for rule in rules}
    # the sentences and candidates have done their work: they go before the mentions are built
    rules.clear()
    reading.sentences.clear()
    reading.recent.clear()
    return Document(
        id=doc_id,
        published=published,
        title=title,
        source=source,
        text=text,
        **records,
        mentions=document_mentions(mentions, norm, text),
        encoding=encoding,
        repairs=norm.repairs,
        errors=tuple(failed.values()),
    )
