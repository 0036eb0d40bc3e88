"""Record rules, the third stage: typed mentions of a sentence become records.

Everything above this package finds *pieces* (countries, money, dates, weapon systems,
people); here pieces become facts — "Poland (recipient) agreed to buy ... from Korea
(supplier) for USD 17 billion (value) last year (date)".  Every rule is general: it reads
cue words from :mod:`korpol._records.cues` and mention types, never a particular article.
"""
