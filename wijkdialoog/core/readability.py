"""A readability hint for Dutch texts that go public: the Flesch-Douma score (Flesch's formula
with Douma's constants for Dutch), the B1 target and the long sentences.

Syllables and words are counted by textstat. Its language is global state (`set_lang`), so
the counting runs under a lock; the score is computed here from the counts. Only Dutch texts
get a score: the formula and the syllable rules are Dutch, and on an English text they mislead.
"""

import re
import threading
from dataclasses import dataclass
from typing import Any

import textstat

# Flesch-Douma: 206.835 - 0.93 * (words per sentence) - 77 * (syllables per word).
BASE, PER_SENTENCE_WORD, PER_WORD_SYLLABLE = 206.835, 0.93, 77.0
# B1: a score of 60 or more reads fairly easily; a sentence of more than 20 words is long.
B1_SCORE = 60
LONG_SENTENCE_WORDS = 20
# Below this many words a score says little.
MIN_WORDS = 12

_lock = threading.Lock()
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n|\n(?=\s*[-*•])")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+", re.UNICODE)


@dataclass(frozen=True)
class Readability:
    score: float
    words: int
    sentences: int
    long_sentences: tuple[str, ...]

    @property
    def meets_b1(self) -> bool:
        return self.score >= B1_SCORE

    @property
    def target(self) -> int:
        return B1_SCORE

    @property
    def long_sentence_words(self) -> int:
        return LONG_SENTENCE_WORDS


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _syllables(words: list[str]) -> int:
    with _lock:
        textstat.set_lang("nl")
        return sum(max(1, int(textstat.syllable_count(word))) for word in words)


def dutch_readability(text: str) -> Readability | None:
    """The readability of a Dutch text, or None when it is too short to say anything."""
    parts = sentences(text or "")
    words = _words(text or "")
    if len(words) < MIN_WORDS or not parts:
        return None
    syllables = _syllables(words)
    score = (
        BASE
        - PER_SENTENCE_WORD * len(words) / len(parts)
        - PER_WORD_SYLLABLE * syllables / len(words)
    )
    long = tuple(part for part in parts if len(_words(part)) > LONG_SENTENCE_WORDS)
    return Readability(
        score=round(score, 1), words=len(words), sentences=len(parts), long_sentences=long
    )


def add_hints(form: Any, names: tuple[str, ...]) -> None:
    """Shows a readability hint under each named Dutch field that has text: what was typed
    (after a save that did not go through, or a preview) or what is stored. Server-rendered:
    the field template reads `field.field.readability`."""
    for name in names:
        field = form.fields.get(name)
        if field is None:
            continue
        if form.is_bound:
            value = form.data.get(form.add_prefix(name), "")
        else:
            value = form.initial.get(name) or field.initial or ""
        field.readability = dutch_readability(str(value))
