"""Every outreach permission, tested directly for every persona."""

import pytest

from tests.builders import make_meeting
from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

CASES = [
    ("outreach.manage_channels", "series", {"organiser"}),
    ("outreach.manage_channels", "series_elsewhere", {"outsider"}),
]


@pytest.fixture
def series(neighbourhood):
    return make_meeting(neighbourhood, days=7).series


@pytest.fixture
def series_elsewhere(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    return make_meeting(elsewhere, days=7).series


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_outreach_permission_is_in_the_table():
    assert_table_is_complete("outreach", CASES)
