"""Exports and imports of korpol's records: the formats analysts keep their findings in.

Why this package exists: a spreadsheet, an SQL shell and a notebook each want the same
records in a different shape.  Everything here reads and writes the *model* only — documents
and merged records are handed in as arguments — and never the corpus, so the corpus can
compute its merged records and call down into these modules without a circle.

* :mod:`~korpol._io.atomic` — every file is written under a temporary name and renamed;
* :mod:`~korpol._io.jsonl` — documents as JSON Lines, an exact round trip;
* :mod:`~korpol._io.columns` — one column spec per record type, read by every output below;
* :mod:`~korpol._io.csv` — one CSV file per record type;
* :mod:`~korpol._io.sqlite` — an SQLite database that reads back into the same documents;
* :mod:`~korpol._io.frames` — pandas DataFrames of the flat rows;
* :mod:`~korpol._io.display` — records as the text a person reads (the CLI tables, the timeline).
"""

__all__: list[str] = []
