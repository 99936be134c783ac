"""A past meeting with personal actions, and people to own them."""

import datetime

from tests.builders import make_card, make_harvest_meeting, make_person
from wijkdialoog.harvest.models import Card, CardKind

WEEK = datetime.timedelta(weeks=1)


def make_action(meeting, person, text="Ik ga mijn buren groeten.") -> Card:
    return make_card(
        meeting,
        text,
        kind=CardKind.PERSONAL_ACTION,
        publication=Card.Publication.INTERNAL,
        owner=person,
    )


def past_meeting_with_actions(neighbourhood, *, days=-1):
    """A meeting `days` ago; Anna (Dutch) has two actions, Ben (English) one, Cor (no email) one."""
    organisation = neighbourhood.organisation
    meeting = make_harvest_meeting(neighbourhood, days=days)
    anna = make_person(organisation, "Anna", email="anna@example.org", phone="06 1234 5678")
    ben = make_person(organisation, "Ben", email="ben@example.org", language="en")
    cor = make_person(organisation, "Cor", phone="06 9999 0000")
    make_action(meeting, anna, "Ik ga mijn buren groeten.")
    make_action(meeting, anna, "Ik help bij de moestuin.")
    make_action(meeting, ben, "I will join the clean-up.")
    make_action(meeting, cor, "Ik bel de wijkagent.")
    return meeting, {"anna": anna, "ben": ben, "cor": cor}
