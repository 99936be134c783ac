"""Finding themes in card vectors, and sorting cards into themes that people described.

Both steps work on vectors from `embedding.embed`, in a "centred" space: the mean vector of the
series' cards is subtracted and the rows normalised again (`Space`). Cards from one set of
conversations share a lot of direction (Dutch, short, about the neighbourhood); removing it makes
what differs between them count. Measured on the labelled cards it raised k-means NMI from
about 0.25 to 0.35 and guided accuracy by 5 to 10 points.

- `suggest`: k-means on the centred vectors. Unless k is given it is chosen by the silhouette of
  k-means in the first five principal components (a sample of at most 1,000 cards): in all 384
  dimensions the silhouette of short cards is flat and always prefers k=2, in a few main
  directions it peaks near the number of themes people see. k runs from 3 to 12 and at most one
  theme per five cards: more themes than an organiser can review is not a suggestion. Each
  suggestion gets keywords and a name from naming.py and its most central card.
- `assign`: each card goes to the theme whose vector is nearest. A theme's vector is the mean of
  its prototypes (its name, its description and the description's parts, see `prototypes`),
  weighted as DESCRIPTION_WEIGHT cards, plus the cards a person confirmed in it. Several short
  prototypes measured better than one sentence: a short card often matches one part of a
  description ("bomen") and not the whole. Below THRESHOLD a card stays unsorted ("nog niet
  ingedeeld") for a person to decide.

Tried and not kept (no gain on the labelled set): Ward and average-linkage clustering,
spectral clustering, HDBSCAN (left 60% as noise), removing the top principal components,
label spreading over a card-neighbour graph and seeded k-means refinement of the theme vectors.

No Django here.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .embedding import normalise
from .naming import keywords_per_group, theme_name

# Below this cosine similarity (in the centred space) a card is "nog niet ingedeeld". On the
# labelled set it leaves about a fifth of the cards for a person and is right on 3 of 4 others.
THRESHOLD = 0.10
# A description weighs as much as this many confirmed cards in a theme's vector.
DESCRIPTION_WEIGHT = 3.0
MIN_K, MAX_K = 3, 12
CARDS_PER_THEME = 5
PCA_DIMENSIONS = 5
SILHOUETTE_SAMPLE = 1000
# Above this many cards k-means runs on mini-batches: the same centres within a few percent.
MINIBATCH_FROM = 20000
# Keywords of a big suggestion come from a sample of its cards: the same words, far faster.
KEYWORD_SAMPLE = 1000
SPLIT = re.compile(r"[,;:.!?()/]|\s(?:en|of|and|or)\s", re.IGNORECASE)


@dataclass
class Suggestion:
    indices: list[int]
    keywords: list[str]
    central: int

    @property
    def name(self) -> str:
        return theme_name(self.keywords)


@dataclass
class Space:
    """The centre of a set of card vectors; `project` removes it and normalises again."""

    mean: np.ndarray

    @classmethod
    def fit(cls, vectors: np.ndarray) -> "Space":
        vectors = np.atleast_2d(vectors)
        if not len(vectors):
            return cls(np.zeros(vectors.shape[1], dtype=np.float32))
        return cls(vectors.mean(axis=0).astype(np.float32))

    def project(self, vectors: np.ndarray) -> np.ndarray:
        return normalise(np.atleast_2d(vectors) - self.mean)


@dataclass
class Assignment:
    theme: int | None
    confidence: float
    scores: list[float] = field(default_factory=list)


def choose_k(points: np.ndarray, seed: int = 0) -> int:
    """The number of themes to suggest for these projected card vectors."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score
    from threadpoolctl import threadpool_limits

    n = len(points)
    top = min(MAX_K, n // CARDS_PER_THEME)
    if top < 2:
        return 1
    rng = np.random.default_rng(seed)
    sample = points if n <= SILHOUETTE_SAMPLE else points[rng.choice(n, SILHOUETTE_SAMPLE, False)]
    best, best_score = top, -2.0
    # One thread, as in `cluster`.
    with threadpool_limits(1):
        reduced = PCA(min(PCA_DIMENSIONS, len(sample) - 1), random_state=seed).fit_transform(sample)
        for k in range(min(MIN_K, top), top + 1):
            labels = KMeans(k, n_init=3, random_state=seed).fit_predict(reduced)
            score = float(silhouette_score(reduced, labels))
            if score > best_score:
                best, best_score = k, score
    return best


def cluster(points: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """k-means labels of the projected card vectors."""
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from threadpoolctl import threadpool_limits

    if len(points) >= MINIBATCH_FROM:
        model = MiniBatchKMeans(k, n_init=3, random_state=seed, batch_size=4096)
    else:
        model = KMeans(k, n_init=10 if len(points) < 2000 else 3, random_state=seed)
    # One thread: k-means' OpenMP threads spin and wait, which costs several times more than
    # they save when the server's other work shares the two cores.
    with threadpool_limits(1):
        return np.asarray(model.fit_predict(points), dtype=np.int64)


def suggest(
    vectors: np.ndarray, texts: Sequence[str], k: int | None = None, seed: int = 0
) -> list[Suggestion]:
    """Themes for these cards, largest first; every card is in exactly one suggestion. The same
    cards and seed give the same suggestions."""
    n = len(vectors)
    if n == 0:
        return []
    points = Space.fit(vectors).project(vectors)
    k = max(1, min(k or choose_k(points, seed), n))
    labels = cluster(points, k, seed) if k > 1 else np.zeros(n, dtype=np.int64)
    closeness = np.zeros(n, dtype=np.float32)
    centres = {}
    for label in range(k):
        members = np.flatnonzero(labels == label)
        if len(members):
            centres[label] = members, points[members] @ normalise(points[members].mean(axis=0))
            closeness[members] = centres[label][1]
    rng = np.random.default_rng(seed)
    sample = np.concatenate(
        [
            members
            if len(members) <= KEYWORD_SAMPLE
            else rng.choice(members, KEYWORD_SAMPLE, False)
            for members, _ in centres.values()
        ]
    )
    keywords = keywords_per_group(
        [texts[i] for i in sample],
        [int(labels[i]) for i in sample],
        weights=closeness[sample].tolist(),
    )
    suggestions = []
    for label, (members, similarity) in centres.items():
        central = int(members[int(np.argmax(similarity))])
        suggestions.append(Suggestion([int(i) for i in members], keywords.get(label, []), central))
    return sorted(suggestions, key=lambda s: (-len(s.indices), s.indices[0]))


def prototypes(name: str, description: str = "") -> list[str]:
    """The texts that stand for a theme: its name, its description and the description's parts
    ("Parken, bomen en speelplekken" gives "Parken", "bomen", "speelplekken")."""
    texts = [text for text in (name.strip(), description.strip()) if text]
    for part in SPLIT.split(description):
        part = part.strip()
        if len(part) >= 4 and part not in texts:
            texts.append(part)
    return texts


def theme_vector(description: np.ndarray | None, confirmed: np.ndarray | None) -> np.ndarray:
    """A theme's place in the centred space, from its projected description (one row or the
    rows of its prototypes) and its confirmed cards' projected vectors (either may be missing,
    not both)."""
    parts = []
    if description is not None and len(np.atleast_2d(description)):
        parts.append(DESCRIPTION_WEIGHT * normalise(np.atleast_2d(description).mean(axis=0)))
    if confirmed is not None and len(confirmed):
        parts.append(np.atleast_2d(confirmed).sum(axis=0))
    if not parts:
        raise ValueError("A theme needs a description or confirmed cards.")
    return normalise(np.sum(parts, axis=0))


def assign(
    points: np.ndarray, themes: np.ndarray, threshold: float = THRESHOLD
) -> list[Assignment]:
    """For projected card vectors and theme vectors: the nearest theme of each card, or None
    when it is not near enough to any. `confidence` is the cosine similarity to that theme."""
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
