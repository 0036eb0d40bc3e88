"""A user data directory: tables merged over the bundled ones, checked, errors naming file and line.

The checks and the merge are tested in this process through ``load_tables`` (which changes
nothing of the process); the whole path — the environment variable, ``use_data_dir``, a parse
that finds the new minister — runs in a fresh interpreter, because the reference tables are
read once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from korpol import Leader
from korpol._datadir import EXTENDABLE, ReferenceDataError, bundled_rows, check_tables, load_tables
from korpol._io.columns import LEADERS

ROOT = Path(__file__).resolve().parents[1]

OFFICES = "name\taliases\tsurname\trole\tfunction\tparty\tterm_start\tterm_end\tnote\n"


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_tables_pass_the_integrity_checks() -> None:
    check_tables({name: bundled_rows(name)[1] for name in EXTENDABLE})


def test_a_user_row_is_added_and_a_row_with_the_same_key_replaces_the_bundled_one(tmp_path: Path) -> None:
    bundled = {r.cells["name"]: r for r in bundled_rows("companies.tsv")[1]}
    assert "Hyundai Rotem" in bundled
    _write(tmp_path, "companies.tsv", "name\taliases\tcountry\tnote\n"
           "Hyundai Rotem\tRotem;HR Co.\tKR\tour note\n"
           "Acme Armour\tAcme\tPL\tinvented for this test\n")
    rows = {r.cells["name"]: r for r in load_tables(tmp_path)["companies.tsv"][0]}
    assert rows["Hyundai Rotem"].cells["aliases"] == "Rotem;HR Co."
    assert str(rows["Hyundai Rotem"].origin) == f"{tmp_path / 'companies.tsv'} line 2"
    assert rows["Acme Armour"].cells["country"] == "PL"
    assert len(rows) == len(bundled) + 1


def test_an_overlapping_term_names_the_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "offices.tsv", OFFICES + "Jan Nowak\t\tNowak\tpresident\thead of state\tPL\t2024-01-01\t\t\n")
    with pytest.raises(ReferenceDataError) as info:
        load_tables(tmp_path)
    assert info.value.where == f"{path} line 2"
    assert "overlaps that of Andrzej Duda (offices.tsv line" in str(info.value)


@pytest.mark.parametrize(
    ("file", "text", "line", "reason"),
    [
        ("offices.tsv", OFFICES + "Jan Nowak\t\tNowak\tdefense minister\tdefense minister\tXX\t2030-01-01\t\t\n", 2,
         "party 'XX' is not a country or organisation code"),
        ("offices.tsv", OFFICES + "Jan Nowak\t\tNowak\tdefense minister\tdefense minister\tPL\t2030-02-30\t\t\n", 2,
         "term_start '2030-02-30' is not a date of the calendar"),
        ("offices.tsv", OFFICES + "Jan Nowak\t\tNowak\tdefense minister\tdefense minister\tPL\t2031-01-01\t2030-01-01\t\n",
         2, "term_end 2030-01-01 is before term_start 2031-01-01"),
        ("offices.tsv", OFFICES + "Jan Nowak\tYoon Suk-yeol\tNowak\tambassador\tambassador\tPL\t2030-01-01\t\t\n", 2,
         "name 'Yoon Suk-yeol' already names 'Yoon Suk Yeol'"),
        ("offices.tsv", OFFICES + "Jan Nowak\t\tNowak\tDefense Minister\tdefense minister\tPL\t2030-01-01\t\t\n", 2,
         "role 'Defense Minister' must be lower-case"),
        ("offices.tsv", "# notes\nname\trole\n", 2, "missing party, term_start"),
        ("companies.tsv", "name\taliases\tcountry\tnote\nAcme\t\tZZ\t\n", 2, "country 'ZZ' is not an ISO country code"),
        ("companies.tsv", "name\taliases\tcountry\tnote\nAcme \t\tPL\t\n", 2, "has stray spaces"),
        ("systems.tsv",
         "designation\taliases\tcategory\tfamily\tmaker\tcountry\tnote\tcontext_aliases\nX-1\t\ttank\t\tNobody Inc\tPL\t\t\n",
         2, "maker 'Nobody Inc' is not a name in companies.tsv"),
        ("organizations.tsv", "code\tname\taliases\tmembers\tofficers\tnote\nPL\tPoland Club\t\t\t\t\n", 2,
         "code 'PL' is a country's ISO code"),
        ("systems.tsv",
         "designation\taliases\tcategory\tfamily\tmaker\tcountry\tnote\tcontext_aliases\tbuyer\n"
         "Zubr\t\ttank\t\t\tPL\t\t\tPolska\n",
         2, "buyer 'Polska' is not an ISO country code"),
        ("companies.tsv", "name\taliases\tcountry\tnote\tplants\nAcme\t\tPL\t\tPL;UK\n", 2,
         "plants UK are not ISO country codes"),
    ],
    ids=["unknown-party", "impossible-date", "term-reversed", "alias-of-another", "role-case", "missing-columns",
         "company-country", "stray-space", "unknown-maker", "org-code-is-country", "programme-buyer",
         "company-plants"],
)
def test_a_bad_user_row_gets_an_error_naming_file_and_line(
    tmp_path: Path, file: str, text: str, line: int, reason: str
) -> None:
    path = _write(tmp_path, file, text)
    with pytest.raises(ReferenceDataError) as info:
        load_tables(tmp_path)
    assert info.value.where == f"{path} line {line}"
    assert reason in info.value.reason


def test_a_new_company_can_make_a_new_system(tmp_path: Path) -> None:
    _write(tmp_path, "companies.tsv", "name\taliases\tcountry\tnote\nAcme Armour\t\tPL\t\n")
    _write(tmp_path, "systems.tsv", "designation\taliases\tcategory\tfamily\tmaker\tcountry\tnote\tcontext_aliases\n"
           "AX-9\tAX9\thowitzer\t\tAcme Armour\tPL\t\t\n")
    systems = {r.cells["designation"] for r in load_tables(tmp_path)["systems.tsv"][0]}
    assert "AX-9" in systems


def test_an_open_term_is_shown_as_of_the_data_date_never_now() -> None:
    sikorski = Leader(name="Radosław Sikorski", role="foreign minister", country="PL", term_start="2023-12-13")
    (row,) = LEADERS.text_rows([sikorski])
    assert row[3] == "2023-12-13 – (in office as of 2025-10)"
    assert "now" not in row[3]


def test_the_rows_of_a_user_offices_file_are_current_as_of_its_own_data_date(tmp_path: Path) -> None:
    _write(tmp_path, "offices.tsv", "# Data date: 2026-03-01\n" + OFFICES
           + "Jan Nowak\t\tNowak\tambassador\tambassador\tPL\t2030-01-01\t\t\n")
    rows = {r.cells["name"]: r for r in load_tables(tmp_path)["offices.tsv"][0]}
    assert rows["Jan Nowak"].cells["as_of"] == "2026-03-01"
    assert rows["Andrzej Duda"].cells["as_of"] == "2025-10-31"


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if k != "KORPOL_DATA_DIR"}
    environment = {**inherited, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=environment, timeout=120, check=False)


MINISTER = OFFICES + "Jan Nowakowski\tJ. Nowakowski\tNowakowski\tambassador\tambassador\tPL\t2024-01-01\t\t\n"
AMBASSADOR = "title\trole\tfunction\tparties\tfinder\tnote\nambassador\tambassador\tambassador\t\t\t\n"


def test_the_environment_variable_extends_what_parse_finds(tmp_path: Path) -> None:
    _write(tmp_path, "offices.tsv", "# Data date: 2026-03-01\n" + MINISTER)
    _write(tmp_path, "roles.tsv", AMBASSADOR)
    run = _run("""
        import json, korpol
        from korpol._refdata import office_holders
        doc = korpol.parse("Ambassador Jan Nowakowski met officials in Seoul.", published="2025-01-10")
        kb = korpol.Corpus([doc])
        from korpol._io.columns import LEADERS
        print(json.dumps({
            "dir": str(korpol.data_dir()),
            "holders": [o.name for o in office_holders("ambassador", "PL")],
            "leaders": [(l.name, l.role, l.country.code) for l in doc.leaders],
            "terms": [row[3] for row in LEADERS.text_rows(kb.leaders())],
        }))
    """, {"KORPOL_DATA_DIR": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["dir"] == str(tmp_path.resolve())
    assert out["holders"] == ["Jan Nowakowski"]
    assert out["leaders"] == [["Jan Nowakowski", "ambassador", "PL"]]
    assert out["terms"] == ["2024-01-01 – (in office as of 2026-03)"]


def test_use_data_dir_checks_at_once_and_refuses_a_change_after_the_first_read(tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    _write(good, "offices.tsv", MINISTER)
    _write(good, "roles.tsv", AMBASSADOR)
    _write(bad, "companies.tsv", "name\taliases\tcountry\tnote\nAcme\t\tZZ\t\n")
    run = _run(f"""
        import os, korpol
        try:
            korpol.use_data_dir({str(bad)!r})
        except korpol.ReferenceDataError as err:
            print("bad:", err.where.endswith("companies.tsv line 2"), korpol.data_dir())
        files = korpol.use_data_dir({str(good)!r})
        print("files:", [f.name for f in files], os.environ["KORPOL_DATA_DIR"] == {str(good.resolve())!r})
        korpol.parse("Ambassador Jan Nowakowski spoke.")
        try:
            korpol.use_data_dir(None)
        except korpol.ReferenceDataError as err:
            print("late:", "already read" in str(err))
        korpol.use_data_dir({str(good)!r})  # the same directory again is fine
        print("ok")
    """)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["bad: True None", "files: ['offices.tsv', 'roles.tsv'] True", "late: True", "ok"]
