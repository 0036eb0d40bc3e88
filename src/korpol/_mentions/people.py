"""Office holders named in a text: presidents, ministers, heads of agencies and organisations.

Why this module exists: a deal, a package or a meeting is made by people who speak for a
state.  The finder reads a title next to a name (:mod:`~korpol._mentions.titles`,
:mod:`~korpol._mentions.names`), a known name alone (the office holders of
:func:`korpol._refdata.offices`), a title with no name resolved by office and date ("the
Polish president"), and a surname back-reference ("Mr. Yoon") to a fuller mention.
Company executives, spouses and journalists are read too, so that their names block
back-references, but are not returned.

>>> [(p.name, p.role, p.party.code) for p in find_people("Polish President Andrzej Duda met Yoon.")]
[('Andrzej Duda', 'president', 'PL')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence

import attrs

from korpol import _refdata
from korpol._mentions.companies import CompanyMention, scan_companies
from korpol._mentions.gazetteer import (
    Gazetteer,
    Span,
    ascii_fold,
    is_word,
    mapped_back,
    next_word,
    party_for,
    space_key,
)
from korpol._mentions.names import (
    HONORIFICS,
    Name,
    clean_token,
    display_name,
    is_name_token,
    name_after,
    name_before,
    name_variants,
    party_of_name,
    skip_ws,
    skip_ws_back,
    surname_of,
)
from korpol._mentions.places import PlaceMention, scan_places
from korpol._mentions.titles import KnownSpans, Title, known_spans, scan_titles
from korpol._model import Party
from korpol._refdata import Office
from korpol._tables import Lazy
from korpol._text import normalize

__all__ = ["PEOPLE_GAZETTEER", "PersonMention", "find_people", "scan_people"]


@attrs.frozen
class PersonMention:
    """A holder of a state, government or organisation office named in the text.

    ``name`` is the fullest form the text gives, in its own spelling
    (given name first for "KISHIDA Fumio"); ``role`` is lower-case with US
    spelling ("defense minister") or ``None`` when unknown; ``party`` is the
    country or organisation served; ``office`` is the reference-data office
    when one matches.  ``how`` says how the person was found: ``name`` (a
    known name alone), ``title`` (title + name), ``role`` (role only, resolved
    by office and the ``published`` date) or ``surname`` (a back-reference such
    as "Mr. Yoon" to a fuller mention).  ``qualifier`` keeps "then", "former",
    "acting" ... from the title.

    >>> p, = find_people("Polish President Andrzej Duda met Yoon.")
    >>> p.name, p.role, p.party.code, p.span, p.how, p.office.term_start
    ('Andrzej Duda', 'president', 'PL', (17, 29), 'title', datetime.date(2015, 8, 6))
    """

    name: str
    role: str | None
    party: Party | None
    span: Span
    text: str
    office: Office | None = None
    how: str = "title"
    qualifier: str | None = None


# Words right before a name that say the person holds no office.
NOT_OFFICE_BEFORE: tuple[str, ...] = (
    "first lady ",
    "First Lady ",
    "wife ",
    "husband ",
    "spouse ",
    "reporter ",
    "Reporter ",
    "correspondent ",
    "Correspondent ",
    "columnist ",
    "Written by ",
    "written by ",
    "By ",
    "Photo by ",
    "CEO ",
    "chief executive ",
    "Chief Executive ",
    "chairman ",
    "Chairman ",
    "Vice Chairman ",
)


@attrs.frozen
class _PersonEntry:
    offices: tuple[Office, ...]  # every term of this person, oldest first


def _build_people() -> Gazetteer[_PersonEntry]:
    by_person: dict[str, list[Office]] = {}
    for office in _refdata.offices():
        by_person.setdefault(office.name, []).append(office)
    entries: list[tuple[str, _PersonEntry]] = []
    for terms in by_person.values():
        terms.sort(key=lambda o: o.term_start or dt.date.min)
        entry = _PersonEntry(tuple(terms))
        first = terms[0]
        for form in (first.name, *{a for t in terms for a in t.aliases}):
            for v in name_variants(form, first.party_code):
                entries.append((v, entry))
    return Gazetteer(entries)


PEOPLE_GAZETTEER: Lazy[Gazetteer[_PersonEntry]] = Lazy(_build_people)


def _surname_index() -> Mapping[str, tuple[Office, ...]]:
    return _SURNAMES.get()


def _build_surnames() -> Mapping[str, tuple[Office, ...]]:
    index: dict[str, list[Office]] = {}
    for office in _refdata.offices():
        for s in {office.surname, ascii_fold(office.surname)}:
            if s:
                index.setdefault(s, []).append(office)
    return {k: tuple(v) for k, v in index.items()}


_SURNAMES: Lazy[Mapping[str, tuple[Office, ...]]] = Lazy(_build_surnames)


def _pick_office(terms: Sequence[Office], role: str | None, party: str | None, on: dt.date | None) -> Office:
    """The term (of ``terms``, never empty) that fits the stated role, party and date best.

    The latest term when nothing says.
    """
    cands = list(terms)
    if party:
        cands = [o for o in cands if o.party_code == party] or cands
    if role:
        fitting = [o for o in cands if role in (o.role, o.function)]
        cands = fitting or cands
    if on is not None:
        held = [o for o in cands if o.held_on(on)]
        if held:
            cands = held
        else:
            before = [o for o in cands if o.term_start is None or o.term_start <= on]
            cands = before or cands
    return cands[-1]


def _known(name_text: str) -> _PersonEntry | None:
    table = PEOPLE_GAZETTEER.get().table
    hit = table.get(space_key(name_text))
    return hit[0] if hit else None


# ---------------------------------------------------------------- scan_people


class _Taken:
    """Spans already given to a person; "does this span overlap one?" without a scan of them all."""

    _BUCKET = 64  # characters per bucket; a span is filed under every bucket it touches

    def __init__(self) -> None:
        self._buckets: dict[int, list[Span]] = {}

    def add(self, span: Span) -> None:
        b = self._BUCKET
        for k in range(span[0] // b, max(span[0], span[1] - 1) // b + 1):
            self._buckets.setdefault(k, []).append(span)

    def overlaps(self, span: Span) -> bool:
        start, end = span
        b = self._BUCKET
        for k in range(start // b, max(start, end - 1) // b + 1):
            for s, e in self._buckets.get(k, ()):
                if s < end and start < e:
                    return True
        return False


@attrs.frozen
class _Found:
    mention: PersonMention
    excluded: bool = False  # a company executive, a spouse: blocks back-references, not returned


def scan_people(
    text: str,
    *,
    published: dt.date | None = None,
    places: Sequence[PlaceMention] | None = None,
    companies: Sequence[CompanyMention] | None = None,
) -> list[PersonMention]:
    """Office holders named in normalised ``text``, in order (spans index ``text``).

    ``published`` resolves role-only mentions ("the Polish president") and
    chooses among a person's terms; ``places``/``companies`` may be passed
    when the caller already scanned them (the record stage does), to save the
    work.  Company executives, spouses and journalists are not returned.

    Strategies, in order:

    1. a title next to a name: "Defence Minister X", "X, head of Poland's
       Armament Agency", "his Polish counterpart, X";
    2. a known name alone (reference data, any spelling variant);
    3. a title with no name, resolved by office + ``published`` date;
    4. a surname back-reference ("Yoon said", "Mr. Yoon") to a fuller mention.

    >>> [(p.name, p.role, p.party.code) for p in scan_people("Polish President Andrzej Duda met Yoon.")]
    [('Andrzej Duda', 'president', 'PL')]
    """
    if places is None:
        places = scan_places(text)
    if companies is None:
        companies = scan_companies(text)
    ctx = known_spans(text, places, companies)
    found: list[_Found] = []
    taken = _Taken()
    overlaps = taken.overlaps

    # 1. titles with names
    orphans: list[Title] = []
    for title in scan_titles(ctx):
        name = name_after(text, title.end, ctx.blocked) if title.end < len(text) else None
        if (
            name is not None
            and skip_ws(text, title.end) != name.start
            and not _honorific_gap(text, title.end, name.start)
        ):
            name = None
        if name is None:
            before = skip_ws_back(text, title.start)
            if before > 0 and text[before - 1] == ",":
                name = name_before(text, skip_ws_back(text, before - 1), ctx.in_blocked)
        if name is None:
            after = skip_ws(text, title.end)
            if after < len(text) and text[after] == ",":
                name = name_after(text, after + 1, ctx.blocked)
        if name is None or overlaps((name.start, name.end)):
            orphans.append(title)
            continue
        if ctx.in_blocked(name.start):
            orphans.append(title)
            continue
        role = title.role
        if role is None:  # "counterpart": the role of the last person named
            role = next((f.mention.role for f in reversed(found) if f.mention.role and not f.excluded), None)
        party = title.party
        if party is None:
            party = _party_after_name(ctx, name.end)
        if party is None and role is not None:
            party = _party_of_role(role)
        mention = _person(text, name, role, party, published, "title", title.qualifier)
        taken.add((name.start, name.end))
        found.append(_Found(mention, excluded=title.company))

    # 2. known names alone
    for start, end, _key, values, _glued in PEOPLE_GAZETTEER.get().scan_raw(text):
        span = (start, end)
        if overlaps(span):
            continue
        excluded = any(text.endswith(w, 0, start) for w in NOT_OFFICE_BEFORE)
        name = Name(start, end, tuple(text[start:end].split()))
        entry = values[0]
        office = _pick_office(entry.offices, None, None, published)
        mention = PersonMention(
            name=display_name(name.tokens),
            role=office.role,
            party=party_for(office.party_code),
            span=span,
            text=text[start:end],
            office=office,
            how="name",
        )
        taken.add(span)
        found.append(_Found(mention, excluded=excluded))

    # 3. titles with no name, resolved by office and date
    if published is not None:
        for title in orphans:
            if title.role is None or title.party is None or title.company or title.qualifier == "former":
                continue
            if overlaps((title.role_start, title.end)):
                continue
            holders = _holders(title.role, title.party.code, published)
            if len(holders) != 1:
                continue
            office = holders[0]
            span = (_phrase_start(text, title), title.end)
            found.append(
                _Found(
                    PersonMention(
                        name=office.name,
                        role=title.role,
                        party=title.party,
                        span=span,
                        text=text[span[0] : span[1]],
                        office=office,
                        how="role",
                        qualifier=title.qualifier,
                    )
                )
            )
            taken.add(span)

    found.sort(key=lambda f: f.mention.span)
    found = _resolve_surnames(found, published)
    found = _text_names(found)
    # 4. surname back-references
    found = _back_references(text, found, overlaps)
    return [f.mention for f in found if not f.excluded]


def _honorific_gap(text: str, pos: int, name_start: int) -> bool:
    """True when only whitespace and honorifics ("Mr.", "Maj. Gen.") separate a title from a name."""
    words = text[pos:name_start].split()
    return all(w in HONORIFICS for w in words)


def _phrase_start(text: str, title: Title) -> int:
    """Start of a role-only mention: the title with its party, without an article."""
    start = title.start
    for article in ("the ", "The ", "his ", "His ", "her ", "Her ", "its ", "their ", "whose "):
        if text.startswith(article, start):
            return start + len(article)
    return start


def _party_after_name(ctx: KnownSpans, end: int) -> Party | None:
    """The party in "Prime Minister Denys Shmyhal of Ukraine"."""
    text = ctx.text
    p = skip_ws(text, end)
    if text.startswith("of ", p):
        p2 = skip_ws(text, p + 3)
        if text.startswith("the ", p2):
            p2 += 4
        place = ctx.place_at_start.get(p2)
        if place is not None:
            return place.party
    return None


@functools.lru_cache(maxsize=256)
def _party_of_role(role: str) -> Party | None:
    """The country of an agency named in the role ("head of the armament agency" -> PL)."""
    for agency in _refdata.agencies():
        if role.endswith(agency.name):
            return party_for(agency.country_code)
    return None


@functools.lru_cache(maxsize=1024)
def _holders(role: str, party_code: str, on: dt.date) -> tuple[Office, ...]:
    """Who held ``role`` for ``party_code`` on ``on`` (memoised: one query scans every office)."""
    try:
        return tuple(_refdata.office_holders(role, party_code, on=on))
    except LookupError:
        return ()


def _person(
    text: str,
    name: Name,
    role: str | None,
    party: Party | None,
    published: dt.date | None,
    how: str,
    qualifier: str | None,
) -> PersonMention:
    surface = text[name.start : name.end]
    display = display_name(name.tokens)
    entry = _known(surface) or _known(display) or _known(" ".join(name.tokens))
    office = None
    if entry is not None:
        office = _pick_office(entry.offices, role, party.code if party else None, published)
    if office is not None:
        role = role or office.role
        party = party or party_for(office.party_code)
    if party is None:
        party = party_of_name(name.tokens)
    return PersonMention(
        name=display,
        role=role,
        party=party,
        span=(name.start, name.end),
        text=surface,
        office=office,
        how=how,
        qualifier=qualifier,
    )


def _resolve_surnames(found: list[_Found], published: dt.date | None) -> list[_Found]:
    """Complete one-word names ("President Yoon") from a fuller mention or the reference data."""
    # word -> the fuller mentions (in text order) whose surname or one of whose words it is
    fuller: dict[str, list[_Found]] = {}
    for g in found:
        words = g.mention.name.split()
        if len(words) > 1:
            keys = set(words)
            keys.add(surname_of(g.mention.name, g.mention.party.code if g.mention.party else None))
            for key in keys:
                fuller.setdefault(key, []).append(g)
    starts: dict[str, list[int]] = {k: [g.mention.span[0] for g in v] for k, v in fuller.items()}
    out: list[_Found] = []
    for f in found:
        m = f.mention
        if len(m.name.split()) != 1:
            out.append(f)
            continue
        word = m.name
        cands = fuller.get(word)
        if cands:
            # the last fuller mention before this one, else the first after it
            i = bisect.bisect_left(starts[word], m.span[0])
            src = cands[i - 1] if i else cands[0]
            if src.excluded:
                out.append(attrs.evolve(f, excluded=True))
                continue
            sm = src.mention
            out.append(
                _Found(
                    attrs.evolve(
                        m,
                        name=sm.name,
                        role=m.role or sm.role,
                        party=m.party or sm.party,
                        office=sm.office,
                        how="surname",
                    ),
                    f.excluded,
                )
            )
            continue
        offices = [
            o
            for o in _surname_index().get(word, ())
            if (m.role is None or m.role in (o.role, o.function))
            and (m.party is None or o.party_code == m.party.code)
        ]
        if published is not None:
            offices = [o for o in offices if o.held_on(published)] or offices
        names = {o.name for o in offices}
        if len(names) == 1:
            office = _pick_office(offices, m.role, m.party.code if m.party else None, published)
            out.append(
                _Found(
                    attrs.evolve(
                        m,
                        name=office.name,
                        role=m.role or office.role,
                        party=m.party or party_for(office.party_code),
                        office=office,
                        how="surname",
                    ),
                    f.excluded,
                )
            )
            continue
        out.append(f)
    return out


def _text_names(found: list[_Found]) -> list[_Found]:
    """Name people resolved from the data ("the Polish president") as the text names them elsewhere."""
    written: dict[str, str] = {}
    for f in found:
        m = f.mention
        if (
            m.office is not None
            and m.how in ("title", "name")
            and len(m.name) > len(written.get(m.office.name, ""))
        ):
            written[m.office.name] = m.name
    if not written:
        return found
    out = []
    for f in found:
        m = f.mention
        if m.office is not None and m.how in ("role", "surname") and m.office.name in written:
            f = attrs.evolve(f, mention=attrs.evolve(m, name=written[m.office.name]))
        out.append(f)
    return out


def _literal_hits(text: str, words: Sequence[str]) -> list[tuple[int, int, str]]:
    """What ``re.finditer`` of the alternation ``words[0]|words[1]|...`` (plain strings) returns.

    Leftmost first, the earlier word winning at one position, non-overlapping.  Found with
    ``str.find`` instead of a regex compiled for each document's own surnames.
    """
    hits: list[tuple[int, int, str]] = []
    for rank, word in enumerate(words):
        i = text.find(word)
        while i >= 0:
            hits.append((i, rank, word))
            i = text.find(word, i + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    done = 0
    for start, _rank, word in hits:
        if start >= done:
            done = start + len(word)
            out.append((start, done, word))
    return out


def _back_references(text: str, found: list[_Found], overlaps: Callable[[Span], bool]) -> list[_Found]:
    full = [f for f in found if len(f.mention.name.split()) > 1]
    if not full:
        return found
    by_surname: dict[str, list[_Found]] = {}
    for f in full:
        fm = f.mention
        s = surname_of(fm.name, fm.party.code if fm.party else None)
        if len(s) > 1:
            by_surname.setdefault(s, []).append(f)
            if fm.text.split() and fm.text.split()[0].isupper():  # "KISHIDA Fumio": also "KISHIDA"
                by_surname.setdefault(fm.text.split()[0], []).append(f)
    if not by_surname:
        return found
    surname_starts = {k: [f.mention.span[0] for f in v] for k, v in by_surname.items()}
    extra: list[_Found] = []
    for start, end, word in _literal_hits(text, sorted(by_surname, key=len, reverse=True)):
        if (start > 0 and is_word(text[start - 1])) or (end < len(text) and is_word(text[end])):
            continue
        if overlaps((start, end)):
            continue
        nxt = next_word(text, end) if end < len(text) and text[end] == " " else ""
        if nxt and is_name_token(clean_token(nxt)[0]) and not nxt.isupper():
            continue  # "Kim Keon-hee" is not "Kim Jong Un"
        cands = by_surname[word]
        i = bisect.bisect_left(surname_starts[word], start)
        src = cands[i - 1] if i else cands[0]
        sm = src.mention
        moved = PersonMention(  # attrs.evolve(sm, span=..., text=..., how=...), without its overhead
            name=sm.name,
            role=sm.role,
            party=sm.party,
            span=(start, end),
            text=word,
            office=sm.office,
            how="surname",
            qualifier=sm.qualifier,
        )
        extra.append(_Found(moved, src.excluded))
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: f.mention.span)


def find_people(text: str, *, published: dt.date | None = None) -> list[PersonMention]:
    """Office holders named in ``text``; spans index ``text`` itself.

    >>> text = "On June 13, Mr. KISHIDA Fumio, Prime Minister of Japan, spoke."
    >>> [(p.name, p.role) for p in find_people(text)]
    [('Fumio Kishida', 'prime minister')]
    >>> [p.name for p in find_people("Hyundai Rotem President Lee Yong-bae signed it.")]
    []
    """
    norm = normalize(text)
    return [
        attrs.evolve(m, **mapped_back(text, norm, m.span))
        for m in scan_people(norm.text, published=published)
    ]
