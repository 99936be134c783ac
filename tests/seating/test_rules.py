"""Every seating permission, tested directly for every persona."""

import pytest

from tests.builders import make_meeting
from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

CASES = [
    # Facilitators at the meeting's own tables do not divide people: only organisers.
    ("seating.divide_tables", "meeting_today", {"organiser"}),
    ("seating.divide_tables", "meeting_elsewhere", {"outsider"}),
]


@pytest.fixture
def meeting_today(neighbourhood, facilitator):
    meeting = make_meeting(neighbourhood, days=0, hours=-0.5)
    meeting.tables.update(facilitator=facilitator.person)
    return meeting


@pytest.fixture
def meeting_elsewhere(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    return make_meeting(elsewhere, days=0, hours=-0.5)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_seating_permission_is_in_the_table():
    assert_table_is_complete("seating", CASES)
