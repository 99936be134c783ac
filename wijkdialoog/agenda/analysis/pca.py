"""Polis's PCA with its sparsity-aware scaling, on a sparse matrix.

The math, as Polis does it and red-dwarf 0.4.0 reproduces it:

1. Moderated-out statements are zeroed: every voter gets a 0 in that column (so the column is
   constant and carries no variance, but it does count as "voted" in step 4).
2. A missing vote is filled in with the column mean (mean imputation), then the columns are
   centred. After centring, a filled-in cell is exactly 0, so the centred matrix has the same
   sparsity as the votes: entry (i, j) = vote - mean_j where voter i voted on j. We never build
   the dense matrix.
3. The two leading right singular vectors of the centred matrix are the components (sign: the
   largest absolute loading of each component is positive, as scikit-learn's PCA does).
4. A voter's projection is scaled by sqrt(statements / votes of that voter), so that people who
   voted on few statements are not bunched up in the centre.
5. A statement's position is the projection of a virtual voter who agreed with only that
   statement, with the same scaling: (1 - mean_j) * loading_j * sqrt(statements).
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from .matrix import FloatArray, VoteMatrix

DENSE_LIMIT = 4_000_000  # cells; below this a dense SVD is faster than an iterative one


@dataclass(frozen=True)
class Projection:
    voters: FloatArray  # (n_voters, 2)
    statements: FloatArray  # (n_statements, 2)
    components: FloatArray  # (2, n_statements)
    means: FloatArray  # (n_statements,)


def centred(matrix: VoteMatrix) -> tuple[sparse.csr_matrix, FloatArray]:
    """The centred matrix (moderated columns zero) and the column means."""
    shifted = matrix.seen  # matrix.votes holds the vote of each stored cell, passes included
    votes = matrix.votes
    cols = shifted.indices
    counts = np.bincount(cols, minlength=matrix.shape[1]).astype(np.float64)
    sums = np.bincount(cols, weights=votes, minlength=matrix.shape[1])
    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    means[matrix.moderated] = 0.0
    data = votes - means[cols]
    data[matrix.moderated[cols]] = 0.0
    # Copies: eliminate_zeros works in place and must not touch the seen matrix's arrays.
    result = sparse.csr_matrix(
        (data, shifted.indices.copy(), shifted.indptr.copy()), shape=matrix.shape
    )
    result.eliminate_zeros()
    return result, means


def leading_components(centred_matrix: sparse.csr_matrix, n: int = 2) -> FloatArray:
    """The `n` leading right singular vectors as rows, zero rows where there are fewer."""
    rows, cols = centred_matrix.shape
    components = np.zeros((n, cols))
    rank = min(rows, cols)
    if rank == 0 or centred_matrix.nnz == 0:
        return components
    if rows * cols <= DENSE_LIMIT or rank <= n + 1:
        dense = centred_matrix.toarray()
        if cols <= rows:
            # The right singular vectors are the eigenvectors of the statements' Gram matrix,
            # which is small; three times faster than the SVD of the whole matrix on vTaiwan.
            _, vectors = np.linalg.eigh(dense.T @ dense)
            found = vectors[:, ::-1][:, :n].T
        else:
            _, _, vt = np.linalg.svd(dense, full_matrices=False)
            found = vt[:n]
    else:
        v0 = np.linspace(1.0, 2.0, rank)  # a fixed start: the same answer every run
        _, singular, vt = svds(centred_matrix, k=n, v0=v0, solver="arpack")
        found = vt[np.argsort(-singular)]
    components[: len(found)] = found
    for row in components:
        biggest = np.argmax(np.abs(row))
        if row[biggest] < 0:
            row *= -1
    return components


def project(matrix: VoteMatrix) -> Projection:
    """Voter and statement positions in the opinion map."""
    centred_matrix, means = centred(matrix)
    components = leading_components(centred_matrix)
    n_statements = matrix.shape[1]
    raw = np.asarray(centred_matrix @ components.T)
    # A moderated-out column is a 0 for everyone, which counts as a vote in the scaling.
    seen = matrix.seen
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(seen.indptr))
    unmoderated = np.bincount(rows[~matrix.moderated[seen.indices]], minlength=matrix.shape[0])
    votes = unmoderated + int(matrix.moderated.sum())
    scale = np.sqrt(n_statements / np.maximum(1, votes))
    voters = raw * scale[:, np.newaxis]
    statements = ((1.0 - means)[:, np.newaxis] * components.T) * np.sqrt(max(1, n_statements))
    return Projection(voters=voters, statements=statements, components=components, means=means)
