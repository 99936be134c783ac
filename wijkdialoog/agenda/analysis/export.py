"""The stored, anonymous JSON form of a `Result` (see agenda_contract: `Analysis.result`)."""

from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .result import Result


def statements_json(result: "Result") -> dict[str, Any]:
    totals = result.totals
    xy = result.projection.statements
    statements: dict[str, Any] = {}
    for column, statement in enumerate(result.matrix.statement_ids):
        agree = int(totals.agree[0, column])
        disagree = int(totals.disagree[0, column])
        seen = int(totals.seen[0, column])
        statements[str(int(statement))] = {
            "agree": agree,
            "disagree": disagree,
            "pass": seen - agree - disagree,
            "seen": seen,
            "consensus": round(float(result.consensus[column]), 6),
            "x": round(float(xy[column, 0]), 4),
            "y": round(float(xy[column, 1]), 4),
        }
    return statements


def groups_json(result: "Result") -> list[dict[str, Any]]:
    groups = []
    sizes = np.bincount(result.clustering.labels, minlength=result.n_groups)
    ids = result.matrix.statement_ids
    for group in range(result.n_groups):
        counts = result.counts
        votes = {
            str(int(ids[c])): {
                "agree": int(counts.agree[group, c]),
                "disagree": int(counts.disagree[group, c]),
                "seen": int(counts.seen[group, c]),
            }
            for c in np.flatnonzero(counts.seen[group])
        }
        representative = [
            {
                "statement": int(ids[rep.column]),
                "direction": rep.direction,
                "probability": round(rep.probability, 4),
                "repness": round(rep.repness, 4),
            }
            for rep in result.representative[group]
        ]
        groups.append(
            {
                "id": group,
                "size": int(sizes[group]),
                "votes": votes,
                "representative": representative,
            }
        )
    return groups


def points_json(result: "Result") -> list[list[float | int]]:
    """Clustered voters' positions with their group, shuffled so no order gives anyone away."""
    positions = result.projection.voters[result.clustered]
    labels = result.clustering.labels
    order = np.random.default_rng(result.seed).permutation(len(labels))
    return [
        [round(float(positions[i, 0]), 3), round(float(positions[i, 1]), 3), int(labels[i])]
        for i in order
    ]


def to_json(result: "Result") -> dict[str, Any]:
    """The contract's schema; never a voter id."""
    matrix = result.matrix
    return {
        "n_voters": int(matrix.shape[0]),
        "n_votes": int(matrix.seen.nnz),
        "n_clustered": int(result.clustered.sum()),
        "statements": statements_json(result),
        "groups": groups_json(result),
        "consensus": result.statement_ids(result.consensus_order),
        "divisive": result.statement_ids(result.divisive_order),
        "points": points_json(result),
        "moderated_out": [int(s) for s in matrix.statement_ids[matrix.moderated]],
        "meta": list(result.meta),
    }
