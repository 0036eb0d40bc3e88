"""Articles in as analysts hold them: lists, rows, DataFrames, CSV and JSON Lines exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from korpol import Corpus, InputTypeError, KorpolError, ValidationError

K2 = "Poland signed a contract on Friday to buy 180 K2 tanks from South Korea for $6.5 billion."
AID = "South Korea pledged $100 million in humanitarian aid to Ukraine last year."


# ---------------------------------------------------------------- from_texts: the door


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ("Poland signed a deal.", "not one str (wrap it: [text])"),
        (b"Poland signed a deal.", "not one bytes (wrap it: [text])"),
        ({"text": K2}, "a list of texts, {'text': ...} mappings or (text, metadata) pairs"),
        ({K2, AID}, "a list of texts"),
        (42, "a list of texts"),
        (None, "a list of texts"),
    ],
    ids=["one-string", "one-bytes", "one-mapping", "a-set", "int", "none"],
)
def test_from_texts_refuses_what_is_not_a_list_of_texts(texts: Any, message: str) -> None:
    with pytest.raises(InputTypeError) as info:
        Corpus.from_texts(texts)
    assert message in str(info.value)
    assert str(info.value).startswith("texts: ")


def test_from_texts_refuses_a_dataframe_and_names_from_dataframe() -> None:
    pandas = pytest.importorskip("pandas")
    df = pandas.DataFrame({"url": ["u"], "date": ["2024-10-24"], "title": ["t"], "text": [K2]})
    with pytest.raises(InputTypeError, match=r"use Corpus\.from_dataframe"):
        Corpus.from_texts(df)  # it used to parse the six column names as six articles


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (42, "texts item 2: expected a str, bytes, a mapping with 'text' or a (text, metadata) pair, got int"),
        ({"body": K2}, "texts item 2: expected a 'text' that is a str or bytes"),
        ((K2, {"date": "2024-10-24"}), "texts item 2: ['date'] is not valid: unknown key(s)"),
        ({"text": K2, "url": "u"}, "texts item 2: ['url'] is not valid: unknown key(s)"),
    ],
    ids=["int", "no-text", "pair-unknown-key", "mapping-unknown-key"],
)
def test_from_texts_names_the_bad_item(item: Any, message: str) -> None:
    with pytest.raises(KorpolError) as info:
        Corpus.from_texts([AID, item])
    assert message in str(info.value)


def test_from_texts_takes_pairs_and_generators() -> None:
    kb = Corpus.from_texts(t for t in [(K2, {"id": "k2", "published": "2024-04-26T08:00:00+02:00"}), AID])
    assert [d.id for d in kb] == ["k2", "text-2"]
    assert kb["k2"].published == dt.date(2024, 4, 26)
    assert kb["k2"].arms_deals[0].quantity == 180


# ---------------------------------------------------------------- rows


ROWS = [
    {"content": K2, "publishedAt": "2024-04-26T10:00:00Z", "url": "https://news.test/k2",
     "title": "K2 deal", "source": {"name": "PAP"}},
    {"content": AID, "publishedAt": "2024-10-24T23:30:00-05:00", "url": "https://news.test/aid",
     "title": None, "source": {"name": "Yonhap"}},
]


def test_from_records_maps_columns_and_keeps_the_url_as_source() -> None:
    kb = Corpus.from_records(ROWS, text="content", published="publishedAt", title="title", url="url")
    assert [(d.id, d.published, d.title, d.source) for d in kb] == [
        ("row-1", dt.date(2024, 4, 26), "K2 deal", "https://news.test/k2"),
        ("row-2", dt.date(2024, 10, 24), None, "https://news.test/aid"),  # the date in its own zone
    ]
    assert kb["row-2"].aid_packages[0].date.start == dt.date(2023, 1, 1)  # "last year" from 2024


def test_from_records_reaches_into_nested_objects() -> None:
    kb = Corpus.from_records(ROWS, text="content", published=None, title="source.name")
    assert [d.title for d in kb] == ["PAP", "Yonhap"]


def test_a_missing_column_reports_the_mapping_and_the_columns() -> None:
    with pytest.raises(ValidationError) as info:
        Corpus.from_records(ROWS, text="content")
    message = str(info.value)
    assert message.startswith("published: 'date' is not valid: no such column in the rows")
    assert "its columns: 'content', 'publishedAt', 'url', 'title', 'source'" in message
    assert "the mapping was text='content', published='date', id=None, title=None, url=None" in message
    assert "pass published='<column>' or None" in message


def test_a_row_without_text_is_named() -> None:
    rows = [{"text": K2, "id": "a"}, {"text": None, "id": "b"}]
    with pytest.raises(ValidationError, match=r"row 2 of the rows \(id 'b'\) has no article text"):
        Corpus.from_records(rows, published=None, id="id")


@pytest.mark.parametrize("rows", [K2, 42, [K2]], ids=["string", "int", "list-of-strings"])
def test_from_records_refuses_what_is_not_rows(rows: Any) -> None:
    with pytest.raises(InputTypeError):
        Corpus.from_records(rows)


def test_integer_ids_become_strings_and_duplicates_are_refused() -> None:
    kb = Corpus.from_records([{"text": K2, "n": 7}], id="n", published=None)
    assert kb[0].id == "7"
    with pytest.raises(ValidationError, match="ids must be unique"):
        Corpus.from_records([{"text": K2, "n": 7}, {"text": AID, "n": 7}], id="n", published=None)


# ---------------------------------------------------------------- files


def test_from_jsonl_reads_a_news_api_export(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n\n", encoding="utf-8")
    kb = Corpus.from_jsonl(path, text="content", published="publishedAt", url="url", title="source.name")
    assert [(d.published, d.title) for d in kb] == [(dt.date(2024, 4, 26), "PAP"), (dt.date(2024, 10, 24), "Yonhap")]


def test_from_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"news\.jsonl line 2"):
        Corpus.from_jsonl(path, text="content")
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="each line must hold an object"):
        Corpus.from_jsonl(path)


def test_from_csv_reads_quoted_long_text_and_empty_cells(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    long_text = K2 + " " + "Filler sentence. " * 20_000  # over csv's default 128 KiB cell limit
    path.write_text(
        "\ufeffurl,date,title,text\n"
        f'https://news.test/1,2024-04-26T10:00:00Z,"K2, again","{long_text}"\n'
        f"https://news.test/2,,,{AID}\n",
        encoding="utf-8",
    )
    kb = Corpus.from_csv(path, url="url", title="title")
    assert [(d.published, d.title, d.source) for d in kb] == [
        (dt.date(2024, 4, 26), "K2, again", "https://news.test/1"),
        (None, None, "https://news.test/2"),
    ]
    assert kb[0].arms_deals
    assert len(kb[0].text) == len(long_text)


def test_from_csv_reports_the_mapping_for_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(f"link,pub_date,body\nu,2024-01-01,{K2}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Corpus.from_csv(path)
    assert "text: 'text' is not valid: no such column in news.csv (its columns: 'link', 'pub_date', 'body')" in str(
        info.value
    )
    kb = Corpus.from_csv(path, text="body", published="pub_date", url="link")
    assert kb[0].published == dt.date(2024, 1, 1)


def test_from_csv_refuses_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(b"text,date\n\xff\xfe bad,2024-01-01\n")
    with pytest.raises(ValidationError, match="not UTF-8 text"):
        Corpus.from_csv(path)


def test_a_bad_date_in_a_row_is_an_error() -> None:
    with pytest.raises(ValidationError, match=r"write the date as YYYY-MM-DD \(2024-10-24\)"):
        Corpus.from_records([{"text": K2, "date": "20241024"}])


# ---------------------------------------------------------------- DataFrames (the pandas extra)


def test_from_dataframe_maps_columns_and_reads_datetime64() -> None:
    pandas = pytest.importorskip("pandas")
    df = pandas.DataFrame(
        {
            "body": [K2, AID, AID],
            "when": pandas.Series(
                [pandas.Timestamp("2024-04-26T23:30", tz="America/New_York"),
                 pandas.Timestamp("2024-10-24T10:00", tz="America/New_York"), pandas.NaT]
            ),
            "link": ["https://news.test/1", None, float("nan")],
            "key": [10, 11, 12],
        }
    )
    kb = Corpus.from_dataframe(df, text="body", published="when", url="link", id="key")
    assert [(d.id, d.published, d.source) for d in kb] == [
        ("10", dt.date(2024, 4, 26), "https://news.test/1"),  # 23:30 in New York: still the 26th
        ("11", dt.date(2024, 10, 24), None),
        ("12", None, None),
    ]


def test_from_dataframe_reports_the_mapping() -> None:
    pandas = pytest.importorskip("pandas")
    df = pandas.DataFrame({"content": [K2], "date": ["2024-01-01"]})
    with pytest.raises(ValidationError, match=r"no such column in the DataFrame .*the mapping was text='text'"):
        Corpus.from_dataframe(df)


def test_from_dataframe_refuses_other_things() -> None:
    with pytest.raises(InputTypeError, match=r"df: expected a pandas\.DataFrame"):
        Corpus.from_dataframe([{"text": K2}])
