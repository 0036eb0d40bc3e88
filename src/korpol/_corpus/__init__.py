"""Many parsed articles as one knowledge base: merged records and analyst queries."""

from korpol._corpus.corpus import VALUE_TOLERANCE, Corpus, Results, load_seeds, read_manifest, read_sidecar
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
    "load_seeds",
    "read_manifest",
    "read_sidecar",
]
