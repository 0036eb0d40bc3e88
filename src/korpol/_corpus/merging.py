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
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence

import attrs

from korpol._corpus.matching import (
    agreement_features,
    aid_features,
    code_of,
    deal_features,
    resolved,
    same_agreement,
    same_aid,
    same_deal,
    same_figure,
    stated_figures,
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


def report_order(report: Report, index: int) -> tuple[dt.date, int]:
    date = resolved(getattr(report.record, "date", None))
    day = date.start if date is not None and date.start is not None else report.published
    return (day or dt.date.max, index)


def _value_claims(reports: Sequence[Report]) -> list[tuple[Claim, list[Money], int | None]]:
    # one claim per figure: [its first value, its sources, the distinct figures it covers, its year]
    claims: list[tuple[Money, list[str | None], dict[Money, None], int | None]] = []
    for report in reports:
        record = report.record
        value = record.value
        if value is None:
            continue
        figures = stated_figures(value, getattr(record, "alt_values", ()))
        for _first, sources, known, year in claims:
            if any(same_figure(f, report.year, k, year) for f in figures for k in known):
                sources.append(report.doc_id)
                known.update(dict.fromkeys(figures))
                break
        else:
            claims.append((value, [report.doc_id], dict.fromkeys(figures), report.year))
    return [
        (Claim(field="value", value=first, sources=tuple(sources)), list(known), year)
        for first, sources, known, year in claims
    ]


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
    sources = set(claim.sources)
    return next((r for r in reports if r.doc_id in sources and r.record.value is not None), None)


def _start(span: TimeSpan | None) -> dt.date | None:
    return None if span is None else span.start


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
        key=lambda c: (_start(c.date) or c.published or dt.date.max, STATUS_RANK[c.status]),
    )
    rep = value_report.record if value_report is not None else at_top[0].record
    assert isinstance(rep, ArmsDeal)
    return MergedArmsDeal(
        supplier=_first(d.supplier for d in deals),
        recipient=_first(d.recipient for d in deals),
        status=STATUS_ORDER[top],
        value=rep.value,
        alt_values=rep.alt_values,
        date=_best_date(r.record.date for r in at_top) or _best_date(d.date for d in deals),
        systems=_union(d.systems for d in deals),
        quantity=None if quantity is None else quantity.value,  # type: ignore[arg-type]  # quantity claims hold ints
        contractors=_union(d.contractors for d in deals),
        evidence=tuple(ev for d in deals for ev in d.evidence),
        id=key,
        reports=group,
        claims=[c for c, _, _ in value_claims] + quantities,
        status_history=history,
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


def merge_leaders(pairs: Iterable[tuple[Leader, Document]]) -> list[Leader]:
    """One Leader per (name, role, country), with every mention's evidence."""
    # per person and office: the first Leader, then what later mentions add (joined once, at the end)
    merged: dict[tuple[str, str, str | None], tuple[Leader, list[Leader]]] = {}
    for leader, _doc in pairs:
        # "Yoon Suk Yeol" and "Yoon Suk-yeol" are one person: compare letters only
        name = unicodedata.normalize("NFKD", leader.name.casefold())
        key = ("".join(c for c in name if c.isalnum()), leader.role, code_of(leader.country))
        if key in merged:
            merged[key][1].append(leader)
        else:
            merged[key] = (leader, [])
    return [first if not more else _joined_leader(first, more) for first, more in merged.values()]


def _joined_leader(first: Leader, more: list[Leader]) -> Leader:
    """``first`` with the other spellings, the term and the evidence of ``more``."""
    aliases = list(first.aliases)
    term_start, term_end = first.term_start, first.term_end
    for leader in more:
        if leader.name != first.name:
            aliases.append(leader.name)
        aliases.extend(leader.aliases)
        term_start = term_start or leader.term_start
        term_end = term_end or leader.term_end
    return attrs.evolve(
        first,
        aliases=_union([aliases]),
        term_start=term_start,
        term_end=term_end,
        evidence=tuple(ev for leader in (first, *more) for ev in leader.evidence),
    )


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


def merged_records(field: str, reports: list[Report]) -> list[MergedRecord]:
    """The merged records of one record type (``"arms_deals"``, ...), in the reports' order.

    ``reports`` come in :func:`report_order`; each merged record's id is numbered in
    that order (``deal-1``, ``deal-2``).
    """
    rule = _RULES[field]
    return [rule.build(group, f"{rule.prefix}-{i}") for i, group in enumerate(_cluster(reports, rule), 1)]
