"""Reference data: integrity of every data file, and the lookups users rely on."""

from __future__ import annotations

import datetime as dt
import itertools
from importlib import resources
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol import Country, InputTypeError, Leader, Organization, UnknownEntityError, _tables
from korpol._refdata import (
    FINDER_PREVIOUS,
    FINDER_SKIP,
    FORM_KINDS,
    agencies,
    companies,
    countries,
    country_capitals,
    country_demonyms,
    finder_titles,
    get_company,
    get_country,
    get_organization,
    get_party,
    get_role_title,
    get_weapon_system,
    lookup_company,
    lookup_country,
    lookup_organization,
    lookup_party,
    lookup_weapon_system,
    non_place_forms,
    office_holders,
    offices,
    offices_of,
    organization_members,
    organizations,
    place_forms,
    portfolios,
    role_titles,
    system_categories,
    weapon_systems,
)
from korpol._tables import Table, read_table

DATA_FILES = sorted(
    p.name for p in resources.files("korpol").joinpath("data").iterdir() if p.name.endswith(".tsv")
)
MY_FILES = (
    "countries.tsv",
    "organizations.tsv",
    "offices.tsv",
    "companies.tsv",
    "systems.tsv",
    "system_categories.tsv",
    "ambiguous.tsv",
    "not_places.tsv",
    "roles.tsv",
    "portfolios.tsv",
    "agencies.tsv",
)


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


# ---------------------------------------------------------------- every data file


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_is_headed_by_source_and_fields(name: str) -> None:
    text = resources.files("korpol").joinpath("data", name).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#")).lower()
    assert "source" in header
    assert "field" in header


@pytest.mark.parametrize("name", MY_FILES)
def test_data_rows_have_the_header_width(name: str) -> None:
    text = resources.files("korpol").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    width = len(lines[0].split("\t"))
    bad = [line for line in lines[1:] if len(line.split("\t")) != width]
    assert bad == []


@pytest.mark.parametrize("name", MY_FILES)
def test_data_cells_have_no_stray_whitespace(name: str) -> None:
    bad = [
        (row, col)
        for row in read_table(name)
        for col, cell in row.items()
        if col != "note"
        for item in cell.split(";")
        if item != item.strip() or "  " in item
    ]
    assert bad == []


# ---------------------------------------------------------------- countries and organisations


def test_country_codes_and_alpha3_are_unique() -> None:
    rows = read_table("countries.tsv")
    assert len({r["code"] for r in rows}) == len(rows)
    assert len({r["alpha3"] for r in rows}) == len(rows)


def test_organization_codes_are_unique_and_never_country_codes() -> None:
    codes = [o.code for o in organizations()]
    assert len(set(codes)) == len(codes)
    assert set(codes) & {c.code for c in countries()} == set()


def test_organization_members_are_countries() -> None:
    known = {c.code for c in countries()}
    bad = {o.code: set(organization_members(o.code)) - known for o in organizations()}
    assert {k: v for k, v in bad.items() if v} == {}


def test_nato_and_eu_membership() -> None:
    assert len(organization_members("NATO")) == 32
    assert len(organization_members("EU")) == 27
    assert {"PL", "FI", "SE", "TR"} <= set(organization_members("NATO"))
    assert "KR" not in organization_members("NATO")


# ---------------------------------------------------------------- the gazetteer


def _declared() -> dict[str, tuple[str, ...]]:
    return {r["text"]: tuple(r["codes"].split(";")) for r in read_table("ambiguous.tsv")}


def test_forms_shared_by_two_parties_are_declared_ambiguous() -> None:
    declared = _declared()
    shared = [f.text for f in place_forms() if len(f.codes) > 1 and f.text not in declared]
    assert shared == []


def test_names_that_collide_case_insensitively_are_declared() -> None:
    # get_country() is case-insensitive: "Korea" and "KOREA" must mean the same declared thing.
    owners: dict[str, set[str]] = {}
    for party in (*countries(), *organizations()):
        for name in (party.name, *party.aliases):
            owners.setdefault(_key(name), set()).add(party.code)
    declared = {_key(t) for t in _declared()}
    assert [k for k, v in owners.items() if len(v) > 1 and k not in declared] == []


def test_declared_ambiguous_codes_are_parties() -> None:
    for text, codes in _declared().items():
        for code in codes:
            assert get_party(code) is not None, (text, code)


def test_place_forms_are_unique_and_well_formed() -> None:
    forms = place_forms()
    texts = [f.text for f in forms]
    assert len(set(texts)) == len(texts)
    for f in forms:
        assert f.text, f
        assert f.text == f.text.strip(), f
        assert f.codes, f
        assert all(get_party(c) is not None for c in f.codes), f
        assert f.form in FORM_KINDS


def test_not_places_each_contain_a_place_form() -> None:
    texts = {f.text for f in place_forms()}
    for row in read_table("not_places.tsv"):
        assert row["contains"] in row["text"]
        assert row["contains"] in texts, row


class FormExample(NamedTuple):
    text: str
    codes: tuple[str, ...]
    form: str
    ambiguous: bool
    case_sensitive: bool


FORM_EXAMPLES = [
    # names and short forms
    FormExample("South Korea", ("KR",), "name", False, False),
    FormExample("Korea", ("KR", "KP"), "alias", True, False),
    FormExample("ROK", ("KR",), "alias", False, True),
    FormExample("DPRK", ("KP",), "alias", False, True),
    FormExample("N. Korea", ("KP",), "alias", False, False),
    FormExample("US", ("US",), "code", False, True),
    FormExample("U.S.", ("US",), "code", False, True),
    FormExample("Britain", ("GB",), "alias", False, False),
    FormExample("UK", ("GB",), "alias", False, True),
    FormExample("Czechia", ("CZ",), "alias", False, False),
    FormExample("Turkey", ("TR",), "name", True, True),
    FormExample("Türkiye", ("TR",), "alias", False, False),
    # demonyms
    FormExample("Polish", ("PL",), "demonym", False, False),
    FormExample("Korean", ("KR", "KP"), "demonym", True, False),
    FormExample("North Korean", ("KP",), "demonym", False, False),
    FormExample("Ukrainian", ("UA",), "demonym", False, False),
    # capitals and metonyms
    FormExample("Seoul", ("KR",), "capital", False, False),
    FormExample("Kiev", ("UA",), "capital", False, False),
    FormExample("Pyongyang", ("KP",), "capital", False, False),
    FormExample("the Kremlin", ("RU",), "metonym", False, False),
    FormExample("Downing Street", ("GB",), "metonym", False, False),
    FormExample("Washington", ("US",), "capital", True, True),
    FormExample("Brussels", ("EU", "NATO", "BE"), "capital", True, False),
    # organisations
    FormExample("NATO", ("NATO",), "code", False, True),
    FormExample("European Union", ("EU",), "name", False, False),
    FormExample("UN Security Council", ("UNSC",), "name", False, False),
    # context-only forms
    FormExample("the North", ("KP",), "alias", True, True),
    FormExample("Congo", ("CD", "CG"), "alias", True, False),
]


@pytest.mark.parametrize("ex", FORM_EXAMPLES, ids=[e.text for e in FORM_EXAMPLES])
def test_place_form(ex: FormExample) -> None:
    form = next(f for f in place_forms() if f.text == ex.text)
    assert (form.codes, form.form, form.ambiguous, form.case_sensitive) == ex[1:]


def test_brussels_is_not_a_country_name() -> None:
    assert get_country("Brussels") is None


def test_demonyms_and_capitals_cover_the_states_news_follows() -> None:
    g20_europe_asia = "AR AU BR CA CN DE FR GB ID IN IT JP KR MX RU SA TR US ZA PL UA KP NO FI EE RO EG IL IR"
    for code in g20_europe_asia.split():
        assert country_demonyms(code), code
        assert country_capitals(code), code
    for code in organization_members("NATO") + organization_members("EU"):
        assert country_demonyms(code), code


# ---------------------------------------------------------------- country / organisation lookups


class Lookup(NamedTuple):
    value: str
    code: str


COUNTRY_LOOKUPS = [
    Lookup("KR", "KR"),
    Lookup("kr", "KR"),
    Lookup("KOR", "KR"),
    Lookup("South Korea", "KR"),
    Lookup("south korea", "KR"),
    Lookup("Korea", "KR"),
    Lookup("Republic of Korea", "KR"),
    Lookup("North Korea", "KP"),
    Lookup("DPRK", "KP"),
    Lookup("Poland", "PL"),
    Lookup("United States", "US"),
    Lookup("U.S.", "US"),
    Lookup("America", "US"),
    Lookup("Britain", "GB"),
    Lookup("Czech Republic", "CZ"),
    Lookup("Czechia", "CZ"),
    Lookup("Russia", "RU"),
    Lookup("Russian Federation", "RU"),
    Lookup("Turkey", "TR"),
    Lookup("Türkiye", "TR"),
    Lookup("Kosovo", "XK"),
    Lookup("  Japan ", "JP"),
]


@pytest.mark.parametrize("ex", COUNTRY_LOOKUPS, ids=[e.value for e in COUNTRY_LOOKUPS])
def test_lookup_country(ex: Lookup) -> None:
    assert lookup_country(ex.value).code == ex.code
    assert get_country(ex.value) == lookup_country(ex.value)


def test_country_records_are_model_countries() -> None:
    kr = lookup_country("KR")
    assert isinstance(kr, Country)
    assert kr.name == "South Korea"
    assert lookup_country("RU").name == "Russia"


def test_get_country_returns_none_for_unknown() -> None:
    assert get_country("Atlantis") is None
    assert get_country("") is None


def test_lookup_country_raises_with_suggestions() -> None:
    with pytest.raises(UnknownEntityError) as info:
        lookup_country("Polnad")
    assert info.value.value == "Polnad"
    assert info.value.suggestions[0] == "Poland"
    assert isinstance(info.value, LookupError)


def test_lookup_country_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        lookup_country(42)  # type: ignore[arg-type]


ORG_LOOKUPS = [
    Lookup("NATO", "NATO"),
    Lookup("nato", "NATO"),
    Lookup("North Atlantic Treaty Organization", "NATO"),
    Lookup("EU", "EU"),
    Lookup("European Union", "EU"),
    Lookup("U.N.", "UN"),
    Lookup("UN Security Council", "UNSC"),
    Lookup("G7", "G7"),
    Lookup("Group of Seven", "G7"),
    Lookup("World Bank", "WORLDBANK"),
    Lookup("IP4", "IP4"),
    Lookup("Indo-Pacific Four", "IP4"),
    Lookup("African Union", "AFRICANUNION"),
]


@pytest.mark.parametrize("ex", ORG_LOOKUPS, ids=[e.value for e in ORG_LOOKUPS])
def test_lookup_organization(ex: Lookup) -> None:
    org = lookup_organization(ex.value)
    assert isinstance(org, Organization)
    assert org.code == ex.code


def test_lookup_organization_unknown() -> None:
    assert get_organization("League of Nations") is None
    with pytest.raises(UnknownEntityError, match="NATO"):
        lookup_organization("NATOO")


PARTY_LOOKUPS = [
    Lookup("PL", "PL"),
    Lookup("AU", "AU"),  # a country code beats an organisation's abbreviation
    Lookup("NATO", "NATO"),
    Lookup("Poland", "PL"),
    Lookup("European Union", "EU"),
    Lookup("ASEAN", "ASEAN"),
]


@pytest.mark.parametrize("ex", PARTY_LOOKUPS, ids=[e.value for e in PARTY_LOOKUPS])
def test_lookup_party(ex: Lookup) -> None:
    assert lookup_party(ex.value).code == ex.code


def test_lookup_party_unknown() -> None:
    with pytest.raises(UnknownEntityError):
        lookup_party("Mordor")


def test_model_accepts_party_strings() -> None:
    leader = Leader(name="Andrzej Duda", role="president", country="Poland")
    assert leader.country == lookup_country("PL")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_get_never_raises_on_any_string(value: str) -> None:
    found = get_party(value)
    assert found is None or isinstance(found, Country | Organization)
    if found is None:
        with pytest.raises(UnknownEntityError):
            lookup_party(value)


# ---------------------------------------------------------------- offices


def test_every_office_party_exists_and_terms_are_ordered() -> None:
    for o in offices():
        assert get_party(o.party_code) is not None, o
        assert o.term_start is not None, o
        assert o.term_end is None or o.term_start <= o.term_end, o
        assert o.role == o.role.lower(), o
        assert o.function == o.function.lower(), o
        assert "defence" not in o.role, o  # US spelling
        assert o.surname in o.name, o


def test_terms_of_one_office_do_not_overlap() -> None:
    by_office: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = {}
    for o in offices():
        assert o.term_start is not None
        end = o.term_end or dt.date.max
        by_office.setdefault((o.role, o.function, o.party_code), []).append((o.term_start, end))
    for office, terms in by_office.items():
        terms.sort()
        for (_, prev_end), (start, _) in itertools.pairwise(terms):
            # a hand-over happens on one day: the outgoing and incoming holder share it at most
            assert start >= prev_end, office


def test_aliases_name_one_person() -> None:
    owner: dict[str, str] = {}
    for o in offices():
        for name in (o.name, *o.aliases):
            assert owner.setdefault(_key(name), o.name) == o.name, name


class Holder(NamedTuple):
    role: str
    party: str
    on: dt.date
    names: list[str]


HOLDERS = [
    Holder("president", "PL", dt.date(2024, 10, 24), ["Andrzej Duda"]),
    Holder("president", "Poland", dt.date(2025, 9, 1), ["Karol Nawrocki"]),
    Holder("foreign minister", "PL", dt.date(2025, 3, 5), ["Radosław Sikorski"]),
    Holder("foreign minister", "PL", dt.date(2020, 1, 1), ["Jacek Czaputowicz"]),
    Holder("defense minister", "PL", dt.date(2022, 7, 27), ["Mariusz Błaszczak"]),
    Holder("defense minister", "PL", dt.date(2024, 6, 1), ["Władysław Kosiniak-Kamysz"]),
    Holder("prime minister", "PL", dt.date(2022, 7, 27), ["Mateusz Morawiecki"]),
    Holder("president", "KR", dt.date(2023, 4, 26), ["Yoon Suk Yeol"]),
    Holder("president", "KR", dt.date(2025, 7, 1), ["Lee Jae-myung"]),
    Holder("president", "KR", dt.date(2025, 5, 1), []),  # between Yoon's removal and Lee's inauguration
    Holder("foreign minister", "KR", dt.date(2024, 5, 1), ["Cho Tae-yul"]),
    Holder("defense minister", "KR", dt.date(2024, 1, 1), ["Shin Won-sik"]),
    Holder("leader", "KP", dt.date(2024, 6, 19), ["Kim Jong Un"]),
    Holder("president", "UA", dt.date(2023, 1, 1), ["Volodymyr Zelensky"]),
    Holder("president", "US", dt.date(2022, 12, 1), ["Joe Biden"]),
    Holder("president", "US", dt.date(2025, 3, 1), ["Donald Trump"]),
    Holder("foreign minister", "US", dt.date(2024, 6, 1), ["Antony Blinken"]),  # via function
    Holder("secretary of state", "US", dt.date(2024, 6, 1), ["Antony Blinken"]),
    Holder("defense minister", "US", dt.date(2023, 1, 1), ["Lloyd Austin"]),
    Holder("prime minister", "JP", dt.date(2023, 5, 21), ["Fumio Kishida"]),
    Holder("head of government", "DE", dt.date(2023, 1, 1), ["Olaf Scholz"]),
    Holder("chancellor", "DE", dt.date(2020, 1, 1), ["Angela Merkel"]),
    Holder("secretary general", "NATO", dt.date(2023, 7, 11), ["Jens Stoltenberg"]),
    Holder("secretary general", "NATO", dt.date(2025, 6, 24), ["Mark Rutte"]),
    Holder("secretary general", "UN", dt.date(2015, 1, 1), ["Ban Ki-moon"]),
    Holder("president of the european commission", "EU", dt.date(2022, 1, 1), ["Ursula von der Leyen"]),
    Holder("high representative", "EU", dt.date(2025, 1, 1), ["Kaja Kallas"]),
    # a hand-over day belongs to both holders
    Holder("secretary general", "NATO", dt.date(2014, 9, 30), ["Anders Fogh Rasmussen"]),
    Holder("president", "US", dt.date(2021, 1, 20), ["Donald Trump", "Joe Biden"]),
]


@pytest.mark.parametrize("ex", HOLDERS, ids=[f"{e.party}-{e.role}-{e.on}" for e in HOLDERS])
def test_office_holders(ex: Holder) -> None:
    assert sorted(o.name for o in office_holders(ex.role, ex.party, on=ex.on)) == sorted(ex.names)


def test_office_holders_without_a_date_are_chronological() -> None:
    names = [o.name for o in office_holders("president", "KR")]
    assert names[:4] == ["Park Geun-hye", "Moon Jae-in", "Yoon Suk Yeol", "Lee Jae-myung"]


class Person(NamedTuple):
    text: str
    name: str
    surname: str


PEOPLE = [
    Person("Yoon Suk-yeol", "Yoon Suk Yeol", "Yoon"),
    Person("Yoon Seok-youl", "Yoon Suk Yeol", "Yoon"),
    Person("yoon suk yeol", "Yoon Suk Yeol", "Yoon"),
    Person("Radek Sikorski", "Radosław Sikorski", "Sikorski"),
    Person("Radoslaw Sikorski", "Radosław Sikorski", "Sikorski"),
    Person("Mariusz Blaszczak", "Mariusz Błaszczak", "Błaszczak"),
    Person("Wladyslaw Kosiniak-Kamysz", "Władysław Kosiniak-Kamysz", "Kosiniak-Kamysz"),
    Person("Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelensky"),
    Person("Zelenskiy", "Volodymyr Zelensky", "Zelensky"),
    Person("KISHIDA Fumio", "Fumio Kishida", "Kishida"),
    Person("Kishida Fumio", "Fumio Kishida", "Kishida"),
    Person("Lee Jae Myung", "Lee Jae-myung", "Lee"),
    Person("Kim Jong-un", "Kim Jong Un", "Kim"),
    Person("Cho Tae-yul", "Cho Tae-yul", "Cho"),
    Person("Ursula von der Leyen", "Ursula von der Leyen", "von der Leyen"),
    Person("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Erdoğan"),
]


@pytest.mark.parametrize("ex", PEOPLE, ids=[e.text for e in PEOPLE])
def test_offices_of_name_variants(ex: Person) -> None:
    terms = offices_of(ex.text)
    assert terms
    assert {(o.name, o.surname) for o in terms} == {(ex.name, ex.surname)}


def test_offices_of_lists_every_term_oldest_first() -> None:
    terms = offices_of("Donald Tusk")
    assert [(o.role, o.party_code) for o in terms] == [
        ("prime minister", "PL"),
        ("president of the european council", "EU"),
        ("prime minister", "PL"),
    ]


def test_office_to_leader() -> None:
    term = office_holders("foreign minister", "PL", on=dt.date(2025, 3, 5))[0]
    leader = term.to_leader()
    assert isinstance(leader, Leader)
    assert (leader.name, leader.role, leader.term_end) == ("Radosław Sikorski", "foreign minister", None)
    assert leader.country == lookup_country("PL")
    assert "Radek Sikorski" in leader.aliases
    nato = office_holders("secretary general", "NATO", on=dt.date(2020, 1, 1))[0].to_leader()
    assert isinstance(nato.country, Organization)


def test_office_holders_unknown_party_raises() -> None:
    with pytest.raises(UnknownEntityError):
        office_holders("president", "Narnia")


# ---------------------------------------------------------------- companies and systems


def test_company_countries_exist_and_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for c in companies():
        assert get_country(c.country_code) is not None, c
        for name in (c.name, *c.aliases):
            assert seen.setdefault(_key(name), c.name) == c.name, name


def test_systems_are_consistent() -> None:
    designations = {s.designation for s in weapon_systems()}
    company_names = {c.name for c in companies()}
    categories = {c.category for c in system_categories()}
    seen: dict[str, str] = {}
    for s in weapon_systems():
        assert s.maker == "" or s.maker in company_names, s
        assert s.family == "" or s.family in designations, s
        assert s.category in categories, s
        assert s.country_code == "" or get_country(s.country_code) is not None, s  # ("": a consortium)
        assert set(s.context_aliases) <= {s.designation, *s.aliases}, s
        for name in (s.designation, *s.aliases):
            assert seen.setdefault(_key(name), s.designation) == s.designation, name


def test_system_categories_forms_are_unique() -> None:
    seen: dict[str, str] = {}
    for cat in system_categories():
        assert cat.name in cat.forms
        assert cat.category in cat.forms
        for form in cat.forms:
            assert seen.setdefault(form, cat.name) == cat.name, form


class System(NamedTuple):
    text: str
    designation: str
    family: str
    category: str
    maker: str


SYSTEMS = [
    System("K2", "K2", "", "tank", "Hyundai Rotem"),
    System("K2 Black Panther", "K2", "", "tank", "Hyundai Rotem"),
    System("K2PL", "K2PL", "K2", "tank", "Hyundai Rotem"),
    System("K9 Thunder", "K9", "", "howitzer", "Hanwha Aerospace"),
    System("K9A1", "K9A1", "K9", "howitzer", "Hanwha Aerospace"),
    System("Vidar", "K9 Vidar", "K9", "howitzer", "Hanwha Aerospace"),
    System("K239", "Chunmoo", "", "rocket launcher", "Hanwha Aerospace"),
    System("Homar-K", "Homar-K", "Chunmoo", "rocket launcher", "Hanwha Aerospace"),
    System("FA-50PL", "FA-50PL", "FA-50", "fighter jet", "Korea Aerospace Industries"),
    System("KF-21 Boramae", "KF-21", "", "fighter jet", "Korea Aerospace Industries"),
    System("M-SAM", "Cheongung", "", "air defense", "LIG Nex1"),
    System("AH-64E", "Apache", "", "helicopter", "Boeing"),
    System("M142", "HIMARS", "", "rocket launcher", "Lockheed Martin"),
    System("Krab", "Krab", "", "howitzer", "Huta Stalowa Wola"),
    System("Wisla", "Wisła", "", "air defense", ""),
]


@pytest.mark.parametrize("ex", SYSTEMS, ids=[e.text for e in SYSTEMS])
def test_weapon_system_lookup(ex: System) -> None:
    s = lookup_weapon_system(ex.text)
    assert (s.designation, s.family, s.category, s.maker) == ex[1:]


def test_weapon_system_base_and_unknown() -> None:
    assert lookup_weapon_system("K9PL").base == "K9"
    assert lookup_weapon_system("K9").base == "K9"
    assert get_weapon_system("Death Star") is None
    with pytest.raises(UnknownEntityError) as info:
        lookup_weapon_system("K9A3")
    assert "K9A1" in info.value.suggestions


COMPANIES = [
    Lookup("Hanwha Defense", "Hanwha Aerospace"),
    Lookup("Hanwha", "Hanwha Aerospace"),
    Lookup("KAI", "Korea Aerospace Industries"),
    Lookup("PGZ", "Polska Grupa Zbrojeniowa"),
    Lookup("HSW", "Huta Stalowa Wola"),
    Lookup("Raytheon", "RTX"),
    Lookup("Nexter", "Nexter"),
    Lookup("KMW", "Krauss-Maffei Wegmann"),
    Lookup("MBDA UK", "MBDA UK"),
]


@pytest.mark.parametrize("ex", COMPANIES, ids=[e.value for e in COMPANIES])
def test_company_lookup(ex: Lookup) -> None:
    assert lookup_company(ex.value).name == ex.code


def test_company_unknown() -> None:
    assert get_company("Acme") is None
    with pytest.raises(UnknownEntityError):
        lookup_company("Acme")


def test_category_nouns_cover_spellings() -> None:
    forms = {f: c.name for c in system_categories() for f in c.forms}
    assert forms["armoured vehicles"] == forms["armored vehicle"] == "armored vehicles"
    assert forms["air defence systems"] == "air defense systems"
    assert forms["howitzers"] == "howitzers"
    assert forms["fighter jet"] == "fighter jets"


def test_non_place_forms() -> None:
    assert {"Latin America", "South China Sea", "Korean Peninsula"} <= set(non_place_forms())


# ---------------------------------------------------------------- titles of office


def test_role_titles_are_consistent() -> None:
    office_roles = {o.role for o in offices()}
    titles = [t.title for t in role_titles()]
    assert len(set(titles)) == len(titles)
    for t in role_titles():
        assert t.title == t.title.lower(), t
        assert t.role == t.role.lower(), t
        assert all(get_party(code) is not None for code in t.parties), t
    # every role an office uses can be named by some title
    assert office_roles - {t.role for t in role_titles()} == set()


def _portfolio_roles() -> set[str]:
    """The roles the people finder forms from portfolios.tsv ("finance minister", "vice finance minister")."""
    canons = set(portfolios().values())
    return {f"{prefix}{c} minister" for c in canons for prefix in ("", "deputy ", "vice ")}


def test_finder_titles_are_consistent() -> None:
    known_roles = {t.role for t in role_titles()} | _portfolio_roles()
    for t in role_titles():
        # a finder cell is empty, "-", "previous" or the role the finder reports instead
        assert t.finder in ("", FINDER_SKIP, FINDER_PREVIOUS) or t.finder in known_roles, t
        assert t.finder != t.role, t  # an empty cell says that
    for title, role in finder_titles():
        assert title.lower() in {t.title for t in role_titles()}, title
        assert role is None or role in known_roles, title
    # no two titles the finder looks for (in any spelling) with conflicting roles
    from korpol._mentions.titles import _build_roles

    conflicts = {form: values for form, values in _build_roles().table.items() if len(values) > 1}
    assert conflicts == {}


def test_finder_head_words_are_the_generic_roles() -> None:
    heads = {title: role for title, role in finder_titles() if role in ("minister of", "head of")}
    assert heads["minister of"] == "minister of"
    assert heads["director-general of"] == "head of"
    assert all(title.endswith((" of", " for")) for title in heads)


def test_portfolios_are_consistent() -> None:
    table = portfolios()
    for portfolio, canonical in table.items():
        assert portfolio == portfolio.lower(), portfolio
        assert "defence" not in portfolio, portfolio  # US spelling: the finder also tries "defence"
        assert table.get(canonical) == canonical, portfolio  # a canonical portfolio is its own row
    assert table["the national defense"] == "defense"


def test_agencies_are_consistent() -> None:
    names = [a.name for a in agencies()]
    assert len(set(names)) == len(names)
    for a in agencies():
        assert a.name == a.name.lower(), a
        assert a.name.startswith("the "), a
        assert a.acronym == a.acronym.upper(), a
        assert get_country(a.country_code) is not None, a
    # an acronym in a title of roles.tsv is looked for in capitals
    assert "DAPA chief" in dict(finder_titles())


class Title(NamedTuple):
    title: str
    party: str | None
    role: str | None


TITLES = [
    Title("Minister of National Defense", "KR", "defense minister"),
    Title("defence minister", "PL", "defense minister"),
    Title("Foreign Minister", None, "foreign minister"),
    Title("Secretary of State", "US", "secretary of state"),
    Title("Secretary of State", "GB", None),
    Title("Defense Secretary", "US", "secretary of defense"),
    Title("Foreign Secretary", "GB", "foreign secretary"),
    Title("DAPA Minister", "KR", "minister of the defense acquisition program administration"),
    Title("head of the Armament Agency", "PL", "head of the armament agency"),
    Title("Secretary-General", "NATO", "secretary general"),
    Title("Chancellor", "DE", "chancellor"),
    Title("Grand Vizier", None, None),
]


@pytest.mark.parametrize("ex", TITLES, ids=[f"{e.title}-{e.party}" for e in TITLES])
def test_get_role_title(ex: Title) -> None:
    found = get_role_title(ex.title, ex.party)
    assert (found.role if found else None) == ex.role


# ---------------------------------------------------------------- how tables are loaded


def test_a_lazy_value_is_built_once_when_threads_race() -> None:
    import threading
    import time

    from korpol._tables import Lazy

    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        time.sleep(0.01)  # long enough for the other threads to arrive while it builds
        return [1, 2, 3]

    lazy = Lazy(build)
    seen: list[list[int]] = []
    threads = [threading.Thread(target=lambda: seen.append(lazy.get())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert all(value is seen[0] for value in seen)


def test_a_lazy_value_may_be_none_and_is_still_built_once() -> None:
    from korpol._tables import Lazy

    calls: list[int] = []
    lazy: Lazy[None] = Lazy(lambda: calls.append(1))
    assert (lazy.get(), lazy.get(), len(calls)) == (None, None, 1)


@attrs.frozen
class _Row:
    name: str
    aliases: tuple[str, ...]
    since: dt.date | None
    code: str


_ROWS = [
    {"name": "Alpha Works", "aliases": "AW; Alpha", "since": "2001-02-03", "country": "PL"},
    {"name": "Beta Arms", "aliases": "ALPHA", "since": "", "country": "KR"},
]


@pytest.fixture
def fake_table(monkeypatch: pytest.MonkeyPatch) -> Table[_Row]:
    monkeypatch.setattr(_tables, "read_table", lambda name: [dict(r) for r in _ROWS])
    return Table("fake.tsv", _Row, kind="maker", keys=("name", "aliases"), columns={"code": "country"})


def test_a_table_reads_cells_by_field_type(fake_table: Table[_Row]) -> None:
    assert fake_table.rows() == (
        _Row("Alpha Works", ("AW", "Alpha"), dt.date(2001, 2, 3), "PL"),
        _Row("Beta Arms", ("ALPHA",), None, "KR"),
    )


def test_a_table_finds_rows_by_any_key_case_insensitively(fake_table: Table[_Row]) -> None:
    assert fake_table.get(" alpha  works ") is fake_table.rows()[0]
    assert fake_table.get("alpha") is fake_table.rows()[0]  # the first row in file order wins
    assert fake_table.matching("Alpha") == fake_table.rows()
    assert fake_table.get("Gamma") is None
    assert fake_table.matching("Gamma") == ()


def test_a_table_lookup_raises_with_suggestions(fake_table: Table[_Row]) -> None:
    with pytest.raises(UnknownEntityError, match=r"unknown maker: 'Beta Armz' \(did you mean: Beta Arms\?\)"):
        fake_table.lookup("Beta Armz")
    with pytest.raises(InputTypeError):
        fake_table.get(42)  # type: ignore[arg-type]


def test_a_table_rejects_a_field_type_no_cell_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    @attrs.frozen
    class Bad:
        count: int

    monkeypatch.setattr(_tables, "read_table", lambda name: [{"count": "3"}])
    with pytest.raises(TypeError, match=r"bad\.tsv: field 'count'"):
        Table("bad.tsv", Bad).rows()
