"""Decoding, mojibake repair and normalisation with an offset map (stub: identity)."""

from __future__ import annotations

import attrs

__all__ = ["NormalizedText", "normalize", "repair"]


@attrs.frozen
class NormalizedText:
    """Normalised text plus the map from its offsets back to the original."""

    original: str
    text: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``original`` it came from."""
        return start, end


def normalize(text: str) -> NormalizedText:
    """Repair and normalise ``text``, keeping an offset map (stub)."""
    return NormalizedText(text, text)


def repair(text: str) -> str:
    """Repair mojibake in ``text`` (stub)."""
    return text
