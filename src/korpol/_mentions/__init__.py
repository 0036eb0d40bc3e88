"""Mentions, the second stage: typed spans of normalised text with their values.

Each scanner reads the normalised text of :mod:`korpol._text` and returns values whose span
indexes that text; each public ``find_*`` normalises the caller's text itself and maps every
span back to it.

* :mod:`~korpol._mentions.money` — amounts of money ("$2 billion", "KRW 3.4474 trillion");
* :mod:`~korpol._mentions.time` — dates, periods and relative expressions ("last year");
* :mod:`~korpol._mentions.quantity` — counts of things ("180 K2 tanks", "3,000 troops");
* :mod:`~korpol._mentions.entities` — places and actors, people, weapon systems, companies.
"""
