"""Records as the text a person reads: one-line summaries, short sums, aligned tables, progress.

Why this module exists: the CLI tables, the timeline and the SQLite ``merged.summary``
column show a record the way an analyst writes it in a note ("arms deal KR → PL (signed):
180 K2, USD 6.5 billion"), not as its fields.  The cells of the CLI tables are built from
the helpers here by each record type's columns (:mod:`korpol._io.columns`).  A long batch
reports how far it has got with :class:`Progress`, the one progress report of korpol (the
batch functions' ``progress=True`` and every CLI command use it).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from korpol._model import (
    RECORD_FIELDS,
    Agreement,
    AidPackage,
    ArmsDeal,
    Deployment,
    Document,
    Leader,
    Meeting,
    Money,
    Party,
    TimeSpan,
)

__all__ = [
    "CELL_WIDTH",
    "EVIDENCE_WIDTH",
    "Progress",
    "clip",
    "describe",
    "evidence_text",
    "format_table",
    "money_text",
    "party_text",
    "short_money",
    "sources_text",
    "span_text",
]

#: The widest a table cell of names (systems, signatories, sources) gets before it is clipped.
CELL_WIDTH = 32

#: The widest the evidence sentence of a table row gets.
EVIDENCE_WIDTH = 70


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> clip("Poland  signed a framework agreement", 20)
    'Poland signed a fra…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Plain-text columns aligned with spaces, a rule under the header.

    >>> print(format_table(["Name", "Role"], [["Cho Tae-yul", "foreign minister"]]))
    Name         Role
    -----------  ----------------
    Cho Tae-yul  foreign minister
    """
    body = [list(row) for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(headers)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    return "\n".join(lines)


def party_text(party: Party | None) -> str:
    """A party as a table shows it: its code, ``?`` when unknown."""
    return "?" if party is None else party.code


def money_text(money: Money | None) -> str:
    """A sum as a table shows it (:func:`short_money`), empty when unknown."""
    return "" if money is None else short_money(money)


def span_text(span: TimeSpan | None) -> str:
    """A time as a table shows it ("2024", "2025-08-01"), empty when unknown.

    A year the text does not state (the article's publication year) says so: "2024 (inferred)".
    """
    if span is None:
        return ""
    return f"{span} (inferred)" if span.inferred else str(span)


def sources_text(record: Any) -> str:
    """How many articles report a record, and which: ``2: w1, w2``."""
    reports = getattr(record, "reports", None)
    if reports:
        docs = list(dict.fromkeys(r.doc_id or "?" for r in reports))
        return f"{len(docs)}: {clip(', '.join(docs), CELL_WIDTH)}"
    docs = list(dict.fromkeys(ev.doc_id or "?" for ev in getattr(record, "evidence", ())))
    return f"{len(docs)}: {clip(', '.join(docs), CELL_WIDTH)}"


def evidence_text(record: Any) -> str:
    """A record's first evidence sentence, clipped to :data:`EVIDENCE_WIDTH`."""
    evidence = getattr(record, "evidence", ())
    if not evidence:
        return ""
    return clip(evidence[0].sentence or evidence[0].text, EVIDENCE_WIDTH)


_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def short_money(money: Money) -> str:
    """A sum as an analyst reads it: ``USD 6.5 billion``, ``~KRW 8.16 trillion``.

    >>> short_money(Money(amount="6500000000", currency="USD", qualifier="about"))
    '~USD 6.5 billion'
    >>> short_money(Money(amount=13e9, upper=14e9, currency="USD"))
    'USD 13–14 billion'
    """
    size, word = next(((s, w) for s, w in _SCALES if money.amount >= s), (Decimal(1), ""))

    def shown(amount: Decimal) -> str:
        if not word:
            return f"{amount:,f}"
        return format((amount / size).quantize(Decimal("0.001")).normalize(), "f")

    figure = shown(money.amount) if money.upper is None else f"{shown(money.amount)}–{shown(money.upper)}"
    prefix = {"about": "~", "over": ">", "under": "<", "up_to": "≤"}.get(money.qualifier, "")
    return f"{prefix}{money.currency} {figure}" + (f" {word}" if word else "")


def describe(record: Any) -> str:
    """A one-line summary of any record, as the CLI tables and the timeline show it.

    >>> from korpol import ArmsDeal, Country, Money
    >>> describe(ArmsDeal(supplier=Country(code="KR", name="South Korea"), recipient=None,
    ...                   status="signed", systems=["K9"], value=Money(amount=2.6e9, currency="USD")))
    'arms deal KR → ? (signed): K9, USD 2.6 billion'
    """
    if isinstance(record, ArmsDeal):
        head = f"arms deal {party_text(record.supplier)} → {party_text(record.recipient)} ({record.status})"
        parts = [", ".join(record.systems)] if record.systems else []
        if record.quantity is not None:
            parts.insert(0, str(record.quantity))
            parts = [" ".join(parts)]
    elif isinstance(record, AidPackage):
        head = f"{record.kind} aid {party_text(record.donor)} → {party_text(record.recipient)}"
        parts = [", ".join(record.items)] if record.items else []
    elif isinstance(record, Agreement):
        head = f"{record.kind.replace('_', ' ')} {'–'.join(p.code for p in record.parties)}"
        until = None if record.until is None else str(record.until)
        parts = [until if until.startswith("until ") else f"until {until}"] if until is not None else []
    elif isinstance(record, Deployment):
        head = f"deployment {party_text(record.sender)} → {party_text(record.destination)}"
        parts = [f"{record.size:,} troops"] if record.size else []
    elif isinstance(record, Meeting):
        head = "meeting " + ", ".join(record.participants or [p.code for p in record.parties])
        parts = [f"in {record.place}"] if record.place else []
    elif isinstance(record, Leader):
        head = f"{record.role} {record.name} ({party_text(record.country)})"
        parts = []
    else:
        return repr(record)
    value = getattr(record, "value", None)
    if value is not None:
        parts.append(short_money(value))
    return head + (": " + ", ".join(parts) if parts else "")


def duration(seconds: float) -> str:
    """A duration as a person reads it: ``0.4 s``, ``42 s``, ``3:05``, ``1:02:03``.

    >>> duration(0.42), duration(42), duration(185), duration(3723)
    ('0.4 s', '42 s', '3:05', '1:02:03')
    """
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """How far a batch of documents has got, written to a stream (stderr by default).

    On a terminal, one line redrawn in place at most ten times a second: the documents done
    (of how many, when known), the rate and the time left.  Elsewhere (a log file, a CI job)
    the same as a plain line every ``every`` seconds.  :meth:`close` always writes a final
    line with the counts: documents, records, documents with errors, time taken.

    >>> import io
    >>> from korpol import ArmsDeal, Document
    >>> log = io.StringIO()
    >>> progress = Progress(total=2, stream=log)
    >>> deal = ArmsDeal(supplier="KR", recipient="PL", status="signed")
    >>> progress.update(Document(id="a", arms_deals=[deal]))
    >>> progress.update(Document(id="b", errors=("item 1 (b): FileNotFoundError: b.txt",)))
    >>> progress.close()  # doctest: +ELLIPSIS
    >>> log.getvalue()
    'korpol: 2 documents, 1 record, 1 with errors, in ... s (... documents/s)\\n'
    """

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: TextIO | None = None,
        every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = sys.stderr if stream is None else stream
        self.every = every
        self.clock = clock
        self.terminal = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = self.failed = self.records = 0
        self.start = self.shown = clock()
        self.drawn = 0  # width of the line on the terminal

    def update(self, doc: Document) -> None:
        """Count one finished document (and redraw or log when it is time)."""
        self.done += 1
        self.failed += bool(doc.errors)
        self.records += sum(len(getattr(doc, field)) for field in RECORD_FIELDS)
        now = self.clock()
        if self.terminal:
            if now - self.shown >= 0.1 or self.done == self.total:
                self.shown = now
                self._write("\r" + self._status(now).ljust(self.drawn))
        elif now - self.shown >= self.every:
            self.shown = now
            self._write(self._status(now) + "\n")

    def _status(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            head = f"korpol: {100 * self.done // self.total:3d}% {self.done}/{self.total} documents"
        else:
            head = f"korpol: {self.done} documents"
        left = ""
        if self.total and rate > 0 and self.done < self.total:
            left = f", {duration((self.total - self.done) / rate)} left"
        return f"{head}, {self.failed} with errors, {rate:.0f}/s{left}"

    def close(self) -> None:
        """Write the final line: documents, records, documents with errors, time taken."""
        elapsed = max(self.clock() - self.start, 1e-9)
        if self.terminal and self.drawn:
            self._write("\r" + " " * self.drawn + "\r")
        records = f"{self.records} record" + ("" if self.records == 1 else "s")
        documents = f"{self.done} document" + ("" if self.done == 1 else "s")
        self._write(
            f"korpol: {documents}, {records}, {self.failed} with errors, "
            f"in {duration(elapsed)} ({self.done / elapsed:.0f} documents/s)\n"
        )

    def _write(self, text: str) -> None:
        line = text.strip("\r\n")
        self.drawn = max(self.drawn, len(line)) if text.startswith("\r") else self.drawn
        self.stream.write(text)
        self.stream.flush()
