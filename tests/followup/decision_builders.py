"""A past meeting with three dream cards, and a decision with those as options."""

from tests.builders import make_card, make_harvest_meeting
from wijkdialoog.followup import decisions
from wijkdialoog.followup.models import Decision

DREAMS = [
    "Een moestuin achter het buurthuis",
    "Een buurtkamer op zaterdag",
    "Een bankje bij de vijver",
]


def dream_decision(neighbourhood, *, status=Decision.Status.DRAFT) -> Decision:
    meeting = make_harvest_meeting(neighbourhood)
    cards = [make_card(meeting, text, kind="dream") for text in DREAMS]
    decision = decisions.create_decision(
        series=meeting.series,
        title="Welke droom?",
        question="Welke droom gaan we samen waarmaken?",
        meeting=meeting,
        actor=None,
    )
    decisions.add_options(decision=decision, cards=cards, actor=None)
    if status != Decision.Status.DRAFT:
        decisions.open_vote(decision=decision, actor=None)
    if status == Decision.Status.CLOSED:
        decisions.close_vote(decision=decision, actor=None)
    decision.refresh_from_db()
    return decision


def decided(neighbourhood, *, needs="Dat het ook open is voor ouderen.") -> Decision:
    decision = dream_decision(neighbourhood, status=Decision.Status.CLOSED)
    winner = decision.options.order_by("position").reverse()[0]
    decisions.choose_winner(decision=decision, option=winner, actor=None)
    decisions.record_minority(
        decision=decision,
        data={"minority_view": "Drie buren willen liever de moestuin.", "minority_needs": needs},
        actor=None,
    )
    decision.refresh_from_db()
    return decision
