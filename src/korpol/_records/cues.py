"""Cue-word tables for the record stage: the vocabulary the rules look for, read from data.

Why this module exists: the words that signal "a purchase", "a pledge of aid", "a denial" or
"a memorandum" are data, not logic.  They live in ``data/cues.tsv`` (one row per word, each
table headed by what it means) and become a :class:`Cues`: a frozen set of tables that a user
can read, and extend by building a :class:`Cues` with more words::

    >>> from korpol._records.cues import Cues, DEFAULT_CUES
    >>> cues = DEFAULT_CUES.extend(buy=("lease",))
    >>> "lease" in cues.buy
    True

The *structure* around the words stays in the rules' code, as a :class:`CuePattern` whose
placeholders name tables: ``CuePattern(r"\\b(?:⟨given_by⟩)\\s+(?:[\\w-]+\\s+){0,3}by\\s+$")``
is "a giving verb in the passive, then *by*"; :meth:`Cues.pattern` fills in the words of
this :class:`Cues` and compiles the pattern once.

A table a user builds is checked when the :class:`Cues` is built: an unknown table, a kind
outside the model's vocabulary or a fragment that is not a regular expression raises
:class:`~korpol.ValidationError` at once, never a Document with no records later.

The ORDER in which the status tables are tried is :data:`STATUS_ORDER`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from korpol._errors import InputTypeError, ValidationError
from korpol._model import AGREEMENT_KINDS, AID_KINDS
from korpol._regex import required_literals
from korpol._tables import once, read_table, suggest

__all__ = ["DEFAULT_CUES", "STATUS_ORDER", "TABLES", "CuePattern", "Cues"]

#: Status cues are tried in this order; the first table with a hit wins.
#: A framework is a framework even when it was signed; intent ("plans to sign")
#: outranks the signing verb it mentions; delivery is the weakest signal.
STATUS_ORDER = ("framework", "planned", "signed", "delivered")

#: tables whose rows name a kind as well as words, and the vocabulary the kind must be in
KEYED_TABLES: Mapping[str, tuple[str, ...]] = {"aid_kinds": AID_KINDS, "agreement_kinds": AGREEMENT_KINDS}
#: tables of literal words (compared whole, not as regular expressions)
WORD_TABLES = frozenset(("weapon_units", "support_categories", "topics"))

Keyed = tuple[tuple[str, tuple[str, ...]], ...]


def _alt(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


@once
def _data() -> dict[str, Any]:
    """The tables of ``data/cues.tsv``: word tables as tuples, keyed tables as (kind, words) pairs."""
    flat: dict[str, list[str]] = {}
    keyed: dict[str, dict[str, list[str]]] = {}
    for row in read_table("cues.tsv"):
        table, kind, pattern = row["table"], row["kind"], row["pattern"]
        if table in KEYED_TABLES:
            keyed.setdefault(table, {}).setdefault(kind, []).append(pattern)
        else:
            flat.setdefault(table, []).append(pattern)
    out: dict[str, Any] = {name: tuple(words) for name, words in flat.items()}
    for name, kinds in keyed.items():
        out[name] = tuple((kind, tuple(words)) for kind, words in kinds.items())
    return out


def _loader(table: str) -> Callable[[], Any]:
    """The factory of a table's default: its rows in ``data/cues.tsv`` (read on first use)."""
    return lambda: _data()[table]


@attrs.frozen
class CuePattern:
    """A regular expression whose words come from cue tables: the structure in code, the words in data.

    ``template`` is a regular expression in which ``⟨table⟩`` stands for the alternation of
    that table's words (``a|b|c``); :meth:`Cues.pattern` compiles it for a set of cues.

    >>> p = CuePattern(r"\\b(?:⟨denial⟩)\\b")
    >>> p.tables
    ('denial',)
    >>> bool(DEFAULT_CUES.pattern(p).search("seoul denied reports that"))
    True
    """

    template: str
    tables: tuple[str, ...] = attrs.field(init=False)

    @tables.default
    def _tables(self) -> tuple[str, ...]:
        return tuple(re.findall(r"⟨(\w+)⟩", self.template))

    def source(self, cues: Cues) -> str:
        """The regular expression with the words of ``cues`` filled in."""
        out = self.template
        for table in self.tables:
            out = out.replace(f"⟨{table}⟩", "|".join(getattr(cues, table)))
        return out


@attrs.frozen
class Cues:
    """The cue vocabularies the record rules read: one field per table of ``data/cues.tsv``.

    Each field is a tuple of regular-expression fragments (matched at word boundaries on
    lower-cased text), except ``aid_kinds`` and ``agreement_kinds`` (pairs of a kind and its
    fragments, tried in order) and the literal word tables ``weapon_units``,
    ``support_categories`` and ``topics``.  ``docs/extending.md`` says what each table does.

    Pass your own to :func:`korpol.parse` to teach it words the defaults lack:

    >>> import korpol
    >>> text = "Poland leases 4 MQ-9B drones from the United States for $300 million."
    >>> korpol.parse(text).arms_deals
    ()
    >>> deal = korpol.parse(text, cues=korpol.Cues().extend(buy=("leases?",))).arms_deals[0]
    >>> (deal.supplier.code, deal.recipient.code, str(deal.value))
    ('US', 'PL', 'USD 300,000,000')

    A table that cannot work fails when it is built:

    >>> korpol.Cues().extend(aid_kinds=(("energy", ("power plants?",)),))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: aid_kinds: 'energy' is not valid: not an aid kind (one of ...)
    """

    # -- deals
    buy: tuple[str, ...] = attrs.field(factory=_loader("buy"))
    sell: tuple[str, ...] = attrs.field(factory=_loader("sell"))
    deal: tuple[str, ...] = attrs.field(factory=_loader("deal"))
    arms: tuple[str, ...] = attrs.field(factory=_loader("arms"))
    framework: tuple[str, ...] = attrs.field(factory=_loader("framework"))
    planned: tuple[str, ...] = attrs.field(factory=_loader("planned"))
    signed: tuple[str, ...] = attrs.field(factory=_loader("signed"))
    delivered: tuple[str, ...] = attrs.field(factory=_loader("delivered"))
    win: tuple[str, ...] = attrs.field(factory=_loader("win"))
    choose: tuple[str, ...] = attrs.field(factory=_loader("choose"))
    pursue: tuple[str, ...] = attrs.field(factory=_loader("pursue"))
    thank: tuple[str, ...] = attrs.field(factory=_loader("thank"))
    buyer_bodies: tuple[str, ...] = attrs.field(factory=_loader("buyer_bodies"))
    signed_words: tuple[str, ...] = attrs.field(factory=_loader("signed_words"))
    # -- figures that are not one deal or package
    not_a_deal: tuple[str, ...] = attrs.field(factory=_loader("not_a_deal"))
    joint_development: tuple[str, ...] = attrs.field(factory=_loader("joint_development"))
    financing_after: tuple[str, ...] = attrs.field(factory=_loader("financing_after"))
    trend_verbs: tuple[str, ...] = attrs.field(factory=_loader("trend_verbs"))
    aggregate: tuple[str, ...] = attrs.field(factory=_loader("aggregate"))
    sum_nouns: tuple[str, ...] = attrs.field(factory=_loader("sum_nouns"))
    combined: tuple[str, ...] = attrs.field(factory=_loader("combined"))
    total_verbs: tuple[str, ...] = attrs.field(factory=_loader("total_verbs"))
    cumulative_giving: tuple[str, ...] = attrs.field(factory=_loader("cumulative_giving"))
    ranked: tuple[str, ...] = attrs.field(factory=_loader("ranked"))
    running_total: tuple[str, ...] = attrs.field(factory=_loader("running_total"))
    # -- aid: gift or sale, who gives, who receives
    aid: tuple[str, ...] = attrs.field(factory=_loader("aid"))
    gift: tuple[str, ...] = attrs.field(factory=_loader("gift"))
    sale: tuple[str, ...] = attrs.field(factory=_loader("sale"))
    negation: tuple[str, ...] = attrs.field(factory=_loader("negation"))
    denial: tuple[str, ...] = attrs.field(factory=_loader("denial"))
    given_by: tuple[str, ...] = attrs.field(factory=_loader("given_by"))
    give_to: tuple[str, ...] = attrs.field(factory=_loader("give_to"))
    receive: tuple[str, ...] = attrs.field(factory=_loader("receive"))
    aid_verbs: tuple[str, ...] = attrs.field(factory=_loader("aid_verbs"))
    aid_adjectives: tuple[str, ...] = attrs.field(factory=_loader("aid_adjectives"))
    aid_nouns: tuple[str, ...] = attrs.field(factory=_loader("aid_nouns"))
    aid_kinds: Keyed = attrs.field(factory=_loader("aid_kinds"))
    troops: tuple[str, ...] = attrs.field(factory=_loader("troops"))
    # -- who is no party: rivals and foes
    rival: tuple[str, ...] = attrs.field(factory=_loader("rival"))
    hostile: tuple[str, ...] = attrs.field(factory=_loader("hostile"))
    invading: tuple[str, ...] = attrs.field(factory=_loader("invading"))
    led: tuple[str, ...] = attrs.field(factory=_loader("led"))
    visit: tuple[str, ...] = attrs.field(factory=_loader("visit"))
    transit: tuple[str, ...] = attrs.field(factory=_loader("transit"))
    request: tuple[str, ...] = attrs.field(factory=_loader("request"))
    components: tuple[str, ...] = attrs.field(factory=_loader("components"))
    civil: tuple[str, ...] = attrs.field(factory=_loader("civil"))
    lent: tuple[str, ...] = attrs.field(factory=_loader("lent"))
    handed: tuple[str, ...] = attrs.field(factory=_loader("handed"))
    priced: tuple[str, ...] = attrs.field(factory=_loader("priced"))
    bought: tuple[str, ...] = attrs.field(factory=_loader("bought"))
    earlier_steps: tuple[str, ...] = attrs.field(factory=_loader("earlier_steps"))
    turned_down: tuple[str, ...] = attrs.field(factory=_loader("turned_down"))
    follows: tuple[str, ...] = attrs.field(factory=_loader("follows"))
    modified_nouns: tuple[str, ...] = attrs.field(factory=_loader("modified_nouns"))
    bidders: tuple[str, ...] = attrs.field(factory=_loader("bidders"))
    hearsay: tuple[str, ...] = attrs.field(factory=_loader("hearsay"))
    speech: tuple[str, ...] = attrs.field(factory=_loader("speech"))
    recipient_nouns: tuple[str, ...] = attrs.field(factory=_loader("recipient_nouns"))
    disaster: tuple[str, ...] = attrs.field(factory=_loader("disaster"))
    relation_nouns: tuple[str, ...] = attrs.field(factory=_loader("relation_nouns"))
    distributive: tuple[str, ...] = attrs.field(factory=_loader("distributive"))
    aircraft_units: tuple[str, ...] = attrs.field(factory=_loader("aircraft_units"))
    air_defense_units: tuple[str, ...] = attrs.field(factory=_loader("air_defense_units"))
    ties_with: tuple[str, ...] = attrs.field(factory=_loader("ties_with"))
    scene_nouns: tuple[str, ...] = attrs.field(factory=_loader("scene_nouns"))
    blocking: tuple[str, ...] = attrs.field(factory=_loader("blocking"))
    legislatures: tuple[str, ...] = attrs.field(factory=_loader("legislatures"))
    set_aside: tuple[str, ...] = attrs.field(factory=_loader("set_aside"))
    gift_verbs: tuple[str, ...] = attrs.field(factory=_loader("gift_verbs"))
    many_givers: tuple[str, ...] = attrs.field(factory=_loader("many_givers"))
    beneficiaries: tuple[str, ...] = attrs.field(factory=_loader("beneficiaries"))
    office_of: tuple[str, ...] = attrs.field(factory=_loader("office_of"))
    envoy_to: tuple[str, ...] = attrs.field(factory=_loader("envoy_to"))
    approving: tuple[str, ...] = attrs.field(factory=_loader("approving"))
    aid_lede: tuple[str, ...] = attrs.field(factory=_loader("aid_lede"))
    # -- weapons, counts and dates
    weapon_units: tuple[str, ...] = attrs.field(factory=_loader("weapon_units"))
    support_vehicles: tuple[str, ...] = attrs.field(factory=_loader("support_vehicles"))
    support_categories: tuple[str, ...] = attrs.field(factory=_loader("support_categories"))
    owned: tuple[str, ...] = attrs.field(factory=_loader("owned"))
    tranche: tuple[str, ...] = attrs.field(factory=_loader("tranche"))
    control_verbs: tuple[str, ...] = attrs.field(factory=_loader("control_verbs"))
    lost_to: tuple[str, ...] = attrs.field(factory=_loader("lost_to"))
    estimate_verbs: tuple[str, ...] = attrs.field(factory=_loader("estimate_verbs"))
    asking: tuple[str, ...] = attrs.field(factory=_loader("asking"))
    made_where: tuple[str, ...] = attrs.field(factory=_loader("made_where"))
    meetings: tuple[str, ...] = attrs.field(factory=_loader("meetings"))
    named_funds: tuple[str, ...] = attrs.field(factory=_loader("named_funds"))
    inventory: tuple[str, ...] = attrs.field(factory=_loader("inventory"))
    schedule: tuple[str, ...] = attrs.field(factory=_loader("schedule"))
    instalments: tuple[str, ...] = attrs.field(factory=_loader("instalments"))
    remainder: tuple[str, ...] = attrs.field(factory=_loader("remainder"))
    # -- agreements, meetings, deployments
    agreement_kinds: Keyed = attrs.field(factory=_loader("agreement_kinds"))
    agreement_verbs: tuple[str, ...] = attrs.field(factory=_loader("agreement_verbs"))
    signing: tuple[str, ...] = attrs.field(factory=_loader("signing"))
    signatory_verbs: tuple[str, ...] = attrs.field(factory=_loader("signatory_verbs"))
    term_verbs: tuple[str, ...] = attrs.field(factory=_loader("term_verbs"))
    topics: tuple[str, ...] = attrs.field(factory=_loader("topics"))
    meeting: tuple[str, ...] = attrs.field(factory=_loader("meeting"))
    deploy: tuple[str, ...] = attrs.field(factory=_loader("deploy"))

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(Cues):
            _check_table(field.name, getattr(self, field.name))

    def extend(self, **more: Iterable[Any]) -> Cues:
        """A copy with extra words appended to the named tables.

        >>> Cues().extend(buys=("purchases?",))
        Traceback (most recent call last):
        ...
        korpol._errors.ValidationError: cues: 'buys' is not valid: not a cue table (did you mean: buy?)
        """
        for name in more:
            if name not in TABLES:
                close = suggest(name, TABLES)
                hint = f"did you mean: {', '.join(close)}?" if close else "see korpol.Cues for the tables"
                raise ValidationError("cues", name, f"not a cue table ({hint})")
        changes = {name: (*getattr(self, name), *_as_tuple(name, words)) for name, words in more.items()}
        return attrs.evolve(self, **changes)

    @functools.cached_property
    def compiled(self) -> dict[str, re.Pattern[str]]:
        """One compiled word-boundary alternation per table of regular-expression fragments."""
        flat = (name for name in TABLES if name not in KEYED_TABLES and name not in WORD_TABLES)
        return {name: _alt(getattr(self, name)) for name in flat}

    @functools.cached_property
    def compiled_aid_kinds(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(kind, pattern) in table order."""
        return tuple((kind, _alt(words)) for kind, words in self.aid_kinds)

    @functools.cached_property
    def compiled_agreement_kinds(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(kind, pattern) in table order: the first kind whose words match wins."""
        return tuple((kind, _alt(words)) for kind, words in self.agreement_kinds)

    @functools.cached_property
    def compiled_agreement_patterns(self) -> tuple[re.Pattern[str], ...]:
        """The patterns of :attr:`compiled_agreement_kinds`, without their kinds."""
        return tuple(pattern for _, pattern in self.compiled_agreement_kinds)

    @functools.cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        return {}

    @functools.cached_property
    def _word_sets(self) -> dict[str, frozenset[str]]:
        return {}

    def words(self, table: str) -> frozenset[str]:
        """The literal words of ``table`` as a set (``weapon_units``, ``support_categories``, ``topics``)."""
        found = self._word_sets.get(table)
        if found is None:
            found = self._word_sets[table] = frozenset(getattr(self, table))
        return found

    def pattern(self, cue: CuePattern) -> re.Pattern[str]:
        """``cue`` compiled with the words of these cues (once per :class:`Cues` and pattern)."""
        found = self._patterns.get(cue.template)
        if found is None:
            found = self._patterns[cue.template] = re.compile(cue.source(self))
        return found

    @functools.cached_property
    def resolved(self) -> dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]]:
        """id(pattern) -> the compiled pattern a rule means by it (a :class:`CuePattern`
        compiled with these cues, a compiled pattern itself) and the literals one of which its
        every match holds (None: unknown).  Filled by :meth:`resolve`; the patterns are module
        constants, so their ids are stable (the objects are kept in :attr:`_pinned` all the same)."""
        return {}

    @functools.cached_property
    def _pinned(self) -> list[object]:
        return []

    def resolve(
        self, pattern: re.Pattern[str] | CuePattern
    ) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
        """What :meth:`Sentence.regex` reads ``pattern`` as, and its literals (once per pattern)."""
        compiled = self.pattern(pattern) if isinstance(pattern, CuePattern) else pattern
        self._pinned.append(pattern)
        found = self.resolved[id(pattern)] = (compiled, required_literals(compiled))
        return found


#: the names of the cue tables, in the order of ``data/cues.tsv``'s sections
TABLES: tuple[str, ...] = tuple(field.name for field in attrs.fields(Cues))


def _as_tuple(name: str, words: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(words, str):
        raise InputTypeError(name, words, "a tuple of words (a str is a single word: write (word,))")
    return tuple(words)


def _check_table(name: str, value: Any) -> None:
    """Raise a clear error for a table that cannot work: wrong shape, unknown kind, bad regex."""
    if not isinstance(value, tuple):
        raise InputTypeError(name, value, "a tuple")
    if name in KEYED_TABLES:
        vocabulary = KEYED_TABLES[name]
        what = "an aid kind" if name == "aid_kinds" else "an agreement kind"
        for entry in value:
            if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], tuple)):
                raise InputTypeError(name, entry, "(kind, (pattern, ...)) pairs")
            kind, words = entry
            if kind not in vocabulary:
                raise ValidationError(name, kind, f"not {what} (one of {', '.join(vocabulary)})")
            _check_words(name, words, regex=True)
    else:
        _check_words(name, value, regex=name not in WORD_TABLES)


def _check_words(name: str, words: tuple[Any, ...], *, regex: bool) -> None:
    for word in words:
        if not isinstance(word, str):
            raise InputTypeError(name, word, "a str")
        if regex:
            try:
                re.compile(word)
            except re.error as err:
                raise ValidationError(name, word, f"not a regular expression: {err}") from None


DEFAULT_CUES = Cues()
