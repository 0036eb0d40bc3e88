"""Many parsed articles as one knowledge base: merged records and analyst queries.

* :mod:`~korpol._corpus.documents` — the documents of a corpus and every way to build them;
* :mod:`~korpol._corpus.corpus` — :class:`Corpus`: its merges, queries and exports;
* :mod:`~korpol._corpus.matching` — when two reports are the same event;
* :mod:`~korpol._corpus.merging` — one merged record from the reports of one event;
* :mod:`~korpol._corpus.query` — the query arguments, resolved and checked;
* :mod:`~korpol._corpus.results` — :class:`Results`, what a query returns;
* :mod:`~korpol._corpus.sources` — folders of articles, their metadata, the bundled seeds.
"""

from korpol._corpus.corpus import Corpus, load_jsonl, load_seeds, save_jsonl
from korpol._corpus.matching import VALUE_TOLERANCE
from korpol._corpus.results import Results
from korpol._corpus.sources import read_manifest, read_sidecar
from korpol._model.merged import (
    Claim,
    MergedAgreement,
    MergedAidPackage,
    MergedArmsDeal,
    Report,
    StatusChange,
)

__all__ = [
    "VALUE_TOLERANCE",
    "Claim",
    "Corpus",
    "MergedAgreement",
    "MergedAidPackage",
    "MergedArmsDeal",
    "Report",
    "Results",
    "StatusChange",
    "load_jsonl",
    "load_seeds",
    "read_manifest",
    "read_sidecar",
    "save_jsonl",
]
