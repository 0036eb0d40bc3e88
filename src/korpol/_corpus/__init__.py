"""Many parsed articles as one knowledge base: merged records and analyst queries."""

from korpol._corpus.corpus import (
    VALUE_TOLERANCE,
    Corpus,
    Results,
    load_jsonl,
    load_seeds,
    read_manifest,
    read_sidecar,
    save_jsonl,
)
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
