"""`analyse()`: from votes to the opinion map, groups, consensus and representative statements."""

import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from .clustering import Clustering, cluster
from .matrix import FloatArray, IntArray, VoteMatrix, build_matrix
from .pca import Projection, project
from .repness import Representative, select
from .stats import Counts, consensus, count, divisive

MIN_VOTES = 7  # a voter is clustered with at least this many votes (Polis's rule)


@dataclass(frozen=True)
class Result:
    """The analysis of one vote matrix; `to_json()` gives the stored, anonymous form."""

    matrix: VoteMatrix
    projection: Projection
    clustered: npt.NDArray[np.bool_]  # per matrix row
    clustering: Clustering
    totals: Counts  # one "group": all voters
    counts: Counts  # per opinion group, clustered voters only
    consensus: FloatArray  # per column
    consensus_order: IntArray  # columns, best first (moderated out left out)
    divisive_order: IntArray
    representative: list[list[Representative]]
    meta: list[int] = field(default_factory=list)
    seed: int = 0

    @property
    def n_groups(self) -> int:
        return int(self.counts.agree.shape[0]) if len(self.clustering.labels) else 0

    def groups_by_voter(self) -> dict[int, int]:
        """Voter id -> group, for clustered voters only (never part of `to_json()`)."""
        ids = self.matrix.voter_ids[self.clustered]
        return {int(v): int(g) for v, g in zip(ids, self.clustering.labels, strict=True)}

    def statement_ids(self, columns: IntArray) -> list[int]:
        return [int(self.matrix.statement_ids[c]) for c in columns]

    def to_json(self) -> dict[str, Any]:
        from .export import to_json

        return to_json(self)


@functools.cache
def _threadpools() -> ThreadpoolController:
    """The thread pools of the loaded libraries, found once: looking them up costs about 3 ms,
    a tenth of the whole analysis of a small conversation."""
    return ThreadpoolController()


def analyse(
    voters: npt.ArrayLike,
    statements: npt.ArrayLike,
    values: npt.ArrayLike,
    *,
    moderated_out: Collection[int] = (),
    meta: Collection[int] = (),
    seed: int = 0,
) -> Result:
    """Analyse votes given as three equal-length arrays (voter, statement, 1 / -1 / 0).

    The last vote per voter and statement must already be chosen. Votes on `meta` statements
    are left out; `moderated_out` statements are zeroed before the PCA (see pca.py) and never
    chosen as consensus, representative or divisive.
    """
    # One thread: on these sizes BLAS and OpenMP threads cost more than they give, and on a busy
    # machine they spin against each other (k-means went from 0.09 s to 2.2 s at load 8).
    with _threadpools().limit(limits=1):
        return run(voters, statements, values, moderated_out, meta, seed)


def run(
    voters: npt.ArrayLike,
    statements: npt.ArrayLike,
    values: npt.ArrayLike,
    moderated_out: Collection[int],
    meta: Collection[int],
    seed: int,
) -> Result:
    matrix = build_matrix(voters, statements, values, moderated_out=moderated_out, meta=meta)
    projection = project(matrix)
    clustered = matrix.votes_per_voter() >= MIN_VOTES
    clustering = cluster(projection.voters[clustered], seed=seed)
    everyone = np.zeros(matrix.shape[0], dtype=np.int64)
    totals = count(matrix, everyone, 1)
    n_groups = int(clustering.labels.max()) + 1 if len(clustering.labels) else 0
    counts = count(matrix.rows(clustered), clustering.labels, n_groups) if n_groups else totals
    scores = consensus(counts)
    excluded = matrix.moderated
    candidates = np.flatnonzero(~excluded)
    order = candidates[np.argsort(-scores[candidates], kind="stable")].astype(np.int64)
    divisive_order, _ = divisive(counts, excluded) if n_groups else (np.zeros(0, np.int64), None)
    representative = [select(counts, g, excluded) for g in range(n_groups)]
    return Result(
        matrix=matrix,
        projection=projection,
        clustered=clustered,
        clustering=clustering,
        totals=totals,
        counts=counts,
        consensus=scores,
        consensus_order=order,
        divisive_order=divisive_order,
        representative=representative,
        meta=sorted(int(s) for s in meta),
        seed=seed,
    )
