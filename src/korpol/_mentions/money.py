"""Money amounts in news text: "$2 billion", "KRW 3.4474 trillion", "10 billion zlotys".

Why this module exists: a deal's value is the fact readers want most, and news
writes it in a dozen ways (symbol or code before or after the number, names,
scale words and abbreviations, hyphenated adjectives, ranges, hedges, and the
same sum restated in another currency in brackets).  General-purpose parsers
ignore "won" or the scale word, or read "$22 billion" as a date.

How it works (currency-first, see PERFORMANCE.md): one trie regex finds every
currency symbol, code and name (the *anchors*); for each anchor the number is
read to its right (``$``, ``USD``, ``€``, ``zł``...) or to its left
(``won``, ``euros``, ``USD`` after the number).  Then, in this order:

1. a range continues it ("$13-14 billion", "$13 billion to $14 billion",
   "between $1bn and $2bn") -> ``upper``;
2. a hedge word before it sets ``qualifier`` (``QUALIFIERS`` table);
3. a restatement right after it ("8.16 trillion won ($6 billion)", ", or about
   $6 billion") becomes ``equivalents`` of the first amount and is **not**
   returned as a separate top-level amount.

>>> [str(m) for m in find_money("Poland will pay 8.16 trillion won ($6 billion) for 180 tanks.")]
['KRW 8,160,000,000,000']
>>> find_money("a 9.2-billion-dollar deal")[0].amount
Decimal('9200000000')
>>> find_money("about $13-14 billion")[0].upper
Decimal('14000000000')
>>> find_money("3,000 troops and 180 K2 tanks in 2028")
[]
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

import attrs

from korpol._mentions.numbers import FRACTION_WORDS, MONEY_WORDS, spoken_before
from korpol._model import Money, Qualifier
from korpol._model.values import money_in_original
from korpol._refdata.currencies import currency_lexicon
from korpol._regex import trie_pattern
from korpol._text import non_ascii, normalize

__all__ = ["QUALIFIERS", "SCALES", "find_money", "scan_money"]

# Scale words and abbreviations -> multiplier.  Single letters count only when
# written against the number ("$1.5m", "$5B"); the others may follow a space.
# fmt: off
SCALES: dict[str, int] = {
    "thousand": 10**3, "Thousand": 10**3, "lakh": 10**5, "lakhs": 10**5,
    "million": 10**6, "Million": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "MN": 10**6,
    "crore": 10**7, "crores": 10**7, "cr": 10**7,  # Indian news writes "Rs 63,000 cr"
    "thousand crore": 10**10, "lakh crore": 10**12,  # "sixty-three thousand crore rupees", "₹6.81 lakh crore"
    "billion": 10**9, "Billion": 10**9, "bn": 10**9, "bln": 10**9, "mld": 10**9, "BN": 10**9,
    "bil": 10**9,  # "KAI signs $3 bil. FA-50 deal": Korean English-language headlines
    "trillion": 10**12, "Trillion": 10**12, "tn": 10**12, "trn": 10**12, "tr": 10**12, "tril": 10**12,
    "tln": 10**12,  # "1.37 tln won" in Korean English-language press
}
_SHORT_SCALES: dict[str, int] = {"k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "b": 10**9, "B": 10**9}

# Number words that may stand before a scale word ("two billion dollars", "a billion", "half a
# billion"), lower case and capitalised.
_WORD_NUMBERS: dict[str, Decimal] = {
    form: value
    for word, value in {**{w: Decimal(v) for w, v in MONEY_WORDS.items()}, **FRACTION_WORDS}.items()
    for form in (word, word[:1].upper() + word[1:])
}

# Hedge phrases before an amount -> qualifier; longest phrases are tried first.
QUALIFIERS: dict[str, Qualifier] = {
    "about": "about", "some": "about", "around": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about", "estimated at": "about",
    "circa": "about", "an approximate": "about", "in the region of": "about", "est.": "about",
    "over": "over", "more than": "over", "above": "over", "exceeding": "over", "in excess of": "over",
    "upwards of": "over", "at least": "over", "well over": "over", "north of": "over",
    "up to": "up_to", "as much as": "up_to", "a maximum of": "up_to", "a maximum": "up_to",
    "under": "under", "less than": "under", "nearly": "under", "almost": "under", "below": "under",
    "just under": "under", "close to": "under", "just shy of": "under", "not quite": "under",
    # Negated bounds: the longer phrase wins over "more than" / "less than".
    "at most": "up_to", "no more than": "up_to", "not more than": "up_to",
    "no less than": "over", "not less than": "over",
}
# fmt: on
_QUALIFIER_ORDER = sorted(QUALIFIERS, key=len, reverse=True)


@functools.cache
def _qualifiers_by_char(index: int) -> dict[str, tuple[str, ...]]:
    """``_QUALIFIER_ORDER`` split by the character at ``index`` (0: read forwards, -1: backwards).

    A text ending in "r" tries only "over" and its kin instead of every phrase.
    """
    out: dict[str, list[str]] = {}
    for phrase in _QUALIFIER_ORDER:
        out.setdefault(phrase[index], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


# Currency names that are also ordinary English words ("won the vote", "a 500-pound bomb"):
# an amount in these needs a scale word, a thousands separator or a qualifying name ("Korean won").
_AMBIGUOUS_NAMES = frozenset(
    {"won", "Won", "pound", "pounds", "Pound", "Pounds", "rand", "dong", "lira", "crown", "crowns"}
)
# Prefix symbols that a following currency name overrides ("¥5 billion yuan").
_WEAK_SYMBOLS = frozenset({"$", "¥"})

_SP = "[ \u00a0]"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@attrs.define
class _Raw:
    """An amount being read: built by one reader and refined in place (never shared).

    Mutable because ``attrs.evolve`` on every refinement (start, end, currency, range,
    qualifier) was a fifth of the scan.
    """

    start: int
    end: int
    amount: Decimal
    currency: str
    upper: Decimal | None = None
    scale: int = 1
    qualifier: Qualifier = "exact"
    equivalents: tuple[Money, ...] = ()


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    long_scales = "|".join(sorted(map(re.escape, SCALES), key=len, reverse=True))
    short = "".join(_SHORT_SCALES)
    scale = rf"(?:{_SP}?-?(?P<scale>{long_scales})|-?(?P<sscale>[{short}]))(?![^\W_])"
    # to the right of a prefix anchor: "$13-14 billion", "USD 2.6bn"
    right = re.compile(rf"{_SP}?(?P<num>{_NUM})(?:{_SP}?-{_SP}?(?P<num2>{_NUM}))?(?![\d])(?:{scale})?")
    words = "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True))
    scale1 = rf"(?:{_SP}?-?(?P<scale1>{long_scales})|(?P<sscale1>[{short}]))"
    # to the left of a suffix anchor: "13 to 14 trillion ", "a 9.2-billion-", "10 bn "
    left = re.compile(
        rf"(?<![\w.,$])(?:(?P<num1>{_NUM}){scale1}?(?P<rsep>{_SP}?-{_SP}?|{_SP}to{_SP}|{_SP}and{_SP}))?"
        rf"(?P<num>{_NUM}|(?:{words})(?={_SP}|-))(?:{scale})?(?P<tail>{_SP}|-|)\Z"
    )
    # a range continuing an amount: " to $14 billion", "-$2bn", " and 2 billion"
    more = re.compile(rf"(?:{_SP}?-{_SP}?|{_SP}to{_SP}|{_SP}and{_SP})")
    return currency_lexicon().pattern, right, left, more


# More digits than any amount has: a serial or phone number, or junk.  With the largest scale
# (10**12) a 15-digit number still fits the 28 digits of the default decimal context exactly;
# longer ones were rounded and then made ``_whole`` raise InvalidOperation.
_MAX_DIGITS = 15


def _number(token: str) -> Decimal | None:
    if token in _WORD_NUMBERS:
        return _WORD_NUMBERS[token]
    if sum(ch.isdigit() for ch in token) > _MAX_DIGITS:
        return None
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return None


def _whole(value: Decimal) -> Decimal:
    """Drop a trailing ``.0`` so that ``9.2 * 10**9`` prints as ``9200000000``."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _scale_of(m: re.Match[str], suffix: str = "") -> int:
    word = m.group("scale" + suffix)
    if word:
        return SCALES[word]
    short = m.group("sscale" + suffix)
    return _SHORT_SCALES[short] if short else 1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _letter_symbol(form: str, kind: str) -> bool:
    """A currency symbol that is a letter ("P" for pesos): it touches a number with a scale."""
    return kind == "symbol" and len(form) == 1 and form.isalpha()


def _anchor_ok(text: str, start: int, end: int, form: str, kind: str) -> bool:
    """Word boundaries around a candidate anchor, checked in Python (cheap, rare)."""
    if form[0].isalpha() and start > 0 and _is_word_char(text[start - 1]):
        return False
    if _letter_symbol(form, kind):
        # a letter symbol ("P18.9 billion" in Philippine news) touches its number
        return end < len(text) and text[end].isdigit()
    if form[-1].isalpha() and end < len(text):
        nxt = text[end]
        # a code may touch its number ("USD17bn"); a name or symbol word may not touch anything
        if nxt.isalpha() or (kind != "code" and _is_word_char(nxt)):
            return False
    return True


def _read_right(text: str, end: int, currency: str, limit: int) -> _Raw | None:
    m = _patterns()[1].match(text, end, limit)
    if m is None:
        return None
    amount = _number(m.group("num"))
    if amount is None:
        return None
    scale = _scale_of(m)
    upper = None
    if m.group("num2"):
        top = _number(m.group("num2"))
        if top is not None and top >= amount:
            upper = top * scale
    return _Raw(m.start("num"), m.end(), amount * scale, currency, upper, scale)


def _read_left(text: str, start: int, currency: str, kind: str, form: str) -> _Raw | None:
    window_start = max(0, start - 60)
    m = _patterns()[2].search(text, window_start, start)
    if m is None:
        return None
    tail = m.group("tail")
    if kind == "name" and not tail:
        return None  # "5won" is not written; "5 won" and "5-won" are
    token = m.group("num")
    scale = _scale_of(m)
    if token[0].isalpha() and scale == 1:
        return None  # "two dollars" is too rare to risk "a won"; word numbers need a scale
    if kind == "name" and scale == 1:
        if "," not in token and token.isdigit() and 1900 <= int(token) <= 2100:
            return None  # "in 2023 dollars" is a price base, not an amount
        if form in _AMBIGUOUS_NAMES and "," not in token:
            return None
    amount = _number(token)
    if amount is None:
        return None
    s = m.start("num")
    if token[0].isalpha():
        # "six-point-five billion", "one hundred and twenty million": the whole number read aloud
        # or none; never its last word alone
        spoken = spoken_before(text, m.end("num"))
        if spoken is not None and spoken[0] < s:
            if spoken[1] is None:
                return None
            s, amount = spoken[0], spoken[1]
    upper = None
    if m.group("num1"):
        low = _number(m.group("num1"))
        rsep = m.group("rsep").strip()
        between = text[max(0, m.start() - 8) : m.start()].lower().endswith("between ")
        if low is not None and (rsep != "and" or between):
            low_scale = _scale_of(m, "1") if (m.group("scale1") or m.group("sscale1")) else scale
            if low * low_scale <= amount * scale:
                upper = amount * scale
                amount, scale, s = low, low_scale, m.start("num1")
                return _Raw(s, start, amount * scale, currency, upper, scale)
    return _Raw(s, start, amount * scale, currency, upper, scale)


def _amount_at(text: str, m: re.Match[str], limit: int) -> _Raw | None:
    """The amount that the anchor ``m`` belongs to, reading right then left."""
    form = m.group()
    code, kind = currency_lexicon().forms[form]
    start, end = m.span()
    if not _anchor_ok(text, start, end, form, kind):
        return None
    raw = None
    if kind != "name":
        raw = _read_right(text, end, code, limit)
        if raw is not None and _letter_symbol(form, kind) and raw.scale < 10**6:
            return None  # a letter before a bare number is a name ("P5", "F35"), not an amount
        if raw is not None:
            raw.start = start
            # a name right after settles a weak symbol: "¥5 billion yuan"
            after = None
            if text.startswith(" ", raw.end):
                after = _patterns()[0].match(text, raw.end + 1, limit)
            if after is not None:
                code2, kind2 = currency_lexicon().forms[after.group()]
                if kind2 != "symbol" and _anchor_ok(text, after.start(), after.end(), after.group(), kind2):
                    new_code = code2 if form in _WEAK_SYMBOLS else code
                    raw.end, raw.currency = after.end(), new_code
            return raw
        if form.endswith("$"):
            return None  # "$" after a number is not how English writes dollars
    raw = _read_left(text, start, code, kind, form)
    if raw is not None:
        raw.end = end
    return raw


def _qualifier(text: str, start: int) -> tuple[Qualifier, int]:
    """The hedge before ``start`` (and where it begins), or ``("exact", start)``."""
    head = text[max(0, start - 24) : start]
    if not head.endswith((" ", "\u00a0")):
        return "exact", start
    low = head.lower()[:-1]
    for phrase in _qualifiers_by_char(-1).get(low[-1:], ()):
        if low.endswith(phrase):
            begin = start - 1 - len(phrase)
            if begin == 0 or not _is_word_char(text[begin - 1]):
                return QUALIFIERS[phrase], begin
    return "exact", start


def _extend_range(text: str, raw: _Raw, limit: int) -> _Raw:
    """Extend ``raw`` over " to $14 billion", "-$2bn", "and $2bn" (after "between")."""
    if raw.upper is not None:
        return raw
    pattern, right, _, more = _patterns()
    m = more.match(text, raw.end, limit)
    if m is None:
        return raw
    between = text[max(0, raw.start - 8) : raw.start].lower().endswith("between ")
    if m.group().strip() == "and" and not between:
        return raw
    pos = m.end()
    anchored = pattern.match(text, pos, limit)
    if anchored is not None:
        if currency_lexicon().forms[anchored.group()][0] != raw.currency:
            return raw
        pos = anchored.end()
    r = right.match(text, pos, limit)
    if r is None or r.group("num2"):
        return raw
    has_scale = bool(r.group("scale") or r.group("sscale"))
    if not has_scale and anchored is None:
        return raw  # "$5 billion to 2030": a bare number is not the top of the range
    top = _number(r.group("num"))
    if top is None:
        return raw
    top *= _scale_of(r) if has_scale else raw.scale
    if top < raw.amount:
        return raw
    end = r.end()
    trailing = pattern.match(text, end + 1, limit) if text[end : end + 1] == " " else None
    if trailing is not None and currency_lexicon().forms[trailing.group()][0] == raw.currency:
        end = trailing.end()
    raw.end, raw.upper = end, top
    return raw


# A restatement opens with one of these ("8.16 trillion won ($6 billion)", ", or about $6 billion").
_EQUIVALENT_OPENERS: tuple[str, ...] = (" (", "(", ", or ", " or ", ", about ", " / ", "/")
# fmt: off
_EQUIVALENT_LEADS: tuple[str, ...] = (
    "equivalent to ", "equal to ", "the equivalent of ", "worth ", "or ", "ca. ",
)
# fmt: on


#: one or two lower-case words and the space before a bracket: "contract", "arms deal"
_NOUN_THEN_BRACKET = re.compile(r"(?: [a-z][a-z-]*){1,2}(?= ?\()")


@functools.cache
def _opener_re() -> re.Pattern[str]:
    """One match instead of a ``startswith`` per opener (at most one opener can match)."""
    return re.compile("|".join(map(re.escape, _EQUIVALENT_OPENERS)))


def _read_one(text: str, m: re.Match[str], limit: int) -> _Raw | None:
    raw = _amount_at(text, m, limit)
    if raw is None:
        return None
    raw = _extend_range(text, raw, limit)
    raw.qualifier, _ = _qualifier(text, raw.start)
    return raw


def _equivalent(text: str, raw: _Raw, limit: int) -> tuple[_Raw | None, int]:
    """A restatement of ``raw`` right after it, and the offset scanning resumes from."""
    opened = _opener_re().match(text, raw.end)
    if opened is None:
        # "a $3.5 billion contract (about 4.1 trillion won)": the noun the amount qualifies may stand
        # between it and a bracketed restatement
        noun = _NOUN_THEN_BRACKET.match(text, raw.end)
        opened = _opener_re().match(text, noun.end()) if noun is not None else None
        if opened is None or not opened.group().lstrip().startswith("("):
            return None, raw.end
    opener = opened.group()
    pattern = _patterns()[0]
    pos = opened.end()
    low = text[pos : pos + 24].lower()
    qualifier: Qualifier = "exact"
    for lead in _EQUIVALENT_LEADS:
        if low.startswith(lead):
            pos += len(lead)
            low = low[len(lead) :]
            break
    for phrase in _qualifiers_by_char(0).get(low[:1], ()):
        if low.startswith(phrase + " "):
            qualifier = QUALIFIERS[phrase]
            pos += len(phrase) + 1
            break
    m = pattern.search(text, pos, min(limit, pos + 40))
    while m is not None:
        other = _amount_at(text, m, limit)
        if other is not None and other.start == pos:
            other = _extend_range(text, other, limit)
            if other.currency == raw.currency:
                return None, raw.end
            # ("(about $6 billion at the time)" still restates: an unclosed bracket is kept)
            if qualifier == "exact" and opener == ", about ":
                qualifier = "about"
            other.qualifier = qualifier
            return other, other.end
        if m.start() > pos + 1:
            break
        m = pattern.search(text, m.end(), min(limit, pos + 40))
    return None, raw.end


def _to_money(text: str, raw: _Raw, equivalents: tuple[Money, ...] = ()) -> Money:
    return Money(
        amount=_whole(raw.amount),
        currency=raw.currency,
        qualifier=raw.qualifier,
        text=text[raw.start : raw.end],
        span=(raw.start, raw.end),
        upper=None if raw.upper is None else _whole(raw.upper),
        equivalents=equivalents,
    )


def scan_money(text: str) -> list[Money]:
    """Every money amount in already-normalised ``text``, spans indexing ``text``.

    A restatement in another currency is attached as ``equivalents`` of the
    amount it restates and is not listed on its own.

    >>> [(m.currency, m.amount, m.qualifier) for m in scan_money("up to PLN 10 billion")]
    [('PLN', Decimal('10000000000'), 'up_to')]
    >>> scan_money("EUR 290 million (US$340 million)")[0].equivalents[0].amount
    Decimal('340000000')
    """
    out: list[Money] = []
    limit = len(text)
    last_end = 0
    for m in _anchors(text):
        if m.start() < last_end:
            continue
        raw = _read_one(text, m, limit)
        if raw is None or raw.start < last_end:
            continue
        other, resume = _equivalent(text, raw, limit)
        equivalents = (_to_money(text, other),) if other is not None else ()
        out.append(_to_money(text, raw, equivalents))
        last_end = max(resume, raw.end, m.end())
    if out and ("illion" in text):
        out = _with_elided(text, out)
    return out


#: "... for four point seven five billion dollars, and then 116 M1A1s for one point four billion":
#: a second amount whose currency the sentence already gave; so too a list that leaves out the
#: verb and the currency after a name ("France announced $345 million, China one hundred million,
#: Germany eighty-eight million and the European Union ninety-three million")
_ELIDED = re.compile(
    r"(?:\b(?:for|worth|at)|(?:,|\band)(?:\s+the)?(?:\s+[A-Z][\w'.-]*){1,3}?)"
    r"\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?|[a-z]+(?:[ -][a-z]+){0,7})\s+(?P<scale>billion|million|trillion)"
    r"(?=\s*(?:[.,;:)]|$|\s(?:in|at|from|for|and|with|over|under|on|last|this|next|each)\b))"
)


#: how far after an amount one that leaves out its currency is looked for (within the sentence)
_ELIDED_REACH = 300


def _with_elided(text: str, found: list[Money]) -> list[Money]:
    """``found`` and the amounts that leave out the currency of the amount before them in the
    sentence ("for one point four billion" after "four point seven five billion dollars")."""
    out = list(found)
    spans = [m.span for m in found if m.span is not None]  # (amounts read from a text have spans)
    searched = 0  # the text up to here has been searched already
    for before in found:
        if before.span is None:
            continue
        start = max(before.span[1], searched)
        stop = min(len(text), start + _ELIDED_REACH)
        for end_mark in (". ", "? ", "! ", "\n"):
            i = text.find(end_mark, start, stop)
            if i != -1:
                stop = i
        searched = stop
        for m in _ELIDED.finditer(text, start, stop):
            if any(a < m.end() and m.start("num") < b for a, b in spans):
                continue  # a figure already read, with its currency
            token = m.group("num")
            if token[0].isdigit():
                amount = _number(token)
                begin = m.start("num")
            else:
                spoken = spoken_before(text, m.end("num"))
                if spoken is None or spoken[1] is None or spoken[0] < m.start("num") - 1:
                    continue
                begin, amount = spoken[0], spoken[1]
            if amount is None:
                continue
            raw = _Raw(begin, m.end("scale"), amount * SCALES[m.group("scale")], before.currency)
            raw.qualifier, _ = _qualifier(text, begin)  # "for about one point four billion"
            out.append(_to_money(text, raw))
            spans.append((begin, m.end("scale")))
    return sorted(out, key=lambda x: x.span or (0, 0))


_DIGITS = re.compile(r"\d+")  # faster than [0-9]+ on non-ASCII (UCS-2) text
_SCALE_WORDS = ("illion", "thousand")  # "a billion dollars" has no digit


# Bytes: each ASCII digit becomes "0", every other byte a space.
_DIGITS_TO_ZERO = bytes(48 if 48 <= i <= 57 else 32 for i in range(256))


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of digits in ``text`` (those of ``\\d+``).

    Most news is plain ASCII once normalised; there the runs are found with
    ``bytes.find`` on a copy where digits are ``0`` and the rest spaces, which runs
    at ``memchr`` speed, 5x faster than a regex character class that looks at each
    character.  Other text is read the same way with ``?`` for each non-ASCII
    character (offsets unchanged), unless one of those is a digit (``\\d`` matches
    non-ASCII digits too): then the regex is used.
    """
    if text.isascii():
        raw = text.encode("ascii")
    elif _DIGITS.search(non_ascii(text)) is None:
        raw = text.encode("ascii", "replace")
    else:
        return [d.span() for d in _DIGITS.finditer(text)]
    marked = raw.translate(_DIGITS_TO_ZERO)
    find, end = marked.find, len(marked)
    out = []
    i = find(b"0")
    while i != -1:
        j = find(b" ", i)
        if j == -1:
            j = end
        out.append((i, j))
        i = find(b"0", j)
    return out


def _find_all(text: str, word: str) -> list[tuple[int, int]]:
    out, i = [], text.find(word)
    while i != -1:
        out.append((i, i + len(word)))
        i = text.find(word, i + 1)
    return out


#: longer than any currency form ("Philippine pesos", "trillion won" are far shorter)
_FORM_OVERLAP = 32


def _anchors(text: str) -> list[re.Match[str]]:
    """Currency anchors near a number, in text order.

    Every amount has digits or a scale word ("a billion dollars"), so the trie
    of currency forms runs only in small windows around those (two literal-first
    scans) instead of over the whole text; since the trie became literal-first the
    two cost about the same on news (~40-50 us per article), the windows keep the
    trie's work bounded on long pages with few numbers.
    """
    pattern = _patterns()[0]
    limit = len(text)
    hits = _digit_runs(text)
    for word in _SCALE_WORDS:
        hits += _find_all(text, word)
    hits.sort()
    found: dict[int, re.Match[str]] = {}
    scanned = 0
    rest, after_break = _split_patterns()
    for start, end in hits:
        # windows overlap by the longest form: one cut short at a window's end ("... 3 billion wo|n")
        # must start again inside the next window, or it would be lost
        lo, hi = max(scanned - _FORM_OVERLAP, start - 8, 0), min(limit, end + 40)
        if lo >= hi:
            continue
        scanned = hi
        # Most numbers have no currency near them: the first two searches of
        # _anchor_starts, inline, settle those windows without a call.
        if (
            lo
            and rest.search(text, lo, hi) is None
            and (after_break is None or after_break.search(text, lo - 1, hi) is None)
        ):
            continue
        for at in _anchor_starts(text, lo, hi):
            if at not in found:
                full = pattern.match(text, at)  # the window may have cut the form short
                if full is not None:
                    found[at] = full
    return [found[k] for k in sorted(found)]


@functools.cache
def _split_patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The currency forms in two tries: those that start with a lower-case letter, the rest.

    Names ("dollars", "won", "korean won") start with a lower-case letter, so the whole trie
    was tried at almost every character; a name counts only at a word start (``_anchor_ok``),
    so it is looked for only after a character that is not an ASCII letter or digit (literal
    ranges: the regex engine skips to those).  Symbols, codes and capitalised names keep the
    plain search.
    """
    forms = currency_lexicon().forms
    lower = {f for f in forms if f[0].islower() and f[0].isalnum()}
    rest = re.compile(trie_pattern({f for f in forms if f not in lower}))
    after_break = re.compile("[^0-9A-Za-z]" + trie_pattern(lower)) if lower else None
    return rest, after_break


def _anchor_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where currency forms start in ``text[lo:hi]``, scanning left to right, without overlaps."""
    rest, after_break = _split_patterns()
    out: list[int] = []
    pos = lo
    r_start = r_end = n_start = n_end = -1  # the next candidate of each search (-1: look again)
    r_done = False
    n_done = after_break is None
    while True:
        if not r_done and r_start < pos:
            m = rest.search(text, pos, hi)
            if m is None:
                r_done = True
            else:
                r_start, r_end = m.span()
        if not n_done and n_start < pos:
            assert after_break is not None
            b = pos - 1
            while True:
                if b < 0:  # a name at the very start of the text
                    m = _patterns()[0].match(text, 0, hi)
                    if m is not None and m.group()[0].islower() and m.group()[0].isalnum():
                        n_start, n_end = m.span()
                        break
                    b = 0
                m = after_break.search(text, b, hi)
                if m is None:
                    n_done = True
                    break
                if text[m.start()].isalnum():  # a letter or digit beyond ASCII
                    b = m.start() + 1
                    continue
                n_start, n_end = m.start() + 1, m.end()
                break
        if not r_done and (n_done or r_start < n_start):
            out.append(r_start)
            pos = r_end
        elif not n_done:
            out.append(n_start)
            pos = n_end
        else:
            return out


def find_money(text: str) -> list[Money]:
    """Every money amount in ``text``, with ``span``/``text`` quoting ``text`` itself.

    >>> [(m.text, m.currency, str(m.amount)) for m in find_money("a €290 million order")]
    [('€290 million', 'EUR', '290000000')]
    >>> find_money("Seoul sent 3,000 troops, not $")
    []
    """
    norm = normalize(text)
    return [money_in_original(m, norm.original, norm.to_original) for m in scan_money(norm.text)]
