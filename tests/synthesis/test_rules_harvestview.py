"""The synthesis permissions the harvest pages ask, for every persona (the other synthesis
permissions are in the test files of the themes and the story)."""

import pytest

from tests.builders import make_harvest_meeting
from tests.conftest import PERSONAS
from tests.rules_table import case_ids, check_rule
from wijkdialoog.synthesis.models import HarvestSharing

EVERYONE = set(PERSONAS)

CASES = [
    ("synthesis.view_harvest", "series", EVERYONE),
    ("synthesis.view_harvest", "meeting", EVERYONE),
    ("synthesis.view_harvest", "unpublished_series", {"organiser", "partner"}),
    ("synthesis.view_harvest", "unpublished_meeting", {"organiser", "partner"}),
    ("synthesis.view_internal_cards", "series", {"organiser"}),
    ("synthesis.view_internal_cards", "meeting", {"organiser"}),
    ("synthesis.view_internal_cards", "shared_series", {"organiser", "partner"}),
    # Sharing is per organisation: our partner sees nothing internal of another organisation.
    ("synthesis.view_internal_cards", "other_shared_series", {"outsider"}),
    ("synthesis.mark_highlights", "series", {"organiser"}),
    ("synthesis.mark_highlights", "meeting", {"organiser"}),
    ("synthesis.change_sharing", "organisation", {"organiser"}),
    ("synthesis.change_sharing", "other_organisation", {"outsider"}),
]


@pytest.fixture
def meeting(neighbourhood):
    return make_harvest_meeting(neighbourhood)


@pytest.fixture
def series(meeting):
    return meeting.series


@pytest.fixture
def unpublished_meeting(neighbourhood):
    return make_harvest_meeting(neighbourhood, published=False, days=5)


@pytest.fixture
def unpublished_series(unpublished_meeting):
    return unpublished_meeting.series


@pytest.fixture
def shared_series(series, organisation):
    HarvestSharing.objects.create(organisation=organisation, partners_see_internal=True)
    return series


@pytest.fixture
def other_shared_series(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    HarvestSharing.objects.create(organisation=other_organisation, partners_see_internal=True)
    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    return make_harvest_meeting(elsewhere).series


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)
