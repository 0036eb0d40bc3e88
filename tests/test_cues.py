"""The cue tables: read from data/cues.tsv, validated when built, extensible, every table in use."""

from __future__ import annotations

import pathlib
import re

import pytest

import korpol
from korpol import InputTypeError, ValidationError
from korpol._records.cues import DEFAULT_CUES, KEYED_TABLES, STATUS_ORDER, TABLES, Cues
from korpol._tables import read_table

RULES = pathlib.Path(korpol.__file__).parent / "_records"
PUB = "2024-05-01"


def test_the_tables_are_the_data_file_s() -> None:
    in_file = {row["table"] for row in read_table("cues.tsv")}
    assert in_file == set(TABLES)
    assert len(DEFAULT_CUES.buy) >= 10
    assert DEFAULT_CUES.aid_kinds[0][0] == "humanitarian"


@pytest.mark.parametrize("table", TABLES)
def test_every_table_is_read_by_a_rule(table: str) -> None:
    """A table nobody reads would be a vocabulary a user extends for nothing."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in RULES.glob("*.py") if p.name != "cues.py")
    used = (f"⟨{table}⟩", f'compiled["{table}"]', f"cues.{table}", f'words("{table}")', f"compiled_{table}")
    by_status = table in STATUS_ORDER and "for status in STATUS_ORDER" in code  # the status tables, in order
    assert by_status or any(u in code for u in used), f"no rule reads the cue table {table!r}"


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        pytest.param({"aid_kinds": (("energy", ("power plants?",)),)}, ValidationError, "not an aid kind", id="aid-kind"),
        pytest.param({"agreement_kinds": (("alliance", ("alliances?",)),)}, ValidationError, "not an agreement kind", id="agreement-kind"),
        pytest.param({"buy": ("leases(",)}, ValidationError, "not a regular expression", id="bad-regex"),
        pytest.param({"buys": ("leases?",)}, ValidationError, "did you mean: buy?", id="unknown-table"),
        pytest.param({"buy": "leases?"}, InputTypeError, "a tuple of words", id="a-str-is-not-a-table"),
        pytest.param({"topics": (42,)}, InputTypeError, "a str", id="not-a-word"),
    ],
)
def test_a_table_that_cannot_work_fails_when_built(change: dict, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        Cues().extend(**change)


def test_a_whole_table_passed_to_the_constructor_is_checked_too() -> None:
    with pytest.raises(ValidationError, match="not an aid kind"):
        Cues(aid_kinds=(("energy", ("power",)),))


@pytest.mark.parametrize(
    ("text", "table", "words", "before", "after"),
    [
        pytest.param(
            "Warsaw refuted reports that Poland bought 48 K9 howitzers from South Korea for $1 billion.",
            "denial", ("refuted",), 1, 0, id="denial-silences-the-sentence",
        ),
        pytest.param(
            "Japan will bestow $30 million on Ukraine for mine clearance.",
            "gift", ("bestow",), 0, 1, id="gift-word-makes-aid",
        ),
    ],
)
def test_extending_a_table_changes_what_is_read(text: str, table: str, words: tuple[str, ...], before: int, after: int) -> None:
    def count(cues: Cues) -> int:
        doc = korpol.parse(text, published=PUB, cues=cues)
        return len(doc.arms_deals) + len(doc.aid_packages)

    assert count(DEFAULT_CUES) == before
    assert count(DEFAULT_CUES.extend(**{table: words})) == after


def test_keyed_tables_keep_their_order() -> None:
    kinds = [kind for kind, _ in DEFAULT_CUES.agreement_kinds]
    assert kinds[:2] == ["action_plan", "mou"]
    assert kinds[-1] == "other"
    assert set(kinds) <= set(KEYED_TABLES["agreement_kinds"])
