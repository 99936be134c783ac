"""Which languages someone speaks, read from the free-text `languages` field, and which table
languages they can follow. Plain Python, no Django: the table division algorithm uses it."""

import re
from collections.abc import Iterable

DUTCH, ENGLISH, SIMPLE_DUTCH, OTHER = "nl", "en", "nl-eenvoudig", "other"


_LANGUAGE_NAMES = {
    "nl": DUTCH,
    "nld": DUTCH,
    "dutch": DUTCH,
    "nederlands": DUTCH,
    "nederlandse": DUTCH,
    "vlaams": DUTCH,
    "flemish": DUTCH,
    SIMPLE_DUTCH: DUTCH,
    "en": ENGLISH,
    "eng": ENGLISH,
    "english": ENGLISH,
    "engels": ENGLISH,
    "engelse": ENGLISH,
}
_CONJUNCTION = re.compile(r"\s+(?:en|and|und|et|y|ve|و)\s+")
_SEPARATORS = re.compile(r"[\s,;/|+&().:]+")
# "geen Nederlands", "no English": that language is not spoken.
_NEGATION = re.compile(r"\b(?:geen|niet|no|not)\s+\w+")
# Words around language names that are not languages themselves.
_FILLER = frozenset(
    ["a", "i", "ik", "een", "wat", "beetje", "goed", "good", "little", "bit", "some", "basic"]
    + ["fluent", "vloeiend", "ook", "also", "spreek", "speak", "speaks", "spreekt", "alleen"]
    + ["only", "taal", "talen", "language", "languages", "geen", "niet", "no", "not"]
)


def spoken_languages(text: str) -> frozenset[str]:
    """The languages in a free-text `languages` field, with Dutch and English as codes.
    Empty means Dutch."""
    text = (text or "").strip().lower()
    if not text:
        return frozenset({DUTCH})
    text = _CONJUNCTION.sub(",", _NEGATION.sub(",", text))
    tokens = [token for token in _SEPARATORS.split(text) if token and token not in _FILLER]
    return frozenset(_LANGUAGE_NAMES.get(token, token) for token in tokens) or frozenset({DUTCH})


def table_languages_for(spoken: Iterable[str]) -> frozenset[str]:
    """The table languages someone who speaks `spoken` can follow."""
    spoken = frozenset(spoken) or frozenset({DUTCH})
    result = set()
    if DUTCH in spoken:
        result |= {DUTCH, SIMPLE_DUTCH}
    if ENGLISH in spoken:
        result.add(ENGLISH)
    if spoken - {DUTCH, ENGLISH}:
        result.add(OTHER)
    return frozenset(result)
