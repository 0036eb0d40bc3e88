"""Merged records: the reports of one event grouped, and one record built from them.

Why this module exists: once the rules of :mod:`~korpol._corpus.matching` say which
reports tell of the same event (:func:`merged_records` groups them), the merged record must
say what the corpus as a whole reports — the furthest status, the best-supported figure,
the finest date, the union of systems — without losing who said what.  Conflicting figures
stay separate :class:`~korpol.Claim` objects with their sources; nothing is ever averaged.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence

import attrs

from korpol._corpus.matching import (
    agreement_features,
    aid_features,
    code_of,
    deal_features,
    deals_compatible,
    resolved,
    same_agreement,
    same_aid,
    same_deal,
    same_figure,
    same_weapons,
    stated_figures,
    system_keys,
)
from korpol._model import (
    Agreement,
    AgreementKind,
    AidKind,
    AidPackage,
    ArmsDeal,
    Document,
    Leader,
    Money,
    Party,
    TimeSpan,
)
from korpol._model.merged import (
    PRECISION_RANK,
    STATUS_ORDER,
    STATUS_RANK,
    Claim,
    Drawdown,
    MergedAgreement,
    MergedAidPackage,
    MergedArmsDeal,
    MergedRecord,
    Report,
    StatusChange,
)

__all__ = [
    "merge_leaders",
    "merged_records",
    "report_order",
]


class _Group:
    """Reports judged to tell of one event, with what :func:`_cluster` needs to test a newcomer fast."""

    __slots__ = ("doc_ids", "kinds", "members")

    def __init__(self, first: Report, kind: int) -> None:
        self.members = [first]
        self.doc_ids = {first.doc_id}
        self.kinds = {kind: first}  # one member of each distinct kind of report (see _cluster)

    def add(self, report: Report, kind: int) -> None:
        self.members.append(report)
        self.doc_ids.add(report.doc_id)
        self.kinds.setdefault(kind, report)


#: How many answers of a ``same`` rule :func:`_cluster` remembers at most (then it starts afresh).
_ANSWERS = 1 << 20


def _cluster(reports: list[Report], rule: _Rule) -> list[list[Report]]:
    """Greedy complete-linkage grouping: a report joins the first group it matches entirely.

    Three shortcuts give the same groups as comparing every report with every member of every
    group, in time linear in the number of reports of one event:

    * a report is tried only on the groups whose first member it could match
      (``rule.index`` and ``rule.probe``: reports of other parties never match);
    * within a group, the members of one *kind* (equal ``rule.features``: everything the
      ``same`` rule reads but the document id) are one test, because ``same`` cannot tell them
      apart -- save that two reports of one article never match (the group's ``doc_ids``);
    * the answer of ``same`` for two kinds is remembered.

    Reports of many different events between the same parties are still each compared with
    those events' groups.
    """
    groups: list[_Group] = []
    index: dict[Hashable, list[int]] = {}
    kinds: dict[Hashable, int] = {}
    answers: dict[tuple[int, int], bool] = {}
    for report in reports:
        kind = kinds.setdefault(rule.features(report), len(kinds))
        keys = rule.probe(report)
        tried = sorted({g for key in keys for g in index.get(key, ())}) if len(keys) > 1 else (
            index.get(keys[0], []) if keys else []
        )
        for g in tried:
            group = groups[g]
            if report.doc_id is not None and report.doc_id in group.doc_ids:
                continue  # one article's records are one per fact already
            for other, member in group.kinds.items():
                answer = answers.get((kind, other))
                if answer is None:
                    if len(answers) >= _ANSWERS:
                        answers.clear()
                    answer = answers[(kind, other)] = rule.same(report, member)
                if not answer:
                    break
            else:
                group.add(report, kind)
                break
        else:
            for key in rule.index(report):
                index.setdefault(key, []).append(len(groups))
            groups.append(_Group(report, kind))
    return [group.members for group in groups]


def report_order(report: Report, index: int) -> tuple[dt.date, dt.date, str, int]:
    """Reports in date order; reports of one day by publication, then by document id (never by
    the order documents were given in: merging must not depend on it)."""
    date = resolved(getattr(report.record, "date", None))
    day = date.start if date is not None and date.start is not None else report.published
    return (day or dt.date.max, report.published or dt.date.max, report.doc_id or "", index)


def _significant(money: Money) -> int:
    """How many significant digits a figure states: "$3.37 billion" 3, "$3.4 billion" 2."""
    digits = money.amount.normalize().as_tuple().digits
    return len(digits)


def _value_claims(reports: Sequence[Report]) -> list[tuple[Claim, list[Money], int | None]]:
    claims: list[tuple[Claim, list[Money], int | None]] = []
    for report in reports:
        record = report.record
        value = record.value
        if value is None:
            continue
        figures = stated_figures(value, getattr(record, "alt_values", ()))
        for i, (claim, known, year) in enumerate(claims):
            if any(same_figure(f, report.year, k, year) for f in figures for k in known):
                # a claim shows its most precise figure in its first currency ("$3.37 billion",
                # not "$3.4 billion"): whichever report came first
                shown = claim.value
                assert isinstance(shown, Money)
                if value.currency == shown.currency and _significant(value) > _significant(shown):
                    shown = value
                grown = attrs.evolve(claim, value=shown, sources=(*claim.sources, report.doc_id))
                claims[i] = (grown, known + figures, year)
                break
        else:
            claims.append((Claim(field="value", value=value, sources=(report.doc_id,)), figures, report.year))
    return claims


def _quantity_claims(reports: Sequence[Report]) -> list[Claim]:
    by_quantity: dict[int, list[str | None]] = {}
    for report in reports:
        quantity = getattr(report.record, "quantity", None)
        if quantity is not None:
            by_quantity.setdefault(quantity, []).append(report.doc_id)
    return [Claim(field="quantity", value=q, sources=docs) for q, docs in by_quantity.items()]


def _best_claim(claims: Sequence[Claim], preferred: set[str | None]) -> Claim | None:
    """The claim most reports at the preferred status support, then most reports overall."""
    if not claims:
        return None
    return max(
        enumerate(claims),
        key=lambda ic: (sum(1 for s in ic[1].sources if s in preferred), len(ic[1].sources), -ic[0]),
    )[1]


def _best_date(spans: Iterable[TimeSpan | None]) -> TimeSpan | None:
    """The finest resolved span (earliest among equals), else the first unresolved one."""
    known = [s for s in spans if s is not None]
    resolved = [s for s in known if s.start is not None]
    if resolved:
        return min(resolved, key=lambda s: (PRECISION_RANK.get(s.precision or "decade", 9), s.start))
    return known[0] if known else None


def _union(values: Iterable[Iterable[str]]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in values:
        for value in group:
            seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


def _first(values: Iterable[Party | None]) -> Party | None:
    return next((v for v in values if v is not None), None)


def _stating(reports: Iterable[Report], claim: Claim | None) -> Report | None:
    """The first report that states ``claim``."""
    if claim is None:
        return None
    stating = [r for r in reports if r.doc_id in claim.sources and r.record.value is not None]
    return next((r for r in stating if r.record.value == claim.value), stating[0] if stating else None)


def _start(span: TimeSpan | None) -> dt.date | None:
    return None if span is None else span.start


def _when(change: StatusChange) -> tuple[dt.date, dt.date]:
    """The days a stage can have happened: its date's span, else the day it was reported."""
    span = change.date
    if span is not None and span.start is not None and span.end is not None:
        return span.start, span.end
    day = change.published or dt.date.max
    return day, day


def _stage_order(a: StatusChange, b: StatusChange) -> int:
    """True order of two stages: by time where their dates tell (a contract signed in August
    2025 comes after a plan reported in October 2024); where they overlap (a year-precision
    framework, a day-precision contract of that year), in stage order, then by start."""
    (a_start, a_end), (b_start, b_end) = _when(a), _when(b)
    if a_end < b_start:
        return -1
    if b_end < a_start:
        return 1
    rank = STATUS_RANK[a.status] - STATUS_RANK[b.status]
    if rank:
        return rank
    return (a_start > b_start) - (a_start < b_start)


def _first_stating(reports: Iterable[Report], field: str, value: object) -> str | None:
    """The first report whose record states ``value`` for ``field``."""
    if value is None:
        return None
    return next((r.doc_id for r in reports if getattr(r.record, field, None) == value), None)


def _merge_deal(group: list[Report], key: str) -> MergedArmsDeal:
    deals = [r.record for r in group if isinstance(r.record, ArmsDeal)]
    top = max(STATUS_RANK[d.status] for d in deals)
    at_top = [r for r in group if isinstance(r.record, ArmsDeal) and STATUS_RANK[r.record.status] == top]
    preferred = {r.doc_id for r in at_top}
    value_claims = _value_claims(group)
    best = _best_claim([c for c, _, _ in value_claims], preferred)
    value_report = _stating(at_top + group, best)
    quantities = _quantity_claims(group)
    quantity = _best_claim(quantities, preferred)
    history = sorted(
        (
            StatusChange(status=d.status, date=d.date, doc_id=r.doc_id, published=r.published)
            for r, d in zip(group, deals, strict=True)
        ),
        key=functools.cmp_to_key(_stage_order),
    )
    rep = value_report.record if value_report is not None else at_top[0].record
    assert isinstance(rep, ArmsDeal)
    date = _best_date(r.record.date for r in at_top) or _best_date(d.date for d in deals)
    chosen = None if quantity is None else quantity.value
    stated_by = (
        ("status", at_top[0].doc_id),
        ("value", None if value_report is None else value_report.doc_id),
        ("quantity", _first_stating(at_top + group, "quantity", chosen)),
        ("date", _first_stating(at_top + group, "date", date)),
    )
    return MergedArmsDeal(
        supplier=_first(d.supplier for d in deals),
        recipient=_first(d.recipient for d in deals),
        status=STATUS_ORDER[top],
        value=rep.value,
        alt_values=rep.alt_values,
        date=date,
        systems=_union(d.systems for d in deals),
        quantity=None if quantity is None else quantity.value,  # type: ignore[arg-type]  # quantity claims hold ints
        contractors=_union(d.contractors for d in deals),
        evidence=tuple(ev for d in deals for ev in d.evidence),
        id=key,
        reports=group,
        claims=[c for c, _, _ in value_claims] + quantities,
        status_history=history,
        stated_by=tuple((field, doc) for field, doc in stated_by if doc is not None),
    )


def _most_common(values: Iterable[str], avoid: str) -> str:
    counts = collections.Counter(values)
    ranked = sorted(counts, key=lambda v: (v == avoid, -counts[v]))
    return ranked[0]


def _merge_aid(group: list[Report], key: str) -> MergedAidPackage:
    packages = [r.record for r in group if isinstance(r.record, AidPackage)]
    value_claims = [c for c, _, _ in _value_claims(group)]
    best = _best_claim(value_claims, set())
    stating = _stating(group, best)
    rep = None if stating is None else stating.record
    kind: AidKind = _most_common((p.kind for p in packages), "mixed")  # type: ignore[assignment]
    return MergedAidPackage(
        donor=_first(p.donor for p in packages),
        recipient=_first(p.recipient for p in packages),
        kind=kind,
        value=None if rep is None else rep.value,
        date=_best_date(p.date for p in packages),
        items=_union(p.items for p in packages),
        evidence=tuple(ev for p in packages for ev in p.evidence),
        id=key,
        reports=group,
        claims=value_claims,
    )


def _merge_agreement(group: list[Report], key: str) -> MergedAgreement:
    items = [r.record for r in group if isinstance(r.record, Agreement)]
    value_claims = [c for c, _, _ in _value_claims(group)]
    best = _best_claim(value_claims, set())
    stating = _stating(group, best)
    rep = None if stating is None else stating.record
    kind: AgreementKind = _most_common((a.kind for a in items), "other")  # type: ignore[assignment]
    return MergedAgreement(
        parties=items[0].parties,
        kind=kind,
        date=_best_date(a.date for a in items),
        until=_best_date(a.until for a in items),
        signatories=_union(a.signatories for a in items),
        topics=_union(a.topics for a in items),
        value=None if rep is None else rep.value,
        evidence=tuple(ev for a in items for ev in a.evidence),
        id=key,
        reports=group,
        claims=value_claims,
    )


class _Term:
    """One person's term in one office as the mentions tell it: the first mention, the term
    they state, the later mentions (joined once, at the end: linear in the mentions)."""

    __slots__ = ("end", "first", "more", "start")

    def __init__(self, first: Leader) -> None:
        self.first = first
        self.start, self.end = first.term_start, first.term_end
        self.more: list[Leader] = []

    def fits(self, leader: Leader) -> bool:
        """Whether ``leader`` can be a mention of this term (a second term is another)."""
        start = self.start if leader.term_start is None else leader.term_start
        end = self.end if leader.term_end is None else leader.term_end
        if (self.start is not None and start != self.start) or (self.end is not None and end != self.end):
            return False
        return start is None or end is None or start <= end

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def add(self, leader: Leader) -> None:
        self.more.append(leader)
        self.start = self.start or leader.term_start
        self.end = self.end or leader.term_end

    def leader(self) -> Leader:
        if not self.more:
            return self.first
        aliases = list(self.first.aliases)
        for leader in self.more:
            if leader.name != self.first.name:
                aliases.append(leader.name)
            aliases.extend(leader.aliases)
        return attrs.evolve(
            self.first,
            aliases=_union([aliases]),
            term_start=self.start,
            term_end=self.end,
            evidence=tuple(ev for leader in (self.first, *self.more) for ev in leader.evidence),
        )


def merge_leaders(pairs: Iterable[tuple[Leader, Document]]) -> list[Leader]:
    """One Leader per (name, role, country) and term, with every mention's evidence.

    Two terms in one office (2017-2021 and from 2025) stay two records; a mention that
    gives no term joins the term its article was published in, else the first it fits.
    """
    terms: dict[tuple[str, str, str | None], list[_Term]] = {}
    order: list[_Term] = []
    for leader, doc in pairs:
        # "Yoon Suk Yeol" and "Yoon Suk-yeol" are one person: compare letters only
        name = unicodedata.normalize("NFKD", leader.name.casefold())
        key = ("".join(c for c in name if c.isalnum()), leader.role, code_of(leader.country))
        known = terms.setdefault(key, [])
        fits = [t for t in known if t.fits(leader)]
        # an untimed mention belongs to the term its article was written in, if one
        current = [t for t in fits if t.covers(doc.published)]
        chosen = current or fits
        if chosen:
            chosen[0].add(leader)
        else:
            term = _Term(leader)
            known.append(term)
            order.append(term)
    return [term.leader() for term in order]


@attrs.frozen
class _Rule:
    """How one record type is merged across articles.

    ``same`` says when two reports are the same event (:mod:`~korpol._corpus.matching`);
    ``features`` is everything ``same`` reads of a report but its document id; ``index``
    gives the keys a group is found by (from its first report), ``probe`` the keys to look
    up for a report: every group whose first report ``same`` could accept (a superset);
    ``build`` makes the merged record; ``prefix`` starts its id.
    """

    same: Callable[[Report, Report], bool]
    features: Callable[[Report], Hashable]
    index: Callable[[Report], list[Hashable]]
    probe: Callable[[Report], list[Hashable]]
    build: Callable[[list[Report], str], MergedRecord]
    prefix: str


def _sides(report: Report) -> tuple[str | None, str | None]:
    record = report.record
    if isinstance(record, ArmsDeal):
        return code_of(record.supplier), code_of(record.recipient)
    assert isinstance(record, AidPackage)
    return code_of(record.donor), code_of(record.recipient)


def _index_sides(report: Report) -> list[Hashable]:
    a, b = _sides(report)
    return [("pair", a, b), ("first", a), ("second", b)]


def _probe_sides(report: Report) -> list[Hashable]:
    """Groups whose first report has the same known side(s): the roles must agree where both
    are known, and at least one must be known on both (``_roles_match`` of the matching rules)."""
    a, b = _sides(report)
    if a is not None and b is not None:
        return [("pair", a, b), ("pair", a, None), ("pair", None, b)]
    if a is not None:
        return [("first", a)]
    return [] if b is None else [("second", b)]


def _parties(report: Report) -> list[Hashable]:
    record = report.record
    assert isinstance(record, Agreement)
    parties = frozenset(p.code for p in record.parties)
    return [parties] if parties else []  # the same parties, and some: same_agreement


#: The record types merged across articles, and how (see :class:`_Rule`).
_RULES: dict[str, _Rule] = {
    "arms_deals": _Rule(same_deal, deal_features, _index_sides, _probe_sides, _merge_deal, "deal"),
    "aid_packages": _Rule(same_aid, aid_features, _index_sides, _probe_sides, _merge_aid, "aid"),
    "agreements": _Rule(
        same_agreement, agreement_features, _parties, _parties, _merge_agreement, "agreement"
    ),
}


def _passing(report: Report) -> bool:
    """A report of a deal that states neither its figure nor its count."""
    return getattr(report.record, "value", None) is None and getattr(report.record, "quantity", None) is None


def _attach_vague(groups: list[list[Report]]) -> list[list[Report]]:
    """Groups that state less join the one better-stated group they fit, if there is one.

    A group that prices its deal is *priced*; one that only counts its weapons is *counted*;
    one that does neither is *passing*.  A counted group joins the one priced group it fits;
    a passing group the one priced or counted group it fits.  "The first K2 contract"
    recalled in a 2025 article is the 2022 contract when that is the only K2 contract it can
    be; "the first order under the July framework" names the framework of July.  When a
    group could join two, it stays apart: joining the wrong one would move its evidence to
    another contract.
    """

    def rank(group: list[Report]) -> int:
        if any(getattr(r.record, "value", None) is not None for r in group):
            return 2
        return 0 if all(_passing(r) for r in group) else 1

    position = {id(r): i for i, g in enumerate(groups) for r in g}
    out = [g for g in groups if rank(g) == 2]
    # counted groups go first: the passing mentions of one article must not take the place
    # its counted report fits
    for level in (1, 0):
        targets = _Targets(out)
        for group in (g for g in groups if rank(g) == level):
            fits = targets.fitting(group)
            if len(fits) == 1:
                fits[0].extend(group)
            else:
                out.append(group)
    for group in out:
        group.sort(key=lambda r: position[id(r)])
    return sorted(out, key=lambda g: position[id(g[0])])


class _Targets:
    """The groups a less stated group may join, found by its parties; each group's reports of
    one kind (equal :func:`~korpol._corpus.matching.deal_features`) tested once."""

    def __init__(self, groups: list[list[Report]]) -> None:
        self.groups = groups
        self.index: dict[Hashable, list[int]] = {}
        for i, group in enumerate(groups):
            for key in {k for r in group for k in _index_sides(r)}:
                self.index.setdefault(key, []).append(i)

    def fitting(self, group: list[Report]) -> list[list[Report]]:
        tried = sorted({i for r in group for key in _probe_sides(r) for i in self.index.get(key, ())})
        docs = {r.doc_id for r in group if r.doc_id is not None}
        mine = _kinds(group)
        fits = []
        for i in tried:
            target = self.groups[i]
            if docs & {r.doc_id for r in target}:
                continue  # one article's records are one per fact already
            theirs = _kinds(target)
            if all(deals_compatible(r, m) for r in mine for m in theirs) and any(
                same_weapons(r, m) for r in mine for m in theirs
            ):
                fits.append(target)
        return fits


def _kinds(group: list[Report]) -> list[Report]:
    """One report of each kind in ``group`` (reports of one kind are alike to every rule)."""
    return list({deal_features(r): r for r in reversed(group)}.values())


def merged_records(field: str, reports: list[Report]) -> list[MergedRecord]:
    """The merged records of one record type (``"arms_deals"``, ...), in the reports' order.

    ``reports`` come in :func:`report_order`; each merged record's id is numbered in
    that order (``deal-1``, ``deal-2``).
    """
    rule = _RULES[field]
    if field == "arms_deals":
        # reports that state a figure or a count form the groups first; a passing mention
        # ("a second K2 contract, expected last year") then joins the one it fits
        position = {id(r): i for i, r in enumerate(reports)}
        informed = [r for r in reports if not _passing(r)]
        groups = _cluster(informed + [r for r in reports if _passing(r)], rule)
        for group in groups:
            group.sort(key=lambda r: position[id(r)])
        groups = _attach_vague(sorted(groups, key=lambda g: position[id(g[0])]))
    else:
        groups = _cluster(reports, rule)
    merged = [rule.build(group, f"{rule.prefix}-{i}") for i, group in enumerate(groups, 1)]
    if field == "arms_deals":
        linked: list[MergedRecord] = [*link_frameworks([m for m in merged if isinstance(m, MergedArmsDeal)])]
        return linked
    return merged


def _under(contract: MergedArmsDeal, framework: MergedArmsDeal) -> bool:
    """Whether ``contract`` can fall under ``framework``: same parties, weapons of one of its
    families, signed no earlier than the framework, no more than it covers."""
    if (code_of(contract.supplier), code_of(contract.recipient)) != (
        code_of(framework.supplier),
        code_of(framework.recipient),
    ) or contract.supplier is None:
        return False
    if not (system_keys(contract.systems)[0] & system_keys(framework.systems)[0]):
        return False
    if (
        framework.quantity is not None
        and contract.quantity is not None
        and contract.quantity > framework.quantity
    ):
        return False
    early, late = resolved(framework.date), resolved(contract.date)
    return (
        early is None
        or late is None
        or (early.start is not None and late.end is not None and early.start <= late.end)
    )


def link_frameworks(deals: list[MergedArmsDeal]) -> list[MergedArmsDeal]:
    """Each contract names the framework agreement it falls under; each framework its draw-down.

    A contract (planned, signed or delivered) falls under a framework when exactly one
    framework fits it (:func:`_under`); when two could, it names neither (a wrong link
    would move its quantity to another programme).  A framework's draw-down adds the
    quantities of the signed and delivered contracts under it.
    """
    frameworks = [d for d in deals if d.status == "framework"]
    if not frameworks:
        return deals
    links: dict[str | None, str | None] = {}
    for deal in deals:
        if deal.status == "framework":
            continue
        fits = [f for f in frameworks if _under(deal, f)]
        if len(fits) == 1:
            links[deal.id] = fits[0].id
    out = []
    for deal in deals:
        if deal.status != "framework":
            out.append(attrs.evolve(deal, framework=links.get(deal.id)))
            continue
        under = [d for d in deals if links.get(d.id) == deal.id and d.status in ("signed", "delivered")]
        contracted = sum(d.quantity or 0 for d in under)
        uncounted = tuple(d.id for d in under if d.quantity is None)
        remaining = None
        if deal.quantity is not None and not uncounted and contracted <= deal.quantity:
            remaining = deal.quantity - contracted
        drawdown = Drawdown(
            covered=deal.quantity,
            contracted=contracted,
            remaining=remaining,
            contracts=tuple(d.id for d in under),
            uncounted=uncounted,
        )
        out.append(attrs.evolve(deal, drawdown=drawdown))
    return out
