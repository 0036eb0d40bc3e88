"""What the whole document tells the rules of one sentence: its main parties, where its aid goes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from korpol._mentions.scan import SENTENCE_BREAK, M
from korpol._model import (
    Country,
    Party,
    TimeSpan,
)
from korpol._records.cues import CuePattern, Cues
from korpol._records.roles import HOSTILE_AFTER, HOSTILE_AFTER_DEMONYM, INVADES_AFTER, RIVAL_BEFORE
from korpol._text import LINK_MARKS

__all__ = ["TO_BEFORE", "Context", "document_context", "report_year"]


@attrs.frozen
class Context:
    published: dt.date | None
    principal: tuple[Party, ...]  # the article's main pair, most mentioned first
    counts: Counter[str]
    parties: dict[str, Party]
    cues: Cues
    aid_recipient: Party | None  # the country aid in this article most often goes "to"/"for"
    #: whether the article opens on approved sales ("The United States has approved eight arms sales
    #: to Taiwan"): its "package" is of sales, and a listed item with no verb of its own is planned
    approved_sales: bool = False
    #: (seller, buyer) of those approved sales: the state named before the approving verb, and
    #: the article's other main party
    approved_pair: tuple[Party, Party] | None = None
    #: states the article names as the foe somewhere ("Russia's full-scale invasion"): never
    #: guessed as the giver of aid a sentence leaves unsaid
    foes: frozenset[str] = frozenset()
    #: the foes that attack ("Russia's invasion"), not those whose war it is ("Ukraine's war")
    aggressors: frozenset[str] = frozenset()
    #: whether the article is about many states: its two main states make up no more than two
    #: thirds of its states' mentions (a recap, a tracker, a multi-country story).  A deal whose
    #: sentence names no state is then not given the main pair as a guess
    many_states: bool = False
    #: in a story of many states, the one it is about, if any: named at least twice as often as any
    #: other ("Five suppliers, one customer: a ledger of Poland's big-ticket orders")
    hub: Party | None = None
    #: the state the report is written from: its dateline ("SEOUL, Jan. 17 -") or where its sources
    #: are ("a diplomatic source in Seoul said"): the one "the government" means when no state is named
    home: Party | None = None
    #: (start, state) of each heading that names one state ("Poland: frameworks versus contracts"):
    #: in a story of many states, the state a section under it is about
    headings: tuple[tuple[int, Party], ...] = ()

    def section_state(self, pos: int) -> Party | None:
        """The state the last heading before ``pos`` names, if any."""
        found = None
        for start, party in self.headings:
            if start > pos:
                break
            found = party
        return found

    def partner(self, party: Party | None, exclude: Iterable[str] = ()) -> Party | None:
        """The principal party that is not ``party`` (nor in ``exclude``, nor an aggressor)."""
        skip = set(exclude) | self.aggressors  # ("Russia's invasion": Russia sells Ukraine nothing)
        if party is not None:
            skip.add(party.code)
        for p in self.principal:
            if p.code not in skip:
                return p
        return None


TO_BEFORE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$")
#: "Turkey's rival": a possessor before a relation noun, which then names a state, not a rival
_POSSESSED_BEFORE = re.compile(r"(?:'s?|’s?)\s+(?:[\w-]+\s+)?$")
#: "has Korea given Ukraine", "gave Kyiv": a giving verb right before its receiver
_GIVEN_BEFORE = CuePattern(r"\b(?:⟨give_to⟩)\s+(?:the\s+)?$")


#: after a dateline's place: "SEOUL, Jan. 17 -", "WARSAW (Reuters) -", "NEW DELHI:"
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|:|\s[-–—])")
#: before a capital where a report's sources are: "a diplomatic source in Seoul", "officials in Warsaw"
_SOURCES_IN = re.compile(r"\b(?:sources?|officials?|diplomats?|spokes(?:man|woman|person)) in\s+$")


def _headings(mentions: Sequence[M], text: str) -> tuple[tuple[int, Party], ...]:
    """The headings that name one state: short lines with no closing stop ("Poland: frameworks
    versus contracts", "2. The northern flank: Norway")."""
    found: list[tuple[int, Party]] = []
    by_line: dict[int, set[str]] = {}
    parties: dict[int, Party] = {}
    for m in mentions:
        if m.kind != "place" or not isinstance(m.party, Country):
            continue
        start = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.end)
        line = text[start : end if end >= 0 else len(text)].strip()
        if not line or len(line) > 70 or line[-1] in ".!?;,\"”" or start == 0 or line[0] in LINK_MARKS:
            continue  # (nor a "› Hungary's veto leaves billions frozen" of a READ MORE list: a link)
        by_line.setdefault(start, set()).add(m.party.code)
        parties[start] = m.party
    for start, codes in sorted(by_line.items()):
        if len(codes) == 1:
            found.append((start, parties[start]))
    return tuple(found)


def _home(mentions: Sequence[M], text: str) -> Party | None:
    """The state a report is written from (see :attr:`Context.home`), if it says so."""
    for m in mentions:
        if m.kind != "place" or m.form not in ("capital", "name") or not isinstance(m.party, Country):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        name = text[m.start : m.end]
        if not text[line_start : m.start].strip() and name.isupper() and _DATELINE_AFTER.match(text, m.end):
            return m.party
        if m.form == "capital" and _SOURCES_IN.search(text[max(0, m.start - 40) : m.start].lower()):
            return m.party
    return None


def document_context(mentions: Sequence[M], published: dt.date | None, cues: Cues, text: str) -> Context:
    counts: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    aid_to: Counter[str] = Counter()
    foes: set[str] = set()
    aggressors: set[str] = set()
    aid = cues.compiled["aid"]
    given = cues.pattern(_GIVEN_BEFORE)
    # (the words that make a state the foe are :func:`~korpol._records.roles.excluded`'s)
    owner_foe, demonym_foe = cues.pattern(HOSTILE_AFTER), cues.pattern(HOSTILE_AFTER_DEMONYM)
    invades = cues.pattern(INVADES_AFTER)
    rival = cues.pattern(RIVAL_BEFORE)
    for m in mentions:
        if m.kind == "place" and isinstance(m.party, Country):
            after = text[m.end : m.end + 40].lower()
            foe = demonym_foe if m.form == "demonym" else owner_foe
            hostile = foe.match(after) if after[:1] in " '" else None
            if hostile is None and m.form != "demonym" and invades.match(after):
                foes.add(m.party.code)
                aggressors.add(m.party.code)  # ("since Russia invaded in 2022")
                continue
            if hostile is not None:
                foes.add(m.party.code)
                if not hostile.group(0).endswith("war"):
                    aggressors.add(m.party.code)  # (not "Sudan's war": a war in Sudan, whose aid it receives)
                continue  # "Russia's invasion", "the Russian missile threat": the foe, not a main party
            # (the words just before it in its own sentence)
            window = SENTENCE_BREAK.split(text[max(0, m.start - 40) : m.start].lower())[-1]
            set_aside = rival.search(window)
            if set_aside and not _POSSESSED_BEFORE.search(window, 0, set_aside.start()):
                continue  # "chose Saab over Hanwha", "the border with China" (not "Turkey's rival Greece")
            counts[m.party.code] += 1
            parties[m.party.code] = m.party
            before = text[max(0, m.start - 12) : m.start].lower()
            if (TO_BEFORE.search(before) and aid.search(text[max(0, m.start - 120) : m.start].lower())) or (
                given.search(before)
            ):
                aid_to[m.party.code] += 1
    principal = tuple(parties[c] for c, _ in counts.most_common(2))
    # (never the aggressor: "... for the Patriot" in a story of "Russia's full-scale invasion")
    takers = [c for c, _ in aid_to.most_common() if c not in aggressors]
    aid_recipient = parties[takers[0]] if takers else None
    # (the foe's own mentions count for nothing: "North Korea has sent 3,000 troops" in a story of
    # Korea and Poland is no third party to their deals)
    # (but a state whose war it is stays: "how the EPF paid for Ukraine's war" is about Ukraine)
    friendly = Counter({c: n for c, n in counts.items() if c not in aggressors})
    total = sum(friendly.values())
    top = friendly.most_common(2)
    many = total > 0 and sum(n for _, n in top) * 3 <= total * 2
    hub = parties[top[0][0]] if many and len(top) == 2 and top[0][1] >= 2 * top[1][1] else None
    ctx = Context(
        published,
        principal,
        counts,
        parties,
        cues,
        aid_recipient,
        foes=frozenset(foes),
        aggressors=frozenset(aggressors),
        many_states=many,
        hub=hub,
        home=_home(mentions, text),
        # (never the aggressor's: "Russia's war economy" heads a section about its foes)
        headings=tuple(h for h in _headings(mentions, text) if h[1].code not in aggressors),
    )
    lede = text[:_LEDE].lower()
    hit = cues.pattern(_APPROVED_SALES).search(lede)
    if hit is None or cues.pattern(_AID_LEDE).search(lede):
        return ctx
    # the state named last before the approving verb, a few words before it ("the US State
    # Department has approved", "Washington approves"), sells to the article's other main party
    # (a leader's administration is a place too: "The Trump administration late on Wednesday notified")
    near = [
        m.party
        for m in mentions
        if m.kind == "place" and isinstance(m.party, Country) and hit.start() - 40 <= m.end <= hit.start()
    ]
    seller = near[-1] if near else None
    # the buyer the approval names ("approves $4.7 billion air defence sale to Egypt"), else the
    # article's other main party, unless the article is about many states (no one to guess)
    named = [
        m.party
        for m in mentions
        if m.kind == "place"
        and isinstance(m.party, Country)
        and hit.end() <= m.start < hit.end() + _SALE_TO_SPAN
        and TO_BEFORE.search(lede[max(0, m.start - 12) : m.start])
        and m.party != seller
    ]
    buyer = named[0] if named else None if ctx.many_states else ctx.partner(seller)
    pair = (seller, buyer) if seller is not None and buyer is not None else None
    return attrs.evolve(ctx, approved_sales=True, approved_pair=pair)


#: the headline and first paragraph
_LEDE = 700
#: how far after the approving words the buyer "to" names may stand
_SALE_TO_SPAN = 80
_APPROVED_SALES = CuePattern(
    r"\b(?:⟨approving⟩)\b(?:[^.]|\.(?=\d)){0,60}"
    r"\b(?:arms |weapons |military |possible )?sales?\b"
    r"|\b(?:arms|weapons) sales?\b(?:[^.]|\.(?=\d)){0,40}\b(?:⟨approving⟩)"
)
#: a lede that names aid is about aid, whatever sales it names too
_AID_LEDE = CuePattern(r"\b(?:⟨aid_lede⟩)\b")


@functools.lru_cache(maxsize=64)  # one per publication date; a TimeSpan is frozen, so records can share it
def report_year(published: dt.date) -> TimeSpan:
    """The year an article reports in, for a record the text gives no date for (``text`` stays empty)."""
    return TimeSpan(dt.date(published.year, 1, 1), dt.date(published.year, 12, 31), "year", "")
