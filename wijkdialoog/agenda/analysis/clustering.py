"""Opinion groups: k-means on the voters' map positions, k from 2 to 5 by silhouette.

Where this differs from red-dwarf 0.4.0, and why:

- Several starts per k (8 k-means++ starts with a fixed seed, 3 above 5,000 voters, plus
  Polis's own start: the first k distinct points in sorted order), keeping the fit with the
  lowest within-group sum of squares.
  red-dwarf uses only the Polis start, which can land in a worse optimum.
- The rule for small groups: a k whose best fit has a group of fewer than `MIN_GROUP` (3) people
  is not a candidate; the best remaining k by silhouette wins. If no k from 2 to 5 qualifies,
  everyone clustered forms one group (and with fewer than `MIN_GROUP` clustered voters, there
  are no groups). So a "group" of one or two people is never reported.
- The silhouette is computed on a fixed random sample of `SILHOUETTE_SAMPLE` voters when there
  are more, because the exact silhouette is quadratic in the number of voters.
"""

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from .matrix import FloatArray, IntArray

MIN_GROUP = 3
MAX_GROUPS = 5
STARTS = 8
LARGE = 5000  # above this many voters, fewer starts (their optima hardly differ, time does)
LARGE_STARTS = 3
SILHOUETTE_SAMPLE = 1500


@dataclass(frozen=True)
class Clustering:
    labels: IntArray  # group per clustered voter, 0..k-1, largest group first
    centres: FloatArray
    inertia: float  # within-group sum of squares
    silhouette: float | None


def fit_k(points: FloatArray, k: int, seed: int, distinct: FloatArray) -> Clustering:
    """The best of several k-means starts: the lowest within-group sum of squares."""
    starts = STARTS if len(points) <= LARGE else LARGE_STARTS
    fits = [KMeans(n_clusters=k, n_init=starts, random_state=seed).fit(points)]
    start = distinct[:k] if len(distinct) >= k else None
    if start is not None:
        fits.append(KMeans(n_clusters=k, init=start, n_init=1).fit(points))
    best = min(fits, key=lambda fit: float(fit.inertia_))
    labels = np.asarray(best.labels_, dtype=np.int64)
    order = np.argsort(-np.bincount(labels, minlength=k), kind="stable")
    relabel = np.empty(k, dtype=np.int64)
    relabel[order] = np.arange(k)
    return Clustering(
        labels=relabel[labels],
        centres=np.asarray(best.cluster_centers_)[order],
        inertia=float(best.inertia_),
        silhouette=None,
    )


def silhouette(points: FloatArray, labels: IntArray, seed: int) -> float:
    if len(points) > SILHOUETTE_SAMPLE:
        return float(
            silhouette_score(points, labels, sample_size=SILHOUETTE_SAMPLE, random_state=seed)
        )
    return float(silhouette_score(points, labels))


def one_group(points: FloatArray) -> Clustering:
    centre = points.mean(axis=0, keepdims=True)
    inertia = float(((points - centre) ** 2).sum())
    labels = np.zeros(len(points), dtype=np.int64)
    return Clustering(labels=labels, centres=centre, inertia=inertia, silhouette=None)


def cluster(points: FloatArray, seed: int = 0, force_k: int | None = None) -> Clustering:
    """Opinion groups for the clustered voters' positions (see the module text for the rules)."""
    n = len(points)
    empty = np.zeros(0, dtype=np.int64)
    if n < MIN_GROUP:
        return Clustering(labels=empty, centres=np.zeros((0, 2)), inertia=0.0, silhouette=None)
    # Polis's start for k: the first k distinct points in sorted order.
    distinct = np.unique(points, axis=0)
    ks = [force_k] if force_k else range(2, MAX_GROUPS + 1)
    best: Clustering | None = None
    for k in ks:
        if k > len(distinct) or k * MIN_GROUP > n:
            continue
        fit = fit_k(points, k, seed, distinct)
        if np.bincount(fit.labels, minlength=k).min() < MIN_GROUP:
            continue
        score = silhouette(points, fit.labels, seed)
        if best is None or best.silhouette is None or score > best.silhouette:
            best = Clustering(fit.labels, fit.centres, fit.inertia, score)
    return best if best is not None else one_group(points)
