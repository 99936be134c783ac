"""Per-group vote counts, group-informed consensus, representative and divisive statements.

- Group-informed consensus of a statement: the product over groups of (agree + 1) / (seen + 2),
  the chance that every group agrees (Polis's group-aware consensus).
- Representative statements (Polis's repness): for each group and statement, the smoothed share
  p = (n + 1) / (seen + 2) of agree (or disagree) votes in the group, its ratio r to the same
  share outside the group, and two z-tests: one-proportion for p (is it above one half?) and
  two-proportion for r (does the group differ from the rest?). A statement is representative
  when both tests pass at 90 % one-sided confidence; the best "agree" statement of the group
  comes first (Polis's best-agree rule), at most five in all, agrees before disagrees.
- Divisive statements: the spread between the group that agrees most and the group that agrees
  least, in smoothed agree shares (max - min over groups of (agree + 1) / (seen + 2)). A
  statement is divisive when the spread is at least `DIVISIVE_SPREAD`; most divisive first.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.stats import norm

from .matrix import FloatArray, IntArray, VoteMatrix

CONFIDENCE = 0.90
PICK_MAX = 5
DIVISIVE_SPREAD = 0.3
Z_CRITICAL = float(norm.ppf(CONFIDENCE))


@dataclass(frozen=True)
class Counts:
    """Counts per (group, statement): arrays of shape (n_groups, n_statements)."""

    agree: IntArray
    disagree: IntArray
    seen: IntArray


def count(matrix: VoteMatrix, labels: IntArray, n_groups: int) -> Counts:
    """Agree, disagree and seen counts per group (rows of `matrix` match `labels`)."""
    n = len(labels)
    members = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(n_groups, n))
    values = matrix.values
    agree = values.copy()
    agree.data = (agree.data > 0).astype(np.float64)
    disagree = values.copy()
    disagree.data = (disagree.data < 0).astype(np.float64)

    def total(part: sparse.csr_matrix) -> IntArray:
        return np.rint(np.asarray((members @ part).todense())).astype(np.int64)

    return Counts(agree=total(agree), disagree=total(disagree), seen=total(matrix.seen))


def share(successes: IntArray, seen: IntArray) -> FloatArray:
    return (successes + 1.0) / (seen + 2.0)


def consensus(counts: Counts) -> FloatArray:
    """Group-informed consensus per statement."""
    return np.asarray(share(counts.agree, counts.seen).prod(axis=0), dtype=np.float64)


def divisive(counts: Counts, excluded: npt.NDArray[np.bool_]) -> tuple[IntArray, FloatArray]:
    """Column indexes of divisive statements, most divisive first, and every spread."""
    if counts.agree.shape[0] < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(counts.agree.shape[1])
    agree_share = share(counts.agree, counts.seen)
    spread = agree_share.max(axis=0) - agree_share.min(axis=0)
    candidates = np.flatnonzero((spread >= DIVISIVE_SPREAD) & ~excluded)
    order = candidates[np.argsort(-spread[candidates], kind="stable")]
    return order.astype(np.int64), spread


def one_prop_z(successes: FloatArray, seen: FloatArray) -> FloatArray:
    n = seen + 1.0
    return np.asarray(2.0 * np.sqrt(n) * ((successes + 1.0) / n - 0.5), dtype=np.float64)


def two_prop_z(
    in_successes: FloatArray, out_successes: FloatArray, in_seen: FloatArray, out_seen: FloatArray
) -> FloatArray:
    s1, s2, n1, n2 = in_successes + 1.0, out_successes + 1.0, in_seen + 1.0, out_seen + 1.0
    pooled = (s1 + s2) / (n1 + n2)
    denominator = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s1 / n1 - s2 / n2) / denominator
    return np.asarray(np.where(pooled >= 1.0, 0.0, z), dtype=np.float64)
