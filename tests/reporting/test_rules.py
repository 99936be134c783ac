"""Every reporting permission, tested directly for every persona."""

import pytest

from tests.builders import make_meeting
from tests.conftest import PERSONAS
from tests.reporting.test_population_pages import CASES as POPULATION_CASES
from tests.reporting.test_report_rules import CASES as REPORT_CASES
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

CASES = [
    ("reporting.view_evaluation", "series", {"organiser"}),
    ("reporting.view_evaluation", "organisation", {"organiser"}),
    ("reporting.send_newsletter", "series", {"organiser"}),
    ("reporting.send_newsletter", "meeting", {"organiser"}),
]


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(neighbourhood, days=-3)


@pytest.fixture
def series(meeting):
    return meeting.series


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_reporting_permission_is_in_one_of_the_tables():
    # The report's and the population's permissions are tested, per persona, beside their pages.
    assert_table_is_complete("reporting", CASES + REPORT_CASES + POPULATION_CASES)
