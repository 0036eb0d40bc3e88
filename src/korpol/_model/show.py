"""How records look to a person: a short ``repr``, and HTML for a notebook.

Why this module exists: ``print(deal)`` used to dump several kilobytes of fields, evidence and
mentions.  A record now shows as one line ("<ArmsDeal KR → PL, signed: 180 K2, USD 6.5
billion, 2025; 1 evidence>"), and in a Jupyter notebook as a compact table of its fields with
its evidence sentence, the quoted span highlighted the way displaCy shows entities (a coloured
mark with a small label).  A document shows its text with every record's evidence marked.
Everything here reads the model only; the HTML is self-contained (inline styles, no script)
and every piece of text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

__all__ = [
    "LABELS",
    "Shown",
    "document_html",
    "evidence_html",
    "record_html",
    "record_repr",
    "short_money",
    "summary",
    "table_html",
]

#: The label and colour of each record type's marks (displaCy's palette, one hue per type).
LABELS: dict[str, tuple[str, str]] = {
    "ArmsDeal": ("ARMS DEAL", "#ffb3a7"),
    "AidPackage": ("AID", "#bfe1d9"),
    "Agreement": ("AGREEMENT", "#c8b6ff"),
    "Leader": ("LEADER", "#aa9cfc"),
    "Deployment": ("DEPLOYMENT", "#feca74"),
    "Meeting": ("MEETING", "#7aecec"),
    "Aggregate": ("TOTAL", "#e4e7d2"),
}

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))

_STYLE_TABLE = "border-collapse:collapse;font-size:0.9em;margin:0.2em 0"
_STYLE_CELL = "border:1px solid #ddd;padding:0.2em 0.5em;text-align:left;vertical-align:top"
_STYLE_MARK = "padding:0.15em 0.35em;margin:0 0.1em;line-height:1.9;border-radius:0.35em"
_STYLE_LABEL = "font-size:0.65em;font-weight:bold;line-height:1;margin-left:0.4em;vertical-align:middle"


def _kind(record: Any) -> str:
    """The record type's name, ``Merged`` dropped (a merged deal is an arms deal)."""
    return type(record).__name__.removeprefix("Merged")


def short_money(money: Any) -> str:
    """A sum as an analyst reads it: ``USD 6.5 billion``, ``~KRW 8.16 trillion``.

    >>> from korpol import Money
    >>> short_money(Money(amount="6500000000", currency="USD", qualifier="about"))
    '~USD 6.5 billion'
    """
    amount: Decimal = money.amount
    size, word = next(((s, w) for s, w in _SCALES if amount >= s), (Decimal(1), ""))
    figure = format((amount / size).quantize(Decimal("0.001")).normalize(), "f") if word else f"{amount:,f}"
    prefix = {"about": "~", "over": ">", "under": "<", "up_to": "≤"}.get(money.qualifier, "")
    return f"{prefix}{money.currency} {figure}" + (f" {word}" if word else "")


def _code(party: Any) -> str:
    return "?" if party is None else str(party.code)


def _when(span: Any) -> str | None:
    return None if span is None or span.start is None else str(span)


def summary(record: Any) -> str:
    """A record on one line: who, what, how much, when.

    >>> from korpol import ArmsDeal, Money, TimeSpan
    >>> summary(ArmsDeal(supplier="KR", recipient="PL", status="signed", systems=["K2"], quantity=180,
    ...                  value=Money(amount=6.5e9, currency="USD"), date=TimeSpan.year(2025)))
    'KR → PL, signed: 180 K2, USD 6.5 billion, 2025'
    """
    kind = _kind(record)
    parts: list[str] = []
    if kind == "ArmsDeal":
        head = f"{_code(record.supplier)} → {_code(record.recipient)}, {record.status}"
        count = [] if record.quantity is None else [str(record.quantity)]
        parts.append(" ".join([*count, ", ".join(record.systems)]).strip())
    elif kind == "AidPackage":
        head = f"{_code(record.donor)} → {_code(record.recipient)}, {record.kind}"
        parts.append(", ".join(record.items))
    elif kind == "Agreement":
        head = f"{'–'.join(p.code for p in record.parties) or '?'}, {record.kind.replace('_', ' ')}"
    elif kind == "Leader":
        head = f"{record.name}, {record.role} of {_code(record.country)}"
    elif kind == "Deployment":
        head = f"{_code(record.sender)} → {_code(record.destination)}"
        parts.append(f"{record.size:,} troops" if record.size else "")
    elif kind == "Aggregate":
        what = {"arms_deals": "arms deals", "aid_packages": "aid"}.get(record.of, record.of)
        head = f"{_code(record.supplier)} → {_code(record.recipient)}, total of {what}"
        parts.append(f"{record.count} of them" if record.count else "")
    elif kind == "Meeting":
        head = ", ".join(record.participants) or ", ".join(p.code for p in record.parties) or "?"
        parts.append(f"in {record.place}" if record.place else "")
    else:
        return object.__repr__(record)
    value = getattr(record, "value", None)
    if value is not None:
        parts.append(short_money(value))
    when = _when(getattr(record, "date", None))
    if when:
        parts.append(when)
    until = _when(getattr(record, "until", None))
    if until:
        parts.append(until if until.startswith("until ") else f"until {until}")
    shown = [p for p in parts if p]
    return head + (": " + ", ".join(shown) if shown else "")


def record_repr(record: Any) -> str:
    """``<ArmsDeal KR → PL, signed: 180 K2, USD 6.5 billion, 2025; 1 evidence>``, whatever the record."""
    reports = getattr(record, "reports", None)
    ident = f"{record.id} " if getattr(record, "id", None) else ""
    n = len(reports) if reports else len(record.evidence)
    count = f"{n} report{'s' if n != 1 else ''}" if reports else f"{n} evidence"
    return f"<{type(record).__name__} {ident}{summary(record)}; {count}>"


# ---------------------------------------------------------------- HTML


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def table_html(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str = "") -> str:
    """A compact HTML table (every cell escaped)."""
    head = "".join(f'<th style="{_STYLE_CELL}">{_e(h)}</th>' for h in headers) if any(headers) else ""
    body = "".join(
        "<tr>" + "".join(f'<td style="{_STYLE_CELL}">{_e(c)}</td>' for c in row) + "</tr>" for row in rows
    )
    cap = f'<caption style="text-align:left;font-weight:bold">{_e(caption)}</caption>' if caption else ""
    thead = f"<thead><tr>{head}</tr></thead>" if head else ""
    return f'<table style="{_STYLE_TABLE}">{cap}{thead}<tbody>{body}</tbody></table>'


def _mark(text: str, kind: str) -> str:
    label, colour = LABELS.get(kind, (kind.upper(), "#ddd"))
    return (
        f'<mark class="korpol-entity" data-label="{_e(label)}" style="background:{colour};{_STYLE_MARK}">'
        f'{_e(text)}<span style="{_STYLE_LABEL}">{_e(label)}</span></mark>'
    )


def evidence_html(evidence: Any, kind: str) -> str:
    """The evidence sentence with the quoted span marked (the quote alone when the sentence lacks it)."""
    sentence: str = evidence.sentence or evidence.text
    at = sentence.find(evidence.text) if evidence.text else -1
    if at < 0:
        return f'<div>{_e(sentence)}</div><div>{_mark(evidence.text, kind)}</div>'
    before, after = sentence[:at], sentence[at + len(evidence.text) :]
    return f"<div>{_e(before)}{_mark(evidence.text, kind)}{_e(after)}</div>"


def _fields(record: Any) -> list[tuple[str, str]]:
    """The record's fields worth a row, as text."""
    rows: list[tuple[str, str]] = []
    for name in ("id", "supplier", "recipient", "donor", "sender", "destination", "country", "parties",
                 "name", "role", "status", "kind", "value", "date", "until", "systems", "quantity", "items",
                 "contractors", "signatories", "participants", "place", "size", "term_start", "term_end"):
        if not hasattr(record, name):
            continue
        value = getattr(record, name)
        if value is None or value == ():
            continue
        if name == "value":
            text = short_money(value) + (f" ({value.text})" if value.text else "")
        elif name in ("date", "until"):
            text = str(value)
        elif isinstance(value, tuple):
            text = ", ".join(getattr(v, "code", str(v)) for v in value)
        elif hasattr(value, "code"):
            text = f"{value.code} ({value.name})"
        else:
            text = str(value)
        rows.append((name, text))
    reports = getattr(record, "reports", None)
    if reports:
        rows.append(("reports", ", ".join(str(r.doc_id) for r in reports)))
    return rows


def record_html(record: Any) -> str:
    """A record for a notebook: its fields as a table, then each evidence sentence with its span marked."""
    kind = _kind(record)
    evidence = list(record.evidence)
    if not evidence:
        for report in getattr(record, "reports", ()):
            evidence.extend(report.record.evidence)
    shown = "".join(evidence_html(ev, kind) for ev in evidence[:5])
    more = f"<div>… and {len(evidence) - 5} more</div>" if len(evidence) > 5 else ""
    caption = f"{type(record).__name__}: {summary(record)}"
    table = table_html(("field", "value"), _fields(record), caption=caption)
    return f'<div class="korpol korpol-record">{table}{shown}{more}</div>'


def document_html(document: Any, *, limit: int = 20_000) -> str:
    """A document for a notebook: its metadata and record counts, then its text with every evidence marked.

    Marks are placed at the evidence offsets in the original text; where two overlap, the
    first one wins.  The text is cut after ``limit`` characters.
    """
    meta = [("id", document.id), ("published", document.published), ("title", document.title),
            ("source", document.source), ("characters", f"{len(document.text):,}")]
    counts = [(kind, len(getattr(document, field))) for kind, field in
              (("arms deals", "arms_deals"), ("aid packages", "aid_packages"), ("agreements", "agreements"),
               ("leaders", "leaders"), ("deployments", "deployments"), ("meetings", "meetings"))]
    rows = [(k, v) for k, v in meta if v is not None] + [(k, v) for k, v in counts if v]
    if document.errors:
        rows.append(("errors", "; ".join(document.errors)))
    records = (*document.records, *getattr(document, "aggregates", ()))
    spans = sorted((ev.start, ev.end, _kind(r)) for r in records for ev in r.evidence if ev.end <= limit)
    text = document.text[:limit]
    out: list[str] = []
    at = 0
    for start, end, kind in spans:
        if start < at:
            continue  # overlaps a span already marked
        out.append(_e(text[at:start]))
        out.append(_mark(text[start:end], kind))
        at = end
    out.append(_e(text[at:]))
    cut = f"<div>… {len(document.text) - limit:,} more characters</div>" if len(document.text) > limit else ""
    body = "".join(out)
    return (
        f'<div class="korpol korpol-document">{table_html(("", ""), rows, caption="Document")}'
        f'<div style="white-space:pre-wrap;line-height:2;max-width:60em">{body}</div>{cut}</div>'
    )


class Shown:
    """What a record class shows: :func:`record_repr` as ``repr``, :func:`summary` as ``str``, and HTML.

    (A record class built with ``attrs.frozen(repr=False)`` takes these.)
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return record_repr(self)

    def __str__(self) -> str:
        return f"{type(self).__name__} {summary(self)}"

    def _repr_html_(self) -> str:
        """The record as a notebook shows it: a table of its fields and its evidence marked."""
        return record_html(self)
