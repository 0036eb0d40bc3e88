"""Mentions, the second stage: typed spans of normalised text with their values.

Each scanner reads the normalised text of :mod:`korpol._text` and returns values whose span
indexes that text; each public ``find_*`` normalises the caller's text itself and maps every
span back to it.

* :mod:`~korpol._mentions.numbers` — the number words the scanners read ("two", "a dozen");
* :mod:`~korpol._mentions.money` — amounts of money ("$2 billion", "KRW 3.4474 trillion");
* :mod:`~korpol._mentions.time` — dates, periods and relative expressions ("last year"), found by
  :mod:`~korpol._mentions.time_patterns` (what a time expression looks like, where to look);
* :mod:`~korpol._mentions.quantity` — counts of things ("180 K2 tanks", "3,000 troops");
* :mod:`~korpol._mentions.places` — countries and organisations ("Seoul", "the North");
* :mod:`~korpol._mentions.companies` — defence companies ("Hanwha Aerospace");
* :mod:`~korpol._mentions.systems` — weapon systems ("K9A1", "howitzers");
* :mod:`~korpol._mentions.people` — office holders, read with :mod:`~korpol._mentions.titles`
  (titles of office) and :mod:`~korpol._mentions.names` (personal names);
* :mod:`~korpol._mentions.gazetteer` — the name scanner the four entity finders share;
* :mod:`~korpol._mentions.scan` — every mention of a document, typed, for the record rules.
"""
