"""Currencies as news text writes them: "$", "US$", "USD", "₩", "won", "zlotys" ....

Why this module exists: the money scanner must recognise every symbol, code and name in
``data/currencies.tsv`` and map each to one ISO 4217 code.  The anchor pattern is a prefix
trie of every form, so that a scan over a document costs one literal-first regex pass; word
boundaries are checked by the caller on the (rare) candidates.
"""

from __future__ import annotations

import re

import attrs

from korpol._regex import trie_pattern
from korpol._tables import once, read_table

__all__ = ["CurrencyLexicon", "currency_lexicon"]

@attrs.frozen
class CurrencyLexicon:
    """Every way the data files write a currency, and one regex that finds them.

    ``forms`` maps an exact surface form (as it appears in text) to
    ``(code, kind)`` where kind is ``"symbol"``, ``"code"`` or ``"name"``.
    ``pattern`` matches any form, longest first.
    """

    forms: dict[str, tuple[str, str]]
    pattern: re.Pattern[str]
    #: state -> the currency its own news calls plain "dollars" (CA -> CAD; the ``home`` column)
    homes: dict[str, str] = attrs.field(factory=dict)


def _variants(name: str) -> set[str]:
    """The case forms a lower-case currency name takes in news text."""
    words = name.split(" ")
    out = {name, " ".join(w[:1].upper() + w[1:] for w in words)}
    # "us dollars" -> "US dollars", "u.s. dollars" -> "U.S. dollars"
    if words[0] in ("us", "u.s.", "u-s", "uae"):
        out.add(" ".join([words[0].upper(), *words[1:]]))
    # only the modifier capitalised: "Australian dollars", "Korean won"
    if len(words) > 1:
        out.add(" ".join([words[0][:1].upper() + words[0][1:], *words[1:]]))
        out.add(" ".join(w[:1].upper() + w[1:] for w in words[:-1]) + " " + words[-1])
    return out


@once
def currency_lexicon() -> CurrencyLexicon:
    """The symbols, codes and names of ``data/currencies.tsv`` (loaded once)."""
    forms: dict[str, tuple[str, str]] = {}
    homes: dict[str, str] = {}
    for row in read_table("currencies.tsv"):
        code = row["code"]
        if row.get("home", "").strip():
            homes[row["home"].strip()] = code
        names = [n.strip() for n in row.get("names", "").split(";") if n.strip()]
        symbols = [s.strip() for s in row.get("symbols", "").split(";") if s.strip()]
        if not names and not symbols:
            continue  # an ISO code with no news vocabulary is not an anchor ("ALL", "TOP")
        forms.setdefault(code, (code, "code"))
        for s in symbols:
            forms.setdefault(s, (code, "symbol"))
        for n in names:
            for v in _variants(n):
                forms.setdefault(v, (code, "name"))
    pattern = re.compile(trie_pattern(set(forms)))
    return CurrencyLexicon(forms=forms, pattern=pattern, homes=homes)
