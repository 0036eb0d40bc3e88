"""Cue-word tables for the record stage: the vocabulary rules look for.

Why a module of its own: the words that signal "a purchase", "a pledge of
aid" or "a memorandum" are data, not logic.  They live here as plain tables
(regular-expression alternatives over lower-cased text) so that a user can
read them, and extend them by building a :class:`Cues` with more words::

    >>> from korpol._records.cues import Cues, DEFAULT_CUES
    >>> cues = DEFAULT_CUES.extend(buy=("lease",))
    >>> "lease" in cues.buy
    True

Every table is a tuple of regular-expression fragments matched at word
boundaries on lower-cased sentence text.  The ORDER in which the status
tables are tried is written in :data:`STATUS_ORDER`.
"""

from __future__ import annotations

import functools
import re

import attrs

__all__ = ["DEFAULT_CUES", "STATUS_ORDER", "Cues"]

#: Status cues are tried in this order; the first table with a hit wins.
#: A framework is a framework even when it was signed; intent ("plans to sign")
#: outranks the signing verb it mentions; delivery is the weakest signal.
STATUS_ORDER = ("framework", "planned", "signed", "delivered")


def _alt(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


@attrs.frozen
class Cues:
    """The cue vocabularies the record rules read.  Each field is a tuple of regex fragments.

    Pass your own to :func:`korpol.parse` to teach it words the defaults lack:

    >>> import korpol
    >>> text = "Poland leases 4 MQ-9B drones from the United States for $300 million."
    >>> korpol.parse(text).arms_deals
    ()
    >>> deal = korpol.parse(text, cues=korpol.Cues().extend(buy=("leases?",))).arms_deals[0]
    >>> (deal.supplier.code, deal.recipient.code, str(deal.value))
    ('US', 'PL', 'USD 300,000,000')
    """

    #: verbs whose subject is the buyer; "from X" names the seller
    buy: tuple[str, ...] = (
        r"buy",
        r"buys",
        r"buying",
        r"bought",
        r"purchas(?:e|es|ed|ing)",
        r"acquir(?:e|es|ed|ing)",
        r"order(?:s|ed|ing)?",
        r"import(?:s|ed|ing)?",
        r"procur(?:e|es|ed|ing)",
        r"signed for",
        r"signs for",
        r"sign for",
        r"joined",
        r"adding",
        r"added",
        r"sign(?:ed|s)? (?:[\w$€£.,-]+ ){1,4}?for",
    )
    #: verbs whose subject is the seller; "to X" names the buyer
    sell: tuple[str, ...] = (
        r"export(?:ed|ing)?",
        r"sell(?:s|ing)?",
        r"sold",
        r"suppl(?:y|ies|ied|ying)",
        r"ship(?:s|ped|ping)?",
        r"deliver(?:s|ed|ing)?",
        # "approved the possible sale of", "approves $2 billion arms package for Taiwan"
        r"approv(?:e|ed|es|al of) (?:the |a |an )?(?:possible |potential )?"
        r"(?:[$€£\w.,-]+ ){0,3}?(?:sale|export|(?:arms|weapons) package)s?",
        r"clear(?:ed|s)? (?:the |a )?(?:possible |potential )?(?:sale|export)s?",
        r"sales? of",
        # "approved three NASAMS for $1.16 billion": an approval of a number of weapons names the seller
        r"approv(?:ed|es) (?:the )?(?:possible |potential )?"
        r"(?=\d|one |two |three |four |five |six |eight |ten |a dozen )",
    )
    #: nouns that name a transaction
    deal: tuple[str, ...] = (
        r"deals?",
        r"contracts?",
        r"orders?",
        r"purchases?",
        r"acquisitions?",
        r"sale",
        r"framework(?: agreements?| deals?| contracts?)?",
        r"export deals?",
        r"option",
        r"arms package",
        r"procurement",
        r"package",
        r"approv(?:ed|es)",
        r"negotiations? (?:on|for|over)",
        r"talks (?:on|for|over)",
    )
    #: words that make a transaction an arms transaction (besides weapon-system mentions)
    arms: tuple[str, ...] = (
        r"arms",
        r"weapons?",
        r"weaponry",
        r"military equipment",
        r"military hardware",
        r"defen[cs]e equipment",
        r"munitions?",
        r"artillery",
        r"ammunition",
        r"armaments?",
        r"defen[cs]e (?:deal|contract|framework|purchase|export|industry)s?",
        r"k-defen[cs]e",
        r"batter(?:y|ies)",
        r"aircraft",
        r"(?:fighter |combat )?jets?",
        r"helicopters?",
        r"warships?",
        r"frigates?",
        r"corvettes?",
        r"submarines?",
        r"(?:patrol )?vessels",
        r"missiles?",
        r"rockets?",
        r"drones?",
        r"tanks",
        r"howitzers?",
        r"radars?",
        r"fighters?",
        r"launchers?",
        r"guns",
    )
    framework: tuple[str, ...] = (r"framework", r"umbrella (?:deal|agreement|contract)")
    planned: tuple[str, ...] = (
        r"plans?",
        r"planned",
        r"planning",
        r"intends?",
        r"intended",
        r"intention",
        r"expected",
        r"expects?",
        r"to be (?:signed|finali[sz]ed|concluded|sealed|inked)",
        r"will (?:be )?sign(?:ed)?",
        r"under negotiation",
        r"negotiat\w*",
        r"in talks",
        r"talks (?:on|over|for|with)",
        r"approv(?:e|ed|es|al)",
        r"cleared",
        r"ready for signing",
        r"aims? to",
        r"aimed to",
        r"seeks? to",
        r"wants? to",
        r"considering",
        r"(?:is|are) set to",
        r"propos(?:e|ed|al)",
        r"to finali[sz]e",
        r"would (?:buy|sign|purchase|acquire|be signed)",
        r"if signed",
        r"could (?:buy|sign|acquire)",
        r"pitch(?:ed|ing)?",
        r"compet(?:e|es|ed|ing|ition)",
        r"bid(?:s|ding)?",
        r"tenders?",
        r"shortlist(?:ed)?",
        r"discussed",
    )
    signed: tuple[str, ...] = (
        r"sign(?:ed|s|ing)?",
        r"conclud(?:ed|es)",
        r"inked",
        r"awarded",
        r"ordered",
        r"ordering",
        r"agreed to (?:buy|purchase|acquire)",
        r"bought",
        r"purchased",
        r"acquired",
        r"sealed",
        r"won",
        r"placed an order",
        r"struck",
        r"exercised",
        r"added",
        r"adding",
    )
    delivered: tuple[str, ...] = (
        r"delivered",
        r"arrived",
        r"handed over",
        r"in service",
        r"took delivery",
        r"received",
        r"shipped",
    )
    #: money next to these words is not a deal or aid: totals, budgets, financing ...
    not_a_deal: tuple[str, ...] = (
        r"budget",
        r"trade",
        r"gdp",
        r"revenues?",
        r"(?<!arms )(?<!weapons )sales",  # company sales are revenue; "arms sales to Taiwan" are deals
        r"turnover",
        r"profits?",
        r"capital",
        r"ceiling",
        r"equity",
        r"investments?",
        r"investors?",
        r"backlog",
        r"order book",
        r"spending",
        r"exports (?:hit|reached|rose|fell|totall?ed|were|amounted)",
        r"loans?",
        r"guarantees?",
        r"financing",
        r"lending",
        r"credit",
        r"offsets?",
        r"combined",
        r"in total",
        r"altogether",
        r"bank",
        r"market",
        r"valuation",
        r"salar(?:y|ies)",
        r"funding for (?:the )?(?:defen[cs]e|army|military)",
        r"defen[cs]e spending",
        r"bonds?",
    )
    #: the words that mark a sum as a sum (kept out of deals)
    aggregate: tuple[str, ...] = (
        r"combined",
        r"in total",
        r"altogether",
        r"cumulative",
        r"so far",
        r"to date",
        r"total(?:s|led|ing)? to",  # "bringing its total to $500 million": a running total
        r"bring(?:s|ing)? (?:its|the|their) (?:overall |total )?(?:aid |support |assistance )?(?:total )?to",
    )
    aid: tuple[str, ...] = (
        r"aid",
        r"assistance",
        r"humanitarian",
        r"donat(?:e|es|ed|ion|ions)",
        r"pledg(?:e|es|ed|ing)",
        r"grants?",
        r"relief",
        r"support",
        r"contribut(?:e|es|ed|ion|ions)",
        r"trust fund",
        r"reconstruction fund",
        r"project fund",
        r"fund",
        r"package",
        r"provid(?:e|es|ed|ing)",
        r"assist",
        r"scholarships?",
    )
    aid_kinds: tuple[tuple[str, tuple[str, ...]], ...] = (
        (
            "humanitarian",
            (
                r"humanitarian",
                r"relief",
                r"medical",
                r"food",
                r"shelter",
                r"refugees?",
                r"demining",
                r"mine clearance",
                r"de-mining",
                r"medicine",
                r"health\w*",
            ),
        ),
        (
            "military",
            (
                r"military",
                r"lethal",
                r"non-lethal",
                r"weapons?",
                r"ammunition",
                r"defen[cs]e",
                r"security assistance",
                r"soldiers",
                r"troops",
                r"helmets",
                r"body armou?r",
            ),
        ),
        (
            "financial",
            (
                r"financial",
                r"budget support",
                r"loans?",
                r"credit",
                r"macro-financial",
                r"guarantees?",
                r"state finances",
                r"fiscal",
            ),
        ),
        (
            "reconstruction",
            (r"reconstruction", r"rebuild\w*", r"recovery", r"infrastructure", r"restoration"),
        ),
        ("education", (r"education\w*", r"scholarships?", r"schools?", r"universit\w+", r"students?")),
    )
    agreement_kinds: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("action_plan", (r"action plans?",)),
        ("mou", (r"memorand(?:um|ums|a) of understanding", r"mous?", r"memorand(?:um|ums|a)")),
        ("communique", (r"communiqu[eé]s?",)),
        (
            "declaration",
            (
                r"joint (?:[\w-]+'?\s+){0,2}(?:declaration|statement)s?",
                r"declarations? (?:on|of)",
                r"statements? of intent",
                r"letters? of intent",
            ),
        ),
        ("strategic_partnership", (r"strategic partnership", r"strategic partners")),
        (
            "partnership",
            (r"partnership(?: and cooperation)? programmes?", r"partnership programs?", r"partnership"),
        ),
        ("treaty", (r"treat(?:y|ies)", r"pact")),
        ("framework", (r"framework agreements?",)),
        (
            "other",
            (
                r"accords?",
                r"(?:cooperation|defen[cs]e|security|bilateral) agreements?",
                r"agreements?",
                r"initiative",
            ),
        ),
    )
    agreement_verbs: tuple[str, ...] = (
        r"sign(?:ed|s|ing)?",
        r"adopt(?:ed|s|ing)?",
        r"conclud(?:ed|es|ing)",
        r"launch(?:ed|es|ing)?",
        r"establish(?:ed|ment)?",
        r"inked",
        r"reached",
        r"agreed",
        r"endorsed",
        r"issued",
        r"since",
        r"upgraded",
        r"dating (?:back )?(?:from|to)",
        r"elevated",
    )
    deploy: tuple[str, ...] = (
        r"sent",
        r"sends?",
        r"sending",
        r"deploy(?:s|ed|ing|ment)?",
        r"dispatch(?:ed|es|ing)?",
    )

    def extend(self, **more: tuple[str, ...]) -> Cues:
        """A copy with extra words appended to the named tables."""
        changes = {name: (*getattr(self, name), *words) for name, words in more.items()}
        return attrs.evolve(self, **changes)

    @functools.cached_property
    def compiled(self) -> dict[str, re.Pattern[str]]:
        """One compiled alternation per flat table."""
        names = (
            "buy",
            "sell",
            "deal",
            "arms",
            "framework",
            "planned",
            "signed",
            "delivered",
            "not_a_deal",
            "aggregate",
            "aid",
            "agreement_verbs",
            "deploy",
        )
        return {name: _alt(getattr(self, name)) for name in names}

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


DEFAULT_CUES = Cues()
