"""Reading text, the first stage: bytes → text → repaired, normalised text → sentences.

Every later stage reads the normalised text; every span korpol shows maps back to the
caller's input through :class:`NormalizedText`.

* :mod:`~korpol._text.decode` — bytes of unknown encoding to text;
* :mod:`~korpol._text.repair` — mojibake (EUC-KR or UTF-8 bytes read as Latin-1/CP1252);
* :mod:`~korpol._text.offsets` — the offset map between normalised and original text;
* :mod:`~korpol._text.normalize` — quotes, dashes, spaces, NFC, with that map;
* :mod:`~korpol._text.segment` — sentences, headlines, captions, bylines, datelines.
"""

from korpol._text.decode import decode, without_surrogates
from korpol._text.normalize import non_ascii, normalize
from korpol._text.offsets import NormalizedText
from korpol._text.repair import repair
from korpol._text.segment import LINK_MARKS, Segment, is_link, segment

__all__ = [
    "LINK_MARKS",
    "NormalizedText",
    "Segment",
    "decode",
    "is_link",
    "non_ascii",
    "normalize",
    "repair",
    "segment",
    "without_surrogates",
]
