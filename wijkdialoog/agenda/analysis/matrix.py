"""The vote matrix: voters as rows, statements as columns, as a scipy sparse matrix.

No Python object per vote: three integer arrays come in, one CSR matrix goes out. A stored
value is the vote (1 agree, -1 disagree, 0 pass); `seen` marks that a voter saw a statement,
because a pass is a stored zero, which a sparse matrix would otherwise not tell from "not seen".
"""

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class VoteMatrix:
    """Votes of `voter_ids` (rows) on `statement_ids` (columns, sorted ascending).

    `values` holds 1 / -1 (passes are explicit zeros, dropped by arithmetic), `seen` holds 1 for
    every vote including passes. Columns exist only for statements with at least one vote, as in
    Polis; meta statements are not in the matrix at all.
    """

    voter_ids: IntArray
    statement_ids: IntArray
    values: sparse.csr_matrix
    seen: sparse.csr_matrix
    moderated: npt.NDArray[np.bool_]  # per column: moderated out
    votes: FloatArray  # the vote of every stored cell of `seen`, passes included

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.voter_ids), len(self.statement_ids))

    def votes_per_voter(self) -> IntArray:
        counts: IntArray = np.diff(self.seen.indptr).astype(np.int64)
        return counts

    def rows(self, mask: npt.NDArray[np.bool_]) -> "VoteMatrix":
        """The same matrix with only the rows where `mask` is true."""
        return VoteMatrix(
            voter_ids=self.voter_ids[mask],
            statement_ids=self.statement_ids,
            values=self.values[mask],
            seen=self.seen[mask],
            moderated=self.moderated,
            votes=np.zeros(0),  # only the full matrix keeps the votes per seen cell
        )


def build_matrix(
    voters: npt.ArrayLike,
    statements: npt.ArrayLike,
    values: npt.ArrayLike,
    *,
    moderated_out: Collection[int] = (),
    meta: Collection[int] = (),
) -> VoteMatrix:
    """A `VoteMatrix` from equal-length arrays; votes on meta statements are left out."""
    voter_arr = np.asarray(voters, dtype=np.int64)
    statement_arr = np.asarray(statements, dtype=np.int64)
    value_arr = np.asarray(values, dtype=np.int64)
    if not (len(voter_arr) == len(statement_arr) == len(value_arr)):
        raise ValueError("voters, statements and values must have the same length")
    if len(value_arr) and not np.isin(value_arr, (-1, 0, 1)).all():
        raise ValueError("a vote must be 1, -1 or 0")
    if meta:
        keep = ~np.isin(statement_arr, np.fromiter(meta, dtype=np.int64))
        voter_arr, statement_arr, value_arr = voter_arr[keep], statement_arr[keep], value_arr[keep]
    voter_ids, rows = distinct(voter_arr)
    statement_ids, cols = distinct(statement_arr)
    shape = (len(voter_ids), len(statement_ids))
    # Stored as vote + 2 (1, 2 or 3), so a pass is not an implicit zero and a doubled vote
    # shows up as a sum above 3 or as fewer stored cells.
    shifted = sparse.csr_matrix((value_arr.astype(np.float64) + 2.0, (rows, cols)), shape=shape)
    shifted.sum_duplicates()
    if shifted.nnz != len(value_arr):
        raise ValueError("a voter voted twice on one statement; keep the last vote first")
    votes = shifted.data - 2.0
    seen = sparse.csr_matrix((np.ones(len(votes)), shifted.indices, shifted.indptr), shape=shape)
    vals = sparse.csr_matrix(
        (votes.copy(), shifted.indices.copy(), shifted.indptr.copy()), shape=shape
    )
    vals.eliminate_zeros()
    moderated_ids = np.fromiter(moderated_out, dtype=np.int64) if moderated_out else None
    moderated = (
        np.isin(statement_ids, moderated_ids)
        if moderated_ids is not None
        else np.zeros(len(statement_ids), dtype=bool)
    )
    return VoteMatrix(
        voter_ids=voter_ids.astype(np.int64),
        statement_ids=statement_ids.astype(np.int64),
        values=vals,
        seen=seen,
        moderated=moderated,
        votes=votes,
    )


def distinct(ids: IntArray) -> tuple[IntArray, IntArray]:
    """Sorted distinct ids and each element's index among them; linear time for dense ids."""
    if len(ids) and ids.min() >= 0 and ids.max() <= 4 * len(ids) + 1000:
        present = np.zeros(int(ids.max()) + 1, dtype=bool)
        present[ids] = True
        position = np.cumsum(present) - 1
        return np.flatnonzero(present).astype(np.int64), position[ids].astype(np.int64)
    found, inverse = np.unique(ids, return_inverse=True)
    return found.astype(np.int64), inverse.astype(np.int64)
