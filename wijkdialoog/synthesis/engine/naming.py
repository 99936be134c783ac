"""Readable names for groups of cards: class-based TF-IDF (c-TF-IDF) over lemmas, so "buren"
and "buur" count as one word, shown in the spelling the cards used most."""

import math
import re
from collections import Counter, defaultdict

import simplemma

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
# Everyday Dutch and English function words: they say nothing about a theme.
STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "alleen",
        "altijd",
        "andere",
        "ben",
        "bij",
        "daar",
        "dan",
        "dat",
        "de",
        "der",
        "deze",
        "die",
        "dit",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "eigenlijk",
        "en",
        "er",
        "ga",
        "gaan",
        "geen",
        "graag",
        "had",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "jij",
        "jullie",
        "kan",
        "kunnen",
        "kunt",
        "maar",
        "maken",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "moet",
        "moeten",
        "na",
        "naar",
        "niet",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "onder",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "reeds",
        "samen",
        "te",
        "tegen",
        "toch",
        "toen",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "want",
        "was",
        "wat",
        "we",
        "wel",
        "werd",
        "wij",
        "wil",
        "willen",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zodat",
        "zonder",
        "zou",
        "zouden",
        "zoals",
        "vaak",
        "echt",
        "heel",
        "gewoon",
        "beetje",
        "komen",
        "komt",
        "gaat",
        "hebt",
        "iets",
        "iemand",
        "mensen",
        "iedereen",
        "wie",
        "waar",
        "zie",
        "zien",
        "zit",
        "even",
        "steeds",
        "nou",
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "have",
        "i",
        "in",
        "is",
        "it",
        "its",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "there",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
    ]
)


def lemma(word: str) -> str:
    lower = word.lower()
    return simplemma.lemmatize(lower, lang=("nl", "en"))


def words(text: str) -> list[tuple[str, str]]:
    """The content words of a text as (lemma, spelling) pairs."""
    pairs = []
    for match in WORD.finditer(text):
        spelling = match.group(0)
        if len(spelling) < 3 or spelling.lower() in STOPWORDS:
            continue
        key = lemma(spelling)
        if key in STOPWORDS:
            continue
        pairs.append((key, spelling.lower()))
    return pairs


def keywords_per_group(
    texts: list[str], groups: list[int | None], top: int = 5
) -> dict[int, list[str]]:
    """For each group the `top` words that are frequent in it and rare in the others."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text, group in zip(texts, groups, strict=True):
        if group is None:
            continue
        for key, spelling in words(text):
            counts[group][key] += 1
            spellings[key][spelling] += 1
    if not counts:
        return {}
    total = Counter[str]()
    for counter in counts.values():
        total.update(counter)
    average = sum(total.values()) / len(counts)
    result = {}
    for group, counter in counts.items():
        size = sum(counter.values()) or 1
        scored = sorted(
            counter,
            key=lambda key: (-(counter[key] / size) * math.log(1 + average / total[key]), key),
        )
        result[group] = [spellings[key].most_common(1)[0][0] for key in scored[:top]]
    return result
