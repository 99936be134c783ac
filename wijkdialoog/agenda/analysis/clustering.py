"""Opinion groups: k-means on the voters' map positions, k from 2 to 5 by silhouette.

Where this differs from red-dwarf 0.4.0, and why:

- Several starts per k (k-means++ starts with a fixed seed plus Polis's own start: the first k
  distinct points in sorted order), keeping the fit with the lowest within-group sum of squares.
  red-dwarf uses only the Polis start, which can land in a worse optimum. k is chosen on fits
  with `SELECT_STARTS` (3) k-means++ starts; the chosen k is then fitted again with `STARTS`
  (8; 3 above 5,000 voters), whose first three starts are the same, so the final fit is never
  worse. This costs a third less than 8 starts for every k.
- The rule for small groups: a k whose best fit has a group of fewer than `MIN_GROUP` (3) people
  is not a candidate; the best remaining k by silhouette wins. If no k from 2 to 5 qualifies,
  everyone clustered forms one group (and with fewer than `MIN_GROUP` clustered voters, there
  are no groups). So a "group" of one or two people is never reported.
- The silhouette is computed on a fixed random sample of `SILHOUETTE_SAMPLE` voters when there
  are more, because the exact silhouette is quadratic in the number of voters.
"""

from dataclasses import dataclass

import numpy as np
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans

from .matrix import FloatArray, IntArray

MIN_GROUP = 3
MAX_GROUPS = 5
STARTS = 8
SELECT_STARTS = 3
LARGE = 5000  # above this many voters, fewer starts (their optima hardly differ, time does)
LARGE_STARTS = 3
SILHOUETTE_SAMPLE = 1500


@dataclass(frozen=True)
class Clustering:
    labels: IntArray  # group per clustered voter, 0..k-1, largest group first
    centres: FloatArray
    inertia: float  # within-group sum of squares
    silhouette: float | None


def final_starts(n: int) -> int:
    return STARTS if n <= LARGE else LARGE_STARTS


def fit_k(points: FloatArray, k: int, seed: int, distinct: FloatArray, starts: int) -> Clustering:
    """The best of several k-means starts: the lowest within-group sum of squares."""
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


class Silhouette:
    """The mean silhouette of several labellings of the same points.

    The distances between the (sampled) points are computed once and shared by every k; each
    labelling then costs one matrix product. The sample is the one scikit-learn's
    `silhouette_score(sample_size=..., random_state=seed)` draws, so the scores are the same.
    """

    def __init__(self, points: FloatArray, seed: int) -> None:
        self.sample: IntArray | None = None
        if len(points) > SILHOUETTE_SAMPLE:
            order = np.random.RandomState(seed).permutation(len(points))
            self.sample = order[:SILHOUETTE_SAMPLE]
            points = points[self.sample]
        self.distances = cdist(points, points)

    def score(self, labels: IntArray) -> float:
        if self.sample is not None:
            labels = labels[self.sample]
        k = int(labels.max()) + 1
        sizes = np.bincount(labels, minlength=k).astype(float)
        onehot = np.zeros((len(labels), k))
        onehot[np.arange(len(labels)), labels] = 1.0
        sums = self.distances @ onehot
        rows = np.arange(len(labels))
        own_size = sizes[labels]
        inside = sums[rows, labels] / np.maximum(own_size - 1, 1)
        others = sums / np.where(sizes > 0, sizes, np.inf)
        others[rows, labels] = np.inf
        nearest = others.min(axis=1)
        widest = np.maximum(inside, nearest)
        values = np.where(widest > 0, (nearest - inside) / np.where(widest > 0, widest, 1), 0.0)
        values[own_size <= 1] = 0.0
        return float(values.mean())


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
    silhouette = Silhouette(points, seed)
    select_starts = min(SELECT_STARTS, final_starts(n))
    for k in ks:
        if k > len(distinct) or k * MIN_GROUP > n:
            continue
        fit = fit_k(points, k, seed, distinct, select_starts)
        if small_group(fit):
            continue
        score = silhouette.score(fit.labels)
        if best is None or best.silhouette is None or score > best.silhouette:
            best = Clustering(fit.labels, fit.centres, fit.inertia, score)
    if best is None:
        return one_group(points)
    if final_starts(n) > select_starts:
        k = len(best.centres)
        final = fit_k(points, k, seed, distinct, final_starts(n))
        if final.inertia < best.inertia and not small_group(final):
            best = Clustering(
                final.labels, final.centres, final.inertia, silhouette.score(final.labels)
            )
    return best


def small_group(fit: Clustering) -> bool:
    return bool(np.bincount(fit.labels, minlength=len(fit.centres)).min() < MIN_GROUP)
