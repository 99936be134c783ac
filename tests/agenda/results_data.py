"""An Analysis row with a result in the contract's schema, for the results and wijkagenda pages."""

from django.utils import timezone

from tests.agenda.organiser_data import make_statement
from wijkdialoog.agenda.models import Analysis


def analysed(agenda):
    """Three statements: 1 everyone supports, 2 group A, 3 divides."""
    texts = ["Meer groen in de straat.", "Een buurthuis.", "Parkeren op het plein."]
    statements = [make_statement(agenda, text) for text in texts]
    groups = [
        {
            "id": 0,
            "size": 6,
            "votes": {
                "1": {"agree": 6, "disagree": 0, "seen": 6},
                "2": {"agree": 5, "disagree": 1, "seen": 6},
                "3": {"agree": 0, "disagree": 6, "seen": 6},
            },
            "representative": [
                {"statement": 2, "direction": "agree", "probability": 0.8, "repness": 2.0},
                {"statement": 3, "direction": "disagree", "probability": 0.9, "repness": 3.0},
            ],
        },
        {
            "id": 1,
            "size": 5,
            "votes": {
                "1": {"agree": 4, "disagree": 1, "seen": 5},
                "2": {"agree": 1, "disagree": 3, "seen": 5},
                "3": {"agree": 5, "disagree": 0, "seen": 5},
            },
            "representative": [
                {"statement": 3, "direction": "agree", "probability": 0.9, "repness": 3.0}
            ],
        },
    ]
    points = [[-1.0 - i / 10, 0.5, 0] for i in range(6)] + [
        [1.0 + i / 10, -0.5, 1] for i in range(5)
    ]
    result = {
        "n_voters": 11,
        "n_votes": 33,
        "n_clustered": 11,
        "statements": {
            "1": {
                "agree": 10,
                "disagree": 1,
                "pass": 0,
                "seen": 11,
                "consensus": 0.7,
                "x": 0.0,
                "y": 0.1,
            },
            "2": {
                "agree": 6,
                "disagree": 4,
                "pass": 1,
                "seen": 11,
                "consensus": 0.2,
                "x": -0.5,
                "y": 0.0,
            },
            "3": {
                "agree": 5,
                "disagree": 6,
                "pass": 0,
                "seen": 11,
                "consensus": 0.05,
                "x": 0.6,
                "y": 0.0,
            },
        },
        "groups": groups,
        "consensus": [1, 2, 3],
        "divisive": [3],
        "points": points,
        "moderated_out": [],
        "meta": [],
    }
    Analysis.objects.create(agenda=agenda, computed_at=timezone.now(), vote_count=33, result=result)
    return statements
