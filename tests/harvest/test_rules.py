"""Every harvest permission, tested directly for every persona. The `meeting` started half an
hour ago; the `facilitator` persona leads its table 1 (see conftest.py)."""

import pytest

from tests.builders import make_meeting
from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

EVERYONE = set(PERSONAS)

CASES = [
    ("harvest.run_table", "table", {"organiser", "facilitator"}),
    ("harvest.run_table", "harvested_table", {"organiser", "facilitator"}),
    ("harvest.run_table", "unassigned_table", {"organiser"}),
    # Access needs: the facilitator of the table, not its harvester.
    ("harvest.see_needs_at_table", "table", {"organiser", "facilitator"}),
    ("harvest.see_needs_at_table", "harvested_table", {"organiser"}),
    ("harvest.see_needs_at_table", "unassigned_table", {"organiser"}),
    ("harvest.enter_paper_cards", "meeting", {"organiser"}),
    ("harvest.view_internal_cards", "meeting", {"organiser"}),
    ("harvest.view_wall", "meeting", EVERYONE),
    ("harvest.view_wall", "unpublished_meeting", {"organiser"}),
    ("harvest.export_cards", "meeting", {"organiser", "facilitator", "partner"}),
    ("harvest.export_cards", "unpublished_meeting", {"organiser"}),
    ("harvest.export_evaluations", "meeting", {"organiser"}),
]


@pytest.fixture
def harvested_table(meeting, facilitator):
    """Table 2, where the `facilitator` persona only takes notes."""
    table = meeting.tables.get(number=2)
    table.harvester = facilitator.person
    table.save()
    return table


@pytest.fixture
def unassigned_table(meeting):
    return meeting.tables.get(number=2)


@pytest.fixture
def unpublished_meeting(neighbourhood, facilitator):
    meeting = make_meeting(neighbourhood, days=0, hours=-0.5, published=False)
    meeting.tables.update(facilitator=facilitator.person)
    return meeting


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_harvest_permission_is_in_the_table():
    assert_table_is_complete("harvest", CASES)
