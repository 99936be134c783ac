"""The report's permissions, tested directly for every persona (see tests/rules_table.py)."""

import pytest

from tests.builders import make_harvest_meeting, make_series
from tests.conftest import PERSONAS
from tests.rules_table import case_ids, check_rule

CASES = [
    ("reporting.manage_report", "meeting", {"organiser"}),
    ("reporting.manage_report", "series", {"organiser"}),
    ("reporting.manage_report", "other_series", {"outsider"}),
    ("reporting.view_internal_report", "meeting", {"organiser", "partner"}),
    ("reporting.view_internal_report", "series", {"organiser", "partner"}),
    ("reporting.view_internal_report", "other_series", {"outsider"}),
]


@pytest.fixture
def meeting(neighbourhood):
    return make_harvest_meeting(neighbourhood)


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood)


@pytest.fixture
def other_series(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    place = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    return make_series(place)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_organisers_manage_reports_and_their_partners_read_the_partner_version(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)
