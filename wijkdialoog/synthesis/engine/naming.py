"""Readable names for groups of cards, from the cards' own words.

Method: class-based TF-IDF (c-TF-IDF, as in BERTopic) over lemmas. A word counts once per card
(a card that repeats a word does not make it the theme), its weight in a group is its share of
the group's words times log(1 + average words per group / its count in all groups), so words
frequent in one group and rare in the others rise. Lemmas come from simplemma (Dutch, then
English), so "buren" and "buur" count as one word; each keyword is shown in the spelling the
cards used most (capitals at the start of a sentence do not count). Words found in only one card
of a group are left out (unless the group has fewer than two other words), and a card counts as
much as its closeness to the group's centre when weights are given. The name is the top two
keywords joined with "en": "Buurthuis en activiteiten".
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import simplemma

from .stopwords import STOPWORDS

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
SENTENCE_END = ".!?:;\"“”'(-"
MIN_LENGTH = 3


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    return str(simplemma.lemmatize(word.lower(), lang=("nl", "en")))


def words(text: str) -> list[tuple[str, str]]:
    """The content words of a text as (lemma, spelling) pairs, in order."""
    pairs = []
    for match in WORD.finditer(text):
        spelling = match.group(0)
        lower = spelling.lower()
        if len(spelling) < MIN_LENGTH or lower in STOPWORDS:
            continue
        key = lemma(spelling)
        if key in STOPWORDS or len(key) < MIN_LENGTH:
            continue
        before = text[: match.start()].rstrip()
        starts_sentence = not before or before[-1] in SENTENCE_END
        pairs.append((key, lower if starts_sentence else spelling))
    return pairs


def _scores(counts: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
    total: dict[str, float] = defaultdict(float)
    for counter in counts.values():
        for key, count in counter.items():
            total[key] += count
    average = sum(total.values()) / max(len(counts), 1)
    result = {}
    for group, counter in counts.items():
        size = sum(counter.values()) or 1
        result[group] = {
            key: (count / size) * math.log(1 + average / total[key])
            for key, count in counter.items()
        }
    return result


def keywords_per_group(
    texts: Sequence[str],
    groups: Sequence[int | None],
    top: int = 5,
    weights: Sequence[float] | None = None,
) -> dict[int, list[str]]:
    """For each group the `top` words that are frequent in it and rare in the others, in the
    cards' own spelling. Cards in group None only count for the spellings. `weights` (say each
    card's closeness to its group's centre) make typical cards count more than stray ones."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    weighted: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for index, (text, group) in enumerate(zip(texts, groups, strict=True)):
        pairs = words(text)
        for key, spelling in pairs:
            spellings[key][spelling] += 1
        if group is not None:
            keys = {key for key, _ in pairs}
            counts[group].update(keys)
            weight = 1.0 if weights is None else max(float(weights[index]), 0.01)
            for key in keys:
                weighted[group][key] += weight
    result = {}
    for group, scored in _scores(weighted).items():
        counter = counts[group]
        ranked = sorted(scored, key=lambda key: (-scored[key], key))
        shared = [key for key in ranked if counter[key] >= 2]
        # A word from a single card describes that card, not the group: only to fill up to two.
        chosen = shared[:top] or ranked[:2]
        if len(chosen) < 2:
            chosen += [key for key in ranked if key not in chosen][: 2 - len(chosen)]
        result[group] = [_spelling(spellings[key]) for key in chosen]
    return result


def _spelling(seen: Counter[str]) -> str:
    best = max(seen.values())
    # Ties go to the lower-case form, then alphabetically, so a name never depends on order.
    return min((s for s, n in seen.items() if n == best), key=lambda s: (s != s.lower(), s))


def theme_name(keywords: Iterable[str]) -> str:
    """A readable theme name from its first two keywords: "Buurthuis en activiteiten"."""
    chosen: list[str] = []
    for word in keywords:
        if any(_overlaps(word, other) for other in chosen):
            continue
        chosen.append(word)
        if len(chosen) == 2:
            break
    if not chosen:
        return ""
    name = " en ".join(chosen)
    return name[0].upper() + name[1:]


def _overlaps(a: str, b: str) -> bool:
    """True when one word holds the other, give or take an ending ("speeltuin", "speeltuinen";
    "buurthuis", "buurthuizen"): naming both adds nothing."""
    a, b = sorted((a.lower(), b.lower()), key=len)
    return a in b or (len(a) >= 5 and b.startswith(a[:-1]))
