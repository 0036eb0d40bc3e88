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
import re
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
from korpol._published import check_published
from korpol._refdata import Office
from korpol._tables import Lazy
from korpol._text import normalize

__all__ = ["NOT_OFFICE_BEFORE", "PEOPLE_GAZETTEER", "PersonMention", "find_people", "scan_people"]


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


@attrs.define
class _Scan:
    """What the strategies of one :func:`scan_people` call share: the text and the people found so far."""

    text: str
    published: dt.date | None
    spans: KnownSpans
    found: list[_Found] = attrs.field(factory=list)
    taken: _Taken = attrs.field(factory=_Taken)

    def add(self, mention: PersonMention, excluded: bool = False) -> None:
        """Record a person; the span is theirs, no later strategy reads it again."""
        self.found.append(_Found(mention, excluded))
        self.taken.add(mention.span)


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

    Strategies, in order (a span one of them takes is not read again):

    1. a title next to a name: "Defence Minister X", "X, head of Poland's
       Armament Agency", "his Polish counterpart, X" (:func:`_titled_people`);
    2. a known name alone, in any spelling variant (:func:`_known_people`);
    3. a title with no name, resolved by office + ``published`` date
       (:func:`_role_only_people`);
    4. a surname back-reference ("Yoon said", "Mr. Yoon") to a fuller mention
       (:func:`_back_references`), once every name is as full as the text and
       the data make it (:func:`_resolve_surnames`, :func:`_text_names`).

    >>> [(p.name, p.role, p.party.code) for p in scan_people("Polish President Andrzej Duda met Yoon.")]
    [('Andrzej Duda', 'president', 'PL')]
    """
    if places is None:
        places = scan_places(text)
    if companies is None:
        companies = scan_companies(text)
    scan = _Scan(text, published, known_spans(text, places, companies))
    orphans = _titled_people(scan)
    _known_people(scan)
    if published is not None:
        _role_only_people(scan, orphans, published)
    found = sorted(scan.found, key=lambda f: f.mention.span)
    found = _resolve_surnames(found, published)
    found = _text_names(found)
    found = _back_references(text, found, scan.taken.overlaps)
    return [f.mention for f in found if not f.excluded]


# ---------------------------------------------------------------- 1. a title next to a name


def _titled_people(scan: _Scan) -> list[Title]:
    """Strategy 1: each title with the name it belongs to; returns the titles with none (the orphans).

    A name that another person already holds, or that lies inside a place or a company, leaves
    its title an orphan too: strategy 3 may still resolve it by office and date.
    """
    spans = scan.spans
    orphans: list[Title] = []
    for title in scan_titles(spans):
        name = _name_of_title(spans, title)
        if name is None or scan.taken.overlaps((name.start, name.end)) or spans.in_blocked(name.start):
            orphans.append(title)
            continue
        role = _title_role(title, scan.found)
        party = _title_party(spans, title, name, role)
        mention = _person(scan.text, name, role, party, scan.published, "title", title.qualifier)
        scan.add(mention, excluded=title.company)
    return orphans


def _name_right_after(spans: KnownSpans, title: Title) -> Name | None:
    """ "Defence Minister Władysław Kosiniak-Kamysz": the name follows the title.

    Only whitespace and honorifics ("Mr.", "Maj. Gen.") may stand between them.
    """
    text = spans.text
    if title.end >= len(text):
        return None
    name = name_after(text, title.end, spans.blocked)
    if name is None or skip_ws(text, title.end) == name.start or _honorific_gap(text, title.end, name.start):
        return name
    return None


def _name_before_comma(spans: KnownSpans, title: Title) -> Name | None:
    """ "Artur Kuptel, head of Poland's Armament Agency": the name before a comma, the title after it."""
    text = spans.text
    before = skip_ws_back(text, title.start)
    if before > 0 and text[before - 1] == ",":
        return name_before(text, skip_ws_back(text, before - 1), spans.in_blocked)
    return None


def _name_after_comma(spans: KnownSpans, title: Title) -> Name | None:
    """ "his Polish counterpart, Władysław Kosiniak-Kamysz": the title, a comma, then the name."""
    text = spans.text
    after = skip_ws(text, title.end)
    if after < len(text) and text[after] == ",":
        return name_after(text, after + 1, spans.blocked)
    return None


#: where news writes the name of a title's holder, tried in this order (the first that finds one wins)
_NAME_PLACES: tuple[Callable[[KnownSpans, Title], Name | None], ...] = (
    _name_right_after,
    _name_before_comma,
    _name_after_comma,
)


def _name_of_title(spans: KnownSpans, title: Title) -> Name | None:
    """The name a title belongs to, looked for in each of :data:`_NAME_PLACES`."""
    for place in _NAME_PLACES:
        name = place(spans, title)
        if name is not None:
            return name
    return None


def _honorific_gap(text: str, pos: int, name_start: int) -> bool:
    """True when only whitespace and honorifics ("Mr.", "Maj. Gen.") separate a title from a name."""
    words = text[pos:name_start].split()
    return all(w in HONORIFICS for w in words)


def _title_role(title: Title, found: Sequence[_Found]) -> str | None:
    """The title's role; "counterpart", which has none, takes the role of the last person named.

    "Yoon met his Polish counterpart, Andrzej Duda": Duda is a president.
    """
    if title.role is not None:
        return title.role
    return next((f.mention.role for f in reversed(found) if f.mention.role and not f.excluded), None)


def _title_party(spans: KnownSpans, title: Title, name: Name, role: str | None) -> Party | None:
    """The party the title names ("Polish President X"), else the one after the name
    ("Prime Minister Denys Shmyhal of Ukraine"), else the country of the agency the role names
    ("X, head of the armament agency")."""
    party = title.party
    if party is None:
        party = _party_after_name(spans, name.end)
    if party is None and role is not None:
        party = _party_of_role(role)
    return party


def _party_after_name(spans: KnownSpans, end: int) -> Party | None:
    """The party in "Prime Minister Denys Shmyhal of Ukraine"."""
    text = spans.text
    p = skip_ws(text, end)
    if text.startswith("of ", p):
        p2 = skip_ws(text, p + 3)
        if text.startswith("the ", p2):
            p2 += 4
        place = spans.place_at_start.get(p2)
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


#: tokens a holder's name is written with that the reference data leaves out: "J.", "Jr.", "III"
_MIDDLE_OR_SUFFIX = re.compile(r"(?:[A-Z]\.?|Jr\.?|Sr\.?|II|III|IV),?")
_INITIAL = re.compile(r"[A-Z]\.?")


def _core_tokens(tokens: Sequence[str], *, suffix: bool = False) -> list[str]:
    """A name without middle initials and generational suffixes ("Joseph R. Biden, Jr." -> Joseph Biden),
    or with ``suffix`` without the initials only ("Ferdinand R. Marcos Jr" -> Ferdinand Marcos Jr)."""
    if len(tokens) < 3:
        return list(tokens)
    if suffix:
        return [tokens[0], *(t for t in tokens[1:-1] if not _INITIAL.fullmatch(t)), tokens[-1]]
    return [tokens[0], *(t for t in tokens[1:] if not _MIDDLE_OR_SUFFIX.fullmatch(t))]


def _person(
    text: str,
    name: Name,
    role: str | None,
    party: Party | None,
    published: dt.date | None,
    how: str,
    qualifier: str | None,
) -> PersonMention:
    """The mention of a name read from the text, completed from the reference data when the
    data knows the person, else with a party guessed from the shape of the name."""
    surface = text[name.start : name.end]
    display = display_name(name.tokens)
    entry = _known(surface) or _known(display) or _known(" ".join(name.tokens))
    if entry is None and len(core := _core_tokens(name.tokens)) >= 2 and core != list(name.tokens):
        # the data's "Ferdinand Marcos Jr" (initial dropped), "Lloyd Austin" (initial and suffix)
        entry = _known(" ".join(_core_tokens(name.tokens, suffix=True))) or _known(" ".join(core))
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


# ---------------------------------------------------------------- 2. a known name alone


def _known_people(scan: _Scan) -> None:
    """Strategy 2: office holders the reference data knows, named with no title ("Yoon Suk Yeol said").

    Any spelling the data lists counts ("KISHIDA Fumio", "Blaszczak").  A name right after
    "first lady", "reporter", "CEO" ... (:data:`NOT_OFFICE_BEFORE`) is kept only to block
    back-references to that name.
    """
    text, published = scan.text, scan.published
    for start, end, _key, values, _glued in PEOPLE_GAZETTEER.get().scan_raw(text):
        span = (start, end)
        if scan.taken.overlaps(span):
            continue
        excluded = any(text.endswith(w, 0, start) for w in NOT_OFFICE_BEFORE)
        terms = values[0].offices
        if len({o.party_code for o in terms}) > 1:
            # two people of one name ("Pedro Sánchez", Spain's prime minister and Colombia's defence
            # minister): the one the text has already named by title
            told = {f.mention.office.party_code for f in scan.found if f.mention.office in terms}
            terms = tuple(o for o in terms if o.party_code in told) or terms
        office = _pick_office(terms, None, None, published)
        mention = PersonMention(
            name=display_name(tuple(text[start:end].split())),
            role=office.role,
            party=party_for(office.party_code),
            span=span,
            text=text[start:end],
            office=office,
            how="name",
        )
        scan.add(mention, excluded=excluded)


# ---------------------------------------------------------------- 3. a title with no name


def _role_only_people(scan: _Scan, orphans: Sequence[Title], published: dt.date) -> None:
    """Strategy 3: a title with no name ("the Polish president said") is its holder on ``published``.

    Only when the title says both the role and the party and one person held that office
    that day; a former holder, a company's title or a "counterpart" is nobody to look up.
    """
    text = scan.text
    for title in orphans:
        if title.role is None or title.party is None or title.company or title.qualifier == "former":
            continue
        if scan.taken.overlaps((title.role_start, title.end)):
            continue
        holders = _holders(title.role, title.party.code, published)
        if len(holders) != 1:
            continue
        office = holders[0]
        span = (_phrase_start(text, title), title.end)
        mention = PersonMention(
            name=office.name,
            role=title.role,
            party=title.party,
            span=span,
            text=text[span[0] : span[1]],
            office=office,
            how="role",
            qualifier=title.qualifier,
        )
        scan.add(mention)


def _phrase_start(text: str, title: Title) -> int:
    """Start of a role-only mention: the title with its party, without an article."""
    start = title.start
    for article in ("the ", "The ", "his ", "His ", "her ", "Her ", "its ", "their ", "whose "):
        if text.startswith(article, start):
            return start + len(article)
    return start


@functools.lru_cache(maxsize=1024)
def _holders(role: str, party_code: str, on: dt.date) -> tuple[Office, ...]:
    """Who held ``role`` for ``party_code`` on ``on`` (memoised: one query scans every office)."""
    try:
        return tuple(_refdata.office_holders(role, party_code, on=on))
    except LookupError:
        return ()


# ---------------------------------------------------------------- names made full


def _nearest(sources: Sequence[_Found], starts: Sequence[int], pos: int) -> _Found:
    """The last of ``sources`` (in text order, starting at ``starts``) before ``pos``, else the first."""
    i = bisect.bisect_left(starts, pos)
    return sources[i - 1] if i else sources[0]


def _resolve_surnames(found: list[_Found], published: dt.date | None) -> list[_Found]:
    """Complete one-word names ("President Yoon") from a fuller mention or the reference data."""
    fuller = _fuller_mentions(found)
    starts: dict[str, list[int]] = {k: [g.mention.span[0] for g in v] for k, v in fuller.items()}
    out: list[_Found] = []
    for f in found:
        if len(f.mention.name.split()) != 1:
            out.append(f)
        elif f.mention.name in fuller:
            word = f.mention.name
            out.append(_from_fuller_mention(f, _nearest(fuller[word], starts[word], f.mention.span[0])))
        else:
            out.append(_from_reference_data(f, published) or f)
    return out


def _fuller_mentions(found: Sequence[_Found]) -> dict[str, list[_Found]]:
    """Word -> the mentions of several words (in text order) whose surname or one of whose words it is."""
    fuller: dict[str, list[_Found]] = {}
    for g in found:
        words = g.mention.name.split()
        if len(words) > 1:
            keys = set(words)
            keys.add(surname_of(g.mention.name, g.mention.party.code if g.mention.party else None))
            for key in keys:
                fuller.setdefault(key, []).append(g)
    return fuller


def _from_fuller_mention(f: _Found, src: _Found) -> _Found:
    """ "Prime Minister Donald Tusk ... Prime Minister Tusk": the one-word name is the fuller one's.

    The name of a person who holds no office (a chief executive) blocks it instead.
    """
    if src.excluded:
        return attrs.evolve(f, excluded=True)
    m, sm = f.mention, src.mention
    mention = attrs.evolve(
        m, name=sm.name, role=m.role or sm.role, party=m.party or sm.party, office=sm.office, how="surname"
    )
    return _Found(mention, f.excluded)


def _from_reference_data(f: _Found, published: dt.date | None) -> _Found | None:
    """ "President Yoon": the one office holder of that surname (and role, party, date, where
    the text says them) in the reference data; None when there is not exactly one person."""
    m = f.mention
    offices = [
        o
        for o in _surname_index().get(m.name, ())
        if (m.role is None or m.role in (o.role, o.function))
        and (m.party is None or o.party_code == m.party.code)
    ]
    if published is not None:
        offices = [o for o in offices if o.held_on(published)] or offices
    if len({o.name for o in offices}) != 1:
        return None
    office = _pick_office(offices, m.role, m.party.code if m.party else None, published)
    mention = attrs.evolve(
        m,
        name=office.name,
        role=m.role or office.role,
        party=m.party or party_for(office.party_code),
        office=office,
        how="surname",
    )
    return _Found(mention, f.excluded)


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


# ---------------------------------------------------------------- 4. surname back-references


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


def _by_surname(found: Sequence[_Found]) -> dict[str, list[_Found]]:
    """Surname -> the mentions of several words (in text order) it refers back to.

    A family name written in capitals is a surname too ("KISHIDA Fumio": "KISHIDA").
    """
    by_surname: dict[str, list[_Found]] = {}
    for f in found:
        fm = f.mention
        if len(fm.name.split()) <= 1:
            continue
        s = surname_of(fm.name, fm.party.code if fm.party else None)
        if len(s) > 1:
            by_surname.setdefault(s, []).append(f)
            if fm.text.split() and fm.text.split()[0].isupper():  # "KISHIDA Fumio": also "KISHIDA"
                by_surname.setdefault(fm.text.split()[0], []).append(f)
            # "Sir Keir Starmer ... Sir Keir and President Zelenskyy signed": a knight by his first name
            words = [w for w in fm.name.split() if w != "Sir"]
            first = words[0] if len(words) > 1 else s
            if first != s and first[:1].isupper():
                by_surname.setdefault(f"Sir {first}", []).append(f)
    return by_surname


def _back_references(text: str, found: list[_Found], overlaps: Callable[[Span], bool]) -> list[_Found]:
    """Strategy 4: a surname alone ("Yoon said", "Mr. Yoon") is the person named in full nearest before it.

    Only a whole word that no one holds yet, and not the first word of another name
    ("Kim Keon-hee" is not "Kim Jong Un").
    """
    by_surname = _by_surname(found)
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
        src = _nearest(by_surname[word], surname_starts[word], start)
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


def find_people(text: str, *, published: dt.date | str | None = None) -> list[PersonMention]:
    """Office holders named in ``text``; spans index ``text`` itself.

    >>> text = "On June 13, Mr. KISHIDA Fumio, Prime Minister of Japan, spoke."
    >>> [(p.name, p.role) for p in find_people(text)]
    [('Fumio Kishida', 'prime minister')]
    >>> [p.name for p in find_people("Hyundai Rotem President Lee Yong-bae signed it.")]
    []
    """
    day = check_published(published)  # (the dates parse() accepts, with its errors)
    norm = normalize(text)
    return [
        attrs.evolve(m, **mapped_back(text, norm, m.span))
        for m in scan_people(norm.text, published=day)
    ]
