"""Plain "dollars", "crowns" and "pesos" in an article about a state that has them of its own.

Why this module exists: a Canadian or Australian broadcast or government release says
"two-point-five billion dollars" for its own currency and "five hundred million U.S. dollars"
when it means the American one.  Read alone, a plain "dollars" or "$" is US dollars; in an
article about one of those states (``home`` in ``data/currencies.tsv``) it is that state's
dollar -- unless the article is about that state and the United States and never writes "US
dollars" or "US$" explicitly: then a plain dollar may be either, and stays US dollars; or the
article writes its own dollar explicitly ("A$7 billion"): then a plain "$" is the US dollar.
Wire copy writes Swedish, Norwegian, Danish and Czech money alike as plain "crowns"; the money
reader takes them as Swedish, and in an article about one other crown state they are its own;
plain "pesos" likewise are Philippine unless the sentence or the article is about another peso state,
plain "dirhams" are the UAE's unless it is about Morocco, and plain "rupees" India's unless it is about
Pakistan, Sri Lanka or Nepal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from korpol._mentions.scan import SENTENCE_BREAK, M
from korpol._model import Country, Party
from korpol._refdata.currencies import currency_lexicon

__all__ = ["local_dollars"]

#: "US dollars", "U.S. dollars", "U-S dollars", "American dollars", "US$", "U.S.$"
_US_EXPLICIT = re.compile(r"\b(?:U\.?-?S\.?|American) dollars?\b|\bU\.?S\.? ?\$", re.IGNORECASE)
#: a figure written with a bare "$" or a bare "dollars", no state named in it
_PLAIN = re.compile(
    r"^\$|(?<![A-Za-z.$-])(?<!US )(?<!U\.S\. )(?<!U-S )(?<!American )dollars?$", re.IGNORECASE
)


#: a figure in bare "crowns" or "pesos", no state named in it (the reader's default for them is
#: Swedish, Philippine), by the bare name
_PLAIN_SHARED = {
    "crown": re.compile(r"(?:\d|illion|thousand|bn|mn|tn)[ -]?crowns?$", re.IGNORECASE),
    "peso": re.compile(r"(?:\d|illion|thousand|bn|mn|tn)[ -]?pesos?$", re.IGNORECASE),
    "dirham": re.compile(r"(?:\d|illion|thousand|bn|mn|tn)[ -]?dirhams?$", re.IGNORECASE),
    "rupee": re.compile(r"(?:\d|illion|thousand|crore|lakh|bn|mn|tn)[ -]?rupees?$", re.IGNORECASE),
}


@functools.cache
def _family(code: str) -> str:
    """The bare name a home currency shares with others: "dollar" (CAD), "crown" (NOK), "peso"
    (COP), or ""."""
    names = [form for form, (c, kind) in currency_lexicon().forms.items() if c == code and kind == "name"]
    return next((w for w in ("dollar", "crown", "peso", "dirham", "rupee") if any(w in n for n in names)), "")


def local_dollars(mentions: list[M], principal: Sequence[Party], text: str) -> list[M]:
    """``mentions`` with plain dollar and crown figures read as the article's own, where it has one.

    >>> from korpol._mentions.scan import scan_all
    >>> from korpol._model import Country
    >>> text = "Canada will give two billion dollars, on top of 500 million U.S. dollars from NATO."
    >>> found = local_dollars(scan_all(text, None), (Country(code="CA", name="Canada"),), text)
    >>> [(m.value.amount, m.value.currency) for m in found if m.kind == "money"]
    [(Decimal('2000000000'), 'CAD'), (Decimal('500000000'), 'USD')]
    >>> text = "Norway will give Ukraine 5 billion crowns."
    >>> found = local_dollars(scan_all(text, None), (Country(code="NO", name="Norway"),), text)
    >>> [(m.value.amount, m.value.currency) for m in found if m.kind == "money"]
    [(Decimal('5000000000'), 'NOK')]
    """
    mentions = _local_shared(mentions, principal, text, "crown")
    mentions = _local_shared(mentions, principal, text, "peso")
    mentions = _local_shared(mentions, principal, text, "dirham")
    mentions = _local_shared(mentions, principal, text, "rupee")
    if _US_EXPLICIT.search(text):
        named = [c for c in _home_dollars() if _named(c, text)]
        if len(named) == 1:
            # both dollars written out by name ("one hundred million US dollars", "seventy million
            # Australian dollars"): a plain one in words is the one the context last made clear
            return _dollars_by_context(mentions, named[0], text)
    return _local_dollars(mentions, principal, text)


@functools.cache
def _home_dollars() -> tuple[str, ...]:
    """The dollars some state calls plain "dollars" (CAD, AUD, NZD, ...)."""
    return tuple(sorted({c for c in currency_lexicon().homes.values() if _family(c) == "dollar"}))


def _local_shared(mentions: list[M], principal: Sequence[Party], text: str, family: str) -> list[M]:
    """Plain crowns (or pesos) are those of the crown state their sentence names just before them
    ("The Czech government has set aside about 2 billion crowns", "the Colombian defence ministry
    signed a contract worth 16.5 trillion pesos"), else the crowns last named explicitly ("35
    billion Norwegian crowns ..., of which 22.5 billion crowns"), else the article's crown state's,
    else left as read (Swedish; Philippine pesos)."""
    homes = currency_lexicon().homes
    plain = _PLAIN_SHARED[family]
    local = {homes[p.code] for p in principal if p.code in homes and _family(homes[p.code]) == family}
    home = next(iter(local)) if len(local) == 1 else None
    last: str | None = None  # the currency of the family last written with its state
    state: tuple[str, int] | None = None  # the state of the family last named, and where its mention ends
    out: list[M] = []
    for m in mentions:
        own = homes.get(m.party.code, "") if m.kind == "place" and isinstance(m.party, Country) else ""
        if own and _family(own) == family:
            state = (own, m.end)
        if m.kind == "money" and _family(m.value.currency) == family:
            if not plain.search(m.value.text.strip()):
                last = m.value.currency
            else:
                near = state is not None and not SENTENCE_BREAK.search(text, state[1], m.start)
                named = state[0] if state is not None and near else None
                if (meant := named or last or home) is not None and meant != m.value.currency:
                    m = m._replace(value=attrs.evolve(m.value, currency=meant))
        out.append(m)
    return out



def _local_dollars(mentions: list[M], principal: Sequence[Party], text: str) -> list[M]:
    homes = currency_lexicon().homes
    local = {homes[p.code] for p in principal if p.code in homes and _family(homes[p.code]) == "dollar"}
    american = any(p.code == "US" for p in principal)
    if len(local) != 1 or (american and not _US_EXPLICIT.search(text)):
        return mentions
    (currency,) = local
    home = next(p.code for p in principal if homes.get(p.code) == currency)
    states = [m.party.code for m in mentions if m.kind == "place" and isinstance(m.party, Country)]
    if states.count(home) * 5 < len(states):
        # a recap of many states' deals, Canada's among them (its state under a fifth of the states
        # named): a plain "$" is no Canadian dollar
        return mentions
    if any(m.kind == "money" and m.value.currency == currency for m in mentions) or _named(currency, text):
        # "A$7 billion" written out (or "Australian dollars" in a figure not read, such as a spoken
        # range): a plain "$1.65 billion" is then the US dollar
        return mentions
    out: list[M] = []
    for m in mentions:
        if m.kind == "money" and m.value.currency == "USD" and _PLAIN.search(m.value.text.strip()):
            m = m._replace(value=attrs.evolve(m.value, currency=currency))
        out.append(m)
    return out


#: a figure in the bare word "dollars" (not "$"): the spoken and written-out form
_PLAIN_WORD = re.compile(r"(?:\d|illion|thousand|hundred|bn|mn)\s+dollars?$", re.IGNORECASE)


def _dollars_by_context(mentions: list[M], currency: str, text: str) -> list[M]:
    """Plain "dollars" in words, in an article that writes both US and its own dollars by name: those
    of the state its sentence names just before ("and Australia committed five million dollars";
    US dollars for a state with none of its own), else those last written by name ("seventy
    million Australian dollars ... He also announced thirty-five million dollars"); a plain "$"
    stays as read."""
    homes = currency_lexicon().homes
    last: str | None = None
    state: tuple[str, int] | None = None  # the dollar of the state last named, where it ends
    out: list[M] = []
    for m in mentions:
        if m.kind == "place" and isinstance(m.party, Country):
            # (a state with no dollar of its own pays in US dollars: "Japan gave two million dollars")
            state = (currency if homes.get(m.party.code) == currency else "USD", m.end)
        if m.kind == "money" and m.value.currency in ("USD", currency):
            written = m.value.text.strip()
            if m.value.currency == currency or _US_EXPLICIT.search(written):
                last = m.value.currency  # (the reader takes only a named dollar as not US)
            elif _PLAIN_WORD.search(written):
                near = state is not None and not SENTENCE_BREAK.search(text, state[1], m.start)
                meant = state[0] if state is not None and near else last
                if meant is not None and meant != m.value.currency:
                    m = m._replace(value=attrs.evolve(m.value, currency=meant))
        out.append(m)
    return out


def _named(currency: str, text: str) -> bool:
    """Whether ``text`` writes a figure in ``currency`` by its own name or symbol ("368 billion
    Australian dollars", "A$7bn") -- not a gloss on plain figures ("That's Australian dollars")."""
    return _explicit(currency).search(text) is not None


@functools.cache
def _explicit(currency: str) -> re.Pattern[str]:
    forms = currency_lexicon().forms.items()
    names = "|".join(re.escape(f) for f, (c, kind) in forms if c == currency and kind == "name")
    symbols = "|".join(re.escape(f) for f, (c, kind) in forms if c == currency and kind == "symbol")
    return re.compile(
        rf"(?:\d|illion|thousand|hundred|\bbn|\bmn)\s+(?:{names})\b|(?<![\w$])(?:{symbols})\s?\d",
        re.IGNORECASE,
    )
