"""Every registrations permission, tested directly for every persona. The check-in rules
depend on the day: the window runs from the day before the meeting to the day after."""

import pytest

from tests.builders import make_meeting, make_registration
from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

CASES = [
    ("registrations.register_on_behalf", "meeting_today", {"organiser", "facilitator"}),
    ("registrations.register_on_behalf", "meeting_next_week", {"organiser", "facilitator"}),
    ("registrations.register_on_behalf", "meeting_elsewhere", {"outsider"}),
    # The list at the door: the people at the meeting's own tables only in the window.
    ("registrations.view_check_in", "meeting_today", {"organiser", "facilitator"}),
    ("registrations.view_check_in", "meeting_next_week", {"organiser"}),
    ("registrations.view_check_in", "meeting_last_week", {"organiser"}),
    ("registrations.view_check_in", "meeting_today_at_other_tables", {"organiser"}),
    # Nobody checks people in before the window; organisers may still correct afterwards.
    ("registrations.check_in", "meeting_today", {"organiser", "facilitator"}),
    ("registrations.check_in", "meeting_next_week", set()),
    ("registrations.check_in", "meeting_last_week", {"organiser"}),
    ("registrations.check_in", "meeting_today_at_other_tables", {"organiser"}),
    ("registrations.manage_registrations", "meeting_today", {"organiser"}),
    ("registrations.export_registrations", "meeting_today", {"organiser"}),
    ("registrations.export_registrations", "meeting_elsewhere", {"outsider"}),
    # What someone registered on behalf of another: whoever did it, and organisers.
    ("registrations.view_registered_on_behalf", "by_facilitator", {"organiser", "facilitator"}),
    ("registrations.view_registered_on_behalf", "by_organiser", {"organiser"}),
    ("registrations.view_registered_on_behalf", None, set()),
]


def _at_the_table(meeting, person):
    meeting.tables.update(facilitator=person)
    return meeting


@pytest.fixture
def meeting_today(neighbourhood, facilitator):
    return _at_the_table(make_meeting(neighbourhood, days=0, hours=-0.5), facilitator.person)


@pytest.fixture
def meeting_next_week(neighbourhood, facilitator):
    return _at_the_table(make_meeting(neighbourhood, days=7), facilitator.person)


@pytest.fixture
def meeting_last_week(neighbourhood, facilitator):
    return _at_the_table(make_meeting(neighbourhood, days=-7), facilitator.person)


@pytest.fixture
def meeting_today_at_other_tables(neighbourhood):
    return make_meeting(neighbourhood, days=0, hours=-0.5)


@pytest.fixture
def meeting_elsewhere(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    return make_meeting(elsewhere, days=0, hours=-0.5)


@pytest.fixture
def series(meeting_today):
    return meeting_today.series


@pytest.fixture
def by_facilitator(meeting_today, facilitator):
    return make_registration(meeting_today, "Anna", registered_by=facilitator.person.user)


@pytest.fixture
def by_organiser(meeting_today, organiser):
    return make_registration(meeting_today, "Bert", registered_by=organiser.person.user)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_registrations_permission_is_in_the_table():
    assert_table_is_complete("registrations", CASES)
