"""Records as the text a person reads: one-line summaries and short sums of money.

Why this module exists: the CLI tables, the timeline and the SQLite ``merged.summary``
column show a record the way an analyst writes it in a note ("arms deal KR → PL (signed):
180 K2, USD 6.5 billion"), not as its fields.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from korpol._model import Agreement, AidPackage, ArmsDeal, Deployment, Leader, Meeting, Money, Party

__all__ = ["describe", "short_money"]


def _party_text(party: Party | None) -> str:
    return "?" if party is None else party.code


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
        head = f"arms deal {_party_text(record.supplier)} → {_party_text(record.recipient)} ({record.status})"
        parts = [", ".join(record.systems)] if record.systems else []
        if record.quantity is not None:
            parts.insert(0, str(record.quantity))
            parts = [" ".join(parts)]
    elif isinstance(record, AidPackage):
        head = f"{record.kind} aid {_party_text(record.donor)} → {_party_text(record.recipient)}"
        parts = [", ".join(record.items)] if record.items else []
    elif isinstance(record, Agreement):
        head = f"{record.kind.replace('_', ' ')} {'–'.join(p.code for p in record.parties)}"
        until = None if record.until is None else str(record.until)
        parts = [until if until.startswith("until ") else f"until {until}"] if until is not None else []
    elif isinstance(record, Deployment):
        head = f"deployment {_party_text(record.sender)} → {_party_text(record.destination)}"
        parts = [f"{record.size:,} troops"] if record.size else []
    elif isinstance(record, Meeting):
        head = "meeting " + ", ".join(record.participants or [p.code for p in record.parties])
        parts = [f"in {record.place}"] if record.place else []
    elif isinstance(record, Leader):
        head = f"{record.role} {record.name} ({_party_text(record.country)})"
        parts = []
    else:
        return repr(record)
    value = getattr(record, "value", None)
    if value is not None:
        parts.append(short_money(value))
    return head + (": " + ", ".join(parts) if parts else "")
