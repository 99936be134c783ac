"""The analysis on tiny hand-made matrices whose groups and consensus are known."""

import numpy as np
import pytest

from wijkdialoog.agenda.analysis import analyse
from wijkdialoog.agenda.analysis.clustering import MIN_GROUP, Silhouette, cluster


def planted(sizes=(10, 8), statements=10, shared=(7, 8, 9), seed=1):
    """Group g agrees with the first half and disagrees with the rest, or the other way round;
    everyone agrees with the `shared` statements."""
    rng = np.random.default_rng(seed)
    voters, stmts, values = [], [], []
    voter = 100
    for group, size in enumerate(sizes):
        for _ in range(size):
            for s in range(statements):
                if s in shared:
                    value = 1
                else:
                    value = 1 if (s < statements // 2) == (group == 0) else -1
                    if rng.random() < 0.05:
                        value = 0
                voters.append(voter)
                stmts.append(s)
                values.append(value)
            voter += 1
    return np.array(voters), np.array(stmts), np.array(values)


def test_planted_groups_and_consensus():
    result = analyse(*planted())
    data = result.to_json()
    assert result.n_groups == 2
    assert sorted(g["size"] for g in data["groups"]) == [8, 10]
    by_voter = result.groups_by_voter()
    assert len({by_voter[v] for v in range(100, 110)}) == 1
    assert len({by_voter[v] for v in range(110, 118)}) == 1
    assert set(data["consensus"][:3]) == {7, 8, 9}
    assert data["n_voters"] == data["n_clustered"] == 18
    assert data["n_votes"] == 180
    # Known consensus: a shared statement is agreed by all, (10+1)/(10+2) * (8+1)/(8+2).
    assert data["statements"]["7"]["consensus"] == pytest.approx(11 / 12 * 9 / 10, abs=1e-6)
    assert set(data["divisive"]) <= {0, 1, 2, 3, 4, 5, 6}
    assert len(data["divisive"]) >= 4
    for group in data["groups"]:
        assert group["representative"]
        assert all(
            r["statement"] not in (7, 8, 9) or r["direction"] == "agree"
            for r in group["representative"]
        )
    assert len(data["points"]) == 18


def test_json_has_no_voter_ids_and_contract_keys():
    data = analyse(*planted()).to_json()
    assert set(data) == {
        "n_voters",
        "n_votes",
        "n_clustered",
        "statements",
        "groups",
        "consensus",
        "divisive",
        "points",
        "moderated_out",
        "meta",
    }
    assert set(data["statements"]["0"]) == {
        "agree",
        "disagree",
        "pass",
        "seen",
        "consensus",
        "x",
        "y",
    }
    assert "100" not in str(data["points"])  # positions only


def test_never_a_group_of_one_or_two():
    voters, stmts, values = planted(sizes=(12, 10))
    # An outlier of two people who disagree with everything.
    extra = [(900 + i, s, -1) for i in range(2) for s in range(10)]
    voters = np.concatenate([voters, [e[0] for e in extra]])
    stmts = np.concatenate([stmts, [e[1] for e in extra]])
    values = np.concatenate([values, [e[2] for e in extra]])
    result = analyse(voters, stmts, values)
    assert min(np.bincount(result.clustering.labels)) >= MIN_GROUP


def test_too_few_people_make_no_groups_or_one():
    assert len(cluster(np.zeros((2, 2))).labels) == 0
    points = np.array([[0.0, 0], [0, 1], [1, 0], [5, 5]])
    assert set(cluster(points).labels) == {0}


def test_moderated_out_is_zeroed_and_never_chosen():
    voters, stmts, values = planted()
    result = analyse(voters, stmts, values, moderated_out=[0, 7])
    data = result.to_json()
    assert data["moderated_out"] == [0, 7]
    assert 0 not in data["consensus"] and 7 not in data["consensus"]
    assert 0 not in data["divisive"]
    for group in data["groups"]:
        assert all(r["statement"] not in (0, 7) for r in group["representative"])
    # Zeroed: no loading in the map, but the votes are still counted.
    assert data["statements"]["0"]["x"] == data["statements"]["0"]["y"] == 0
    assert data["statements"]["7"]["agree"] == 18
    assert result.n_groups == 2


def test_meta_statements_are_left_out():
    voters, stmts, values = planted()
    result = analyse(voters, stmts, values, meta=[9])
    data = result.to_json()
    assert "9" not in data["statements"]
    assert data["meta"] == [9]
    assert data["n_votes"] == 162


def test_few_votes_are_not_clustered():
    voters, stmts, values = planted()
    keep = ~((voters == 100) & (stmts >= 6))  # voter 100 keeps 6 votes
    result = analyse(voters[keep], stmts[keep], values[keep])
    assert 100 not in result.groups_by_voter()
    assert result.to_json()["n_clustered"] == 17


def test_duplicate_votes_are_refused():
    with pytest.raises(ValueError, match="twice"):
        analyse(np.array([1, 1]), np.array([2, 2]), np.array([1, -1]))


@pytest.mark.parametrize("n", [40, 400, 2000])
def test_shared_silhouette_equals_scikit_learns(n):
    """One distance matrix for every k gives the scores scikit-learn gives, sample included."""
    from sklearn.metrics import silhouette_score

    rng = np.random.default_rng(n)
    points = rng.normal(size=(n, 2))
    shared = Silhouette(points, seed=0)
    for k in (2, 3, 5):
        labels = rng.integers(0, k, size=n)
        labels[:k] = np.arange(k)
        sample = {"sample_size": 1500, "random_state": 0} if n > 1500 else {}
        assert shared.score(labels) == pytest.approx(silhouette_score(points, labels, **sample))
