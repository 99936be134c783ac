"""Finding themes in card vectors, and sorting cards into themes that people described.

Two steps, both on vectors from `embedding.embed`:

- `suggest`: k-means on the vectors after removing their common direction (centring makes
  short cards from one conversation less alike), k chosen by silhouette unless given. Each
  suggestion gets keywords (naming.py) and its most central card.
- `assign`: each card goes to the theme whose vector is nearest; a theme's vector combines its
  description with the cards a person confirmed in it. Below `THRESHOLD` a card stays unsorted.

No Django here.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .embedding import normalise
from .naming import keywords_per_group

# Below this cosine similarity (in the centred space) a card is "nog niet ingedeeld".
THRESHOLD = 0.15
# A description weighs as much as this many confirmed cards in a theme's vector.
DESCRIPTION_WEIGHT = 3.0
MIN_K, MAX_K = 2, 12
SILHOUETTE_SAMPLE = 2000


@dataclass
class Suggestion:
    indices: list[int]
    keywords: list[str]
    central: int

    @property
    def name(self) -> str:
        return ", ".join(self.keywords[:3])


@dataclass
class Space:
    """The centre of a set of card vectors; `project` removes it and normalises again."""

    mean: np.ndarray

    @classmethod
    def fit(cls, vectors: np.ndarray) -> "Space":
        return cls(vectors.mean(axis=0) if len(vectors) else np.zeros(vectors.shape[1]))

    def project(self, vectors: np.ndarray) -> np.ndarray:
        return normalise(np.atleast_2d(vectors) - self.mean)


@dataclass
class Assignment:
    theme: int | None
    confidence: float
    scores: list[float] = field(default_factory=list)


def choose_k(points: np.ndarray, seed: int = 0) -> int:
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(points)
    top = min(MAX_K, max(MIN_K, int(np.sqrt(n / 2))), n - 1)
    if top < MIN_K:
        return 1
    rng = np.random.default_rng(seed)
    sample = points if n <= SILHOUETTE_SAMPLE else points[rng.choice(n, SILHOUETTE_SAMPLE, False)]
    best, best_score = MIN_K, -1.0
    for k in range(MIN_K, top + 1):
        labels = KMeans(k, n_init=3, random_state=seed).fit_predict(sample)
        score = silhouette_score(sample, labels, metric="cosine")
        if score > best_score:
            best, best_score = k, score
    return best


def cluster(points: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    from sklearn.cluster import KMeans, MiniBatchKMeans

    if len(points) > 20000:
        return MiniBatchKMeans(k, n_init=3, random_state=seed, batch_size=4096).fit_predict(points)
    return KMeans(k, n_init=10, random_state=seed).fit_predict(points)


def suggest(
    vectors: np.ndarray, texts: Sequence[str], k: int | None = None, seed: int = 0
) -> list[Suggestion]:
    """Themes for these cards, largest first; every card is in exactly one suggestion."""
    n = len(vectors)
    if n == 0:
        return []
    points = Space.fit(vectors).project(vectors)
    k = min(k or choose_k(points, seed), n)
    labels = cluster(points, k, seed) if k > 1 else np.zeros(n, dtype=int)
    keywords = keywords_per_group(list(texts), [int(label) for label in labels])
    suggestions = []
    for label in range(k):
        members = np.flatnonzero(labels == label)
        if not len(members):
            continue
        centre = normalise(points[members].mean(axis=0))
        central = int(members[int(np.argmax(points[members] @ centre))])
        suggestions.append(Suggestion([int(i) for i in members], keywords.get(label, []), central))
    return sorted(suggestions, key=lambda s: (-len(s.indices), s.indices[0]))


def theme_vector(description: np.ndarray | None, confirmed: np.ndarray | None) -> np.ndarray:
    """A theme's place in the centred space, from its projected description and confirmed
    cards (either may be missing, not both)."""
    parts = []
    if description is not None:
        parts.append(DESCRIPTION_WEIGHT * np.atleast_2d(description).mean(axis=0))
    if confirmed is not None and len(confirmed):
        parts.append(np.atleast_2d(confirmed).sum(axis=0))
    return normalise(np.sum(parts, axis=0))


def assign(
    points: np.ndarray, themes: np.ndarray, threshold: float = THRESHOLD
) -> list[Assignment]:
    """For projected card vectors and theme vectors: the nearest theme of each card, or None
    when it is not near enough to any."""
    if not len(themes):
        return [Assignment(None, 0.0) for _ in range(len(points))]
    scores = np.atleast_2d(points) @ np.atleast_2d(themes).T
    best = scores.argmax(axis=1)
    result = []
    for row, index in zip(scores, best, strict=True):
        confidence = float(row[index])
        theme = int(index) if confidence >= threshold else None
        result.append(Assignment(theme, confidence, [float(s) for s in row]))
    return result
