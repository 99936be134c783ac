"""Guided assignment from words only: themes a person named and described in one line, and the
cards sorted into them. Used by the `themes` command and the benchmark; the app does the same
with stored vectors and confirmed cards through themes.theme_vector and themes.assign."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .embedding import embed
from .themes import THRESHOLD, Assignment, Space, assign, prototypes, theme_vector


@dataclass(frozen=True)
class Described:
    name: str
    description: str = ""


def described_vectors(space: Space, themes: Sequence[Described]) -> np.ndarray:
    """One theme vector per described theme, in `space` (fitted on the cards)."""
    texts = [prototypes(theme.name, theme.description) for theme in themes]
    vectors = space.project(embed([text for group in texts for text in group]))
    rows, start = [], 0
    for group in texts:
        rows.append(theme_vector(vectors[start : start + len(group)], None))
        start += len(group)
    return np.vstack(rows) if rows else np.zeros((0, vectors.shape[1]), dtype=np.float32)


def assign_described(
    vectors: np.ndarray, themes: Sequence[Described], threshold: float = THRESHOLD
) -> list[Assignment]:
    """Each card (its embedding) in one of `themes`, or None when unsure."""
    space = Space.fit(vectors)
    return assign(space.project(vectors), described_vectors(space, themes), threshold)
